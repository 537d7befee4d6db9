/// The extract reporters.

#include "extract_report.hpp"

#include "json_writer.hpp"

#include <charconv>
#include <cstdio>

namespace quotecheck::cli {

std::string_view to_string(parser::quote_kind k) {
  switch (k) {
  case parser::quote_kind::direct: return "direct";
  case parser::quote_kind::indirect: return "indirect";
  case parser::quote_kind::mixed: return "mixed";
  case parser::quote_kind::partial: break;
  }
  return "partial";
}

std::string_view to_string(parser::severity s) {
  switch (s) {
  case parser::severity::note: return "note";
  case parser::severity::warning: return "warning";
  case parser::severity::error: break;
  }
  return "error";
}

namespace {

std::string_view slice(std::string_view text, parser::span s) { return text.substr(s.begin, s.size()); }

/// "start"/"end" (code points) and "text" of a span.
void write_span(json_writer &w, const processed_document &d, parser::span s) {
  w.key("start");
  w.value(d.positions.code_point(s.begin));
  w.key("end");
  w.value(d.positions.code_point(s.end));
  w.key("text");
  w.value(slice(d.input.text, s));
}

} // namespace

void write_quote_fields(json_writer &w, const processed_document &d, const attribution::attributed_quote &q,
                        std::size_t /*index*/) {
  const parser::position p = d.positions.at(q.content.begin);
  w.begin_object();
  w.key("start");
  w.value(p.code_point);
  w.key("end");
  w.value(d.positions.code_point(q.content.end));
  w.key("byte_start");
  w.value(q.content.begin);
  w.key("byte_end");
  w.value(q.content.end);
  w.key("line");
  w.value(p.line);
  w.key("column");
  w.value(p.column);
  w.key("text");
  w.value(slice(d.input.text, q.content));
  w.key("kind");
  w.value(to_string(q.kind));
  w.key("quotation");
  char id[16] = {'q'};
  const auto id_end = std::to_chars(id + 1, id + sizeof id, std::uint64_t{q.quotation} + 1).ptr;
  w.value(std::string_view(id, static_cast<std::size_t>(id_end - id)));
  w.key("speaker");
  if (q.who) {
    w.begin_object();
    w.key("name");
    w.value(q.who->name);
    w.key("mention");
    if (q.who->mention.empty()) {
      w.null();
    } else {
      w.begin_object();
      write_span(w, d, q.who->mention);
      w.end_object();
    }
    w.key("type");
    w.value(attribution::to_string(q.who->type));
    w.key("role");
    if (q.who->role.empty()) {
      w.null();
    } else {
      w.value(q.who->role);
    }
    w.key("confidence");
    w.value(q.who->confidence);
    w.end_object();
  } else {
    w.null();
  }
  w.key("cue");
  if (q.verb) {
    w.begin_object();
    write_span(w, d, q.verb->words);
    w.key("lemma");
    w.value(q.verb->lemma);
    if (q.verb->mode != parser::cue_mode::asserted) {
      w.key("mode");
      w.value(q.verb->mode == parser::cue_mode::negated ? "negated" : "hypothetical");
    }
    w.end_object();
  } else {
    w.null();
  }
}

void write_diagnostics(json_writer &w, const processed_document &d) {
  w.begin_array();
  for (const parser::diagnostic &g : d.doc.diagnostics) {
    const parser::position p = d.positions.at(g.where.begin);
    w.begin_object();
    w.key("rule");
    w.value(g.rule);
    w.key("severity");
    w.value(to_string(g.level));
    w.key("start");
    w.value(p.code_point);
    w.key("end");
    w.value(d.positions.code_point(g.where.end));
    w.key("line");
    w.value(p.line);
    w.key("column");
    w.value(p.column);
    w.key("message");
    w.value(g.message);
    w.end_object();
  }
  w.end_array();
}

void write_extract_jsonl(std::string &out, const processed_document &d) {
  json_writer w(out, json_writer::mode::batched);
  w.begin_object();
  w.key("id");
  w.value(d.input.id);
  w.key("quotes");
  w.begin_array();
  for (std::size_t i = 0; i < d.quotes.size(); ++i) {
    write_quote_fields(w, d, d.quotes[i], i);
    w.end_object();
  }
  w.end_array();
  w.key("diagnostics");
  write_diagnostics(w, d);
  w.end_object();
  w.flush();
  out += '\n';
}

void write_failure_jsonl(std::string &out, const input_failure &f) {
  json_writer w(out);
  w.begin_object();
  w.key("id");
  w.value(f.id);
  w.key("quotes");
  w.begin_array();
  w.end_array();
  w.key("diagnostics");
  w.begin_array();
  w.end_array();
  w.key("error");
  w.value(describe(f));
  w.end_object();
  out += '\n';
}

void write_extract_text(std::string &out, const processed_document &d) {
  out += d.input.id;
  out += '\n';
  if (d.quotes.empty()) {
    out += "  no quotations found\n";
  }
  char buf[64];
  for (const auto &q : d.quotes) {
    const parser::position p = d.positions.at(q.content.begin);
    std::snprintf(buf, sizeof buf, "  %u:%u  %-8s ", p.line, p.column,
                  std::string(to_string(q.kind)).c_str());
    out += buf;
    std::string_view words = slice(d.input.text, q.content);
    out += "\u201C";
    if (words.size() > 160) {
      // Cut at a code point boundary.
      std::size_t cut = 150;
      while (cut > 0 && (static_cast<unsigned char>(words[cut]) & 0xC0U) == 0x80U) {
        --cut;
      }
      out.append(words.substr(0, cut));
      out += "\u2026";
    } else {
      out.append(words);
    }
    out += "\u201D\n";
    out += "           ";
    if (q.who) {
      out += "\u2014 " + q.who->name;
      if (!q.who->role.empty()) {
        out += " (" + q.who->role + ")";
      }
      out += " [" + std::string(attribution::to_string(q.who->type));
      std::snprintf(buf, sizeof buf, ", confidence %.2f]", q.who->confidence);
      out += buf;
    } else {
      out += "\u2014 no speaker found";
    }
    if (q.verb) {
      out += ", cue \u201C" + std::string(slice(d.input.text, q.verb->words)) + "\u201D";
    }
    out += '\n';
  }
  for (const parser::diagnostic &g : d.doc.diagnostics) {
    const parser::position p = d.positions.at(g.where.begin);
    std::snprintf(buf, sizeof buf, "  %u:%u  ", p.line, p.column);
    out += buf;
    out += std::string(to_string(g.level)) + ": " + g.message + " [" + g.rule + "]\n";
  }
}

} // namespace quotecheck::cli
