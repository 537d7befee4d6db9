/// Reading .gz and .zst files.

#include "compressed.hpp"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace quotecheck::cli {

namespace {

bool ends_with(const std::string &s, const char *suffix) {
  const std::size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

bool gunzip(const std::string &path, std::string &out, std::string &why) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) {
    why = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<std::size_t>(n));
  }
  int code = Z_OK;
  const char *message = gzerror(f, &code);
  const bool ok = n == 0 && (code == Z_OK || code == Z_STREAM_END);
  if (!ok) {
    why = std::string("corrupt gzip data: ") + (message != nullptr ? message : "read error");
  }
  gzclose(f);
  return ok;
}

bool unzstd(const std::string &path, std::string &out, std::string &why) {
  std::unique_ptr<std::FILE, int (*)(std::FILE *)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    why = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  std::unique_ptr<ZSTD_DCtx, std::size_t (*)(ZSTD_DCtx *)> ctx(ZSTD_createDCtx(), &ZSTD_freeDCtx);
  std::vector<char> in(ZSTD_DStreamInSize());
  std::vector<char> chunk(ZSTD_DStreamOutSize());
  std::size_t last = 0;
  std::size_t got = 0;
  while ((got = std::fread(in.data(), 1, in.size(), f.get())) > 0) {
    ZSTD_inBuffer input{in.data(), got, 0};
    while (input.pos < input.size) {
      ZSTD_outBuffer output{chunk.data(), chunk.size(), 0};
      last = ZSTD_decompressStream(ctx.get(), &output, &input);
      if (ZSTD_isError(last) != 0U) {
        why = std::string("corrupt zstd data: ") + ZSTD_getErrorName(last);
        return false;
      }
      out.append(chunk.data(), output.pos);
    }
  }
  if (std::ferror(f.get()) != 0) {
    why = "read error";
    return false;
  }
  if (last != 0) {
    why = "truncated zstd stream";
    return false;
  }
  return true;
}

} // namespace

bool is_compressed(const std::string &path) { return ends_with(path, ".gz") || ends_with(path, ".zst"); }

std::string without_compression_suffix(const std::string &path) {
  if (ends_with(path, ".gz")) {
    return path.substr(0, path.size() - 3);
  }
  if (ends_with(path, ".zst")) {
    return path.substr(0, path.size() - 4);
  }
  return path;
}

bool decompress_file(const std::string &path, std::string &out, std::string &why) {
  out.clear();
  return ends_with(path, ".zst") ? unzstd(path, out, why) : gunzip(path, out, why);
}

} // namespace quotecheck::cli
