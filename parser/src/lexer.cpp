/// Drives the X3 lexer grammar over a document and records token offsets
/// and flags.

#include "quotecheck/parser/lexer.hpp"

#include "lexer_def.hpp"

namespace quotecheck::parser {

namespace {

/// Facts about a word token's letters: capitalised, all caps.
std::uint8_t word_flags(const char *b, const char *e) {
  int len = 0;
  const UChar32 first = detail::decode(b, e, len);
  if (!detail::is_upper(first)) {
    return 0;
  }
  std::uint8_t flags = capitalised;
  int letters = 0;
  for (const char *p = b; p < e;) {
    const UChar32 c = detail::decode(p, e, len);
    p += len;
    if (c == '\'' || c == '-' || c == 0x2019) {
      continue;
    }
    if (!detail::is_upper(c)) {
      return flags;
    }
    ++letters;
  }
  if (letters >= 2) {
    flags |= all_caps;
  }
  return flags;
}

/// A line end starts at p: LF, a CR not followed by LF (CRLF counts once, at
/// its LF), U+2028 or U+2029.
bool line_end_at(const char *p, const char *e) {
  const auto u = [p](int k) { return static_cast<unsigned char>(p[k]); };
  if (*p == '\n' || (*p == '\r' && (p + 1 == e || p[1] != '\n'))) {
    return true;
  }
  return u(0) == 0xE2 && e - p >= 3 && u(1) == 0x80 && (u(2) == 0xA8 || u(2) == 0xA9);
}

std::uint8_t count_line_ends(const char *b, const char *e) {
  unsigned n = 0;
  for (const char *p = b; p < e; ++p) {
    n += line_end_at(p, e) ? 1 : 0;
  }
  return static_cast<std::uint8_t>(n > 255 ? 255 : n);
}

} // namespace

void lex(std::string_view text, std::vector<token> &out) {
  namespace x3 = boost::spirit::x3;
  out.clear();
  const char *const base = text.data();
  const char *it = base;
  const char *const end = base + text.size();
  bool pending_space = false;
  while (it != end) {
    // Blanks are not tokens; they set space_before on the next token.
    const char *before_blank = it;
    while (it != end && x3::parse(it, end, lexer_grammar::blank_char)) {
    }
    pending_space = pending_space || it != before_blank;
    if (it == end) {
      break;
    }
    const char *start = it;
    lexer_grammar::lexeme lx;
    if (!x3::parse(it, end, lexer_grammar::token_rule, lx) || it == start) {
      // Unreachable for valid UTF-8; skip one byte to guarantee progress.
      it = start + 1;
      lx = {};
    }
    token t;
    t.begin = static_cast<std::uint32_t>(start - base);
    t.end = static_cast<std::uint32_t>(it - base);
    t.cls = lx.cls;
    t.mark = lx.mark;
    t.flags = pending_space ? space_before : 0;
    if (t.cls == token_class::word) {
      t.flags |= word_flags(start, it);
    } else if (t.cls == token_class::newline) {
      t.newlines = count_line_ends(start, it);
    }
    pending_space = false;
    out.push_back(t);
  }
}

} // namespace quotecheck::parser
