// summary.json and report.html written from an audit state (issue 6): the
// counts a user would check, the bounded lists and their "left out" notes,
// and that no text from the corpus or database can become markup.

#include <quotecheck/audit/report.hpp>
#include <quotecheck/audit/state.hpp>

#include "audit_test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

namespace fs = std::filesystem;
using namespace quotecheck::audit;

namespace {

std::string slurp(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t count_of(const std::string &hay, const std::string &needle) {
  std::size_t n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

quote_row quote(std::int64_t seq, std::string doc, std::string speaker, std::string text, std::string rule,
                std::string severity) {
  quote_row q;
  q.seq = seq;
  q.doc_id = std::move(doc);
  q.url = "https://news.example/" + q.doc_id;
  q.outlet = "Daily Example";
  q.date = "2025-03-20";
  q.line = 3;
  q.col = 1;
  q.kind = "direct";
  q.text = std::move(text);
  q.speaker = std::move(speaker);
  q.speaker_type = "person";
  q.rule = std::move(rule);
  q.severity = std::move(severity);
  q.score = 0.9;
  q.group_key = "t:" + q.speaker + "|" + q.text;
  return q;
}

/// Opens a state in `dir` and commits `b` with its rules counted per quote.
state make_state(const temp_dir &dir, batch b) {
  auto s = state::open((dir.path / "audit.sqlite").string());
  REQUIRE(s.ok());
  for (const quote_row &q : b.quotes) {
    if (!q.rule.empty()) {
      b.rules.emplace_back(q.rule, q.severity);
    }
  }
  REQUIRE(s.value().set_meta("version", "0.1.0").ok());
  REQUIRE(s.value().set_meta("inputs", R"(["corpus/a.jsonl","corpus/b.jsonl"])").ok());
  REQUIRE(s.value().set_meta("db", "statements.db").ok());
  REQUIRE(s.value().set_meta("started", "2026-01-01T00:00:00Z").ok());
  REQUIRE(s.value().set_meta("finished", "2026-01-01T00:01:00Z").ok());
  REQUIRE(s.value().commit(b).ok());
  return std::move(s.value());
}

/// A small audit: an altered quote, a misattribution, one quotation printed by
/// three outlets in two wordings, and a few failures.
batch sample_batch() {
  batch b;
  quote_row altered =
      quote(0, "doc-1", "David Lammy", "It's vital we improve our partnership", "quote.altered", "error");
  altered.statement_id = 17;
  altered.statement_speaker = "David Lammy";
  altered.statement_text = "It's vital we upgrade our partnership";
  altered.statement_date = "2025-03-17";
  altered.statement_source = "FCDO press release";
  altered.statement_url = "https://gov.example/fcdo";
  altered.diff = R"([{"op":"equal","text":"It's vital we"},{"op":"delete","text":"upgrade"},)"
                 R"({"op":"insert","text":"improve"},{"op":"equal","text":"our partnership"}])";
  b.quotes.push_back(altered);

  quote_row wrong =
      quote(1, "doc-2", "Keir Starmer", "We will not back down", "quote.misattributed", "error");
  wrong.statement_id = 4;
  wrong.statement_speaker = "Yvette Cooper";
  wrong.statement_date = "2025-02-01";
  wrong.statement_source = "Commons debate";
  b.quotes.push_back(wrong);

  // One quotation in three documents; the earliest (by date) is doc-5 even
  // though doc-3 comes first in the corpus.
  const char *words[] = {"the budget is a betrayal of working families",
                         "the budget is a betrayal of families",
                         "the budget is a betrayal of working families"};
  const char *dates[] = {"2025-04-03", "2025-04-05", "2025-04-01"};
  const char *outlets[] = {"Morning Post", "Evening Star", "Weekly Ledger"};
  for (int i = 0; i < 3; ++i) {
    quote_row q = quote(2 + i, "doc-" + std::to_string(3 + i), "Rachel Reeves", words[i], "quote.unverified",
                        "warning");
    q.date = dates[i];
    q.outlet = outlets[i];
    q.group_key = "t:Rachel Reeves|the budget is a betrayal";
    b.quotes.push_back(q);
  }
  quote_row partial = quote(5, "doc-6", "", "a fragment", "", "");
  partial.kind = "partial";
  partial.speaker_type.clear();
  b.quotes.push_back(partial);
  for (int i = 0; i < 25; ++i) {
    b.failures.push_back({100 + i, "corpus/b.jsonl", 10 + i, "bad-" + std::to_string(i), "not JSON"});
  }
  b.documents = 6;
  b.failed = 25;
  b.bytes = 12345;
  b.next_seq = 125;
  return b;
}

} // namespace

TEST_CASE("summary.json gives the totals, counts and first failures in a fixed key order",
          "[audit][summary]") {
  temp_dir dir;
  state s = make_state(dir, sample_batch());
  const fs::path path = dir.path / "summary.json";
  REQUIRE(write_summary(s, path.string()).ok());
  CHECK_FALSE(fs::exists(path.string() + ".tmp"));

  const std::string text = slurp(path);
  const auto j = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (const auto &[key, value] : j.items()) {
    keys.push_back(key);
  }
  CHECK(keys == std::vector<std::string>{
                    "version", "inputs", "shard", "db", "started", "finished", "documents", "failed", "bytes",
                    "quotes", "quotes_by_kind", "findings_by_rule", "top_speakers",
                    "quotations_in_several_documents", "altered", "misattributed", "failures"});
  CHECK(j["inputs"] == nlohmann::ordered_json::array({"corpus/a.jsonl", "corpus/b.jsonl"}));
  CHECK(j["documents"] == 6);
  CHECK(j["failed"] == 25);
  CHECK(j["bytes"] == 12345);
  CHECK(j["quotes"] == 6);
  CHECK(j["quotes_by_kind"]["direct"] == 5);
  CHECK(j["quotes_by_kind"]["partial"] == 1);
  CHECK(j["findings_by_rule"]["quote.unverified"]["count"] == 3);
  CHECK(j["findings_by_rule"]["quote.unverified"]["severity"] == "warning");
  CHECK(j["findings_by_rule"]["quote.altered"]["severity"] == "error");
  REQUIRE(j["top_speakers"].size() == 3);
  CHECK(j["top_speakers"][0]["name"] == "Rachel Reeves");
  CHECK(j["top_speakers"][0]["quotes"] == 3);
  CHECK(j["top_speakers"][0]["documents"] == 3);
  CHECK(j["top_speakers"][0]["type"] == "person");
  CHECK(j["quotations_in_several_documents"] == 1);
  CHECK(j["altered"] == 1);
  CHECK(j["misattributed"] == 1);
  REQUIRE(j["failures"].size() == 20);
  CHECK(j["failures"][0]["origin"] == "corpus/b.jsonl");
  CHECK(j["failures"][0]["line"] == 10);
  CHECK(j["failures"][0]["id"] == "bad-0");
  CHECK(j["failures"][0]["reason"] == "not JSON");

  // Deterministic: the same state gives the same bytes.
  REQUIRE(write_summary(s, path.string()).ok());
  CHECK(slurp(path) == text);
}

TEST_CASE("report.html shows totals, charts, diffs, misattributions and the travel of a quotation",
          "[audit][report]") {
  temp_dir dir;
  state s = make_state(dir, sample_batch());
  const fs::path path = dir.path / "report.html";
  REQUIRE(write_report_html(s, path.string()).ok());
  CHECK_FALSE(fs::exists(path.string() + ".tmp"));
  const std::string html = slurp(path);

  SECTION("self-contained: no script and nothing loaded from outside") {
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
  }
  SECTION("charts with one bar per rule and per speaker, labelled with counts") {
    CHECK(count_of(html, "<svg class=\"chart\"") == 2);
    // 3 rules (altered, misattributed, unverified) + 3 named speakers.
    CHECK(count_of(html, "<rect class=\"bar\"") == 6);
    CHECK(html.find(">quote.unverified</text>") != std::string::npos);
    CHECK(html.find(">Rachel Reeves</text>") != std::string::npos);
  }
  SECTION("the altered quote's word diff and its record") {
    CHECK(html.find("It&#39;s vital we <del>upgrade</del> <ins>improve</ins> our partnership") !=
          std::string::npos);
    CHECK(html.find("FCDO press release") != std::string::npos);
    CHECK(html.find("2025-03-17") != std::string::npos);
  }
  SECTION("the misattribution names who the article credits and who said it") {
    CHECK(html.find("<td class=\"credited\">Keir Starmer</td><td class=\"onrecord\">Yvette Cooper</td>") !=
          std::string::npos);
  }
  SECTION("a quotation in three documents: first appearance by date, wording drift, timeline") {
    const auto at = html.find("<b>First appearance</b> 2025-04-01, Weekly Ledger");
    CHECK(at != std::string::npos);
    CHECK(html.find("3 documents \u00b7 3 outlets \u00b7 3 sightings \u00b7 2 wordings") !=
          std::string::npos);
    CHECK(html.find("the budget is a betrayal of <del>working</del> families") != std::string::npos);
    CHECK(count_of(html, "<svg class=\"timeline\"") == 1);
    CHECK(count_of(html, "<circle") == 3);
  }
  SECTION("all 25 failures are listed, with no note that some were left out") {
    CHECK(count_of(html, "not JSON") == 25);
    CHECK(html.find("Failures: showing") == std::string::npos);
  }
}

TEST_CASE("a later wording that quotes less of the first shows the dropped words", "[audit][report]") {
  temp_dir dir;
  batch b;
  quote_row first = quote(0, "doc-a", "Ana Ruiz", "we will rebuild every school in the county", "", "");
  first.date = "2025-01-01";
  first.group_key = "s:9";
  quote_row later = first;
  later.seq = 1;
  later.doc_id = "doc-b";
  later.date = "2025-01-05";
  later.text = "rebuild every school";
  b.quotes = {later, first};
  state s = make_state(dir, b);
  const fs::path path = dir.path / "report.html";
  REQUIRE(write_report_html(s, path.string()).ok());
  const std::string html = slurp(path);
  CHECK(html.find("<b>First appearance</b> 2025-01-01, Daily Example") != std::string::npos);
  CHECK(html.find("<del>we will</del> rebuild every school <del>in the county</del>") != std::string::npos);
}

TEST_CASE("report.html is bounded and says what it left out", "[audit][report]") {
  temp_dir dir;
  batch b;
  for (int i = 0; i < 130; ++i) {
    quote_row q = quote(i, "doc-" + std::to_string(i), "Speaker " + std::to_string(i % 40),
                        "words number " + std::to_string(i), "quote.altered", "error");
    q.diff = R"([{"op":"equal","text":"words"},{"op":"insert","text":"number"}])";
    b.quotes.push_back(q);
  }
  for (int i = 0; i < 60; ++i) {
    b.failures.push_back({i, "x.jsonl", i + 1, "id", "reason"});
  }
  b.documents = 130;
  b.failed = 60;
  state s = make_state(dir, b);
  const fs::path path = dir.path / "report.html";
  REQUIRE(write_report_html(s, path.string()).ok());
  const std::string html = slurp(path);
  CHECK(count_of(html, "<ins>number</ins>") == 100);
  CHECK(html.find("Altered quotes: showing the first 100 of 130.") != std::string::npos);
  CHECK(html.find("Failures: showing the first 50 of 60.") != std::string::npos);
  // Top 15 speakers in the chart, plus the one rule.
  CHECK(count_of(html, "<rect class=\"bar\"") == 16);
}

TEST_CASE("hostile text from the corpus and the database shows as text, never as markup",
          "[audit][report][hostile]") {
  temp_dir dir;
  batch b;
  const std::string evil = "<script>alert(1)</script>";
  quote_row q = quote(0, "doc\"><script>x</script>", evil, "\"><img src=x onerror=alert(1)> & 'quoted'",
                      "quote.altered", "error");
  q.outlet = "O'Reilly & Sons <b>";
  q.url = "javascript:alert(1)";
  q.statement_speaker = evil;
  q.statement_source = "<iframe src=//evil.example>";
  q.statement_url = "javascript:alert(2)";
  q.diff = R"([{"op":"delete","text":"<script>bad()</script>"},{"op":"insert","text":"</del><script>"}])";
  q.group_key = "t:same";
  b.quotes.push_back(q);
  quote_row wrong = q;
  wrong.seq = 1;
  wrong.doc_id = "doc-2";
  wrong.rule = "quote.misattributed";
  wrong.speaker_type = "<script>";
  b.quotes.push_back(wrong);
  b.failures.push_back({2, "<script>f.jsonl", 1, evil, evil});
  b.documents = 2;
  state s = make_state(dir, b);
  REQUIRE(s.set_meta("inputs", R"(["<script>alert(3)</script>.jsonl"])").ok());
  REQUIRE(s.set_meta("version", evil).ok());

  const fs::path html_path = dir.path / "report.html";
  REQUIRE(write_report_html(s, html_path.string()).ok());
  std::string html = slurp(html_path);
  std::string lower = html;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  CHECK(lower.find("<script") == std::string::npos);
  CHECK(lower.find("<img") == std::string::npos);
  CHECK(lower.find("<iframe") == std::string::npos);
  CHECK(lower.find("href=\"javascript") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quoted&#39;") !=
        std::string::npos);
  CHECK(html.find("O&#39;Reilly &amp; Sons &lt;b&gt;") != std::string::npos);
  CHECK(html.find("<del>&lt;script&gt;bad()&lt;/script&gt;</del> <ins>&lt;/del&gt;&lt;script&gt;</ins>") !=
        std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(3)&lt;/script&gt;.jsonl") != std::string::npos);

  const fs::path json_path = dir.path / "summary.json";
  REQUIRE(write_summary(s, json_path.string()).ok());
  const auto j = nlohmann::json::parse(slurp(json_path));
  CHECK(j["top_speakers"][0]["name"] == evil);
  CHECK(j["failures"][0]["reason"] == evil);
}

TEST_CASE("an unwritable output is an error, not an exception", "[audit][report]") {
  temp_dir dir;
  state s = make_state(dir, sample_batch());
  const std::string missing = (dir.path / "no-such-dir" / "report.html").string();
  const auto html = write_report_html(s, missing);
  REQUIRE_FALSE(html.ok());
  CHECK(html.err().code == quotecheck::error_code::io_error);
  const auto json = write_summary(s, (dir.path / "no-such-dir" / "summary.json").string());
  REQUIRE_FALSE(json.ok());
  CHECK(json.err().code == quotecheck::error_code::io_error);
}

TEST_CASE("count_corpus counts documents by distinct id and keeps the most widespread quotations",
          "[audit][report]") {
  batch b;
  // Lammy: 3 quotes in 2 documents, once typed "organization" (the greater type shows).
  b.quotes.push_back(quote(0, "doc-a", "David Lammy", "One", "", ""));
  b.quotes.push_back(quote(0, "doc-a", "David Lammy", "Two", "", ""));
  b.quotes.push_back(quote(1, "doc-b", "David Lammy", "One", "", ""));
  b.quotes.back().speaker_type = "organization";
  // Kallas: 1 quote; an unnamed speaker is never counted.
  b.quotes.push_back(quote(1, "doc-b", "Kaja Kallas", "Three", "", ""));
  b.quotes.push_back(quote(2, "doc-c", "", "Four", "", ""));
  // "Five" twice in one document (the same id read twice): not repeated.
  b.quotes.push_back(quote(2, "doc-c", "Kaja Kallas", "Five", "", ""));
  b.quotes.push_back(quote(3, "doc-c", "Kaja Kallas", "Five", "", ""));
  // "Six" in three documents, by two outlets and one without an outlet.
  for (const char *doc : {"doc-d", "doc-e", "doc-f"}) {
    b.quotes.push_back(quote(4, doc, "Keir Starmer", "Six", "", ""));
  }
  b.quotes[b.quotes.size() - 2].outlet = "Other Paper";
  b.quotes.back().outlet.clear();

  const auto check = [](const corpus_counts &c) {
    REQUIRE(c.top_speakers.size() == 3);
    CHECK(c.top_speakers[0].name == "David Lammy");
    CHECK(c.top_speakers[0].quotes == 3);
    CHECK(c.top_speakers[0].documents == 2);
    CHECK(c.top_speakers[0].type == "person");      // "person" > "organization"
    CHECK(c.top_speakers[1].name == "Kaja Kallas"); // 3 quotes, ties with Starmer: by name
    CHECK(c.top_speakers[1].documents == 2);
    CHECK(c.top_speakers[2].name == "Keir Starmer");
    CHECK(c.repeated == 2); // Lammy's "One" (doc-a, doc-b) and Starmer's "Six"
    REQUIRE(c.top_groups.size() == 2);
    CHECK(c.top_groups[0].group_key == "t:Keir Starmer|Six");
    CHECK(c.top_groups[0].documents == 3);
    CHECK(c.top_groups[0].sightings == 3);
    CHECK(c.top_groups[0].outlets == 2);
    CHECK(c.top_groups[1].group_key == "t:David Lammy|One");
    CHECK(c.top_groups[1].documents == 2);
    // Their sightings, by date then corpus order.
    REQUIRE(c.top_groups[0].shown.size() == 3);
    CHECK(c.top_groups[0].shown[0].doc_id == "doc-d");
    CHECK(c.top_groups[0].shown[2].doc_id == "doc-f");
    REQUIRE(c.top_groups[1].shown.size() == 2);
    CHECK(c.top_groups[1].shown[0].doc_id == "doc-a");
  };
  SECTION("a state file: two read connections at once") {
    temp_dir dir;
    const state s = make_state(dir, b);
    const auto c = count_corpus(s);
    REQUIRE(c.ok());
    check(c.value());
  }
  SECTION("a state in memory: its own connection") {
    auto s = state::open(":memory:");
    REQUIRE(s.ok());
    REQUIRE(s.value().commit(b).ok());
    const auto c = count_corpus(s.value());
    REQUIRE(c.ok());
    check(c.value());
  }
  SECTION("counted while the report index is built") {
    temp_dir dir;
    state s = make_state(dir, b);
    const auto c = index_and_count(s);
    REQUIRE(c.ok());
    check(c.value());
    sqlite3 *db = s.handle();
    sqlite3_stmt *q = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name = 'quotes_by_rule'", -1, &q,
                               nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(q) == SQLITE_ROW);
    CHECK(sqlite3_column_int(q, 0) == 1);
    sqlite3_finalize(q);
  }
}

TEST_CASE("count_corpus keeps only the most widespread quotations, in order", "[audit][report]") {
  batch b;
  // 60 repeated quotations: quotation k is printed in k % 7 + 2 documents.
  for (int k = 0; k < 60; ++k) {
    for (int d = 0; d < k % 7 + 2; ++d) {
      b.quotes.push_back(
          quote(d, "doc-" + std::to_string(d), "Speaker", "Words " + std::to_string(k), "", ""));
    }
  }
  temp_dir dir;
  const state s = make_state(dir, b);
  const auto c = count_corpus(s);
  REQUIRE(c.ok());
  CHECK(c.value().repeated == 60);
  REQUIRE(std::cmp_equal(c.value().top_groups.size(), counted_groups));
  const auto &g = c.value().top_groups;
  for (std::size_t i = 1; i < g.size(); ++i) {
    const bool ordered = g[i - 1].documents > g[i].documents ||
                         (g[i - 1].documents == g[i].documents && g[i - 1].group_key < g[i].group_key);
    CHECK(ordered);
  }
  CHECK(g.front().documents == 8);
  CHECK(g.back().documents >= 2);
}

TEST_CASE("count_corpus ranks quotations the same whichever half of the keys they fall in",
          "[audit][report]") {
  // The counts of a state file split the group keys at "t:8" over two scans;
  // the list kept must interleave both halves as one scan would.
  batch b;
  const auto repeat = [&b](const std::string &key, int documents) {
    for (int d = 0; d < documents; ++d) {
      b.quotes.push_back(quote(d, "doc-" + std::to_string(d), "Speaker", key, "", ""));
      b.quotes.back().group_key = key;
    }
  };
  repeat("s:12", 4);               // a stored statement: below the split
  repeat("t:0123456789abcdef", 5); // below
  repeat("t:8000000000000000", 3); // the split itself: above
  repeat("t:f000000000000000", 5); // above; ties with t:0... on documents, ranks after it by key
  repeat("t:7fffffffffffffff", 1); // once only: not repeated
  const std::vector<std::string> expected = {"t:0123456789abcdef", "t:f000000000000000", "s:12",
                                             "t:8000000000000000"};
  const auto keys = [](const corpus_counts &c) {
    std::vector<std::string> out;
    for (const group_total &g : c.top_groups) {
      out.push_back(g.group_key);
    }
    return out;
  };
  temp_dir dir;
  const state split = make_state(dir, b);
  const auto on_file = count_corpus(split);
  REQUIRE(on_file.ok());
  CHECK(on_file.value().repeated == 4);
  CHECK(keys(on_file.value()) == expected);
  REQUIRE(on_file.value().top_groups[1].shown.size() == 5); // sightings loaded for both halves
  CHECK(on_file.value().top_groups[2].shown.size() == 4);

  auto whole = state::open(":memory:"); // one connection: the keys unsplit
  REQUIRE(whole.ok());
  REQUIRE(whole.value().commit(b).ok());
  const auto in_memory = count_corpus(whole.value());
  REQUIRE(in_memory.ok());
  CHECK(in_memory.value().repeated == 4);
  CHECK(keys(in_memory.value()) == expected);
}
