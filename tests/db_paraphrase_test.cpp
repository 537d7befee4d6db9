/// Reported speech: Snowball stems, negation and numbers.

#include "db_test_support.hpp"

#include <quotecheck/db/paraphrase.hpp>
#include <quotecheck/db/verdict.hpp>

using namespace quotecheck;
using qc_test::temp_db;

TEST_CASE("Snowball English stems", "[db][paraphrase]") {
  CHECK(db::stem("wants") == "want");
  CHECK(db::stem("wanted") == "want");
  CHECK(db::stem("negotiations") == db::stem("negotiation"));
}

TEST_CASE("compare_paraphrase: coverage, negation, numbers", "[db][paraphrase]") {
  auto same = db::compare_paraphrase("he wants peace quickly", "I want peace, and I want it quickly.");
  CHECK(same.coverage == Approx(1.0));
  CHECK_FALSE(same.negation_conflict);

  auto neg = db::compare_paraphrase("does not really want peace", "I want peace.");
  CHECK(neg.negation_conflict);
  CHECK(neg.negated_word == "want");

  auto neg2 = db::compare_paraphrase("he wants peace", "I don't want war; I want peace.");
  CHECK_FALSE(neg2.negation_conflict); // "want" is asserted in the statement too

  auto num = db::compare_paraphrase("she promised 30 new boats", "We will buy twenty new boats.");
  CHECK(num.number_conflict);
  auto words = db::compare_paraphrase("she promised twenty new boats", "We will buy 20 new boats.");
  CHECK_FALSE(words.number_conflict);
  auto big = db::compare_paraphrase("two hundred jobs", "200 jobs");
  CHECK_FALSE(big.number_conflict);
  auto thousands = db::compare_paraphrase("1,000 jobs", "one thousand jobs");
  CHECK_FALSE(thousands.number_conflict);
}

namespace {

const char *k_statements =
    R"({"speaker": "Mara Quist", "aliases": ["Quist"], "text": "I want peace between the two harbour unions, and I want it before the summer.", "date": "2025-01-10"}
{"speaker": "Mara Quist", "text": "The council will build twenty new moorings next year.", "date": "2025-01-12"}
{"speaker": "Mara Quist", "text": "The ferry strike has cost local shops a great deal of trade.", "date": "2025-01-15"}
{"speaker": "Ilse Brandt", "text": "Ticket prices for residents will be frozen until 2027.", "date": "2025-01-20"}
)";

struct fixture {
  temp_db t;
  db::store s = t.open();
  fixture() { qc_test::import_jsonl(s, k_statements); }
  db::verdict reported(const std::string &text, const std::string &speaker) {
    db::quote_query q;
    q.text = text;
    q.speaker = speaker;
    q.article_date = "2025-03-01";
    q.reported = true;
    auto v = db::check_quote(s, q);
    INFO((v.ok() ? "" : v.err().message));
    REQUIRE(v.ok());
    return v.value();
  }
};

} // namespace

TEST_CASE_METHOD(fixture, "paraphrase.consistent", "[db][paraphrase]") {
  auto v = reported("she wants peace between the harbour unions before summer", "Quist");
  CHECK(v.rule == "paraphrase.consistent");
  CHECK(v.level == parser::severity::note);
  REQUIRE(v.evidence);
  CHECK(v.evidence->date == "2025-01-10");
  CHECK(v.score >= 0.6);
}

TEST_CASE_METHOD(fixture, "paraphrase.contradicts: negation flipped", "[db][paraphrase]") {
  auto v = reported("Quist does not really want peace between the harbour unions", "Mara Quist");
  CHECK(v.rule == "paraphrase.contradicts");
  CHECK(v.level == parser::severity::error);
  CHECK_THAT(v.message, Catch::Contains("want"));
}

TEST_CASE_METHOD(fixture, "paraphrase.contradicts: numbers disagree", "[db][paraphrase]") {
  auto v = reported("the council will build fifty new moorings next year", "Mara Quist");
  CHECK(v.rule == "paraphrase.contradicts");
  CHECK_THAT(v.message, Catch::Contains("50") && Catch::Contains("20"));
}

TEST_CASE_METHOD(fixture, "paraphrase.divergent: related but saying more", "[db][paraphrase]") {
  auto v =
      reported("the ferry strike has cost shops their customers, their staff and their future", "Mara Quist");
  CHECK(v.rule == "paraphrase.divergent");
  CHECK(v.level == parser::severity::warning);
}

TEST_CASE_METHOD(fixture, "reported speech of someone else, and of nobody", "[db][paraphrase]") {
  CHECK(reported("ticket prices for residents will be frozen until 2027", "Mara Quist").rule ==
        "quote.misattributed");
  CHECK(reported("the lighthouse will be painted purple", "Mara Quist").rule == "quote.unverified");
}

TEST_CASE("a later paraphrase is held against an earlier quotation in the same article", "[db][paraphrase]") {
  db::statement earlier;
  earlier.speaker = "Mara Quist";
  earlier.text = "The ferry will run every hour from May, and fares will stay frozen";
  earlier.source = "earlier in this article, line 3";

  const auto same =
      db::check_against_earlier("the ferry would run every hour from May with frozen fares", earlier);
  REQUIRE(same);
  CHECK(same->rule == "paraphrase.consistent");
  REQUIRE(same->evidence);
  CHECK(same->evidence->source == "earlier in this article, line 3");

  const auto reversed = db::check_against_earlier("the ferry will not run every hour from May", earlier);
  REQUIRE(reversed);
  CHECK(reversed->rule == "paraphrase.contradicts");

  // Something else the same person said is not a paraphrase of it.
  CHECK_FALSE(db::check_against_earlier("the harbour needs a new crane", earlier));
}
