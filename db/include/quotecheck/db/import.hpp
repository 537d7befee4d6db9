#pragma once
/// Bringing statements into the database: JSONL (DESIGN.md), CSV with the
/// same columns, and ClaimReview JSON-LD. One file is one transaction (a
/// batch): a bad record aborts the whole file (nothing written) unless bad
/// records are skipped. A committed file is recorded by the SHA-256 of its
/// bytes in the same transaction, so importing it again (say, rerunning an
/// import that was killed halfway through its list of files) skips it.

#include <quotecheck/db/records.hpp>
#include <quotecheck/db/store.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::db {

enum class import_format {
  auto_detect, ///< by extension (.csv) and content ("claimReviewed" -> ClaimReview), else JSONL
  jsonl,       ///< {"speaker","text","date","source","url","aliases":[...],"medium","role",...} a line
  csv,         ///< header row naming the same columns; RFC 4180 quoting; aliases split on ';' or '|'
  claimreview, ///< schema.org ClaimReview: one object, an array, "@graph", or one object a line
};

/// Parses "auto", "jsonl", "csv" or "claimreview".
result<import_format> parse_import_format(std::string_view name);
/// The name parse_import_format accepts.
std::string_view to_string(import_format f);

struct import_options {
  import_format format = import_format::auto_detect;
  bool skip_bad = false; ///< skip and count bad records instead of aborting the file
  bool reimport = false; ///< read a file even when the same bytes were imported before
};

/// A record that could not be imported: its 1-based line (or item, for a
/// JSON array) and why.
struct bad_record {
  std::size_t line = 0;
  std::string reason;
};

struct import_report {
  import_format format = import_format::jsonl; ///< the format actually read
  std::size_t records = 0;                     ///< records read (good and bad)
  std::size_t inserted = 0;                    ///< new statements stored
  std::size_t duplicates = 0;                  ///< statements already present (same speaker, text, date)
  std::size_t speaker_only = 0;                ///< records describing only a speaker (aliases, roles)
  std::size_t skipped = 0;                     ///< bad records skipped (skip_bad)
  std::vector<bad_record> bad;                 ///< the first 100 bad records skipped
  bool already_imported = false;               ///< skipped: the same bytes were imported before
  std::string previous_name;                   ///< when skipped: the name it was imported under
  std::string previous_at;                     ///< when skipped: when (UTC, ISO 8601)
};

/// Imports a file ("-" reads standard input) in one transaction. On a bad
/// record without skip_bad, nothing is written and the error (bad_record or
/// bad_json) names the file and line in its message, with the line in `offset`.
/// A file (not standard input) whose bytes were imported before is skipped
/// (`already_imported`) unless `reimport` is set.
result<import_report> import_file(store &s, const std::string &path, const import_options &options = {});

/// Imports in-memory content as import_file does; `name` labels messages.
/// In-memory content is not recorded as a batch (statements already present
/// are still counted as duplicates, never stored twice).
result<import_report> import_text(store &s, std::string_view content, const std::string &name,
                                  const import_options &options = {});

/// Stores records (e.g. statements learned from audited articles) in one
/// transaction: all or nothing. An invalid record fails with bad_record and
/// its index in `offset`.
result<void> add_statements(store &s, const std::vector<statement_input> &records);

} // namespace quotecheck::db
