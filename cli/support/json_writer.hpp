#pragma once
/// A minimal streaming JSON writer: appends to a string, escapes per RFC
/// 8259, never allocates beyond the output buffer. Used on the hot output
/// path where building a DOM per quote would cost more than parsing.

#include <cstdint>
#include <string>
#include <string_view>

namespace quotecheck::cli {

/// Writes JSON tokens into `out`; the caller keeps the structure valid.
class json_writer {
public:
  explicit json_writer(std::string &out) : out_(out) {}

  void begin_object() {
    sep();
    out_ += '{';
    first_ = true;
  }
  void end_object() {
    out_ += '}';
    first_ = false;
  }
  void begin_array() {
    sep();
    out_ += '[';
    first_ = true;
  }
  void end_array() {
    out_ += ']';
    first_ = false;
  }
  /// An object key; the next call writes its value.
  void key(std::string_view k) {
    sep();
    string_raw(k);
    out_ += ':';
    after_key_ = true;
  }
  void value(std::string_view s) {
    sep();
    string_raw(s);
  }
  void value(const char *s) { value(std::string_view(s)); }
  void value(std::int64_t n) {
    sep();
    append_number(n);
  }
  void value(std::uint64_t n) {
    sep();
    append_number(n);
  }
  void value(std::uint32_t n) { value(static_cast<std::uint64_t>(n)); }
  void value(int n) { value(static_cast<std::int64_t>(n)); }
  void value(double d);
  void value(bool b) {
    sep();
    out_ += b ? "true" : "false";
  }
  void null() {
    sep();
    out_ += "null";
  }

  /// Appends `s` as a JSON string literal to `out`.
  static void escape(std::string &out, std::string_view s);

private:
  void sep() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) {
      out_ += ',';
    }
    first_ = false;
  }
  void string_raw(std::string_view s) { escape(out_, s); }
  /// Decimal digits without a temporary string.
  void append_number(std::uint64_t n);
  void append_number(std::int64_t n);

  std::string &out_;
  bool first_ = true;
  bool after_key_ = false;
};

} // namespace quotecheck::cli
