#pragma once
/// Every verdict rule id of DESIGN.md's table, with its default severity and
/// the short texts the SARIF reporter and the config loader need.

#include "quotecheck/parser/ast.hpp"

#include <span>
#include <string_view>

namespace quotecheck::cli {

struct rule_info {
  std::string_view id;
  parser::severity level;
  std::string_view summary; ///< one line
  std::string_view help;    ///< what to do about it
};

/// All rules, in DESIGN.md's order (the SARIF ruleIndex is the index here).
std::span<const rule_info> rule_catalog();

/// The index of `id` in rule_catalog(), or -1 when it is not a known rule.
int rule_index(std::string_view id);

} // namespace quotecheck::cli
