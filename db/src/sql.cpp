#include "sql.hpp"

namespace quotecheck::db::detail {

namespace {

/// What to say after SQLite's own message when it gave up waiting for a lock.
std::string busy_hint(int rc) {
  if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
    return {};
  return " (another process held the database for longer than the busy timeout of " +
         std::to_string(busy_timeout_ms() / 1000) + " s; try again, or set QUOTECHECK_BUSY_TIMEOUT=SECONDS)";
}

} // namespace

error sqlite_error(sqlite3 *db, std::string_view what) {
  std::string msg(what);
  if (db != nullptr) {
    msg += ": ";
    msg += sqlite3_errmsg(db);
    msg += busy_hint(sqlite3_extended_errcode(db));
  }
  return error{error_code::db_error, std::move(msg), 0};
}

query::query(const store &s, std::string_view sql) : db_(s.handle()) { stmt_ = s.prepare(sql, err_); }

query::~query() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

query &query::bind(int index, std::string_view text) {
  if (stmt_ != nullptr)
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
query &query::bind(int index, std::int64_t value) {
  if (stmt_ != nullptr)
    sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
query &query::bind(int index, double value) {
  if (stmt_ != nullptr)
    sqlite3_bind_double(stmt_, index, value);
  return *this;
}
query &query::bind_null(int index) {
  if (stmt_ != nullptr)
    sqlite3_bind_null(stmt_, index);
  return *this;
}
query &query::bind_opt(int index, std::string_view text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

bool query::step() {
  if (stmt_ == nullptr)
    return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW)
    return true;
  if (rc != SQLITE_DONE)
    err_ = sqlite_error(db_, "query failed");
  return false;
}

bool query::run() {
  if (stmt_ == nullptr)
    return false;
  while (step()) {
  }
  return err_.code == error_code::ok;
}

void query::reset() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

std::string query::text(int col) const {
  const auto *p = sqlite3_column_text(stmt_, col);
  if (p == nullptr)
    return {};
  return std::string(reinterpret_cast<const char *>(p),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}
std::int64_t query::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
double query::real(int col) const { return sqlite3_column_double(stmt_, col); }
bool query::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

result<void> exec(sqlite3 *db, const char *sql) {
  char *msg = nullptr;
  if (int rc = sqlite3_exec(db, sql, nullptr, nullptr, &msg); rc != SQLITE_OK) {
    std::string m = msg != nullptr ? msg : "unknown error";
    sqlite3_free(msg);
    return error{error_code::db_error, "SQLite: " + m + busy_hint(rc), 0};
  }
  return {};
}

transaction::transaction(const store &s) : db_(s.handle()) {
  auto r = exec(db_, "BEGIN IMMEDIATE");
  begun_ = r.ok();
  if (!begun_)
    err_ = r.err();
}

transaction::~transaction() {
  if (begun_ && !done_)
    exec(db_, "ROLLBACK");
}

result<void> transaction::commit() {
  if (!begun_)
    return err_;
  auto r = exec(db_, "COMMIT");
  if (r.ok())
    done_ = true;
  return r;
}

} // namespace quotecheck::db::detail
