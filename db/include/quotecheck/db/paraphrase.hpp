#pragma once
/// Comparing reported speech ("she said the talks had failed") with a stored
/// statement: Snowball English stems of the content words, plus agreement of
/// negation and of numbers.

#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::db {

/// The Snowball English stem of a matching key ("wants" -> "want").
/// Thread-safe (one stemmer per thread).
std::string stem(std::string_view key);

/// How a report relates to a statement.
struct paraphrase_comparison {
  double coverage = 0;              ///< share of the report's content stems found in the statement
  std::vector<std::string> shared;  ///< content stems in both
  std::vector<std::string> missing; ///< content stems of the report not in the statement
  bool negation_conflict = false;   ///< a shared word negated in one text and asserted in the other
  std::string negated_word;         ///< that word (stem), for the message
  bool number_conflict = false;     ///< both give numbers, and a number of the report is not in the statement
  bool number_unsupported = false;  ///< the report gives a number the statement does not mention
  std::vector<std::string> report_numbers;
  std::vector<std::string> statement_numbers;
};

/// Compares a report with a statement. Negation is scoped to the next content
/// word after a negator ("does not really want peace" negates "want").
/// Numbers are compared as values ("three" == "3", "1,000" == "1000").
paraphrase_comparison compare_paraphrase(std::string_view report, std::string_view statement);

} // namespace quotecheck::db
