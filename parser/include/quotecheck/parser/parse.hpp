#pragma once
/// Parsing a document: lexing, paragraphs, quotation marks, sentences and
/// reported-speech frames, into the Document AST of ast.hpp.

#include "quotecheck/parser/ast.hpp"
#include "quotecheck/parser/token.hpp"

#include <string_view>
#include <vector>

namespace quotecheck::parser {

/// How line ends divide a document into paragraphs.
enum class paragraph_mode : std::uint8_t {
  automatic,  ///< decide from the text (the default)
  line,       ///< every line end ends a paragraph (news copy, one paragraph a line)
  blank_line, ///< a blank line ends a paragraph; single line ends are wrapping
  none,       ///< line ends never end a paragraph (tokenised text, one sentence a line)
};

/// Options for parse().
struct parse_options {
  paragraph_mode paragraphs = paragraph_mode::automatic;
  bool nested_quotes = false; ///< also keep quotes inside quotes (depth > 0) in document::quotes
};

/// A range of token indices [first, last).
struct token_range {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

/// Scratch space the passes share, reused across documents so that parsing
/// many documents does not allocate once the buffers have grown.
struct parse_scratch {
  std::vector<token_range> paragraphs;        ///< token ranges, parallel to document::paragraphs
  std::vector<token_range> sentences;         ///< token ranges, parallel to document::sentences
  std::vector<token_range> quote_tokens;      ///< tokens inside each quote, parallel to document::quotes
  std::vector<std::uint32_t> quote_open_tok;  ///< token index of each quote's opening mark
  std::vector<std::uint32_t> quote_close_tok; ///< token index of its closing mark (or last token)
  std::vector<std::uint32_t> line_ends;       ///< token index of each newline token
  std::vector<std::uint16_t> speech;          ///< per token: its speech-lexicon form (find_speech_words)
  std::vector<std::uint32_t> frame_words;     ///< tokens a reported-speech frame can hang on
};

/// Parses `text` (valid UTF-8; see check_text) into `doc`, which is cleared
/// first. `doc.text` views `text`, which must outlive it. Never fails:
/// problems in the text become diagnostics.
void parse(std::string_view text, const parse_options &opts, parse_scratch &scratch, document &doc);

/// Convenience overload with default options and its own scratch space.
document parse(std::string_view text);

} // namespace quotecheck::parser
