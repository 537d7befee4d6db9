#pragma once
/// Quotations that travel: one stored statement printed by several outlets
/// in different words. The raw material for "how quotes drift as they
/// travel" and for reading alterations by hand.

#include <quotecheck/db/sightings.hpp>
#include <quotecheck/db/store.hpp>

#include <cstddef>
#include <vector>

namespace quotecheck::db {

/// One statement and every sighting of it, earliest first.
struct variant_group {
  std::int64_t statement_id = 0;
  std::size_t outlets = 0;  ///< distinct outlets that printed it
  std::size_t wordings = 0; ///< distinct normalised wordings
  std::vector<sighting_record> sightings;
};

/// Statements seen in at least `min_outlets` outlets with at least two
/// wordings, most outlets first; at most `limit` groups.
result<std::vector<variant_group>> quotation_variants(const store &s, std::size_t min_outlets = 2,
                                                      std::size_t limit = 1000);

} // namespace quotecheck::db
