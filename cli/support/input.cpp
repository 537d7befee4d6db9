/// Input readers: whole text files and JSONL streams (simdjson on demand).

#include "input.hpp"

#include "quotecheck/parser/utf8.hpp"

#include <simdjson.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

namespace quotecheck::cli {

bool parse_input_format(const std::string &name, input_format &out) {
  if (name == "auto") {
    out = input_format::automatic;
  } else if (name == "text") {
    out = input_format::text;
  } else if (name == "jsonl") {
    out = input_format::jsonl;
  } else {
    return false;
  }
  return true;
}

std::string describe(const input_failure &f) {
  std::string s = f.origin;
  if (f.line > 0) {
    s += ":" + std::to_string(f.line);
  }
  return s + ": " + f.problem.message;
}

namespace {

/// Reads a whole stream; false on a read error.
bool slurp(std::FILE *f, std::string &out) {
  out.clear();
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    out.append(buf, n);
  }
  return std::ferror(f) == 0;
}

bool ends_with(const std::string &s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Picks the format of an input: by extension, else by its first byte.
input_format sniff(const std::string &path, const std::string &data, input_format asked) {
  if (asked != input_format::automatic) {
    return asked;
  }
  if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")) {
    return input_format::jsonl;
  }
  const auto p = data.find_first_not_of(" \t\r\n");
  if (p != std::string::npos && data[p] == '{' && (ends_with(path, ".json") || path == "-")) {
    return input_format::jsonl;
  }
  return input_format::text;
}

/// Reads one string field of a JSON object if present.
void get_string(simdjson::ondemand::object &obj, std::string_view key, std::string &out) {
  std::string_view v;
  auto field = obj.find_field_unordered(key);
  if (field.error() == simdjson::SUCCESS && field.get_string().get(v) == simdjson::SUCCESS) {
    out.assign(v);
  } else if (field.error() == simdjson::SUCCESS) {
    // A number or other scalar id: keep its raw JSON text.
    std::string_view raw;
    if (key == "id" && field.raw_json_token().get(raw) == simdjson::SUCCESS) {
      out.assign(raw);
      while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) {
        out.pop_back();
      }
    }
  }
}

void read_jsonl(const std::string &origin, const std::string &data, const input_sink &sink) {
  simdjson::ondemand::parser parser;
  simdjson::padded_string line_buf;
  std::size_t line = 0;
  std::size_t pos = 0;
  input_document doc;
  while (pos < data.size()) {
    std::size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) {
      nl = data.size();
    }
    ++line;
    std::string_view raw(data.data() + pos, nl - pos);
    pos = nl + 1;
    while (!raw.empty() && (raw.back() == '\r' || raw.back() == ' ' || raw.back() == '\t')) {
      raw.remove_suffix(1);
    }
    if (raw.find_first_not_of(" \t") == std::string_view::npos) {
      continue;
    }
    input_failure fail{origin, line, origin + ":" + std::to_string(line), {}};
    if (auto bad = parser::check_text(raw); !bad.ok()) {
      fail.problem = bad.err();
      fail.problem.message = "invalid UTF-8 at byte " + std::to_string(bad.err().offset) + " of the line";
      sink.on_failure(fail);
      continue;
    }
    line_buf = simdjson::padded_string(raw);
    simdjson::ondemand::document json;
    simdjson::ondemand::object obj;
    if (parser.iterate(line_buf).get(json) != simdjson::SUCCESS || json.get_object().get(obj) != simdjson::SUCCESS) {
      fail.problem = {error_code::bad_json, "not a JSON object", 0};
      sink.on_failure(fail);
      continue;
    }
    doc = input_document{};
    doc.origin = origin;
    doc.line = line;
    std::string_view text;
    get_string(obj, "id", doc.id);
    auto tf = obj.find_field_unordered("text");
    if (tf.error() != simdjson::SUCCESS || tf.get_string().get(text) != simdjson::SUCCESS) {
      fail.id = doc.id.empty() ? fail.id : doc.id;
      fail.problem = {error_code::bad_json, "no \"text\" string field", 0};
      sink.on_failure(fail);
      continue;
    }
    doc.text.assign(text);
    get_string(obj, "date", doc.date);
    get_string(obj, "url", doc.url);
    get_string(obj, "outlet", doc.outlet);
    if (doc.id.empty()) {
      doc.id = origin + ":" + std::to_string(line);
    }
    if (auto bad = parser::check_text(doc.text); !bad.ok()) {
      fail.id = doc.id;
      fail.problem = bad.err();
      sink.on_failure(fail);
      continue;
    }
    sink.on_document(doc);
  }
}

} // namespace

void read_inputs(const std::vector<std::string> &paths, input_format format, const input_sink &sink) {
  std::vector<std::string> all = paths;
  if (all.empty()) {
    all.emplace_back("-");
  }
  std::string data;
  for (const std::string &path : all) {
    const std::string origin = path == "-" ? "<stdin>" : path;
    bool ok = true;
    if (path == "-") {
      ok = slurp(stdin, data);
    } else {
      std::FILE *f = std::fopen(path.c_str(), "rb");
      if (f == nullptr) {
        sink.on_failure({origin, 0, origin, {error_code::io_error, std::string("cannot open: ") + std::strerror(errno), 0}});
        continue;
      }
      ok = slurp(f, data);
      std::fclose(f);
    }
    if (!ok) {
      sink.on_failure({origin, 0, origin, {error_code::io_error, "read error", 0}});
      continue;
    }
    if (sniff(path, data, format) == input_format::jsonl) {
      read_jsonl(origin, data, sink);
      continue;
    }
    input_document doc;
    doc.origin = origin;
    doc.id = origin;
    if (auto bad = parser::check_text(data); !bad.ok()) {
      sink.on_failure({origin, 0, origin, bad.err()});
      continue;
    }
    doc.text = std::move(data);
    sink.on_document(doc);
    data = std::move(doc.text);
  }
}

} // namespace quotecheck::cli
