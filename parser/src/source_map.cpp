/// Byte → code point, line and column.

#include "quotecheck/parser/source_map.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quotecheck::parser {

namespace {

bool is_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }

constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t highs = 0x8080808080808080ULL;

/// Non-zero when some byte of `w` is below `n` (n <= 128; exact as a yes /
/// no answer).
constexpr std::uint64_t has_byte_below(std::uint64_t w, unsigned n) { return (w - ones * n) & ~w & highs; }

/// One flag (value 1) in each byte of `w` that is a continuation byte
/// (10xxxxxx), 0 in the others. Flags of up to 255 words can be added up
/// before the lanes overflow.
constexpr std::uint64_t continuation_flags(std::uint64_t w) { return (w & ~(w << 1) & highs) >> 7; }

/// The sum of the 8 byte lanes of `w` (at most 255 in all). By
/// multiplication: no popcnt needed on the baseline x86-64 target.
constexpr unsigned sum_lanes(std::uint64_t w) { return static_cast<unsigned>((w * ones) >> 56); }

std::uint64_t load_word(const char *p) {
  std::uint64_t w = 0;
  std::memcpy(&w, p, 8);
  return w;
}

/// What reset() needs to know of one 64-byte block.
struct block_summary {
  unsigned continuations = 0; ///< continuation bytes (code points = 64 - this)
  std::uint64_t breaks = 0;   ///< bit i set when byte i is a CR or an LF
};

#if defined(__SSE2__)
/// Summarises the 64 bytes at `p`, 16 at a time (SSE2 is in every x86-64).
block_summary summarise_block(const char *p) {
  // As signed bytes, continuation bytes 0x80..0xBF are exactly those below
  // (int8)0xC0.
  const __m128i below_lead = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  __m128i counts = _mm_setzero_si128(); // per lane, up to 4
  block_summary out;
  for (unsigned k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * k));
    counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(v, below_lead)); // a match is -1
    const __m128i breaks = _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr));
    out.breaks |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(breaks))} << (16 * k);
  }
  const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128()); // two 64-bit lane sums
  out.continuations = static_cast<unsigned>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
  return out;
}
#else
/// Summarises the 64 bytes at `p`, 8 at a time; single bytes are looked at
/// only in the words that may hold a CR or an LF (a byte below 0x0E).
block_summary summarise_block(const char *p) {
  std::uint64_t continuations = 0;
  block_summary out;
  for (unsigned k = 0; k < 64; k += 8) {
    const std::uint64_t w = load_word(p + k);
    continuations += continuation_flags(w);
    if (has_byte_below(w, 0x0E) != 0) {
      for (unsigned b = k; b < k + 8; ++b) {
        if (p[b] == '\n' || p[b] == '\r') {
          out.breaks |= std::uint64_t{1} << b;
        }
      }
    }
  }
  out.continuations = sum_lanes(continuations);
  return out;
}
#endif

/// The set bits of `x`. std::popcount is a call into libgcc on x86-64
/// without -mpopcnt (the baseline has no POPCNT); this is the same
/// arithmetic, inline.
unsigned count_bits(std::uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<unsigned>((x * 0x0101010101010101ULL) >> 56);
}

/// The continuation bytes among the first `k` bytes (k < 64) of the block
/// at `p`; `whole` says that all 64 bytes of the block may be read.
unsigned continuations_before(const char *p, std::size_t k, bool whole) {
#if defined(__SSE2__)
  if (whole) {
    const __m128i below_lead = _mm_set1_epi8(static_cast<char>(0xC0));
    std::uint64_t continuation = 0; // bit i: byte i is a continuation byte
    for (unsigned j = 0; j < 4; ++j) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * j));
      continuation |=
          std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmplt_epi8(v, below_lead)))}
          << (16 * j);
    }
    return count_bits(continuation & ((std::uint64_t{1} << k) - 1));
  }
#else
  static_cast<void>(whole);
#endif
  std::uint64_t continuations = 0;
  std::size_t i = 0;
  for (; i + 8 <= k; i += 8) {
    continuations += continuation_flags(load_word(p + i));
  }
  if (i < k) {
    // The last bytes, in a word padded with zeros (not continuation bytes).
    std::uint64_t w = 0;
    std::memcpy(&w, p + i, k - i);
    continuations += continuation_flags(w);
  }
  return sum_lanes(continuations);
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
  // Whole blocks at once; single bytes only at the CRs and LFs.
  for (; i + block <= n; i += block) {
    cp_before_block_.push_back(cps);
    const block_summary sum = summarise_block(text.data() + i);
    cps += block - sum.continuations;
    for (std::uint64_t breaks = sum.breaks; breaks != 0; breaks &= breaks - 1) {
      line_end_at(i + static_cast<std::size_t>(std::countr_zero(breaks)));
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
  const std::size_t start = b * block;
  // Code points = bytes - continuation bytes, from the start of the block.
  return cp_before_block_[b] + (byte - start) -
         continuations_before(text_.data() + start, byte - start, start + block <= text_.size());
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
