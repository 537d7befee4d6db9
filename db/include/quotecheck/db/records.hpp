#pragma once
/// Plain records that go into and come out of the statements database.

#include <cstdint>
#include <string>
#include <vector>

namespace quotecheck::db {

/// A stored statement: what a speaker said, when and where. Dates are ISO
/// 8601 (YYYY-MM-DD, or a shorter prefix such as YYYY-MM); empty when unknown.
struct statement {
  std::int64_t id = 0;
  std::string speaker; ///< canonical name of the speaker
  std::string text;
  std::string date;
  std::string source;
  std::string url;
  std::string medium;
  friend bool operator==(const statement &, const statement &) = default;
};

/// A role a speaker held, with an optional date range (inclusive; empty
/// bounds are open or unknown).
struct role_input {
  std::string role;
  std::string from;
  std::string to;
  friend bool operator==(const role_input &, const role_input &) = default;
};

/// One record to store: a statement with its speaker's aliases and roles.
/// A record with an empty `text` only records the speaker, aliases and roles.
struct statement_input {
  std::string speaker;
  std::string text;
  std::string date;
  std::string source;
  std::string url;
  std::string medium;
  std::vector<std::string> aliases;
  std::vector<role_input> roles;
  /// Where the record came from (e.g. "import:FILE:LINE", "learn:ARTICLE"); kept for audits.
  std::string provenance;
};

} // namespace quotecheck::db
