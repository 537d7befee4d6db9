/// libFuzzer harness: the HTML reader (mask_html) and the grammar over its
/// masked copy, as `quotecheck extract --input-format html` runs them. The
/// contract checked: the masked copy has the source's length, so every
/// offset the parser reports is an offset in the HTML file.

#include "fuzz_support.hpp"

#include "support/html.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  using namespace quotecheck;
  const std::string_view bytes(reinterpret_cast<const char *>(data), size);
  if (!parser::check_text(bytes).ok()) {
    return 0; // the CLI reports the file and stops here
  }
  cli::input_document in;
  in.origin = "fuzz.html";
  in.id = "fuzz.html";
  in.text.assign(bytes);
  in.parse_text = cli::mask_html(in.text);
  if (in.parse_text.size() != in.text.size()) {
    fuzz::fail("mask_html changed the length");
  }
  if (!parser::check_text(in.parse_text).ok()) {
    fuzz::fail("mask_html produced invalid UTF-8 from valid UTF-8");
  }
  cli::pipeline pipe;
  fuzz::check_document(pipe, in);
  return 0;
}
