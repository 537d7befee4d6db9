#include "import_formats.hpp"

#include <algorithm>
#include <cctype>

namespace quotecheck::db::detail {
namespace {

using nlohmann::json;
using field_list = std::initializer_list<std::pair<const char *, std::string *>>;

/// Reads an optional string field (null counts as absent).
std::string get_string(const json &j, const char *key, std::string &out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null())
    return {};
  if (it->is_string()) {
    out = it->get<std::string>();
    return {};
  }
  return std::string("\"") + key + "\" must be a string";
}

std::string get_aliases(const json &j, std::vector<std::string> &out) {
  auto it = j.find("aliases");
  if (it == j.end() || it->is_null())
    return {};
  if (it->is_string()) {
    out.push_back(it->get<std::string>());
    return {};
  }
  if (!it->is_array())
    return "\"aliases\" must be an array of strings";
  for (const auto &a : *it) {
    if (!a.is_string())
      return "\"aliases\" must be an array of strings";
    out.push_back(a.get<std::string>());
  }
  return {};
}

std::string get_roles(const json &j, std::vector<role_input> &out) {
  role_input r;
  if (auto e = get_string(j, "role", r.role); !e.empty())
    return e;
  if (auto e = get_string(j, "role_from", r.from); !e.empty())
    return e;
  if (auto e = get_string(j, "role_to", r.to); !e.empty())
    return e;
  if (!r.role.empty())
    out.push_back(r);
  else if (!r.from.empty() || !r.to.empty())
    return "\"role_from\"/\"role_to\" without \"role\"";
  auto it = j.find("roles");
  if (it == j.end() || it->is_null())
    return {};
  if (!it->is_array())
    return "\"roles\" must be an array of {\"role\", \"from\", \"to\"}";
  for (const auto &o : *it) {
    if (!o.is_object())
      return "\"roles\" must be an array of {\"role\", \"from\", \"to\"}";
    role_input x;
    for (auto [key, dst] : field_list{{"role", &x.role}, {"from", &x.from}, {"to", &x.to}})
      if (auto e = get_string(o, key, *dst); !e.empty())
        return "in \"roles\": " + e;
    if (x.role.empty())
      return "in \"roles\": missing \"role\"";
    out.push_back(x);
  }
  return {};
}

/// The name of a schema.org Person/Organization given as an object, a string or an array.
std::string name_of(const json &j) {
  if (j.is_string())
    return j.get<std::string>();
  if (j.is_object()) {
    auto it = j.find("name");
    if (it != j.end() && it->is_string())
      return it->get<std::string>();
  }
  if (j.is_array() && !j.empty())
    return name_of(j.front());
  return {};
}

const json *first_of(const json &j, const char *key) {
  auto it = j.find(key);
  if (it == j.end())
    return nullptr;
  if (it->is_array())
    return it->empty() ? nullptr : &it->front();
  return &*it;
}

std::string string_at(const json *j, const char *key) {
  if (j == nullptr || !j->is_object())
    return {};
  auto it = j->find(key);
  return it != j->end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

std::string from_statement_json(const json &j, statement_input &out) {
  if (!j.is_object())
    return "not a JSON object";
  for (auto [key, dst] : field_list{{"speaker", &out.speaker},
                                    {"text", &out.text},
                                    {"date", &out.date},
                                    {"source", &out.source},
                                    {"url", &out.url},
                                    {"medium", &out.medium}})
    if (auto e = get_string(j, key, *dst); !e.empty())
      return e;
  if (auto e = get_aliases(j, out.aliases); !e.empty())
    return e;
  return get_roles(j, out.roles);
}

std::string from_claimreview_json(const json &j, statement_input &out) {
  if (!j.is_object())
    return "not a JSON object";
  auto claim = j.find("claimReviewed");
  if (claim == j.end() || !claim->is_string())
    return "missing \"claimReviewed\"";
  out.text = claim->get<std::string>();

  const json *item = first_of(j, "itemReviewed");
  if (item != nullptr && item->is_object()) {
    if (auto a = item->find("author"); a != item->end())
      out.speaker = name_of(*a);
    out.date = string_at(item, "datePublished");
    const json *appearance = first_of(*item, "appearance");
    const json *first = first_of(*item, "firstAppearance");
    if (out.date.empty())
      out.date = string_at(first, "datePublished");
    if (out.date.empty())
      out.date = string_at(appearance, "datePublished");
    out.url = string_at(first, "url");
    if (out.url.empty())
      out.url = string_at(appearance, "url");
    if (out.url.empty() && appearance != nullptr && appearance->is_string())
      out.url = appearance->get<std::string>();
    if (out.url.empty())
      out.url = string_at(item, "url");
  }
  // The Fact Check Tools API flattens the claim: "claimant", "claimDate".
  if (out.speaker.empty())
    if (auto c = j.find("claimant"); c != j.end())
      out.speaker = name_of(*c);
  if (out.date.empty())
    out.date = string_at(&j, "claimDate");
  // The top-level "author" is the fact-checker, not the speaker; it becomes the source.
  std::string reviewer;
  if (auto a = j.find("author"); a != j.end())
    reviewer = name_of(*a);
  std::string rating;
  if (const json *r = first_of(j, "reviewRating"); r != nullptr)
    rating = string_at(r, "alternateName");
  out.source = "ClaimReview" + (reviewer.empty() ? std::string() : " by " + reviewer) +
               (rating.empty() ? std::string() : " (rated: " + rating + ")");
  out.medium = "claimreview";
  out.provenance = string_at(&j, "url");
  if (out.speaker.empty())
    return "no speaker: neither \"itemReviewed.author\" nor \"claimant\" names one";
  return {};
}

std::string from_csv_row(const std::vector<std::string> &header, const std::vector<std::string> &row,
                         statement_input &out) {
  if (row.size() != header.size())
    return "expected " + std::to_string(header.size()) + " fields, found " + std::to_string(row.size());
  role_input role;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const auto &h = header[i];
    const auto &v = row[i];
    if (h == "speaker")
      out.speaker = v;
    else if (h == "text")
      out.text = v;
    else if (h == "date")
      out.date = v;
    else if (h == "source")
      out.source = v;
    else if (h == "url")
      out.url = v;
    else if (h == "medium")
      out.medium = v;
    else if (h == "role")
      role.role = v;
    else if (h == "role_from")
      role.from = v;
    else if (h == "role_to")
      role.to = v;
    else if (h == "aliases") {
      std::size_t start = 0;
      for (std::size_t k = 0; k <= v.size(); ++k) {
        if (k == v.size() || v[k] == ';' || v[k] == '|') {
          std::string a = v.substr(start, k - start);
          a.erase(0, a.find_first_not_of(' '));
          a.erase(a.find_last_not_of(' ') + 1);
          if (!a.empty())
            out.aliases.push_back(a);
          start = k + 1;
        }
      }
    }
  }
  if (!role.role.empty())
    out.roles.push_back(role);
  else if (!role.from.empty() || !role.to.empty())
    return "\"role_from\"/\"role_to\" without \"role\"";
  return {};
}

std::string read_csv_record(std::string_view text, std::size_t &pos, std::vector<std::string> &fields,
                            std::size_t &lines) {
  fields.clear();
  std::string field;
  bool quoted = false;     // inside a quoted field
  bool was_quoted = false; // the current field started with a quote
  while (pos < text.size()) {
    char c = text[pos];
    if (quoted) {
      if (c == '"') {
        if (pos + 1 < text.size() && text[pos + 1] == '"') {
          field += '"';
          pos += 2;
          continue;
        }
        quoted = false;
        ++pos;
        continue;
      }
      if (c == '\n')
        ++lines;
      field += c;
      ++pos;
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
      ++pos;
      continue;
    }
    if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      ++pos;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n')
        ++pos;
      ++pos;
      ++lines;
      fields.push_back(std::move(field));
      return {};
    }
    if (was_quoted)
      return "text after a closing quote (a '\"' inside a quoted field must be doubled)";
    field += c;
    ++pos;
  }
  if (quoted)
    return "unterminated quoted field";
  fields.push_back(std::move(field));
  return {};
}

} // namespace quotecheck::db::detail
