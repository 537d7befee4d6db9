/// The audit state file: checkpoint, failures, per-quote rows (state.hpp).

#include <quotecheck/audit/state.hpp>

#include "sql_rows.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <string_view>

namespace quotecheck::audit {

namespace {

using detail::sql_rows;

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
  sql_rows s(db, "INSERT INTO totals(name, value) VALUES(?1, ?2) "
                 "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value");
  if (!s.ok()) {
    return s.err();
  }
  return s.bind(1, name).bind(2, n).run();
}

result<void> insert_quotes(sqlite3 *db, const std::vector<quote_row> &rows) {
  sql_rows s(db,
             "INSERT INTO quotes(seq, doc_id, url, outlet, date, line, col, kind, text, speaker, "
             "speaker_type, role, rule, severity, score, statement_id, statement_speaker, statement_text, "
             "statement_date, statement_source, statement_url, diff, group_key) "
             "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23)");
  if (!s.ok()) {
    return s.err();
  }
  s.borrow_texts(); // the rows outlive the statement
  for (const quote_row &q : rows) {
    s.bind(1, q.seq).bind(2, q.doc_id).bind_opt(3, q.url).bind_opt(4, q.outlet);
    s.bind_opt(5, q.date).bind(6, q.line).bind(7, q.col).bind(8, q.kind).bind(9, q.text);
    s.bind_opt(10, q.speaker).bind_opt(11, q.speaker_type).bind_opt(12, q.role);
    s.bind_opt(13, q.rule).bind_opt(14, q.severity);
    if (q.rule.empty()) {
      s.bind_null(15);
    } else {
      s.bind(15, q.score);
    }
    if (q.statement_id) {
      s.bind(16, *q.statement_id);
    } else {
      s.bind_null(16);
    }
    s.bind_opt(17, q.statement_speaker).bind_opt(18, q.statement_text);
    s.bind_opt(19, q.statement_date).bind_opt(20, q.statement_source);
    s.bind_opt(21, q.statement_url).bind_opt(22, q.diff).bind(23, q.group_key);
    if (auto r = s.run(); !r.ok()) {
      return r;
    }
  }
  return {};
}

result<void> insert_failures(sqlite3 *db, const std::vector<failure_row> &rows) {
  sql_rows s(db, "INSERT INTO failures(seq, origin, line, doc_id, reason) VALUES(?1, ?2, ?3, ?4, ?5)");
  if (!s.ok()) {
    return s.err();
  }
  for (const failure_row &f : rows) {
    if (auto r = s.bind(1, f.seq).bind(2, f.origin).bind(3, f.line).bind(4, f.doc_id).bind(5, f.reason).run();
        !r.ok()) {
      return r;
    }
  }
  return {};
}

result<void> count_rules(sqlite3 *db, const std::vector<std::pair<std::string, std::string>> &rules) {
  // One upsert per rule, not per finding: a batch holds thousands of
  // findings of a dozen rules. The last severity seen wins, as it would
  // row by row.
  struct tally {
    std::string_view rule, severity;
    std::int64_t n = 0;
  };
  std::vector<tally> tallies;
  for (const auto &finding : rules) {
    const std::string_view rule = finding.first;
    auto it = std::find_if(tallies.begin(), tallies.end(), [rule](const tally &t) { return t.rule == rule; });
    if (it == tallies.end()) {
      tallies.push_back({rule, finding.second, 1});
    } else {
      it->severity = finding.second;
      ++it->n;
    }
  }
  sql_rows s(db, "INSERT INTO rule_counts(rule, severity, n) VALUES(?1, ?2, ?3) "
                 "ON CONFLICT(rule) DO UPDATE SET n = n + excluded.n, severity = excluded.severity");
  if (!s.ok()) {
    return s.err();
  }
  s.borrow_texts();
  for (const tally &t : tallies) {
    if (auto r = s.bind(1, t.rule).bind(2, t.severity).bind(3, t.n).run(); !r.ok()) {
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
  // 16 KiB pages: the quotes table only grows at its end, and each page is a
  // write to the WAL, another into the file, and a read by each report scan
  // (four times fewer syscalls than with 4 KiB). A new state only: an old
  // one keeps its page size. 2 MiB of page cache: the run appends and the
  // reports scan once, so nothing is read twice, and every page of a larger
  // cache is a page fault the first time it is filled.
  for (const char *sql : {"PRAGMA page_size = 16384", "PRAGMA journal_mode = WAL",
                          "PRAGMA synchronous = FULL", "PRAGMA cache_size = -2048"}) {
    if (auto r = exec(p->db, sql); !r.ok()) {
      return error{error_code::db_error, path + ": " + r.err().message, 0};
    }
  }
  // The tables in one transaction: one sync to disk, not one per table.
  transaction t(p->db);
  if (auto r = t.began().ok() ? exec(p->db, schema_sql) : t.began(); !r.ok()) {
    return error{error_code::db_error, path + ": " + r.err().message, 0};
  }
  if (auto r = t.commit(); !r.ok()) {
    return error{error_code::db_error, path + ": " + r.err().message, 0};
  }
  return state(std::move(p));
}

result<checkpoint> state::last_checkpoint() const {
  sql_rows s(impl_->db, "SELECT next_seq, findings_bytes, failures_bytes FROM checkpoint WHERE id = 1");
  if (!s.ok()) {
    return s.err();
  }
  checkpoint c;
  if (s.step()) {
    c.next_seq = s.integer(0);
    c.findings_bytes = s.integer(1);
    c.failures_bytes = s.integer(2);
  }
  return c;
}

result<void> state::set_meta(const std::string &key, const std::string &value) {
  return set_meta({{key, value}});
}

result<void> state::set_meta(const std::vector<std::pair<std::string, std::string>> &entries) {
  transaction t(impl_->db);
  if (!t.began().ok()) {
    return t.began();
  }
  sql_rows s(impl_->db, "INSERT INTO meta(key, value) VALUES(?1, ?2) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!s.ok()) {
    return s.err();
  }
  for (const auto &[key, value] : entries) {
    if (auto r = s.bind(1, key).bind(2, value).run(); !r.ok()) {
      return r;
    }
  }
  return t.commit();
}

result<std::string> state::meta(const std::string &key) const {
  sql_rows s(impl_->db, "SELECT value FROM meta WHERE key = ?1");
  if (!s.ok()) {
    return s.err();
  }
  s.bind(1, key);
  return s.step() ? s.text(0) : std::string();
}

result<void> state::commit(const batch &b) {
  sqlite3 *db = impl_->db;
  transaction t(db);
  if (!t.began().ok()) {
    return t.began();
  }
  // Quotes by kind as totals ("kind:direct"...): the report reads a few rows
  // instead of grouping every quote.
  std::map<std::string, std::int64_t> kinds;
  for (const quote_row &q : b.quotes) {
    ++kinds[q.kind];
  }
  for (const auto &[kind, n] : kinds) {
    if (auto r = add_total(db, ("kind:" + kind).c_str(), n); !r.ok()) {
      return r;
    }
  }
  for (auto r : {insert_quotes(db, b.quotes), insert_failures(db, b.failures), count_rules(db, b.rules),
                 add_total(db, "documents", b.documents), add_total(db, "failed", b.failed),
                 add_total(db, "bytes", b.bytes),
                 add_total(db, "quotes", static_cast<std::int64_t>(b.quotes.size()))}) {
    if (!r.ok()) {
      return r;
    }
  }
  sql_rows c(db, "INSERT INTO checkpoint(id, next_seq, findings_bytes, failures_bytes) VALUES(1, ?1, ?2, ?3) "
                 "ON CONFLICT(id) DO UPDATE SET next_seq = excluded.next_seq, "
                 "findings_bytes = excluded.findings_bytes, failures_bytes = excluded.failures_bytes");
  if (!c.ok()) {
    return c.err();
  }
  if (auto r = c.bind(1, b.next_seq).bind(2, b.findings_bytes).bind(3, b.failures_bytes).run(); !r.ok()) {
    return r;
  }
  return t.commit();
}

result<void> state::index_for_reports() {
  transaction t(impl_->db);
  if (!t.began().ok()) {
    return t.began();
  }
  if (auto r = exec(impl_->db, report_index_sql); !r.ok()) {
    return r;
  }
  return t.commit();
}

result<void> state::absorb(const std::string &other_path) {
  sqlite3 *db = impl_->db;
  {
    sql_rows attach(db, "ATTACH DATABASE ?1 AS shard");
    if (!attach.ok()) {
      return attach.err();
    }
    if (auto r = attach.bind(1, other_path).run(); !r.ok()) {
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
