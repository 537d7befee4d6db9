/// JSON string escaping and number formatting.

#include "json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstring>

namespace quotecheck::cli {

namespace {

constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t highs = 0x8080808080808080ULL;

/// Non-zero when one of the 8 bytes of `w` needs escaping: a control
/// character (< 0x20), '"' or '\\'. Exact as a yes / no answer.
constexpr std::uint64_t needs_escape(std::uint64_t w) {
  const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
  const std::uint64_t q = w ^ (ones * '"');
  const std::uint64_t b = w ^ (ones * '\\');
  return below_space | ((q - ones) & ~q & highs) | ((b - ones) & ~b & highs);
}

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

/// The offset of the first byte of `s` that needs escaping, or s.size().
std::size_t first_to_escape(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, 8);
    if (needs_escape(w) != 0) {
      break;
    }
  }
  while (i < s.size() && !needs_escape(static_cast<unsigned char>(s[i]))) {
    ++i;
  }
  return i;
}

/// Strings up to this size are written through a stack buffer, with their
/// quotes and separator, in one append.
constexpr std::size_t short_string = 80;

/// Copies `s` (at most short_string bytes) to `dst`, which has room for
/// s.size() + 8 bytes; true when no byte of `s` needs escaping. Checks 8
/// bytes at a time, the last word padded with blanks.
bool copy_clean(char *dst, std::string_view s) {
  std::memcpy(dst, s.data(), s.size());
  std::memset(dst + s.size(), ' ', 8);
  std::uint64_t any = 0;
  for (std::size_t i = 0; i < s.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, dst + i, 8);
    any |= needs_escape(w);
  }
  return any == 0;
}

} // namespace

void json_writer::escape(std::string &out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::size_t i = first_to_escape(s);
  if (i == s.size()) {
    out.reserve(out.size() + s.size() + 2);
    out += '"';
    out.append(s);
    out += '"';
    return;
  }
  out += '"';
  std::size_t run = 0; // start of the current run of bytes that need no escaping
  for (; i < s.size(); ++i) {
    // Skip 8 bytes at a time while none needs escaping (the common case).
    while (i + 8 <= s.size()) {
      std::uint64_t w = 0;
      std::memcpy(&w, s.data() + i, 8);
      if (needs_escape(w) != 0) {
        break;
      }
      i += 8;
    }
    if (i >= s.size()) {
      break;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (!needs_escape(c)) {
      continue;
    }
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    case '\b': out += "\\b"; break;
    case '\f': out += "\\f"; break;
    default:
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void json_writer::string_token(std::string_view s, bool is_key) {
  if (s.size() <= short_string) {
    char *p = room(s.size() + 12);
    const std::size_t n = sep(p);
    p[n] = '"';
    if (copy_clean(p + n + 1, s)) {
      std::size_t end = n + 1 + s.size();
      p[end++] = '"';
      if (is_key) {
        p[end++] = ':';
      }
      commit(end);
      return;
    }
    commit(n);
  } else {
    char *p = room(1);
    commit(sep(p));
  }
  flush();
  escape(out_, s);
  if (is_key) {
    out_ += ':';
  }
}

void json_writer::value(std::string_view s) { string_token(s, false); }

void json_writer::value(std::uint64_t n) {
  char *p = room(24); // a separator and up to 20 digits
  const std::size_t s = sep(p);
  const auto r = std::to_chars(p + s, p + 24, n);
  commit(static_cast<std::size_t>(r.ptr - p));
}

void json_writer::value(std::int64_t n) {
  char *p = room(24); // a separator, a sign and up to 19 digits
  const std::size_t s = sep(p);
  const auto r = std::to_chars(p + s, p + 24, n);
  commit(static_cast<std::size_t>(r.ptr - p));
}

void json_writer::value(double d) {
  if (!std::isfinite(d)) {
    literal("null");
    return;
  }
  // As printf's %.3g (to_chars with a precision is specified so), without
  // the locale and format-string work. Outputs repeat few values (the
  // calibrated confidences), so the last ones formatted are kept per thread.
  struct cached {
    std::uint64_t bits = 0;
    std::uint8_t size = 0; ///< 0: empty
    char text[31];
  };
  static thread_local cached cache[16];
  std::uint64_t bits = 0;
  std::memcpy(&bits, &d, sizeof bits);
  cached &c = cache[(bits ^ (bits >> 17) ^ (bits >> 41)) & 15U];
  if (c.size == 0 || c.bits != bits) {
    const auto r = std::to_chars(c.text, c.text + sizeof c.text, d, std::chars_format::general, 3);
    c.bits = bits;
    c.size = static_cast<std::uint8_t>(r.ptr - c.text);
  }
  literal(std::string_view(c.text, c.size));
}

} // namespace quotecheck::cli
