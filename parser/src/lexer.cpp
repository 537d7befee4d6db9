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

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(unsigned char c) { return is_ascii_letter(c) || (c >= '0' && c <= '9'); }

/// ASCII bytes that token_rule reads as a one-byte `punct` token: not a word
/// or number character, not a quotation mark (" ' and the `` pair), not a
/// line end and not a blank.
bool is_plain_ascii_punct(unsigned char c) {
  return c < 0x80 && !is_ascii_alnum(c) && c != '"' && c != '\'' && c != '`' && c != '\n' && c != '\r' &&
         c != ' ' && c != '\t' && c != '\f' && c != '\v';
}

/// The fast path of the lexer for the commonest tokens: an ASCII word that
/// ends before an ASCII byte other than an apostrophe or a hyphen, and
/// one-byte ASCII punctuation. Returns the token's end and sets `cls` and
/// `flags`, exactly as token_rule and word_flags would; nullptr when the
/// token needs the grammar (numbers, marks, line ends, anything non-ASCII,
/// words that may go on: it's, well-known, café).
const char *ascii_token(const char *p, const char *e, token_class &cls, std::uint8_t &flags) {
  const auto c = static_cast<unsigned char>(*p);
  if (is_ascii_letter(c)) {
    const char *q = p + 1;
    bool upper = c <= 'Z';
    while (q != e && is_ascii_alnum(static_cast<unsigned char>(*q))) {
      upper = upper && static_cast<unsigned char>(*q) >= 'A' && static_cast<unsigned char>(*q) <= 'Z';
      ++q;
    }
    if (q != e) {
      const auto n = static_cast<unsigned char>(*q);
      if (n >= 0x80 || n == '\'' || n == '-') {
        return nullptr;
      }
    }
    cls = token_class::word;
    flags = c <= 'Z' ? capitalised : 0;
    if (c <= 'Z' && upper && q - p >= 2) {
      flags |= all_caps;
    }
    return q;
  }
  if (is_plain_ascii_punct(c)) {
    cls = token_class::punct;
    flags = 0;
    return p + 1;
  }
  return nullptr;
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
  // A UTF-8 byte-order mark at the start is an encoding signature, not text:
  // skipped, so that a quotation mark after it still opens a quotation.
  if (text.starts_with("\xEF\xBB\xBF")) {
    it += 3;
  }
  while (it != end) {
    // Blanks are not tokens; they set space_before on the next token.
    const char *before_blank = it;
    while (it != end && *it == ' ') {
      ++it; // the common blank, without the grammar
    }
    while (it != end && x3::parse(it, end, lexer_grammar::blank_char)) {
    }
    pending_space = pending_space || it != before_blank;
    if (it == end) {
      break;
    }
    const char *start = it;
    token t;
    t.begin = static_cast<std::uint32_t>(start - base);
    std::uint8_t fast_flags = 0;
    if (const char *fast_end = ascii_token(start, end, t.cls, fast_flags); fast_end != nullptr) {
      it = fast_end;
      t.end = static_cast<std::uint32_t>(it - base);
      t.flags = static_cast<std::uint8_t>((pending_space ? space_before : 0) | fast_flags);
      pending_space = false;
      out.push_back(t);
      continue;
    }
    lexer_grammar::lexeme lx;
    if (!x3::parse(it, end, lexer_grammar::token_rule, lx) || it == start) {
      // Unreachable for valid UTF-8; skip one byte to guarantee progress.
      it = start + 1;
      lx = {};
    }
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
