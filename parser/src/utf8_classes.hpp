#pragma once
/// Small UTF-8 helpers shared by the lexer's X3 primitives: decode one code
/// point, and ask ICU what class it is. Internal to the parser library.

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace quotecheck::parser::detail {

/// Decodes the code point at `p` (valid UTF-8 assumed, `p < end`) and
/// returns it; `len` receives its length in bytes.
inline UChar32 decode(const char *p, const char *end, int &len) {
  auto i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t *>(p), i, static_cast<int>(end - p), c);
  len = i;
  return c;
}

/// True for characters that make up words: letters, digits and combining
/// marks (so that decomposed accents stay inside their word).
inline bool is_word_char(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

/// True for horizontal white space (space, tab, no-break and other spaces).
inline bool is_blank(UChar32 c) {
  if (c < 0x80) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
  }
  return c != 0x2028 && c != 0x2029 && u_isUWhiteSpace(c);
}

/// True for an upper-case or title-case letter.
inline bool is_upper(UChar32 c) {
  if (c < 0x80) {
    return c >= 'A' && c <= 'Z';
  }
  return u_isupper(c) || u_istitle(c);
}

} // namespace quotecheck::parser::detail
