#pragma once
/// Compressed inputs: .gz (zlib) and .zst (zstd) files, decompressed whole.

#include <string>

namespace quotecheck::cli {

/// True when `path` names a compressed file we can read (.gz, .zst).
bool is_compressed(const std::string &path);

/// `path` without its compression suffix ("a.jsonl.gz" -> "a.jsonl"), which
/// decides the input format.
std::string without_compression_suffix(const std::string &path);

/// Decompresses the whole file into `out`. On failure returns false and
/// sets `why` (corrupt data, truncated stream, unreadable file).
bool decompress_file(const std::string &path, std::string &out, std::string &why);

} // namespace quotecheck::cli
