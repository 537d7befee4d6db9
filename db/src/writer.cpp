#include "writer.hpp"

#include "sql.hpp"

#include <algorithm>
#include <cctype>

namespace quotecheck::db::detail {
namespace {

std::int64_t text_hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL; // FNV-1a
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return static_cast<std::int64_t>(h);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size())
    return false;
  for (std::size_t i = pos; i < pos + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i])))
      return false;
  return true;
}

} // namespace

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size())
      return false;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
        return false;
    if (len == 2 && c < 0xC2)
      return false; // overlong
    i += len;
  }
  return true;
}

bool normalize_date(std::string &date) {
  if (date.empty())
    return true;
  // YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by 'T' or ' ' and a time.
  if (!digits(date, 0, 4))
    return false;
  std::size_t len = 4;
  if (date.size() > 4 && date[4] == '-') {
    if (!digits(date, 5, 2))
      return false;
    len = 7;
    if (date.size() > 7 && date[7] == '-') {
      if (!digits(date, 8, 2))
        return false;
      len = 10;
    }
  }
  if (date.size() > len && !(len == 10 && (date[10] == 'T' || date[10] == ' ')))
    return false;
  if (len >= 7) {
    int month = std::stoi(date.substr(5, 2));
    if (month < 1 || month > 12)
      return false;
  }
  if (len == 10) {
    int day = std::stoi(date.substr(8, 2));
    if (day < 1 || day > 31)
      return false;
  }
  date.resize(len);
  return true;
}

std::string validate(const statement_input &in) {
  auto blank = [](const std::string &s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
  };
  if (blank(in.speaker))
    return "missing \"speaker\"";
  if (blank(in.text) && in.aliases.empty() && in.roles.empty())
    return "missing \"text\"";
  for (const auto *f : {&in.speaker, &in.text, &in.date, &in.source, &in.url, &in.medium, &in.provenance})
    if (!valid_utf8(*f))
      return "invalid UTF-8";
  for (const auto &a : in.aliases)
    if (!valid_utf8(a))
      return "invalid UTF-8 in an alias";
  std::string d = in.date;
  if (!normalize_date(d))
    return "\"date\" is not an ISO 8601 date (YYYY-MM-DD): " + in.date;
  for (const auto &r : in.roles) {
    if (blank(r.role))
      return "a role without a name";
    if (!valid_utf8(r.role))
      return "invalid UTF-8 in a role";
    std::string f = r.from, t = r.to;
    if (!normalize_date(f) || !normalize_date(t))
      return "role dates must be ISO 8601 (YYYY-MM-DD): " + r.from + " / " + r.to;
    if (!f.empty() && !t.empty() && f > t)
      return "role \"" + r.role + "\" ends (" + t + ") before it starts (" + f + ")";
  }
  return {};
}

result<std::int64_t> writer::speaker_id(const std::string &name) {
  auto key = lower_ascii(name);
  if (auto it = speakers_.find(key); it != speakers_.end())
    return it->second;
  {
    query ins(s_, "INSERT INTO speakers(name) VALUES (?1) ON CONFLICT(name) DO NOTHING");
    ins.bind(1, name);
    if (!ins.run())
      return ins.err();
  }
  query sel(s_, "SELECT id FROM speakers WHERE name = ?1");
  sel.bind(1, name);
  if (!sel.step())
    return sel.err().code != error_code::ok ? sel.err() : sqlite_error(s_.handle(), "speaker vanished");
  auto id = sel.integer(0);
  speakers_.emplace(std::move(key), id);
  return id;
}

result<bool> writer::write(const statement_input &in_raw) {
  statement_input in = in_raw;
  auto trim = [](std::string &s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) {
      s.clear();
      return;
    }
    s = s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
  };
  trim(in.speaker);
  trim(in.text);
  normalize_date(in.date);
  auto id = speaker_id(in.speaker);
  if (!id.ok())
    return id.err();

  for (auto alias : in.aliases) {
    trim(alias);
    if (alias.empty())
      continue;
    std::string key = std::to_string(id.value()) + '\x1f' + lower_ascii(alias);
    if (!aliases_.insert(key).second)
      continue;
    query q(s_, "INSERT OR IGNORE INTO aliases(speaker_id, alias) VALUES (?1, ?2)");
    q.bind(1, id.value()).bind(2, alias);
    if (!q.run())
      return q.err();
  }
  for (auto r : in.roles) {
    trim(r.role);
    normalize_date(r.from);
    normalize_date(r.to);
    query q(s_, "INSERT OR IGNORE INTO roles(speaker_id, role, date_from, date_to) VALUES (?1, ?2, ?3, ?4)");
    q.bind(1, id.value()).bind(2, r.role).bind_opt(3, r.from).bind_opt(4, r.to);
    if (!q.run())
      return q.err();
  }
  if (in.text.empty())
    return false;
  query q(s_, "INSERT OR IGNORE INTO statements(speaker_id, text, date, source, url, medium, provenance, "
              "text_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  q.bind(1, id.value())
      .bind(2, in.text)
      .bind_opt(3, in.date)
      .bind_opt(4, in.source)
      .bind_opt(5, in.url)
      .bind_opt(6, in.medium)
      .bind_opt(7, in.provenance)
      .bind(8, text_hash(in.text));
  if (!q.run())
    return q.err();
  return sqlite3_changes(s_.handle()) > 0;
}

} // namespace quotecheck::db::detail
