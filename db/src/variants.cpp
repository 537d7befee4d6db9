/// Quotation variants across outlets, from the quotes_seen table.

#include <quotecheck/db/variants.hpp>

#include "sql.hpp"

namespace quotecheck::db {

result<std::vector<variant_group>> quotation_variants(const store &s, std::size_t min_outlets,
                                                      std::size_t limit) {
  detail::query groups(s, "SELECT statement_id, COUNT(DISTINCT outlet), COUNT(DISTINCT normalized) "
                          "FROM quotes_seen WHERE statement_id IS NOT NULL "
                          "GROUP BY statement_id "
                          "HAVING COUNT(DISTINCT outlet) >= ?1 AND COUNT(DISTINCT normalized) >= 2 "
                          "ORDER BY COUNT(DISTINCT outlet) DESC, statement_id LIMIT ?2");
  if (!groups.ok()) {
    return groups.err();
  }
  groups.bind(1, static_cast<std::int64_t>(min_outlets)).bind(2, static_cast<std::int64_t>(limit));
  std::vector<variant_group> out;
  while (groups.step()) {
    variant_group g;
    g.statement_id = groups.integer(0);
    g.outlets = static_cast<std::size_t>(groups.integer(1));
    g.wordings = static_cast<std::size_t>(groups.integer(2));
    out.push_back(std::move(g));
  }
  if (groups.err().code != error_code::ok) {
    return groups.err();
  }
  for (variant_group &g : out) {
    auto seen = sightings_of_statement(s, g.statement_id);
    if (!seen.ok()) {
      return seen.err();
    }
    g.sightings = std::move(seen.value());
  }
  return out;
}

} // namespace quotecheck::db
