// A quotation running over several paragraphs: each paragraph reopens the
// mark and only the last one closes it. The pieces share one quotation id.

#include "parser_test_support.hpp"

#include <catch2/catch.hpp>

using namespace qc_test;
using quotecheck::parser::paragraph_mode;
using quotecheck::parser::parse_options;

namespace {

parse_options mode(paragraph_mode m) {
  parse_options o;
  o.paragraphs = m;
  return o;
}

} // namespace

TEST_CASE("one paragraph a line: a three-paragraph quotation", "[multi-paragraph]") {
  const std::string_view s = "The chief executive wrote to staff:\n"
                             "\u201CThis has been a hard year for all of us.\n"
                             "\u201CWe closed two plants and lost good colleagues.\n"
                             "\u201CBut the order book is full again.\u201D\n"
                             "The letter was sent on Friday.\n";
  for (const auto m : {paragraph_mode::line, paragraph_mode::automatic}) {
    const auto doc = parse_with(s, mode(m));
    REQUIRE(doc.paragraphs.size() == 5);
    REQUIRE(quote_texts(doc) == std::vector<std::string>{"This has been a hard year for all of us.",
                                                         "We closed two plants and lost good colleagues.",
                                                         "But the order book is full again."});
    CHECK(doc.quotes[0].quotation == doc.quotes[1].quotation);
    CHECK(doc.quotes[1].quotation == doc.quotes[2].quotation);
    CHECK(doc.quotes[0].paragraph == 1);
    CHECK(doc.quotes[2].paragraph == 3);
    // The continued pieces have no closing mark; the last one has.
    CHECK(doc.quotes[0].close_mark.empty());
    CHECK(doc.quotes[1].close_mark.empty());
    CHECK_FALSE(doc.quotes[2].close_mark.empty());
    CHECK(doc.diagnostics.empty());
  }
}

TEST_CASE("blank-line paragraphs with wrapped lines", "[multi-paragraph]") {
  const std::string_view s = "\u201CThe first thing to say is that\n"
                             "nobody was hurt.\n"
                             "\n"
                             "\u201CThe second is that the line\n"
                             "reopens on Monday,\u201D the operator said.\n"
                             "\n"
                             "Passengers were bused in the meantime.\n"
                             "\n"
                             "Fares were refunded.\n";
  for (const auto m : {paragraph_mode::blank_line, paragraph_mode::automatic}) {
    const auto doc = parse_with(s, mode(m));
    REQUIRE(doc.paragraphs.size() == 4);
    REQUIRE(doc.quotes.size() == 2);
    CHECK(span_text(doc, doc.quotes[0].content) == "The first thing to say is that\nnobody was hurt.");
    CHECK(span_text(doc, doc.quotes[1].content) == "The second is that the line\nreopens on Monday");
    CHECK(doc.quotes[0].quotation == doc.quotes[1].quotation);
    CHECK(doc.diagnostics.empty());
  }
}

TEST_CASE("in blank-line mode a single line end does not end the quotation", "[multi-paragraph]") {
  const std::string_view s = "\u201CWe will keep\nthe library open,\u201D she said.\n\nThat was in May.";
  const auto doc = parse_with(s, mode(paragraph_mode::blank_line));
  REQUIRE(doc.paragraphs.size() == 2);
  REQUIRE(quote_texts(doc) == std::vector<std::string>{"We will keep\nthe library open"});
}

TEST_CASE("in line mode a quotation not reopened on the next line is unbalanced", "[multi-paragraph]") {
  const std::string_view s = "\u201CWe will keep\nthe library open,\u201D she said.";
  const auto doc = parse_with(s, mode(paragraph_mode::line));
  CHECK(doc.quotes.empty());
  REQUIRE(count_rule(doc, "quote.unbalanced") == 2);
  CHECK(doc.diagnostics[0].where.begin == 0);
  CHECK(doc.diagnostics[1].where.begin == offset_of(s, "\u201D"));
}

TEST_CASE("straight double marks continue over paragraphs too", "[multi-paragraph]") {
  const std::string_view s = "\"One.\n\"Two.\n\"Three,\" he said.\nAfter \"that\" came silence.\n";
  const auto doc = parse_with(s, mode(paragraph_mode::line));
  REQUIRE(quote_texts(doc) == std::vector<std::string>{"One.", "Two.", "Three", "that"});
  CHECK(doc.quotes[0].quotation == doc.quotes[2].quotation);
  CHECK(doc.quotes[3].quotation != doc.quotes[0].quotation);
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("two separate multi-paragraph quotations get two ids", "[multi-paragraph]") {
  const std::string_view s = "\u201CA.\n\u201CB.\u201D\nThen:\n\u201CC.\n\u201CD.\u201D\n";
  const auto doc = parse_with(s, mode(paragraph_mode::line));
  REQUIRE(doc.quotes.size() == 4);
  CHECK(doc.quotes[0].quotation == doc.quotes[1].quotation);
  CHECK(doc.quotes[2].quotation == doc.quotes[3].quotation);
  CHECK(doc.quotes[0].quotation != doc.quotes[2].quotation);
}
