#pragma once
/// The audit's human and machine summaries, written from its state file
/// (state.hpp) after a run or a merge: summary.json for scripts and
/// dashboards, report.html for a standards editor. Both are computed by
/// bounded queries (every list is LIMITed), so a state of millions of quotes
/// still gives small outputs. Each file is written to PATH.tmp and renamed,
/// so a reader never sees half a file.

#include <quotecheck/audit/state.hpp>
#include <quotecheck/parser/result.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace quotecheck::audit {

/// A named speaker's quotes and the documents (distinct doc ids) they appear in.
struct speaker_total {
  std::string name, type; ///< a name given several types (rare) shows the greatest
  std::int64_t quotes = 0, documents = 0;
};

/// A quotation (group key) seen in more than one document.
struct group_total {
  std::string group_key;
  std::int64_t documents = 0, sightings = 0, outlets = 0; ///< distinct doc ids, rows, non-empty outlets
  std::vector<quote_row> shown; ///< the first sightings by date (undated last), then seq, line, col
};

/// What both reports count over every quote of the state. Counting is the
/// costly part of writing them (two sorts of the whole quotes table), so it
/// is done once and handed to both writers.
struct corpus_counts {
  std::vector<speaker_total> top_speakers; ///< most quotes first, ties by name
  std::int64_t repeated = 0;               ///< quotations seen in more than one document
  std::vector<group_total> top_groups;     ///< most documents, then sightings, then key
};

/// How many speakers and quotations count_corpus keeps: as many as the
/// longest list either report shows.
inline constexpr std::int64_t counted_speakers = 20;
inline constexpr std::int64_t counted_groups = 50;
inline constexpr std::int64_t counted_sightings = 200; ///< per group, in group_total::shown

/// Counts the most quoted speakers and the quotations seen in several
/// documents, and reads the first sightings of the most widespread. The two
/// counts run at once, each on its own read-only
/// connection to the state file (one sort of the quotes table each), so
/// on two cores they take the time of one; a state without a file (in
/// memory) is counted on its own connection, one count after the other.
result<corpus_counts> count_corpus(const state &s);

/// state::index_for_reports and count_corpus at once: the index is built on
/// the state's own connection while the two counts run on their read
/// connections, so the three sorts of the quotes table share the cores.
/// What a finished run calls before writing both reports.
result<corpus_counts> index_and_count(state &s);

/// Writes summary.json: the run (version, inputs, shard, db, started,
/// finished), the totals (documents, failed, bytes, quotes), quotes by kind,
/// findings by rule with their severity, the 20 most quoted speakers, how many
/// quotations were seen in several documents, the altered and misattributed
/// counts and the first 20 failures. Pretty-printed with keys in a fixed
/// order: the same state gives the same bytes (only started/finished vary
/// between runs), so summaries can be diffed.
result<void> write_summary(const state &s, const corpus_counts &counts, const std::string &path);
/// The same, counting first (count_corpus).
result<void> write_summary(const state &s, const std::string &path);

/// Writes report.html: one self-contained page (inline CSS and SVG, no script,
/// nothing loaded from outside) with the totals, a chart of findings by rule,
/// a chart of the most quoted speakers, the altered quotes with their word
/// diffs, the misattributed quotes, each quotation seen in several documents
/// with its first appearance and how its wording drifted across outlets and
/// time, and the first failures. Every text from the corpus or the database
/// is HTML-escaped, so hostile input shows as text.
result<void> write_report_html(const state &s, const corpus_counts &counts, const std::string &path);
/// The same, counting first (count_corpus).
result<void> write_report_html(const state &s, const std::string &path);

} // namespace quotecheck::audit
