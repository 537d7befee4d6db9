#include <quotecheck/db/matcher.hpp>
#include <quotecheck/db/speakers.hpp>

#include "sql.hpp"

#include <algorithm>
#include <unordered_set>

namespace quotecheck::db {
namespace {

constexpr std::size_t k_max_terms = 16;

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

constexpr const char *k_select = "SELECT s.id, sp.name, s.text, coalesce(s.date, ''), coalesce(s.source, ''), "
                                 "coalesce(s.url, ''), coalesce(s.medium, ''), s.speaker_id, "
                                 "bm25(statements_fts) AS score "
                                 "FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid "
                                 "JOIN speakers sp ON sp.id = s.speaker_id "
                                 "WHERE statements_fts MATCH ?1 ";

} // namespace

std::string fts_query(const std::vector<quote_token> &quote) {
  std::vector<std::string> content, all;
  std::unordered_set<std::string> seen;
  for (const auto &t : quote) {
    if (t.type != quote_token::kind::word || t.key.empty() || !seen.insert(t.key).second)
      continue;
    all.push_back(t.key);
    if (!is_stopword(t.key))
      content.push_back(t.key);
  }
  auto &terms = content.empty() ? all : content;
  if (terms.size() > k_max_terms) {
    // Longer words are rarer: keep the longest, in their original order.
    std::vector<std::string> by_len = terms;
    std::stable_sort(by_len.begin(), by_len.end(),
                     [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
    std::size_t cut = by_len[k_max_terms - 1].size();
    std::vector<std::string> kept;
    for (auto &t : terms)
      if (t.size() > cut || (t.size() == cut && kept.size() < k_max_terms))
        if (kept.size() < k_max_terms)
          kept.push_back(t);
    terms = std::move(kept);
  }
  std::string q;
  for (const auto &t : terms) {
    if (!q.empty())
      q += " OR ";
    q += quoted_term(t);
  }
  return q;
}

result<std::vector<match>> find_candidates(const store &s, const std::vector<quote_token> &quote,
                                           const std::vector<std::int64_t> *speaker_ids, std::size_t limit) {
  std::vector<match> out;
  std::string fts = fts_query(quote);
  if (fts.empty() || (speaker_ids != nullptr && speaker_ids->empty()))
    return out;
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
  for (auto &m : out) {
    m.align = align(quote, split_words(m.stmt.text));
    m.score = m.align.score;
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
