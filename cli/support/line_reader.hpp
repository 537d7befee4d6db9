#pragma once
/// Reading a stream line by line through a buffer of 1 MiB (more only for a
/// longer line), so that a JSONL corpus of any size streams in bounded
/// memory with few, large reads. A line longer than the limit is passed
/// over without being held.

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace quotecheck::cli {

/// Lines of a stdio stream.
class line_reader {
public:
  enum class status { line, too_long, end };

  /// Bytes readable after the end of every line returned (allocated, of
  /// any value): a JSON parser that wants padding can read the line in place.
  static constexpr std::size_t padding = 64;

  /// `head` holds the bytes already read from `f` (used to sniff the format);
  /// lines longer than `max_line` bytes come back as too_long.
  line_reader(std::FILE *f, const std::string &head, std::size_t max_line) : f_(f), max_line_(max_line) {
    reserve(std::max(head.size(), chunk));
    std::memcpy(buf_.get(), head.data(), head.size());
    size_ = head.size();
    clear_padding();
  }

  /// The next line without its "\n"; the view is valid until the next call,
  /// and `padding` bytes after it are readable.
  status next(std::string_view &line) {
    for (;;) {
      const std::size_t from = std::max(pos_, scanned_);
      const auto *nl = static_cast<const char *>(std::memchr(buf_.get() + from, '\n', size_ - from));
      if (nl != nullptr) {
        const auto at = static_cast<std::size_t>(nl - buf_.get());
        line = std::string_view(buf_.get() + pos_, at - pos_);
        pos_ = at + 1;
        scanned_ = pos_;
        return line.size() > max_line_ ? status::too_long : status::line;
      }
      scanned_ = size_;
      if (size_ - pos_ > max_line_) {
        skip_rest_of_line();
        line = {};
        return status::too_long;
      }
      if (eof_) {
        if (pos_ < size_) {
          line = std::string_view(buf_.get() + pos_, size_ - pos_);
          pos_ = size_;
          return status::line;
        }
        return status::end;
      }
      fill();
    }
  }
  [[nodiscard]] bool failed() const { return error_; }

private:
  /// The size of the buffer (it grows only for a longer line), and so of
  /// most reads.
  static constexpr std::size_t chunk = std::size_t{1} << 20;
  /// Reads are at least this big: when less room is left after the line
  /// being read, the buffer grows.
  static constexpr std::size_t min_read = chunk / 4;
  std::FILE *f_;
  /// The bytes read and not yet passed on: [0, size_) of a buffer of
  /// capacity_ + padding bytes. Not a std::string, and not zeroed when
  /// allocated: the first write to each page is the read itself, so the
  /// pages are not touched twice.
  std::unique_ptr<char[]> buf_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  std::size_t max_line_;
  std::size_t pos_ = 0;     ///< start of the next line in buf_
  std::size_t scanned_ = 0; ///< buf_ has no '\n' in [pos_, scanned_)
  bool eof_ = false;
  bool error_ = false;

  /// Room for `n` bytes (and the padding after them), keeping [0, size_).
  void reserve(std::size_t n) {
    if (n <= capacity_ && buf_ != nullptr) {
      return;
    }
    const std::size_t capacity = std::max(n, capacity_ * 2);
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity + padding);
    if (size_ > 0) {
      std::memcpy(bigger.get(), buf_.get(), size_);
    }
    buf_ = std::move(bigger);
    capacity_ = capacity;
  }

  /// Zeroes the padding after the bytes read: a parser may read it.
  void clear_padding() { std::memset(buf_.get() + size_, 0, padding); }

  /// Moves the line being read to the front and reads as much as fits
  /// after it (at least min_read bytes).
  void fill() {
    if (pos_ > 0) {
      std::memmove(buf_.get(), buf_.get() + pos_, size_ - pos_);
      size_ -= pos_;
      scanned_ -= pos_;
      pos_ = 0;
    }
    reserve(size_ + min_read);
    // Whole pages: stdio reads those straight into the buffer, and a rest
    // would cost a second, small read(2) through its own buffer.
    const std::size_t want = (capacity_ - size_) & ~std::size_t{4095};
    const std::size_t n = f_ == nullptr ? 0 : std::fread(buf_.get() + size_, 1, want, f_);
    size_ += n;
    clear_padding();
    if (n == 0) {
      eof_ = true;
      error_ = f_ != nullptr && std::ferror(f_) != 0;
    }
  }

  /// Drops bytes up to and including the next '\n' (or the end).
  void skip_rest_of_line() {
    for (;;) {
      size_ = 0;
      pos_ = scanned_ = 0;
      if (eof_) {
        return;
      }
      fill();
      const auto *nl = static_cast<const char *>(std::memchr(buf_.get(), '\n', size_));
      if (nl != nullptr) {
        pos_ = scanned_ = static_cast<std::size_t>(nl - buf_.get()) + 1;
        return;
      }
    }
  }
};

} // namespace quotecheck::cli
