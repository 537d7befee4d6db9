#pragma once
// Generated news-like text for the benchmarks: direct, interrupted and
// partial quotes, reported speech, `according to`, abbreviations and some
// non-ASCII, from a fixed seed so that every run reads the same bytes.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace bench {

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
inline void paragraph(rng &r, std::string &out) {
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
inline const std::string &news_text(std::size_t bytes) {
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

} // namespace bench
