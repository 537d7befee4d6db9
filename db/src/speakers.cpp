#include <quotecheck/db/speakers.hpp>

#include "lookup_memo.hpp"
#include "sql.hpp"

#include <algorithm>

namespace quotecheck::db {
namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return std::string(s);
}

std::string last_word(std::string_view name) {
  auto t = trim(name);
  auto pos = t.find_last_of(' ');
  return pos == std::string::npos ? std::string() : t.substr(pos + 1);
}

} // namespace

result<std::vector<std::int64_t>> resolve_speaker(const store &s, std::string_view name,
                                                  const std::vector<std::string> &aliases) {
  std::vector<std::string> keys;
  auto add = [&](std::string k) {
    k = trim(k);
    if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end())
      keys.push_back(std::move(k));
  };
  add(std::string(name));
  for (const auto &a : aliases)
    add(a);
  // Each quote of an article by the same person asks again: remember.
  auto &memo = detail::lookup_memo_of(s);
  if (auto r = memo.refresh(s); !r.ok())
    return r.err();
  std::string memo_key(name);
  for (const auto &k : keys) {
    memo_key += '\x1f';
    memo_key += k;
  }
  if (const auto *known = memo.speakers(memo_key))
    return *known;
  std::vector<std::int64_t> ids;
  for (const auto &k : keys) {
    // UNION ALL: duplicates go below, without UNION's temporary table per query.
    detail::query q(s, "SELECT id FROM speakers WHERE name = ?1 "
                       "UNION ALL SELECT speaker_id FROM aliases WHERE alias = ?1");
    q.bind(1, k);
    while (q.step())
      ids.push_back(q.integer(0));
    if (q.err().code != error_code::ok)
      return q.err();
  }
  // Surname fallback, only when the full names found nobody.
  if (ids.empty()) {
    std::string last = last_word(name);
    if (!last.empty()) {
      detail::query q(s, "SELECT speaker_id FROM aliases WHERE alias = ?1");
      q.bind(1, last);
      while (q.step())
        ids.push_back(q.integer(0));
      if (q.err().code != error_code::ok)
        return q.err();
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  memo.remember_speakers(std::move(memo_key), ids);
  return ids;
}

result<speaker_record> speaker_by_id(const store &s, std::int64_t id) {
  speaker_record r;
  {
    detail::query q(s, "SELECT id, name FROM speakers WHERE id = ?1");
    q.bind(1, id);
    if (!q.step())
      return q.err().code != error_code::ok
                 ? q.err()
                 : error{error_code::usage, "no speaker with id " + std::to_string(id), 0};
    r.id = q.integer(0);
    r.name = q.text(1);
  }
  detail::query q(s, "SELECT alias FROM aliases WHERE speaker_id = ?1 ORDER BY alias");
  q.bind(1, id);
  while (q.step())
    r.aliases.push_back(q.text(0));
  if (q.err().code != error_code::ok)
    return q.err();
  return r;
}

result<std::vector<role_input>> roles_of(const store &s, std::int64_t speaker_id) {
  detail::query q(s, "SELECT role, coalesce(date_from, ''), coalesce(date_to, '') FROM roles "
                     "WHERE speaker_id = ?1 ORDER BY coalesce(date_from, ''), role");
  q.bind(1, speaker_id);
  std::vector<role_input> out;
  while (q.step())
    out.push_back(role_input{q.text(0), q.text(1), q.text(2)});
  if (q.err().code != error_code::ok)
    return q.err();
  return out;
}

bool date_after(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty())
    return false;
  std::size_t k = std::min(a.size(), b.size());
  return a.substr(0, k) > b.substr(0, k);
}

bool date_within(std::string_view date, std::string_view from, std::string_view to) {
  if (date.empty())
    return true;
  if (!from.empty() && date_after(from, date))
    return false;
  if (!to.empty() && date_after(date, to))
    return false;
  return true;
}

} // namespace quotecheck::db
