#pragma once
/// Text normalisation for matching quotes against statements. Two texts that
/// differ only in Unicode composition, case, punctuation or the style of
/// apostrophe normalise to the same words.

#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::db {

/// A word of a text: its spelling as written (after NFC) and its matching key
/// (case folded, apostrophes and digit-group commas removed).
struct word {
  std::string text;
  std::string key;
};

/// Splits text into words: NFC, then runs of letters, marks and digits
/// (apostrophes inside a word and '.'/',' between digits stay in the word).
/// Everything else separates words and is otherwise ignored.
std::vector<word> split_words(std::string_view text);

/// The matching keys of split_words(text), joined by single spaces.
std::string normalize(std::string_view text);

/// A token of a quotation as printed: a word, or an editorial gap.
struct quote_token {
  enum class kind : unsigned char {
    word, ///< a word of the quote
    gap,  ///< an ellipsis or a [bracketed insertion]: stands for any words or none
  };
  kind type = kind::word;
  bool elision = false; ///< a gap from an ellipsis (any number of words); else a bracket (a few words)
  std::string text;     ///< as written ("…", "[the minister]", or the word)
  std::string key;      ///< matching key; empty for a gap
};

/// Tokenises a quotation, recognising legitimate editing: an ellipsis ("…",
/// "...", ". . .", "[…]") and a bracketed insertion ("[the minister]") become
/// gaps; "[sic]" is dropped. Adjacent gaps merge into one (an elision if any of them is).
std::vector<quote_token> tokenize_quote(std::string_view quote);

/// True for English function words (articles, pronouns, auxiliaries...) that
/// carry no content for retrieval or paraphrase comparison. `key` is a matching key.
bool is_stopword(std::string_view key);

/// True for words that negate ("not", "never", "no", "n't" forms, "cannot"...). `key` is a matching key.
bool is_negation(std::string_view key);

} // namespace quotecheck::db
