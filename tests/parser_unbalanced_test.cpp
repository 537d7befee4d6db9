// Unbalanced quotation marks: an opening mark without its close, a closing
// mark without its opening. Each is a quote.unbalanced diagnostic at the
// mark, the paragraph end stops the damage, and pathological input (huge
// numbers of marks, deep nesting) finishes without exhausting the stack.

#include "parser_test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace qc_test;
using quotecheck::parser::severity;

TEST_CASE("an opening mark with no closing mark", "[unbalanced]") {
  const std::string_view s = "The firm said \u201Cprofits will double next year.\nShares rose 4% on Monday.";
  const auto doc = parse_with(s);
  CHECK(doc.quotes.empty());
  REQUIRE(doc.diagnostics.size() == 1);
  const auto &d = doc.diagnostics[0];
  CHECK(d.rule == "quote.unbalanced");
  CHECK(d.level == severity::error);
  CHECK(d.where.begin == offset_of(s, "\u201C"));
  CHECK(d.where.end == d.where.begin + 3);
  CHECK(d.message.find("opening") != std::string::npos);
}

TEST_CASE("a closing mark with no opening mark", "[unbalanced]") {
  const std::string_view s = "Turnout was low, about 31 percent.\u201D Officials blamed the weather.";
  const auto doc = parse_with(s);
  CHECK(doc.quotes.empty());
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].rule == "quote.unbalanced");
  CHECK(doc.diagnostics[0].where.begin == offset_of(s, "\u201D"));
  CHECK(doc.diagnostics[0].message.find("closing") != std::string::npos);
}

TEST_CASE("straight double mark left open at the paragraph end", "[unbalanced]") {
  const std::string_view s = "He said \"we are fine and left.\n";
  const auto doc = parse_with(s);
  REQUIRE(count_rule(doc, "quote.unbalanced") == 1);
  CHECK(doc.diagnostics[0].where.begin == offset_of(s, "\""));
}

TEST_CASE("recovery: the next paragraph's quotes are still found", "[unbalanced]") {
  const std::string_view s = "The mayor said \u201Cthe road reopens soon.\n"
                             "An engineer disagreed. \u201CIt will take a month,\u201D he said.\n"
                             "A resident called it \u201Ca joke\u201D.\n";
  const auto doc = parse_with(s);
  REQUIRE(quote_texts(doc) == std::vector<std::string>{"It will take a month", "a joke"});
  REQUIRE(count_rule(doc, "quote.unbalanced") == 1);
  CHECK(doc.diagnostics[0].where.begin == offset_of(s, "\u201C"));
}

TEST_CASE("an opening mark reopened before it closed reports the first one", "[unbalanced]") {
  const std::string_view s = "She wrote \u201Cnever again. Then \u201Cfine, whatever\u201D he said.";
  const auto doc = parse_with(s);
  REQUIRE(quote_texts(doc) == std::vector<std::string>{"fine, whatever"});
  REQUIRE(count_rule(doc, "quote.unbalanced") == 1);
  CHECK(doc.diagnostics[0].where.begin == offset_of(s, "\u201C"));
}

TEST_CASE("diagnostics come in text order", "[unbalanced]") {
  const std::string_view s = "a\u201D b\u201D\nc \u201Cd\n";
  const auto doc = parse_with(s);
  REQUIRE(doc.diagnostics.size() == 3);
  CHECK(doc.diagnostics[0].where.begin < doc.diagnostics[1].where.begin);
  CHECK(doc.diagnostics[1].where.begin < doc.diagnostics[2].where.begin);
}

TEST_CASE("100,000 unbalanced marks finish and are all reported", "[unbalanced][stress]") {
  std::string s;
  for (int i = 0; i < 100000; ++i) {
    s += "word\u201D ";
  }
  const auto doc = parse_with(s);
  CHECK(doc.quotes.empty());
  CHECK(count_rule(doc, "quote.unbalanced") == 100000);

  std::string opens;
  for (int i = 0; i < 100000; ++i) {
    opens += "\"a ";
  }
  const auto doc2 = parse_with(opens);
  CHECK(count_rule(doc2, "quote.unbalanced") == 100000);
}

TEST_CASE("quotes nested 10,000 deep finish without stack overflow", "[unbalanced][stress]") {
  // “a ‘b “a ‘b … core … ’ c” d’ c” d — alternating families nest.
  constexpr int depth = 5000; // 5,000 pairs of “ and ‘: 10,000 levels
  std::string s = "He said ";
  for (int i = 0; i < depth; ++i) {
    s += "\u201Ca \u2018b ";
  }
  s += "core";
  for (int i = 0; i < depth; ++i) {
    s += "\u2019 c\u201D d";
  }
  s += ".";
  quotecheck::parser::parse_options opts;
  opts.nested_quotes = true;
  const auto doc = parse_with(s, opts);
  REQUIRE(doc.quotes.size() == 2 * depth);
  CHECK(doc.diagnostics.empty());
  CHECK(doc.quotes.front().depth == 0);
  CHECK(doc.quotes.back().depth == 2 * depth - 1);
  CHECK(span_text(doc, doc.quotes.back().content) == "b core");
  // Without nested_quotes only the outermost quotation is listed.
  const auto top = parse_with(s);
  REQUIRE(top.quotes.size() == 1);
  CHECK(top.quotes[0].depth == 0);
}

TEST_CASE("10,000 nested straight single quotes finish too", "[unbalanced][stress]") {
  std::string s = "He said ";
  for (int i = 0; i < 10000; ++i) {
    s += "'a ";
  }
  s += "core";
  for (int i = 0; i < 10000; ++i) {
    s += " b'";
  }
  s += ".";
  quotecheck::parser::parse_options opts;
  opts.nested_quotes = true;
  const auto doc = parse_with(s, opts);
  CHECK(doc.quotes.size() == 10000);
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("inch marks after a number are not unbalanced quotation marks", "[unbalanced]") {
  const auto doc = parse_with("The 6'2\" forward ordered a 12\" pizza and called it \"huge\".");
  CHECK(count_rule(doc, "quote.unbalanced") == 0);
  REQUIRE(quote_texts(doc) == std::vector<std::string>{"huge"});
  // A quotation that ends in a number still closes.
  const auto closed = parse_with("\"The final score was 3-2\" the referee said.");
  REQUIRE(quote_texts(closed) == std::vector<std::string>{"The final score was 3-2"});
  CHECK(closed.diagnostics.empty());
}
