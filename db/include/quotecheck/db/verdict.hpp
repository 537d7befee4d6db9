#pragma once
/// Checking a quotation (or a piece of reported speech) against the database:
/// the verdicts of DESIGN.md with their evidence.

#include <quotecheck/db/align.hpp>
#include <quotecheck/db/records.hpp>
#include <quotecheck/db/store.hpp>
#include <quotecheck/parser/ast.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::db {

/// Stable rule ids (reports and suppressions name them).
namespace rules {
inline constexpr std::string_view verified = "quote.verified";
inline constexpr std::string_view altered = "quote.altered";
inline constexpr std::string_view fragment = "quote.fragment";
inline constexpr std::string_view misattributed = "quote.misattributed";
inline constexpr std::string_view unverified = "quote.unverified";
inline constexpr std::string_view anachronism = "quote.anachronism";
inline constexpr std::string_view paraphrase_consistent = "paraphrase.consistent";
inline constexpr std::string_view paraphrase_divergent = "paraphrase.divergent";
inline constexpr std::string_view paraphrase_contradicts = "paraphrase.contradicts";
inline constexpr std::string_view role_mismatch = "speaker.role-mismatch";
} // namespace rules

/// What to check: a quotation as the article gives it.
struct quote_query {
  std::string text;                         ///< the quoted words (or the reported content)
  std::string speaker;                      ///< canonical name in the article; may be empty
  std::vector<std::string> speaker_aliases; ///< other names the article uses for the speaker
  std::string role;                         ///< role as written ("British foreign minister"); may be empty
  std::string article_date;                 ///< YYYY-MM-DD; empty when unknown
  bool reported = false;                    ///< indirect speech: compare meaning, not wording
};

/// The outcome of a check, with its evidence.
struct verdict {
  std::string rule; ///< one of rules::*
  parser::severity level = parser::severity::note;
  double score = 0;                  ///< similarity with the evidence, in [0, 1]
  std::optional<statement> evidence; ///< the stored statement the verdict rests on
  std::vector<diff_op> diff;         ///< quote vs evidence, word by word (direct quotes)
  std::optional<role_input> role;    ///< for speaker.role-mismatch: the recorded role
  std::string message;               ///< one line for humans
};

/// Thresholds and limits of a check.
struct check_options {
  double altered_threshold = 0.6;    ///< alignment score from which a quote counts as "close"
  double consistent_threshold = 0.6; ///< paraphrase: share of content stems for "consistent"
  double related_threshold = 0.3; ///< paraphrase: share of content stems for "divergent" (below: unverified)
  std::size_t candidates = 20;    ///< FTS candidates per probe
};

/// Checks one quotation: quote.verified / fragment / altered / misattributed /
/// unverified / anachronism for direct speech, paraphrase.* for reported
/// speech. Costs one or two FTS probes plus alignment of the candidates.
result<verdict> check_quote(const store &s, const quote_query &q, const check_options &options = {});

/// speaker.role-mismatch when the article gives the speaker a role the roles
/// table says they did not hold on the article's date; nullopt when the role
/// fits or the records cannot tell.
result<std::optional<verdict>> check_role(const store &s, const quote_query &q);

/// check_quote followed by check_role: the quote's verdict first, then any role verdict.
result<std::vector<verdict>> check_all(const store &s, const quote_query &q,
                                       const check_options &options = {});

/// Reported speech held against an earlier quotation of the same speaker in
/// the same article (a later paraphrase of an earlier quote): the
/// paraphrase.* verdict, with `earlier` as its evidence; nullopt when the two
/// share too little to be the same statement. Needs no database.
std::optional<verdict> check_against_earlier(std::string_view report, const statement &earlier,
                                             const check_options &options = {});

/// The default severity of a rule (DESIGN.md's table).
parser::severity default_severity(std::string_view rule);

/// "note", "warning" or "error".
std::string_view to_string(parser::severity level);

/// True when a role as written ("foreign minister") names the recorded role
/// ("British Foreign Secretary"): the content-word stems of one contain the
/// other's, with "secretary" and "minister" taken as one.
bool role_matches(std::string_view claimed, std::string_view recorded);

} // namespace quotecheck::db
