#pragma once
/// Compressed inputs: .gz (zlib; concatenated members too, as in WARC files)
/// and .zst (zstd), decompressed as they are read, so that a compressed
/// corpus of any size streams in bounded memory.

#include <cstdio>
#include <memory>
#include <string>

namespace quotecheck::cli {

/// True when `path` names a compressed file we can read (.gz, .zst).
bool is_compressed(const std::string &path);

/// `path` without its compression suffix ("a.jsonl.gz" -> "a.jsonl"), which
/// decides the input format.
std::string without_compression_suffix(const std::string &path);

/// A file opened for reading through a decompressor, as a stdio stream.
class decompressing_file {
public:
  /// Opens `path` (.gz or .zst); nullptr with `why` set when it cannot be opened.
  static std::unique_ptr<decompressing_file> open(const std::string &path, std::string &why);

  decompressing_file(const decompressing_file &) = delete;
  decompressing_file &operator=(const decompressing_file &) = delete;
  ~decompressing_file();

  /// The decompressed bytes; std::ferror() on it is set on corrupt or
  /// truncated data, and problem() then says what went wrong.
  [[nodiscard]] std::FILE *file() const { return file_; }
  /// Why reading failed ("corrupt gzip data: ...", "truncated zstd stream").
  [[nodiscard]] const std::string &problem() const;

  struct source; ///< the decoder behind the stream

private:
  decompressing_file() = default;
  std::FILE *file_ = nullptr;
  std::unique_ptr<source> source_;
};

} // namespace quotecheck::cli
