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

/// Byte classes for the ASCII fast path, one table lookup per byte.
enum byte_class : std::uint8_t {
  alnum = 1U << 0,       ///< [A-Za-z0-9]
  upper = 1U << 1,       ///< [A-Z]
  letter = 1U << 2,      ///< [A-Za-z]
  plain_punct = 1U << 3, ///< a one-byte `punct` token (see below)
  word_joiner = 1U << 4, ///< a byte after which a word may go on: non-ASCII, ' and -
  maybe_blank = 1U << 5, ///< a byte that may start a blank: space, tab, FF, VT, non-ASCII
};

/// ASCII bytes that token_rule reads as a one-byte `punct` token: not a word
/// or number character, not a quotation mark (" ' and the `` pair), not a
/// line end and not a blank.
constexpr bool is_plain_ascii_punct(unsigned c) {
  const bool is_alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return c < 0x80 && !is_alnum && c != '"' && c != '\'' && c != '`' && c != '\n' && c != '\r' && c != ' ' &&
         c != '\t' && c != '\f' && c != '\v';
}

struct byte_classes {
  std::uint8_t of[256] = {};
  constexpr byte_classes() {
    for (unsigned c = 0; c < 256; ++c) {
      const bool is_upper = c >= 'A' && c <= 'Z';
      const bool is_letter = is_upper || (c >= 'a' && c <= 'z');
      const bool is_alnum = is_letter || (c >= '0' && c <= '9');
      of[c] = static_cast<std::uint8_t>(
          (is_alnum ? alnum : 0) | (is_upper ? upper : 0) | (is_letter ? letter : 0) |
          (is_plain_ascii_punct(c) ? plain_punct : 0) |
          (c >= 0x80 || c == '\'' || c == '-' ? word_joiner : 0) |
          (c >= 0x80 || c == ' ' || c == '\t' || c == '\f' || c == '\v' ? maybe_blank : 0));
    }
  }
};
constexpr byte_classes classes;

/// The fast path of the lexer for the commonest tokens: an ASCII word that
/// ends before an ASCII byte other than an apostrophe or a hyphen, and
/// one-byte ASCII punctuation. Returns the token's end and sets `cls` and
/// `flags`, exactly as token_rule and word_flags would; nullptr when the
/// token needs the grammar (numbers, marks, line ends, anything non-ASCII,
/// words that may go on: it's, well-known, café).
const char *ascii_token(const char *p, const char *e, token_class &cls, std::uint8_t &flags) {
  const std::uint8_t first = classes.of[static_cast<unsigned char>(*p)];
  if ((first & letter) != 0) {
    const char *q = p + 1;
    std::uint8_t all = first; // `upper` stays set while every byte is upper case
    std::uint8_t k = 0;
    while (q != e && ((k = classes.of[static_cast<unsigned char>(*q)]) & alnum) != 0) {
      all &= k;
      ++q;
    }
    if (q != e && (k & word_joiner) != 0) {
      return nullptr;
    }
    cls = token_class::word;
    flags = (first & upper) != 0 ? capitalised : 0;
    if ((all & upper) != 0 && q - p >= 2) {
      flags |= all_caps;
    }
    return q;
  }
  if ((first & plain_punct) != 0) {
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
    while (it != end && (classes.of[static_cast<unsigned char>(*it)] & maybe_blank) != 0 &&
           x3::parse(it, end, lexer_grammar::blank_char)) {
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
