/// Input readers: whole text files and JSONL streams (simdjson on demand).

#include "input.hpp"

#include "compressed.hpp"
#include "html.hpp"
#include "line_reader.hpp"
#include "markdown.hpp"
#include "read_context.hpp"

#include "quotecheck/parser/utf8.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <glob.h>
#include <iostream>
#include <iterator>
#include <sys/stat.h>

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
  } else if (name == "warc") {
    out = input_format::warc;
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

bool ends_with(const std::string &s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Bytes read before deciding the format of an input.
constexpr std::size_t sniff_block = std::size_t{1} << 16;

/// Picks the format of an input: by extension, else by its first bytes.
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
  if (ends_with(path, ".warc") || data.starts_with("WARC/1.")) {
    return input_format::warc;
  }
  const auto p = data.find_first_not_of(" \t\r\n");
  if (p != std::string::npos && data[p] == '{' && (ends_with(path, ".json") || path == "-")) {
    return input_format::jsonl;
  }
  return input_format::text;
}

/// Reads the fields of a JSONL document ("id", "text", "date", "url",
/// "outlet") in one pass over the object: looking each up by name would scan
/// the whole object (large "quotes" arrays included) once per field.
/// Returns false when the object is malformed; `has_text` says whether
/// "text" was a string.
bool read_fields(simdjson::ondemand::object &obj, input_document &doc, bool &has_text) {
  has_text = false;
  for (auto field : obj) {
    std::string_view key;
    if (field.error() != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS) {
      return false;
    }
    std::string *target = key == "text"     ? &doc.text
                          : key == "id"     ? &doc.id
                          : key == "date"   ? &doc.date
                          : key == "url"    ? &doc.url
                          : key == "outlet" ? &doc.outlet
                                            : nullptr;
    if (target == nullptr) {
      continue; // skipped unread
    }
    simdjson::ondemand::value value;
    if (field.value().get(value) != simdjson::SUCCESS) {
      return false;
    }
    std::string_view v;
    if (value.get_string().get(v) == simdjson::SUCCESS) {
      target->assign(v);
      has_text = has_text || target == &doc.text;
    } else if (target == &doc.id) {
      v = value.raw_json_token();
      // A number or other scalar id: keep its raw JSON text.
      target->assign(v);
      while (!target->empty() && (target->back() == ' ' || target->back() == '\n')) {
        target->pop_back();
      }
    }
  }
  return true;
}

void read_jsonl(const std::string &origin, line_reader &lines, read_context &ctx) {
  simdjson::ondemand::parser parser;
  std::size_t line = 0;
  input_document doc;
  std::string_view raw;
  for (line_reader::status got; (got = lines.next(raw)) != line_reader::status::end;) {
    ++line;
    while (!raw.empty() && (raw.back() == '\r' || raw.back() == ' ' || raw.back() == '\t')) {
      raw.remove_suffix(1);
    }
    if (got == line_reader::status::line && raw.find_first_not_of(" \t") == std::string_view::npos) {
      continue;
    }
    input_failure fail{origin, line, origin + ":" + std::to_string(line), {}, 0};
    if (ctx.take(fail.ordinal)) {
      continue;
    }
    if (got == line_reader::status::too_long) {
      fail.problem = {error_code::too_large, too_large_message(ctx.limits.max_doc_bytes), 0};
      ctx.sink.on_failure(fail);
      continue;
    }
    // Parsed in place: the line reader leaves padding after every line.
    // simdjson validates the whole line's UTF-8 as it indexes it, so
    // check_text, which says where the fault is, runs only on a line that
    // simdjson rejects or that holds a NUL byte (which it lets through).
    static_assert(line_reader::padding >= simdjson::SIMDJSON_PADDING);
    simdjson::ondemand::document json;
    simdjson::ondemand::object obj;
    const bool parsed =
        parser.iterate(raw.data(), raw.size(), raw.size() + simdjson::SIMDJSON_PADDING).get(json) ==
            simdjson::SUCCESS &&
        json.get_object().get(obj) == simdjson::SUCCESS;
    if (!parsed || raw.find('\0') != std::string_view::npos) {
      if (auto bad = parser::check_text(raw); !bad.ok()) {
        fail.problem = bad.err();
        fail.problem.message = "invalid UTF-8 at byte " + std::to_string(bad.err().offset) + " of the line";
        ctx.sink.on_failure(fail);
        continue;
      }
    }
    if (!parsed) {
      fail.problem = {error_code::bad_json, "not a JSON object", 0};
      ctx.sink.on_failure(fail);
      continue;
    }
    // Reset field by field: the strings keep their buffers from line to line.
    doc.origin = origin;
    doc.line = line;
    doc.ordinal = fail.ordinal;
    doc.id.clear();
    doc.text.clear();
    doc.parse_text.clear();
    doc.markup = input_format::text;
    doc.date.clear();
    doc.url.clear();
    doc.outlet.clear();
    bool has_text = false;
    if (!read_fields(obj, doc, has_text)) {
      fail.problem = {error_code::bad_json, "not a JSON object", 0};
      ctx.sink.on_failure(fail);
      continue;
    }
    if (!has_text) {
      fail.id = doc.id.empty() ? fail.id : doc.id;
      fail.problem = {error_code::bad_json, "no \"text\" string field", 0};
      ctx.sink.on_failure(fail);
      continue;
    }
    if (doc.id.empty()) {
      doc.id = origin + ":" + std::to_string(line);
    }
    // The line was valid UTF-8 and simdjson unescapes only to valid UTF-8;
    // "\u0000" is the one way to a NUL byte.
    if (auto bad = doc.text.find('\0') == std::string::npos ? result<void>{} : parser::check_text(doc.text);
        !bad.ok()) {
      fail.id = doc.id;
      fail.problem = bad.err();
      ctx.sink.on_failure(fail);
      continue;
    }
    ctx.deliver(doc);
  }
  if (lines.failed()) {
    ctx.fail({origin,
              0,
              origin,
              {error_code::io_error, ctx.read_error() + " after line " + std::to_string(line), 0},
              0});
  }
}

/// Whether a file found under a directory argument is an input.
bool is_input_name(const std::string &name) {
  const std::string plain = without_compression_suffix(name);
  for (const char *ext :
       {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson", ".json", ".warc"}) {
    if (ends_with(plain, ext)) {
      return true;
    }
  }
  return false;
}

/// The files to read: directory arguments become the inputs under them
/// (recursively, in name order); a path that does not exist but holds a
/// glob character is expanded (in name order); other paths pass through.
std::vector<std::string> expand_paths(const std::vector<std::string> &paths, read_context &ctx) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string &p : paths) {
    std::error_code ec;
    if (p != "-" && !fs::exists(p, ec) && p.find_first_of("*?[") != std::string::npos) {
      glob_t g{};
      if (::glob(p.c_str(), 0, nullptr, &g) == 0) {
        std::vector<std::string> matched(g.gl_pathv, g.gl_pathv + g.gl_pathc);
        globfree(&g);
        out.insert(out.end(), matched.begin(), matched.end()); // glob() sorts
        continue;
      }
      globfree(&g);
      ctx.fail({p, 0, p, {error_code::io_error, "no file matches this pattern", 0}, 0});
      continue;
    }
    if (p == "-" || !fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && is_input_name(it->path().string())) {
        found.push_back(it->path().string());
      }
    }
    if (ec) {
      ctx.fail({p, 0, p, {error_code::io_error, "cannot list directory: " + ec.message(), 0}, 0});
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

/// Reads a whole-file document (text, Markdown, HTML) whose first bytes are
/// in `data`, never holding more than the size limit.
void read_whole(const std::string &origin, std::FILE *f, std::string &data, input_format fmt,
                read_context &ctx) {
  input_failure fail{origin, 0, origin, {}, 0};
  if (ctx.take(fail.ordinal)) {
    return;
  }
  const std::size_t limit = ctx.limits.max_doc_bytes;
  struct stat st {};
  const bool too_big_on_disk =
      fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > limit;
  if (too_big_on_disk || data.size() > limit || !read_some(f, data, limit + 1 - data.size()) ||
      data.size() > limit) {
    fail.problem = std::ferror(f) != 0 ? error{error_code::io_error, ctx.read_error(), 0}
                                       : error{error_code::too_large, too_large_message(limit), 0};
    ctx.sink.on_failure(fail);
    return;
  }
  if (auto bad = parser::check_text(data); !bad.ok()) {
    fail.problem = bad.err();
    ctx.sink.on_failure(fail);
    return;
  }
  input_document doc;
  doc.origin = origin;
  doc.id = origin;
  doc.ordinal = fail.ordinal;
  doc.markup = fmt == input_format::markdown || fmt == input_format::html ? fmt : input_format::text;
  doc.text = std::move(data);
  ctx.deliver(doc);
  data = std::move(doc.text);
}

void read_open_stream(const std::string &origin, std::FILE *f, const std::string &name, input_format format,
                      read_context &ctx, const std::string *decoder_problem) {
  ctx.decoder_problem = decoder_problem;
  // A first block decides the format; JSONL and WARC then stream, a text
  // document is read whole.
  std::string data;
  if (!read_some(f, data, sniff_block) && data.empty()) {
    ctx.fail({origin, 0, origin, {error_code::io_error, ctx.read_error(), 0}, 0});
    ctx.decoder_problem = nullptr;
    return;
  } // else the readers meet the error again after the records before it

  const input_format fmt = sniff(name, data, format);
  if (fmt == input_format::jsonl) {
    line_reader lines(f, std::move(data), ctx.limits.max_doc_bytes);
    read_jsonl(origin, lines, ctx);
  } else if (fmt == input_format::warc) {
    read_warc(origin, f, std::move(data), ctx);
  } else {
    read_whole(origin, f, data, fmt, ctx);
  }
  ctx.decoder_problem = nullptr;
}

} // namespace

std::string too_large_message(std::size_t limit) {
  return "document larger than --max-doc-bytes (" + std::to_string(limit) + " bytes); skipped";
}

bool read_some(std::FILE *f, std::string &out, std::size_t limit) {
  char buf[1 << 16];
  while (limit > 0) {
    const std::size_t n = std::fread(buf, 1, std::min(sizeof buf, limit), f);
    out.append(buf, n);
    limit -= n;
    if (n == 0) {
      break;
    }
  }
  return std::ferror(f) == 0;
}

void apply_markup(input_document &doc) {
  if (!doc.parse_text.empty()) {
    return;
  }
  if (doc.markup == input_format::markdown) {
    doc.parse_text = mask_markdown(doc.text);
  } else if (doc.markup == input_format::html) {
    doc.parse_text = mask_html(doc.text);
  }
}

void read_stream(const std::string &origin, std::FILE *f, const std::string &name, input_format format,
                 const input_sink &sink, const read_limits &limits) {
  read_context ctx{sink, limits};
  read_open_stream(origin, f, name, format, ctx, nullptr);
}

void read_inputs(const std::vector<std::string> &paths, input_format format, const input_sink &sink,
                 const read_limits &limits) {
  read_context ctx{sink, limits};
  std::vector<std::string> all = paths;
  if (all.empty()) {
    all.emplace_back("-");
  }
  for (const std::string &given : expand_paths(all, ctx)) {
    const std::string origin = given == "-" ? "<stdin>" : given;
    if (given == "-") {
      read_open_stream(origin, stdin, "-", format, ctx, nullptr);
      continue;
    }
    if (is_compressed(given)) {
      std::string why;
      const auto file = decompressing_file::open(given, why);
      if (!file) {
        ctx.fail({origin, 0, origin, {error_code::io_error, why, 0}, 0});
        continue;
      }
      read_open_stream(origin, file->file(), without_compression_suffix(given), format, ctx,
                       &file->problem());
      continue;
    }
    std::FILE *f = std::fopen(given.c_str(), "rb");
    if (f == nullptr) {
      ctx.fail({origin,
                0,
                origin,
                {error_code::io_error, std::string("cannot open: ") + std::strerror(errno), 0},
                0});
      continue;
    }
    read_open_stream(origin, f, given, format, ctx, nullptr);
    std::fclose(f);
  }
}

} // namespace quotecheck::cli
