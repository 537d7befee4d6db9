// Writes OUTDIR/audit.sqlite, summary.json and report.html from a small audit
// state of invented articles and statements, so the browser test can render a
// report that has every section (altered and misattributed quotes, a
// quotation travelling across outlets) whatever corpus is at hand.
//
//   audit_report_sample OUTDIR

#include <quotecheck/audit/report.hpp>
#include <quotecheck/audit/state.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

using namespace quotecheck::audit;

namespace {

quote_row row(std::int64_t seq, const std::string &outlet, const std::string &date,
              const std::string &speaker, const std::string &text, const std::string &rule,
              const std::string &severity) {
  quote_row q;
  q.seq = seq;
  q.doc_id = "article-" + std::to_string(seq);
  q.url = "https://news.example/" + q.doc_id;
  q.outlet = outlet;
  q.date = date;
  q.line = 2 + seq % 7;
  q.col = 1;
  q.kind = seq % 5 == 4 ? "indirect" : "direct";
  q.text = text;
  q.speaker = speaker;
  q.speaker_type = speaker.rfind("Ministry", 0) == 0 ? "organization"
                   : speaker == "a spokesperson"     ? "anonymous"
                                                     : "person";
  q.rule = rule;
  q.severity = severity;
  q.score = 0.8;
  q.group_key = "t:" + speaker + "|" + text;
  return q;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: audit_report_sample OUTDIR\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir / "audit.sqlite");
  auto opened = state::open((dir / "audit.sqlite").string());
  if (!opened.ok()) {
    std::fprintf(stderr, "audit_report_sample: %s\n", opened.err().message.c_str());
    return 1;
  }
  state &s = opened.value();
  batch b;
  const char *outlets[] = {"The Harbour Gazette", "Valley Courier", "Northern Ledger", "City Wire",
                           "Coastal Times"};
  const char *speakers[] = {"Mara Quill",     "Tomas Brenn",    "Ines Oduya",  "Ministry of Roads",
                            "Paul Lindqvist", "a spokesperson", "Dana Okafor", "Leo Marchetti"};
  std::int64_t seq = 0;
  // Ordinary quotes, spread over speakers and rules.
  for (int i = 0; i < 60; ++i) {
    const std::string speaker = speakers[i % (1 + i % 8)]; // skewed: a few speakers dominate
    const char *rule = i % 3 == 0 ? "quote.verified" : i % 3 == 1 ? "quote.unverified" : "quote.fragment";
    const char *severity = i % 3 == 1 ? "warning" : "note";
    b.quotes.push_back(row(seq++, outlets[i % 5],
                           "2025-05-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1),
                           speaker, "invented words number " + std::to_string(i), rule, severity));
  }
  // Altered quotes with their diffs against the record.
  quote_row a = row(seq++, "Valley Courier", "2025-05-12", "Mara Quill",
                    "We will double the bridge budget this year", "quote.altered", "error");
  a.statement_id = 101;
  a.statement_speaker = "Mara Quill";
  a.statement_text = "We will review the bridge budget this year";
  a.statement_date = "2025-05-10";
  a.statement_source = "Council meeting minutes";
  a.statement_url = "https://council.example/minutes/2025-05-10";
  a.diff =
      R"([{"op":"equal","text":"We will"},{"op":"delete","text":"review"},{"op":"insert","text":"double"},)"
      R"({"op":"equal","text":"the bridge budget this year"}])";
  b.quotes.push_back(a);
  quote_row a2 = row(seq++, "City Wire", "2025-05-14", "Tomas Brenn",
                     "Nobody on this board knew about the audit", "quote.altered", "error");
  a2.statement_id = 102;
  a2.statement_speaker = "Tomas Brenn";
  a2.statement_date = "2025-05-13";
  a2.statement_source = "Radio interview";
  a2.diff = R"([{"op":"delete","text":"Few people"},{"op":"insert","text":"Nobody"},)"
            R"({"op":"equal","text":"on this board knew about the audit"},{"op":"delete","text":"early"}])";
  b.quotes.push_back(a2);
  // A misattribution.
  quote_row m = row(seq++, "Northern Ledger", "2025-05-15", "Ines Oduya",
                    "The harbour will stay open to everyone", "quote.misattributed", "error");
  m.statement_id = 103;
  m.statement_speaker = "Paul Lindqvist";
  m.statement_date = "2025-05-02";
  m.statement_source = "Press conference";
  b.quotes.push_back(m);
  // A quotation travelling through five outlets over a week, in three wordings.
  const char *wordings[] = {"the new tunnel is a gift to the whole region",
                            "the new tunnel is a gift to the region",
                            "the tunnel is a real gift to the whole region"};
  for (int i = 0; i < 9; ++i) {
    quote_row t = row(seq++, outlets[(i + 2) % 5], "2025-06-0" + std::to_string(1 + i % 8), "Dana Okafor",
                      wordings[i < 3   ? 0
                               : i < 6 ? 1
                                       : 2],
                      "quote.unverified", "warning");
    t.group_key = "t:Dana Okafor|the new tunnel";
    b.quotes.push_back(t);
  }
  for (const quote_row &q : b.quotes) {
    b.rules.emplace_back(q.rule, q.severity);
  }
  b.rules.emplace_back("speaker.ambiguous", "warning");
  b.rules.emplace_back("quote.unattributed", "warning");
  b.rules.emplace_back("quote.unattributed", "warning");
  b.failures.push_back({seq, "sample.jsonl", 74, "article-x", "line 74: not a JSON object with \"text\""});
  b.documents = seq;
  b.failed = 1;
  b.bytes = 250000;
  b.next_seq = seq + 1;
  for (const auto &[key, value] : {std::pair<const char *, const char *>{"version", "sample"},
                                   {"inputs", R"(["sample.jsonl"])"},
                                   {"shard", ""},
                                   {"db", "sample.db"},
                                   {"started", "2025-06-10T09:00:00Z"},
                                   {"finished", "2025-06-10T09:00:04Z"}}) {
    if (auto r = s.set_meta(key, value); !r.ok()) {
      std::fprintf(stderr, "audit_report_sample: %s\n", r.err().message.c_str());
      return 1;
    }
  }
  auto r = s.commit(b);
  if (r.ok()) {
    r = write_summary(s, (dir / "summary.json").string());
  }
  if (r.ok()) {
    r = write_report_html(s, (dir / "report.html").string());
  }
  if (!r.ok()) {
    std::fprintf(stderr, "audit_report_sample: %s\n", r.err().message.c_str());
    return 1;
  }
  return 0;
}
