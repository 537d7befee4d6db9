/// Name finding and source analysis.

#include "names.hpp"

#include "quotecheck/parser/lexicon.hpp"
#include "quotecheck/parser/packed_word.hpp"
#include "quotecheck/parser/word_table.hpp"

#include <algorithm>
#include <array>

namespace quotecheck::attribution {

namespace {

using parser::token;
using parser::token_class;

char lower_char(char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); }

std::string lower(std::string_view w) {
  std::string s(w);
  for (char &c : s) {
    c = lower_char(c);
  }
  return s;
}

/// True when `w` lower-cased (ASCII) equals `lower_lit`; no allocation.
bool iequals(std::string_view w, std::string_view lower_lit) {
  if (w.size() != lower_lit.size()) {
    return false;
  }
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (lower_char(w[i]) != lower_lit[i]) {
      return false;
    }
  }
  return true;
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::any_of(set.begin(), set.end(), [w](std::string_view s) { return iequals(w, s); });
}

/// A word lower-cased (ASCII) in place for short words, so that the lookups
/// made for every capitalised word of a document do not allocate.
class lower_word {
public:
  explicit lower_word(std::string_view w) {
    if (w.size() <= sizeof small_) {
      for (std::size_t i = 0; i < w.size(); ++i) {
        small_[i] = lower_char(w[i]);
      }
      view_ = std::string_view(small_, w.size());
    } else {
      big_ = lower(w);
      view_ = big_;
    }
  }
  lower_word(const lower_word &) = delete;
  lower_word &operator=(const lower_word &) = delete;
  [[nodiscard]] std::string_view view() const { return view_; }

private:
  char small_[48];
  std::string big_;
  std::string_view view_;
};

/// The hash of a word of 1 to 24 bytes, lower-cased (ASCII) when `Fold`
/// is set: the key of the sets of words a text writes capitalised and in
/// lower case. The bytes are packed as parser::word_table packs its keys
/// (parser::packed_word); words of up to 7 bytes and the same length never
/// share a hash.
template <bool Fold> [[gnu::always_inline]] inline std::uint64_t word_hash(std::string_view w) {
  const parser::packed_word k = Fold ? parser::packed_word::folded(w) : parser::packed_word::of(w);
  std::uint64_t h = k.mix() ^ (w.size() * 0xD6E8FEB86659FD93ULL);
  h ^= h >> 29;
  return h;
}

/// The shape of a word of 1 to 31 bytes: its first and last bytes (letters
/// case-insensitive: their low five bits) and its length, in 15 bits. Two
/// words equal but for ASCII case have the same shape.
std::size_t word_shape(std::string_view w) {
  return ((static_cast<std::size_t>(static_cast<unsigned char>(w.front())) & 31U) << 10) | (w.size() << 5) |
         (static_cast<std::size_t>(static_cast<unsigned char>(w.back())) & 31U);
}

/// The 64-bit words of a bitmap of shapes (2^15 bits).
constexpr std::size_t shape_words = std::size_t{1} << 9;

bool is_anonymous_head(std::string_view w) {
  static const parser::word_table set = {
      "official",    "officials", "source",     "sources",    "people",    "person",      "aide",
      "aides",       "diplomat",  "diplomats",  "insider",    "insiders",  "analyst",     "analysts",
      "expert",      "experts",   "observer",   "observers",  "critic",    "critics",     "resident",
      "residents",   "witness",   "witnesses",  "lawmakers",  "officers",  "employees",   "staffers",
      "staff",       "members",   "supporters", "opponents",  "advisers",  "advisors",    "investigators",
      "prosecutors", "someone",   "others",     "matter",     "spokesman", "spokeswoman", "spokesperson",
      "leaders",     "voters",    "democrats",  "republicans"};
  return set.contains(w);
}

bool is_spokes(std::string_view w) {
  static const parser::word_table set = {"spokesman", "spokeswoman", "spokesperson", "spokespeople"};
  return set.contains(w);
}

const parser::word_table &suffixes() {
  static const parser::word_table set = {"jr", "sr", "ii", "iii", "iv"};
  return set;
}

/// True for a name suffix ("Jr"). Every suffix has two or three letters:
/// most words are passed inline, without a lookup.
bool is_suffix(std::string_view w) { return (w.size() == 2 || w.size() == 3) && suffixes().contains(w); }

const parser::word_table &particles() {
  static const parser::word_table set = {"de", "van", "von", "der", "den", "bin", "al",
                                         "la", "le",  "del", "da",  "di",  "du",  "ibn"};
  return set;
}

/// True for a particle of a name ("van"). Every particle has two or three
/// letters: most words are passed inline, without a lookup.
bool is_particle(std::string_view w) { return (w.size() == 2 || w.size() == 3) && particles().contains(w); }

/// Words that are never names, though capitalised at a sentence start;
/// short texts may never write them in lower case. Their hashes (see
/// word_hash), as every capitalised word is hashed anyway.
const hash_set &function_words() {
  static const hash_set set = [] {
    static constexpr std::string_view words[] = {
        "the",      "a",        "an",        "this",     "that",   "these",    "those",     "it",
        "its",      "there",    "here",      "then",     "when",   "while",    "but",       "and",
        "or",       "so",       "yet",       "if",       "as",     "at",       "in",        "on",
        "of",       "for",      "to",        "from",     "by",     "with",     "after",     "before",
        "during",   "since",    "until",     "although", "though", "because",  "however",   "meanwhile",
        "monday",   "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday",    "january",
        "february", "march",    "april",     "may",      "june",   "july",     "august",    "september",
        "october",  "november", "december",  "earlier",  "later",  "today",    "yesterday", "tomorrow",
        "now",      "still",    "also",      "yes",      "no",     "oh",       "well",      "dear",
        "dearest",  "chapter",  "what",      "why",      "how",    "who",      "where",     "which",
        "all",      "some",     "many",      "most",     "both",   "each",     "every",     "one",
        "two",      "three",    "first",     "last",     "next",   "new",      "our",       "my",
        "your",     "his",      "her",       "their",    "we",     "i",        "you",       "he",
        "she",      "they",     "me",        "him",      "us",     "them"};
    hash_set s;
    s.reset(4 * std::size(words)); // mostly empty: a word not in is seldom probed twice
    for (const std::string_view w : words) {
      s.insert(word_hash<true>(w));
    }
    return s;
  }();
  return set;
}

/// The gender a pronoun votes for: 1 for he/him/his/himself, 2 for
/// she/her/hers/herself, 0 otherwise (ASCII case-insensitive).
int pronoun_vote(std::string_view w) {
  static const parser::word_table set = [] {
    parser::word_table t;
    for (const std::string_view m : {"he", "him", "his", "himself"}) {
      t.add(m, 1);
    }
    for (const std::string_view f : {"she", "her", "hers", "herself"}) {
      t.add(f, 2);
    }
    return t;
  }();
  const std::int64_t v = set.find(w);
  return v < 0 ? 0 : static_cast<int>(v);
}

/// The shapes (see word_shape) of the pronouns that vote for a gender, a
/// bitmap: a word of another shape is no such pronoun, and most are
/// rejected so without a lookup.
const std::array<std::uint64_t, shape_words> &pronoun_shapes() {
  static const std::array<std::uint64_t, shape_words> shapes = [] {
    std::array<std::uint64_t, shape_words> s{};
    for (const std::string_view p : {"he", "him", "his", "himself", "she", "her", "hers", "herself"}) {
      const std::size_t sh = word_shape(p);
      s[sh >> 6] |= std::uint64_t{1} << (sh & 63U);
    }
    return s;
  }();
  return shapes;
}

/// is_contraction() for a word with an apostrophe among its last three bytes.
[[gnu::noinline]] bool is_contraction_slow(std::string_view w) {
  // Lower-casing (ASCII) changes neither where the apostrophe is nor
  // whether the word ends in "'s".
  const std::size_t n = w.size();
  const std::size_t ap = w.find('\'');
  return n - ap <= 3 && !(n >= 2 && w[n - 2] == '\'' && lower_char(w.back()) == 's');
}

/// True for "I'm", "I'll", "I've": a word whose first apostrophe is among
/// its last three bytes, unless it ends in "'s". Most words have no
/// apostrophe there, which is tested first, inline and without a search.
inline bool is_contraction(std::string_view w) {
  const std::size_t n = w.size();
  const auto apostrophe_at = [&](std::size_t back) { return n >= back && w[n - back] == '\''; };
  return (apostrophe_at(1) || apostrophe_at(2) || apostrophe_at(3)) && is_contraction_slow(w);
}

} // namespace

void hash_set::reset(std::size_t capacity) {
  std::size_t size = 16;
  while (size < capacity * 2) {
    size *= 2;
  }
  slots_.assign(size, 0);
  mask_ = size - 1;
  has_zero_ = false;
}

bool hash_set::insert(std::uint64_t h) {
  if (h == 0) {
    const bool added = !has_zero_; // 0 marks an empty slot
    has_zero_ = true;
    return added;
  }
  std::size_t i = slot_of(h);
  while (slots_[i] != 0 && slots_[i] != h) {
    i = (i + 1) & mask_;
  }
  const bool added = slots_[i] == 0;
  slots_[i] = h;
  return added;
}

void word_index::clear() {
  chars_.clear();
  count_ = 0;
  if (++generation_ == 0) { // wrapped: no slot may look in use
    std::fill(slots_.begin(), slots_.end(), slot{});
    generation_ = 1;
  }
}

std::uint64_t word_index::hash(std::string_view w) {
  if (!w.empty() && w.size() <= 24) {
    return word_hash<false>(w);
  }
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : w) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return h ^ (h >> 32);
}

std::size_t word_index::slot_for(std::string_view word, std::uint64_t h) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
    const slot &s = slots_[i];
    if (s.generation != generation_ ||
        (s.hash == h && std::string_view(chars_).substr(s.at, s.size) == word)) {
      return i;
    }
  }
}

std::size_t word_index::find(std::string_view word) const {
  const slot &s = slots_[slot_for(word, hash(word))];
  return s.generation == generation_ ? s.idx : npos;
}

void word_index::add(std::string_view word, std::size_t idx) {
  if ((count_ + 1) * 2 > slots_.size()) {
    grow();
  }
  const std::uint64_t h = hash(word);
  slot &s = slots_[slot_for(word, h)];
  if (s.generation == generation_) {
    return; // in already: the first index stays
  }
  s = {h, generation_, static_cast<std::uint32_t>(chars_.size()), static_cast<std::uint32_t>(word.size()),
       static_cast<std::uint32_t>(idx)};
  chars_ += word;
  ++count_;
}

void word_index::grow() {
  std::vector<slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const slot &s : old) {
    if (s.generation == generation_) {
      std::size_t i = static_cast<std::size_t>(s.hash) & mask;
      while (slots_[i].generation == generation_) {
        i = (i + 1) & mask;
      }
      slots_[i] = s;
    }
  }
}

namespace {

/// The word lists parse() fills (see parser::word_lists), for a document
/// built otherwise.
void list_words(const std::vector<token> &tokens, parser::word_lists &words) {
  words.capitalised.clear();
  words.uncapitalised.clear();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const token &t = tokens[i];
    if (t.cls != token_class::word) {
      continue;
    }
    if (t.is(parser::capitalised)) {
      words.capitalised.push_back(static_cast<std::uint32_t>(i));
    } else if (t.end - t.begin <= 24) {
      words.uncapitalised.push_back(static_cast<std::uint32_t>(i));
    }
  }
  words.filled = true;
}

/// The first token of [first, last) (sorted) that starts at or after `at`:
/// std::lower_bound without branches on the tokens, whose outcomes a
/// binary search cannot predict.
const token *first_token_from(const token *first, const token *last, std::uint32_t at) {
  auto count = static_cast<std::size_t>(last - first);
  if (count == 0) {
    return first;
  }
  while (count > 1) {
    const std::size_t half = count / 2;
    first += half * static_cast<std::size_t>(first[half - 1].begin < at); // no branch
    count -= half;
  }
  return first + (first->begin < at ? 1 : 0);
}

} // namespace

name_index::name_index(std::string_view text, const std::vector<token> &tokens,
                       const std::vector<parser::span> &quoted, const parser::word_lists &words,
                       name_scratch &scratch)
    : text_(text), tokens_(tokens), tok_(tokens.data()), s_(scratch), words_(&words),
      entries_(scratch.entries), mentions_(scratch.mentions) {
  entries_.clear();
  mentions_.clear();
  s_.mention_token.clear();
  s_.by_last.clear();
  s_.by_first.clear();
  if (!words.filled) {
    list_words(tokens, s_.words);
    words_ = &s_.words;
  }
  const std::size_t n = tokens_.size();
  const token *const toks = tokens_.data();
  const char *const chars = text_.data();
  s_.token_bits.assign(n, 0);
  std::uint8_t *const bits = s_.token_bits.data();
  // The tokens that start inside each quoted span (few spans: found by
  // binary search, not by a test per token).
  for (const parser::span &q : quoted) {
    const token *a = first_token_from(toks, toks + n, q.begin);
    const token *b = first_token_from(a, toks + n, q.end);
    std::fill(bits + (a - toks), bits + (b - toks), std::uint8_t{quoted_bit});
  }
  // Each capitalised word once: a pronoun voting for a gender? Never a
  // name (a function word, "I'm")? Else a candidate for a name's word, with
  // its hash (lower-cased) and shape for find_lower_forms.
  const std::vector<std::uint32_t> &capitalised = words_->capitalised;
  const hash_set &function = function_words();
  const std::uint64_t *const pronouns = pronoun_shapes().data();
  std::vector<name_candidate> &candidates = s_.candidates;
  std::vector<std::uint64_t> &shapes = s_.capitalised_shapes;
  hash_set &capitalised_set = s_.capitalised_set;
  candidates.clear();
  shapes.assign(shape_words, 0);
  capitalised_set.reset(capitalised.size());
  for (const std::uint32_t i : capitalised) {
    const token &t = toks[i];
    const std::string_view w(chars + t.begin, t.end - t.begin);
    if (w.size() > 24) { // no lower-case form is that long; no pronoun either
      if (!is_contraction(w)) {
        bits[i] |= name_word_bit;
      }
      continue;
    }
    const std::size_t sh = word_shape(w);
    if (((pronouns[sh >> 6] >> (sh & 63U)) & 1U) != 0 && pronoun_vote(w) != 0) {
      bits[i] |= pronoun_bit;
    }
    const std::uint64_t h = word_hash<true>(w);
    if (function.contains(h) || is_contraction(w)) {
      continue;
    }
    capitalised_set.insert(h);
    shapes[sh >> 6] |= std::uint64_t{1} << (sh & 63U);
    candidates.push_back({i, static_cast<std::uint32_t>(sh), h});
  }
  find_lower_forms();
  mark_name_words();
  scan();
  vote_genders();
}

void name_index::find_lower_forms() {
  // Which candidate name words does the text also write in lower case?
  // Only a lower-case word with the shape (first byte, length, last byte;
  // letters case-insensitive by their low five bits) of a candidate can be
  // one, so most are never hashed. The same walk marks the pronouns, by
  // their shapes too: both tests first, with one branch.
  const token *const toks = tokens_.data();
  const char *const chars = text_.data();
  std::uint8_t *const bits = s_.token_bits.data();
  const std::uint64_t *const shapes = s_.capitalised_shapes.data();
  const std::uint64_t *const pronouns = pronoun_shapes().data();
  const hash_set &capitalised_set = s_.capitalised_set;
  hash_set &found = s_.lower_forms; // each lower-case form once, however often written
  found.reset(s_.candidates.size());
  for (const std::uint32_t i : words_->uncapitalised) { // words of at most 24 bytes
    const token &t = toks[i];
    const std::string_view w(chars + t.begin, t.end - t.begin);
    const std::size_t sh = word_shape(w);
    const std::uint64_t known = shapes[sh >> 6] >> (sh & 63U);
    const std::uint64_t pronoun = pronouns[sh >> 6] >> (sh & 63U);
    if (((known | pronoun) & 1U) == 0) {
      continue;
    }
    if ((pronoun & 1U) != 0 && pronoun_vote(w) != 0) {
      bits[i] |= pronoun_bit;
    }
    if ((known & 1U) == 0) {
      continue;
    }
    // As written: equal to a lower-cased candidate only if their hashes are.
    const std::uint64_t h = word_hash<false>(w);
    if (capitalised_set.contains(h) && found.insert(h)) {
      lower_shapes_.set(sh);
    }
  }
}

void name_index::mark_name_words() {
  // Whether each capitalised word is a name's word, decided once: scan()
  // asks about the same words several times. A candidate is unless the
  // text also writes it in lower case; the shape of a lower-case form
  // passes most words without a lookup.
  std::uint8_t *const bits = s_.token_bits.data();
  for (const name_candidate &c : s_.candidates) {
    if (!lower_shapes_.test(c.shape) || !s_.lower_forms.contains(c.hash)) {
      bits[c.token] |= name_word_bit;
    }
  }
}

std::size_t name_index::find_key(const word_index &map, std::string_view key) const {
  // Most words are no key: rejected by their shape before hashing.
  if (!key.empty() && key.size() <= 31 && !key_shapes_.test(word_shape(key))) {
    return word_index::npos;
  }
  return map.find(key);
}

void name_index::add_key(word_index &map, std::string_view key, std::size_t idx) {
  if (!key.empty() && key.size() <= 31) {
    key_shapes_.set(word_shape(key));
  }
  map.add(key, idx);
}

void name_index::vote_genders() {
  // The first personal pronoun within a few tokens after a mention votes
  // for that person's gender; honorifics decide outright.
  for (std::size_t m = 0; m < mentions_.size(); ++m) {
    name_entry &e = entries_[mentions_[m].second];
    // The first pronoun outside quotation marks among the next 15 tokens.
    const std::size_t start = s_.mention_token[m];
    const std::size_t end = std::min(start + 16, tokens_.size());
    for (std::size_t k = start + 1; k < end; ++k) {
      if ((s_.token_bits[k] & (pronoun_bit | quoted_bit)) == pronoun_bit) {
        (pronoun_vote(word(k)) == 1 ? e.he : e.she) += 1;
        break;
      }
    }
  }
  for (name_entry &e : entries_) {
    if (e.gender == 0 && e.he + e.she >= 2) {
      e.gender = e.he >= 2 * e.she ? 'm' : (e.she >= 2 * e.he ? 'f' : 0);
    }
  }
}

const name_entry *name_index::last_person_other_than(std::uint32_t at, const std::string &not_name) const {
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), std::make_pair(at, std::size_t{0}));
  for (std::size_t steps = 0; it != mentions_.begin() && steps < 32; ++steps) {
    --it;
    const name_entry &e = entries_[it->second];
    if (e.name != not_name) {
      return &e;
    }
  }
  return nullptr;
}

char name_index::gender_of(const std::string &name) const {
  const name_entry *e = canonical(name);
  return e != nullptr ? e->gender : 0;
}

std::string_view name_index::word(std::size_t i) const {
  return {text_.data() + tok_[i].begin, tok_[i].end - tok_[i].begin}; // tokens lie within the text
}

std::string name_index::join(std::size_t a, std::size_t b) const {
  // Tokens joined by single spaces where the text has any white space
  // (names in hard-wrapped text run across line ends).
  std::string out;
  for (std::size_t k = a; k < b; ++k) {
    if (tok_[k].cls == token_class::newline) {
      continue;
    }
    if (!out.empty() && (tok_[k].is(parser::space_before) || tok_[k - 1].cls == token_class::newline)) {
      out += ' ';
    }
    out += word(k);
  }
  return out;
}

bool name_index::mentions_familiar_with(std::size_t a, std::size_t b) const {
  // join() keeps each word's letters together, so "familiar" in the joined
  // words is "familiar" in the text they span: most spans are passed by a
  // search of the text, without building the string.
  const std::string_view raw = text_.substr(tok_[a].begin, tok_[b - 1].end - tok_[a].begin);
  return raw.find("familiar") != std::string_view::npos &&
         join(a, b).find("familiar with") != std::string::npos;
}

void name_index::record_honorific(std::size_t idx, std::size_t at) {
  if (at >= tokens_.size() || entries_[idx].gender != 0) {
    return;
  }
  const std::string_view h = word(at);
  if (one_of(h, {"mr", "sir", "lord", "monsieur", "herr"})) {
    entries_[idx].gender = 'm';
  } else if (one_of(h, {"mrs", "miss", "ms", "lady", "dame", "madame", "frau"})) {
    entries_[idx].gender = 'f';
  }
}

void name_index::scan() {
  const std::size_t n = tokens_.size();
  const std::vector<std::uint32_t> &capitalised = words_->capitalised;
  std::vector<std::uint8_t> &run_flags = s_.run_flags;
  std::size_t next = 0; // into capitalised
  std::size_t i = 0;
  while (true) {
    // A run starts at the next capitalised word.
    while (next < capitalised.size() && capitalised[next] < i) {
      ++next;
    }
    if (next == capitalised.size()) {
      break;
    }
    i = capitalised[next];
    // A run of capitalised words, initials ("J.") and particles.
    std::size_t j = i;
    while (j < n) {
      const token &u = tok_[j];
      const bool name_word =
          u.cls == token_class::word && (u.is(parser::capitalised) || (j > i && is_particle(word(j))));
      const bool initial_period = u.cls == token_class::punct && word(j) == "." && j > i &&
                                  !u.is(parser::space_before) && tok_[j - 1].end - tok_[j - 1].begin == 1 &&
                                  j + 1 < n && tok_[j + 1].cls == token_class::word &&
                                  tok_[j + 1].is(parser::capitalised);
      if (name_word || initial_period) {
        ++j;
      } else {
        break;
      }
    }
    // The lexicons' answers for each word of the run, looked up once.
    const std::size_t run = i;
    run_flags.clear();
    for (std::size_t k = i; k < j; ++k) {
      std::uint8_t f = 0;
      if (tok_[k].cls == token_class::word) {
        // The table itself when it may be asked directly (see lexicon_flags_filter).
        const std::int64_t v =
            lexicon_words_ == nullptr ? parser::lexicon_flags(word(k)) : lexicon_words_->find(word(k));
        f = v < 0 ? 0 : static_cast<std::uint8_t>(v);
      }
      run_flags.push_back(f);
    }
    const auto flags = [&](std::size_t k) { return run_flags[k - run]; };
    constexpr std::uint8_t title_or_honorific = parser::title_word | parser::honorific_word;
    // Leading capitalised words that the text also writes in lower case
    // are sentence starts, not names ("But Matthew", "Dear Margaret").
    std::size_t honorific_at = n;
    while (i < j && tok_[i].cls == token_class::word && !is_name_word(i) &&
           (flags(i) & title_or_honorific) == 0) {
      ++i;
    }
    if (i >= j) {
      i = j;
      continue;
    }
    // Split off leading titles and roles: "U.S. President Donald Trump".
    // A title counts only before the name's last word: "King" in "Martin
    // Luther King Jr." is the name.
    std::size_t last_name_word = i;
    for (std::size_t k = i; k < j; ++k) {
      if (tok_[k].cls == token_class::word && (flags(k) & title_or_honorific) == 0 && !is_suffix(word(k))) {
        last_name_word = k;
      }
    }
    std::size_t name_start = i;
    for (std::size_t k = i; k < last_name_word; ++k) {
      if (tok_[k].cls == token_class::word && (flags(k) & title_or_honorific) != 0) {
        name_start = k + 1;
        if ((flags(k) & parser::honorific_word) != 0) {
          honorific_at = k;
        }
      }
    }
    while (name_start < j && tok_[name_start].cls != token_class::word) {
      ++name_start; // the period of "Mrs."
    }
    if (name_start >= j) {
      i = j;
      continue;
    }
    std::size_t words = 0;
    bool org = false;
    for (std::size_t k = name_start; k < j; ++k) {
      if (tok_[k].cls == token_class::word) {
        ++words;
        org = org || (flags(k) & parser::organisation_word) != 0 || tok_[k].is(parser::all_caps);
      }
    }
    if (words >= 2 && !org && parser::speech_lemma(word(j - 1)).empty()) {
      // The role: title words in the run, and role words just before it.
      std::size_t r = i;
      while (r > 0 && i - r < 6) {
        const token &p = tok_[r - 1];
        const std::string_view w = word(r - 1);
        const bool role_word = p.cls == token_class::word &&
                               (parser::is_title_word(w) ||
                                (p.is(parser::capitalised) && (w.ends_with("ish") || w.ends_with("an") ||
                                                               w.ends_with("ese") || w.ends_with("'s"))));
        const bool initial = p.cls == token_class::punct && w == "." && !p.is(parser::space_before);
        const bool single_cap =
            p.cls == token_class::word && p.end - p.begin == 1 && p.is(parser::capitalised);
        if (role_word || initial || single_cap) {
          --r;
        } else {
          break;
        }
      }
      std::string role = join(r, name_start);
      // Apposition before: "the EU's foreign policy chief, Kaja Kallas".
      if (role.empty() && i >= 2 && word(i - 1) == ",") {
        std::size_t a = i - 1;
        std::size_t steps = 0;
        while (a > 0 && steps < 7 && tok_[a - 1].cls == token_class::word &&
               !one_of(word(a - 1), {"the", "a", "an", "as", "and", "said", "says"})) {
          --a;
          ++steps;
        }
        if (a < i - 1 && parser::is_title_word(word(i - 2))) {
          role = join(a, i - 1);
        }
      }
      // Apposition after: "Hugh Hill, a doctor, said".
      if (role.empty() && j + 2 < n && word(j) == "," && one_of(word(j + 1), {"a", "an", "the"})) {
        std::size_t b = j + 2;
        while (b < n && b < j + 9 && tok_[b].cls == token_class::word) {
          ++b;
        }
        const bool ends = b == n || word(b) == "," || word(b) == "." || tok_[b].cls == token_class::newline;
        if (ends && b > j + 2) {
          role = join(j + 2, b); // ", the union's regional secretary." too
        }
      }
      std::string_view last = word(last_name_word);
      if (last.ends_with("'s") || last.ends_with("\u2019s")) {
        last.remove_suffix(last.ends_with("'s") ? 2 : 4);
      }
      const lower_word last_key(last);
      std::size_t idx = 0;
      if (const std::size_t found = find_key(s_.by_last, last_key.view()); found != word_index::npos) {
        idx = found;
        if (entries_[idx].role.empty()) {
          entries_[idx].role = std::move(role);
        }
      } else {
        idx = entries_.size();
        std::string clean = join(name_start, j);
        if (clean.ends_with("'s")) {
          clean.erase(clean.size() - 2);
        }
        entries_.push_back({std::move(clean), std::move(role), tok_[name_start].begin});
        add_key(s_.by_last, last_key.view(), idx);
      }
      record_honorific(idx, honorific_at);
      if (std::size_t sp = entries_[idx].name.find(' '); sp != std::string::npos) {
        const lower_word first_key(std::string_view(entries_[idx].name).substr(0, sp));
        if (find_key(s_.by_first, first_key.view()) == word_index::npos) {
          add_key(s_.by_first, first_key.view(), idx);
        }
      }
      if ((s_.token_bits[name_start] & quoted_bit) == 0) {
        mentions_.emplace_back(tok_[name_start].begin, idx);
        s_.mention_token.push_back(static_cast<std::uint32_t>(name_start));
      }
    } else if (words == 1 && !org) {
      // A short form of a name met before ("Lammy"), or a one-word name
      // the text never writes in lower case ("Marilla").
      const std::string_view last = word(j - 1);
      const lower_word key(last);
      // By its last word, else by its first ("Kaja" for "Kaja Kallas").
      std::size_t found = find_key(s_.by_last, key.view());
      if (found == word_index::npos) {
        found = find_key(s_.by_first, key.view());
      }
      std::size_t idx = entries_.size();
      if (found != word_index::npos) {
        idx = found;
      } else if (is_name_word(j - 1) &&
                 (flags(j - 1) & (parser::organisation_word | parser::title_word)) == 0) {
        // (the run's last token is a word, looked up above: is_organisation_word, is_title_word)
        entries_.push_back({std::string(word(j - 1)), join(i, name_start), tok_[name_start].begin});
        add_key(s_.by_last, key.view(), idx);
      } else {
        i = j;
        continue;
      }
      record_honorific(idx, honorific_at);
      if ((s_.token_bits[name_start] & quoted_bit) == 0) {
        mentions_.emplace_back(tok_[name_start].begin, idx);
        s_.mention_token.push_back(static_cast<std::uint32_t>(name_start));
      }
    }
    i = j;
  }
}

source_analysis name_index::analyse(parser::span source) const {
  source_analysis a;
  // The first token of the source (found without branches on the tokens).
  auto s = static_cast<std::size_t>(first_token_from(tok_, tok_ + tokens_.size(), source.begin) - tok_);
  std::size_t e = s;
  while (e < tokens_.size() && tok_[e].end <= source.end) {
    ++e;
  }
  // "Martin Luther King Jr.": trailing punctuation and name suffixes do not
  // decide what the source is (they stay in the name as written).
  std::size_t head_end = e;
  while (head_end > s && (tok_[head_end - 1].cls != token_class::word || is_suffix(word(head_end - 1)))) {
    --head_end;
  }
  if (s >= head_end) {
    return a;
  }
  const std::size_t full_end = e;
  e = head_end;
  // One pronoun.
  if (e - s == 1) {
    const char g = parser::pronoun_gender(word(s));
    if (g != 0 && g != 'i') {
      a.kind = source_kind::pronoun;
      a.plural = g == 'p' || g == 'n';
      a.name = std::string(word(s));
      return a;
    }
    if (g == 'i') {
      // "I said": the narrator (first person) — the pronoun is all we have.
      if (one_of(word(s), {"i", "we"})) {
        a.kind = source_kind::narrator;
        a.name = std::string(word(s));
      }
      return a;
    }
  }
  // The words as written, joined: built only when needed.
  const auto text = [&] { return join(s, e); };
  // The lexicons' answers (lexicon_flags) for the words from `s` on, each
  // looked up once: the tests below ask about most words several times.
  std::array<std::uint8_t, 32> looked_up{}; // 0: not yet; else 0x80 | the flags
  const auto lex = [&](std::size_t k) -> std::uint8_t {
    if (k - s >= looked_up.size()) {
      return parser::lexicon_flags(word(k));
    }
    std::uint8_t &f = looked_up[k - s];
    if (f == 0) {
      f = static_cast<std::uint8_t>(0x80U | parser::lexicon_flags(word(k)));
    }
    return static_cast<std::uint8_t>(f & 0x7FU);
  };
  const auto has = [&](std::size_t k, parser::lexicon_flag bit) { return (lex(k) & bit) != 0; };
  // "a spokesman for the ministry", "Kremlin spokesman Dmitry Peskov"
  for (std::size_t k = s; k < e; ++k) {
    if (is_spokes(word(k)) && k + 2 < e && one_of(word(k + 1), {"for"})) {
      std::size_t o = k + 2;
      if (one_of(word(o), {"the"})) {
        ++o;
      }
      a.kind = source_kind::organisation;
      a.name = join(o, e);
      a.role = std::string(word(k));
      return a;
    }
  }
  const std::string_view head = word(e - 1);
  // "a report by the Institute for Fiscal Studies": the author speaks.
  for (std::size_t k = s; k + 2 < e; ++k) {
    if (has(k, parser::document_word) && one_of(word(k + 1), {"by", "from"})) {
      source_analysis author = analyse({tok_[k + 2].begin, source.end});
      if (author.kind == source_kind::person || author.kind == source_kind::organisation) {
        return author;
      }
    }
  }
  // "a senior manager", "an EU diplomat": someone the text does not name.
  bool named = false;
  for (std::size_t k = s + 1; k < e; ++k) {
    named = named ||
            (tok_[k].is(parser::capitalised) && !tok_[k].is(parser::all_caps) && !has(k, parser::title_word));
  }
  const bool indefinite = one_of(word(s), {"a", "an"}) && !named && !has(e - 1, parser::document_word);
  if (indefinite || mentions_familiar_with(s, e) ||
      (is_anonymous_head(head) && !tok_[e - 1].is(parser::capitalised))) {
    a.kind = source_kind::anonymous;
    a.name = text();
    return a;
  }
  if (has(e - 1, parser::document_word)) {
    a.kind = source_kind::document;
    std::size_t o = s;
    while (o < e && one_of(word(o), {"the", "a", "an", "its", "their", "his", "her"})) {
      ++o;
    }
    a.name = join(o, e);
    return a;
  }
  const bool capitalised = tok_[e - 1].is(parser::capitalised);
  // "the Institute for Fiscal Studies", "Bank of England": an organisation
  // word followed only by more of the name.
  bool org_name = has(e - 1, parser::organisation_word) || tok_[e - 1].is(parser::all_caps);
  for (std::size_t k = s; k < e && !org_name; ++k) {
    if (!tok_[k].is(parser::capitalised) || !has(k, parser::organisation_word)) {
      continue;
    }
    bool rest_is_name = true;
    for (std::size_t m = k + 1; m < e; ++m) {
      rest_is_name =
          rest_is_name && (tok_[m].is(parser::capitalised) || one_of(word(m), {"for", "of", "and", "the"}));
    }
    org_name = rest_is_name;
  }
  if (capitalised && org_name) {
    a.kind = source_kind::organisation;
    std::size_t o = s;
    if (one_of(word(o), {"the"})) {
      ++o;
    }
    // "UK's Foreign ... Office": the country possessive is not part of the name.
    if (o + 1 < e && (word(o).ends_with("'s") || word(o).ends_with("\u2019s")) &&
        tok_[o + 1].is(parser::capitalised)) {
      ++o;
    }
    a.name = join(o, e);
    return a;
  }
  if (capitalised) {
    // Titles and roles come before the name's last word ("Martin Luther King").
    std::size_t name_start = s;
    for (std::size_t k = s; k + 1 < e; ++k) {
      if (tok_[k].cls == token_class::word &&
          ((lex(k) & (parser::title_word | parser::honorific_word)) != 0 ||
           (!tok_[k].is(parser::capitalised) && !is_particle(word(k))))) {
        name_start = k + 1; // "van", "der", "bin" belong to the name
      }
    }
    if (name_start >= e) {
      name_start = e - 1;
    }
    // "Mrs. Callendar": the period after an honorific; "But Matthew": a sentence-initial conjunction.
    while (name_start + 1 < e &&
           (tok_[name_start].cls != token_class::word ||
            one_of(word(name_start), {"but", "and", "then", "when", "so", "yet", "or", "now", "still", "oh",
                                      "well", "if", "as", "while"}))) {
      ++name_start;
    }
    a.kind = source_kind::person;
    a.name = join(name_start, full_end);
    while (!a.name.empty() && a.name.back() == '.') {
      a.name.pop_back(); // "Jr." as the sentence's last word keeps its period in the text only
    }
    if (a.name.ends_with("'s") || a.name.ends_with("\u2019s")) {
      a.name.erase(a.name.size() - (a.name.ends_with("'s") ? 2 : 4));
    }
    std::size_t r = s;
    while (r < name_start && one_of(word(r), {"the", "a", "an"})) {
      ++r;
    }
    a.role = join(r, name_start);
    return a;
  }
  if (has(e - 1, parser::title_word)) {
    a.kind = source_kind::role_noun;
    a.name = lower(head);
    return a;
  }
  // "the man", "my mother", "one of the colts": a described person.
  if (e - s <= 6 && one_of(word(s), {"the", "a", "an", "my", "his", "her", "their", "our", "your", "one",
                                     "this", "that", "another", "some"})) {
    // "their union", "the port operator": an organisation when its head says so
    a.kind = has(e - 1, parser::organisation_word) ? source_kind::organisation : source_kind::described;
    a.name = text();
  }
  return a;
}

const name_entry *name_index::canonical(const std::string &name) const {
  std::string_view last = name;
  for (const std::string_view suffix : {" Jr.", " Jr", " Sr.", " Sr", " III", " II"}) {
    if (last.ends_with(suffix)) {
      last.remove_suffix(suffix.size());
      break;
    }
  }
  if (const auto sp = last.rfind(' '); sp != std::string_view::npos) {
    last = last.substr(sp + 1);
  }
  if (last.ends_with("'s")) {
    last.remove_suffix(2);
  }
  const lower_word key(last);
  const std::size_t found = find_key(s_.by_last, key.view());
  return found == word_index::npos ? nullptr : &entries_[found];
}

const name_entry *name_index::with_role(const std::string &word, std::uint32_t at) const {
  // Look back over a bounded number of mentions: linear time overall.
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), std::make_pair(at, std::size_t{0}));
  for (std::size_t steps = 0; it != mentions_.begin() && steps < 64; ++steps) {
    --it;
    const lower_word role(entries_[it->second].role);
    if (role.view().find(word) != std::string_view::npos) {
      return &entries_[it->second];
    }
  }
  return nullptr;
}

const name_entry *name_index::last_person_before(std::uint32_t at, char g, std::uint32_t *mention_at,
                                                 bool known_person) const {
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), std::make_pair(at, std::size_t{0}));
  for (std::size_t steps = 0; it != mentions_.begin() && steps < 64; ++steps) {
    --it;
    const name_entry &e = entries_[it->second];
    if (known_person && e.gender == 0 && e.name.find(' ') == std::string::npos) {
      continue;
    }
    if (g == 0 || e.gender == 0 || e.gender == g) {
      if (mention_at != nullptr) {
        *mention_at = it->first;
      }
      return &e;
    }
  }
  return nullptr;
}

} // namespace quotecheck::attribution
