#pragma once
/// A prepared statement over an audit state's connection, for the state
/// writer and the report writers: bind parameters, step through rows, read
/// typed columns, or run a write again and again with new bindings.
/// Every value reaches SQL through a bound parameter.

#include <quotecheck/parser/result.hpp>

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace quotecheck::audit::detail {

/// One prepared statement, finalized on destruction.
class sql_rows {
public:
  /// Prepares `sql` on `db`; check ok() before use.
  sql_rows(sqlite3 *db, std::string_view sql);
  sql_rows(const sql_rows &) = delete;
  sql_rows &operator=(const sql_rows &) = delete;
  ~sql_rows();

  /// False when preparing or stepping failed; err() says why.
  [[nodiscard]] bool ok() const { return err_.code == error_code::ok; }
  [[nodiscard]] const error &err() const { return err_; }

  /// Texts bound from now on are read in place by run(), not copied: each
  /// must stay alive until the run() that writes it returns. For rows
  /// written from memory that outlives the statement (a batch's rows),
  /// where copying every text cost more than inserting it.
  sql_rows &borrow_texts() {
    borrow_ = true;
    return *this;
  }

  /// Binds parameter `index` (1-based).
  sql_rows &bind(int index, std::string_view text);
  sql_rows &bind(int index, std::int64_t value);
  sql_rows &bind(int index, double value);
  sql_rows &bind_null(int index);
  /// Binds NULL for an empty text (optional columns).
  sql_rows &bind_opt(int index, std::string_view text);

  /// Runs a write to completion, then resets the statement and clears its
  /// bindings for the next row; the error when it failed.
  result<void> run();

  /// Steps once: true for a row, false when done or on error (see ok()).
  bool step();

  /// Column `col` as text ("" for NULL), integer (0 for NULL) or real.
  [[nodiscard]] std::string text(int col) const;
  [[nodiscard]] std::int64_t integer(int col) const;
  [[nodiscard]] double real(int col) const;
  [[nodiscard]] bool is_null(int col) const;

private:
  sqlite3 *db_ = nullptr;
  sqlite3_stmt *stmt_ = nullptr;
  error err_;
  bool borrow_ = false; ///< bind texts with SQLITE_STATIC (see borrow_texts)
};

/// The single integer a query returns (0 when it returns no row).
result<std::int64_t> query_integer(sqlite3 *db, std::string_view sql);

} // namespace quotecheck::audit::detail
