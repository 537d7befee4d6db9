#pragma once
/// Quotations seen in several documents: where each first appeared and how
/// its wording drifted over time and across outlets.

#include <quotecheck/audit/report.hpp>
#include <quotecheck/audit/state.hpp>
#include <quotecheck/db/align.hpp>
#include <quotecheck/parser/result.hpp>

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace quotecheck::audit::detail {

/// One distinct wording of a quotation (same words after normalisation).
struct wording {
  std::string text;                 ///< as first printed
  std::string first_date;           ///< date of its earliest sighting ("" when undated)
  std::vector<std::string> outlets; ///< outlets that printed it, in date order
  std::int64_t sightings = 0;
  bool same_as_first = false;    ///< the first appearance's words
  std::vector<db::diff_op> diff; ///< against the first appearance (empty when same_as_first)
};

/// A quotation (group_key) found in more than one document.
struct repeated_quotation {
  std::string group_key;
  std::int64_t documents = 0, sightings = 0, outlets = 0;
  quote_row first;               ///< earliest date, then lowest seq (undated last)
  std::vector<quote_row> shown;  ///< the first `sightings_limit` sightings in date order
  std::vector<wording> wordings; ///< distinct wordings of `shown`, in date order
};

/// The first `limit` of `groups` (count_corpus's most widespread
/// quotations, in their order), with their first appearance and wordings.
std::vector<repeated_quotation> describe_repeated(const std::vector<group_total> &groups, std::int64_t limit);

/// Reads the first `sightings_limit` sightings of each of `groups` into its
/// `shown`, in date order (undated last). One pass over the quotes table,
/// however many groups.
result<void> load_sightings(sqlite3 *db, std::vector<group_total> &groups, std::int64_t sightings_limit);

} // namespace quotecheck::audit::detail
