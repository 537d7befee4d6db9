#pragma once
/// Internal helpers over the SQLite C API: a lease on a cached prepared
/// statement with typed binding and reading, and a transaction guard. Every
/// value reaches SQL through a bound parameter; no text is pasted into SQL.

#include <quotecheck/db/store.hpp>

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quotecheck::db::detail {

/// An error carrying SQLite's message for `db`.
error sqlite_error(sqlite3 *db, std::string_view what);

/// A prepared statement borrowed from a store's cache; reset on destruction.
class query {
public:
  query(const store &s, std::string_view sql);
  query(const query &) = delete;
  query &operator=(const query &) = delete;
  ~query();

  /// False when the SQL failed to prepare; `err()` says why.
  [[nodiscard]] bool ok() const { return stmt_ != nullptr; }
  [[nodiscard]] const error &err() const { return err_; }

  query &bind(int index, std::string_view text);
  query &bind(int index, std::int64_t value);
  query &bind(int index, double value);
  query &bind_null(int index);
  /// Binds NULL for an empty string, the text otherwise.
  query &bind_opt(int index, std::string_view text);

  /// Steps once: true for a row, false when done. Errors land in `err()`.
  bool step();
  /// Runs to completion; false on error.
  bool run();
  /// Rewinds so the statement can run again with new bindings.
  void reset();

  [[nodiscard]] std::string text(int col) const;
  [[nodiscard]] std::int64_t integer(int col) const;
  [[nodiscard]] double real(int col) const;
  [[nodiscard]] bool is_null(int col) const;

private:
  sqlite3 *db_ = nullptr;
  sqlite3_stmt *stmt_ = nullptr;
  error err_;
};

/// BEGIN IMMEDIATE on construction; rolls back unless commit() succeeded.
class transaction {
public:
  explicit transaction(const store &s);
  transaction(const transaction &) = delete;
  transaction &operator=(const transaction &) = delete;
  ~transaction();
  [[nodiscard]] bool ok() const { return begun_; }
  [[nodiscard]] const error &err() const { return err_; }
  result<void> commit();

private:
  sqlite3 *db_;
  bool begun_ = false;
  bool done_ = false;
  error err_;
};

/// Runs SQL without parameters (DDL, pragmas, transaction control).
result<void> exec(sqlite3 *db, const char *sql);

} // namespace quotecheck::db::detail
