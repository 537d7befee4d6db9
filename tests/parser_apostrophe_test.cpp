// Apostrophes never open a quotation; single quotation marks still do when
// they quote (a quote inside a quote, headlines, British style).

#include "parser_test_support.hpp"

#include <catch2/catch.hpp>

using namespace qc_test;
using quotecheck::parser::mark_family;

namespace {

void require_no_quotes(std::string_view s) {
  INFO("text: " << s);
  const auto doc = parse_with(s);
  CHECK(doc.quotes.empty());
  CHECK(doc.diagnostics.empty());
}

} // namespace

TEST_CASE("apostrophes inside and around words open no quotation", "[apostrophe]") {
  require_no_quotes("It's late and the shop's shut.");
  require_no_quotes("Music of the '90s filled the hall.");
  require_no_quotes("The band played rock 'n' roll until midnight.");
  require_no_quotes("The Joneses' car was parked outside.");
  require_no_quotes("We waited 'til the rain stopped.");
  require_no_quotes("'Til then, nobody moved.");
  require_no_quotes("Mr O'Brien left early.");
  require_no_quotes("Don\u2019t touch the fence; it\u2019s live.");
  require_no_quotes("The \u201990s were kinder to the town.");
  require_no_quotes("Rock \u2019n\u2019 roll never died here.");
  require_no_quotes("The players' union and the owners' group met.");
  require_no_quotes("Tell 'em we're closed.");
}

TEST_CASE("a plural possessive inside a single-quoted passage does not close it", "[apostrophe]") {
  const auto doc = parse_with("The sign read 'the Joneses' dog bites' in red paint.");
  REQUIRE(quote_texts(doc) == std::vector<std::string>{"the Joneses' dog bites"});
}

TEST_CASE("single quotes inside a double-quoted quotation are a quote inside a quote",
          "[apostrophe][nested]") {
  const std::string_view s = "\u201CHe told me \u2018we\u2019re finished\u2019 and hung up,\u201D she said.";
  SECTION("by default only the outer quotation is listed") {
    const auto doc = parse_with(s);
    REQUIRE(quote_texts(doc) ==
            std::vector<std::string>{"He told me \u2018we\u2019re finished\u2019 and hung up"});
    CHECK(doc.quotes[0].depth == 0);
    CHECK(doc.diagnostics.empty());
  }
  SECTION("with nested_quotes the inner one is kept at depth 1") {
    quotecheck::parser::parse_options opts;
    opts.nested_quotes = true;
    const auto doc = parse_with(s, opts);
    REQUIRE(doc.quotes.size() == 2);
    CHECK(span_text(doc, doc.quotes[1].content) == "we\u2019re finished");
    CHECK(doc.quotes[1].depth == 1);
    CHECK(doc.quotes[1].family == mark_family::single_curly);
    CHECK(doc.quotes[0].quotation != doc.quotes[1].quotation);
  }
  SECTION("straight marks") {
    quotecheck::parser::parse_options opts;
    opts.nested_quotes = true;
    const auto doc = parse_with("\"She wrote 'back soon' on the door,\" he said.", opts);
    REQUIRE(doc.quotes.size() == 2);
    CHECK(span_text(doc, doc.quotes[1].content) == "back soon");
    CHECK(doc.quotes[1].depth == 1);
  }
}

TEST_CASE("headline and British-style single quotes are quotations", "[apostrophe]") {
  SECTION("headline") {
    const auto doc = parse_with("'We will not resign' says embattled council leader");
    REQUIRE(quote_texts(doc) == std::vector<std::string>{"We will not resign"});
    CHECK(doc.quotes[0].family == mark_family::single_straight);
  }
  SECTION("curly single quotes after a colon") {
    const auto doc = parse_with("The coach said: \u2018We didn\u2019t deserve that.\u2019");
    REQUIRE(quote_texts(doc) == std::vector<std::string>{"We didn\u2019t deserve that."});
    CHECK(doc.quotes[0].family == mark_family::single_curly);
    CHECK(doc.quotes[0].kind == quotecheck::parser::quote_kind::direct);
  }
  SECTION("a quotation holding an apostrophe word") {
    const auto doc = parse_with("O'Brien said: 'It's not over.'");
    REQUIRE(quote_texts(doc) == std::vector<std::string>{"It's not over."});
  }
  SECTION("scare quotes with an apostrophe nearby") {
    const auto doc = parse_with("The mayor's 'plan' was never published.");
    REQUIRE(quote_texts(doc) == std::vector<std::string>{"plan"});
    CHECK(doc.quotes[0].kind == quotecheck::parser::quote_kind::partial);
  }
}

TEST_CASE("an unclosed apostrophe-like mark is not reported as unbalanced", "[apostrophe]") {
  const auto doc = parse_with("The '70s and the 'burbs were mentioned.");
  CHECK(count_rule(doc, "quote.unbalanced") == 0);
}
