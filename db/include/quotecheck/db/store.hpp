#pragma once
/// The statements database: one SQLite file opened read-write (WAL, creates
/// and upgrades the schema) or read-only (for batch workers). A store owns its
/// connection and a cache of prepared statements; it is movable, not copyable,
/// and must be used from one thread at a time (open one store per worker).

#include <quotecheck/parser/result.hpp>

#include <memory>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace quotecheck::db {

class store;
namespace detail {
class lookup_memo;
/// The store's memo of lookups (internal: db/src/lookup_memo.hpp).
lookup_memo &lookup_memo_of(const store &s);
} // namespace detail

/// How to open a database file.
enum class open_mode {
  read_write, ///< create if missing, create or upgrade the schema, WAL journal
  read_only,  ///< `mode=ro`: never writes; refuses a schema that needs upgrading
  immutable,  ///< `mode=ro&immutable=1`: for a copy no process writes to (batch workers)
};

/// What several stores opened `immutable` on one file have looked up, shared
/// by their threads (thread-safe): which words occur in the statements at
/// all. Each worker's own memo learned every word again, a query to the
/// full-text index each time; with an immutable file nobody can change the
/// answers, so one worker's lookup serves all.
class shared_lookups;
[[nodiscard]] std::shared_ptr<shared_lookups> make_shared_lookups();

/// How long an open store waits for another process's lock before failing
/// with "database is locked", unless $QUOTECHECK_BUSY_TIMEOUT says otherwise.
inline constexpr int default_busy_timeout_seconds = 600;

/// The busy timeout in milliseconds: $QUOTECHECK_BUSY_TIMEOUT (whole seconds,
/// 0 to 86400) when set and valid, else default_busy_timeout_seconds. Writers
/// queue behind one another (one import's file transaction at a time); readers
/// in WAL mode wait only during crash recovery.
int busy_timeout_ms();

class store {
public:
  /// Opens (and for read_write creates or upgrades) the database at `path`.
  /// Fails with schema_too_new when the file was written by a newer quotecheck,
  /// and with db_error when the file is missing (read-only modes) or not SQLite.
  static result<store> open(const std::string &path, open_mode mode = open_mode::read_write);

  store(store &&) noexcept;
  store &operator=(store &&) noexcept;
  store(const store &) = delete;
  store &operator=(const store &) = delete;
  ~store();

  /// The file this store was opened on.
  [[nodiscard]] const std::string &path() const;
  /// The mode it was opened in.
  [[nodiscard]] open_mode mode() const;
  /// The raw connection, for the library's own SQL helpers.
  [[nodiscard]] sqlite3 *handle() const;

  /// Shares `with` with the other stores given it; only a store opened
  /// immutable takes it (another process could change a read_only or
  /// read_write file between two stores' snapshots). True when taken.
  bool share_lookups(std::shared_ptr<shared_lookups> with);

  /// A prepared statement for `sql`, compiled once per store and cached; it
  /// comes back reset with its bindings cleared. Do not nest two uses of the
  /// same SQL text. Returns nullptr (and sets `err`) when SQLite rejects it.
  sqlite3_stmt *prepare(std::string_view sql, error &err) const;

private:
  friend detail::lookup_memo &detail::lookup_memo_of(const store &s);
  struct impl;
  explicit store(std::unique_ptr<impl> p);
  std::unique_ptr<impl> impl_;
};

/// One read transaction around many lookups (all of one document's checks):
/// every lookup sees the same snapshot, and the file is locked and checked for
/// changes once instead of once per query, which also keeps parallel workers
/// from queueing on SQLite's per-file lock mutex. Does nothing for a null
/// store or inside a transaction already open. Only for reading.
class read_snapshot {
public:
  explicit read_snapshot(const store *s);
  read_snapshot(const read_snapshot &) = delete;
  read_snapshot &operator=(const read_snapshot &) = delete;
  ~read_snapshot();

private:
  sqlite3 *db_ = nullptr;               ///< set while this snapshot's transaction is open
  detail::lookup_memo *memo_ = nullptr; ///< the store's memo, pinned to the transaction
};

} // namespace quotecheck::db
