/// Reported speech against stored statements: meaning, not wording. The
/// candidates come from the same FTS probes as direct quotes (the index stems
/// with Porter, so "wants" finds "want"); each is then compared with Snowball
/// stems, negation and numbers.

#include <quotecheck/db/paraphrase.hpp>
#include <quotecheck/db/speakers.hpp>

#include "verdict_internal.hpp"

#include <cstdio>

namespace quotecheck::db::detail {
namespace {

struct scored {
  const match *m = nullptr;
  paraphrase_comparison c;
};

std::string pct(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", x * 100);
  return buf;
}

std::string join(const std::vector<std::string> &v) {
  std::string out;
  for (const auto &s : v)
    out += (out.empty() ? "" : ", ") + s;
  return out;
}

/// The candidate with the best coverage at or above `threshold`, preferring
/// one not dated after the article. Sets `late` when only later ones qualify.
scored best_of(const std::vector<match> &ms, std::string_view report, double threshold,
               const std::string &article_date, scored &late) {
  scored best;
  for (const auto &m : ms) {
    auto c = compare_paraphrase(report, m.stmt.text);
    if (c.coverage < threshold)
      continue;
    bool is_late = date_after(m.stmt.date, article_date);
    scored &slot = is_late ? late : best;
    if (slot.m == nullptr || c.coverage > slot.c.coverage + 1e-9)
      slot = scored{&m, std::move(c)};
  }
  return best;
}

} // namespace

verdict paraphrase_verdict(const paraphrase_comparison &c, const match &m, const std::string &who,
                           const check_options &o) {
  verdict v;
  if (c.negation_conflict) {
    v = make(rules::paraphrase_contradicts, &m,
             "the report reverses the statement (" + describe(m.stmt) + who + "): \"" + c.negated_word +
                 "\" is negated in one and asserted in the other");
  } else if (c.number_conflict) {
    v = make(rules::paraphrase_contradicts, &m,
             "the numbers disagree with " + describe(m.stmt) + who + ": report " + join(c.report_numbers) +
                 ", statement " + join(c.statement_numbers));
  } else if (c.coverage >= o.consistent_threshold && !c.number_unsupported) {
    v = make(rules::paraphrase_consistent, &m,
             "consistent with " + describe(m.stmt) + who + " (" + pct(c.coverage) + " of the content words)");
  } else {
    std::string why = c.number_unsupported ? "the statement gives no number for " + join(c.report_numbers)
                                           : "only " + pct(c.coverage) + " of the content words are in it";
    if (!c.missing.empty())
      why += "; not in the statement: " + join(c.missing);
    v = make(rules::paraphrase_divergent, &m, "diverges from " + describe(m.stmt) + who + ": " + why);
  }
  v.score = c.coverage;
  return v;
}

result<verdict> check_reported(const store &s, const quote_query &q, const std::vector<quote_token> &tokens,
                               const std::vector<std::int64_t> &ids, const check_options &o) {
  const bool speaker_known = !q.speaker.empty();
  // Reported speech shares fewer words with its source: probe for two shared
  // words, and take whatever comes back (wording does not decide here).
  candidate_options probes;
  probes.shared_words = 2;
  probes.good_enough = 0.0;
  std::vector<match> same, other;
  if (!ids.empty()) {
    auto r = find_candidates(s, tokens, &ids, o.candidates, probes);
    if (!r.ok())
      return r.err();
    same = std::move(r.value());
  }
  auto all = find_candidates(s, tokens, nullptr, o.candidates, probes);
  if (!all.ok())
    return all.err();
  for (auto &m : all.value()) {
    if (!speaker_known)
      same.push_back(std::move(m));
    else if (!in(ids, m.speaker_id))
      other.push_back(std::move(m));
  }

  scored late_same, late_other;
  scored bs = best_of(same, q.text, o.related_threshold, q.article_date, late_same);
  if (bs.m != nullptr) {
    return paraphrase_verdict(bs.c, *bs.m,
                              speaker_known ? "" : " (recorded speaker: " + bs.m->stmt.speaker + ")", o);
  }
  if (late_same.m != nullptr) {
    auto v = make(rules::anachronism, late_same.m,
                  "the matching statement (" + describe(late_same.m->stmt) +
                      ") is dated after the article (" + q.article_date + ")");
    v.score = late_same.c.coverage;
    return v;
  }
  if (speaker_known) {
    scored bo = best_of(other, q.text, o.consistent_threshold, q.article_date, late_other);
    if (bo.m != nullptr && !bo.c.negation_conflict && !bo.c.number_conflict) {
      auto v = make(rules::misattributed, bo.m,
                    "this is what " + bo.m->stmt.speaker + " said" +
                        (bo.m->stmt.date.empty() ? "" : " on " + bo.m->stmt.date) + ", not " + q.speaker +
                        " (" + pct(bo.c.coverage) + " of the content words)");
      v.score = bo.c.coverage;
      return v;
    }
  }
  std::string msg = "no stored statement";
  if (speaker_known)
    msg += " of " + q.speaker;
  msg += " says this";
  if (speaker_known && ids.empty())
    msg += " (" + q.speaker + " is not in the database)";
  return make(rules::unverified, nullptr, std::move(msg));
}

} // namespace quotecheck::db::detail

namespace quotecheck::db {

std::optional<verdict> check_against_earlier(std::string_view report, const statement &earlier,
                                             const check_options &options) {
  // Two things one person says in an article share some words anyway; only
  // a report that keeps half the quotation's content words restates it.
  constexpr double restates = 0.5;
  const paraphrase_comparison c = compare_paraphrase(report, earlier.text);
  if (c.coverage < restates) {
    return std::nullopt;
  }
  match m;
  m.stmt = earlier;
  return detail::paraphrase_verdict(c, m, "", options);
}

} // namespace quotecheck::db
