/// The audit state file: checkpoint, failures, per-quote rows (state.hpp).

#include <quotecheck/audit/state.hpp>

#include <sqlite3.h>

#include <string_view>

namespace quotecheck::audit {

namespace {

error sql_error(sqlite3 *db, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += db != nullptr ? sqlite3_errmsg(db) : "out of memory";
  return error{error_code::db_error, std::move(msg), 0};
}

result<void> exec(sqlite3 *db, const char *sql) {
  char *msg = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string why = msg != nullptr ? msg : "unknown error";
    sqlite3_free(msg);
    return error{error_code::db_error, "audit state: " + why, 0};
  }
  return {};
}

/// A prepared statement, finalised on scope exit.
class stmt {
public:
  stmt(sqlite3 *db, const char *sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK) {
      err_ = sql_error(db, "audit state: cannot prepare");
    }
  }
  stmt(const stmt &) = delete;
  stmt &operator=(const stmt &) = delete;
  ~stmt() { sqlite3_finalize(st_); }

  [[nodiscard]] bool ok() const { return err_.code == error_code::ok; }
  [[nodiscard]] const error &err() const { return err_; }

  stmt &text(int i, std::string_view v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  /// Binds NULL for an empty text.
  stmt &text_or_null(int i, std::string_view v) {
    if (v.empty()) {
      sqlite3_bind_null(st_, i);
      return *this;
    }
    return text(i, v);
  }
  stmt &integer(int i, std::int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  stmt &real(int i, double v) {
    sqlite3_bind_double(st_, i, v);
    return *this;
  }
  stmt &null(int i) {
    sqlite3_bind_null(st_, i);
    return *this;
  }
  /// Runs to completion and resets for the next bindings.
  result<void> run() {
    const int rc = sqlite3_step(st_);
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
      return sql_error(db_, "audit state: write failed");
    }
    return {};
  }
  /// Steps once; true while there is a row.
  bool row() { return sqlite3_step(st_) == SQLITE_ROW; }
  std::int64_t column_int(int i) { return sqlite3_column_int64(st_, i); }
  std::string column_text(int i) {
    const auto *p = sqlite3_column_text(st_, i);
    return p == nullptr ? std::string() : std::string(reinterpret_cast<const char *>(p));
  }

private:
  sqlite3 *db_;
  sqlite3_stmt *st_ = nullptr;
  error err_;
};

/// Rolls back unless committed.
class transaction {
public:
  explicit transaction(sqlite3 *db) : db_(db) { began_ = exec(db, "BEGIN IMMEDIATE"); }
  transaction(const transaction &) = delete;
  transaction &operator=(const transaction &) = delete;
  ~transaction() {
    if (!done_) {
      exec(db_, "ROLLBACK");
    }
  }
  [[nodiscard]] const result<void> &began() const { return began_; }
  result<void> commit() {
    done_ = true;
    return exec(db_, "COMMIT");
  }

private:
  sqlite3 *db_;
  result<void> began_;
  bool done_ = false;
};

result<void> add_total(sqlite3 *db, const char *name, std::int64_t n) {
  stmt s(db, "INSERT INTO totals(name, value) VALUES(?1, ?2) "
             "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value");
  if (!s.ok()) {
    return s.err();
  }
  return s.text(1, name).integer(2, n).run();
}

result<void> insert_quotes(sqlite3 *db, const std::vector<quote_row> &rows) {
  stmt s(db, "INSERT INTO quotes(seq, doc_id, url, outlet, date, line, col, kind, text, speaker, "
             "speaker_type, role, rule, severity, score, statement_id, statement_speaker, statement_text, "
             "statement_date, statement_source, statement_url, diff, group_key) "
             "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23)");
  if (!s.ok()) {
    return s.err();
  }
  for (const quote_row &q : rows) {
    s.integer(1, q.seq).text(2, q.doc_id).text_or_null(3, q.url).text_or_null(4, q.outlet);
    s.text_or_null(5, q.date).integer(6, q.line).integer(7, q.col).text(8, q.kind).text(9, q.text);
    s.text_or_null(10, q.speaker).text_or_null(11, q.speaker_type).text_or_null(12, q.role);
    s.text_or_null(13, q.rule).text_or_null(14, q.severity);
    if (q.rule.empty()) {
      s.null(15);
    } else {
      s.real(15, q.score);
    }
    if (q.statement_id) {
      s.integer(16, *q.statement_id);
    } else {
      s.null(16);
    }
    s.text_or_null(17, q.statement_speaker).text_or_null(18, q.statement_text);
    s.text_or_null(19, q.statement_date).text_or_null(20, q.statement_source);
    s.text_or_null(21, q.statement_url).text_or_null(22, q.diff).text(23, q.group_key);
    if (auto r = s.run(); !r.ok()) {
      return r;
    }
  }
  return {};
}

result<void> insert_failures(sqlite3 *db, const std::vector<failure_row> &rows) {
  stmt s(db, "INSERT INTO failures(seq, origin, line, doc_id, reason) VALUES(?1, ?2, ?3, ?4, ?5)");
  if (!s.ok()) {
    return s.err();
  }
  for (const failure_row &f : rows) {
    if (auto r = s.integer(1, f.seq)
                     .text(2, f.origin)
                     .integer(3, f.line)
                     .text(4, f.doc_id)
                     .text(5, f.reason)
                     .run();
        !r.ok()) {
      return r;
    }
  }
  return {};
}

result<void> count_rules(sqlite3 *db, const std::vector<std::pair<std::string, std::string>> &rules) {
  stmt s(db, "INSERT INTO rule_counts(rule, severity, n) VALUES(?1, ?2, 1) "
             "ON CONFLICT(rule) DO UPDATE SET n = n + 1, severity = excluded.severity");
  if (!s.ok()) {
    return s.err();
  }
  for (const auto &[rule, severity] : rules) {
    if (auto r = s.text(1, rule).text(2, severity).run(); !r.ok()) {
      return r;
    }
  }
  return {};
}

} // namespace

struct state::impl {
  sqlite3 *db = nullptr;
  ~impl() {
    if (db != nullptr) {
      sqlite3_close_v2(db);
    }
  }
};

state::state(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
state::state(state &&) noexcept = default;
state &state::operator=(state &&) noexcept = default;
state::~state() = default;

sqlite3 *state::handle() const { return impl_->db; }

result<state> state::open(const std::string &path) {
  auto p = std::make_unique<impl>();
  if (sqlite3_open_v2(path.c_str(), &p->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    return error{error_code::db_error, path + ": " + sql_error(p->db, "cannot open audit state").message, 0};
  }
  sqlite3_busy_timeout(p->db, 5000);
  // FULL: the checkpoint row is on disk when commit() returns, so a kill or a
  // power cut never leaves a checkpoint that points past the findings file.
  // 16 MiB of page cache (a fixed bound): with SQLite's default 2 MiB, the
  // inserts into the growing quotes index re-read pages with a syscall each.
  for (const char *sql :
       {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA cache_size = -16384", schema_sql}) {
    if (auto r = exec(p->db, sql); !r.ok()) {
      return error{error_code::db_error, path + ": " + r.err().message, 0};
    }
  }
  return state(std::move(p));
}

result<checkpoint> state::last_checkpoint() const {
  stmt s(impl_->db, "SELECT next_seq, findings_bytes, failures_bytes FROM checkpoint WHERE id = 1");
  if (!s.ok()) {
    return s.err();
  }
  checkpoint c;
  if (s.row()) {
    c.next_seq = s.column_int(0);
    c.findings_bytes = s.column_int(1);
    c.failures_bytes = s.column_int(2);
  }
  return c;
}

result<void> state::set_meta(const std::string &key, const std::string &value) {
  stmt s(impl_->db, "INSERT INTO meta(key, value) VALUES(?1, ?2) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!s.ok()) {
    return s.err();
  }
  return s.text(1, key).text(2, value).run();
}

result<std::string> state::meta(const std::string &key) const {
  stmt s(impl_->db, "SELECT value FROM meta WHERE key = ?1");
  if (!s.ok()) {
    return s.err();
  }
  s.text(1, key);
  return s.row() ? s.column_text(0) : std::string();
}

result<void> state::commit(const batch &b) {
  sqlite3 *db = impl_->db;
  transaction t(db);
  if (!t.began().ok()) {
    return t.began();
  }
  for (auto r : {insert_quotes(db, b.quotes), insert_failures(db, b.failures), count_rules(db, b.rules),
                 add_total(db, "documents", b.documents), add_total(db, "failed", b.failed),
                 add_total(db, "bytes", b.bytes),
                 add_total(db, "quotes", static_cast<std::int64_t>(b.quotes.size()))}) {
    if (!r.ok()) {
      return r;
    }
  }
  stmt c(db, "INSERT INTO checkpoint(id, next_seq, findings_bytes, failures_bytes) VALUES(1, ?1, ?2, ?3) "
             "ON CONFLICT(id) DO UPDATE SET next_seq = excluded.next_seq, "
             "findings_bytes = excluded.findings_bytes, failures_bytes = excluded.failures_bytes");
  if (!c.ok()) {
    return c.err();
  }
  if (auto r = c.integer(1, b.next_seq).integer(2, b.findings_bytes).integer(3, b.failures_bytes).run();
      !r.ok()) {
    return r;
  }
  return t.commit();
}

result<void> state::absorb(const std::string &other_path) {
  sqlite3 *db = impl_->db;
  {
    stmt attach(db, "ATTACH DATABASE ?1 AS shard");
    if (!attach.ok()) {
      return attach.err();
    }
    if (auto r = attach.text(1, other_path).run(); !r.ok()) {
      return error{error_code::db_error, other_path + ": " + r.err().message, 0};
    }
  }
  result<void> outcome;
  {
    transaction t(db);
    outcome = t.began();
    // A shard's rows keep their seq: seq orders documents within a shard, and
    // reports order by date first, then seq, then doc_id.
    for (const char *sql : {"INSERT INTO quotes SELECT * FROM shard.quotes",
                            "INSERT INTO failures SELECT * FROM shard.failures",
                            "INSERT INTO totals(name, value) SELECT name, value FROM shard.totals WHERE true "
                            "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
                            "INSERT INTO rule_counts(rule, severity, n) SELECT rule, severity, n FROM "
                            "shard.rule_counts WHERE true "
                            "ON CONFLICT(rule) DO UPDATE SET n = n + excluded.n"}) {
      if (outcome.ok()) {
        outcome = exec(db, sql);
      }
    }
    if (outcome.ok()) {
      outcome = t.commit();
    }
  }
  exec(db, "DETACH DATABASE shard");
  if (!outcome.ok()) {
    return error{error_code::db_error, other_path + ": " + outcome.err().message, 0};
  }
  return {};
}

} // namespace quotecheck::audit
