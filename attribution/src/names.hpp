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
#include <unordered_map>
#include <unordered_set>
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

/// Full names in a document, indexed by their last word for short forms.
class name_index {
public:
  /// Indexes the names in `text`; `quoted` (sorted, disjoint) are the spans
  /// inside quotation marks, where names are addressed rather than speaking.
  name_index(std::string_view text, const std::vector<parser::token> &tokens,
             const std::vector<parser::span> &quoted);

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
  std::string_view text_;
  const std::vector<parser::token> &tokens_;
  const parser::token *tok_; ///< tokens_.data(): indexing without reloading the vector after each push_back
  std::vector<name_entry> entries_;                             ///< in text order
  std::vector<std::pair<std::uint32_t, std::size_t>> mentions_; ///< every mention: offset, entry
  /// Hashes std::string and std::string_view alike, so that lookups by a
  /// view into a stack buffer do not build a std::string.
  struct string_hash {
    using is_transparent = void;
    /// FNV-1a: the keys are single words, for which it is cheaper than
    /// std::hash's general-purpose hash.
    std::size_t operator()(std::string_view s) const {
      std::uint64_t h = 14695981039346656037ULL;
      for (const char c : s) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
      }
      return static_cast<std::size_t>(h ^ (h >> 32));
    }
  };
  using word_map = std::unordered_map<std::string, std::size_t, string_hash, std::equal_to<>>;
  word_map by_last_;  ///< last word (lower case) → entry
  word_map by_first_; ///< first word of a full name (lower case) → entry
  std::vector<std::uint64_t>
      lower_forms_; ///< sorted hashes of capitalised words the text also writes in lower case
  std::bitset<std::size_t{1} << 15> lower_shapes_; ///< shapes (first, length, last) of those lower-case forms
  std::bitset<std::size_t{1} << 15> key_shapes_;   ///< shapes of the keys of by_last_ and by_first_
  /// map.find(key), rejecting keys by shape first (add_key records them).
  [[nodiscard]] word_map::const_iterator find_key(const word_map &map, std::string_view key) const;
  void add_key(word_map &map, std::string_view key, std::size_t idx);
  std::vector<std::uint32_t> mention_token_; ///< token index of each mention, parallel to mentions_
  std::vector<std::uint8_t> quoted_;         ///< per token: 1 inside quotation marks
  std::vector<std::uint8_t> run_flags_;      ///< scan(): lexicon_flags of each word of a run
  const parser::word_table *lexicon_words_ = parser::lexicon_flags_filter(); ///< see lexicon_flags_filter
  std::vector<std::uint32_t> pronoun_votes_; ///< tokens outside quotations that vote for a gender

  [[nodiscard]] bool is_name_word(std::size_t i) const;
  void vote_genders();
  void record_honorific(std::size_t idx, std::size_t at);

  [[nodiscard]] std::string_view word(std::size_t i) const;
  [[nodiscard]] std::string join(std::size_t a, std::size_t b) const;
  void scan();
};

} // namespace quotecheck::attribution
