#pragma once
/// Inline suppressions in the article text, as HTML comments (also Markdown's
/// and honoured in plain text) or Markdown's link-reference comment:
///
///   <!-- quotecheck-disable RULE[,RULE] -->   ... <!-- quotecheck-enable -->
///   <!-- quotecheck-disable -->               (no rule: all rules)
///   <!-- quotecheck-enable RULE[,RULE] -->    (re-enables the rules named)
///   <!-- quotecheck-disable-next-line RULE[,RULE] -->
///   [//]: # (quotecheck-disable-next-line RULE)
///
/// A disable region starts after its comment and runs to the matching enable
/// or the end of the document; disable-next-line covers the findings that
/// start on the line after the comment. One linear scan builds the regions;
/// each query is a binary search.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quotecheck::cli {

class suppressions {
public:
  suppressions() = default;
  /// Scans `text` (byte offsets of later queries refer to it).
  explicit suppressions(std::string_view text);

  /// True when a finding of `rule` starting at byte `offset` is suppressed.
  [[nodiscard]] bool suppressed(std::string_view rule, std::size_t offset) const;
  /// True when the text holds no directive at all.
  [[nodiscard]] bool empty() const { return all_.empty() && by_rule_.empty(); }

private:
  struct range {
    std::size_t begin, end; ///< bytes, [begin, end)
  };
  static bool covers(const std::vector<range> &ranges, std::size_t offset);
  void directive(std::string_view body, std::size_t after, std::string_view text);
  void add(const std::string &rule, range r);
  void finish(std::size_t text_size);

  std::vector<range> all_;
  std::unordered_map<std::string, std::vector<range>> by_rule_;
  // While scanning: open disable regions (all, and by rule).
  std::size_t all_open_ = npos;
  std::unordered_map<std::string, std::size_t> open_;
  // While scanning: the last "next line" computed, to stay linear.
  std::size_t cached_from_ = npos, cached_begin_ = 0, cached_end_ = 0;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

} // namespace quotecheck::cli
