#pragma once
/// The passes of parse(), in the order they run. Internal to the parser.
/// Each pass is linear in the number of tokens.

#include "quotecheck/parser/ast.hpp"
#include "quotecheck/parser/lexicon.hpp"
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
  /// find_speech_words: per token, 1 + its value in speech_forms_filter()
  /// (see speech_lemma_at), or 0 for a token that is no verb of saying.
  std::vector<std::uint16_t> &speech;
  /// find_speech_words: in order, the tokens a frame may hang on (verbs of
  /// saying, "according", "found" before "that"); a sentence without one
  /// has no frame.
  std::vector<std::uint32_t> &frame_words;
};

/// Chooses how line ends divide paragraphs when the caller said "automatic".
paragraph_mode detect_paragraph_mode(const std::vector<token> &tokens);

/// Looks every word up in the speech lexicon, once for all the passes
/// that ask: fills st.speech and st.frame_words; and, in the same pass,
/// doc.words.
void find_speech_words(pass_state &st, document &doc);

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

/// The lemma of token i if it is a verb of saying, else empty (as
/// speech_lemma, from what find_speech_words found).
inline std::string_view speech_lemma_of(const pass_state &st, std::uint32_t i) {
  const std::uint16_t v = st.speech[i];
  return v == 0 ? std::string_view{} : speech_lemma_at(v - 1U);
}

} // namespace quotecheck::parser::detail
