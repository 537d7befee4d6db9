/// libFuzzer harness: the JSONL reader, as `quotecheck extract
/// --input-format jsonl` runs it: every good line goes through the grammar
/// and the reporters, every bad line must be reported with its line number.

#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace {

/// Feeds `bytes` to the JSONL reader and checks what comes out.
void read_jsonl(std::string_view bytes) {
  using namespace quotecheck;
  cli::pipeline pipe;
  std::size_t last_line = 0;
  cli::input_sink sink;
  sink.on_document = [&](cli::input_document &in) {
    if (in.line <= last_line) {
      fuzz::fail("JSONL documents out of line order");
    }
    last_line = in.line;
    if (!parser::check_text(in.text).ok()) {
      fuzz::fail("the JSONL reader passed on invalid text");
    }
    fuzz::check_document(pipe, in);
  };
  sink.on_failure = [&](const cli::input_failure &f) {
    if (f.problem.message.empty()) {
      fuzz::fail("a failure without a reason");
    }
    (void)cli::describe(f);
  };
  std::string copy(bytes);
  std::FILE *f = copy.empty() ? std::tmpfile() : fmemopen(copy.data(), copy.size(), "rb");
  if (f == nullptr) {
    fuzz::fail("fmemopen failed");
  }
  // A small size limit, so that the too-large path is reached too.
  cli::read_stream("fuzz.jsonl", f, "fuzz.jsonl", cli::input_format::jsonl, sink,
                   cli::read_limits{std::size_t{1} << 12});
  std::fclose(f);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  read_jsonl(std::string_view(reinterpret_cast<const char *>(data), size));
  return 0;
}
