/// UTF-8 validation: simdjson's SIMD validator for the common (valid) case,
/// a scalar scan to locate the first bad byte when it fails.

#include "quotecheck/parser/utf8.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace quotecheck::parser {

namespace {

/// Byte offset of the first invalid UTF-8 sequence (text.size() if none).
std::size_t first_invalid(std::string_view text) {
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned lo = 0x80;
    unsigned hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      lo = c == 0xE0 ? 0xA0 : 0x80; // no overlong
      hi = c == 0xED ? 0x9F : 0xBF; // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      lo = c == 0xF0 ? 0x90 : 0x80;
      hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
      return i;
    }
    if (i + len > n || s[i + 1] < lo || s[i + 1] > hi) {
      return i;
    }
    for (std::size_t k = 2; k < len; ++k) {
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) {
        return i;
      }
    }
    i += len;
  }
  return n;
}

/// "UTF-16LE" or "UTF-16BE" when the start of `text` looks like UTF-16
/// without a byte-order mark (mostly Latin text: every other byte is NUL),
/// else empty.
std::string_view utf16_without_bom(std::string_view text) {
  const std::size_t n = std::min<std::size_t>(text.size(), 1024) & ~std::size_t{1};
  if (n < 4) {
    return {};
  }
  std::size_t zero_even = 0;
  std::size_t zero_odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    zero_even += text[i] == '\0' ? 1 : 0;
    zero_odd += text[i + 1] == '\0' ? 1 : 0;
  }
  const std::size_t units = n / 2;
  if (zero_even == 0 && zero_odd * 4 >= units * 3) {
    return "UTF-16LE";
  }
  if (zero_odd == 0 && zero_even * 4 >= units * 3) {
    return "UTF-16BE";
  }
  return {};
}

} // namespace

result<void> check_text(std::string_view text) {
  if (text.size() >= 2 &&
      ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    return error{error_code::invalid_utf8, "UTF-16 text (byte-order mark at the start); convert it to UTF-8",
                 0};
  }
  if (const void *nul = std::memchr(text.data(), 0, text.size()); nul != nullptr) {
    const auto at = static_cast<std::size_t>(static_cast<const char *>(nul) - text.data());
    if (const std::string_view utf16 = utf16_without_bom(text); !utf16.empty()) {
      return error{error_code::invalid_utf8,
                   std::string(utf16) + " text (no byte-order mark); convert it to UTF-8", at};
    }
    return error{error_code::binary_input,
                 "NUL byte at byte offset " + std::to_string(at) + ": binary data, not text", at};
  }
  if (simdjson::validate_utf8(text.data(), text.size())) {
    return {};
  }
  const std::size_t at = first_invalid(text);
  return error{error_code::invalid_utf8, "invalid UTF-8 at byte offset " + std::to_string(at), at};
}

} // namespace quotecheck::parser
