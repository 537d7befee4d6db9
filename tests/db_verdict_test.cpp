/// The verdict rules on statements written for these tests.

#include "db_test_support.hpp"

#include <quotecheck/db/json.hpp>
#include <quotecheck/db/verdict.hpp>

using namespace quotecheck;
using qc_test::temp_db;

namespace {

const char *k_statements =
    R"({"speaker": "Mara Quist", "aliases": ["Quist", "Councillor Quist"], "roles": [{"role": "Harbour councillor", "from": "2020-05-01", "to": "2024-05-01"}, {"role": "Mayor of Northport", "from": "2024-05-02"}]}
{"speaker": "Mara Quist", "text": "The harbour will reopen in spring, and every fishing boat will have its berth back.", "date": "2025-01-10", "source": "Council briefing", "url": "https://example.org/quist-1"}
{"speaker": "Mara Quist", "text": "We have repaired forty metres of sea wall this winter.", "date": "2025-02-01", "source": "Radio Northport"}
{"speaker": "Mara Quist", "text": "Tourism will recover once the ferry returns to its old timetable.", "date": "2025-06-01", "source": "Summer newsletter"}
{"speaker": "Ilse Brandt", "aliases": ["Brandt"], "text": "The ferry timetable is under review and no route will be cut.", "date": "2025-01-20", "source": "Transport board"}
{"speaker": "Ilse Brandt", "text": "Nobody should pay more for a shorter crossing.", "date": "2025-01-21", "source": "Transport board"}
)";

struct fixture {
  temp_db t;
  db::store s = t.open();
  fixture() { qc_test::import_jsonl(s, k_statements); }

  db::verdict check(const std::string &text, const std::string &speaker,
                    const std::string &date = "2025-03-01", const std::string &role = {}) {
    db::quote_query q;
    q.text = text;
    q.speaker = speaker;
    q.article_date = date;
    q.role = role;
    auto v = db::check_quote(s, q);
    INFO((v.ok() ? "" : v.err().message));
    REQUIRE(v.ok());
    return v.value();
  }
};

} // namespace

TEST_CASE_METHOD(fixture, "quote.verified: the same words from the same speaker", "[db][verdict]") {
  auto v = check("We have repaired forty metres of sea wall this winter.", "Mara Quist");
  CHECK(v.rule == "quote.verified");
  CHECK(v.level == parser::severity::note);
  CHECK(v.score == Approx(1.0));
  REQUIRE(v.evidence);
  CHECK(v.evidence->speaker == "Mara Quist");
  CHECK(v.evidence->date == "2025-02-01");
  CHECK(v.evidence->source == "Radio Northport");
  CHECK(v.evidence->id > 0);
}

TEST_CASE_METHOD(fixture, "speakers match by alias and surname, case-insensitively", "[db][verdict]") {
  for (const char *who : {"Quist", "councillor quist", "Mrs Quist", "MARA QUIST"}) {
    INFO(who);
    CHECK(check("We have repaired forty metres of sea wall this winter.", who).rule == "quote.verified");
  }
}

TEST_CASE_METHOD(fixture, "legitimate editing still verifies", "[db][verdict][edits]") {
  CHECK(check("we have repaired … sea wall this winter", "Quist").rule == "quote.verified");
  CHECK(check("[The council has] repaired forty metres of sea wall this winter", "Quist").rule ==
        "quote.verified");
  CHECK(check("WE HAVE REPAIRED FORTY METRES OF SEA-WALL [sic] THIS WINTER!", "Quist").rule ==
        "quote.verified");
}

TEST_CASE_METHOD(fixture, "quote.fragment: an exact part of a longer statement", "[db][verdict]") {
  auto v = check("every fishing boat will have its berth back", "Mara Quist");
  CHECK(v.rule == "quote.fragment");
  CHECK(v.level == parser::severity::note);
  REQUIRE(v.evidence);
  CHECK(v.evidence->url == "https://example.org/quist-1");
}

TEST_CASE_METHOD(fixture, "quote.altered: close, with the word diff", "[db][verdict]") {
  auto v =
      check("The harbour will reopen in summer, and every fishing boat will have its berth back.", "Quist");
  CHECK(v.rule == "quote.altered");
  CHECK(v.level == parser::severity::error);
  CHECK(v.score > 0.6);
  CHECK(v.score < 1.0);
  REQUIRE(v.diff.size() == 4);
  CHECK(v.diff[1] == db::diff_op{db::diff_op::kind::remove, "spring"});
  CHECK(v.diff[2] == db::diff_op{db::diff_op::kind::insert, "summer"});
  auto j = db::to_json(v);
  CHECK(j["rule"] == "quote.altered");
  CHECK(j["severity"] == "error");
  CHECK(j["diff"][1]["op"] == "delete");
  CHECK(j["diff"][2]["op"] == "insert");
  CHECK(j["statement"]["speaker"] == "Mara Quist");
  CHECK(j["statement"].contains("id"));
  CHECK(j["statement"]["date"] == "2025-01-10");
}

TEST_CASE_METHOD(fixture, "quote.misattributed: someone else said it", "[db][verdict]") {
  auto v = check("Nobody should pay more for a shorter crossing.", "Mara Quist");
  CHECK(v.rule == "quote.misattributed");
  CHECK(v.level == parser::severity::error);
  REQUIRE(v.evidence);
  CHECK(v.evidence->speaker == "Ilse Brandt");
  CHECK_THAT(v.message, Catch::Contains("Ilse Brandt") && Catch::Contains("Mara Quist"));
  // A speaker the database does not know at all.
  auto unknown = check("Nobody should pay more for a shorter crossing.", "Olaf Unknown");
  CHECK(unknown.rule == "quote.misattributed");
}

TEST_CASE_METHOD(fixture, "quote.unverified: nothing matches", "[db][verdict]") {
  auto v = check("The moon is made of cheese and we will mine it.", "Mara Quist");
  CHECK(v.rule == "quote.unverified");
  CHECK(v.level == parser::severity::warning);
  CHECK_FALSE(v.evidence);
  CHECK(check("...", "Mara Quist").rule == "quote.unverified");
}

TEST_CASE_METHOD(fixture, "quote.anachronism: the match is dated after the article", "[db][verdict]") {
  auto v = check("Tourism will recover once the ferry returns to its old timetable.", "Quist", "2025-03-01");
  CHECK(v.rule == "quote.anachronism");
  CHECK(v.level == parser::severity::error);
  REQUIRE(v.evidence);
  CHECK(v.evidence->date == "2025-06-01");
  // Dated the same day or later, the article may quote it.
  CHECK(check("Tourism will recover once the ferry returns to its old timetable.", "Quist", "2025-06-01")
            .rule == "quote.verified");
  // No article date: nothing to compare.
  CHECK(check("Tourism will recover once the ferry returns to its old timetable.", "Quist", "").rule ==
        "quote.verified");
}

TEST_CASE_METHOD(fixture, "an unattributed quote is checked against everyone", "[db][verdict]") {
  auto v = check("Nobody should pay more for a shorter crossing.", "");
  CHECK(v.rule == "quote.verified");
  CHECK_THAT(v.message, Catch::Contains("Ilse Brandt"));
}

TEST_CASE_METHOD(fixture, "speaker.role-mismatch: a role not held on the article's date",
                 "[db][verdict][role]") {
  db::quote_query q;
  q.text = "We have repaired forty metres of sea wall this winter.";
  q.speaker = "Mara Quist";
  q.article_date = "2025-03-01";

  q.role = "mayor";
  auto ok = db::check_role(s, q);
  REQUIRE(ok.ok());
  CHECK_FALSE(ok.value());

  q.role = "harbour councillor";
  auto past = db::check_role(s, q);
  REQUIRE(past.ok());
  REQUIRE(past.value());
  CHECK(past.value()->rule == "speaker.role-mismatch");
  CHECK(past.value()->level == parser::severity::warning);
  REQUIRE(past.value()->role);
  CHECK(past.value()->role->to == "2024-05-01");

  q.article_date = "2023-01-01";
  CHECK_FALSE(db::check_role(s, q).value());

  q.article_date = "2025-03-01";
  q.role = "Transport director";
  auto other = db::check_role(s, q);
  REQUIRE(other.value());
  CHECK_THAT(other.value()->message, Catch::Contains("Mayor of Northport"));

  auto all = db::check_all(s, q);
  REQUIRE(all.ok());
  REQUIRE(all.value().size() == 2);
  CHECK(all.value()[0].rule == "quote.verified");
  CHECK(all.value()[1].rule == "speaker.role-mismatch");

  q.speaker = "Ilse Brandt"; // no roles recorded: the records cannot tell
  CHECK_FALSE(db::check_role(s, q).value());
}

TEST_CASE("role names match on content-word stems", "[db][verdict][role]") {
  CHECK(db::role_matches("British foreign minister", "Foreign Secretary"));
  CHECK(db::role_matches("the mayor", "Mayor of Northport"));
  CHECK_FALSE(db::role_matches("Prime Minister", "Foreign Secretary"));
}

TEST_CASE("the sample database shows the README verdicts", "[db][verdict][sample]") {
  temp_db t;
  auto s = t.open();
  auto r = db::import_file(s, QUOTECHECK_SOURCE_DIR "/corpora/sample-statements.jsonl");
  REQUIRE(r.ok());
  auto run = [&](const char *text, const char *speaker, const char *role = "") {
    db::quote_query q;
    q.text = text;
    q.speaker = speaker;
    q.role = role;
    q.article_date = "2025-03-18";
    auto v = db::check_all(s, q);
    REQUIRE(v.ok());
    return v.value();
  };
  CHECK(
      run("We must work with our European partners to strengthen our collective security.", "David Lammy")[0]
          .rule == "quote.verified");
  CHECK(run("It's vital we improve our partnership with the European Union", "Lammy")[0].rule ==
        "quote.altered");
  CHECK(run("Russia is not serious about peace", "David Lammy")[0].rule == "quote.misattributed");
  CHECK(run("our security is indivisible", "Kallas")[0].rule == "quote.fragment");
  CHECK(run("Sanctions are working", "Lammy")[0].rule == "quote.anachronism");
  auto role = run("Russia is not serious about peace", "Kaja Kallas", "Estonian Prime Minister");
  REQUIRE(role.size() == 2);
  CHECK(role[1].rule == "speaker.role-mismatch");
  CHECK(run("we must work with our European partners", "Lammy", "British foreign minister").size() == 1);
}
