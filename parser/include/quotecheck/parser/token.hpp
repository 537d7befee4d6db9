#pragma once
/// Tokens: what the lexer yields and the quotation and reported-speech rules
/// consume. A token is 12 bytes and owns nothing, so a document's token
/// vector can be reused without allocating in the hot loop.

#include <cstdint>

namespace quotecheck::parser {

/// The class of a token.
enum class token_class : std::uint8_t {
  word,    ///< letters (and inner apostrophes / hyphens): it's, O'Brien, well-known
  number,  ///< digits, with inner , . : (1,000  3.5  10:30) and a letter suffix ('90s → 90s)
  mark,    ///< a quotation-mark candidate; `mark` says which character
  punct,   ///< any other visible character: , . ; : ! ? ( ) — … and symbols
  newline, ///< a run of line ends; `newlines` counts them (capped at 255)
};

/// Which quotation-mark character a `mark` token is.
enum class mark_char : std::uint8_t {
  none,
  ascii_double, ///< "
  ascii_single, ///< '
  double_apos,  ///< '' (NYT closing or opening convention)
  double_grave, ///< `` (LaTeX / NYT opening)
  ldquo,        ///< “
  rdquo,        ///< ”
  bdquo,        ///< „
  lsquo,        ///< ‘
  rsquo,        ///< ’
  sbquo,        ///< ‚
  laquo,        ///< «
  raquo,        ///< »
  lsaquo,       ///< ‹
  rsaquo,       ///< ›
  lcorner,      ///< 「
  rcorner,      ///< 」
  lwcorner,     ///< 『
  rwcorner,     ///< 』
};

/// Bits of token::flags.
enum token_flag : std::uint8_t {
  space_before = 1U << 0, ///< horizontal whitespace precedes the token
  capitalised = 1U << 1,  ///< a word whose first letter is upper case
  all_caps = 1U << 2,     ///< a word of two or more letters, all upper case
};

/// One token: a byte range, its class and facts the rules ask about.
struct token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  token_class cls = token_class::punct;
  mark_char mark = mark_char::none;
  std::uint8_t flags = 0;
  std::uint8_t newlines = 0; ///< for newline tokens: how many line ends

  [[nodiscard]] bool is(token_flag f) const { return (flags & f) != 0; }
};

} // namespace quotecheck::parser
