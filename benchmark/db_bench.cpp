/// Benchmarks for the statements database.
///
///   db_bench --generate N FILE        write N synthetic statements as import JSONL
///   db_bench --latency DB [QUERIES]   check_quote / lookup latency (p50, p99) on DB,
///                                     quotes drawn from DB's statements with a word changed
///   db_bench [benchmark flags]        Google Benchmark: normalise, align, lookup, check
///                                     (on $QUOTECHECK_BENCH_DB, else a 20,000-statement temp DB)
///
/// The synthetic text samples a Zipf-distributed vocabulary (common English
/// words first, then generated ones), so FTS posting lists have realistic skew.

#include <quotecheck/db/align.hpp>
#include <quotecheck/db/import.hpp>
#include <quotecheck/db/matcher.hpp>
#include <quotecheck/db/normalize.hpp>
#include <quotecheck/db/verdict.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace quotecheck;

const char *k_common[] = {
    "the",          "of",         "and",        "to",        "a",           "in",        "that",
    "is",           "we",         "it",         "for",       "will",        "on",        "be",
    "not",          "this",       "with",       "our",       "are",         "have",      "as",
    "they",         "but",        "by",         "at",        "from",        "all",       "people",
    "government",   "country",    "must",       "more",      "new",         "can",       "would",
    "there",        "their",      "what",       "about",     "so",          "up",        "one",
    "year",         "time",       "work",       "make",      "need",        "support",   "today",
    "want",         "security",   "economy",    "plan",      "jobs",        "peace",     "together",
    "future",       "minister",   "council",    "europe",    "partners",    "trade",     "energy",
    "prices",       "families",   "public",     "health",    "service",     "schools",   "police",
    "defence",      "budget",     "taxes",      "growth",    "investment",  "border",    "agreement",
    "talks",        "deal",       "war",        "ukraine",   "russia",      "sanctions", "allies",
    "climate",      "water",      "housing",    "rents",     "workers",     "union",     "strike",
    "farmers",      "fishing",    "harbour",    "ferry",     "roads",       "rail",      "airport",
    "hospital",     "doctors",    "nurses",     "patients",  "children",    "teachers",  "students",
    "universities", "science",    "technology", "data",      "privacy",     "law",       "courts",
    "justice",      "rights",     "freedom",    "democracy", "election",    "vote",      "parliament",
    "party",        "opposition", "reform",     "promise",   "commitment",  "strategy",  "challenge",
    "crisis",       "recovery",   "inflation",  "interest",  "rates",       "bank",      "market",
    "business",     "industry",   "factories",  "exports",   "imports",     "tariffs",   "customs",
    "migration",    "asylum",     "refugees",   "aid",       "development", "africa",    "asia",
    "america",      "china",      "india",      "never",     "always",      "again",     "every",
    "still",        "very",       "much",       "better",    "worse",       "stronger",  "safer",
    "fair",         "clear",      "serious",    "important", "vital",       "urgent",    "difficult",
    "simple",       "honest",     "right",      "wrong",     "good",        "bad",       "first",
    "last",         "next",       "long",       "short",     "high",        "low",       "local",
    "national",
};

/// A vocabulary: the common words, then pronounceable generated words.
std::vector<std::string> make_vocabulary(std::size_t n, std::mt19937_64 &rng) {
  std::vector<std::string> v(std::begin(k_common), std::end(k_common));
  const char *on[] = {"b", "c", "d", "f", "g",  "h",  "k",  "l",  "m",  "n",  "p", "r",
                      "s", "t", "v", "w", "br", "st", "tr", "pl", "gr", "ch", "sh"};
  const char *nu[] = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "io"};
  const char *co[] = {"", "n", "r", "s", "t", "l", "m", "nd", "st", "rt", "ng"};
  std::uniform_int_distribution<int> syl(2, 4);
  while (v.size() < n) {
    std::string w;
    int k = syl(rng);
    for (int i = 0; i < k; ++i) {
      w += on[rng() % std::size(on)];
      w += nu[rng() % std::size(nu)];
      if (i == k - 1)
        w += co[rng() % std::size(co)];
    }
    v.push_back(std::move(w));
  }
  return v;
}

/// Samples indices with probability proportional to 1 / (rank + 2.7) (Zipf–Mandelbrot).
class zipf {
public:
  explicit zipf(std::size_t n) : cdf_(n) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
      cdf_[i] = (sum += 1.0 / (static_cast<double>(i) + 2.7));
    for (auto &c : cdf_)
      c /= sum;
  }
  std::size_t operator()(std::mt19937_64 &rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
  }

private:
  std::vector<double> cdf_;
};

struct generator {
  std::mt19937_64 rng{20250318};
  std::vector<std::string> vocab = make_vocabulary(30000, rng);
  zipf pick{vocab.size()};

  std::string sentence(int min_words, int max_words) {
    int n = std::uniform_int_distribution<int>(min_words, max_words)(rng);
    std::string s;
    for (int i = 0; i < n; ++i) {
      std::string w = vocab[pick(rng)];
      if (i == 0)
        w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      if (!s.empty())
        s += (rng() % 9 == 0) ? ", " : " ";
      s += w;
    }
    return s + ".";
  }
  std::string speaker(std::size_t i) {
    return "Speaker " + vocab[200 + (i * 7919) % 20000] + " " + std::to_string(i);
  }
};

int generate(std::size_t n, const std::string &path) {
  generator g;
  std::ofstream out(path);
  if (!out) {
    std::cerr << "cannot write " << path << '\n';
    return 2;
  }
  const std::size_t speakers = std::max<std::size_t>(1, n / 500);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t sp = static_cast<std::size_t>(g.pick(g.rng)) % speakers;
    nlohmann::json j;
    j["speaker"] = g.speaker(sp);
    std::string text = g.sentence(10, 28);
    if (g.rng() % 3 == 0)
      text += " " + g.sentence(6, 20);
    j["text"] = text;
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2000 + static_cast<int>(g.rng() % 26),
                  1 + static_cast<int>(g.rng() % 12), 1 + static_cast<int>(g.rng() % 28));
    j["date"] = date;
    j["source"] = "Synthetic source " + std::to_string(g.rng() % 1000);
    j["url"] = "https://example.org/s/" + std::to_string(i);
    if (i % 97 == 0)
      j["aliases"] = {"Alias" + std::to_string(sp)};
    out << j.dump() << '\n';
  }
  return out ? 0 : 2;
}

/// Quotes drawn from stored statements: a window of 8–20 words with one word replaced.
struct probe {
  std::string speaker;
  std::string quote;
};

std::vector<probe> make_probes(const std::string &db_path, std::size_t count) {
  std::vector<probe> out;
  sqlite3 *db = nullptr;
  std::string uri = "file:" + db_path + "?mode=ro";
  if (sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) != SQLITE_OK)
    return out;
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(db, "SELECT max(id) FROM statements", -1, &st, nullptr);
  std::int64_t max_id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db,
                     "SELECT sp.name, s.text FROM statements s JOIN speakers sp ON sp.id = s.speaker_id "
                     "WHERE s.id = ?1",
                     -1, &st, nullptr);
  generator g;
  g.rng.seed(7);
  while (out.size() < count && max_id > 0) {
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, 1 + static_cast<std::int64_t>(g.rng() % static_cast<std::uint64_t>(max_id)));
    if (sqlite3_step(st) != SQLITE_ROW)
      continue;
    std::string speaker = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
    auto words = db::split_words(reinterpret_cast<const char *>(sqlite3_column_text(st, 1)));
    if (words.size() < 10)
      continue;
    std::size_t len = std::min<std::size_t>(words.size(), 8 + g.rng() % 13);
    std::size_t start = g.rng() % (words.size() - len + 1);
    std::size_t change = start + g.rng() % len;
    std::string q;
    for (std::size_t i = start; i < start + len; ++i) {
      if (!q.empty())
        q += ' ';
      q += i == change ? g.vocab[g.pick(g.rng)] : words[i].text;
    }
    out.push_back(probe{speaker, q});
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty())
    return 0;
  std::sort(v.begin(), v.end());
  auto idx = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
  return v[std::min(idx, v.size() - 1)];
}

int latency(const std::string &db_path, std::size_t count) {
  auto probes = make_probes(db_path, count);
  auto s = db::store::open(db_path, db::open_mode::immutable);
  if (!s.ok() || probes.empty()) {
    std::cerr << "cannot open " << db_path << (s.ok() ? "" : ": " + s.err().message) << '\n';
    return 2;
  }
  std::vector<double> check_ms, lookup_ms;
  std::size_t found = 0, altered = 0;
  for (const auto &p : probes) {
    db::quote_query q;
    q.text = p.quote;
    q.speaker = p.speaker;
    auto t0 = std::chrono::steady_clock::now();
    auto v = db::check_quote(s.value(), q);
    auto t1 = std::chrono::steady_clock::now();
    auto m = db::lookup(s.value(), p.quote, {}, 10);
    auto t2 = std::chrono::steady_clock::now();
    check_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    lookup_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    if (v.ok() && v.value().rule != "quote.unverified")
      ++found;
    if (v.ok() && v.value().rule == "quote.altered")
      ++altered;
  }
  auto mean = [](const std::vector<double> &v) {
    double s = 0;
    for (double x : v)
      s += x;
    return v.empty() ? 0 : s / static_cast<double>(v.size());
  };
  std::printf("queries: %zu (quotes of 8-20 words drawn from the statements, one word changed)\n",
              probes.size());
  std::printf("check_quote (speaker given): p50 %.2f ms  p99 %.2f ms  mean %.2f ms\n",
              percentile(check_ms, 0.5), percentile(check_ms, 0.99), mean(check_ms));
  std::printf("lookup (no speaker, limit 10): p50 %.2f ms  p99 %.2f ms  mean %.2f ms\n",
              percentile(lookup_ms, 0.5), percentile(lookup_ms, 0.99), mean(lookup_ms));
  std::printf("found the source statement: %zu/%zu (%zu judged quote.altered)\n", found, probes.size(),
              altered);
  return 0;
}

// ---- Google Benchmark micro-benchmarks ----

const std::string k_statement =
    "Britain will stand with Ukraine for as long as it takes, and we will keep up the "
    "pressure on the Kremlin until there is a just and lasting peace.";
const std::string k_quote = "we will keep up the pressure on Moscow until there is a just and lasting peace";

void BM_normalize(benchmark::State &state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(db::split_words(k_statement));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * k_statement.size()));
}
BENCHMARK(BM_normalize);

void BM_align(benchmark::State &state) {
  auto q = db::tokenize_quote(k_quote);
  auto s = db::split_words(k_statement);
  for (auto _ : state)
    benchmark::DoNotOptimize(db::align(q, s));
}
BENCHMARK(BM_align);

struct bench_db {
  std::string path;
  std::vector<probe> probes;
  std::optional<db::store> store;
  bench_db() {
    if (const char *env = std::getenv("QUOTECHECK_BENCH_DB"); env != nullptr && *env != '\0') {
      path = env;
    } else {
      auto dir = std::filesystem::temp_directory_path() / "quotecheck-db-bench";
      std::filesystem::create_directories(dir);
      path = (dir / "bench.db").string();
      if (!std::filesystem::exists(path)) {
        auto jsonl = (dir / "bench.jsonl").string();
        generate(20000, jsonl);
        auto s = db::store::open(path);
        if (s.ok())
          (void)db::import_file(s.value(), jsonl);
      }
    }
    probes = make_probes(path, 200);
    auto s = db::store::open(path, db::open_mode::read_only);
    if (s.ok())
      store.emplace(std::move(s.value()));
  }
};

bench_db &shared_db() {
  static bench_db b;
  return b;
}

void BM_lookup(benchmark::State &state) {
  auto &b = shared_db();
  if (!b.store || b.probes.empty()) {
    state.SkipWithError("no benchmark database");
    return;
  }
  std::size_t i = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(db::lookup(*b.store, b.probes[i++ % b.probes.size()].quote, {}, 10));
}
BENCHMARK(BM_lookup)->Unit(benchmark::kMillisecond);

void BM_check_quote(benchmark::State &state) {
  auto &b = shared_db();
  if (!b.store || b.probes.empty()) {
    state.SkipWithError("no benchmark database");
    return;
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const auto &p = b.probes[i++ % b.probes.size()];
    db::quote_query q;
    q.text = p.quote;
    q.speaker = p.speaker;
    benchmark::DoNotOptimize(db::check_quote(*b.store, q));
  }
}
BENCHMARK(BM_check_quote)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv) {
  if (argc >= 4 && std::strcmp(argv[1], "--generate") == 0)
    return generate(static_cast<std::size_t>(std::stoull(argv[2])), argv[3]);
  if (argc >= 3 && std::strcmp(argv[1], "--latency") == 0)
    return latency(argv[2], argc >= 4 ? static_cast<std::size_t>(std::stoull(argv[3])) : 1000);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
