// Direct quotations: straight and curly double marks, spans without the
// marks or the reporter's comma, interrupted quotations, and direct versus
// partial (scare) quotes.

#include "parser_test_support.hpp"

#include <catch2/catch.hpp>

using namespace qc_test;
using quotecheck::parser::mark_family;
using quotecheck::parser::quote_kind;

TEST_CASE("straight double quotes: the span excludes the marks", "[quotes]") {
  const std::string_view s = "The mayor said, \"We will rebuild the bridge.\"";
  const auto doc = parse_with(s);
  REQUIRE(doc.quotes.size() == 1);
  const auto &q = doc.quotes[0];
  CHECK(span_text(doc, q.content) == "We will rebuild the bridge.");
  CHECK(q.content.begin == offset_of(s, "We"));
  CHECK(q.open_mark.begin == offset_of(s, "\""));
  CHECK(q.close_mark.begin == offset_of(s, "\"", 1));
  CHECK(q.family == mark_family::double_straight);
  CHECK(q.kind == quote_kind::direct);
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("curly double quotes: offsets are bytes and skip the 3-byte marks", "[quotes]") {
  const std::string_view s = "\u201CThe river is rising fast,\u201D the engineer warned.";
  const auto doc = parse_with(s);
  REQUIRE(doc.quotes.size() == 1);
  const auto &q = doc.quotes[0];
  CHECK(q.content.begin == 3);
  CHECK(span_text(doc, q.content) == "The river is rising fast");
  CHECK(q.open_mark == quotecheck::parser::span{0, 3});
  CHECK(q.family == mark_family::double_curly);
  CHECK(q.kind == quote_kind::direct);
}

TEST_CASE("the reporter's trailing comma is outside the span, other punctuation stays", "[quotes]") {
  SECTION("comma inside the marks") {
    const auto doc = parse_with("\"Prices will fall,\" the governor said.");
    REQUIRE(quote_texts(doc) == std::vector<std::string>{"Prices will fall"});
  }
  SECTION("question mark inside the marks") {
    const auto doc = parse_with("\"Who pays for this?\" the councillor asked.");
    REQUIRE(quote_texts(doc) == std::vector<std::string>{"Who pays for this?"});
  }
  SECTION("full stop inside the marks") {
    const auto doc = parse_with("She said: \u201CThe budget is final.\u201D");
    REQUIRE(quote_texts(doc) == std::vector<std::string>{"The budget is final."});
  }
  SECTION("a quotation that is only a comma-free word") {
    const auto doc = parse_with("\u201CNever,\u201D he replied.");
    REQUIRE(quote_texts(doc) == std::vector<std::string>{"Never"});
  }
}

TEST_CASE("an interrupted quotation gives two pieces sharing one quotation id", "[quotes][interrupted]") {
  SECTION("curly marks, attribution then a new sentence") {
    const std::string_view s =
        "\u201CWe have waited long enough,\u201D Flynn said. \u201CThe council must act this week.\u201D";
    const auto doc = parse_with(s);
    REQUIRE(quote_texts(doc) ==
            std::vector<std::string>{"We have waited long enough", "The council must act this week."});
    CHECK(doc.quotes[0].quotation == doc.quotes[1].quotation);
    CHECK(doc.quotes[0].kind == quote_kind::direct);
    CHECK(doc.quotes[1].kind == quote_kind::direct);
  }
  SECTION("straight marks, attribution mid-sentence") {
    const auto doc = parse_with("\"The plan is sound,\" said Ms Okafor, \"but the money is not there.\"");
    REQUIRE(doc.quotes.size() == 2);
    CHECK(doc.quotes[0].quotation == doc.quotes[1].quotation);
    CHECK(span_text(doc, doc.quotes[1].content) == "but the money is not there.");
  }
  SECTION("comma after the closing mark (British style)") {
    const auto doc =
        parse_with("\u201CWe are ready\u201D, the captain said, \u201Cand we leave at dawn.\u201D");
    REQUIRE(doc.quotes.size() == 2);
    CHECK(doc.quotes[0].quotation == doc.quotes[1].quotation);
  }
}

TEST_CASE("two quotations, each with its own attribution, get different ids", "[quotes][interrupted]") {
  SECTION("two speakers") {
    const auto doc = parse_with("\"Yes,\" the chairman said. \"No,\" his deputy said.");
    REQUIRE(doc.quotes.size() == 2);
    CHECK(doc.quotes[0].quotation != doc.quotes[1].quotation);
  }
  SECTION("a finished first quotation") {
    const auto doc = parse_with("\u201CWe won.\u201D The coach smiled. \u201CNow we rest.\u201D");
    REQUIRE(doc.quotes.size() == 2);
    CHECK(doc.quotes[0].quotation != doc.quotes[1].quotation);
  }
  SECTION("different paragraphs") {
    const auto doc = parse_with("\"First,\" she said.\n\"Second,\" she said.\n", {});
    REQUIRE(doc.quotes.size() == 2);
    CHECK(doc.quotes[0].quotation != doc.quotes[1].quotation);
  }
}

TEST_CASE("quotation ids start at 0 and follow the text", "[quotes]") {
  const auto doc =
      parse_with("\u201COne,\u201D he said. Later: \u201CTwo.\u201D Then she said \u201Cthree\u201D again.");
  REQUIRE(doc.quotes.size() == 3);
  CHECK(doc.quotes[0].quotation == 0);
  CHECK(doc.quotes[1].quotation == 1);
  CHECK(doc.quotes[2].quotation == 2);
}

TEST_CASE("direct: after said-comma, after a colon, at the sentence start", "[quotes][kind]") {
  SECTION("said,") {
    const auto doc = parse_with("The inspector said, \"The wiring was faulty.\"");
    REQUIRE(doc.quotes.size() == 1);
    CHECK(doc.quotes[0].kind == quote_kind::direct);
  }
  SECTION("colon") {
    const auto doc = parse_with("The notice was blunt: \u201CThe pool stays closed until June.\u201D");
    REQUIRE(doc.quotes.size() == 1);
    CHECK(doc.quotes[0].kind == quote_kind::direct);
  }
  SECTION("sentence start, attribution after") {
    const auto doc = parse_with("The vote was close. \u201CWe lost by nine,\u201D an organiser said.");
    REQUIRE(doc.quotes.size() == 1);
    CHECK(doc.quotes[0].kind == quote_kind::direct);
  }
  SECTION("said with no comma") {
    const auto doc = parse_with("He said \u201Cthe doors open at nine.\u201D");
    REQUIRE(doc.quotes.size() == 1);
    CHECK(doc.quotes[0].kind == quote_kind::direct);
  }
}

TEST_CASE("partial and scare quotes inside the reporter's sentence are partial", "[quotes][kind]") {
  SECTION("scare quotes") {
    const auto doc = parse_with("The so-called \"reform\" left most tenants worse off.");
    REQUIRE(quote_texts(doc) == std::vector<std::string>{"reform"});
    CHECK(doc.quotes[0].kind == quote_kind::partial);
  }
  SECTION("a quoted fragment in reported speech") {
    const auto doc =
        parse_with("The minister described the deal as \u201Ca fair compromise\u201D that would last.");
    REQUIRE(quote_texts(doc) == std::vector<std::string>{"a fair compromise"});
    CHECK(doc.quotes[0].kind == quote_kind::partial);
  }
  SECTION("a fragment ending the sentence") {
    const auto doc = parse_with("Critics called the scheme \u201Cunworkable\u201D.");
    REQUIRE(doc.quotes.size() == 1);
    CHECK(doc.quotes[0].kind == quote_kind::partial);
  }
}

TEST_CASE("a quotation never splits its frame into two sentences", "[quotes][sentences]") {
  const std::string_view s = "\u201CIt is over. We go home now,\u201D the striker said. The fans cheered.";
  const auto doc = parse_with(s);
  REQUIRE(doc.sentences.size() == 2);
  CHECK(span_text(doc, doc.sentences[0].range) ==
        "\u201CIt is over. We go home now,\u201D the striker said.");
  CHECK(span_text(doc, doc.sentences[1].range) == "The fans cheered.");
}

TEST_CASE("text without quotation marks has no quotes and no diagnostics", "[quotes]") {
  const auto doc = parse_with("The committee met on Tuesday. It adjourned at 4 p.m. without a vote.");
  CHECK(doc.quotes.empty());
  CHECK(doc.diagnostics.empty());
}
