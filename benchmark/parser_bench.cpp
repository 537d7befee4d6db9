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

#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace {

/// A small deterministic generator (xorshift) so the text is the same in every run.
struct rng {
  std::uint64_t s = 0x9E3779B97F4A7C15ULL;
  std::uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  template <typename A> std::string_view pick(const A &a) { return a[next() % a.size()]; }
};

constexpr std::array<std::string_view, 8> names = {
    "Maria Lopez", "the minister", "Ahmed Karimi", "she", "the spokesman", "Jan Novak", "he", "the agency"};
constexpr std::array<std::string_view, 6> verbs = {"said",   "added",  "told reporters",
                                                   "warned", "argued", "noted"};
constexpr std::array<std::string_view, 10> clauses = {
    "the budget will be balanced by next spring",
    "talks with the unions resumed on Tuesday after a two-week pause",
    "nobody expected the vote to be this close",
    "the bridge will stay closed until the inspection is finished",
    "prices rose 3.2% in the year to March, the fastest pace since 2008",
    "it's far too early to say what the council will decide",
    "the company's plan was never put to shareholders",
    "Z\u00FCrich and M\u00FCnchen signed the agreement in the caf\u00E9",
    "we are not going to back down on this",
    "the report's findings were shared with the committee"};

/// One paragraph of news-like text: a direct quote, an interrupted quote,
/// reported speech, a partial quote or plain narration.
void paragraph(rng &r, std::string &out) {
  switch (r.next() % 6) {
  case 0:
    out += "\u201C";
    out += r.pick(clauses);
    out += ",\u201D ";
    out += r.pick(names);
    out += " ";
    out += r.pick(verbs);
    out += ".";
    break;
  case 1:
    out += "\"It's clear that ";
    out += r.pick(clauses);
    out += ",\" ";
    out += r.pick(names);
    out += " said. \"And ";
    out += r.pick(clauses);
    out += ".\"";
    break;
  case 2:
    out += "The head of the ";
    out += r.next() % 2 != 0 ? "Foreign Office" : "European Commission";
    out += " ";
    out += r.pick(verbs);
    out += " that ";
    out += r.pick(clauses);
    out += ".";
    break;
  case 3:
    out += "Critics called the plan \u201Ca costly mistake\u201D and said ";
    out += r.pick(clauses);
    out += ".";
    break;
  case 4:
    out += "According to officials, ";
    out += r.pick(clauses);
    out += ". Mr. Smith, 54, declined to comment.";
    break;
  default:
    out += "On Monday ";
    out += r.pick(clauses);
    out += ", and the U.S. delegation left for Brussels.";
    break;
  }
  out += "\n";
}

/// Generated text of at least `bytes` bytes (cached per size).
const std::string &news_text(std::size_t bytes) {
  static std::map<std::size_t, std::string> cache;
  auto [it, fresh] = cache.try_emplace(bytes);
  if (fresh) {
    rng r;
    it->second.reserve(bytes + 512);
    while (it->second.size() < bytes) {
      paragraph(r, it->second);
    }
  }
  return it->second;
}

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
