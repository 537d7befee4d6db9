/// libFuzzer harness: the grammar and attribution over arbitrary bytes, as
/// `quotecheck extract` runs them on a text or Markdown file: check_text,
/// then parse, attribute and report. The input's length picks the
/// paragraph mode and whether the Markdown mask runs first, so every mode
/// is reached without changing the bytes the parser sees.

#include "fuzz_support.hpp"

#include "support/markdown.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  using namespace quotecheck;
  const std::string_view bytes(reinterpret_cast<const char *>(data), size);
  if (!parser::check_text(bytes).ok()) {
    return 0; // the CLI reports the file and stops here
  }
  parser::parse_options opts;
  opts.paragraphs = static_cast<parser::paragraph_mode>(size % 4);
  opts.nested_quotes = (size / 4) % 2 == 1;
  cli::pipeline pipe(opts);
  cli::input_document in;
  in.origin = "fuzz";
  in.id = "fuzz";
  in.text.assign(bytes);
  if ((size / 8) % 2 == 1) {
    in.parse_text = cli::mask_markdown(in.text);
    if (in.parse_text.size() != in.text.size()) {
      fuzz::fail("mask_markdown changed the length");
    }
  }
  fuzz::check_document(pipe, in);
  return 0;
}
