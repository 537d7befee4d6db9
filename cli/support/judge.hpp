#pragma once
/// Judging a document: every quote held against the statements database
/// and against the article's own earlier quotations, with the config's
/// levels and the article's inline suppressions applied. Shared by `check`
/// (one document at a time) and `audit` (one judge per worker thread).

#include "config.hpp"
#include "extract_report.hpp"
#include "pipeline.hpp"

#include "quotecheck/db/store.hpp"
#include "quotecheck/db/verdict.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace quotecheck::cli {

/// One finding: a rule at a position, with the verdict's evidence if any.
struct finding {
  std::string rule;
  parser::severity level = parser::severity::warning;
  parser::span where;
  std::string message;
  std::optional<db::verdict> evidence;
};

/// The findings of each quote of one document, in quote order.
using quote_findings = std::vector<std::vector<finding>>;

/// Judges documents; one per thread (a db::store is single-threaded).
class judge {
public:
  /// `store` may be null (no record: only what needs none is reported);
  /// both must outlive the judge.
  judge(const db::store *store, const check_config &config) : store_(store), config_(config) {}

  /// The findings for the document `pipe` has just run on. Suppressed or
  /// switched-off diagnostics are removed from the pipeline's document.
  /// Documents are judged in one read transaction of the record, renewed
  /// every 64 documents or second: opening one per document cost a lock, a
  /// look at the file and a memo check each time, and a run still sees a new
  /// import within a second of work.
  quote_findings document(pipeline &pipe, const input_document &in);

  /// The database error met while judging the last document, if any (its
  /// quotes were judged without the record).
  [[nodiscard]] const std::optional<error> &db_error() const { return db_error_; }
  /// The highest level of any finding or diagnostic so far; -1 when none.
  [[nodiscard]] int worst() const { return worst_; }

private:
  const db::store *store_;
  const check_config &config_;
  std::optional<error> db_error_;
  int worst_ = -1;
  std::optional<db::read_snapshot> snapshot_; ///< held across documents
  std::size_t snapshot_documents_ = 0;
  std::chrono::steady_clock::time_point snapshot_start_;

  std::vector<finding> judge_quote(const pipeline &pipe, const input_document &in,
                                   const attribution::attributed_quote &q);
  void within_article(const processed_document &d, std::size_t i,
                      std::unordered_map<std::string, std::vector<std::size_t>> &by_speaker,
                      std::vector<finding> &found) const;
  bool keep(const class suppressions &quiet, std::string_view rule, std::uint32_t begin,
            parser::severity &level) const;
};

/// The quote's record verdict (the first finding with evidence other than a
/// role mismatch), or null.
const finding *primary_finding(const std::vector<finding> &found);

/// Appends a word diff as the JSON array of the contract: [{"op", "text"}...].
void write_diff(class json_writer &w, const std::vector<db::diff_op> &diff);

/// Appends the `check --format jsonl` object of one document (no newline):
/// the extract contract, each quote with its "verdict" and "findings".
void write_check_json(std::string &out, const processed_document &d, const quote_findings &per_quote);

} // namespace quotecheck::cli
