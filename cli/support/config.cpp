#include "config.hpp"
#include "text_util.hpp"

#include "rule_catalog.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

namespace quotecheck::cli {

namespace {

bool bare_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/// A value: a basic "string" (escapes \" \\ \t \n), a 'literal string', or
/// true/false. `rest` is what follows '='. Returns an error reason or "".
struct value {
  enum class kind { string, boolean } type = kind::string;
  std::string text;
  bool flag = false;
};

std::string parse_value(std::string_view rest, value &v) {
  rest = trim(rest);
  if (rest.empty()) {
    return "missing value after '='";
  }
  std::size_t end = 0;
  if (rest.front() == '"' || rest.front() == '\'') {
    const char q = rest.front();
    v.type = value::kind::string;
    std::size_t i = 1;
    bool closed = false;
    for (; i < rest.size(); ++i) {
      const char c = rest[i];
      if (c == q) {
        closed = true;
        ++i;
        break;
      }
      if (c == '\\' && q == '"') {
        if (i + 1 >= rest.size()) {
          break;
        }
        const char e = rest[++i];
        switch (e) {
        case '"': v.text += '"'; break;
        case '\\': v.text += '\\'; break;
        case 't': v.text += '\t'; break;
        case 'n': v.text += '\n'; break;
        default: return std::string("unsupported escape '\\") + e + "' in string";
        }
        continue;
      }
      v.text += c;
    }
    if (!closed) {
      return "unterminated string";
    }
    end = i;
  } else {
    std::size_t i = 0;
    while (i < rest.size() && rest[i] != '#' && !is_space(rest[i])) {
      ++i;
    }
    const std::string_view word = rest.substr(0, i);
    if (word == "true" || word == "false") {
      v.type = value::kind::boolean;
      v.flag = word == "true";
    } else {
      return "expected a quoted string, true or false, got '" + std::string(word) + "'";
    }
    end = i;
  }
  const std::string_view tail = trim(rest.substr(end));
  if (!tail.empty() && tail.front() != '#') {
    return "unexpected text after the value: '" + std::string(tail) + "'";
  }
  return "";
}

/// A key: bare (dotted parts allowed) or quoted. Sets `key`, returns the
/// text after it, or an error in `why`.
std::string_view parse_key(std::string_view line, std::string &key, std::string &why) {
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == '"' || line[i] == '\'') {
      const std::size_t close = line.find(line[i], i + 1);
      if (close == std::string_view::npos) {
        why = "unterminated quoted key";
        return {};
      }
      key += line.substr(i + 1, close - i - 1);
      i = close + 1;
    } else {
      const std::size_t start = i;
      while (i < line.size() && bare_key_char(line[i])) {
        ++i;
      }
      if (i == start) {
        why = "expected a key";
        return {};
      }
      key += line.substr(start, i - start);
    }
    while (i < line.size() && is_space(line[i])) {
      ++i;
    }
    if (i < line.size() && line[i] == '.') {
      key += '.';
      ++i;
      while (i < line.size() && is_space(line[i])) {
        ++i;
      }
      continue;
    }
    break;
  }
  return line.substr(i);
}

std::optional<parser::severity> severity_named(std::string_view s, bool &ok) {
  ok = true;
  if (s == "note") {
    return parser::severity::note;
  }
  if (s == "warning") {
    return parser::severity::warning;
  }
  if (s == "error") {
    return parser::severity::error;
  }
  ok = s == "off";
  return std::nullopt;
}
} // namespace

std::optional<parser::severity> check_config::level_of(std::string_view rule, parser::severity level) const {
  if (rule == "quote.unattributed" && require_speaker && !*require_speaker) {
    return std::nullopt;
  }
  if (rule == "speaker.anonymous" && allow_anonymous && *allow_anonymous) {
    return std::nullopt;
  }
  if (!severity.empty()) {
    if (auto it = severity.find(std::string(rule)); it != severity.end()) {
      return it->second;
    }
  }
  return level;
}

std::string config_error::describe() const {
  return line > 0 ? file + ":" + std::to_string(line) + ": " + reason : file + ": " + reason;
}

std::optional<config_error> parse_config(std::string_view text, const std::string &file, check_config &out) {
  out.path = file;
  std::string table;
  std::size_t line_no = 0;
  std::unordered_map<std::string, std::size_t> seen;
  auto fail = [&](std::string reason) { return config_error{file, line_no, std::move(reason)}; };
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3); // a UTF-8 byte order mark
  }
  while (!text.empty()) {
    ++line_no;
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    line = trim(line);
    if (line.empty() || line.front() == '#') {
      continue;
    }
    if (line.front() == '[') {
      const std::size_t close = line.find(']');
      if (close == std::string_view::npos) {
        return fail("unterminated table header");
      }
      const std::string_view tail = trim(line.substr(close + 1));
      if (!tail.empty() && tail.front() != '#') {
        return fail("unexpected text after the table header");
      }
      table = std::string(trim(line.substr(1, close - 1)));
      if (table != "severity" && table != "aliases") {
        return fail("unknown table [" + table + "] (known: [severity], [aliases])");
      }
      continue;
    }
    std::string key;
    std::string why;
    std::string_view rest = trim(parse_key(line, key, why));
    if (!why.empty()) {
      return fail(why);
    }
    if (rest.empty() || rest.front() != '=') {
      return fail("expected '=' after key '" + key + "'");
    }
    value v;
    if (std::string err = parse_value(rest.substr(1), v); !err.empty()) {
      return fail(err);
    }
    const std::string full = table.empty() ? key : table + "." + key;
    if (auto [it, fresh] = seen.emplace(full, line_no); !fresh) {
      return fail("duplicate key '" + key + "' (first set on line " + std::to_string(it->second) + ")");
    }
    if (table == "aliases") {
      if (v.type != value::kind::string || v.text.empty()) {
        return fail("the alias '" + key + "' must name a speaker (a non-empty string)");
      }
      out.aliases[key] = v.text;
    } else if (table == "severity") {
      if (rule_index(key) < 0) {
        return fail("unknown rule '" + key + "' in [severity]");
      }
      bool ok = false;
      const auto level = v.type == value::kind::string ? severity_named(v.text, ok) : std::nullopt;
      if (!ok) {
        return fail("severity of '" + key + "' must be \"note\", \"warning\", \"error\" or \"off\"");
      }
      out.severity[key] = level;
    } else if (key == "db") {
      if (v.type != value::kind::string || v.text.empty()) {
        return fail("'db' must be a non-empty string");
      }
      std::filesystem::path p(v.text);
      if (p.is_relative()) {
        p = std::filesystem::path(file).parent_path() / p;
      }
      out.db = p.lexically_normal().string();
    } else if (key == "fail_on") {
      if (v.type != value::kind::string ||
          (v.text != "error" && v.text != "warning" && v.text != "note" && v.text != "never")) {
        return fail("'fail_on' must be \"error\", \"warning\", \"note\" or \"never\"");
      }
      out.fail_on = v.text;
    } else if (key == "require_speaker" || key == "allow_anonymous") {
      if (v.type != value::kind::boolean) {
        return fail("'" + key + "' must be true or false");
      }
      (key == "require_speaker" ? out.require_speaker : out.allow_anonymous) = v.flag;
    } else {
      return fail("unknown key '" + key +
                  "' (known: db, fail_on, require_speaker, allow_anonymous, [severity], [aliases])");
    }
  }
  return std::nullopt;
}

std::optional<config_error> load_config(const std::string &file, check_config &out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return config_error{file, 0, "cannot read the config file"};
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_config(buf.str(), file, out);
}

std::string find_config(const std::filesystem::path &start) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(start, ec);
  if (ec) {
    return {};
  }
  while (true) {
    const std::filesystem::path candidate = dir / ".quotecheck.toml";
    if (std::filesystem::is_regular_file(candidate, ec)) {
      return candidate.string();
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) {
      return {};
    }
    dir = dir.parent_path();
  }
}

std::optional<config_error> load_run_config(const std::string &explicit_path, check_config &out) {
  std::string path = explicit_path;
  if (path.empty()) {
    std::error_code ec;
    path = find_config(std::filesystem::current_path(ec));
  }
  if (path.empty()) {
    return std::nullopt;
  }
  return load_config(path, out);
}

} // namespace quotecheck::cli
