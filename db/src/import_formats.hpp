#pragma once
/// Internal: turning one record of each import format into a statement_input.

#include <quotecheck/db/records.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::db::detail {

/// Reads a JSONL statement object; returns the reason on failure, empty on success.
std::string from_statement_json(const nlohmann::json &j, statement_input &out);

/// Reads a ClaimReview object; returns the reason on failure, empty on success.
std::string from_claimreview_json(const nlohmann::json &j, statement_input &out);

/// Maps a CSV row onto the columns named by `header` (lower-cased names).
std::string from_csv_row(const std::vector<std::string> &header, const std::vector<std::string> &row,
                         statement_input &out);

/// Splits one CSV record starting at `pos` in `text` (RFC 4180: quoted
/// fields may hold commas, doubled quotes and newlines). Advances `pos` past
/// the record and adds the newlines consumed to `lines`. Returns the reason on
/// failure, empty on success.
std::string read_csv_record(std::string_view text, std::size_t &pos, std::vector<std::string> &fields,
                            std::size_t &lines);

} // namespace quotecheck::db::detail
