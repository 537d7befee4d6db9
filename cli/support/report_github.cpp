#include "report_github.hpp"

#include <algorithm>

namespace quotecheck::cli {

namespace {
void escape_into(std::string &out, std::string_view s, bool property) {
  for (const char c : s) {
    switch (c) {
    case '%': out += "%25"; break;
    case '\r': out += "%0D"; break;
    case '\n': out += "%0A"; break;
    case ':':
      if (property) {
        out += "%3A";
      } else {
        out += c;
      }
      break;
    case ',':
      if (property) {
        out += "%2C";
      } else {
        out += c;
      }
      break;
    default: out += c;
    }
  }
}

std::string_view command_of(parser::severity level) {
  switch (level) {
  case parser::severity::error: return "error";
  case parser::severity::warning: return "warning";
  case parser::severity::note: return "notice";
  }
  return "notice";
}
} // namespace

std::string github_escape_data(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  escape_into(out, s, false);
  return out;
}

std::string github_escape_property(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  escape_into(out, s, true);
  return out;
}

void write_github(std::string &out, const located_finding &f) {
  // SARIF-style exclusive end column -> GitHub's inclusive one.
  std::uint32_t end_column = f.end_column;
  if (f.char_length > 0 && end_column > 1) {
    --end_column;
  }
  if (f.end_line == f.start_line) {
    end_column = std::max(end_column, f.start_column);
  }
  out += "::";
  out += command_of(f.level);
  out += " file=";
  escape_into(out, f.uri, true);
  out += ",line=" + std::to_string(f.start_line) + ",col=" + std::to_string(f.start_column) +
         ",endLine=" + std::to_string(f.end_line) + ",endColumn=" + std::to_string(end_column) + ",title=";
  escape_into(out, f.rule, true);
  out += "::";
  escape_into(out, f.message, false);
  out += '\n';
}

} // namespace quotecheck::cli
