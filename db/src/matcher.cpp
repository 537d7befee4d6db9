#include <quotecheck/db/matcher.hpp>
#include <quotecheck/db/speakers.hpp>

#include "lookup_memo.hpp"
#include "sql.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <unordered_set>

namespace quotecheck::db {
namespace {

std::string quoted_term(std::string_view key) {
  std::string t = "\"";
  for (char c : key) {
    if (c == '"')
      t += '"';
    t += c;
  }
  t += '"';
  return t;
}

std::string id_list_json(const std::vector<std::int64_t> &ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i != 0)
      out += ',';
    out += std::to_string(ids[i]);
  }
  out += ']';
  return out;
}

constexpr const char *k_select =
    "SELECT s.id, sp.name, s.text, coalesce(s.date, ''), coalesce(s.source, ''), "
    "coalesce(s.url, ''), coalesce(s.medium, ''), s.speaker_id, "
    "bm25(statements_fts) AS score "
    "FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid "
    "JOIN speakers sp ON sp.id = s.speaker_id "
    "WHERE statements_fts MATCH ?1 ";

} // namespace

std::vector<std::string> content_terms(const std::vector<quote_token> &quote) {
  std::vector<std::string> content, all;
  std::unordered_set<std::string_view> seen;
  seen.reserve(quote.size());
  for (const auto &t : quote) {
    if (t.type != quote_token::kind::word || t.key.empty() || !seen.insert(t.key).second)
      continue;
    all.push_back(t.text);
    if (!is_stopword(t.key))
      content.push_back(t.text);
  }
  return content.empty() ? all : content;
}

std::string fts_query(const std::vector<quote_token> &quote) {
  std::string q;
  for (const auto &t : content_terms(quote)) {
    if (!q.empty())
      q += " OR ";
    q += quoted_term(t);
  }
  return q;
}

namespace {

/// The quote's `max_terms` longest content words, longest first (longer
/// words are rarer: they identify a statement, and their posting lists are short).
std::vector<std::string> longest_terms(std::vector<std::string> terms, std::size_t max_terms) {
  std::stable_sort(terms.begin(), terms.end(),
                   [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
  if (terms.size() > max_terms)
    terms.resize(max_terms);
  return terms;
}

/// Every combination of `shared` of `terms` (1 <= shared <= terms.size()), ANDed; the combinations ORed.
std::string combination_query(const std::vector<std::string> &terms, std::size_t shared) {
  std::string out;
  std::vector<std::size_t> pick(shared);
  for (std::size_t i = 0; i < shared; ++i)
    pick[i] = i;
  while (true) {
    if (!out.empty())
      out += " OR ";
    if (shared > 1)
      out += '(';
    for (std::size_t i = 0; i < shared; ++i) {
      if (i != 0)
        out += " AND ";
      out += quoted_term(terms[pick[i]]);
    }
    if (shared > 1)
      out += ')';
    // Next combination in lexicographic order.
    std::size_t i = shared;
    while (i > 0 && pick[i - 1] == terms.size() - shared + (i - 1))
      --i;
    if (i == 0)
      break;
    ++pick[i - 1];
    for (std::size_t j = i; j < shared; ++j)
      pick[j] = pick[j - 1] + 1;
  }
  return out;
}

} // namespace

std::string candidate_query(const std::vector<quote_token> &quote, std::size_t shared,
                            std::size_t max_terms) {
  auto terms = longest_terms(content_terms(quote), max_terms);
  if (terms.empty())
    return {};
  return combination_query(terms, std::clamp<std::size_t>(shared, 1, terms.size()));
}

namespace {

/// One FTS probe: up to `limit` statements matching `fts`, by bm25.
result<std::vector<match>> probe(const store &s, const std::string &fts,
                                 const std::vector<std::int64_t> *speaker_ids, std::size_t limit) {
  std::vector<match> out;
  static const std::string plain = std::string(k_select) + "ORDER BY score LIMIT ?2";
  static const std::string filtered =
      std::string(k_select) + "AND s.speaker_id IN (SELECT value FROM json_each(?3)) ORDER BY score LIMIT ?2";
  detail::query q(s, speaker_ids == nullptr ? plain : filtered);
  q.bind(1, fts).bind(2, static_cast<std::int64_t>(limit));
  if (speaker_ids != nullptr)
    q.bind(3, id_list_json(*speaker_ids));
  while (q.step()) {
    match m;
    m.stmt = statement{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6)};
    m.speaker_id = q.integer(7);
    m.bm25 = q.real(8);
    out.push_back(std::move(m));
  }
  if (q.err().code != error_code::ok)
    return q.err();
  return out;
}

} // namespace

result<std::vector<match>> find_candidates(const store &s, const std::vector<quote_token> &quote,
                                           const std::vector<std::int64_t> *speaker_ids, std::size_t limit,
                                           const candidate_options &options) {
  std::vector<match> out;
  if (speaker_ids != nullptr && speaker_ids->empty())
    return out;
  auto content = content_terms(quote);
  // A quote with four or more content words that shares only one of them
  // with a statement cannot align well; skip the costly any-word probe.
  const std::size_t lowest = content.size() >= 4 ? 2 : 1;
  auto terms = longest_terms(std::move(content), options.max_terms);
  if (terms.empty())
    return out;
  // Only the words some statement holds: a combination with any other cannot
  // match, so leaving it out gives the same rows (bm25 scales by a constant).
  auto &memo = detail::lookup_memo_of(s);
  if (auto r = memo.refresh(s); !r.ok())
    return r.err();
  std::vector<std::string> present;
  for (const auto &t : terms) {
    auto has = memo.term_present(s, quoted_term(t));
    if (!has.ok())
      return has.err();
    if (has.value())
      present.push_back(t);
  }
  std::unordered_set<std::int64_t> seen;
  std::string last;
  for (std::size_t shared = std::max(options.shared_words, lowest); shared >= lowest; --shared) {
    const std::size_t k = std::clamp<std::size_t>(shared, 1, terms.size());
    if (present.size() < k)
      continue; // no statement shares k of the words
    std::string fts = combination_query(present, k);
    if (fts == last)
      continue;
    last = fts;
    auto r = probe(s, fts, speaker_ids, limit);
    if (!r.ok())
      return r.err();
    double best = -1;
    for (auto &m : r.value()) {
      if (!seen.insert(m.stmt.id).second)
        continue;
      m.align = align(quote, split_words(m.stmt.text));
      m.score = m.align.score;
      best = std::max(best, m.score);
      out.push_back(std::move(m));
    }
    // Stop at the first probe that found something good; otherwise ask for fewer shared words.
    if (best >= options.good_enough)
      break;
  }
  std::stable_sort(out.begin(), out.end(), [](const match &a, const match &b) {
    if (a.score != b.score)
      return a.score > b.score;
    return a.bm25 < b.bm25;
  });
  return out;
}

result<std::vector<match>> lookup(const store &s, std::string_view text, std::string_view speaker,
                                  std::size_t limit) {
  auto tokens = tokenize_quote(text);
  std::vector<std::int64_t> ids;
  if (!speaker.empty()) {
    auto r = resolve_speaker(s, speaker);
    if (!r.ok())
      return r.err();
    ids = std::move(r.value());
    if (ids.empty())
      return std::vector<match>{};
  }
  auto r = find_candidates(s, tokens, speaker.empty() ? nullptr : &ids, std::max<std::size_t>(limit * 2, 20));
  if (!r.ok())
    return r.err();
  auto &v = r.value();
  v.erase(std::remove_if(v.begin(), v.end(), [](const match &m) { return m.score <= 0; }), v.end());
  if (v.size() > limit)
    v.resize(limit);
  return std::move(v);
}

} // namespace quotecheck::db
