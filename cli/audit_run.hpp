#pragma once
/// The audit run: a reader, N workers and a writer over a bounded window of
/// documents, so memory stays flat whatever the corpus size.

#include "input_options.hpp"

#include "quotecheck/audit/state.hpp"

#include <string>
#include <vector>

namespace quotecheck::cli {

/// What `quotecheck audit` was asked to do.
struct audit_options {
  std::vector<std::string> corpus;
  std::string db;
  bool db_immutable = false;
  unsigned jobs = 0; ///< 0: one per core
  std::string out = "quotecheck-audit";
  std::string shard; ///< "K/N" as given
  std::size_t shard_k = 1, shard_n = 1;
  bool resume = false;
  std::string progress = "auto";
  std::string config;
  input_options input;
};

/// Runs the audit; returns the exit status.
int run_audit(const audit_options &o);

/// Builds the state's report indexes, then writes summary.json and
/// report.html in `dir` from `s`; false (after a message on stderr) when
/// either cannot be written.
bool write_audit_reports(audit::state &s, const std::string &dir);

/// The current time as ISO 8601 UTC ("2026-11-28T16:09:34Z").
std::string utc_now();

} // namespace quotecheck::cli
