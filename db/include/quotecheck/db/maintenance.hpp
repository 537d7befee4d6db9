#pragma once
/// Whole-database operations behind `quotecheck db stats|export`.

#include <quotecheck/db/store.hpp>

#include <cstdint>
#include <ostream>
#include <string>

namespace quotecheck::db {

/// Counts of what the database holds.
struct store_stats {
  int schema_version = 0;
  std::int64_t speakers = 0;
  std::int64_t aliases = 0;
  std::int64_t roles = 0;
  std::int64_t statements = 0;
  std::int64_t sightings = 0;
  std::string first_date; ///< earliest statement date, empty when none is dated
  std::string last_date;
};

/// Counts rows of every table.
result<store_stats> stats(const store &s);

/// Writes the database as import JSONL: first one line per speaker with
/// aliases or roles ({"speaker","aliases","roles"}), then one line per
/// statement in id order. Importing the output rebuilds the same content.
/// Returns the number of lines written.
result<std::size_t> export_jsonl(const store &s, std::ostream &out);

} // namespace quotecheck::db
