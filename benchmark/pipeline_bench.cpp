// Google Benchmark programs for the hot paths of `extract` around the
// parser, each next to a reference measured in the same run over the same
// bytes (compare bytes_per_second of a path with its reference's):
//
//   bm_ref_memchr        memchr for '\n' over the text: the memory-speed floor
//   bm_ref_word_count    a `wc -w`-like byte loop (blank / non-blank runs):
//                        the reference the corpus benchmark divides by
//   bm_jsonl_decode      JSONL lines: UTF-8 check, simdjson on-demand, the
//                        "text" field and its UTF-8 check (what the JSONL
//                        reader does per line)
//   bm_attribute         attribution alone, on a parsed document
//   bm_source_map        byte offset -> code point / line index of a document
//   bm_write_jsonl       the extract JSONL writer for a processed document
//
//   build-perf/benchmark/pipeline_bench --benchmark_min_time=0.2
//
// Generated news-like text (benchmark/news_text.hpp), 1 MB and 10 MB.

#include "news_text.hpp"
#include "support/extract_report.hpp"
#include "support/json_writer.hpp"
#include "support/pipeline.hpp"

#include "quotecheck/attribution/attribution.hpp"
#include "quotecheck/parser/parse.hpp"
#include "quotecheck/parser/source_map.hpp"
#include "quotecheck/parser/utf8.hpp"

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

using bench::news_text;

void sizes(benchmark::internal::Benchmark *b) {
  b->Arg(std::int64_t{1} << 20);
  b->Arg(std::int64_t{10} << 20);
  b->Unit(benchmark::kMicrosecond);
}

void set_bytes(benchmark::State &state, std::size_t bytes) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

/// The text as JSONL: one document of about 4.6 KB a line (PolNeAR's mean),
/// each with an id and the text, escaped as JSON.
const std::string &jsonl_text(std::size_t bytes) {
  static std::string out;
  static std::size_t made_for = 0;
  if (made_for != bytes) {
    const std::string &text = news_text(bytes);
    out.clear();
    std::size_t start = 0;
    for (std::size_t doc = 0; start < text.size(); ++doc) {
      std::size_t end = std::min(text.size(), start + 4600);
      end = text.find('\n', end);
      end = end == std::string::npos ? text.size() : end + 1;
      out += "{\"id\": \"doc" + std::to_string(doc) + "\", \"text\": ";
      quotecheck::cli::json_writer::escape(out, std::string_view(text).substr(start, end - start));
      out += "}\n";
      start = end;
    }
    made_for = bytes;
  }
  return out;
}

void bm_ref_memchr(benchmark::State &state) {
  const std::string &text = news_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    std::size_t lines = 0;
    for (const char *p = text.data(), *e = p + text.size();
         (p = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(e - p)))) != nullptr;
         ++p) {
      ++lines;
    }
    benchmark::DoNotOptimize(lines);
  }
  set_bytes(state, text.size());
}
BENCHMARK(bm_ref_memchr)->Apply(sizes);

void bm_ref_word_count(benchmark::State &state) {
  const std::string &text = news_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
      const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
      words += !blank && !in_word ? 1 : 0;
      in_word = !blank;
    }
    benchmark::DoNotOptimize(words);
  }
  set_bytes(state, text.size());
}
BENCHMARK(bm_ref_word_count)->Apply(sizes);

void bm_jsonl_decode(benchmark::State &state) {
  const std::string &jsonl = jsonl_text(static_cast<std::size_t>(state.range(0)));
  simdjson::ondemand::parser parser;
  simdjson::padded_string line_buf;
  std::string text;
  for (auto _ : state) {
    std::size_t docs = 0;
    std::string_view rest = jsonl;
    while (!rest.empty()) {
      const std::size_t nl = rest.find('\n');
      const std::string_view line = rest.substr(0, nl);
      rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
      if (!quotecheck::parser::check_text(line).ok()) {
        continue;
      }
      line_buf = simdjson::padded_string(line);
      simdjson::ondemand::document json;
      simdjson::ondemand::object obj;
      std::string_view v;
      if (parser.iterate(line_buf).get(json) != simdjson::SUCCESS ||
          json.get_object().get(obj) != simdjson::SUCCESS ||
          obj.find_field_unordered("text").get_string().get(v) != simdjson::SUCCESS) {
        continue;
      }
      text.assign(v);
      docs += quotecheck::parser::check_text(text).ok() ? 1 : 0;
    }
    benchmark::DoNotOptimize(docs);
  }
  set_bytes(state, jsonl.size());
}
BENCHMARK(bm_jsonl_decode)->Apply(sizes);

void bm_attribute(benchmark::State &state) {
  const std::string &text = news_text(static_cast<std::size_t>(state.range(0)));
  const quotecheck::parser::document doc = quotecheck::parser::parse(text);
  std::size_t quotes = 0;
  for (auto _ : state) {
    auto attributed = quotecheck::attribution::attribute(doc);
    quotes = attributed.size();
    benchmark::DoNotOptimize(attributed.data());
  }
  set_bytes(state, text.size());
  state.counters["quotes"] = static_cast<double>(quotes);
}
BENCHMARK(bm_attribute)->Apply(sizes);

void bm_source_map(benchmark::State &state) {
  const std::string &text = news_text(static_cast<std::size_t>(state.range(0)));
  quotecheck::parser::source_map map;
  for (auto _ : state) {
    map.reset(text);
    benchmark::DoNotOptimize(map.code_point(text.size() / 2));
  }
  set_bytes(state, text.size());
}
BENCHMARK(bm_source_map)->Apply(sizes);

void bm_write_jsonl(benchmark::State &state) {
  quotecheck::cli::input_document in;
  in.text = news_text(static_cast<std::size_t>(state.range(0)));
  in.id = "bench";
  quotecheck::cli::pipeline pipe;
  pipe.run(in);
  const quotecheck::cli::processed_document d{in, pipe.doc(), pipe.quotes(), pipe.positions()};
  std::string out;
  for (auto _ : state) {
    out.clear();
    quotecheck::cli::write_extract_jsonl(out, d);
    benchmark::DoNotOptimize(out.data());
  }
  set_bytes(state, in.text.size());
  state.counters["output_bytes"] = static_cast<double>(out.size());
}
BENCHMARK(bm_write_jsonl)->Apply(sizes);

} // namespace

BENCHMARK_MAIN();
