#pragma once
/// Whole-database operations behind `quotecheck db import|stats|export`.

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

/// Merges the full-text index into one segment. Each import transaction adds
/// a segment, and every candidate probe seeks every segment of every term, so
/// a database built from many files answers probes several times slower until
/// it is merged. One transaction: an interrupted merge leaves the index as it was.
result<void> optimize_index(store &s);

/// Writes the database as import JSONL: first one line per speaker with
/// aliases or roles ({"speaker","aliases","roles"}), then one line per
/// statement in id order. Importing the output rebuilds the same content.
/// Returns the number of lines written.
result<std::size_t> export_jsonl(const store &s, std::ostream &out);

} // namespace quotecheck::db
