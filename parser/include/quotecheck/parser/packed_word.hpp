#pragma once
/// A short word's bytes packed into three 64-bit integers, read a few at a
/// time and never beyond the word: the key of parser::word_table and of the
/// name index's word hashes, which must agree on how a word is read.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace quotecheck::parser {

/// The bytes of a word of 1 to 24 bytes: whole 8-byte words, the last one
/// overlapping the one before; 4-byte halves; or three single bytes. Two
/// words of the same length are equal exactly when their packed forms are.
struct packed_word {
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  std::uint64_t c = 0;

  /// Packs `w` (1 to 24 bytes) as it is written.
  [[gnu::always_inline]] static packed_word of(std::string_view w) {
    const char *p = w.data();
    const std::size_t n = w.size();
    packed_word k;
    if (n >= 8) {
      k.a = load8(p);
      k.b = n > 16 ? load8(p + 8) : 0;
      k.c = load8(p + n - 8);
    } else if (n >= 4) {
      k.a = load4(p) | (load4(p + n - 4) << 32);
    } else {
      const auto u = [p](std::size_t i) {
        return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i]));
      };
      k.a = u(0) | (u(n / 2) << 8) | (u(n - 1) << 16);
    }
    return k;
  }
  /// The same, ASCII upper case folded to lower case.
  [[gnu::always_inline]] static packed_word folded(std::string_view w) {
    packed_word k = of(w);
    k.a = fold(k.a);
    k.b = fold(k.b);
    k.c = fold(k.c);
    return k;
  }
  /// ASCII upper case to lower case in each byte of `x` (other bytes kept).
  static std::uint64_t fold(std::uint64_t x) {
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const std::uint64_t low7 = x & ~highs;
    const std::uint64_t at_least_a = low7 + 0x3F3F3F3F3F3F3F3FULL;   // bit 7 set when >= 'A'
    const std::uint64_t beyond_z = low7 + 0x2525252525252525ULL;     // bit 7 set when > 'Z'
    const std::uint64_t upper = at_least_a & ~beyond_z & ~x & highs; // and an ASCII byte
    return x | (upper >> 2);                                         // + 0x20
  }
  /// A multiplicative mix of the three words.
  [[nodiscard]] std::uint64_t mix() const {
    return (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ (c * 0x165667B19E3779F9ULL);
  }
  bool operator==(const packed_word &) const = default;

private:
  static std::uint64_t load8(const char *p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
  }
  static std::uint64_t load4(const char *p) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return v;
  }
};

} // namespace quotecheck::parser
