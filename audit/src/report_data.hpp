#pragma once
/// The bounded queries summary.json and report.html are computed from: the
/// run's meta and totals, counts by rule and kind, and the first rows of the
/// quotes and failures tables. Every list query takes a limit. The counts
/// over every quote (speakers, repeated quotations) are count_corpus's
/// (report.hpp).

#include <quotecheck/audit/state.hpp>
#include <quotecheck/parser/result.hpp>

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace quotecheck::audit::detail {

/// The meta values and totals of a state.
struct run_info {
  std::string version, inputs, shard, db, started, finished;
  std::int64_t documents = 0, failed = 0, bytes = 0, quotes = 0;
};

/// A rule's findings.
struct rule_count {
  std::string rule, severity;
  std::int64_t n = 0;
};

/// How many quotes have a value (a kind).
struct value_count {
  std::string value;
  std::int64_t n = 0;
};

/// Meta and totals; missing entries are "" and 0.
result<run_info> load_run(sqlite3 *db);
/// Every rule, most findings first (ties by rule id).
result<std::vector<rule_count>> load_rule_counts(sqlite3 *db);
/// Quotes by kind, by kind name.
result<std::vector<value_count>> load_kinds(sqlite3 *db);
/// Quotes whose main verdict is `rule`.
result<std::int64_t> count_quotes_with_rule(sqlite3 *db, const std::string &rule);
/// The first `limit` quotes whose main verdict is `rule`, in corpus order.
result<std::vector<quote_row>> load_quotes_with_rule(sqlite3 *db, const std::string &rule,
                                                     std::int64_t limit);
/// Rows in the failures table.
result<std::int64_t> count_failures(sqlite3 *db);
/// The first `limit` failures, in corpus order.
result<std::vector<failure_row>> load_failures(sqlite3 *db, std::int64_t limit);

/// The quote_row columns in schema order, for SELECTs read by read_quote_row.
inline constexpr const char *quote_columns =
    "seq, doc_id, url, outlet, date, line, col, kind, text, speaker, speaker_type, role, rule, severity, "
    "score, statement_id, statement_speaker, statement_text, statement_date, statement_source, "
    "statement_url, diff, group_key";

class sql_rows;
/// Reads the current row of a SELECT of quote_columns (starting at column 0).
quote_row read_quote_row(const sql_rows &q);

} // namespace quotecheck::audit::detail
