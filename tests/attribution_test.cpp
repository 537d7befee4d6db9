/// Speaker attribution: one test per speaker rule, on sentences we wrote.

#include "parser_test_support.hpp"

#include "quotecheck/attribution/attribution.hpp"

#include <catch2/catch.hpp>

using namespace qc_test;
namespace qa = quotecheck::attribution;

namespace {

/// Parses and attributes; the text must outlive the result.
std::vector<qa::attributed_quote> attribute_text(const std::string &text, qp::document &doc) {
  doc = parse_with(text);
  return qa::attribute(doc);
}

std::string speaker_of(const qa::attributed_quote &q) { return q.who ? q.who->name : std::string("<none>"); }

} // namespace

TEST_CASE("a short form resolves to the full name met earlier, with its role", "[attribution]") {
  const std::string text = "British foreign minister David Lammy met his EU counterpart on Tuesday.\n"
                           "\"We will stand together,\" Lammy said.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 1);
  CHECK(speaker_of(quotes[0]) == "David Lammy");
  CHECK(quotes[0].who->role == "British foreign minister");
  CHECK(quotes[0].who->type == qa::speaker_type::person);
  CHECK(span_text(doc, quotes[0].who->mention) == "Lammy");
}

TEST_CASE("apposition gives the role", "[attribution]") {
  const std::string text = "The union's leader, Maria Costa, arrived late.\n"
                           "Costa said the strike would go on.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  for (const auto &q : quotes) {
    INFO(span_text(doc, q.content));
  }
  REQUIRE(quotes.size() == 1);
  CHECK(speaker_of(quotes[0]) == "Maria Costa");
  CHECK(quotes[0].who->role == "union's leader");
  CHECK(quotes[0].kind == qp::quote_kind::indirect);
}

TEST_CASE("a pronoun resolves to the nearest earlier speaker", "[attribution]") {
  const std::string text = "Governor Ruth Ames spoke in Albany on Monday.\n"
                           "She said the budget would be balanced.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 1);
  CHECK(speaker_of(quotes[0]) == "Ruth Ames");
  CHECK(span_text(doc, quotes[0].who->mention) == "She");
}

TEST_CASE("organisations and the documents they issue", "[attribution]") {
  const std::string text = "Rates will stay at 4 percent, the Central Bank said in a statement.\n"
                           "Inflation is expected to ease, the statement said.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 2);
  CHECK(speaker_of(quotes[0]) == "Central Bank");
  CHECK(quotes[0].who->type == qa::speaker_type::organization);
  CHECK(speaker_of(quotes[1]) == "Central Bank");
}

TEST_CASE("anonymous sources", "[attribution]") {
  const std::string text = "The talks have stalled, a senior official said.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].who->type == qa::speaker_type::anonymous);
}

TEST_CASE("a spokesperson for an organisation speaks for it", "[attribution]") {
  const std::string text = "The plant will close, a spokeswoman for Nordwind Energy said.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 1);
  CHECK(speaker_of(quotes[0]) == "Nordwind Energy");
  CHECK(quotes[0].who->role == "spokeswoman");
}

TEST_CASE("the pieces of an interrupted quotation share the speaker", "[attribution]") {
  const std::string text = "\"We did our best,\" coach Ines Porto said. \"It was not enough.\"\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 2);
  CHECK(quotes[0].quotation == quotes[1].quotation);
  CHECK(speaker_of(quotes[0]) == "Ines Porto");
  CHECK(speaker_of(quotes[1]) == "Ines Porto");
}

TEST_CASE("a quote whose speaker is named only in the previous paragraph", "[attribution]") {
  const std::string text = "\"The river rose overnight,\" said Mayor Leo Brandt.\n"
                           "\"We have moved two hundred families.\"\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 2);
  CHECK(speaker_of(quotes[1]) == "Leo Brandt");
  CHECK(quotes[1].who->confidence < quotes[0].who->confidence);
}

TEST_CASE("a partial quote is never given to the sentence's subject", "[attribution]") {
  const std::string text = "Ortiz and Berg will discuss 'bold reforms' in Madrid.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].kind == qp::quote_kind::partial);
  CHECK_FALSE(quotes[0].who.has_value());
}

TEST_CASE("reported speech holding a quoted fragment is one mixed quote", "[attribution]") {
  const std::string text = "Senator Ruth Ames said the plan was \"a disaster for farmers\" and would fail.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].kind == qp::quote_kind::mixed);
  CHECK(span_text(doc, quotes[0].content) == "the plan was \"a disaster for farmers\" and would fail");
  CHECK(speaker_of(quotes[0]) == "Ruth Ames");
}

TEST_CASE("two speakers in one paragraph keep their own quotes", "[attribution]") {
  const std::string text = "\"Yes,\" said Ann Lee. \"No,\" said Tom Park.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 2);
  CHECK(speaker_of(quotes[0]) == "Ann Lee");
  CHECK(speaker_of(quotes[1]) == "Tom Park");
}

TEST_CASE("two speakers in one sentence", "[attribution]") {
  const std::string text = "Ann Lee said the deal was done, but Tom Park said it was not.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 2);
  CHECK(span_text(doc, quotes[0].content) == "the deal was done");
  CHECK(speaker_of(quotes[0]) == "Ann Lee");
  CHECK(span_text(doc, quotes[1].content) == "it was not");
  CHECK(speaker_of(quotes[1]) == "Tom Park");
}

TEST_CASE("a nickname in quotes inside a name", "[attribution]") {
  const std::string text = "Wrestler Dwayne \"The Rock\" Jensen met fans on Friday.\n"
                           "\"I never forget a face,\" Jensen said.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE_FALSE(quotes.empty());
  const auto &last = quotes.back();
  CHECK(span_text(doc, last.content) == "I never forget a face");
  CHECK(speaker_of(last) != "<none>");
  CHECK(last.who->name.find("Jensen") != std::string::npos);
  // The nickname is no quotation of anyone's words.
  for (const auto &q : quotes) {
    if (span_text(doc, q.content) == "The Rock") {
      CHECK(q.kind == qp::quote_kind::partial);
      CHECK_FALSE(q.who.has_value());
    }
  }
}

TEST_CASE("an apposition, then a paragraph break, then the quote", "[attribution]") {
  const std::string text = "The port's new director, Ines Moreau, arrived on Monday.\n"
                           "\"We will open the north quay in June,\" she said.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 1);
  CHECK(speaker_of(quotes[0]) == "Ines Moreau");
  CHECK(quotes[0].who->role == "port's new director");
  CHECK(span_text(doc, quotes[0].who->mention) == "she");
}

TEST_CASE("names with particles, hyphens and suffixes", "[attribution]") {
  const std::string text = "Maria van der Berg said the dyke would hold.\n"
                           "Martin Luther King Jr. said the march would go ahead.\n"
                           "Jean-Claude Moreau said Europe was united.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 3);
  CHECK(speaker_of(quotes[0]) == "Maria van der Berg");
  CHECK(quotes[0].who->role.empty());
  CHECK(speaker_of(quotes[1]) == "Martin Luther King Jr");
  CHECK(speaker_of(quotes[2]) == "Jean-Claude Moreau");
}

TEST_CASE("a document speaks for its author: a report by X found", "[attribution]") {
  const std::string text =
      "A report by the Institute for Coastal Studies found that the sea wall would fail.\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 1);
  CHECK(span_text(doc, quotes[0].content) == "the sea wall would fail");
  CHECK(speaker_of(quotes[0]) == "Institute for Coastal Studies");
  CHECK(quotes[0].who->type == qa::speaker_type::organization);
}

TEST_CASE("titles and markup in quotation marks are nobody's words", "[attribution]") {
  const std::string text = "She watched \"Game of Thrones\" and called the finale \"a betrayal\".\n"
                           "<img alt=\"harbour\" src=\"quay.png\">\n";
  qp::document doc;
  const auto quotes = attribute_text(text, doc);
  REQUIRE(quotes.size() == 1);
  CHECK(span_text(doc, quotes[0].content) == "a betrayal");
  CHECK(quotes[0].kind == qp::quote_kind::partial);
}
