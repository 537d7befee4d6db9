#include <quotecheck/db/schema.hpp>
#include <quotecheck/db/store.hpp>

#include "lookup_memo.hpp"
#include "sql.hpp"

#include <cstdlib>
#include <string>
#include <unordered_map>

namespace quotecheck::db {

struct store::impl {
  sqlite3 *db = nullptr;
  std::string path;
  open_mode mode = open_mode::read_write;
  std::unordered_map<std::string, sqlite3_stmt *> cache;
  detail::lookup_memo memo;

  ~impl() {
    for (auto &[sql, st] : cache)
      sqlite3_finalize(st);
    if (db != nullptr)
      sqlite3_close_v2(db);
  }
};

namespace {

/// SQLite counts every allocation under a global mutex unless told not to;
/// nothing here reads those counts, and parallel workers would queue on it.
/// Must run before SQLite initialises, hence at static initialisation.
[[maybe_unused]] const int k_sqlite_configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

/// Percent-encodes a path for a `file:` URI so '?', '#' and '%' in names survive.
std::string file_uri(const std::string &path, const char *query) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '?' || c == '#' || c == '%' || c < 0x20) {
      static const char *hex = "0123456789ABCDEF";
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    } else {
      uri += static_cast<char>(c);
    }
  }
  uri += query;
  return uri;
}

/// A process killed in the middle of a write can leave a write-ahead log
/// whose index must be rebuilt before anyone reads, and a read-only
/// connection may not rebuild it (SQLITE_READONLY_RECOVERY or _CANTINIT).
/// Then a read-write connection runs the recovery (it changes no content:
/// committed transactions stay, the torn one is dropped) and the read-only
/// one goes on. A file we may not write stays unreadable, with SQLite's reason.
result<void> recover_for_reading(sqlite3 *db, const std::string &rw_uri) {
  const int rc = sqlite3_exec(db, "SELECT 1 FROM sqlite_master LIMIT 1", nullptr, nullptr, nullptr);
  if ((rc & 0xff) != SQLITE_READONLY)
    return {}; // fine, or an error the schema check reports in its own words
  sqlite3 *rw = nullptr;
  int rrc = sqlite3_open_v2(rw_uri.c_str(), &rw,
                            SQLITE_OPEN_URI | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rrc == SQLITE_OK) {
    sqlite3_busy_timeout(rw, busy_timeout_ms());
    rrc = sqlite3_exec(rw, "SELECT 1 FROM sqlite_master LIMIT 1", nullptr, nullptr, nullptr);
  }
  sqlite3_close_v2(rw);
  if (rrc != SQLITE_OK ||
      sqlite3_exec(db, "SELECT 1 FROM sqlite_master LIMIT 1", nullptr, nullptr, nullptr) != SQLITE_OK)
    return error{
        error_code::db_error,
        std::string(sqlite3_errmsg(db)) + " (the file needs crash recovery, which takes write access)", 0};
  return {};
}

} // namespace

int busy_timeout_ms() {
  if (const char *env = std::getenv("QUOTECHECK_BUSY_TIMEOUT"); env != nullptr && *env != '\0') {
    char *end = nullptr;
    long seconds = std::strtol(env, &end, 10);
    if (end != env && *end == '\0' && seconds >= 0 && seconds <= 86400)
      return static_cast<int>(seconds * 1000);
  }
  return default_busy_timeout_seconds * 1000;
}

store::store(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
store::store(store &&) noexcept = default;
store &store::operator=(store &&) noexcept = default;
store::~store() = default;

const std::string &store::path() const { return impl_->path; }
open_mode store::mode() const { return impl_->mode; }
sqlite3 *store::handle() const { return impl_->db; }

detail::lookup_memo &detail::lookup_memo_of(const store &s) { return s.impl_->memo; }

bool store::share_lookups(std::shared_ptr<shared_lookups> with) {
  if (impl_->mode != open_mode::immutable || with == nullptr) {
    return false;
  }
  impl_->memo.share(std::move(with));
  return true;
}

sqlite3_stmt *store::prepare(std::string_view sql, error &err) const {
  std::string key(sql);
  if (auto it = impl_->cache.find(key); it != impl_->cache.end()) {
    sqlite3_reset(it->second);
    sqlite3_clear_bindings(it->second);
    return it->second;
  }
  sqlite3_stmt *st = nullptr;
  if (sqlite3_prepare_v3(impl_->db, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &st,
                         nullptr) != SQLITE_OK) {
    err = detail::sqlite_error(impl_->db, "cannot prepare SQL");
    return nullptr;
  }
  impl_->cache.emplace(std::move(key), st);
  return st;
}

result<store> store::open(const std::string &path, open_mode mode) {
  auto p = std::make_unique<impl>();
  p->path = path;
  p->mode = mode;
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  std::string uri;
  switch (mode) {
  case open_mode::read_write:
    flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    uri = file_uri(path, "");
    break;
  case open_mode::read_only:
    flags |= SQLITE_OPEN_READONLY;
    uri = file_uri(path, "?mode=ro");
    break;
  case open_mode::immutable:
    flags |= SQLITE_OPEN_READONLY;
    uri = file_uri(path, "?mode=ro&immutable=1");
    break;
  }
  int rc = sqlite3_open_v2(uri.c_str(), &p->db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = p->db != nullptr ? sqlite3_errmsg(p->db) : "out of memory";
    return error{error_code::db_error, "cannot open database " + path + ": " + why, 0};
  }
  // Another process holding the write lock (a concurrent import) or running a
  // checkpoint or crash recovery makes SQLite report "busy": retry with
  // SQLite's backoff (1 ms growing to 100 ms) for up to busy_timeout_ms().
  sqlite3_busy_timeout(p->db, busy_timeout_ms());
  // 64 MiB of page cache: imports merge FTS segments and lookups re-read posting lists.
  detail::exec(p->db, "PRAGMA cache_size = -65536");
  sqlite3_extended_result_codes(p->db, 1);

  if (mode == open_mode::read_write) {
    // Upgrade (or refuse a newer file) before touching the journal mode, so a
    // file we may not write is left exactly as it was.
    if (auto r = detail::exec(p->db, "PRAGMA foreign_keys = ON"); !r.ok())
      return error{error_code::db_error, "cannot open database " + path + ": " + r.err().message, 0};
    if (auto r = upgrade_schema(p->db); !r.ok()) {
      auto e = r.err();
      e.message = path + ": " + e.message;
      return e;
    }
    if (auto r = detail::exec(p->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"); !r.ok())
      return error{error_code::db_error, "cannot open database " + path + ": " + r.err().message, 0};
  } else {
    if (auto r = recover_for_reading(p->db, file_uri(path, "")); !r.ok())
      return error{error_code::db_error, "cannot open database " + path + ": " + r.err().message, 0};
    store probe(std::move(p));
    auto v = schema_version(probe);
    if (!v.ok())
      return error{error_code::db_error, "cannot open database " + path + ": " + v.err().message, 0};
    if (v.value() > current_schema_version)
      return error{error_code::schema_too_new,
                   path + ": database schema version " + std::to_string(v.value()) +
                       " is newer than this quotecheck supports (" + std::to_string(current_schema_version) +
                       "); upgrade quotecheck",
                   0};
    if (v.value() < oldest_readable_schema_version)
      return error{error_code::db_error,
                   path + (v.value() == 0
                               ? ": not a quotecheck database (run `quotecheck db init`)"
                               : ": database schema version " + std::to_string(v.value()) +
                                     " is older than this quotecheck reads (" +
                                     std::to_string(oldest_readable_schema_version) + " to " +
                                     std::to_string(current_schema_version) +
                                     "); run `quotecheck db init --db " + path + "` to upgrade it"),
                   0};
    return probe;
  }
  return store(std::move(p));
}

read_snapshot::read_snapshot(const store *s) {
  if (s == nullptr || sqlite3_get_autocommit(s->handle()) == 0)
    return;
  // A failed BEGIN leaves each query to lock on its own, as without a snapshot.
  if (!detail::exec(s->handle(), "BEGIN").ok())
    return;
  db_ = s->handle();
  auto &memo = detail::lookup_memo_of(*s);
  if (memo.refresh(*s).ok()) { // its PRAGMA starts the read transaction
    memo_ = &memo;
    memo.pin(true);
  }
}

read_snapshot::~read_snapshot() {
  if (memo_ != nullptr)
    memo_->pin(false);
  if (db_ != nullptr)
    (void)detail::exec(db_, "COMMIT");
}

} // namespace quotecheck::db
