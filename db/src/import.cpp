/// Import drivers: read a file record by record, validate, write through the
/// writer inside one transaction, and roll back on the first bad record
/// unless bad records are skipped.

#include <quotecheck/db/import.hpp>

#include "import_formats.hpp"
#include "sha256.hpp"
#include "sql.hpp"
#include "writer.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace quotecheck::db {
namespace {

using nlohmann::json;
constexpr std::size_t k_max_kept_bad = 100;

/// Collects per-record outcomes and decides whether a bad record aborts.
class importer {
public:
  importer(store &s, std::string name, const import_options &o, import_format f)
      : writer_(s), name_(std::move(name)), options_(o) {
    report_.format = f;
  }

  /// Handles one parsed record (or the reason it could not be parsed).
  /// Returns an error when the import must stop.
  result<void> record(std::size_t line, statement_input &in, std::string reason, const char *unit = "line") {
    ++report_.records;
    if (reason.empty())
      reason = detail::validate(in);
    if (!reason.empty()) {
      if (!options_.skip_bad)
        return error{reason.rfind("invalid JSON", 0) == 0 ? error_code::bad_json : error_code::bad_record,
                     name_ + ":" + std::to_string(line) + ": " + reason +
                         (std::string_view(unit) == "line" ? "" : std::string(" (") + unit + ")"),
                     line};
      ++report_.skipped;
      if (report_.bad.size() < k_max_kept_bad)
        report_.bad.push_back(bad_record{line, reason});
      return {};
    }
    if (in.provenance.empty())
      in.provenance = "import:" + name_ + ":" + std::to_string(line);
    auto w = writer_.write(in);
    if (!w.ok()) {
      auto e = w.err();
      e.message = name_ + ":" + std::to_string(line) + ": " + e.message;
      e.offset = line;
      return e;
    }
    if (w.value())
      ++report_.inserted;
    else if (in.text.empty())
      ++report_.speaker_only;
    else
      ++report_.duplicates;
    return {};
  }

  import_report &report() { return report_; }

private:
  detail::writer writer_;
  std::string name_;
  import_options options_;
  import_report report_;
};

std::string parse_reason(const json &j) { return j.is_discarded() ? "invalid JSON" : std::string(); }

bool blank_line(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

result<void> read_jsonl(std::istream &in, importer &imp, bool claimreview) {
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    if (blank_line(line))
      continue;
    json j = json::parse(line, nullptr, false);
    statement_input rec;
    std::string reason = parse_reason(j);
    if (reason.empty())
      reason = claimreview ? detail::from_claimreview_json(j, rec) : detail::from_statement_json(j, rec);
    if (auto r = imp.record(n, rec, reason); !r.ok())
      return r;
  }
  if (in.bad())
    return error{error_code::io_error, "read error", n};
  return {};
}

result<void> read_csv(std::string_view text, importer &imp) {
  std::size_t pos = 0, lines = 0;
  std::vector<std::string> header, row;
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    pos = 3; // BOM
  // A bad header is fatal even with skip_bad: no row could be read without it.
  if (auto e = detail::read_csv_record(text, pos, header, lines); !e.empty())
    return error{error_code::bad_record, "bad CSV header: " + e, 1};
  for (auto &h : header) {
    h.erase(0, h.find_first_not_of(" \t"));
    h.erase(h.find_last_not_of(" \t") + 1);
    for (auto &c : h)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (const char *need : {"speaker", "text"})
    if (std::find(header.begin(), header.end(), need) == header.end()) {
      return error{error_code::bad_record, std::string("the CSV header has no \"") + need + "\" column", 1};
    }
  while (pos < text.size()) {
    std::size_t line = lines + 1;
    std::string reason = detail::read_csv_record(text, pos, row, lines);
    if (reason.empty() && row.size() == 1 && row[0].empty())
      continue; // blank line
    statement_input rec;
    if (reason.empty())
      reason = detail::from_csv_row(header, row, rec);
    if (auto r = imp.record(line, rec, reason); !r.ok())
      return r;
    if (!reason.empty() && reason.rfind("unterminated", 0) == 0)
      break;
  }
  return {};
}

/// One ClaimReview document: an object, an array of them, or an "@graph".
result<void> read_claimreview_document(const json &doc, importer &imp) {
  const json *items = &doc;
  if (doc.is_object() && doc.contains("@graph"))
    items = &doc["@graph"];
  if (items->is_array()) {
    std::size_t k = 0;
    for (const auto &item : *items) {
      ++k;
      if (item.is_object() && item.contains("@type") && item["@type"].is_string() &&
          item["@type"].get<std::string>() != "ClaimReview" && !item.contains("claimReviewed"))
        continue; // other nodes of a graph
      statement_input rec;
      std::string reason = detail::from_claimreview_json(item, rec);
      if (auto r = imp.record(k, rec, reason, "item"); !r.ok())
        return r;
    }
    return {};
  }
  statement_input rec;
  std::string reason = detail::from_claimreview_json(*items, rec);
  return imp.record(1, rec, reason);
}

result<void> read_claimreview(std::string_view text, importer &imp) {
  json doc = json::parse(text, nullptr, false);
  if (!doc.is_discarded())
    return read_claimreview_document(doc, imp);
  // Not one JSON document: one object a line.
  std::istringstream in{std::string(text)};
  return read_jsonl(in, imp, true);
}

import_format detect(const std::string &path, std::string_view head) {
  auto ends_with = [&](std::string_view ext) {
    if (path.size() < ext.size())
      return false;
    for (std::size_t i = 0; i < ext.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(path[path.size() - ext.size() + i])) != ext[i])
        return false;
    return true;
  };
  if (ends_with(".csv"))
    return import_format::csv;
  if (head.find("\"claimReviewed\"") != std::string_view::npos)
    return import_format::claimreview;
  return import_format::jsonl;
}

/// The SHA-256 of a file's bytes, read in 64 KiB chunks.
result<std::string> hash_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return error{error_code::io_error, path + ": cannot open for reading", 0};
  detail::sha256 h;
  std::string chunk(65536, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    h.update(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad())
    return error{error_code::io_error, path + ": read error", 0};
  return h.hex();
}

/// Looks for an earlier import of the same bytes; fills the report when found.
result<bool> seen_before(store &s, const std::string &content_hash, import_report &rep) {
  detail::query q(s, "SELECT name, imported_at FROM imports WHERE content_hash = ?1");
  q.bind(1, content_hash);
  if (q.step()) {
    rep.already_imported = true;
    rep.previous_name = q.text(0);
    rep.previous_at = q.text(1);
    return true;
  }
  if (!q.ok() || q.err().code != error_code::ok)
    return q.err();
  return false;
}

/// Records a committed batch; called inside the file's transaction.
result<void> record_batch(store &s, const std::string &content_hash, const std::string &name,
                          const import_report &rep) {
  detail::query q(s, "INSERT INTO imports(content_hash, name, format, records, inserted) "
                     "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(content_hash) DO UPDATE SET "
                     "name = excluded.name, format = excluded.format, records = excluded.records, "
                     "inserted = excluded.inserted, imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
  q.bind(1, content_hash)
      .bind(2, name)
      .bind(3, to_string(rep.format))
      .bind(4, static_cast<std::int64_t>(rep.records))
      .bind(5, static_cast<std::int64_t>(rep.inserted));
  if (!q.run())
    return q.err();
  return {};
}

/// Imports one stream in one transaction. A non-empty `content_hash` makes it
/// a recorded batch: skipped when recorded before, recorded on commit.
result<import_report> run(store &s, std::istream &in, const std::string &name, const import_options &o,
                          const std::string &content_hash = {}) {
  if (s.mode() != open_mode::read_write)
    return error{error_code::usage, s.path() + ": opened read-only; cannot import", 0};
  import_format f = o.format;
  std::string whole;
  bool have_whole = false;
  if (f == import_format::auto_detect) {
    // Peek without consuming: read the head, then chain it before the rest.
    std::string head(65536, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    f = detect(name, head);
    whole = std::move(head);
    have_whole = true;
  }
  detail::transaction tx(s);
  if (!tx.ok()) {
    auto e = tx.err();
    e.message = name + ": " + e.message;
    return e;
  }
  importer imp(s, name, o, f);
  if (!content_hash.empty() && !o.reimport) {
    // Checked under the write lock: a concurrent import of the same file
    // either committed before us (skip) or waits for us.
    auto seen = seen_before(s, content_hash, imp.report());
    if (!seen.ok())
      return seen.err();
    if (seen.value())
      return std::move(imp.report());
  }
  result<void> r;
  if (f == import_format::jsonl && !have_whole) {
    r = read_jsonl(in, imp, false);
  } else {
    whole.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad())
      return error{error_code::io_error, name + ": read error", 0};
    if (f == import_format::jsonl) {
      std::istringstream ss(std::move(whole));
      r = read_jsonl(ss, imp, false);
    } else if (f == import_format::csv) {
      r = read_csv(whole, imp);
    } else {
      r = read_claimreview(whole, imp);
    }
  }
  if (!r.ok()) {
    auto e = r.err();
    if (e.message.rfind(name, 0) != 0)
      e.message = name + (e.offset > 0 ? ":" + std::to_string(e.offset) : std::string()) + ": " + e.message;
    return e; // the transaction rolls back
  }
  if (!content_hash.empty())
    if (auto b = record_batch(s, content_hash, name, imp.report()); !b.ok())
      return b.err();
  if (auto c = tx.commit(); !c.ok())
    return c.err();
  return std::move(imp.report());
}

} // namespace

result<import_format> parse_import_format(std::string_view name) {
  if (name == "auto")
    return import_format::auto_detect;
  if (name == "jsonl" || name == "ndjson")
    return import_format::jsonl;
  if (name == "csv")
    return import_format::csv;
  if (name == "claimreview")
    return import_format::claimreview;
  return error{
      error_code::usage,
      "unknown import format \"" + std::string(name) + "\" (expected auto, jsonl, csv or claimreview)", 0};
}

std::string_view to_string(import_format f) {
  switch (f) {
  case import_format::auto_detect: return "auto";
  case import_format::jsonl: return "jsonl";
  case import_format::csv: return "csv";
  case import_format::claimreview: return "claimreview";
  }
  return "auto";
}

result<import_report> import_file(store &s, const std::string &path, const import_options &options) {
  if (path == "-")
    return run(s, std::cin, "<stdin>", options);
  auto content_hash = hash_file(path);
  if (!content_hash.ok())
    return content_hash.err();
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return error{error_code::io_error, path + ": cannot open for reading", 0};
  import_options o = options;
  if (o.format == import_format::auto_detect) {
    // Detect from the head, then stream the file from the start (JSONL is never held whole).
    std::string head(65536, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    o.format = detect(path, head);
    in.clear();
    in.seekg(0);
  }
  return run(s, in, path, o, content_hash.value());
}

result<import_report> import_text(store &s, std::string_view content, const std::string &name,
                                  const import_options &options) {
  std::istringstream in{std::string(content)};
  return run(s, in, name, options);
}

result<void> add_statements(store &s, const std::vector<statement_input> &records) {
  if (s.mode() != open_mode::read_write)
    return error{error_code::usage, s.path() + ": opened read-only; cannot add statements", 0};
  detail::transaction tx(s);
  if (!tx.ok())
    return tx.err();
  detail::writer w(s);
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (auto reason = detail::validate(records[i]); !reason.empty())
      return error{error_code::bad_record, "record " + std::to_string(i) + ": " + reason, i};
    if (auto r = w.write(records[i]); !r.ok())
      return r.err();
  }
  return tx.commit();
}

} // namespace quotecheck::db
