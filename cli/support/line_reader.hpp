#pragma once
/// Reading a stream line by line through a buffer that holds about one line,
/// so that a JSONL corpus of any size streams in bounded memory. A line
/// longer than the limit is passed over without being held.

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>

namespace quotecheck::cli {

/// Lines of a stdio stream.
class line_reader {
public:
  enum class status { line, too_long, end };

  /// `head` holds the bytes already read from `f` (used to sniff the format);
  /// lines longer than `max_line` bytes come back as too_long.
  line_reader(std::FILE *f, std::string head, std::size_t max_line)
      : f_(f), buf_(std::move(head)), max_line_(max_line) {}

  /// The next line without its "\n"; the view is valid until the next call.
  status next(std::string_view &line) {
    for (;;) {
      const std::size_t nl = buf_.find('\n', std::max(pos_, scanned_));
      if (nl != std::string::npos) {
        line = std::string_view(buf_).substr(pos_, nl - pos_);
        pos_ = nl + 1;
        scanned_ = pos_;
        return line.size() > max_line_ ? status::too_long : status::line;
      }
      scanned_ = buf_.size();
      if (buf_.size() - pos_ > max_line_) {
        skip_rest_of_line();
        line = {};
        return status::too_long;
      }
      if (eof_) {
        if (pos_ < buf_.size()) {
          line = std::string_view(buf_).substr(pos_);
          pos_ = buf_.size();
          return status::line;
        }
        return status::end;
      }
      fill();
    }
  }
  [[nodiscard]] bool failed() const { return error_; }

private:
  static constexpr std::size_t chunk = std::size_t{1} << 20;
  std::FILE *f_;
  std::string buf_;
  std::size_t max_line_;
  std::size_t pos_ = 0;     ///< start of the next line in buf_
  std::size_t scanned_ = 0; ///< buf_ has no '\n' in [pos_, scanned_)
  bool eof_ = false;
  bool error_ = false;

  void fill() {
    buf_.erase(0, pos_);
    scanned_ -= pos_;
    pos_ = 0;
    const std::size_t old = buf_.size();
    buf_.resize(old + chunk);
    const std::size_t n = f_ == nullptr ? 0 : std::fread(buf_.data() + old, 1, chunk, f_);
    buf_.resize(old + n);
    if (n == 0) {
      eof_ = true;
      error_ = f_ != nullptr && std::ferror(f_) != 0;
    }
  }

  /// Drops bytes up to and including the next '\n' (or the end).
  void skip_rest_of_line() {
    for (;;) {
      buf_.clear();
      pos_ = scanned_ = 0;
      if (eof_) {
        return;
      }
      fill();
      const std::size_t nl = buf_.find('\n');
      if (nl != std::string::npos) {
        pos_ = scanned_ = nl + 1;
        return;
      }
    }
  }
};

} // namespace quotecheck::cli
