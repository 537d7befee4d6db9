#include "sql_rows.hpp"

#include <sqlite3.h>

namespace quotecheck::audit::detail {

sql_rows::sql_rows(sqlite3 *db, std::string_view sql) : db_(db) {
  if (db_ == nullptr) {
    err_ = {error_code::db_error, "audit state is not open", 0};
    return;
  }
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
    err_ = {error_code::db_error, std::string("audit state: ") + sqlite3_errmsg(db_), 0};
    stmt_ = nullptr;
  }
}

sql_rows::~sql_rows() { sqlite3_finalize(stmt_); }

sql_rows &sql_rows::bind(int index, std::string_view text) {
  if (stmt_ != nullptr) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                      borrow_ ? SQLITE_STATIC : SQLITE_TRANSIENT);
  }
  return *this;
}

sql_rows &sql_rows::bind(int index, std::int64_t value) {
  if (stmt_ != nullptr) {
    sqlite3_bind_int64(stmt_, index, value);
  }
  return *this;
}

sql_rows &sql_rows::bind(int index, double value) {
  if (stmt_ != nullptr) {
    sqlite3_bind_double(stmt_, index, value);
  }
  return *this;
}

sql_rows &sql_rows::bind_null(int index) {
  if (stmt_ != nullptr) {
    sqlite3_bind_null(stmt_, index);
  }
  return *this;
}

sql_rows &sql_rows::bind_opt(int index, std::string_view text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

result<void> sql_rows::run() {
  if (!ok()) {
    return err_;
  }
  const int rc = sqlite3_step(stmt_);
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    return error{error_code::db_error, std::string("audit state: write failed: ") + sqlite3_errmsg(db_), 0};
  }
  return {};
}

bool sql_rows::step() {
  if (stmt_ == nullptr || !ok()) {
    return false;
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc != SQLITE_DONE) {
    err_ = {error_code::db_error, std::string("audit state: ") + sqlite3_errmsg(db_), 0};
  }
  return false;
}

std::string sql_rows::text(int col) const {
  const auto *p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) {
    return {};
  }
  return {reinterpret_cast<const char *>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))};
}

std::int64_t sql_rows::integer(int col) const { return sqlite3_column_int64(stmt_, col); }

double sql_rows::real(int col) const { return sqlite3_column_double(stmt_, col); }

bool sql_rows::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

result<std::int64_t> query_integer(sqlite3 *db, std::string_view sql) {
  sql_rows q(db, sql);
  const std::int64_t v = q.step() ? q.integer(0) : 0;
  if (!q.ok()) {
    return q.err();
  }
  return v;
}

} // namespace quotecheck::audit::detail
