#pragma once
/// Maps byte offsets in a document to what users and JSON readers count:
/// Unicode code points, and 1-based line and column (column in code points).

#include <cstdint>
#include <string_view>
#include <vector>

namespace quotecheck::parser {

/// A position as the JSON contract reports it.
struct position {
  std::uint64_t code_point = 0; ///< code points before the byte offset
  std::uint32_t line = 1;       ///< 1-based
  std::uint32_t column = 1;     ///< 1-based, in code points
};

/// Answers byte → code point / line / column in O(1) amortised per query
/// after one linear pass; queries may come in any order.
class source_map {
public:
  /// An empty map (of the empty text); reset() gives it a text.
  source_map() { reset({}); }
  /// Indexes `text`, which must outlive the map.
  explicit source_map(std::string_view text) { reset(text); }

  /// Indexes `text` instead, reusing the map's buffers: one map serves a
  /// stream of documents without allocating once it has grown.
  void reset(std::string_view text);

  /// The position of byte offset `byte` (clamped to the text size).
  [[nodiscard]] position at(std::size_t byte) const;
  /// Code points before byte offset `byte`.
  [[nodiscard]] std::uint64_t code_point(std::size_t byte) const;

private:
  static constexpr std::size_t block = 64;
  std::string_view text_;
  std::vector<std::uint64_t> cp_before_block_; ///< code points before each 64-byte block
  std::vector<std::uint32_t> line_starts_;     ///< byte offset where each line begins
};

} // namespace quotecheck::parser
