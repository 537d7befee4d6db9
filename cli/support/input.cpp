/// Input readers: whole text files and JSONL streams (simdjson on demand).

#include "input.hpp"

#include "compressed.hpp"
#include "html.hpp"
#include "markdown.hpp"

#include "quotecheck/parser/utf8.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
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
  } else if (name == "markdown") {
    out = input_format::markdown;
  } else if (name == "html") {
    out = input_format::html;
  } else {
    return false;
  }
  return true;
}

std::string describe(const input_failure &f) {
  // Appended piece by piece: `":" + std::to_string(...)` trips a false
  // -Wrestrict in GCC 12 (PR 105651).
  std::string s = f.origin;
  if (f.line > 0) {
    s += ':';
    s += std::to_string(f.line);
  }
  s += ": ";
  s += f.problem.message;
  return s;
}

namespace {

/// Appends the rest of a stream to `out`; false on a read error.
bool slurp(std::FILE *f, std::string &out) {
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

/// Bytes read before deciding the format of an input.
constexpr std::size_t sniff_block = std::size_t{1} << 16;

/// Picks the format of an input: by extension, else by its first byte.
input_format sniff(const std::string &path, const std::string &data, input_format asked) {
  if (asked != input_format::automatic) {
    return asked;
  }
  if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")) {
    return input_format::jsonl;
  }
  if (ends_with(path, ".md") || ends_with(path, ".markdown")) {
    return input_format::markdown;
  }
  if (ends_with(path, ".html") || ends_with(path, ".htm")) {
    return input_format::html;
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

/// Reads a stream line by line through a buffer that holds about one line,
/// so that a JSONL corpus of any size streams in bounded memory.
class line_reader {
public:
  /// `head` holds the bytes already read from `f` (used to sniff the format).
  line_reader(std::FILE *f, std::string head) : f_(f), buf_(std::move(head)) {}

  /// The next line without its "\n"; false at the end of the stream. The
  /// view is valid until the next call.
  bool next(std::string_view &line) {
    for (;;) {
      const std::size_t nl = buf_.find('\n', std::max(pos_, scanned_));
      if (nl != std::string::npos) {
        line = std::string_view(buf_).substr(pos_, nl - pos_);
        pos_ = nl + 1;
        scanned_ = pos_;
        return true;
      }
      scanned_ = buf_.size();
      if (eof_) {
        if (pos_ < buf_.size()) {
          line = std::string_view(buf_).substr(pos_);
          pos_ = buf_.size();
          return true;
        }
        return false;
      }
      buf_.erase(0, pos_);
      scanned_ -= pos_;
      pos_ = 0;
      const std::size_t old = buf_.size();
      buf_.resize(old + chunk);
      const std::size_t n = f_ == nullptr ? 0 : std::fread(buf_.data() + old, 1, chunk, f_);
      buf_.resize(old + n);
      if (n == 0) {
        eof_ = true;
        error_ = f_ != nullptr && std::ferror(f_) != 0;
      }
    }
  }
  [[nodiscard]] bool failed() const { return error_; }

private:
  static constexpr std::size_t chunk = std::size_t{1} << 20;
  std::FILE *f_;
  std::string buf_;
  std::size_t pos_ = 0;     ///< start of the next line in buf_
  std::size_t scanned_ = 0; ///< buf_ has no '\n' in [pos_, scanned_)
  bool eof_ = false;
  bool error_ = false;
};

void read_jsonl(const std::string &origin, line_reader &lines, const input_sink &sink) {
  simdjson::ondemand::parser parser;
  simdjson::padded_string line_buf;
  std::size_t line = 0;
  input_document doc;
  std::string_view raw;
  while (lines.next(raw)) {
    ++line;
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
    if (parser.iterate(line_buf).get(json) != simdjson::SUCCESS ||
        json.get_object().get(obj) != simdjson::SUCCESS) {
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
  if (lines.failed()) {
    sink.on_failure(
        {origin, 0, origin, {error_code::io_error, "read error after line " + std::to_string(line), 0}});
  }
}

/// Files to read under each directory argument (recursively, in name order):
/// text, Markdown and JSONL files, compressed or not. Other paths pass through.
std::vector<std::string> expand_directories(const std::vector<std::string> &paths, const input_sink &sink) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string &p : paths) {
    std::error_code ec;
    if (p == "-" || !fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec)) {
        continue;
      }
      const std::string name = it->path().string();
      const std::string plain = without_compression_suffix(name);
      for (const char *ext : {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson", ".json"}) {
        if (ends_with(plain, ext)) {
          found.push_back(name);
          break;
        }
      }
    }
    if (ec) {
      sink.on_failure({p, 0, p, {error_code::io_error, "cannot list directory: " + ec.message(), 0}});
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

} // namespace

void read_inputs(const std::vector<std::string> &paths, input_format format, const input_sink &sink) {
  std::vector<std::string> all = paths;
  if (all.empty()) {
    all.emplace_back("-");
  }
  all = expand_directories(all, sink);
  std::string data;
  std::string inflated; // a .gz or .zst file, decompressed whole
  for (const std::string &given : all) {
    const std::string origin = given == "-" ? "<stdin>" : given;
    std::FILE *f = stdin;
    std::string path = given;
    if (given != "-" && is_compressed(given)) {
      std::string why;
      if (!decompress_file(given, inflated, why)) {
        sink.on_failure({origin, 0, origin, {error_code::io_error, why, 0}});
        continue;
      }
      path = without_compression_suffix(given);
      f = inflated.empty() ? std::tmpfile() : fmemopen(inflated.data(), inflated.size(), "rb");
      if (f == nullptr) {
        sink.on_failure({origin, 0, origin, {error_code::io_error, std::strerror(errno), 0}});
        continue;
      }
    } else if (given != "-") {
      f = std::fopen(path.c_str(), "rb");
      if (f == nullptr) {
        sink.on_failure({origin,
                         0,
                         origin,
                         {error_code::io_error, std::string("cannot open: ") + std::strerror(errno), 0}});
        continue;
      }
    }
    // Read a first block to decide the format; JSONL then streams line by
    // line, a text document is read whole.
    data.resize(sniff_block);
    data.resize(std::fread(data.data(), 1, sniff_block, f));
    bool ok = std::ferror(f) == 0;
    const input_format fmt = sniff(path, data, format);
    if (ok && fmt == input_format::jsonl) {
      line_reader lines(f, std::move(data));
      read_jsonl(origin, lines, sink);
      if (f != stdin) {
        std::fclose(f);
      }
      data.clear();
      continue;
    }
    ok = ok && slurp(f, data);
    if (f != stdin) {
      std::fclose(f);
    }
    if (!ok) {
      sink.on_failure({origin, 0, origin, {error_code::io_error, "read error", 0}});
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
    if (fmt == input_format::markdown) {
      doc.parse_text = mask_markdown(doc.text);
    } else if (fmt == input_format::html) {
      doc.parse_text = mask_html(doc.text);
    }
    sink.on_document(doc);
    data = std::move(doc.text);
  }
}

} // namespace quotecheck::cli
