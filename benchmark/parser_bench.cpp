// Google Benchmark programs for the parser's hot paths over generated
// news-like text of 1 KB to 100 MB: lexing alone, the full parse plus
// attribution (and the parse alone, to tell the two apart), and UTF-8
// validation. Each reports bytes per second and a
// complexity fit (expect O(N): linear time in the input size).
//
//   build/benchmark/parser_bench --benchmark_filter='bm_lex|bm_parse|bm_check_text'
//
// The text is generated once per size from a fixed seed, so runs are
// comparable; see BENCHMARKS.md for the numbers and the reference they are
// compared with.

#include "quotecheck/attribution/attribution.hpp"
#include "quotecheck/parser/lexer.hpp"
#include "quotecheck/parser/parse.hpp"
#include "quotecheck/parser/utf8.hpp"

#include "news_text.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace {

using bench::news_text;

void sizes(benchmark::internal::Benchmark *b) {
  for (std::int64_t kb : {1, 10, 100, 1024, 10 * 1024, 100 * 1024}) {
    b->Arg(kb << 10);
  }
  b->Unit(benchmark::kMillisecond);
  b->Complexity(benchmark::oN);
}

void bm_lex(benchmark::State &state) {
  const std::string &text = news_text(static_cast<std::size_t>(state.range(0)));
  std::vector<quotecheck::parser::token> tokens;
  quotecheck::parser::lex(text, tokens); // grow the buffer once: the steady state reuses it
  for (auto _ : state) {
    quotecheck::parser::lex(text, tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetComplexityN(static_cast<std::int64_t>(text.size()));
  state.counters["tokens"] = static_cast<double>(tokens.size());
}
BENCHMARK(bm_lex)->Apply(sizes);

void bm_parse(benchmark::State &state) {
  const std::string &text = news_text(static_cast<std::size_t>(state.range(0)));
  quotecheck::parser::parse_options opts;
  quotecheck::parser::parse_scratch scratch;
  quotecheck::parser::document doc;
  quotecheck::parser::parse(text, opts, scratch, doc); // grow the buffers once
  for (auto _ : state) {
    quotecheck::parser::parse(text, opts, scratch, doc);
    benchmark::DoNotOptimize(doc.quotes.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetComplexityN(static_cast<std::int64_t>(text.size()));
  state.counters["quotes"] = static_cast<double>(doc.quotes.size());
}
BENCHMARK(bm_parse)->Apply(sizes);

void bm_parse_attribute(benchmark::State &state) {
  const std::string &text = news_text(static_cast<std::size_t>(state.range(0)));
  quotecheck::parser::parse_options opts;
  quotecheck::parser::parse_scratch scratch;
  quotecheck::parser::document doc;
  std::size_t quotes = 0;
  quotecheck::parser::parse(text, opts, scratch, doc); // grow the buffers once
  for (auto _ : state) {
    quotecheck::parser::parse(text, opts, scratch, doc);
    auto attributed = quotecheck::attribution::attribute(doc);
    quotes = attributed.size();
    benchmark::DoNotOptimize(attributed.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetComplexityN(static_cast<std::int64_t>(text.size()));
  state.counters["quotes"] = static_cast<double>(quotes);
}
BENCHMARK(bm_parse_attribute)->Apply(sizes);

void bm_check_text(benchmark::State &state) {
  const std::string &text = news_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto r = quotecheck::parser::check_text(text);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetComplexityN(static_cast<std::int64_t>(text.size()));
}
BENCHMARK(bm_check_text)->Apply(sizes);

} // namespace

BENCHMARK_MAIN();
