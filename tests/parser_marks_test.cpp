// Quotation marks of other languages and conventions: guillemets in both
// directions, German low-high marks, CJK corner brackets, and the doubled
// apostrophes and grave accents of NYT and LaTeX copy.

#include "parser_test_support.hpp"

#include <catch2/catch.hpp>

using namespace qc_test;
using quotecheck::parser::mark_family;

namespace {

struct mark_case {
  std::string text;
  std::string quoted;
  mark_family family;
};

} // namespace

TEST_CASE("each pair of marks encloses its quotation", "[marks]") {
  const std::vector<mark_case> cases = {
      {"\u00ABNous restons ici\u00BB, a dit la maire.", "Nous restons ici", mark_family::guillemet},
      {"Il a dit : \u00AB Non merci. \u00BB", "Non merci.", mark_family::guillemet},
      {"\u2039Oui\u203A, r\u00E9pond-il.", "Oui", mark_family::single_guillemet},
      {"\u201EWir bleiben hier\u201C, sagte die B\u00FCrgermeisterin.", "Wir bleiben hier",
       mark_family::double_curly},
      {"\u201EWir bleiben hier\u201D, sagte sie.", "Wir bleiben hier", mark_family::double_curly},
      {"Er schrieb \u201Aja\u2018 auf den Zettel.", "ja", mark_family::single_curly},
      {"\u00BBVi bliver her\u00AB, sagde borgmesteren.", "Vi bliver her", mark_family::guillemet},
      {"\u00BBWir bleiben\u00AB, sagte er.", "Wir bleiben", mark_family::guillemet},
      {"\u300C\u6211\u4EEC\u7559\u4E0B\u300D\u5979\u8BF4\u3002", "\u6211\u4EEC\u7559\u4E0B",
       mark_family::corner},
      {"\u300E\u98A8\u306E\u6B4C\u300F\u3092\u8AAD\u3093\u3060\u3002", "\u98A8\u306E\u6B4C",
       mark_family::white_corner},
      {"The senator said, ''We have the votes.''", "We have the votes.", mark_family::double_apostrophe},
      {"The senator said, ``We have the votes.''", "We have the votes.", mark_family::double_apostrophe},
  };
  for (const mark_case &c : cases) {
    INFO("text: " << c.text);
    const auto doc = parse_with(c.text);
    REQUIRE(quote_texts(doc) == std::vector<std::string>{c.quoted});
    CHECK(doc.quotes[0].family == c.family);
    CHECK(doc.diagnostics.empty());
  }
}

TEST_CASE("the span's byte offsets skip multi-byte marks exactly", "[marks]") {
  const std::string_view s = "\u00AB Bonjour \u00BB";
  const auto doc = parse_with(s);
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].open_mark == quotecheck::parser::span{0, 2});
  CHECK(doc.quotes[0].content == quotecheck::parser::span{3, 10});
  CHECK(doc.quotes[0].close_mark == quotecheck::parser::span{11, 13});
}

TEST_CASE("NYT copy: doubled apostrophes pair with each other, not with apostrophes", "[marks]") {
  const auto doc = parse_with("''It's the Smiths' house,'' the agent said. ''Nobody's home.''");
  REQUIRE(quote_texts(doc) == std::vector<std::string>{"It's the Smiths' house", "Nobody's home."});
  CHECK(doc.quotes[0].family == mark_family::double_apostrophe);
}

TEST_CASE("marks of different families do not close each other", "[marks]") {
  quotecheck::parser::parse_options opts;
  opts.nested_quotes = true;
  const auto doc = parse_with("\u00ABIl a cri\u00E9 \u201Cstop\u201D et il est parti\u00BB, dit-elle.", opts);
  REQUIRE(doc.quotes.size() == 2);
  CHECK(span_text(doc, doc.quotes[0].content) == "Il a cri\u00E9 \u201Cstop\u201D et il est parti");
  CHECK(doc.quotes[0].family == mark_family::guillemet);
  CHECK(span_text(doc, doc.quotes[1].content) == "stop");
  CHECK(doc.quotes[1].depth == 1);
}

TEST_CASE("a corner-bracket quotation with a nested white-corner title", "[marks]") {
  quotecheck::parser::parse_options opts;
  opts.nested_quotes = true;
  const auto doc = parse_with(
      "\u300C\u300E\u96EA\u300F\u3092\u8AAD\u3093\u3060\u300D\u3068\u5F7C\u306F\u8A00\u3063\u305F\u3002",
      opts);
  REQUIRE(doc.quotes.size() == 2);
  CHECK(doc.quotes[0].family == mark_family::corner);
  CHECK(doc.quotes[1].family == mark_family::white_corner);
  CHECK(span_text(doc, doc.quotes[1].content) == "\u96EA");
}
