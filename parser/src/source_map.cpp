/// Byte → code point, line and column.

#include "quotecheck/parser/source_map.hpp"

#include <algorithm>
#include <cstring>

namespace quotecheck::parser {

namespace {

bool is_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }

constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t highs = 0x8080808080808080ULL;

/// Non-zero when some byte of `w` is below `n` (n <= 128; exact as a yes /
/// no answer).
constexpr std::uint64_t has_byte_below(std::uint64_t w, unsigned n) { return (w - ones * n) & ~w & highs; }

/// Lead bytes (bytes that start a code point) among the 8 bytes of `w`.
int lead_bytes(std::uint64_t w) {
  // A continuation byte is 10xxxxxx: bit 7 set and bit 6 clear.
  const std::uint64_t continuation = w & ~(w << 1) & highs;
  // Sum the flags (one bit per byte) by multiplication: no popcnt needed on
  // the baseline x86-64 target.
  return 8 - static_cast<int>(((continuation >> 7) * ones) >> 56);
}

} // namespace

void source_map::reset(std::string_view text) {
  text_ = text;
  cp_before_block_.clear();
  line_starts_.clear();
  cp_before_block_.reserve(text.size() / block + 2);
  line_starts_.push_back(0);
  const std::size_t n = text.size();
  // A line ends at LF, at CRLF (counted once, at the LF) and at a lone CR.
  const auto line_end_at = [&](std::size_t i) {
    const char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 == n || text[i + 1] != '\n'))) {
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  };
  std::uint64_t cps = 0;
  std::size_t i = 0;
  // Whole blocks, 8 bytes at a time: count lead bytes, and look at single
  // bytes only in the words that may hold a CR or an LF.
  for (; i + block <= n; i += block) {
    cp_before_block_.push_back(cps);
    for (std::size_t k = i; k < i + block; k += 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, text.data() + k, 8);
      cps += static_cast<std::uint64_t>(lead_bytes(w));
      if (has_byte_below(w, 0x0E) != 0) { // a byte <= CR: maybe an LF or a CR
        for (std::size_t b = k; b < k + 8; ++b) {
          line_end_at(b);
        }
      }
    }
  }
  for (; i < n; ++i) {
    if (i % block == 0) {
      cp_before_block_.push_back(cps);
    }
    cps += is_lead(text[i]) ? 1 : 0;
    line_end_at(i);
  }
  cp_before_block_.push_back(cps);
}

std::uint64_t source_map::code_point(std::size_t byte) const {
  byte = std::min(byte, text_.size());
  const std::size_t b = byte / block;
  std::uint64_t cps = cp_before_block_[b];
  std::size_t i = b * block;
  for (; i + 8 <= byte; i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, text_.data() + i, 8);
    cps += static_cast<std::uint64_t>(lead_bytes(w));
  }
  for (; i < byte; ++i) {
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
