#pragma once
/// Shared checks for the libFuzzer harnesses: run one document through the
/// same pipeline and reporters as `quotecheck extract`, and abort on any
/// broken contract (spans outside the text, output that is not JSON).

#include "support/extract_report.hpp"
#include "support/input.hpp"
#include "support/pipeline.hpp"

#include "quotecheck/parser/utf8.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace quotecheck::fuzz {

/// Stops the run with a message; libFuzzer saves the input as a crash.
[[noreturn]] inline void fail(const char *what) {
  std::fprintf(stderr, "fuzz contract broken: %s\n", what);
  std::abort();
}

/// True when `s` lies inside a text of `size` bytes.
inline bool inside(const parser::span &s, std::size_t size) { return s.begin <= s.end && s.end <= size; }

/// Runs `in` through `pipe` and both extract reporters, checking that every
/// span is inside the text and that the JSONL line is valid UTF-8 and JSON.
inline void check_document(cli::pipeline &pipe, cli::input_document &in) {
  pipe.run(in);
  const std::size_t size = in.text.size();
  for (const auto &q : pipe.doc().quotes) {
    if (!inside(q.content, size) || !inside(q.open_mark, size) || !inside(q.close_mark, size)) {
      fail("quote span outside the text");
    }
  }
  for (const auto &q : pipe.quotes()) {
    if (!inside(q.content, size)) {
      fail("attributed quote outside the text");
    }
  }
  for (const auto &d : pipe.doc().diagnostics) {
    if (!inside(d.where, size)) {
      fail("diagnostic outside the text");
    }
  }
  const cli::processed_document d{in, pipe.doc(), pipe.quotes(), pipe.positions()};
  std::string out;
  cli::write_extract_jsonl(out, d);
  if (const auto bad = parser::check_text(out); !bad.ok()) {
    const std::size_t from = bad.err().offset > 80 ? bad.err().offset - 80 : 0;
    std::fprintf(stderr, "output near byte %zu: %s\n", bad.err().offset, out.substr(from, 160).c_str());
    fail("extract output is not valid UTF-8");
  }
  if (!nlohmann::json::accept(out)) {
    fail("extract output is not JSON");
  }
  out.clear();
  cli::write_extract_text(out, d);
}

} // namespace quotecheck::fuzz
