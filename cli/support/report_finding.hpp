#pragma once
/// A finding of `check` as the whole-run reporters (SARIF, GitHub) see it:
/// the rule, its level after configuration, and where it is.

#include "quotecheck/parser/ast.hpp"

#include <cstdint>
#include <string>

namespace quotecheck::cli {

struct located_finding {
  std::string rule;
  parser::severity level = parser::severity::warning;
  std::string message;
  std::string uri; ///< the file path as given; for JSONL input the document id
  /// 1-based; columns in code points; end_column is exclusive (the column
  /// after the last character of the span).
  std::uint32_t start_line = 1, start_column = 1, end_line = 1, end_column = 1;
  std::uint64_t char_offset = 0, char_length = 0; ///< in code points
  std::string quote_text;                         ///< the quoted words (or the diagnostic's span)
  std::string speaker;                            ///< canonical speaker name, empty when none
};

} // namespace quotecheck::cli
