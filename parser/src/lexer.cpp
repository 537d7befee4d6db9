/// Drives the X3 lexer grammar over a document and records token offsets
/// and flags. The commonest tokens (ASCII words, numbers, punctuation,
/// ASCII and curly quotation marks, line ends) are read without the
/// grammar, by code that gives exactly what the grammar would; whatever
/// that code is not sure of (a non-ASCII byte next to a word, say) goes to
/// the grammar. Word ends come from bit masks of 64 bytes at a time.

#include "quotecheck/parser/lexer.hpp"

#include "lexer_def.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>

// SSE2 is part of x86-64, so every x86-64 build takes it. Defining
// QUOTECHECK_LEXER_SCALAR builds the portable version instead, to test it.
#if defined(__SSE2__) && !defined(QUOTECHECK_LEXER_SCALAR)
#include <emmintrin.h>
#define QUOTECHECK_LEXER_SSE2 1
#endif

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

/// A U+2028 or U+2029 (three bytes) starts at p.
bool unicode_line_end_at(const char *p, const char *e) {
  const auto u = [p](int k) { return static_cast<unsigned char>(p[k]); };
  return u(0) == 0xE2 && e - p >= 3 && u(1) == 0x80 && (u(2) == 0xA8 || u(2) == 0xA9);
}

/// A line end starts at p: LF, a CR not followed by LF (CRLF counts once, at
/// its LF), U+2028 or U+2029.
bool line_end_at(const char *p, const char *e) {
  if (*p == '\n' || (*p == '\r' && (p + 1 == e || p[1] != '\n'))) {
    return true;
  }
  return unicode_line_end_at(p, e);
}

/// The number of line ends in [b, e), capped at 255.
std::uint8_t count_line_ends(const char *b, const char *e) {
  unsigned n = 0;
  for (const char *p = b; p < e; ++p) {
    n += line_end_at(p, e) ? 1 : 0;
  }
  return static_cast<std::uint8_t>(n > 255 ? 255 : n);
}

/// The whole grammar for the token at `start`: sets every field of `t` but
/// `begin` and `end`, and returns the token's end. The reference that the
/// fast paths below agree with; out of line, since it is the rare case.
[[gnu::noinline]] const char *grammar_token(const char *start, const char *end, token &t) {
  namespace x3 = boost::spirit::x3;
  const char *it = start;
  lexer_grammar::lexeme lx;
  if (!x3::parse(it, end, lexer_grammar::token_rule, lx) || it == start) {
    // Unreachable for valid UTF-8; skip one byte to guarantee progress.
    it = start + 1;
    lx = {};
  }
  t.cls = lx.cls;
  t.mark = lx.mark;
  t.flags = 0;
  t.newlines = 0;
  if (t.cls == token_class::word) {
    t.flags = word_flags(start, it);
  } else if (t.cls == token_class::newline) {
    t.newlines = count_line_ends(start, it);
  }
  return it;
}

/// The end of the non-ASCII blank (blank_char: no-break space, thin space
/// ...) at p, or p if there is none. Out of line: it decodes and asks ICU.
[[gnu::noinline]] const char *unicode_blank_end(const char *p, const char *e) {
  boost::spirit::x3::parse(p, e, lexer_grammar::blank_char);
  return p;
}

/// What the driver does with the byte that starts a token.
enum class lead : std::uint8_t {
  blank,        ///< space, tab, FF, VT: not a token
  letter,       ///< [A-Za-z]: a word
  digit,        ///< [0-9]: a number
  punct,        ///< any other ASCII byte that token_rule reads as a one-byte `punct`
  double_quote, ///< "
  single_quote, ///< ' or ''
  grave,        ///< `` (a mark) or ` (punctuation)
  line_end,     ///< LF or CR: a newline run
  other,        ///< not ASCII: a curly quotation mark, a blank, or the grammar decides
};

/// Two lookups by byte: how a token that starts with it is read, and
/// whether a word may go on after it (' - and any byte >= 0x80, which may
/// start a ’ or a letter).
struct lead_table {
  lead of[256] = {};
  bool may_join_word[256] = {};
  constexpr lead_table() {
    for (unsigned c = 0; c < 256; ++c) {
      may_join_word[c] = c == '\'' || c == '-' || c >= 0x80;
      lead l = lead::punct;
      if (c >= 0x80) {
        l = lead::other;
      } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
        l = lead::letter;
      } else if (c >= '0' && c <= '9') {
        l = lead::digit;
      } else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
        l = lead::blank;
      } else if (c == '\n' || c == '\r') {
        l = lead::line_end;
      } else if (c == '"') {
        l = lead::double_quote;
      } else if (c == '\'') {
        l = lead::single_quote;
      } else if (c == '`') {
        l = lead::grave;
      }
      of[c] = l;
    }
  }
};
constexpr lead_table leads;

unsigned byte_at(const char *p) { return static_cast<unsigned char>(*p); }
constexpr bool is_digit(unsigned c) { return c >= '0' && c <= '9'; }
constexpr bool is_upper(unsigned c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_alnum(unsigned c) { return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z'); }

/// The curly quotation mark (‘ ’ “ ”: E2 80 98/99/9C/9D) at p, or none.
/// None of them is a word character, a blank or a line end, so token_rule
/// reads each as its `marks` entry.
mark_char curly_mark_at(const char *p, const char *e) {
  if (e - p < 3 || byte_at(p) != 0xE2 || byte_at(p + 1) != 0x80) {
    return mark_char::none;
  }
  switch (byte_at(p + 2)) {
  case 0x98: return mark_char::lsquo;
  case 0x99: return mark_char::rsquo;
  case 0x9C: return mark_char::ldquo;
  case 0x9D: return mark_char::rdquo;
  default: return mark_char::none;
  }
}

#ifdef QUOTECHECK_LEXER_SSE2
/// Bit i says p[i] is [A-Za-z0-9], for the 16 bytes at p: a few SSE2
/// instructions instead of a lookup and a branch per byte. Each range test
/// adds an offset that moves the range to the bottom of the signed bytes
/// (-128...) and compares once; no other byte lands there.
std::uint64_t alnum_mask16(const char *p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
  const auto below = [](__m128i x, int offset, int limit) {
    return _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(limit)),
                          _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(offset))));
  };
  // Setting bit 5 maps A-Z onto a-z and no other byte into a-z.
  const __m128i letter = below(_mm_or_si128(v, _mm_set1_epi8(0x20)), 128 - 'a', -128 + 26);
  const __m128i digit = below(v, 128 - '0', -128 + 10);
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
}
#else
/// Bit i says p[i] is [A-Za-z0-9], for the 16 bytes at p.
std::uint64_t alnum_mask16(const char *p) {
  std::uint64_t m = 0;
  for (unsigned i = 0; i < 16; ++i) {
    m |= (is_alnum(byte_at(p + i)) ? 1U : 0U) << i;
  }
  return m;
}
#endif

/// Where the runs of [A-Za-z0-9] end, 64 bytes of the text at a time: bit
/// i of `alnum_` says begin_[i] is [A-Za-z0-9]. A run's end is then a
/// shift and a count of trailing zeros, with no branch per byte and no
/// wait for the bytes of the run to be classified one after the other.
/// Windows start every 64 bytes from the text's start; the last is read
/// from a zero-padded copy, so nothing past the end is read and every run
/// stops at the end.
class alnum_bits {
public:
  alnum_bits(const char *base, const char *end) : base_(base), end_(end) { load(base); }

  /// The end of the run of [A-Za-z0-9] that starts at p (p itself if
  /// there is none).
  const char *run_end(const char *p) {
    for (;;) {
      const auto offset = static_cast<std::size_t>(p - begin_);
      if (offset >= 64) {
        load(p);
        continue;
      }
      const std::uint64_t stop = ~alnum_ >> offset;
      if (stop != 0) {
        return p + std::countr_zero(stop);
      }
      p = begin_ + 64; // the run goes on into the next window
    }
  }

private:
  /// Classifies the window that holds p.
  void load(const char *p) {
    begin_ = base_ + ((p - base_) & ~std::ptrdiff_t{63});
    if (end_ - begin_ >= 64) {
      alnum_ = mask64(begin_);
      return;
    }
    char padded[64] = {}; // NUL is not [A-Za-z0-9]
    if (end_ != begin_) { // (memcpy from the null data of an empty view is undefined)
      std::memcpy(padded, begin_, static_cast<std::size_t>(end_ - begin_));
    }
    alnum_ = mask64(padded);
  }

  static std::uint64_t mask64(const char *p) {
    return alnum_mask16(p) | alnum_mask16(p + 16) << 16 | alnum_mask16(p + 32) << 32 |
           alnum_mask16(p + 48) << 48;
  }

  const char *base_;
  const char *end_;
  const char *begin_ = nullptr;
  std::uint64_t alnum_ = 0;
};

/// Returns the end of the run of [0-9] that starts at p.
const char *digit_run(const char *p, const char *e) {
  while (p != e && is_digit(byte_at(p))) {
    ++p;
  }
  return p;
}

/// Returns the end of the run of blanks (blank_char) that starts at p.
const char *skip_blanks(const char *p, const char *e) {
  while (p != e) {
    const unsigned c = byte_at(p);
    if (leads.of[c] == lead::blank) {
      ++p;
      continue;
    }
    const char *q = c < 0x80 ? p : unicode_blank_end(p, e);
    if (q == p) {
      break;
    }
    p = q;
  }
  return p;
}

/// word_flags for a word read by ascii_word: ASCII letters and digits, ' -
/// and ’ (whose bytes are the only ones >= 0x80 there).
std::uint8_t ascii_word_flags(const char *b, const char *e) {
  if (!is_upper(byte_at(b))) {
    return 0;
  }
  int letters = 0;
  for (const char *p = b; p != e; ++p) {
    const unsigned c = byte_at(p);
    if (c == '\'' || c == '-' || c >= 0x80) {
      continue;
    }
    if (!is_upper(c)) {
      return capitalised; // most capitalised words stop at their second letter
    }
    ++letters;
  }
  return letters >= 2 ? capitalised | all_caps : capitalised;
}

/// The rest of the word whose letters and digits run up to q, where q is
/// ' - or a byte >= 0x80: more runs of [A-Za-z0-9] joined by single ' - or
/// ’ (it's, well-known, don’t). Returns the word's end, or nullptr when
/// another non-ASCII character next to the word could be part of it (café),
/// for the grammar to decide. Out of line: most words end at a blank or
/// punctuation.
[[gnu::noinline]] const char *joined_word_end(const char *q, const char *e, alnum_bits &bits) {
  while (q != e) {
    const unsigned c = byte_at(q);
    int joiner = 0; // length of the ' - or ’ at q
    if (c == '\'' || c == '-') {
      joiner = 1;
    } else if (c >= 0x80) {
      if (curly_mark_at(q, e) != mark_char::rsquo) {
        return nullptr;
      }
      joiner = 3;
    } else {
      break;
    }
    if (e - q == joiner) {
      break;
    }
    const unsigned next = byte_at(q + joiner);
    if (next >= 0x80) {
      return nullptr;
    }
    if (!is_alnum(next)) {
      break; // the joiner is not part of the word
    }
    q = bits.run_end(q + joiner + 1);
  }
  return q;
}

/// The word at p (p is [A-Za-z]) as `word` reads it. Returns its end, or
/// nullptr for the grammar to decide (see joined_word_end).
const char *ascii_word(const char *p, const char *e, alnum_bits &bits) {
  const char *q = bits.run_end(p + 1);
  if (q == e) {
    return q;
  }
  return leads.may_join_word[byte_at(q)] ? joined_word_end(q, e, bits) : q;
}

/// The number at p (p is [0-9]), as `number` reads it: digits, groups of
/// , . or : and digits (1,000.5  10:30), then letters and digits (90s
/// 21st). nullptr when a non-ASCII byte follows, which could be a letter.
const char *ascii_number(const char *p, const char *e, alnum_bits &bits) {
  p = digit_run(p + 1, e);
  while (e - p >= 2 && (*p == ',' || *p == '.' || *p == ':') && is_digit(byte_at(p + 1))) {
    p = digit_run(p + 2, e);
  }
  p = bits.run_end(p);
  return p != e && byte_at(p) >= 0x80 ? nullptr : p;
}

/// The run of line ends at p (p is LF or CR), as `newline_run` reads it:
/// each line end (CRLF, CR, LF, U+2028, U+2029) with the blanks after it.
/// Returns its end and sets `newlines` to the number of line ends (capped
/// at 255, as count_line_ends does).
const char *newline_run(const char *p, const char *e, std::uint8_t &newlines) {
  unsigned n = 0;
  while (p != e) {
    if (*p == '\n') {
      ++p;
    } else if (*p == '\r') {
      p += e - p >= 2 && p[1] == '\n' ? 2 : 1;
    } else if (unicode_line_end_at(p, e)) {
      p += 3;
    } else {
      break;
    }
    ++n;
    p = skip_blanks(p, e);
  }
  newlines = static_cast<std::uint8_t>(std::min(n, 255U));
  return p;
}

} // namespace

namespace detail {

/// lex() as it reads with token_rule and blank_char alone (see
/// lexer_def.hpp): the reference for the tests.
void lex_with_grammar(std::string_view text, std::vector<token> &out) {
  namespace x3 = boost::spirit::x3;
  out.clear();
  const char *const base = text.data();
  const char *it = base;
  const char *const end = base + text.size();
  bool pending_space = false;
  if (text.starts_with("\xEF\xBB\xBF")) {
    it += 3;
  }
  while (it != end) {
    const char *const before_blank = it;
    while (x3::parse(it, end, lexer_grammar::blank_char)) {
    }
    pending_space = pending_space || it != before_blank;
    if (it == end) {
      break;
    }
    const char *const start = it;
    token t;
    it = grammar_token(start, end, t);
    t.begin = static_cast<std::uint32_t>(start - base);
    t.end = static_cast<std::uint32_t>(it - base);
    t.flags |= pending_space ? space_before : 0;
    pending_space = false;
    out.push_back(t);
  }
}

} // namespace detail

void lex(std::string_view text, std::vector<token> &out) {
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
  alnum_bits bits(base, end);
  while (it != end) {
    if (*it == ' ') {
      // The commonest blank, a single space between tokens: skipped here
      // rather than in the switch; longer runs go on below.
      ++it;
      pending_space = true;
      if (it == end) {
        break;
      }
    }
    const char *const start = it;
    const lead l = leads.of[byte_at(start)];
    if (l == lead::blank) {
      it = skip_blanks(start, end);
      pending_space = true;
      continue;
    }
    if (l == lead::other && curly_mark_at(start, end) == mark_char::none) {
      if (const char *q = unicode_blank_end(start, end); q != start) {
        it = skip_blanks(q, end);
        pending_space = true;
        continue;
      }
    }
    // Blanks are behind; the token is written in place in `out` (a token
    // built aside and copied in costs a store-forwarding stall).
    token &t = out.emplace_back();
    t.begin = static_cast<std::uint32_t>(start - base);
    t.flags = pending_space ? space_before : 0;
    pending_space = false;
    // Each case reads the token: it = its end, or nullptr to ask the grammar.
    switch (l) {
    case lead::letter:
      it = ascii_word(start, end, bits);
      if (it != nullptr) {
        t.cls = token_class::word;
        t.flags |= ascii_word_flags(start, it);
      }
      break;
    case lead::digit:
      t.cls = token_class::number;
      it = ascii_number(start, end, bits);
      break;
    case lead::double_quote:
      t.cls = token_class::mark;
      t.mark = mark_char::ascii_double;
      it = start + 1;
      break;
    case lead::single_quote: {
      const bool pair = end - start >= 2 && start[1] == '\'';
      t.cls = token_class::mark;
      t.mark = pair ? mark_char::double_apos : mark_char::ascii_single;
      it = start + (pair ? 2 : 1);
      break;
    }
    case lead::grave: {
      const bool pair = end - start >= 2 && start[1] == '`';
      if (pair) {
        t.cls = token_class::mark;
        t.mark = mark_char::double_grave;
      }
      it = start + (pair ? 2 : 1);
      break;
    }
    case lead::line_end:
      t.cls = token_class::newline;
      it = newline_run(start, end, t.newlines);
      break;
    case lead::other:
      t.mark = curly_mark_at(start, end);
      if (t.mark != mark_char::none) {
        t.cls = token_class::mark;
        it = start + 3;
      } else {
        it = nullptr;
      }
      break;
    case lead::blank: // skipped above, never here
    case lead::punct: it = start + 1; break;
    }
    if (it == nullptr) {
      const std::uint8_t space = t.flags & space_before;
      it = grammar_token(start, end, t);
      t.flags |= space;
    }
    t.end = static_cast<std::uint32_t>(it - base);
  }
}

} // namespace quotecheck::parser
