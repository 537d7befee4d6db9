// The lexer: token classes, inner apostrophes, numbers, line ends and the
// space_before flag, on sentences written for these tests.

#include "quotecheck/parser/lexer.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using namespace quotecheck::parser;

namespace {

std::vector<token> lex_all(std::string_view text) {
  std::vector<token> out;
  lex(text, out);
  return out;
}

std::vector<std::string> texts(std::string_view text, const std::vector<token> &toks) {
  std::vector<std::string> out;
  for (const token &t : toks) {
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

} // namespace

TEST_CASE("words, punctuation and quotation marks get their classes", "[lexer]") {
  const std::string_view s = "The mayor said: \u201CNo.\u201D";
  const auto toks = lex_all(s);
  REQUIRE(texts(s, toks) ==
          std::vector<std::string>{"The", "mayor", "said", ":", "\u201C", "No", ".", "\u201D"});
  CHECK(toks[0].cls == token_class::word);
  CHECK(toks[0].is(capitalised));
  CHECK_FALSE(toks[1].is(capitalised));
  CHECK(toks[3].cls == token_class::punct);
  CHECK(toks[4].cls == token_class::mark);
  CHECK(toks[4].mark == mark_char::ldquo);
  CHECK(toks[7].mark == mark_char::rdquo);
  // Offsets are bytes: the curly mark is three bytes long.
  CHECK(toks[4].begin == 16);
  CHECK(toks[4].end == 19);
}

TEST_CASE("every quotation-mark character is its own mark", "[lexer]") {
  const std::vector<std::pair<std::string, mark_char>> cases = {
      {"\"", mark_char::ascii_double}, {"'", mark_char::ascii_single},  {"''", mark_char::double_apos},
      {"``", mark_char::double_grave}, {"\u201C", mark_char::ldquo},    {"\u201D", mark_char::rdquo},
      {"\u201E", mark_char::bdquo},    {"\u2018", mark_char::lsquo},    {"\u2019", mark_char::rsquo},
      {"\u201A", mark_char::sbquo},    {"\u00AB", mark_char::laquo},    {"\u00BB", mark_char::raquo},
      {"\u2039", mark_char::lsaquo},   {"\u203A", mark_char::rsaquo},   {"\u300C", mark_char::lcorner},
      {"\u300D", mark_char::rcorner},  {"\u300E", mark_char::lwcorner}, {"\u300F", mark_char::rwcorner}};
  for (const auto &[mark, expected] : cases) {
    const std::string s = "x " + mark + " y";
    const auto toks = lex_all(s);
    INFO("mark " << mark);
    REQUIRE(toks.size() == 3);
    CHECK(toks[1].cls == token_class::mark);
    CHECK(toks[1].mark == expected);
    CHECK(toks[1].end - toks[1].begin == mark.size());
  }
}

TEST_CASE("inner apostrophes and hyphens stay inside the word", "[lexer]") {
  const std::string_view s = "O'Brien's well-known aide won\u2019t go";
  const auto toks = lex_all(s);
  REQUIRE(texts(s, toks) == std::vector<std::string>{"O'Brien's", "well-known", "aide", "won\u2019t", "go"});
  for (const token &t : toks) {
    CHECK(t.cls == token_class::word);
  }
  CHECK(toks[0].is(capitalised));
}

TEST_CASE("a leading or trailing apostrophe is a separate mark token", "[lexer]") {
  const std::string_view s = "the Joneses' car 'til dawn";
  const auto toks = lex_all(s);
  REQUIRE(texts(s, toks) == std::vector<std::string>{"the", "Joneses", "'", "car", "'", "til", "dawn"});
  CHECK(toks[2].cls == token_class::mark);
  CHECK_FALSE(toks[2].is(space_before));
  CHECK(toks[4].is(space_before));
  CHECK_FALSE(toks[5].is(space_before));
}

TEST_CASE("numbers keep their inner separators and suffixes", "[lexer]") {
  const std::string_view s = "1,250 troops at 10:45 on the 3rd, up 2.5% since the '90s";
  const auto toks = lex_all(s);
  const auto t = texts(s, toks);
  REQUIRE(t == std::vector<std::string>{"1,250", "troops", "at", "10:45", "on", "the", "3rd", ",", "up",
                                        "2.5", "%", "since", "the", "'", "90s"});
  CHECK(toks[0].cls == token_class::number);
  CHECK(toks[3].cls == token_class::number);
  CHECK(toks[6].cls == token_class::number);
  CHECK(toks[7].cls == token_class::punct); // a trailing comma is not part of the number
  CHECK(toks[9].cls == token_class::number);
  CHECK(toks[10].cls == token_class::punct);
  CHECK(toks[14].cls == token_class::number);
}

TEST_CASE("all-caps words are flagged", "[lexer]") {
  const std::string_view s = "NATO and the EU met; A minister spoke";
  const auto toks = lex_all(s);
  CHECK(toks[0].is(all_caps));
  CHECK(toks[3].is(all_caps));
  CHECK_FALSE(toks[6].is(all_caps)); // a single letter is not "all caps"
  CHECK(toks[6].is(capitalised));
  CHECK_FALSE(toks[1].is(all_caps));
}

TEST_CASE("line ends: LF, CRLF and a lone CR each count once", "[lexer]") {
  const std::string_view s = "one\ntwo\r\nthree\rfour\n\n\nfive";
  const auto toks = lex_all(s);
  REQUIRE(texts(s, toks) ==
          std::vector<std::string>{"one", "\n", "two", "\r\n", "three", "\r", "four", "\n\n\n", "five"});
  CHECK(toks[1].cls == token_class::newline);
  CHECK(toks[1].newlines == 1);
  CHECK(toks[3].newlines == 1); // CRLF is one line end
  CHECK(toks[5].newlines == 1); // a lone CR is a line end
  CHECK(toks[7].newlines == 3);
}

TEST_CASE("blank lines with spaces on them are one newline run", "[lexer]") {
  const std::string_view s = "end.\r\n   \r\nNext";
  const auto toks = lex_all(s);
  REQUIRE(toks.size() == 4);
  CHECK(toks[2].cls == token_class::newline);
  CHECK(toks[2].newlines == 2);
  CHECK(texts(s, toks)[3] == "Next");
}

TEST_CASE("space_before is set after spaces, tabs and no-break spaces only", "[lexer]") {
  const std::string_view s = "a  b\tc\u00A0d(e)";
  const auto toks = lex_all(s);
  REQUIRE(texts(s, toks) == std::vector<std::string>{"a", "b", "c", "d", "(", "e", ")"});
  CHECK_FALSE(toks[0].is(space_before));
  CHECK(toks[1].is(space_before));
  CHECK(toks[2].is(space_before));
  CHECK(toks[3].is(space_before)); // U+00A0
  CHECK_FALSE(toks[4].is(space_before));
  CHECK_FALSE(toks[5].is(space_before));
  CHECK_FALSE(toks[6].is(space_before));
}

TEST_CASE("non-ASCII letters and combining accents are word characters", "[lexer]") {
  const std::string_view s = "\u00C9lys\u00E9e cafe\u0301 Zelensky\u0457";
  const auto toks = lex_all(s);
  REQUIRE(toks.size() == 3);
  CHECK(toks[0].is(capitalised));
  CHECK(texts(s, toks)[1] == "cafe\u0301");
  for (const token &t : toks) {
    CHECK(t.cls == token_class::word);
  }
}

TEST_CASE("lexing reuses the output vector and covers every byte", "[lexer]") {
  std::vector<token> out;
  lex("first text here", out);
  REQUIRE(out.size() == 3);
  lex("x", out);
  REQUIRE(out.size() == 1); // cleared first
  const std::string_view s = "\u2014 \u2026 \u20AC5 \U0001F600!";
  lex(s, out);
  // Tokens are in order, do not overlap, and only blanks lie between them.
  std::uint32_t prev_end = 0;
  for (const token &t : out) {
    CHECK(t.begin >= prev_end);
    CHECK(t.end > t.begin);
    for (std::uint32_t b = prev_end; b < t.begin; ++b) {
      CHECK(s[b] == ' ');
    }
    prev_end = t.end;
  }
  CHECK(prev_end == s.size());
}

TEST_CASE("empty and blank input give no tokens", "[lexer]") {
  CHECK(lex_all("").empty());
  CHECK(lex_all("   \t ").empty());
}

TEST_CASE("Unicode line and paragraph separators are line ends", "[lexer]") {
  const std::string_view s = "one\u2028two\u2029three";
  const auto toks = lex_all(s);
  REQUIRE(toks.size() == 5);
  CHECK(toks[1].cls == token_class::newline);
  CHECK(toks[1].newlines == 1);
  CHECK(toks[3].cls == token_class::newline);
  CHECK(toks[3].newlines == 1);
}
