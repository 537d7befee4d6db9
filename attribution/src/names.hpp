#pragma once
/// The names a document uses: full names with their roles, found once per
/// document, and the analysis of a frame's source words. Internal to the
/// attribution library.

#include "quotecheck/parser/ast.hpp"
#include "quotecheck/parser/lexicon.hpp"
#include "quotecheck/parser/token.hpp"

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::attribution {

/// A person the document names in full, with the role given there.
struct name_entry {
  std::string name; ///< "David Lammy"
  std::string role; ///< "British foreign minister"
  std::uint32_t at; ///< byte offset of the first mention
  char gender = 0;  ///< 'm' or 'f' when honorifics or nearby pronouns say so
  int he = 0;       ///< votes from nearby pronouns
  int she = 0;
};

/// What a frame's source words are.
enum class source_kind {
  none,
  pronoun,
  person,
  organisation,
  document,
  anonymous,
  role_noun,
  narrator,
  described
};

/// The result of analysing a source span.
struct source_analysis {
  source_kind kind = source_kind::none;
  std::string name; ///< the name as written (without determiners and titles)
  std::string role; ///< titles and roles found in the source words
  bool plural = false;
};

/// A set of 64-bit word hashes, open addressing: a lookup is one or two
/// predictable probes where a binary search would mispredict at each step.
class hash_set {
public:
  /// Empties the set and makes room for `capacity` hashes (keeping the
  /// memory of earlier, larger sets).
  void reset(std::size_t capacity);
  /// Adds `h` (at most `capacity` distinct hashes in all); true when it was not in yet.
  bool insert(std::uint64_t h);
  [[nodiscard]] bool contains(std::uint64_t h) const {
    if (h == 0) {
      return has_zero_;
    }
    for (std::size_t i = slot_of(h);; i = (i + 1) & mask_) {
      if (slots_[i] == h) {
        return true;
      }
      if (slots_[i] == 0) {
        return false;
      }
    }
  }

private:
  [[nodiscard]] std::size_t slot_of(std::uint64_t h) const {
    return static_cast<std::size_t>(h ^ (h >> 32)) & mask_;
  }
  std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(1); ///< 0 marks an empty slot
  std::size_t mask_ = 0;
  bool has_zero_ = false;
};

/// Words → entry indices, for the names' first and last words: open
/// addressing over the words' hashes, the words themselves in one buffer,
/// so that adding a word does not allocate once the buffers have grown and
/// clearing is one increment.
class word_index {
public:
  static constexpr std::size_t npos = ~std::size_t{0};
  /// Forgets every word (keeps the memory).
  void clear();
  /// The index stored for `word`, or npos.
  [[nodiscard]] std::size_t find(std::string_view word) const;
  /// Stores `idx` for `word`, unless the word is in already.
  void add(std::string_view word, std::size_t idx);

private:
  struct slot {
    std::uint64_t hash = 0;
    std::uint32_t generation = 0; ///< the slot is in use when it equals generation_
    std::uint32_t at = 0;         ///< the word: chars_[at, at + size)
    std::uint32_t size = 0;
    std::uint32_t idx = 0;
  };
  /// The hash of a word: a few multiplications for one of 1 to 24 bytes
  /// (every byte read at once, no loop), FNV-1a for another.
  static std::uint64_t hash(std::string_view w);
  /// The slot holding `word` (of hash `h`), or the empty slot where it would go.
  [[nodiscard]] std::size_t slot_for(std::string_view word, std::uint64_t h) const;
  void grow();

  std::vector<slot> slots_ = std::vector<slot>(64);
  std::string chars_;
  std::size_t count_ = 0;
  std::uint32_t generation_ = 1;
};

/// A capitalised word that may be a name's word, unless the text also
/// writes it in lower case.
struct name_candidate {
  std::uint32_t token; ///< its token index
  std::uint32_t shape; ///< its shape: first and last bytes (low five bits), length
  std::uint64_t hash;  ///< its hash, lower-cased (ASCII)
};

/// What a name_index fills for one document, kept by the caller (one per
/// thread) so that indexing document after document does not allocate
/// once the buffers have grown.
struct name_scratch {
  std::vector<name_entry> entries;                             ///< in text order
  std::vector<std::pair<std::uint32_t, std::size_t>> mentions; ///< every mention: offset, entry
  std::vector<std::uint32_t> mention_token;                    ///< token index of each mention
  std::vector<std::uint8_t> token_bits;                        ///< per token: name_index::token_bit
  parser::word_lists words;                      ///< for a document whose word lists parse() did not fill
  std::vector<name_candidate> candidates;        ///< the capitalised words that may be names' words
  std::vector<std::uint64_t> capitalised_shapes; ///< bitmap of the shapes of the candidates
  hash_set capitalised_set;                      ///< the candidates' hashes
  hash_set lower_forms;                          ///< those of them the text also writes in lower case
  std::vector<std::uint8_t> run_flags;           ///< scan(): lexicon_flags of each word of a run
  word_index by_last;                            ///< last word (lower case) → entry
  word_index by_first;                           ///< first word of a full name (lower case) → entry
};

/// Full names in a document, indexed by their last word for short forms.
class name_index {
public:
  /// Indexes the names in `text`; `quoted` (sorted, disjoint) are the spans
  /// inside quotation marks, where names are addressed rather than speaking.
  /// The index lives in `scratch`, which must not serve another index
  /// while this one is in use. `words` are the document's word lists (when
  /// not filled, the index lists the words itself).
  name_index(std::string_view text, const std::vector<parser::token> &tokens,
             const std::vector<parser::span> &quoted, const parser::word_lists &words, name_scratch &scratch);

  /// What the words in `source` are and name.
  [[nodiscard]] source_analysis analyse(parser::span source) const;
  /// The full-name entry for a name or short form ("Lammy" → "David Lammy"), or null.
  [[nodiscard]] const name_entry *canonical(const std::string &name) const;
  /// The latest person named before `at` whose role contains `word`.
  [[nodiscard]] const name_entry *with_role(const std::string &word, std::uint32_t at) const;
  /// The latest person named before `at` compatible with gender `g` ('m', 'f' or 0 for any).
  /// `mention_at`, when given, receives the offset of that mention.
  /// With `known_person`, one-word names without a known gender (often
  /// places: "Moscow", "Brussels") are passed over.
  [[nodiscard]] const name_entry *last_person_before(std::uint32_t at, char g = 0,
                                                     std::uint32_t *mention_at = nullptr,
                                                     bool known_person = false) const;
  /// The latest person named before `at` other than `not_name` (a dialogue's other party).
  [[nodiscard]] const name_entry *last_person_other_than(std::uint32_t at, const std::string &not_name) const;
  /// The gender of a canonical name (0 when unknown).
  [[nodiscard]] char gender_of(const std::string &name) const;

private:
  /// Bits of name_scratch::token_bits.
  enum token_bit : std::uint8_t {
    quoted_bit = 1U << 0,    ///< the token lies inside quotation marks
    name_word_bit = 1U << 1, ///< is_name_word
    pronoun_bit = 1U << 2,   ///< a pronoun that votes for a gender (see vote_genders)
  };

  std::string_view text_;
  const std::vector<parser::token> &tokens_;
  const parser::token *tok_; ///< tokens_.data()
  name_scratch &s_;
  const parser::word_lists *words_;                              ///< the document's, or s_.words
  std::vector<name_entry> &entries_;                             ///< s_.entries
  std::vector<std::pair<std::uint32_t, std::size_t>> &mentions_; ///< s_.mentions
  std::bitset<std::size_t{1} << 15> lower_shapes_; ///< shapes (first, length, last) of the lower-case forms
  std::bitset<std::size_t{1} << 15> key_shapes_;   ///< shapes of the words of s_.by_last and s_.by_first
  /// map.find(key), rejecting keys by shape first (add_key records them).
  [[nodiscard]] std::size_t find_key(const word_index &map, std::string_view key) const;
  void add_key(word_index &map, std::string_view key, std::size_t idx);
  const parser::word_table *lexicon_words_ = parser::lexicon_flags_filter(); ///< see lexicon_flags_filter

  /// A capitalised word that is not a function word, not "I'm" and not
  /// written in lower case elsewhere in the text: a name's word.
  [[nodiscard]] bool is_name_word(std::size_t i) const { return (s_.token_bits[i] & name_word_bit) != 0; }
  void find_lower_forms();
  void mark_name_words();
  void vote_genders();
  void record_honorific(std::size_t idx, std::size_t at);

  [[nodiscard]] std::string_view word(std::size_t i) const;
  [[nodiscard]] std::string join(std::size_t a, std::size_t b) const;
  /// True when join(a, b) (a < b) contains "familiar with" ("people
  /// familiar with the matter"), without joining the words of most spans.
  [[nodiscard]] bool mentions_familiar_with(std::size_t a, std::size_t b) const;
  void scan();
};

} // namespace quotecheck::attribution
