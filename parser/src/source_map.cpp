/// Byte → code point, line and column.

#include "quotecheck/parser/source_map.hpp"

#include <algorithm>

namespace quotecheck::parser {

namespace {
bool is_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }
} // namespace

source_map::source_map(std::string_view text) : text_(text) {
  cp_before_block_.reserve(text.size() / block + 2);
  line_starts_.push_back(0);
  std::uint64_t cps = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % block == 0) {
      cp_before_block_.push_back(cps);
    }
    const char c = text[i];
    cps += is_lead(c) ? 1 : 0;
    // A line ends at LF, at CRLF (counted once, at the LF) and at a lone CR.
    if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
  cp_before_block_.push_back(cps);
}

std::uint64_t source_map::code_point(std::size_t byte) const {
  byte = std::min(byte, text_.size());
  const std::size_t b = byte / block;
  std::uint64_t cps = cp_before_block_[b];
  for (std::size_t i = b * block; i < byte; ++i) {
    cps += is_lead(text_[i]) ? 1 : 0;
  }
  return cps;
}

position source_map::at(std::size_t byte) const {
  byte = std::min(byte, text_.size());
  const auto it =
      std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<std::uint32_t>(byte));
  const auto line = static_cast<std::size_t>(it - line_starts_.begin()); // 1-based
  const std::uint32_t start = line_starts_[line - 1];
  position p;
  p.code_point = code_point(byte);
  p.line = static_cast<std::uint32_t>(line);
  p.column = static_cast<std::uint32_t>(p.code_point - code_point(start) + 1);
  return p;
}

} // namespace quotecheck::parser
