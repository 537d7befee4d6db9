#include <quotecheck/db/maintenance.hpp>
#include <quotecheck/db/schema.hpp>
#include <quotecheck/db/speakers.hpp>

#include "sql.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace quotecheck::db {
namespace {

result<std::int64_t> count(const store &s, const char *sql) {
  detail::query q(s, sql);
  if (!q.step())
    return q.err().code != error_code::ok ? q.err() : error{error_code::db_error, "no count", 0};
  return q.integer(0);
}

void put(nlohmann::json &j, const char *key, const std::string &v) {
  if (!v.empty())
    j[key] = v;
}

} // namespace

result<store_stats> stats(const store &s) {
  store_stats st;
  auto v = schema_version(s);
  if (!v.ok())
    return v.err();
  st.schema_version = v.value();
  struct {
    std::int64_t *dst;
    const char *sql;
  } counts[] = {{&st.speakers, "SELECT count(*) FROM speakers"},
                {&st.aliases, "SELECT count(*) FROM aliases"},
                {&st.roles, "SELECT count(*) FROM roles"},
                {&st.statements, "SELECT count(*) FROM statements"},
                {&st.sightings, "SELECT count(*) FROM quotes_seen"}};
  for (auto &c : counts) {
    auto n = count(s, c.sql);
    if (!n.ok())
      return n.err();
    *c.dst = n.value();
  }
  detail::query q(s, "SELECT coalesce(min(date), ''), coalesce(max(date), '') FROM statements");
  if (q.step()) {
    st.first_date = q.text(0);
    st.last_date = q.text(1);
  }
  if (q.err().code != error_code::ok)
    return q.err();
  return st;
}

result<void> optimize_index(store &s) {
  if (s.mode() != open_mode::read_write)
    return error{error_code::usage, s.path() + ": opened read-only; cannot optimize", 0};
  detail::transaction tx(s);
  if (!tx.ok())
    return tx.err();
  if (auto r = detail::exec(s.handle(), "INSERT INTO statements_fts(statements_fts) VALUES ('optimize')");
      !r.ok())
    return r.err();
  return tx.commit();
}

result<std::size_t> export_jsonl(const store &s, std::ostream &out) {
  std::size_t lines = 0;
  std::vector<std::int64_t> ids;
  {
    detail::query q(s, "SELECT id FROM speakers WHERE id IN (SELECT speaker_id FROM aliases UNION "
                       "SELECT speaker_id FROM roles) ORDER BY id");
    while (q.step())
      ids.push_back(q.integer(0));
    if (q.err().code != error_code::ok)
      return q.err();
  }
  for (auto id : ids) {
    auto sp = speaker_by_id(s, id);
    if (!sp.ok())
      return sp.err();
    auto roles = roles_of(s, id);
    if (!roles.ok())
      return roles.err();
    nlohmann::json j;
    j["speaker"] = sp.value().name;
    if (!sp.value().aliases.empty())
      j["aliases"] = sp.value().aliases;
    if (!roles.value().empty()) {
      auto &arr = j["roles"] = nlohmann::json::array();
      for (const auto &r : roles.value()) {
        nlohmann::json o{{"role", r.role}};
        put(o, "from", r.from);
        put(o, "to", r.to);
        arr.push_back(std::move(o));
      }
    }
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    ++lines;
  }
  detail::query q(s, "SELECT s.id, sp.name, s.text, coalesce(s.date, ''), coalesce(s.source, ''), "
                     "coalesce(s.url, ''), coalesce(s.medium, '') FROM statements s "
                     "JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.id");
  while (q.step()) {
    nlohmann::json j;
    j["id"] = q.integer(0);
    j["speaker"] = q.text(1);
    j["text"] = q.text(2);
    put(j, "date", q.text(3));
    put(j, "source", q.text(4));
    put(j, "url", q.text(5));
    put(j, "medium", q.text(6));
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    ++lines;
  }
  if (q.err().code != error_code::ok)
    return q.err();
  if (!out)
    return error{error_code::io_error, "write error", 0};
  return lines;
}

} // namespace quotecheck::db
