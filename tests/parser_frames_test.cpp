/// Reported-speech frames: one test per frame pattern, on sentences we wrote.
/// Each case gives the sentence and, inline, the content, source and cue the
/// grammar must find.

#include "parser_test_support.hpp"

#include "quotecheck/parser/lexicon.hpp"

#include <catch2/catch.hpp>

using namespace qc_test;

namespace {

struct expected_frame {
  const char *text;
  const char *content;
  const char *source;
  const char *cue;
};

void check_frame(const expected_frame &e) {
  INFO(e.text);
  const qp::document doc = parse_with(e.text);
  REQUIRE(doc.frames.size() == 1);
  const qp::frame &f = doc.frames.front();
  CHECK(span_text(doc, f.content) == e.content);
  CHECK(span_text(doc, f.source) == e.source);
  CHECK(span_text(doc, f.verb.words) == e.cue);
}

} // namespace

TEST_CASE("content first: C, X said", "[frames]") {
  check_frame({"The bridge will reopen in May, Mayor Ann Ortiz said.", "The bridge will reopen in May",
               "Mayor Ann Ortiz", "said"});
}

TEST_CASE("content first: C, said X", "[frames]") {
  check_frame({"Prices will keep rising, said Tomas Berg.", "Prices will keep rising", "Tomas Berg", "said"});
}

TEST_CASE("content first with adjuncts: told reporters in Oslo on Friday", "[frames]") {
  check_frame(
      {"The deal is dead, Berg told reporters in Oslo on Friday.", "The deal is dead", "Berg", "told"});
}

TEST_CASE("content first: according to X", "[frames]") {
  check_frame({"Turnout fell by a third, according to the electoral commission.", "Turnout fell by a third",
               "the electoral commission", "according to"});
}

TEST_CASE("organisation with commas in its name", "[frames]") {
  check_frame(
      {"Talks will resume next week, Spain's Trade, Industry and Tourism Ministry said in a statement.",
       "Talks will resume next week", "Spain's Trade, Industry and Tourism Ministry", "said"});
}

TEST_CASE("documents as sources: the statement said", "[frames]") {
  check_frame({"The fund will double by 2030, the statement said.", "The fund will double by 2030",
               "the statement", "said"});
}

TEST_CASE("speaker first: X said that C", "[frames]") {
  check_frame({"Ann Ortiz said that the bridge would reopen in May.", "the bridge would reopen in May",
               "Ann Ortiz", "said"});
}

TEST_CASE("speaker first after an introductory phrase", "[frames]") {
  check_frame({"On Monday, Senator Ruth Ames said she would vote against the bill.",
               "she would vote against the bill", "Senator Ruth Ames", "said"});
}

TEST_CASE("speaker first: X told Y that C", "[frames]") {
  check_frame(
      {"Berg told the committee that the figures were wrong.", "the figures were wrong", "Berg", "told"});
}

TEST_CASE("speaker first: According to X, C", "[frames]") {
  check_frame({"According to the ministry, exports rose sharply.", "exports rose sharply", "the ministry",
               "According to"});
}

TEST_CASE("a direct quotation is the content of its frame", "[frames]") {
  const qp::document doc = parse_with("\"We are not leaving,\" Ortiz said.");
  REQUIRE(doc.frames.size() == 1);
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.frames[0].quote_index == 0);
  CHECK(span_text(doc, doc.frames[0].source) == "Ortiz");
}

TEST_CASE("negated and hypothetical cues are marked", "[frames]") {
  const qp::document neg = parse_with("Ortiz did not say the bridge would reopen.");
  REQUIRE(neg.frames.size() == 1);
  CHECK(neg.frames[0].verb.mode == qp::cue_mode::negated);
  const qp::document hyp = parse_with("Ortiz would say the bridge is safe.");
  REQUIRE(hyp.frames.size() == 1);
  CHECK(hyp.frames[0].verb.mode == qp::cue_mode::hypothetical);
}

TEST_CASE("a byline is not reported speech", "[frames]") {
  const qp::document doc = parse_with("(Reporting by Ann Lee in Lima; Editing by Tom Park)");
  CHECK(doc.frames.empty());
}

TEST_CASE("the speech lexicon covers 150 lemmas in every inflection", "[lexicon]") {
  CHECK(qp::speech_lemma_count() >= 150);
  CHECK(qp::speech_lemma("told") == "tell");
  CHECK(qp::speech_lemma("Says") == "say");
  CHECK(qp::speech_lemma("insisting") == "insist");
  CHECK(qp::speech_lemma("denied") == "deny");
  CHECK(qp::speech_lemma("quipped") == "quip");
  CHECK(qp::speech_lemma("written") == "write");
  CHECK(qp::speech_lemma("table").empty());
}
