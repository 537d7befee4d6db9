#include "report_data.hpp"

#include "sql_rows.hpp"

namespace quotecheck::audit::detail {

result<run_info> load_run(sqlite3 *db) {
  run_info r;
  {
    sql_rows q(db, "SELECT key, value FROM meta");
    while (q.step()) {
      const std::string key = q.text(0);
      std::string value = q.text(1);
      if (key == "version") {
        r.version = std::move(value);
      } else if (key == "inputs") {
        r.inputs = std::move(value);
      } else if (key == "shard") {
        r.shard = std::move(value);
      } else if (key == "db") {
        r.db = std::move(value);
      } else if (key == "started") {
        r.started = std::move(value);
      } else if (key == "finished") {
        r.finished = std::move(value);
      }
    }
    if (!q.ok()) {
      return q.err();
    }
  }
  sql_rows q(db, "SELECT name, value FROM totals");
  while (q.step()) {
    const std::string name = q.text(0);
    const std::int64_t value = q.integer(1);
    if (name == "documents") {
      r.documents = value;
    } else if (name == "failed") {
      r.failed = value;
    } else if (name == "bytes") {
      r.bytes = value;
    } else if (name == "quotes") {
      r.quotes = value;
    }
  }
  if (!q.ok()) {
    return q.err();
  }
  return r;
}

result<std::vector<rule_count>> load_rule_counts(sqlite3 *db) {
  std::vector<rule_count> out;
  sql_rows q(db, "SELECT rule, severity, n FROM rule_counts ORDER BY n DESC, rule");
  while (q.step()) {
    out.push_back({q.text(0), q.text(1), q.integer(2)});
  }
  if (!q.ok()) {
    return q.err();
  }
  return out;
}

result<std::vector<value_count>> load_kinds(sqlite3 *db) {
  std::vector<value_count> out;
  // Counted as totals by state::commit; ';' follows ':' in ASCII.
  sql_rows q(db, "SELECT substr(name, 6), value FROM totals WHERE name >= 'kind:' AND name < 'kind;' "
                 "ORDER BY name");
  while (q.step()) {
    out.push_back({q.text(0), q.integer(1)});
  }
  if (!q.ok()) {
    return q.err();
  }
  return out;
}

result<std::int64_t> count_quotes_with_rule(sqlite3 *db, const std::string &rule) {
  sql_rows q(db, "SELECT COUNT(*) FROM quotes WHERE rule = ?1");
  q.bind(1, rule);
  const std::int64_t n = q.step() ? q.integer(0) : 0;
  if (!q.ok()) {
    return q.err();
  }
  return n;
}

quote_row read_quote_row(const sql_rows &q) {
  quote_row r;
  r.seq = q.integer(0);
  r.doc_id = q.text(1);
  r.url = q.text(2);
  r.outlet = q.text(3);
  r.date = q.text(4);
  r.line = q.integer(5);
  r.col = q.integer(6);
  r.kind = q.text(7);
  r.text = q.text(8);
  r.speaker = q.text(9);
  r.speaker_type = q.text(10);
  r.role = q.text(11);
  r.rule = q.text(12);
  r.severity = q.text(13);
  r.score = q.real(14);
  if (!q.is_null(15)) {
    r.statement_id = q.integer(15);
  }
  r.statement_speaker = q.text(16);
  r.statement_text = q.text(17);
  r.statement_date = q.text(18);
  r.statement_source = q.text(19);
  r.statement_url = q.text(20);
  r.diff = q.text(21);
  r.group_key = q.text(22);
  return r;
}

result<std::vector<quote_row>> load_quotes_with_rule(sqlite3 *db, const std::string &rule,
                                                     std::int64_t limit) {
  std::vector<quote_row> out;
  sql_rows q(db, std::string("SELECT ") + quote_columns +
                     " FROM quotes WHERE rule = ?1 ORDER BY seq, line, col LIMIT ?2");
  q.bind(1, rule).bind(2, limit);
  while (q.step()) {
    out.push_back(read_quote_row(q));
  }
  if (!q.ok()) {
    return q.err();
  }
  return out;
}

result<std::int64_t> count_failures(sqlite3 *db) {
  return query_integer(db, "SELECT COUNT(*) FROM failures");
}

result<std::vector<failure_row>> load_failures(sqlite3 *db, std::int64_t limit) {
  std::vector<failure_row> out;
  sql_rows q(db,
             "SELECT seq, origin, line, doc_id, reason FROM failures ORDER BY seq, origin, line LIMIT ?1");
  q.bind(1, limit);
  while (q.step()) {
    out.push_back({q.integer(0), q.text(1), q.integer(2), q.text(3), q.text(4)});
  }
  if (!q.ok()) {
    return q.err();
  }
  return out;
}

} // namespace quotecheck::audit::detail
