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

} // namespace

void json_writer::escape(std::string &out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0; // start of the current run of bytes that need no escaping
  for (std::size_t i = 0; i < s.size(); ++i) {
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
    if (c >= 0x20 && c != '"' && c != '\\') {
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

void json_writer::value(double d) {
  sep();
  if (!std::isfinite(d)) {
    out_ += "null";
    return;
  }
  char buf[32];
  // As printf's %.3g (to_chars with a precision is specified so), without
  // the locale and format-string work.
  const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::general, 3);
  out_.append(buf, r.ptr);
}

void json_writer::append_number(std::uint64_t n) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, r.ptr);
}

void json_writer::append_number(std::int64_t n) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, r.ptr);
}

} // namespace quotecheck::cli
