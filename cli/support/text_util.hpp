#pragma once
/// Small text helpers shared by the line-oriented readers of cli/support
/// (config files, suppression comments).

#include <string_view>

namespace quotecheck::cli {

/// ASCII white space, line ends included.
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// `s` without leading and trailing white space.
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

} // namespace quotecheck::cli
