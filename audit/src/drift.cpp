#include "drift.hpp"

#include "report_data.hpp"
#include "sql_rows.hpp"

#include <quotecheck/db/normalize.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace quotecheck::audit::detail {

namespace {

/// The words first[from, to) joined by spaces.
std::string join_words(const std::vector<db::word> &first, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t i = from; i < to && i < first.size(); ++i) {
    s += (s.empty() ? "" : " ") + first[i].text;
  }
  return s;
}

/// A wording against the first appearance, end to end: the word alignment
/// finds the passage of the first wording this one covers, and the first's
/// words before and after that passage count as dropped (a later wording that
/// quotes less of the first shows what it left out).
std::vector<db::diff_op> drift_diff(const std::string &text, const std::vector<db::word> &first) {
  db::alignment a = db::align(db::tokenize_quote(text), first);
  std::vector<db::diff_op> ops;
  if (a.matched == 0) {
    // Nothing in common: all of the first dropped, all of this one added.
    if (!first.empty()) {
      ops.push_back({db::diff_op::kind::remove, join_words(first, 0, first.size())});
    }
    ops.push_back({db::diff_op::kind::insert, text});
    return ops;
  }
  if (a.cover_begin > 0) {
    ops.push_back({db::diff_op::kind::remove, join_words(first, 0, a.cover_begin)});
  }
  ops.insert(ops.end(), a.diff.begin(), a.diff.end());
  if (a.cover_end < first.size()) {
    ops.push_back({db::diff_op::kind::remove, join_words(first, a.cover_end, first.size())});
  }
  return ops;
}

/// Groups the date-ordered sightings into distinct wordings and diffs each
/// against the first appearance.
std::vector<wording> wordings_of(const std::vector<quote_row> &shown) {
  std::vector<wording> out;
  std::vector<std::string> keys;
  for (const quote_row &r : shown) {
    std::string key = db::normalize(r.text);
    auto it = std::find(keys.begin(), keys.end(), key);
    if (it == keys.end()) {
      keys.push_back(std::move(key));
      wording w;
      w.text = r.text;
      w.first_date = r.date;
      out.push_back(std::move(w));
      it = keys.end() - 1;
    }
    wording &w = out[static_cast<std::size_t>(it - keys.begin())];
    ++w.sightings;
    if (!r.outlet.empty() && std::find(w.outlets.begin(), w.outlets.end(), r.outlet) == w.outlets.end()) {
      w.outlets.push_back(r.outlet);
    }
  }
  if (!out.empty()) {
    out.front().same_as_first = true;
    const std::vector<db::word> first_words = db::split_words(out.front().text);
    for (std::size_t i = 1; i < out.size(); ++i) {
      out[i].diff = drift_diff(out[i].text, first_words);
    }
  }
  return out;
}

} // namespace

std::vector<repeated_quotation> describe_repeated(const std::vector<group_total> &groups,
                                                  std::int64_t limit) {
  std::vector<repeated_quotation> out;
  for (const group_total &t : groups) {
    if (std::cmp_greater_equal(out.size(), limit)) {
      break;
    }
    repeated_quotation g;
    g.group_key = t.group_key;
    g.documents = t.documents;
    g.sightings = t.sightings;
    g.outlets = t.outlets;
    g.shown = t.shown;
    if (!g.shown.empty()) {
      g.first = g.shown.front();
    }
    g.wordings = wordings_of(g.shown);
    out.push_back(std::move(g));
  }
  return out;
}

result<void> load_sightings(sqlite3 *db, std::vector<group_total> &groups, std::int64_t sightings_limit) {
  if (groups.empty()) {
    return {};
  }
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    index.emplace(groups[i].group_key, i);
  }
  // Numbered by date within their group (undated sightings last), cut at
  // sightings_limit per group. The keys are bound, one placeholder each.
  std::string keys;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    keys += (i == 0 ? "?" : ", ?") + std::to_string(i + 2);
  }
  sql_rows q(db, std::string("WITH ranked AS (SELECT ") + quote_columns +
                     ", ROW_NUMBER() OVER (PARTITION BY group_key ORDER BY (date IS NULL OR date = ''), "
                     "date, seq, line, col) AS rn FROM quotes WHERE group_key IN (" +
                     keys + ")) SELECT " + quote_columns +
                     " FROM ranked WHERE rn <= ?1 ORDER BY group_key, rn");
  q.bind(1, sightings_limit);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    q.bind(static_cast<int>(i + 2), groups[i].group_key);
  }
  while (q.step()) {
    quote_row r = read_quote_row(q);
    const auto it = index.find(r.group_key);
    if (it != index.end()) {
      groups[it->second].shown.push_back(std::move(r));
    }
  }
  if (!q.ok()) {
    return q.err();
  }
  return {};
}

} // namespace quotecheck::audit::detail
