#pragma once
/// A fixed set of words for case-insensitive (ASCII) lookups on hot paths:
/// the lexicons are asked about every word of every document, so a lookup
/// is one multiplicative hash and one compare of packed keys, with no
/// allocation and no lower-cased copy of the word.

#include "quotecheck/parser/packed_word.hpp"

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace quotecheck::parser {

/// Words (stored lower case) with a small value each; the first add of a
/// word wins. Lookups fold ASCII upper case only, as the lexicons always did.
class word_table {
public:
  /// Words longer than this are never entries (and never found).
  static constexpr std::size_t max_word = 24;

  word_table() = default;
  /// A set: every word gets the value 0.
  word_table(std::initializer_list<std::string_view> words);

  /// Adds `word` with `value`; false (and no change) when it is already in,
  /// longer than max_word, or the table is full (65,535 words).
  bool add(std::string_view word, std::uint32_t value = 0);

  /// The value of `w` compared case-insensitively (ASCII), or -1.
  [[nodiscard]] std::int64_t find(std::string_view w) const { return may_contain(w) ? probe(w) : -1; }
  /// False when no word of the table has the length and shapes of `w`:
  /// most words of a text are rejected so, inline, before any hashing.
  [[nodiscard]] bool may_contain(std::string_view w) const {
    if (w.size() > max_word || ((lengths_ >> w.size()) & 1U) == 0) {
      return false;
    }
    const std::size_t s = shape(w);
    std::uint64_t bit = shapes_[s >> 6] >> (s & 63U);
    // A large table lets through many words by their first shape alone;
    // a small one seldom does, and its lookups are spared a cache line.
    if (count_ > inner_shapes_from) {
      // Both bits tested at once: one branch, not two hard to predict.
      const std::size_t i = inner_shape(w);
      bit &= inner_shapes_[i >> 6] >> (i & 63U);
    }
    return (bit & 1U) != 0;
  }
  /// may_contain() without a branch: for a caller that asks about every
  /// token of a text, for which a branch on each test would be mispredicted
  /// often. `w` must not be empty (its first and last bytes are read
  /// whatever its length); the answer is may_contain(w)'s.
  [[nodiscard]] bool may_contain_branchless(std::string_view w) const {
    // Lengths over max_word are clamped to 31, whose bit in lengths_ is never set.
    const std::size_t n = w.size() < 31 ? w.size() : 31;
    const auto byte = [&w](std::size_t i) {
      return static_cast<std::size_t>(static_cast<unsigned char>(w[i])) & 31U;
    };
    const std::size_t s = (byte(0) << 10) | (byte(w.size() - 1) << 5) | n;
    std::uint64_t bit = (lengths_ >> n) & (shapes_[s >> 6] >> (s & 63U));
    if (count_ > inner_shapes_from) {
      const std::size_t second = w.size() > 1 ? 1 : 0;
      const std::size_t i = (byte(second) << 10) | (byte(w.size() - 1 - second) << 5) | n;
      bit &= inner_shapes_[i >> 6] >> (i & 63U);
    }
    return (bit & 1U) != 0;
  }
  /// find() for a word that may_contain() has let through: the lookup
  /// without testing its shape again.
  [[nodiscard]] std::int64_t find_passed(std::string_view w) const { return probe(w); }
  /// True when `w` is in the table (ASCII case-insensitive).
  [[nodiscard]] bool contains(std::string_view w) const { return find(w) >= 0; }
  /// Number of words.
  [[nodiscard]] std::size_t size() const { return count_; }

private:
  /// A word's bytes, ASCII-folded, packed so that two words of the same
  /// length are equal exactly when their keys are (overlapping loads).
  using key = packed_word;
  struct entry {
    key k;
    std::uint32_t len = 0;
    std::uint32_t value = 0;
  };

  /// The 15-bit shape of a non-empty word of at most max_word bytes: its
  /// length with its first and last letters (case-insensitive: their low
  /// five bits), as a bit index into shapes_.
  static std::size_t shape(std::string_view w) {
    return ((static_cast<std::size_t>(static_cast<unsigned char>(w.front())) & 31U) << 10) |
           ((static_cast<std::size_t>(static_cast<unsigned char>(w.back())) & 31U) << 5) | w.size();
  }
  /// Tables of more words than this test inner_shape() too.
  static constexpr std::size_t inner_shapes_from = 128;
  /// The shape of the same word by its second and next-to-last letters
  /// (the only letter, for a word of one): words that share their first
  /// and last letters and length seldom share these too.
  static std::size_t inner_shape(std::string_view w) {
    const std::size_t n = w.size();
    const std::size_t second = n > 1 ? 1 : 0;
    const std::size_t next_to_last = n > 1 ? n - 2 : 0;
    return ((static_cast<std::size_t>(static_cast<unsigned char>(w[second])) & 31U) << 10) |
           ((static_cast<std::size_t>(static_cast<unsigned char>(w[next_to_last])) & 31U) << 5) | n;
  }
  /// find() after the shape test: hashes and compares.
  [[nodiscard]] std::int64_t probe(std::string_view w) const {
    const key k = pack(w);
    const std::uint64_t h = hash(k);
    const auto tag = static_cast<std::uint32_t>(h >> 48);
    for (std::size_t i = static_cast<std::size_t>(h) & mask_;; i = (i + 1) & mask_) {
      const std::uint32_t s = slots_[i];
      if (s == 0) {
        return -1;
      }
      if ((s >> 16) == tag) {
        const entry &e = entries_[(s & 0xFFFFU) - 1];
        if (e.k == k && e.len == w.size()) {
          return e.value;
        }
      }
    }
  }
  static key pack(std::string_view w) { return packed_word::folded(w); }
  static std::uint64_t hash(const key &k) {
    const std::uint64_t h = k.mix();
    return h ^ (h >> 29);
  }
  /// A slot: the hash's top 16 bits, then the entry's index + 1; 0 is empty.
  static std::uint32_t slot_value(std::uint64_t h, std::size_t index) {
    return static_cast<std::uint32_t>(((h >> 48) << 16) | (index + 1));
  }
  void grow();

  std::vector<entry> entries_;
  /// Open addressing over entries_, at most half full: 4 bytes a slot, so
  /// that a lookup that finds nothing touches little memory.
  std::vector<std::uint32_t> slots_ = std::vector<std::uint32_t>(1);
  std::size_t mask_ = 0;
  std::uint32_t lengths_ = 0;            ///< bit n: a word of n bytes is in
  std::uint64_t shapes_[512] = {};       ///< bit shape(w) for every word w
  std::uint64_t inner_shapes_[512] = {}; ///< bit inner_shape(w) for every word w
  std::size_t count_ = 0;
};

} // namespace quotecheck::parser
