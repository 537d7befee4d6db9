/// The verdict rules for direct quotations and the role check. Reported
/// speech is handled in paraphrase_check.cpp.

#include <quotecheck/db/matcher.hpp>
#include <quotecheck/db/paraphrase.hpp>
#include <quotecheck/db/speakers.hpp>
#include <quotecheck/db/verdict.hpp>

#include "verdict_internal.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace quotecheck::db {

using parser::severity;

std::string_view to_string(severity level) {
  switch (level) {
  case severity::note: return "note";
  case severity::warning: return "warning";
  case severity::error: return "error";
  }
  return "note";
}

severity default_severity(std::string_view rule) {
  if (rule == rules::verified || rule == rules::fragment || rule == rules::paraphrase_consistent)
    return severity::note;
  if (rule == rules::altered || rule == rules::misattributed || rule == rules::anachronism ||
      rule == rules::paraphrase_contradicts)
    return severity::error;
  return severity::warning;
}

namespace detail {

std::string describe(const statement &st) {
  std::string d = st.speaker;
  if (!st.date.empty())
    d += ", " + st.date;
  if (!st.source.empty())
    d += " (" + st.source + ")";
  return d;
}

verdict make(std::string_view rule, const match *m, std::string message) {
  verdict v;
  v.rule = std::string(rule);
  v.level = default_severity(rule);
  v.message = std::move(message);
  if (m != nullptr) {
    v.score = m->score;
    v.evidence = m->stmt;
  }
  return v;
}

bool in(const std::vector<std::int64_t> &ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

} // namespace detail

namespace {

using detail::describe;
using detail::make;

std::string fmt_score(double s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

std::string plural(std::size_t n, const char *what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

/// The best match at or above the threshold, preferring a statement not
/// dated after the article among equally good ones. nullptr when none.
const match *best_of(const std::vector<match> &ms, double threshold, const std::string &article_date) {
  const match *best = nullptr;
  for (const auto &m : ms) {
    if (m.score < threshold)
      continue;
    if (best == nullptr || m.score > best->score + 1e-9) {
      best = &m;
      continue;
    }
    if (m.score >= best->score - 1e-9) {
      bool best_late = date_after(best->stmt.date, article_date);
      bool m_late = date_after(m.stmt.date, article_date);
      if (best_late && !m_late)
        best = &m;
      else if (best_late == m_late && m.align.whole() && !best->align.whole())
        best = &m;
    }
  }
  return best;
}

verdict classify_same(const match &m, const quote_query &q, bool speaker_known) {
  const auto &st = m.stmt;
  if (date_after(st.date, q.article_date)) {
    auto v = make(rules::anachronism, &m,
                  "the matching statement (" + describe(st) + ") is dated after the article (" +
                      q.article_date + ")");
    v.diff = m.align.diff;
    return v;
  }
  std::string who = speaker_known ? "" : " (recorded speaker: " + st.speaker + ")";
  verdict v;
  if (m.align.exact() && m.align.whole()) {
    v = make(rules::verified, &m, "matches " + describe(st) + who);
  } else if (m.align.exact()) {
    v = make(rules::fragment, &m,
             "an exact part of a longer statement: " + describe(st) + ", words " +
                 std::to_string(m.align.cover_begin + 1) + "-" + std::to_string(m.align.cover_end) + " of " +
                 std::to_string(m.align.statement_words) + who);
  } else {
    v = make(rules::altered, &m,
             "differs from " + describe(st) + who + ": " + plural(m.align.removed, "word") +
                 " of the statement " + "missing, " + plural(m.align.inserted, "word") +
                 " not in it (similarity " + fmt_score(m.score) + ")");
  }
  v.diff = m.align.diff;
  return v;
}

result<verdict> check_direct(const store &s, const quote_query &q, const std::vector<quote_token> &tokens,
                             const std::vector<std::int64_t> &ids, const check_options &o) {
  const bool speaker_known = !q.speaker.empty();
  candidate_options probes;
  probes.good_enough = o.altered_threshold;
  // The global probe first: when its best candidate is the speaker's own and
  // aligns well, the speaker-only probe cannot do better and is skipped.
  auto all = find_candidates(s, tokens, nullptr, o.candidates, probes);
  if (!all.ok())
    return all.err();
  std::vector<match> same, other;
  const auto &global = all.value();
  const bool settled = !global.empty() && detail::in(ids, global.front().speaker_id) &&
                       global.front().score >= o.altered_threshold &&
                       !date_after(global.front().stmt.date, q.article_date);
  if (!ids.empty() && !settled) {
    auto r = find_candidates(s, tokens, &ids, o.candidates, probes);
    if (!r.ok())
      return r.err();
    same = std::move(r.value());
  }
  for (auto &m : all.value()) {
    if (!speaker_known || (settled && detail::in(ids, m.speaker_id)))
      same.push_back(std::move(m));
    else if (!detail::in(ids, m.speaker_id))
      other.push_back(std::move(m));
  }
  if (!speaker_known)
    std::stable_sort(same.begin(), same.end(),
                     [](const match &a, const match &b) { return a.score > b.score; });

  const match *bs = best_of(same, o.altered_threshold, q.article_date);
  const match *bo = best_of(other, o.altered_threshold, q.article_date);
  // Someone else said these exact words while the named speaker said only
  // something loosely similar: the attribution is the problem.
  const bool other_verbatim =
      bo != nullptr && bo->align.exact() && (bs == nullptr || bs->score < bo->score - 0.25);
  if (bs != nullptr && !other_verbatim)
    return classify_same(*bs, q, speaker_known);
  if (bo != nullptr) {
    if (date_after(bo->stmt.date, q.article_date) && bs == nullptr) {
      auto v = make(rules::anachronism, bo,
                    "the closest statement (" + describe(bo->stmt) +
                        ") is by someone else and dated after the article (" + q.article_date + ")");
      v.diff = bo->align.diff;
      return v;
    }
    std::string target = ids.empty() ? q.speaker + " (not in the database)" : q.speaker;
    auto v =
        make(rules::misattributed, bo,
             std::string(bo->align.exact() ? "these words are " : "these words are close to ") + "what " +
                 bo->stmt.speaker + " said" + (bo->stmt.date.empty() ? "" : " on " + bo->stmt.date) +
                 ", not " + target + (bo->align.exact() ? "" : " (similarity " + fmt_score(bo->score) + ")"));
    v.diff = bo->align.diff;
    return v;
  }
  const match *closest = nullptr;
  for (const auto *list : {&same, &other})
    for (const auto &m : *list)
      if (closest == nullptr || m.score > closest->score)
        closest = &m;
  std::string msg = speaker_known ? "no stored statement of " + q.speaker + " or anyone else matches"
                                  : "no stored statement matches";
  if (ids.empty() && speaker_known)
    msg += " (" + q.speaker + " is not in the database)";
  if (closest != nullptr && closest->score > 0)
    msg += "; closest: " + describe(closest->stmt) + ", similarity " + fmt_score(closest->score);
  return make(rules::unverified, nullptr, std::move(msg));
}

std::set<std::string> role_stems(std::string_view role) {
  std::set<std::string> out;
  for (const auto &w : split_words(role)) {
    if (is_stopword(w.key))
      continue;
    auto st = stem(w.key);
    if (st == "secretari")
      st = "minist";
    out.insert(st);
  }
  return out;
}

} // namespace

bool role_matches(std::string_view claimed, std::string_view recorded) {
  auto a = role_stems(claimed);
  auto b = role_stems(recorded);
  if (a.empty() || b.empty())
    return false;
  return std::includes(a.begin(), a.end(), b.begin(), b.end()) ||
         std::includes(b.begin(), b.end(), a.begin(), a.end());
}

result<verdict> check_quote(const store &s, const quote_query &q, const check_options &o) {
  auto tokens = tokenize_quote(q.text);
  bool any_word = std::any_of(tokens.begin(), tokens.end(),
                              [](const quote_token &t) { return t.type == quote_token::kind::word; });
  if (!any_word)
    return make(rules::unverified, nullptr, "the quotation has no words to check");
  std::vector<std::int64_t> ids;
  if (!q.speaker.empty()) {
    auto r = resolve_speaker(s, q.speaker, q.speaker_aliases);
    if (!r.ok())
      return r.err();
    ids = std::move(r.value());
  }
  if (q.reported)
    return detail::check_reported(s, q, tokens, ids, o);
  return check_direct(s, q, tokens, ids, o);
}

result<std::optional<verdict>> check_role(const store &s, const quote_query &q) {
  std::optional<verdict> none;
  if (q.role.empty() || q.speaker.empty())
    return none;
  auto ids = resolve_speaker(s, q.speaker, q.speaker_aliases);
  if (!ids.ok())
    return ids.err();
  if (ids.value().size() != 1)
    return none; // unknown or ambiguous speaker: the records cannot tell
  auto roles = roles_of(s, ids.value().front());
  if (!roles.ok())
    return roles.err();
  if (roles.value().empty())
    return none;
  std::vector<const role_input *> matching, held_then;
  for (const auto &r : roles.value()) {
    if (role_matches(q.role, r.role))
      matching.push_back(&r);
    if (!q.article_date.empty() && (!r.from.empty() || !r.to.empty()) &&
        date_within(q.article_date, r.from, r.to))
      held_then.push_back(&r);
  }
  auto range = [](const role_input &r) {
    return (r.from.empty() ? std::string("?") : r.from) + " to " +
           (r.to.empty() ? std::string("present") : r.to);
  };
  verdict v;
  v.rule = std::string(rules::role_mismatch);
  v.level = default_severity(rules::role_mismatch);
  if (matching.empty()) {
    if (held_then.empty())
      return none; // the records say nothing about that date
    std::string held;
    for (const auto *r : held_then)
      held += (held.empty() ? "" : ", ") + r->role;
    v.role = *held_then.front();
    v.message = "the article calls " + q.speaker + " \"" + q.role + "\"; on " + q.article_date +
                " the records have them as " + held;
    return std::optional<verdict>(std::move(v));
  }
  if (q.article_date.empty())
    return none;
  for (const auto *r : matching)
    if (date_within(q.article_date, r->from, r->to))
      return none;
  v.role = *matching.front();
  v.message = q.speaker + " held \"" + matching.front()->role + "\" from " + range(*matching.front()) +
              ", not on the article's date (" + q.article_date + ")";
  return std::optional<verdict>(std::move(v));
}

result<std::vector<verdict>> check_all(const store &s, const quote_query &q, const check_options &o) {
  std::vector<verdict> out;
  auto v = check_quote(s, q, o);
  if (!v.ok())
    return v.err();
  out.push_back(std::move(v.value()));
  auto r = check_role(s, q);
  if (!r.ok())
    return r.err();
  if (r.value())
    out.push_back(std::move(*r.value()));
  return out;
}

} // namespace quotecheck::db
