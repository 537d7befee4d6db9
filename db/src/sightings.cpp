#include <quotecheck/db/normalize.hpp>
#include <quotecheck/db/sightings.hpp>

#include "sql.hpp"

namespace quotecheck::db {
namespace {

constexpr const char *k_columns =
    "SELECT id, quote_text, coalesce(speaker, ''), statement_id, coalesce(rule, ''), coalesce(article_id, "
    "''), "
    "coalesce(article_url, ''), coalesce(outlet, ''), coalesce(article_date, ''), normalized, "
    "coalesce(first_seen_id, id) FROM quotes_seen ";
constexpr const char *k_order = " ORDER BY article_date IS NULL, article_date, id";

result<std::vector<sighting_record>> read(detail::query &q) {
  std::vector<sighting_record> out;
  while (q.step()) {
    sighting_record r;
    r.id = q.integer(0);
    r.seen.quote_text = q.text(1);
    r.seen.speaker = q.text(2);
    if (!q.is_null(3))
      r.seen.statement_id = q.integer(3);
    r.seen.rule = q.text(4);
    r.seen.article_id = q.text(5);
    r.seen.article_url = q.text(6);
    r.seen.outlet = q.text(7);
    r.seen.article_date = q.text(8);
    r.normalized = q.text(9);
    r.first_seen_id = q.integer(10);
    out.push_back(std::move(r));
  }
  if (q.err().code != error_code::ok)
    return q.err();
  for (auto &r : out) {
    for (const auto &f : out)
      if (f.id == r.first_seen_id)
        r.variant = f.normalized != r.normalized;
  }
  return out;
}

result<std::vector<sighting_record>> group_of(const store &s, const std::optional<std::int64_t> &statement_id,
                                              const std::string &normalized) {
  if (statement_id) {
    static const std::string sql = std::string(k_columns) + "WHERE statement_id = ?1" + k_order;
    detail::query q(s, sql);
    q.bind(1, *statement_id);
    return read(q);
  }
  static const std::string sql =
      std::string(k_columns) + "WHERE statement_id IS NULL AND normalized = ?1" + k_order;
  detail::query q(s, sql);
  q.bind(1, normalized);
  return read(q);
}

} // namespace

result<sighting_record> record_sighting(store &s, const sighting &seen) {
  std::string normalized = normalize(seen.quote_text);
  if (auto r = detail::exec(s.handle(), "SAVEPOINT record_sighting"); !r.ok())
    return r.err();
  auto fail = [&](error e) -> result<sighting_record> {
    detail::exec(s.handle(), "ROLLBACK TO record_sighting; RELEASE record_sighting");
    return e;
  };
  std::int64_t id = 0;
  {
    detail::query q(
        s, "INSERT INTO quotes_seen(quote_text, normalized, speaker, statement_id, rule, article_id, "
           "article_url, outlet, article_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    q.bind(1, seen.quote_text).bind(2, normalized).bind_opt(3, seen.speaker);
    if (seen.statement_id)
      q.bind(4, *seen.statement_id);
    q.bind_opt(5, seen.rule)
        .bind_opt(6, seen.article_id)
        .bind_opt(7, seen.article_url)
        .bind_opt(8, seen.outlet);
    q.bind_opt(9, seen.article_date);
    if (!q.run())
      return fail(q.err());
    id = sqlite3_last_insert_rowid(s.handle());
  }
  auto group = group_of(s, seen.statement_id, normalized);
  if (!group.ok())
    return fail(group.err());
  const std::int64_t first = group.value().front().id;
  {
    detail::query q(s,
                    "UPDATE quotes_seen SET first_seen_id = ?1 WHERE id IN (SELECT value FROM json_each(?2)) "
                    "AND coalesce(first_seen_id, 0) <> ?1");
    std::string ids = "[";
    for (const auto &r : group.value()) {
      if (ids.size() > 1)
        ids += ',';
      ids += std::to_string(r.id);
    }
    ids += "]";
    q.bind(1, first).bind(2, ids);
    if (!q.run())
      return fail(q.err());
  }
  if (auto r = detail::exec(s.handle(), "RELEASE record_sighting"); !r.ok())
    return r.err();
  for (auto &r : group.value()) {
    if (r.id == id) {
      r.first_seen_id = first;
      r.variant = r.normalized != group.value().front().normalized;
      return r;
    }
  }
  return error{error_code::db_error, "recorded sighting not found", 0};
}

result<std::vector<sighting_record>> sightings_of_statement(const store &s, std::int64_t statement_id) {
  return group_of(s, statement_id, {});
}

result<std::vector<sighting_record>> sightings_of_text(const store &s, std::string_view quote_text) {
  static const std::string sql = std::string(k_columns) + "WHERE normalized = ?1" + k_order;
  detail::query q(s, sql);
  q.bind(1, normalize(quote_text));
  return read(q);
}

} // namespace quotecheck::db
