#include <quotecheck/db/normalize.hpp>
#include <quotecheck/db/paraphrase.hpp>

#include <libstemmer.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace quotecheck::db {
namespace {

struct stemmer_deleter {
  void operator()(sb_stemmer *s) const { sb_stemmer_delete(s); }
};

sb_stemmer *thread_stemmer() {
  thread_local std::unique_ptr<sb_stemmer, stemmer_deleter> s(sb_stemmer_new("english", nullptr));
  return s.get();
}

const std::unordered_map<std::string_view, long long> &number_words() {
  static const std::unordered_map<std::string_view, long long> m = {
      {"zero", 0},      {"one", 1},         {"two", 2},           {"three", 3},
      {"four", 4},      {"five", 5},        {"six", 6},           {"seven", 7},
      {"eight", 8},     {"nine", 9},        {"ten", 10},          {"eleven", 11},
      {"twelve", 12},   {"thirteen", 13},   {"fourteen", 14},     {"fifteen", 15},
      {"sixteen", 16},  {"seventeen", 17},  {"eighteen", 18},     {"nineteen", 19},
      {"twenty", 20},   {"thirty", 30},     {"forty", 40},        {"fifty", 50},
      {"sixty", 60},    {"seventy", 70},    {"eighty", 80},       {"ninety", 90},
      {"hundred", 100}, {"thousand", 1000}, {"million", 1000000}, {"billion", 1000000000},
      {"dozen", 12},    {"half", -2}};
  return m;
}

bool is_numeric(std::string_view key) {
  return !key.empty() &&
         std::all_of(key.begin(), key.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
         key.front() != '.';
}

/// Reads numbers: digit words, and number words combined ("two hundred",
/// "3 million"). Returns canonical decimal strings.
std::vector<std::string> numbers_of(const std::vector<word> &words, std::vector<bool> &is_number) {
  std::vector<std::string> out;
  is_number.assign(words.size(), false);
  const auto &nw = number_words();
  std::size_t i = 0;
  while (i < words.size()) {
    const auto &k = words[i].key;
    bool numeric = is_numeric(k);
    auto it = nw.find(k);
    if (!numeric && (it == nw.end() || it->second < 0)) {
      ++i;
      continue;
    }
    double value = numeric ? std::stod(k) : static_cast<double>(it->second);
    is_number[i] = true;
    std::size_t j = i + 1;
    // Multipliers and additive tails: "two hundred", "3 million", "twenty five".
    while (j < words.size()) {
      auto jt = nw.find(words[j].key);
      if (jt == nw.end() || jt->second < 0)
        break;
      long long v = jt->second;
      if (v >= 100)
        value *= static_cast<double>(v);
      else if (v < 10 && value >= 20 && static_cast<long long>(value) % 10 == 0)
        value += static_cast<double>(v);
      else
        break;
      is_number[j] = true;
      ++j;
    }
    char buf[64];
    if (value == static_cast<double>(static_cast<long long>(value)))
      std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(value));
    else
      std::snprintf(buf, sizeof buf, "%g", value);
    out.emplace_back(buf);
    i = j;
  }
  return out;
}

struct analysis {
  std::set<std::string> stems;    ///< content stems
  std::set<std::string> negated;  ///< content stems every occurrence of which is negated
  std::set<std::string> asserted; ///< content stems never negated
  std::vector<std::string> numbers;
};

analysis analyse(std::string_view text) {
  analysis a;
  auto words = split_words(text);
  std::vector<bool> number_flags;
  a.numbers = numbers_of(words, number_flags);
  std::map<std::string, std::pair<int, int>> polarity; // stem -> (asserted, negated) occurrences
  bool pending = false; // a negation waiting for the content word it applies to
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto &k = words[i].key;
    if (is_negation(k)) {
      pending = true;
      continue;
    }
    if (number_flags[i] || is_stopword(k))
      continue;
    auto st = stem(k);
    a.stems.insert(st);
    auto &p = polarity[st];
    (pending ? p.second : p.first) += 1;
    pending = false;
  }
  for (const auto &[st, p] : polarity) {
    if (p.first == 0)
      a.negated.insert(st);
    if (p.second == 0)
      a.asserted.insert(st);
  }
  return a;
}

/// analyse(text), remembered per thread for the last few hundred texts: an
/// article's reported speech is compared with each of the speaker's earlier
/// quotes, so the same quotes are analysed again and again.
std::shared_ptr<const analysis> analysed(std::string_view text) {
  constexpr std::size_t k_max_texts = 256;
  thread_local std::unordered_map<std::string, std::shared_ptr<const analysis>> memo;
  std::string key(text);
  if (auto it = memo.find(key); it != memo.end())
    return it->second;
  if (memo.size() >= k_max_texts)
    memo.clear();
  auto a = std::make_shared<const analysis>(analyse(text));
  memo.emplace(std::move(key), a);
  return a;
}

} // namespace

std::string stem(std::string_view key) {
  sb_stemmer *s = thread_stemmer();
  if (s == nullptr)
    return std::string(key);
  const sb_symbol *out =
      sb_stemmer_stem(s, reinterpret_cast<const sb_symbol *>(key.data()), static_cast<int>(key.size()));
  if (out == nullptr)
    return std::string(key);
  return std::string(reinterpret_cast<const char *>(out), static_cast<std::size_t>(sb_stemmer_length(s)));
}

paraphrase_comparison compare_paraphrase(std::string_view report, std::string_view statement) {
  paraphrase_comparison c;
  const auto report_analysis = analysed(report);
  const auto statement_analysis = analysed(statement);
  const analysis &r = *report_analysis;
  const analysis &s = *statement_analysis;
  for (const auto &st : r.stems) {
    if (s.stems.count(st) != 0)
      c.shared.push_back(st);
    else
      c.missing.push_back(st);
  }
  c.coverage =
      r.stems.empty() ? 0.0 : static_cast<double>(c.shared.size()) / static_cast<double>(r.stems.size());
  for (const auto &st : c.shared) {
    bool flipped = (r.negated.count(st) != 0 && s.asserted.count(st) != 0) ||
                   (r.asserted.count(st) != 0 && s.negated.count(st) != 0);
    if (flipped) {
      c.negation_conflict = true;
      c.negated_word = st;
      break;
    }
  }
  c.report_numbers = r.numbers;
  c.statement_numbers = s.numbers;
  for (const auto &n : r.numbers) {
    if (std::find(s.numbers.begin(), s.numbers.end(), n) == s.numbers.end()) {
      if (s.numbers.empty())
        c.number_unsupported = true;
      else
        c.number_conflict = true;
    }
  }
  return c;
}

} // namespace quotecheck::db
