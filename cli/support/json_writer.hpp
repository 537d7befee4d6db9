#pragma once
/// A minimal streaming JSON writer: appends to a string, escapes per RFC
/// 8259, never allocates beyond the output buffer. Used on the hot output
/// path where building a DOM per quote would cost more than parsing: tokens
/// are formatted into a small buffer and reach the string in few appends.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace quotecheck::cli {

/// An object key known when the program is built (a string literal):
/// checked then to need no escaping. It keeps only the literal's address
/// and size, constants where the key is written, so that writing it is a
/// copy of known size from read-only data (a copy of the key itself,
/// passed by value, would be built on the stack at every call).
class json_key {
public:
  template <std::size_t N>
  consteval json_key(const char (&k)[N]) // NOLINT(google-explicit-constructor): literals convert
      : text_(k), size_(N - 1) {
    static_assert(N <= 64, "JSON key too long");
    for (std::size_t i = 0; i + 1 < N; ++i) {
      const auto c = static_cast<unsigned char>(k[i]);
      if (c < 0x20 || c == '"' || c == '\\') {
        throw "a JSON key literal must need no escaping"; // not a constant expression: a compile error
      }
    }
  }
  /// The key, unquoted.
  [[nodiscard]] constexpr const char *data() const { return text_; }
  [[nodiscard]] constexpr std::size_t size() const { return size_; }

private:
  const char *text_;
  std::size_t size_;
};

/// Writes JSON tokens into `out`; the caller keeps the structure valid.
class json_writer {
public:
  /// How tokens reach the string.
  enum class mode : std::uint8_t {
    direct,  ///< every call appends to the string before it returns
    batched, ///< tokens gather in the writer until flush() or destruction:
             ///< the caller must not touch the string in between
  };

  explicit json_writer(std::string &out, mode m = mode::direct) : out_(out), batched_(m == mode::batched) {}
  json_writer(const json_writer &) = delete;
  json_writer &operator=(const json_writer &) = delete;
  ~json_writer() { flush(); }

  void begin_object() { punct('{', true); }
  void end_object() { punct('}', false); }
  void begin_array() { punct('[', true); }
  void end_array() { punct(']', false); }
  /// An object key; the next call writes its value. Inlined, so that the
  /// copy of the quoted key has a size known when compiled.
  [[gnu::always_inline]] void key(json_key k) {
    char *p = room(k.size() + 4);
    const std::size_t n = sep(p);
    p[n] = '"';
    std::memcpy(p + n + 1, k.data(), k.size());
    p[n + 1 + k.size()] = '"';
    p[n + 2 + k.size()] = ':';
    commit(n + 3 + k.size());
    after_key_ = true;
  }
  /// An object key known only at run time (escaped as needed).
  template <typename S>
  requires(std::is_convertible_v<const S &, std::string_view> && !std::is_array_v<S>) void key(const S &k) {
    string_token(std::string_view(k), true);
    after_key_ = true;
  }
  void value(std::string_view s);
  void value(const char *s) { value(std::string_view(s)); }
  void value(std::int64_t n);
  void value(std::uint64_t n);
  void value(std::uint32_t n) { value(static_cast<std::uint64_t>(n)); }
  void value(int n) { value(static_cast<std::int64_t>(n)); }
  void value(double d);
  void value(bool b) { literal(b ? "true" : "false"); }
  void null() { literal("null"); }

  /// Appends what the writer holds to the string (batched mode).
  void flush() {
    if (held_ > 0) {
      spill();
    }
  }

  /// Appends `s` as a JSON string literal to `out`.
  static void escape(std::string &out, std::string_view s);

private:
  static constexpr std::size_t capacity = 1024;

  /// Appends the held bytes to the string. Out of line: the token writers
  /// are inlined into the reporters, and only this rare step calls out.
  [[gnu::noinline]] void spill() {
    out_.append(buf_, held_);
    held_ = 0;
  }
  /// Room for `n` more bytes in buf_ (n <= capacity).
  [[gnu::always_inline]] char *room(std::size_t n) {
    if (held_ + n > capacity) {
      spill();
    }
    return buf_ + held_;
  }
  /// Commits `n` bytes written at room(); in direct mode, appends them.
  [[gnu::always_inline]] void commit(std::size_t n) {
    held_ += n;
    if (!batched_) {
      flush();
    }
  }
  /// Writes the separator the next token needs ("," or nothing after a key
  /// or at the start of a container) at `p`; returns the bytes written.
  [[gnu::always_inline]] std::size_t sep(char *p) {
    if (after_key_) {
      after_key_ = false;
      return 0;
    }
    const bool comma = !first_;
    first_ = false;
    *p = ',';
    return comma ? 1 : 0;
  }
  /// "{" "[" (opening, with its separator) or "}" "]".
  [[gnu::always_inline]] void punct(char c, bool opening) {
    char *p = room(2);
    const std::size_t n = opening ? sep(p) : 0;
    p[n] = c;
    commit(n + 1);
    first_ = opening;
  }
  /// A token that needs no escaping ("null", "true", a number) with its separator.
  [[gnu::always_inline]] void literal(std::string_view s) {
    char *p = room(s.size() + 1);
    const std::size_t n = sep(p);
    std::memcpy(p + n, s.data(), s.size());
    commit(n + s.size());
  }
  /// A string (key or value) and what follows it (":" for a key).
  void string_token(std::string_view s, bool is_key);

  std::string &out_;
  bool batched_;
  bool first_ = true;
  bool after_key_ = false;
  std::size_t held_ = 0;
  char buf_[capacity];
};

} // namespace quotecheck::cli
