/// report.html: one self-contained page for a standards editor, written from
/// the audit's state with bounded queries. No script, nothing loaded from
/// outside; every text from the corpus or the database is escaped.

#include <quotecheck/audit/report.hpp>

#include "atomic_file.hpp"
#include "drift.hpp"
#include "html_escape.hpp"
#include "report_data.hpp"
#include "report_style.hpp"
#include "svg.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <utility>

namespace quotecheck::audit {

namespace {

using detail::append_escaped;
using detail::html_escape;
using detail::with_commas;

constexpr std::int64_t chart_rules = 30;
constexpr std::int64_t chart_speakers = 15;
constexpr std::int64_t table_rows = 100;
constexpr std::int64_t repeated_groups = 50;
constexpr std::size_t group_wordings = 12;
constexpr std::size_t timeline_lanes = 10;
constexpr std::int64_t failure_rows = 50;

/// A fixed colour per severity (never a value from the data).
const char *severity_colour(const std::string &severity) {
  if (severity == "error") {
    return "#c62828";
  }
  if (severity == "warning") {
    return "#ef8f00";
  }
  if (severity == "note") {
    return "#1565c0";
  }
  return "#78909c";
}

/// A fixed colour per speaker type.
const char *speaker_colour(const std::string &type) {
  if (type == "person") {
    return "#00796b";
  }
  if (type == "organization") {
    return "#6a1b9a";
  }
  if (type == "document") {
    return "#8d6e63";
  }
  if (type == "anonymous") {
    return "#546e7a";
  }
  return "#b0bec5";
}

/// A link when `url` is an http(s) URL (so no javascript: or data: URL from
/// the data becomes clickable), else the escaped text.
void append_link(std::string &out, const std::string &url, const std::string &text) {
  const bool web = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  if (!web) {
    append_escaped(out, text);
    return;
  }
  out += "<a href=\"";
  append_escaped(out, url);
  out += "\" rel=\"noopener noreferrer\">";
  append_escaped(out, text);
  out += "</a>";
}

/// A date, or a muted "undated".
void append_date(std::string &out, const std::string &date) {
  if (date.empty()) {
    out += "<span class=\"muted\">undated</span>";
  } else {
    append_escaped(out, date);
  }
}

/// Word diff ops as inline HTML: deletions struck through, insertions underlined.
void append_ops(std::string &out, const std::vector<db::diff_op> &ops) {
  out += "<span class=\"diff\">";
  bool first = true;
  for (const db::diff_op &d : ops) {
    if (!first) {
      out += ' ';
    }
    first = false;
    switch (d.op) {
    case db::diff_op::kind::equal: append_escaped(out, d.text); break;
    case db::diff_op::kind::remove:
      out += "<del>";
      append_escaped(out, d.text);
      out += "</del>";
      break;
    case db::diff_op::kind::insert:
      out += "<ins>";
      append_escaped(out, d.text);
      out += "</ins>";
      break;
    }
  }
  out += "</span>";
}

/// The quotes.diff JSON ([{"op","text"}]) as ops; empty when absent or unreadable.
std::vector<db::diff_op> parse_diff(const std::string &diff_json) {
  std::vector<db::diff_op> ops;
  if (diff_json.empty()) {
    return ops;
  }
  const nlohmann::json j = nlohmann::json::parse(diff_json, nullptr, false);
  if (!j.is_array()) {
    return ops;
  }
  for (const auto &e : j) {
    if (!e.is_object() || !e.contains("op") || !e.contains("text") || !e["op"].is_string() ||
        !e["text"].is_string()) {
      continue;
    }
    const std::string op = e["op"].get<std::string>();
    db::diff_op d;
    d.op = op == "delete"   ? db::diff_op::kind::remove
           : op == "insert" ? db::diff_op::kind::insert
                            : db::diff_op::kind::equal;
    d.text = e["text"].get<std::string>();
    ops.push_back(std::move(d));
  }
  return ops;
}

/// An article cell: id (linked to its URL), outlet and date, line.
void append_article(std::string &out, const quote_row &q) {
  out += "<div class=\"doc\">";
  append_link(out, q.url, q.doc_id.empty() ? std::string("(no id)") : q.doc_id);
  out += "</div><div class=\"muted\">";
  if (!q.outlet.empty()) {
    append_escaped(out, q.outlet);
    out += " \u00b7 ";
  }
  append_date(out, q.date);
  out += " \u00b7 line " + std::to_string(q.line) + "</div>";
}

/// A record cell: who said it (when `with_speaker`), statement date, source (linked), id.
void append_record(std::string &out, const quote_row &q, bool with_speaker) {
  if (with_speaker && !q.statement_speaker.empty()) {
    out += "<div class=\"doc\">";
    append_escaped(out, q.statement_speaker);
    out += "</div>";
  }
  out += "<div>";
  append_date(out, q.statement_date);
  out += "</div><div>";
  append_link(out, q.statement_url, q.statement_source.empty() ? std::string("source") : q.statement_source);
  out += "</div>";
  if (q.statement_id) {
    out += "<div class=\"muted\">statement " + std::to_string(*q.statement_id) + "</div>";
  }
}

/// A score in [0, 1] as a whole percentage.
std::string percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f%%", v * 100);
  return buf;
}

/// A "showing N of M" note when a list was cut; recorded for the closing section too.
void note_cut(std::string &out, std::vector<std::string> &left_out, const std::string &what,
              std::int64_t shown, std::int64_t total) {
  if (shown >= total) {
    return;
  }
  const std::string note =
      what + ": showing the first " + with_commas(shown) + " of " + with_commas(total) + ".";
  out += "<p class=\"cut\">" + html_escape(note) + "</p>\n";
  left_out.push_back(note);
}

/// The page, built from bounded queries.
class page {
public:
  page(sqlite3 *db, const corpus_counts &counts) : db_(db), counts_(counts) {}

  result<std::string> render() {
    auto run = detail::load_run(db_);
    auto rules = detail::load_rule_counts(db_);
    auto kinds = detail::load_kinds(db_);
    auto altered = detail::count_quotes_with_rule(db_, "quote.altered");
    auto misattributed = detail::count_quotes_with_rule(db_, "quote.misattributed");
    for (const error *e :
         {err_of(run), err_of(rules), err_of(kinds), err_of(altered), err_of(misattributed)}) {
      if (e != nullptr) {
        return *e;
      }
    }
    const detail::run_info &r = run.value();
    head(r);
    header(r, kinds.value(), altered.value(), misattributed.value(), counts_.repeated);
    findings(rules.value());
    speakers();
    if (auto e = altered_table(altered.value()); !e.ok()) {
      return e.err();
    }
    if (auto e = misattributed_table(misattributed.value()); !e.ok()) {
      return e.err();
    }
    repeated_quotations(counts_.repeated);
    if (auto e = failures(r.failed); !e.ok()) {
      return e.err();
    }
    closing(r);
    return std::move(out_);
  }

private:
  template <typename T> static const error *err_of(const result<T> &r) { return r.ok() ? nullptr : &r.err(); }

  void head(const detail::run_info &r) {
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
            "'unsafe-inline'; img-src data:\">\n<title>Quotation audit: " +
            with_commas(r.documents) + " documents</title>\n<style>\n";
    out_ += detail::report_css;
    out_ += "</style>\n</head>\n<body>\n";
  }

  void header(const detail::run_info &r, const std::vector<detail::value_count> &kinds, std::int64_t altered,
              std::int64_t misattributed, std::int64_t repeated) {
    out_ += "<header>\n<h1>Quotation audit</h1>\n<p class=\"run\">";
    std::string inputs = r.inputs;
    const nlohmann::json j = nlohmann::json::parse(r.inputs, nullptr, false);
    if (j.is_array()) {
      inputs.clear();
      for (const auto &e : j) {
        if (e.is_string()) {
          inputs += (inputs.empty() ? "" : ", ") + e.get<std::string>();
        }
      }
    }
    out_ += "<b>Corpus</b> ";
    append_escaped(out_, inputs.empty() ? std::string("(not recorded)") : detail::truncate_utf8(inputs, 400));
    if (!r.shard.empty()) {
      out_ += " \u00b7 <b>shard</b> ";
      append_escaped(out_, r.shard);
    }
    out_ += "<br><b>Statements database</b> ";
    append_escaped(out_, r.db.empty() ? std::string("none (nothing checked against the record)") : r.db);
    out_ += "<br><b>Run</b> ";
    append_escaped(out_, r.started.empty() ? std::string("?") : r.started);
    out_ += " \u2192 ";
    append_escaped(out_, r.finished.empty() ? std::string("unfinished") : r.finished);
    out_ += " \u00b7 quotecheck ";
    append_escaped(out_, r.version);
    out_ += "</p>\n<div class=\"cards\">\n";
    card(with_commas(r.documents), "documents", "");
    card(with_commas(r.failed), "failed to read", r.failed > 0 ? "warn" : "");
    char mb[32];
    std::snprintf(mb, sizeof mb, "%.1f MB", static_cast<double>(r.bytes) / 1e6);
    card(mb, "of text", "");
    card(with_commas(r.quotes), "quotes", "");
    card(with_commas(altered), "altered", altered > 0 ? "bad" : "");
    card(with_commas(misattributed), "misattributed", misattributed > 0 ? "bad" : "");
    card(with_commas(repeated), "quotations in several documents", "");
    out_ += "</div>\n";
    if (!kinds.empty()) {
      out_ += "<p class=\"kinds\">Quotes by kind: ";
      bool first = true;
      for (const detail::value_count &k : kinds) {
        out_ += first ? "" : " \u00b7 ";
        first = false;
        append_escaped(out_, k.value);
        out_ += " <b>" + with_commas(k.n) + "</b>";
      }
      out_ += "</p>\n";
    }
    out_ += "<nav><a href=\"#findings\">Findings</a> <a href=\"#speakers\">Speakers</a> "
            "<a href=\"#altered\">Altered</a> <a href=\"#misattributed\">Misattributed</a> "
            "<a href=\"#travel\">Quotations that travelled</a> <a href=\"#failures\">Failures</a> "
            "<a href=\"#left-out\">Left out</a></nav>\n</header>\n";
  }

  void card(const std::string &value, const std::string &label, const std::string &tone) {
    out_ += "<div class=\"card" + (tone.empty() ? std::string() : " " + tone) + "\"><div class=\"value\">" +
            html_escape(value) + "</div><div class=\"label\">" + html_escape(label) + "</div></div>\n";
  }

  void findings(const std::vector<detail::rule_count> &rules) {
    out_ += "<section id=\"findings\">\n<h2>Findings by rule</h2>\n";
    std::vector<detail::bar> bars;
    std::int64_t total = 0;
    for (const detail::rule_count &c : rules) {
      total += c.n;
      if (static_cast<std::int64_t>(bars.size()) < chart_rules) {
        bars.push_back({c.rule, c.n, severity_colour(c.severity),
                        c.rule + " (" + c.severity + "): " + with_commas(c.n)});
      }
    }
    out_ += "<p class=\"legend\">" + with_commas(total) +
            " findings. Colour by severity: "
            "<span class=\"swatch\" style=\"background:#c62828\"></span>error "
            "<span class=\"swatch\" style=\"background:#ef8f00\"></span>warning "
            "<span class=\"swatch\" style=\"background:#1565c0\"></span>note</p>\n";
    out_ += detail::svg_bar_chart(bars, "Findings by rule") + "\n";
    note_cut(out_, left_out_, "Rules in the chart", static_cast<std::int64_t>(bars.size()),
             static_cast<std::int64_t>(rules.size()));
    out_ += "</section>\n";
  }

  void speakers() {
    out_ += "<section id=\"speakers\">\n<h2>Most quoted speakers</h2>\n<p class=\"legend\">Top " +
            std::to_string(chart_speakers) +
            " by quotes. <span class=\"swatch\" style=\"background:#00796b\"></span>person "
            "<span class=\"swatch\" style=\"background:#6a1b9a\"></span>organization "
            "<span class=\"swatch\" style=\"background:#8d6e63\"></span>document "
            "<span class=\"swatch\" style=\"background:#546e7a\"></span>anonymous "
            "<span class=\"swatch\" style=\"background:#b0bec5\"></span>other</p>\n";
    std::vector<detail::bar> bars;
    for (const speaker_total &s : counts_.top_speakers) {
      if (std::cmp_greater_equal(bars.size(), chart_speakers)) {
        break;
      }
      bars.push_back({s.name, s.quotes, speaker_colour(s.type),
                      s.name + " (" + s.type + "): " + with_commas(s.quotes) + " quotes in " +
                          with_commas(s.documents) + " documents"});
    }
    out_ += detail::svg_bar_chart(bars, "Most quoted speakers") + "\n</section>\n";
  }

  result<void> altered_table(std::int64_t total) {
    auto rows = detail::load_quotes_with_rule(db_, "quote.altered", table_rows);
    if (!rows.ok()) {
      return rows.err();
    }
    out_ += "<section id=\"altered\">\n<h2>Altered quotes (" + with_commas(total) +
            ")</h2>\n<p class=\"legend\">Quotes close to a statement on record of the same speaker, with "
            "words changed: <del>struck through</del> words on record the article dropped or replaced, "
            "<ins>underlined</ins> words the article added.</p>\n";
    if (rows.value().empty()) {
      out_ += "<p class=\"muted\">No altered quotes.</p>\n</section>\n";
      return {};
    }
    out_ += "<table class=\"diffs altered\">\n<thead><tr><th>Article</th><th>Speaker</th><th>As printed, "
            "against the record</th><th>On record</th><th>Score</th></tr></thead>\n<tbody>\n";
    for (const quote_row &q : rows.value()) {
      out_ += "<tr><td>";
      append_article(out_, q);
      out_ += "</td><td>";
      if (q.speaker.empty()) {
        out_ += "<span class=\"muted\">unattributed</span>";
      } else {
        append_escaped(out_, q.speaker);
      }
      out_ += "</td><td>";
      const std::vector<db::diff_op> ops = parse_diff(q.diff);
      if (ops.empty()) {
        out_ += "<q>";
        append_escaped(out_, q.text);
        out_ += "</q>";
      } else {
        append_ops(out_, ops);
      }
      out_ += "</td><td>";
      append_record(out_, q, true);
      out_ += "</td><td class=\"num\">" + percent(q.score) + "</td></tr>\n";
    }
    out_ += "</tbody></table>\n";
    note_cut(out_, left_out_, "Altered quotes", static_cast<std::int64_t>(rows.value().size()), total);
    out_ += "</section>\n";
    return {};
  }

  result<void> misattributed_table(std::int64_t total) {
    auto rows = detail::load_quotes_with_rule(db_, "quote.misattributed", table_rows);
    if (!rows.ok()) {
      return rows.err();
    }
    out_ += "<section id=\"misattributed\">\n<h2>Misattributed quotes (" + with_commas(total) +
            ")</h2>\n<p class=\"legend\">Quotes that match a statement on record by someone other than the "
            "speaker the article credits.</p>\n";
    if (rows.value().empty()) {
      out_ += "<p class=\"muted\">No misattributed quotes.</p>\n</section>\n";
      return {};
    }
    out_ += "<table class=\"diffs misattributed\">\n<thead><tr><th>Article</th><th>Quote</th><th>Credited "
            "to</th><th>Said on record by</th><th>On record</th></tr></thead>\n<tbody>\n";
    for (const quote_row &q : rows.value()) {
      out_ += "<tr><td>";
      append_article(out_, q);
      out_ += "</td><td><q>";
      append_escaped(out_, q.text);
      out_ += "</q></td><td class=\"credited\">";
      append_escaped(out_, q.speaker.empty() ? std::string("(nobody)") : q.speaker);
      out_ += "</td><td class=\"onrecord\">";
      append_escaped(out_, q.statement_speaker);
      out_ += "</td><td>";
      append_record(out_, q, false);
      out_ += "</td></tr>\n";
    }
    out_ += "</tbody></table>\n";
    note_cut(out_, left_out_, "Misattributed quotes", static_cast<std::int64_t>(rows.value().size()), total);
    out_ += "</section>\n";
    return {};
  }

  void repeated_quotations(std::int64_t total) {
    const std::vector<detail::repeated_quotation> groups =
        detail::describe_repeated(counts_.top_groups, repeated_groups);
    out_ += "<section id=\"travel\">\n<h2>Quotations that travelled (" + with_commas(total) +
            ")</h2>\n<p class=\"legend\">Each quotation found in several documents, most widespread first: "
            "where it first appeared, and each distinct wording in date order against that first "
            "appearance (<del>dropped</del>, <ins>added</ins>). On the timelines each dot is a sighting; "
            "<span class=\"dot first\"></span> marks the first appearance.</p>\n";
    if (groups.empty()) {
      out_ += "<p class=\"muted\">No quotation was found in more than one document.</p>\n</section>\n";
      return;
    }
    std::size_t n = 0;
    for (const detail::repeated_quotation &g : groups) {
      quotation(g, ++n);
    }
    note_cut(out_, left_out_, "Quotations that travelled", static_cast<std::int64_t>(groups.size()), total);
    out_ += "</section>\n";
  }

  void quotation(const detail::repeated_quotation &g, std::size_t n) {
    const quote_row &f = g.first;
    out_ += "<article class=\"quotation\">\n<h3><span class=\"rank\">" + std::to_string(n) + ".</span> ";
    append_escaped(out_, f.speaker.empty() ? std::string("Unattributed") : f.speaker);
    out_ += ": <q>";
    append_escaped(out_, detail::truncate_utf8(f.text, 240));
    out_ += "</q></h3>\n<p class=\"facts\">" + with_commas(g.documents) + " documents \u00b7 " +
            (g.outlets == 0 ? std::string("outlets unknown") : with_commas(g.outlets) + " outlets") +
            " \u00b7 " + with_commas(g.sightings) + " sightings \u00b7 " + std::to_string(g.wordings.size()) +
            (g.wordings.size() == 1 ? " wording" : " wordings") + "<br><b>First appearance</b> ";
    append_date(out_, f.date);
    out_ += ", ";
    append_escaped(out_, f.outlet.empty() ? std::string("unknown outlet") : f.outlet);
    out_ += ", ";
    append_link(out_, f.url, f.doc_id);
    out_ += "</p>\n<table class=\"drift\">\n<thead><tr><th>First seen</th><th>Printed by</th><th>Sightings"
            "</th><th>Wording, against the first appearance</th></tr></thead>\n<tbody>\n";
    std::size_t shown = 0;
    for (const detail::wording &w : g.wordings) {
      if (shown++ == group_wordings) {
        break;
      }
      out_ += std::string("<tr") + (w.same_as_first ? " class=\"first\"" : "") + "><td>";
      append_date(out_, w.first_date);
      out_ += "</td><td>";
      if (w.outlets.empty()) {
        out_ += "<span class=\"muted\">unknown</span>";
      }
      for (std::size_t i = 0; i < w.outlets.size(); ++i) {
        out_ += i > 0 ? ", " : "";
        append_escaped(out_, w.outlets[i]);
      }
      out_ += "</td><td class=\"num\">" + with_commas(w.sightings) + "</td><td>";
      if (w.same_as_first) {
        out_ += "<q>";
        append_escaped(out_, w.text);
        out_ += "</q> <span class=\"tag\">first</span>";
      } else {
        append_ops(out_, w.diff);
      }
      out_ += "</td></tr>\n";
    }
    out_ += "</tbody></table>\n";
    if (g.wordings.size() > group_wordings) {
      out_ += "<p class=\"cut\">Showing " + std::to_string(group_wordings) + " of " +
              std::to_string(g.wordings.size()) + " wordings.</p>\n";
    }
    if (static_cast<std::int64_t>(g.shown.size()) < g.sightings) {
      out_ += "<p class=\"cut\">Wordings and timeline cover the first " +
              with_commas(static_cast<std::int64_t>(g.shown.size())) + " of " + with_commas(g.sightings) +
              " sightings, by date.</p>\n";
    }
    std::vector<detail::timeline_dot> dots;
    std::size_t undated = 0;
    for (const quote_row &q : g.shown) {
      undated += q.date.empty() ? 1 : 0;
      dots.push_back({q.outlet, q.date,
                      (q.date.empty() ? std::string("undated") : q.date) + " \u00b7 " +
                          (q.outlet.empty() ? std::string("unknown outlet") : q.outlet) + " \u00b7 " +
                          q.doc_id,
                      &q == &g.shown.front()});
    }
    const std::string timeline = detail::svg_timeline(dots, timeline_lanes);
    if (!timeline.empty()) {
      out_ += "<div class=\"timeline-box\">" + timeline + "</div>\n";
    }
    if (undated > 0) {
      out_ += "<p class=\"muted small\">" + with_commas(static_cast<std::int64_t>(undated)) +
              " undated sighting" + (undated == 1 ? "" : "s") + " not on the timeline.</p>\n";
    }
    out_ += "</article>\n";
  }

  result<void> failures(std::int64_t failed) {
    auto rows = detail::load_failures(db_, failure_rows);
    auto count = detail::count_failures(db_);
    if (!rows.ok()) {
      return rows.err();
    }
    if (!count.ok()) {
      return count.err();
    }
    out_ +=
        "<section id=\"failures\">\n<h2>Failures (" + with_commas(std::max(failed, count.value())) +
        ")</h2>\n<p class=\"legend\">Documents that could not be read; the run went on without them.</p>\n";
    if (rows.value().empty()) {
      out_ += "<p class=\"muted\">Every document was read.</p>\n</section>\n";
      return {};
    }
    out_ +=
        "<table class=\"failures\">\n<thead><tr><th>File</th><th>Line</th><th>Document</th><th>Reason</th>"
        "</tr></thead>\n<tbody>\n";
    for (const failure_row &f : rows.value()) {
      out_ += "<tr><td>";
      append_escaped(out_, f.origin);
      out_ += "</td><td class=\"num\">" + std::to_string(f.line) + "</td><td>";
      append_escaped(out_, f.doc_id);
      out_ += "</td><td>";
      append_escaped(out_, f.reason);
      out_ += "</td></tr>\n";
    }
    out_ += "</tbody></table>\n";
    note_cut(out_, left_out_, "Failures", static_cast<std::int64_t>(rows.value().size()), count.value());
    out_ += "</section>\n";
    return {};
  }

  void closing(const detail::run_info &r) {
    out_ += "<section id=\"left-out\">\n<h2>What this page leaves out</h2>\n";
    if (left_out_.empty()) {
      out_ += "<p>Nothing: every list above is complete.</p>\n";
    } else {
      out_ += "<p>Lists are cut to keep the page small; findings.jsonl and summary.json beside this page "
              "have the full counts and every finding.</p>\n<ul>\n";
      for (const std::string &note : left_out_) {
        out_ += "<li>" + html_escape(note) + "</li>\n";
      }
      out_ += "</ul>\n";
    }
    out_ += "</section>\n<footer>Written by quotecheck ";
    append_escaped(out_, r.version);
    out_ += " from audit.sqlite.</footer>\n</body>\n</html>\n";
  }

  sqlite3 *db_;
  const corpus_counts &counts_;
  std::string out_;
  std::vector<std::string> left_out_;
};

} // namespace

result<void> write_report_html(const state &s, const std::string &path) {
  auto counts = count_corpus(s);
  if (!counts.ok()) {
    return counts.err();
  }
  return write_report_html(s, counts.value(), path);
}

result<void> write_report_html(const state &s, const corpus_counts &counts, const std::string &path) {
  auto html = page(s.handle(), counts).render();
  if (!html.ok()) {
    return html.err();
  }
  return detail::write_atomically(path, html.value());
}

} // namespace quotecheck::audit
