#pragma once
/// Internal: validates statement records and writes them with cached
/// prepared statements. The caller owns the transaction.

#include <quotecheck/db/records.hpp>
#include <quotecheck/db/store.hpp>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace quotecheck::db::detail {

/// Checks a record: a speaker, valid UTF-8, ISO dates, text unless the record
/// only describes the speaker. Returns the reason, empty when valid.
std::string validate(const statement_input &in);

/// Normalises an ISO date or date-time to its date part ("2025-03-17T10:00Z" ->
/// "2025-03-17"); returns false when `date` is not ISO 8601.
bool normalize_date(std::string &date);

/// True for valid UTF-8.
bool valid_utf8(std::string_view s);

class writer {
public:
  explicit writer(store &s) : s_(s) {}
  /// Writes one valid record. Returns true when a new statement was stored,
  /// false for a duplicate (same speaker, text and date) or a speaker-only record.
  result<bool> write(const statement_input &in);

private:
  result<std::int64_t> speaker_id(const std::string &name);
  store &s_;
  std::unordered_map<std::string, std::int64_t> speakers_; ///< lower-cased name -> id
  std::unordered_set<std::string> aliases_;                ///< "id\x1falias" already written
};

} // namespace quotecheck::db::detail
