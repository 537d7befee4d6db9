#pragma once
/// The passes of parse(), in the order they run. Internal to the parser.
/// Each pass is linear in the number of tokens.

#include "quotecheck/parser/ast.hpp"
#include "quotecheck/parser/parse.hpp"
#include "quotecheck/parser/token.hpp"

#include <string_view>
#include <vector>

namespace quotecheck::parser::detail {

/// Everything the passes share about one document; the vectors live in the
/// caller's parse_scratch (see there what each holds) and are reused.
struct pass_state {
  std::string_view text;
  const std::vector<token> &tokens;
  paragraph_mode mode = paragraph_mode::automatic; ///< as decided by segment_paragraphs
  std::vector<token_range> &paragraphs;
  std::vector<token_range> &sentences;
  std::vector<token_range> &quote_tokens;
  std::vector<std::uint32_t> &quote_open_tok;
  std::vector<std::uint32_t> &quote_close_tok;
  std::vector<std::uint32_t> &line_ends; ///< segment_paragraphs: the newline tokens
};

/// Chooses how line ends divide paragraphs when the caller said "automatic".
paragraph_mode detect_paragraph_mode(const std::vector<token> &tokens);

/// Fills doc.paragraphs and st.paragraphs.
void segment_paragraphs(paragraph_mode mode, pass_state &st, document &doc);

/// Pairs quotation marks paragraph by paragraph: doc.quotes (direct, with
/// quotation ids, multi-paragraph pieces) and quote.unbalanced diagnostics.
void pair_quotes(const parse_options &opts, pass_state &st, document &doc);

/// Splits sentences (never inside a quotation): doc.sentences, st.sentences.
void split_sentences(pass_state &st, document &doc);

/// Sets each quote's kind (direct / partial) and joins the pieces of a
/// quotation interrupted by its attribution.
void classify_quotes(pass_state &st, document &doc);

/// Finds reported-speech frames (the X3 frame grammar): doc.frames, and
/// marks quotes that sit in reported speech as mixed.
void find_frames(pass_state &st, document &doc);

/// The token's text (tokens lie within the text: no bounds check, which
/// every pass would pay for every token).
inline std::string_view text_of(std::string_view text, const token &t) {
  return {text.data() + t.begin, t.end - t.begin};
}

} // namespace quotecheck::parser::detail
