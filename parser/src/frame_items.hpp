#pragma once
/// The items the frame grammar runs over: a sentence's tokens with each
/// quotation collapsed to one item, and the questions the grammar's
/// primitives ask about an item. Internal to the parser.

#include "quotecheck/parser/lexicon.hpp"
#include "quotecheck/parser/token.hpp"
#include "quotecheck/parser/word_table.hpp"

#include <boost/spirit/home/x3.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::parser::detail {

/// One item of a sentence: a token, or a whole quotation.
struct item {
  std::uint32_t first; ///< first token (the opening mark for a quotation)
  std::uint32_t last;  ///< one past the last token
  std::int32_t quote = -1;
  std::string_view cue{}; ///< sentence_view::cue_lemma, set by add_word
};

/// A set of lower-case words (a lexicon of the frame grammar).
class word_set {
public:
  word_set(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) {
      table_.add(w);
      const char c = w.front();
      if (c >= 'a' && c <= 'z') {
        first_letters_ |= 1U << (c - 'a');
      }
    }
  }
  /// Case-insensitive (ASCII) membership.
  [[nodiscard]] bool has(std::string_view w) const {
    if (w.empty()) {
      return false;
    }
    // Most words are rejected by their first letter, before the table.
    const char c =
        w.front() >= 'A' && w.front() <= 'Z' ? static_cast<char>(w.front() - 'A' + 'a') : w.front();
    if (c >= 'a' && c <= 'z' && (first_letters_ & (1U << (c - 'a'))) == 0) {
      return false;
    }
    return table_.contains(w);
  }

private:
  word_table table_;
  std::uint32_t first_letters_ = 0; ///< bit k: an entry starts with 'a' + k
};

/// Lexicons of the frame grammar.
namespace lexicon {
inline const word_set determiners = {"the",     "a",   "an",    "this",    "that",  "these", "those",
                                     "one",     "two", "three", "several", "some",  "many",  "other",
                                     "another", "his", "her",   "its",     "their", "our",   "both"};
inline const word_set name_particles = {"and", "of",  "for", "the", "de", "van", "von", "der",
                                        "den", "bin", "al",  "la",  "le", "del", "da",  "di",
                                        "du",  "ibn", "y",   "&",   "on", "in"};
/// Verbs after "to" that make a cue of the verb that follows ("declined to say").
inline const word_set to_governors = {"declined",  "refused", "wanted", "going",    "used",
                                      "continued", "went",    "began",  "proceeded"};
/// Words between a subject and its cue: "Lammy also said", "has said".
inline const word_set cue_adverbs = {
    "also",    "later", "then", "again", "previously", "has",        "had",      "have",      "was",
    "is",      "were",  "are",  "once",  "repeatedly", "reportedly", "publicly", "privately", "recently",
    "further", "did",   "does", "do",    "not",        "never",      "would",    "could",     "will",
    "may",     "might", "just", "first", "last",       "separately"};
/// What an adjunct after a cue starts with ("in a statement", "on Monday").
inline const word_set adjunct_starts = {"in",    "on",    "at",   "during",  "after",   "before",
                                        "from",  "about", "last", "this",    "earlier", "late",
                                        "early", "over",  "via",  "through", "while",   "when"};
/// Words that may open the adjuncts trailing a content-first attribution.
inline const word_set trailer_starts = {
    "as",       "in",     "on",        "at",         "during",     "after",    "before",
    "about",    "of",     "from",      "to",         "via",        "through",  "while",
    "when",     "last",   "this",      "earlier",    "later",      "today",    "yesterday",
    "tuesday",  "monday", "wednesday", "thursday",   "friday",     "saturday", "sunday",
    "recently", "again",  "afterward", "afterwards", "repeatedly", "outside",  "inside"};
/// ", as he traced…", ", adding that…": a clause about the saying.
inline const word_set saying_clause_starts = {"as",        "while",  "when",      "after",    "before",
                                              "adding",    "noting", "according", "in",       "during",
                                              "referring", "citing", "pointing",  "speaking", "saying"};
/// ", a doctor", ", who directed…": an apposition or relative clause about the source.
inline const word_set apposition_starts = {"a", "an", "the", "who", "whose"};
/// Where the object of "told" ends.
inline const word_set object_stops = {"that", "in", "on", "at", "during", "after", "about", "before", "from"};
/// Words that end a source following its cue ("said Brown, who…").
inline const word_set inverted_source_stops = {
    "who", "that",  "which", "in",  "on",   "at",  "during", "after", "before",  "to",    "about",
    "as",  "while", "when",  "and", "with", "for", "from",   "again", "quietly", "softly"};
/// Auxiliaries and verbs that a common-noun source cannot hold.
inline const word_set clause_verbs = {"that", "is",    "was", "are",  "were",
                                      "will", "would", "has", "have", "had"};
inline const word_set that_word = {"that"};
} // namespace lexicon

/// The buffers of a sentence_view, kept by the caller so that they are
/// reused from sentence to sentence and from document to document.
struct sentence_buffers {
  std::vector<item> items;
  std::vector<std::uint32_t> cues;
};

/// A sentence as items, with the questions the grammar asks about them.
class sentence_view {
public:
  sentence_view(std::string_view text, const std::vector<token> &tokens, sentence_buffers &buffers)
      : items(buffers.items), cues(buffers.cues), text_(text), toks_(tokens) {}

  std::vector<item> &items;
  std::vector<std::uint32_t> &cues; ///< items with a cue, in order

  [[nodiscard]] const token *tok(const item &it) const { return it.quote >= 0 ? nullptr : &toks_[it.first]; }
  [[nodiscard]] std::string_view word(const item &it) const {
    return it.quote >= 0 ? std::string_view{}
                         : std::string_view(text_.data() + toks_[it.first].begin,
                                            toks_[it.first].end - toks_[it.first].begin);
  }
  [[nodiscard]] bool is_word(const item &it) const {
    return tok(it) != nullptr && tok(it)->cls == token_class::word;
  }
  [[nodiscard]] bool is_cap(const item &it) const { return is_word(it) && tok(it)->is(capitalised); }
  [[nodiscard]] bool is_number(const item &it) const {
    return tok(it) != nullptr && tok(it)->cls == token_class::number;
  }
  [[nodiscard]] bool is_punct(const item &it, std::string_view p) const {
    return tok(it) != nullptr && tok(it)->cls == token_class::punct && word(it) == p;
  }
  /// The lemma if item k is a verb of saying used as a verb ("the report"
  /// is a noun), as add_token() found it.
  [[nodiscard]] std::string_view cue_lemma(std::size_t k) const { return items[k].cue; }
  /// Starts the items of a new sentence.
  void clear() {
    items.clear();
    cues.clear();
  }
  /// Appends the item of token `tok`, whose speech lemma is `lemma`, with its
  /// cue worked out once (the frame patterns ask about the same items many
  /// times): it depends only on the items before it.
  void add_token(std::uint32_t tok, std::string_view lemma) {
    items.push_back({tok, tok + 1, -1});
    const std::size_t k = items.size() - 1;
    items[k].cue = cue_of(k, lemma);
    if (!items[k].cue.empty()) {
      cues.push_back(static_cast<std::uint32_t>(k));
    }
  }
  [[nodiscard]] std::size_t index(const item *it) const {
    return static_cast<std::size_t>(it - items.data());
  }

private:
  std::string_view text_;
  const std::vector<token> &toks_;

  /// The cue of item k (a token) given its speech lemma.
  [[nodiscard]] std::string_view cue_of(std::size_t k, std::string_view lemma) const {
    if (!is_word(items[k])) {
      return {};
    }
    if (lemma.empty() || k == 0 || !is_word(items[k - 1])) {
      return lemma;
    }
    const std::string_view prev = word(items[k - 1]);
    const bool to = prev == "to" || prev == "To";
    if (lexicon::determiners.has(prev) || prev == "of" || prev == "for" || to) {
      // "the report", "to say" — but "declined to say" is a (negated) cue
      if (!(to && k > 1 && lexicon::to_governors.has(word(items[k - 2])))) {
        return {};
      }
    }
    return lemma;
  }
};

} // namespace quotecheck::parser::detail
