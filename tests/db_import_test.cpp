/// Importing statements: JSONL, CSV, ClaimReview; one transaction a file;
/// bad records by line; export round trip; learned statements.

#include "../db/src/sha256.hpp"
#include "db_test_support.hpp"

#include <quotecheck/db/maintenance.hpp>
#include <quotecheck/db/matcher.hpp>
#include <quotecheck/db/speakers.hpp>

#include <fstream>
#include <sstream>

using namespace quotecheck;
using qc_test::temp_db;

namespace {

db::store_stats stats_of(const db::store &s) {
  auto st = db::stats(s);
  REQUIRE(st.ok());
  return st.value();
}

std::string write_file(const temp_db &t, const std::string &name, const std::string &content) {
  auto p = (t.dir() / name).string();
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

const char *k_three_good =
    R"({"speaker": "Mara Quist", "text": "The harbour will reopen in spring.", "date": "2024-11-02", "source": "Council briefing", "url": "https://example.org/1", "aliases": ["Quist", "Councillor Quist"], "medium": "briefing"}
{"speaker": "Mara Quist", "text": "We have repaired forty metres of sea wall.", "date": "2024-12-09"}
{"speaker": "Ilse Brandt", "text": "The ferry timetable is under review.", "role": "Transport director", "role_from": "2023-05-01"}
)";

} // namespace

TEST_CASE("JSONL import stores statements, aliases and roles", "[db][import]") {
  temp_db t;
  auto s = t.open();
  auto rep = qc_test::import_jsonl(s, k_three_good);
  CHECK(rep.records == 3);
  CHECK(rep.inserted == 3);
  auto st = stats_of(s);
  CHECK(st.speakers == 2);
  CHECK(st.aliases == 2);
  CHECK(st.roles == 1);
  CHECK(st.first_date == "2024-11-02");

  auto m = db::lookup(s, "the harbour will reopen in spring", "Councillor Quist");
  REQUIRE(m.ok());
  REQUIRE(m.value().size() == 1);
  const auto &stmt = m.value()[0].stmt;
  CHECK(stmt.speaker == "Mara Quist");
  CHECK(stmt.date == "2024-11-02");
  CHECK(stmt.source == "Council briefing");
  CHECK(stmt.url == "https://example.org/1");
  CHECK(stmt.medium == "briefing");

  auto ids = db::resolve_speaker(s, "Ilse Brandt");
  REQUIRE(ids.ok());
  REQUIRE(ids.value().size() == 1);
  auto roles = db::roles_of(s, ids.value()[0]);
  REQUIRE(roles.ok());
  REQUIRE(roles.value().size() == 1);
  CHECK(roles.value()[0] == db::role_input{"Transport director", "2023-05-01", ""});
}

TEST_CASE("importing the same file twice counts duplicates", "[db][import]") {
  temp_db t;
  auto s = t.open();
  qc_test::import_jsonl(s, k_three_good);
  auto again = qc_test::import_jsonl(s, k_three_good);
  CHECK(again.inserted == 0);
  CHECK(again.duplicates == 3);
  CHECK(stats_of(s).statements == 3);
}

TEST_CASE("a bad line 3 aborts the file: nothing written, error names line 3", "[db][import]") {
  temp_db t;
  auto s = t.open();
  std::string text = R"({"speaker": "A", "text": "first good line"}
{"speaker": "B", "text": "second good line", "aliases": ["Bee"]}
{"speaker": "C", "date": "2024-01-01"}
{"speaker": "D", "text": "fourth good line"}
)";
  auto path = write_file(t, "bad3.jsonl", text);
  auto r = db::import_file(s, path);
  REQUIRE_FALSE(r.ok());
  CHECK(r.err().code == error_code::bad_record);
  CHECK(r.err().offset == 3);
  CHECK_THAT(r.err().message, Catch::Contains(path + ":3:") && Catch::Contains("text"));
  auto st = stats_of(s);
  CHECK(st.statements == 0);
  CHECK(st.speakers == 0);
  CHECK(st.aliases == 0);
  CHECK(db::lookup(s, "first good line").value().empty());
}

TEST_CASE("bad records of every kind are reported with their line", "[db][import]") {
  struct bad_case {
    const char *line;
    const char *reason;
  };
  for (auto [line, reason] :
       {bad_case{"{not json", "invalid JSON"}, bad_case{R"({"text": "no speaker"})", "speaker"},
        bad_case{R"({"speaker": 5, "text": "x"})", "speaker"},
        bad_case{R"({"speaker": "A", "text": "x", "date": "17/03/2025"})", "date"},
        bad_case{R"({"speaker": "A", "text": "x", "aliases": "A", "roles": 3})", "roles"},
        bad_case{R"([1, 2])", "object"}}) {
    temp_db t;
    auto s = t.open();
    std::string text = std::string(R"({"speaker": "Z", "text": "fine"})") + "\n\n" + line + "\n";
    auto r = db::import_text(s, text, "x.jsonl");
    INFO(line);
    REQUIRE_FALSE(r.ok());
    CHECK(r.err().offset == 3);
    CHECK_THAT(r.err().message, Catch::Contains("x.jsonl:3:") && Catch::Contains(reason));
    CHECK(stats_of(s).statements == 0);
  }
}

TEST_CASE("skip_bad skips and counts bad records and keeps the rest", "[db][import]") {
  temp_db t;
  auto s = t.open();
  std::string text = R"({"speaker": "A", "text": "first good line"}
{"speaker": "B", "text": "second good line"}
{broken
{"speaker": "D", "text": "fourth good line"}
{"speaker": "", "text": "no name"}
)";
  db::import_options o;
  o.skip_bad = true;
  auto r = db::import_text(s, text, "x.jsonl", o);
  REQUIRE(r.ok());
  CHECK(r.value().inserted == 3);
  CHECK(r.value().skipped == 2);
  REQUIRE(r.value().bad.size() == 2);
  CHECK(r.value().bad[0].line == 3);
  CHECK(r.value().bad[1].line == 5);
  CHECK(stats_of(s).statements == 3);
}

TEST_CASE("CSV import: header, RFC 4180 quoting, aliases, roles", "[db][import][csv]") {
  temp_db t;
  auto s = t.open();
  std::string csv = "speaker,text,date,source,url,aliases,role,role_from,role_to\r\n"
                    "\"Quist, Mara\",\"We said \"\"no\"\", and we meant "
                    "it.\",2024-01-05,Radio,,Quist;MQ,Mayor,2022-05-01,\r\n"
                    "Ilse Brandt,\"A statement\nover two lines.\",2024-02-01,,https://example.org/x,,,,\r\n"
                    "Ilse Brandt,Third record.,2024-02-02,,,,,,\r\n";
  auto path = write_file(t, "s.csv", csv);
  auto r = db::import_file(s, path);
  INFO((r.ok() ? "" : r.err().message));
  REQUIRE(r.ok());
  CHECK(r.value().format == db::import_format::csv);
  CHECK(r.value().inserted == 3);
  auto m = db::lookup(s, "We said \"no\", and we meant it.", "MQ");
  REQUIRE(m.ok());
  REQUIRE(m.value().size() == 1);
  CHECK(m.value()[0].stmt.speaker == "Quist, Mara");
  CHECK(m.value()[0].stmt.text == "We said \"no\", and we meant it.");
  auto two = db::lookup(s, "a statement over two lines");
  REQUIRE(two.ok());
  REQUIRE_FALSE(two.value().empty());
  CHECK(two.value()[0].stmt.text == "A statement\nover two lines.");
  CHECK(stats_of(s).roles == 1);
}

TEST_CASE("CSV errors name the line where the bad record starts", "[db][import][csv]") {
  temp_db t;
  auto s = t.open();
  std::string csv = "speaker,text,date\n"
                    "A,\"two\nlines\",2024-01-01\n"
                    "B,no date,2024-13-40\n";
  db::import_options o;
  o.format = db::import_format::csv;
  auto r = db::import_text(s, csv, "s.csv", o);
  REQUIRE_FALSE(r.ok());
  CHECK(r.err().offset == 4);
  CHECK_THAT(r.err().message, Catch::Contains("s.csv:4:"));
  CHECK(stats_of(s).statements == 0);

  auto nohdr = db::import_text(s, "who,what\nA,B\n", "h.csv", o);
  REQUIRE_FALSE(nohdr.ok());
  CHECK_THAT(nohdr.err().message, Catch::Contains("speaker"));

  auto fields = db::import_text(s, "speaker,text\nA,x,extra\n", "f.csv", o);
  REQUIRE_FALSE(fields.ok());
  CHECK_THAT(fields.err().message, Catch::Contains("f.csv:2:") && Catch::Contains("fields"));
}

TEST_CASE("ClaimReview: one object, an array, JSONL", "[db][import][claimreview]") {
  const std::string one = R"({"@context": "https://schema.org", "@type": "ClaimReview",
    "url": "https://factcheck.example/review/1", "datePublished": "2025-03-20",
    "author": {"@type": "Organization", "name": "Example Fact Check"},
    "claimReviewed": "Unemployment has halved since last year.",
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Ola Nordmann"},
                     "datePublished": "2025-03-10T09:00:00Z",
                     "appearance": [{"@type": "CreativeWork", "url": "https://news.example/ola"}]},
    "reviewRating": {"@type": "Rating", "alternateName": "False"}})";
  std::string compact = one;
  compact.erase(std::remove(compact.begin(), compact.end(), '\n'), compact.end());
  std::string two = compact;
  auto pos = two.find("Unemployment has halved");
  two.replace(pos, 23, "Exports doubled");

  SECTION("single object") {
    temp_db t;
    auto s = t.open();
    auto path = write_file(t, "review.json", one);
    auto r = db::import_file(s, path);
    INFO((r.ok() ? "" : r.err().message));
    REQUIRE(r.ok());
    CHECK(r.value().format == db::import_format::claimreview);
    auto m = db::lookup(s, "Unemployment has halved since last year");
    REQUIRE(m.value().size() == 1);
    const auto &st = m.value()[0].stmt;
    CHECK(st.speaker == "Ola Nordmann");
    CHECK(st.date == "2025-03-10");
    CHECK(st.url == "https://news.example/ola");
    CHECK_THAT(st.source, Catch::Contains("Example Fact Check") && Catch::Contains("False"));
    CHECK(st.medium == "claimreview");
  }
  SECTION("array") {
    temp_db t;
    auto s = t.open();
    auto r = db::import_text(s, "[" + one + ",\n" + two + "]", "reviews.json");
    REQUIRE(r.ok());
    CHECK(r.value().inserted == 2);
  }
  SECTION("JSONL") {
    temp_db t;
    auto s = t.open();
    db::import_options o;
    o.format = db::import_format::claimreview;
    auto r = db::import_text(s, compact + "\n" + two + "\n", "reviews.jsonl", o);
    REQUIRE(r.ok());
    CHECK(r.value().inserted == 2);
  }
  SECTION("a review without a claimant is a bad record; nothing written") {
    temp_db t;
    auto s = t.open();
    std::string anon = two;
    anon.replace(anon.find("Ola Nordmann"), 12, "");
    auto r = db::import_text(s, "[" + one + ",\n" + anon + "]", "reviews.json");
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.err().message, Catch::Contains("reviews.json:2:") && Catch::Contains("item"));
    CHECK(stats_of(s).statements == 0);
  }
}

TEST_CASE("export writes import JSONL that rebuilds the same database", "[db][import][export]") {
  temp_db t1, t2;
  auto s1 = t1.open();
  qc_test::import_jsonl(s1, k_three_good);
  qc_test::import_jsonl(
      s1, R"({"speaker": "Robert'); DROP TABLE statements;--", "text": "Ünïcödé “quotes” and\nnewlines"})"
          "\n");
  std::ostringstream out1;
  auto n = db::export_jsonl(s1, out1);
  REQUIRE(n.ok());
  CHECK(n.value() == 2 + 4); // two speakers with aliases/roles, four statements

  auto s2 = t2.open();
  qc_test::import_jsonl(s2, out1.str());
  std::ostringstream out2;
  REQUIRE(db::export_jsonl(s2, out2).ok());
  CHECK(out1.str() == out2.str());
  auto a = stats_of(s1), b = stats_of(s2);
  CHECK(a.statements == b.statements);
  CHECK(a.speakers == b.speakers);
  CHECK(a.aliases == b.aliases);
  CHECK(a.roles == b.roles);
}

TEST_CASE("add_statements stores learned statements all or nothing", "[db][import][learn]") {
  temp_db t;
  auto s = t.open();
  std::vector<db::statement_input> in(2);
  in[0].speaker = "A";
  in[0].text = "learned from an article";
  in[0].provenance = "learn:doc-1";
  in[1].speaker = "B";
  in[1].text = "also learned";
  in[1].date = "not a date";
  auto r = db::add_statements(s, in);
  REQUIRE_FALSE(r.ok());
  CHECK(r.err().offset == 1);
  CHECK(stats_of(s).statements == 0);
  in[1].date = "2025-01-01";
  REQUIRE(db::add_statements(s, in).ok());
  CHECK(stats_of(s).statements == 2);
}

TEST_CASE("import formats parse by name", "[db][import]") {
  CHECK(db::parse_import_format("csv").value() == db::import_format::csv);
  CHECK(db::parse_import_format("auto").value() == db::import_format::auto_detect);
  CHECK_FALSE(db::parse_import_format("xml").ok());
}

TEST_CASE("a file already imported is recognised by its bytes and skipped", "[db][import][batch]") {
  temp_db t;
  auto s = t.open();
  auto path = write_file(t, "three.jsonl", k_three_good);
  auto first = db::import_file(s, path);
  REQUIRE(first.ok());
  CHECK_FALSE(first.value().already_imported);
  CHECK(first.value().inserted == 3);

  // The same bytes under another name: skipped, and the report says where they came from.
  auto copy = write_file(t, "copy-of-three.jsonl", k_three_good);
  auto again = db::import_file(s, copy);
  REQUIRE(again.ok());
  CHECK(again.value().already_imported);
  CHECK(again.value().previous_name == path);
  CHECK_FALSE(again.value().previous_at.empty());
  CHECK(again.value().records == 0);
  CHECK(stats_of(s).statements == 3);

  // reimport reads it again; the statements are recognised as duplicates.
  db::import_options o;
  o.reimport = true;
  auto forced = db::import_file(s, copy, o);
  REQUIRE(forced.ok());
  CHECK_FALSE(forced.value().already_imported);
  CHECK(forced.value().duplicates == 3);
  CHECK(stats_of(s).statements == 3);

  // One byte more is another batch.
  auto changed =
      write_file(t, "four.jsonl", std::string(k_three_good) + R"({"speaker": "A", "text": "one more"})");
  auto more = db::import_file(s, changed);
  REQUIRE(more.ok());
  CHECK_FALSE(more.value().already_imported);
  CHECK(more.value().inserted == 1);
  CHECK(stats_of(s).statements == 4);
}

TEST_CASE("a file that failed is not recorded, so it imports once fixed", "[db][import][batch]") {
  temp_db t;
  auto s = t.open();
  auto path = write_file(t, "s.jsonl", R"({"speaker": "A", "text": "good"}
{"speaker": "B"}
)");
  REQUIRE_FALSE(db::import_file(s, path).ok());
  auto retry = db::import_file(s, path);
  REQUIRE_FALSE(retry.ok()); // read again, not skipped: still the same bad line
  CHECK(retry.err().offset == 2);
  db::import_options skip;
  skip.skip_bad = true;
  auto skipped = db::import_file(s, path, skip);
  REQUIRE(skipped.ok());
  CHECK(skipped.value().inserted == 1);
  CHECK(db::import_file(s, path).value().already_imported);
}

TEST_CASE("in-memory imports are not recorded as batches", "[db][import][batch]") {
  temp_db t;
  auto s = t.open();
  qc_test::import_jsonl(s, k_three_good);
  auto again = qc_test::import_jsonl(s, k_three_good);
  CHECK_FALSE(again.already_imported);
  CHECK(again.duplicates == 3);
}

TEST_CASE("batches are recognised by SHA-256 (FIPS 180-4 test vectors)", "[db][import][batch]") {
  CHECK(db::detail::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(db::detail::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(db::detail::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  db::detail::sha256 million;
  for (int i = 0; i < 1000; ++i)
    million.update(std::string(1000, 'a'));
  CHECK(million.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
