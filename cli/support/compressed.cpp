/// Reading .gz and .zst files as streams (glibc's fopencookie over zlib's
/// gzread and zstd's streaming decoder).

#include "compressed.hpp"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace quotecheck::cli {

namespace {

bool ends_with(const std::string &s, const char *suffix) {
  const std::size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

} // namespace

/// One decoder; read() fills a caller's buffer, returning -1 on bad data.
struct decompressing_file::source {
  std::string problem;
  virtual ~source() = default;
  virtual ssize_t read(char *buf, std::size_t size) = 0;
};

namespace {

class gzip_source final : public decompressing_file::source {
public:
  gzip_source(gzFile f, std::string path) : f_(f), path_(std::move(path)) {}
  gzip_source(const gzip_source &) = delete;
  gzip_source &operator=(const gzip_source &) = delete;
  ~gzip_source() override { gzclose(f_); }

  ssize_t read(char *buf, std::size_t size) override {
    const int n = gzread(f_, buf, static_cast<unsigned>(std::min<std::size_t>(size, 1U << 30)));
    int code = Z_OK;
    gzerror(f_, &code);
    if (n < 0 || (n == 0 && code != Z_OK && code != Z_STREAM_END)) {
      problem = zlib_message();
      return -1;
    }
    return n;
  }

private:
  gzFile f_;
  std::string path_;

  /// zlib's message without the "PATH: " it puts first.
  [[nodiscard]] std::string zlib_message() const {
    int code = Z_OK;
    const char *m = gzerror(f_, &code);
    std::string msg = m != nullptr && *m != '\0' ? m : "read error";
    if (msg.starts_with(path_ + ": ")) {
      msg.erase(0, path_.size() + 2);
    }
    return "corrupt or truncated gzip data: " + msg;
  }
};

class zstd_source final : public decompressing_file::source {
public:
  explicit zstd_source(std::FILE *f) : f_(f), ctx_(ZSTD_createDCtx()), in_(ZSTD_DStreamInSize()) {}
  zstd_source(const zstd_source &) = delete;
  zstd_source &operator=(const zstd_source &) = delete;
  ~zstd_source() override {
    ZSTD_freeDCtx(ctx_);
    std::fclose(f_);
  }

  ssize_t read(char *buf, std::size_t size) override {
    ZSTD_outBuffer output{buf, size, 0};
    while (output.pos == 0) {
      if (input_.pos == input_.size) {
        const std::size_t got = std::fread(in_.data(), 1, in_.size(), f_);
        if (got == 0) {
          if (std::ferror(f_) != 0) {
            problem = "read error";
            return -1;
          }
          if (last_ != 0) {
            problem = "truncated zstd stream";
            return -1;
          }
          return 0;
        }
        input_ = ZSTD_inBuffer{in_.data(), got, 0};
      }
      last_ = ZSTD_decompressStream(ctx_, &output, &input_);
      if (ZSTD_isError(last_) != 0U) {
        problem = std::string("corrupt zstd data: ") + ZSTD_getErrorName(last_);
        return -1;
      }
    }
    return static_cast<ssize_t>(output.pos);
  }

private:
  std::FILE *f_;
  ZSTD_DCtx *ctx_;
  std::vector<char> in_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  std::size_t last_ = 0; ///< 0 once a frame is complete
};

ssize_t cookie_read(void *cookie, char *buf, std::size_t size) {
  auto *s = static_cast<decompressing_file::source *>(cookie);
  const ssize_t n = s->read(buf, size);
  if (n < 0) {
    errno = EIO;
  }
  return n;
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

std::unique_ptr<decompressing_file> decompressing_file::open(const std::string &path, std::string &why) {
  std::unique_ptr<decompressing_file> out(new decompressing_file());
  if (ends_with(path, ".zst")) {
    std::FILE *raw = std::fopen(path.c_str(), "rb");
    if (raw == nullptr) {
      why = std::string("cannot open: ") + std::strerror(errno);
      return nullptr;
    }
    out->source_ = std::make_unique<zstd_source>(raw);
  } else {
    gzFile f = gzopen(path.c_str(), "rb");
    if (f == nullptr) {
      why = std::string("cannot open: ") + std::strerror(errno);
      return nullptr;
    }
    gzbuffer(f, 1U << 17);
    out->source_ = std::make_unique<gzip_source>(f, path);
  }
  cookie_io_functions_t io{};
  io.read = &cookie_read;
  out->file_ = fopencookie(out->source_.get(), "rb", io);
  if (out->file_ == nullptr) {
    why = std::string("cannot open: ") + std::strerror(errno);
    return nullptr;
  }
  return out;
}

decompressing_file::~decompressing_file() {
  if (file_ != nullptr) {
    std::fclose(file_);
  }
}

const std::string &decompressing_file::problem() const { return source_->problem; }

} // namespace quotecheck::cli
