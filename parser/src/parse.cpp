/// parse(): runs the passes in order over one document.

#include "quotecheck/parser/parse.hpp"

#include "quotecheck/parser/lexer.hpp"

#include "passes.hpp"

namespace quotecheck::parser {

void parse(std::string_view text, const parse_options &opts, parse_scratch &scratch, document &doc) {
  doc.text = text;
  doc.paragraphs.clear();
  doc.sentences.clear();
  doc.quotes.clear();
  doc.frames.clear();
  doc.diagnostics.clear();
  lex(text, doc.tokens);
  scratch.paragraphs.clear();
  scratch.sentences.clear();
  scratch.quote_tokens.clear();
  scratch.quote_open_tok.clear();
  scratch.quote_close_tok.clear();
  detail::pass_state st{text,
                        doc.tokens,
                        paragraph_mode::automatic,
                        scratch.paragraphs,
                        scratch.sentences,
                        scratch.quote_tokens,
                        scratch.quote_open_tok,
                        scratch.quote_close_tok,
                        scratch.line_ends,
                        scratch.speech,
                        scratch.frame_words};
  detail::find_speech_words(st, doc);
  detail::segment_paragraphs(opts.paragraphs, st, doc);
  detail::pair_quotes(opts, st, doc);
  detail::split_sentences(st, doc);
  detail::classify_quotes(st, doc);
  detail::find_frames(st, doc);
}

document parse(std::string_view text) {
  parse_scratch scratch;
  document doc;
  parse(text, parse_options{}, scratch, doc);
  return doc;
}

} // namespace quotecheck::parser
