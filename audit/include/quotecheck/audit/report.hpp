#pragma once
/// The audit's human and machine summaries, written from its state file
/// (state.hpp) after a run or a merge: summary.json for scripts and
/// dashboards, report.html for a standards editor. Both are computed by
/// bounded queries (every list is LIMITed), so a state of millions of quotes
/// still gives small outputs. Each file is written to PATH.tmp and renamed,
/// so a reader never sees half a file.

#include <quotecheck/audit/state.hpp>
#include <quotecheck/parser/result.hpp>

#include <string>

namespace quotecheck::audit {

/// Writes summary.json: the run (version, inputs, shard, db, started,
/// finished), the totals (documents, failed, bytes, quotes), quotes by kind,
/// findings by rule with their severity, the 20 most quoted speakers, how many
/// quotations were seen in several documents, the altered and misattributed
/// counts and the first 20 failures. Pretty-printed with keys in a fixed
/// order: the same state gives the same bytes (only started/finished vary
/// between runs), so summaries can be diffed.
result<void> write_summary(const state &s, const std::string &path);

/// Writes report.html: one self-contained page (inline CSS and SVG, no script,
/// nothing loaded from outside) with the totals, a chart of findings by rule,
/// a chart of the most quoted speakers, the altered quotes with their word
/// diffs, the misattributed quotes, each quotation seen in several documents
/// with its first appearance and how its wording drifted across outlets and
/// time, and the first failures. Every text from the corpus or the database
/// is HTML-escaped, so hostile input shows as text.
result<void> write_report_html(const state &s, const std::string &path);

} // namespace quotecheck::audit
