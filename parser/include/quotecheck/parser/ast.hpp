#pragma once
/// The Document AST: plain structs, no behaviour. The grammar fills it;
/// attribution and the checker walk it. All offsets are UTF-8 byte offsets
/// into the document text as given (never into a normalised copy); the CLI
/// converts them to code points, lines and columns for output.

#include "quotecheck/parser/token.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::parser {

/// A half-open byte range [begin, end) in the document text.
struct span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  [[nodiscard]] bool empty() const { return begin >= end; }
  [[nodiscard]] std::uint32_t size() const { return end > begin ? end - begin : 0; }
  friend bool operator==(const span &, const span &) = default;
};

/// How a quotation sits in its sentence (the `kind` of the JSON contract).
enum class quote_kind : std::uint8_t {
  direct,   ///< the speaker's words, in quotation marks, standing as speech
  indirect, ///< reported speech without quotation marks
  mixed,    ///< reported speech holding a quoted fragment
  partial,  ///< a quoted fragment inside the reporter's own sentence
};

/// The family of a quotation mark, used to pair opening and closing marks.
enum class mark_family : std::uint8_t {
  double_straight,   ///< "
  single_straight,   ///< '
  double_curly,      ///< “ ” (and „ … “ / „ … ”)
  single_curly,      ///< ‘ ’ (and ‚ … ‘)
  guillemet,         ///< « » and » « (German, Danish)
  single_guillemet,  ///< ‹ › and › ‹
  corner,            ///< 「 」
  white_corner,      ///< 『 』
  double_apostrophe, ///< '' … '' and `` … '' (NYT, LaTeX)
};

/// A direct quotation piece: the words between one pair of marks. Pieces of
/// one quotation interrupted by its attribution, or continued over several
/// paragraphs, share `quotation`.
struct quote {
  span content;    ///< the quoted words, marks excluded
  span open_mark;  ///< the opening mark
  span close_mark; ///< the closing mark (empty for a paragraph that
                   ///< continues into the next one)
  mark_family family = mark_family::double_curly;
  quote_kind kind = quote_kind::direct;
  std::uint32_t quotation = 0; ///< 0-based id shared by the pieces of one quotation
  std::uint32_t depth = 0;     ///< 0 for a top-level quote, 1 for a quote inside a quote...
  std::uint32_t paragraph = 0; ///< index into document::paragraphs
  /// Quotation marks around a name, not around words anyone said: a title
  /// ("Game of Thrones"), or an attribute value in markup (pic="…").
  bool is_name = false;
};

/// Flags on a cue: speech that the text says did not, or might, happen.
enum class cue_mode : std::uint8_t {
  asserted,     ///< "said"
  negated,      ///< "did not say", "declined to say", "denied saying"
  hypothetical, ///< "would say", "may say", "could argue"
};

/// How the parts of a reported-speech frame are ordered.
enum class frame_layout : std::uint8_t {
  content_first, ///< "C, X said." / "C, said X." / "C, according to X."
  source_first,  ///< "X said (that) C." / "X told Y C."
  according_to,  ///< "According to X, C."
  colon,         ///< "X: “C”" / "X said: “C”"
  cue_only,      ///< a cue with a source and no content of its own ("Lammy said.")
};

/// A verb or phrase of saying, with its lemma from the lexicon.
struct cue {
  span words;
  std::string lemma;
  cue_mode mode = cue_mode::asserted;
};

/// A reported-speech frame: content, cue and source, any of which may be
/// empty. `quote_index` links a frame to the direct quote it introduces or
/// closes (or -1).
struct frame {
  span content;
  cue verb;
  span source; ///< the words naming the source, as written
  frame_layout layout = frame_layout::content_first;
  std::int32_t quote_index = -1;
  std::uint32_t sentence = 0;
};

/// A sentence: a byte range and the paragraph it belongs to.
struct sentence {
  span range;
  std::uint32_t paragraph = 0;
};

/// Severity of a finding; ordered so that larger is more severe.
enum class severity : std::uint8_t { note = 0, warning = 1, error = 2 };

/// A diagnostic with a stable rule id (e.g. "quote.unbalanced").
struct diagnostic {
  std::string rule;
  quotecheck::parser::severity level = severity::error;
  span where;
  std::string message;
};

/// The words of a document by case, listed by parse() in its one pass over
/// every token, so that attribution, which asks about each group apart,
/// need not walk all the tokens again.
struct word_lists {
  std::vector<std::uint32_t> capitalised;   ///< token index of every capitalised word, in order
  std::vector<std::uint32_t> uncapitalised; ///< every other word of at most 24 bytes, in order
  bool filled = false;                      ///< set by parse(); a document built otherwise has no lists
};

/// One parsed document.
struct document {
  std::string_view text;     ///< the source text (not owned)
  std::vector<token> tokens; ///< the lexer's tokens (reused when the document is)
  std::vector<span> paragraphs;
  std::vector<sentence> sentences;
  std::vector<quote> quotes; ///< in text order
  std::vector<frame> frames; ///< reported speech, in text order
  std::vector<diagnostic> diagnostics;
  word_lists words; ///< the words by case (reused when the document is)
};

} // namespace quotecheck::parser
