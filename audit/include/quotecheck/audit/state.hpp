#pragma once
/// The state of an audit: one SQLite file (DIR/audit.sqlite) beside the
/// audit's findings.jsonl. It holds the checkpoint an interrupted run resumes
/// from, the failures, and the per-quote rows that summary.json and
/// report.html are computed from. Shard states merge by plain INSERTs, so a
/// merged audit reports exactly what one process would have.

#include <quotecheck/parser/result.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;

namespace quotecheck::audit {

/// The schema, for readers (report writers, tests) that query the file.
///
/// meta(key, value): "version" (quotecheck's), "inputs" (the corpus
///   arguments, JSON array), "shard" ("K/N" or ""), "db" (statements
///   database path or ""), "started", "finished" (ISO 8601 UTC).
/// totals(name, value): "documents" (read and processed), "failed" (could
///   not be read), "bytes" (document text bytes processed), "quotes", and
///   "kind:K" for the quotes of each kind K (direct, indirect, ...).
/// rule_counts(rule, severity, n): every finding and diagnostic by rule.
/// failures(seq, origin, line, doc_id, reason).
/// quotes(...): one row per quote: where (seq, doc_id, url, outlet, date,
///   line, col), what (kind, text), who (speaker, speaker_type, role), the
///   quote's main verdict (rule, severity, score), its evidence
///   (statement_id, statement_speaker, statement_text, statement_date,
///   statement_source, statement_url), the word diff for quote.altered (diff:
///   JSON array of {"op","text"}), and group_key: the same quotation across
///   documents ("s:<statement id>" when it matched a stored statement, else
///   "t:" and a 64-bit hash of the speaker and the normalised words).
/// checkpoint(id = 1, next_seq, findings_bytes, failures_bytes): documents
///   with seq < next_seq are done and their lines end at those byte offsets.
inline constexpr const char *schema_sql = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS totals(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS rule_counts(rule TEXT PRIMARY KEY, severity TEXT NOT NULL, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS failures(seq INTEGER NOT NULL, origin TEXT NOT NULL, line INTEGER NOT NULL,
                                    doc_id TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS quotes(
  seq INTEGER NOT NULL, doc_id TEXT NOT NULL, url TEXT, outlet TEXT, date TEXT,
  line INTEGER NOT NULL, col INTEGER NOT NULL,
  kind TEXT NOT NULL, text TEXT NOT NULL,
  speaker TEXT, speaker_type TEXT, role TEXT,
  rule TEXT, severity TEXT, score REAL,
  statement_id INTEGER, statement_speaker TEXT, statement_text TEXT, statement_date TEXT,
  statement_source TEXT, statement_url TEXT,
  diff TEXT,
  group_key TEXT NOT NULL);
DROP INDEX IF EXISTS quotes_by_group;
CREATE TABLE IF NOT EXISTS checkpoint(id INTEGER PRIMARY KEY CHECK (id = 1), next_seq INTEGER NOT NULL,
                                      findings_bytes INTEGER NOT NULL, failures_bytes INTEGER NOT NULL);
)sql";

/// The index the reports read by, built once when the run is done
/// (state::index_for_reports): during the run the quotes table only grows at
/// its end, so each checkpoint writes a few pages; an index kept up to date
/// per row would scatter every batch's writes over the whole file. It holds
/// only the quotes with a verdict. The counts over every quote (speakers,
/// quotations in several documents) sort the table instead (count_corpus in
/// report.hpp): two sorts run at once on two read connections, where two
/// index builds would run one after the other on the writer's.
inline constexpr const char *report_index_sql = R"sql(
CREATE INDEX IF NOT EXISTS quotes_by_rule ON quotes(rule, seq, line, col) WHERE rule IS NOT NULL;
)sql";

/// One quote row (see schema_sql).
struct quote_row {
  std::int64_t seq = 0;
  std::string doc_id, url, outlet, date;
  std::int64_t line = 0, col = 0;
  std::string kind, text;
  std::string speaker, speaker_type, role;
  std::string rule, severity;
  double score = 0;
  std::optional<std::int64_t> statement_id;
  std::string statement_speaker, statement_text, statement_date, statement_source, statement_url;
  std::string diff; ///< JSON array, or empty
  std::string group_key;
};

/// One failure row.
struct failure_row {
  std::int64_t seq = 0;
  std::string origin;
  std::int64_t line = 0;
  std::string doc_id, reason;
};

/// What a batch of finished documents adds to the state, committed at once
/// with the checkpoint that covers it.
struct batch {
  std::vector<quote_row> quotes;
  std::vector<failure_row> failures;
  std::vector<std::pair<std::string, std::string>> rules; ///< (rule, severity) of each finding
  std::int64_t documents = 0, failed = 0, bytes = 0;
  std::int64_t next_seq = 0, findings_bytes = 0, failures_bytes = 0;
};

/// Where a run stopped.
struct checkpoint {
  std::int64_t next_seq = 0;
  std::int64_t findings_bytes = 0;
  std::int64_t failures_bytes = 0;
};

/// An open audit state file.
class state {
public:
  /// Opens or creates `path` (WAL, synchronous=FULL: a committed checkpoint
  /// survives a crash).
  static result<state> open(const std::string &path);

  state(state &&) noexcept;
  state &operator=(state &&) noexcept;
  state(const state &) = delete;
  state &operator=(const state &) = delete;
  ~state();

  /// The last committed checkpoint (all zero for a new state).
  result<checkpoint> last_checkpoint() const;
  /// Sets a meta value (in its own transaction).
  result<void> set_meta(const std::string &key, const std::string &value);
  /// Sets several meta values in one transaction: all or none, and one
  /// sync to disk rather than one per value.
  result<void> set_meta(const std::vector<std::pair<std::string, std::string>> &entries);
  /// A meta value, or "" when unset.
  result<std::string> meta(const std::string &key) const;
  /// Adds a batch and moves the checkpoint, in one transaction.
  result<void> commit(const batch &b);
  /// Adds the rows and totals of another state file (a shard), in one transaction.
  result<void> absorb(const std::string &other_path);

  /// Builds the indexes of report_index_sql (once; a no-op when present).
  /// Reports read correctly without them, only slower.
  result<void> index_for_reports();
  /// The raw connection, for report writers.
  [[nodiscard]] sqlite3 *handle() const;

private:
  struct impl;
  explicit state(std::unique_ptr<impl> p);
  std::unique_ptr<impl> impl_;
};

} // namespace quotecheck::audit
