/// libFuzzer harness: the WARC reader, as `quotecheck extract` runs it on a
/// .warc or .warc.gz file: every document found goes through the HTML mask
/// (when it is HTML), the grammar and the reporters. The first byte picks
/// how the rest is read: 0 a plain WARC stream (read_stream), 1 the same
/// bytes gzip-compressed one member a record as crawlers write them, 2 the
/// bytes as a .warc.gz file as they are (the decompressor's error paths).

#include "fuzz_support.hpp"

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace {

/// `data` gzip-compressed, one gzip member per "WARC/1." record.
std::string gzip_members(std::string_view data) {
  std::string out;
  std::size_t start = 0;
  while (start < data.size()) {
    std::size_t next = data.find("\r\n\r\nWARC/1.", start + 1);
    next = next == std::string_view::npos ? data.size() : next + 4;
    const std::string_view part = data.substr(start, next - start);
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      quotecheck::fuzz::fail("deflateInit2 failed");
    }
    std::string member(deflateBound(&z, part.size()) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(part.data()));
    z.avail_in = static_cast<uInt>(part.size());
    z.next_out = reinterpret_cast<Bytef *>(member.data());
    z.avail_out = static_cast<uInt>(member.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) {
      quotecheck::fuzz::fail("deflate failed");
    }
    member.resize(z.total_out);
    deflateEnd(&z);
    out += member;
    start = next;
  }
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  using namespace quotecheck;
  if (size == 0) {
    return 0;
  }
  const unsigned mode = data[0] % 3;
  std::string bytes(reinterpret_cast<const char *>(data) + 1, size - 1);

  cli::pipeline pipe;
  cli::input_sink sink;
  sink.on_document = [&](cli::input_document &in) {
    if (!parser::check_text(in.text).ok()) {
      fuzz::fail("the WARC reader passed on invalid text");
    }
    if (!in.parse_text.empty() && in.parse_text.size() != in.text.size()) {
      fuzz::fail("the HTML mask changed the length of a WARC document");
    }
    fuzz::check_document(pipe, in);
  };
  sink.on_failure = [&](const cli::input_failure &f) {
    if (f.problem.message.empty()) {
      fuzz::fail("a failure without a reason");
    }
    (void)cli::describe(f);
  };
  // Small enough that the size limit's paths are reached too.
  const cli::read_limits limits{std::size_t{1} << 12};

  if (mode == 0) {
    std::FILE *f = bytes.empty() ? std::tmpfile() : fmemopen(bytes.data(), bytes.size(), "rb");
    if (f == nullptr) {
      fuzz::fail("fmemopen failed");
    }
    cli::read_stream("fuzz.warc", f, "fuzz.warc", cli::input_format::warc, sink, limits);
    std::fclose(f);
    return 0;
  }
  if (mode == 1) {
    bytes = gzip_members(bytes);
  }
  static const std::string path = std::string(access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") +
                                  "/quotecheck-fuzz-warc-" + std::to_string(getpid()) + ".warc.gz";
  std::FILE *f = std::fopen(path.c_str(), "wb");
  if (f == nullptr || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() || std::fclose(f) != 0) {
    fuzz::fail("cannot write the temporary file");
  }
  cli::read_inputs({path}, cli::input_format::automatic, sink, limits);
  std::remove(path.c_str());
  return 0;
}
