#pragma once
/// Quotes seen in audited articles: where a quotation first appeared and how
/// later articles changed it (provenance for standards desks and researchers).

#include <quotecheck/db/store.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::db {

/// One quotation as an article printed it.
struct sighting {
  std::string quote_text;
  std::string speaker;
  std::optional<std::int64_t> statement_id; ///< the stored statement it matched, if any
  std::string rule;                         ///< the verdict it got
  std::string article_id;
  std::string article_url;
  std::string outlet;
  std::string article_date; ///< YYYY-MM-DD
};

/// A stored sighting.
struct sighting_record {
  std::int64_t id = 0;
  sighting seen;
  std::string normalized;         ///< matching form of quote_text
  std::int64_t first_seen_id = 0; ///< earliest sighting of the same quotation (itself when first)
  bool variant = false;           ///< worded differently from the first sighting
};

/// Records a sighting. Sightings of the same statement (or, without one, of
/// the same normalised words) form a group; the earliest by article date is
/// the first appearance and the others point to it. Returns the stored record.
result<sighting_record> record_sighting(store &s, const sighting &seen);

/// All sightings of a statement, earliest first.
result<std::vector<sighting_record>> sightings_of_statement(const store &s, std::int64_t statement_id);

/// All sightings with the same normalised words as `quote_text`, earliest first.
result<std::vector<sighting_record>> sightings_of_text(const store &s, std::string_view quote_text);

} // namespace quotecheck::db
