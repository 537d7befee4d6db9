// source_map: byte offsets to code points and to 1-based line and column
// (column in code points), with multi-byte text and every kind of line end.

#include "quotecheck/parser/source_map.hpp"

#include <catch2/catch.hpp>

#include <string>

using quotecheck::parser::position;
using quotecheck::parser::source_map;

TEST_CASE("ASCII: code points equal bytes; lines and columns are 1-based", "[positions]") {
  const std::string s = "ab\ncd";
  const source_map m(s);
  CHECK(m.code_point(0) == 0);
  CHECK(m.code_point(4) == 4);
  const position p0 = m.at(0);
  CHECK(p0.line == 1);
  CHECK(p0.column == 1);
  const position p = m.at(4); // 'd'
  CHECK(p.line == 2);
  CHECK(p.column == 2);
}

TEST_CASE("multi-byte text: code points count characters, not bytes", "[positions]") {
  // é is 2 bytes, — is 3, 😀 is 4.
  const std::string s = "Caf\u00E9 \u2014 \U0001F600 ok";
  const source_map m(s);
  CHECK(m.code_point(s.find(' ')) == 4);
  CHECK(m.code_point(s.find("\u2014")) == 5);
  CHECK(m.code_point(s.find("\U0001F600")) == 7);
  CHECK(m.code_point(s.find("ok")) == 9);
  CHECK(m.code_point(s.size()) == 11);
  CHECK(m.at(s.find("ok")).column == 10);
}

TEST_CASE("long multi-byte text crosses the 64-byte index blocks correctly", "[positions]") {
  std::string s;
  for (int i = 0; i < 300; ++i) {
    s += "\u00E9"; // 2 bytes each
  }
  s += "\nx";
  const source_map m(s);
  for (std::size_t b = 0; b <= 600; b += 2) {
    REQUIRE(m.code_point(b) == b / 2);
  }
  const position p = m.at(s.size() - 1);
  CHECK(p.line == 2);
  CHECK(p.column == 1);
  CHECK(p.code_point == 301);
}

TEST_CASE("CRLF is one line end; the column after it starts at 1", "[positions]") {
  const std::string s = "one\r\ntwo\r\nthree";
  const source_map m(s);
  CHECK(m.at(s.find("two")).line == 2);
  CHECK(m.at(s.find("two")).column == 1);
  CHECK(m.at(s.find("three")).line == 3);
  CHECK(m.at(s.find("three") + 2).column == 3);
  // The CR itself still belongs to line 1.
  CHECK(m.at(3).line == 1);
  CHECK(m.at(3).column == 4);
}

TEST_CASE("a lone CR ends a line as well", "[positions]") {
  const std::string s = "a\rb\n\nc";
  const source_map m(s);
  CHECK(m.at(2).line == 2);
  CHECK(m.at(5).line == 4);
  CHECK(m.at(5).column == 1);
}

TEST_CASE("columns count code points on lines with multi-byte characters", "[positions]") {
  const std::string s = "x\n\u201CZ\u00FCrich,\u201D she said.";
  const source_map m(s);
  const position p = m.at(s.find("she"));
  CHECK(p.line == 2);
  CHECK(p.column == 11); // “Zürich,” is 8 characters, then a space
  CHECK(p.code_point == 12);
}

TEST_CASE("queries in any order and past the end are answered", "[positions]") {
  const std::string s = "\u00E9\u00E9\n\u00E9";
  const source_map m(s);
  CHECK(m.at(5).line == 2);
  CHECK(m.at(0).line == 1);
  CHECK(m.code_point(1000) == 4); // clamped to the text size
  const source_map empty("");
  CHECK(empty.at(0).line == 1);
  CHECK(empty.code_point(0) == 0);
}

TEST_CASE("every offset of mixed text agrees with a byte-by-byte count", "[positions]") {
  // Pieces of 1 to 4 bytes and every line end, in a pseudo-random order,
  // so that multi-byte characters and CR LF pairs straddle the 8-byte words
  // and the 64-byte blocks of the index.
  const char *pieces[] = {"a", " ", "\n", "\r", "\r\n", "\t", "\u00E9", "\u2014", "\U0001F600", "xyz"};
  for (unsigned seed = 1; seed <= 40; ++seed) {
    std::string s;
    unsigned state = seed;
    const std::size_t length = 10 * seed + seed * seed;
    while (s.size() < length) {
      state = state * 1103515245U + 12345U;
      s += pieces[(state >> 16) % (sizeof pieces / sizeof pieces[0])];
    }
    const source_map m(s);
    std::uint64_t cps = 0;
    std::uint32_t line = 1;
    std::uint64_t line_start_cp = 0;
    for (std::size_t b = 0; b <= s.size(); ++b) {
      const position p = m.at(b);
      REQUIRE(m.code_point(b) == cps);
      REQUIRE(p.code_point == cps);
      REQUIRE(p.line == line);
      REQUIRE(p.column == cps - line_start_cp + 1);
      if (b == s.size()) {
        break;
      }
      const auto c = static_cast<unsigned char>(s[b]);
      cps += (c & 0xC0U) != 0x80U ? 1 : 0;
      const bool ends_line = c == '\n' || (c == '\r' && (b + 1 == s.size() || s[b + 1] != '\n'));
      if (ends_line) {
        ++line;
        line_start_cp = cps;
      }
    }
  }
}
