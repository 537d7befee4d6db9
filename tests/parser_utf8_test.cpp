// check_text: what the parser accepts as text, and where the first bad
// byte of anything else is.

#include "quotecheck/parser/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>

using quotecheck::error_code;
using quotecheck::parser::check_text;

namespace {

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int c : b) {
    s.push_back(static_cast<char>(c));
  }
  return s;
}

} // namespace

TEST_CASE("valid UTF-8 passes", "[utf8]") {
  CHECK(check_text("").ok());
  CHECK(check_text("plain ASCII text.\n").ok());
  CHECK(check_text("\u201CZ\u00FCrich\u201D \u2014 \u6771\u4EAC \U0001F600").ok());
  CHECK(check_text("\xEF\xBB\xBFwith a UTF-8 byte-order mark").ok());
  // Long enough to go through the SIMD path.
  std::string long_text;
  for (int i = 0; i < 1000; ++i) {
    long_text += "caf\u00E9 ";
  }
  CHECK(check_text(long_text).ok());
}

TEST_CASE("invalid bytes: the error gives the offset of the first bad byte", "[utf8]") {
  const std::string s = "Good text " + bytes({0xFF}) + " more";
  const auto r = check_text(s);
  REQUIRE_FALSE(r.ok());
  CHECK(r.err().code == error_code::invalid_utf8);
  CHECK(r.err().offset == 10);
  CHECK(r.err().message.find("10") != std::string::npos);
}

TEST_CASE("a bad byte far into a long valid text is located exactly", "[utf8]") {
  std::string s;
  for (int i = 0; i < 500; ++i) {
    s += "\u00E9t\u00E9 ";
  }
  const std::size_t at = s.size();
  s += bytes({0xC3, 0x28}); // lead byte followed by a non-continuation
  s += "tail";
  const auto r = check_text(s);
  REQUIRE_FALSE(r.ok());
  CHECK(r.err().offset == at);
}

TEST_CASE("overlong encodings are rejected", "[utf8]") {
  for (const std::string &bad : {bytes({0xC0, 0x80}), bytes({0xC1, 0xBF}), bytes({0xE0, 0x80, 0xAF}),
                                 bytes({0xF0, 0x80, 0x80, 0xAF})}) {
    const auto r = check_text("ab" + bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.err().code == error_code::invalid_utf8);
    CHECK(r.err().offset == 2);
  }
}

TEST_CASE("UTF-16 surrogates encoded in UTF-8 are rejected", "[utf8]") {
  const auto r = check_text("x" + bytes({0xED, 0xA0, 0x80}) + "y");
  REQUIRE_FALSE(r.ok());
  CHECK(r.err().offset == 1);
  const auto low = check_text(bytes({0xED, 0xBF, 0xBF}));
  REQUIRE_FALSE(low.ok());
  CHECK(low.err().offset == 0);
}

TEST_CASE("code points above U+10FFFF are rejected", "[utf8]") {
  const auto r = check_text("ok" + bytes({0xF4, 0x90, 0x80, 0x80}));
  REQUIRE_FALSE(r.ok());
  CHECK(r.err().offset == 2);
}

TEST_CASE("truncated sequences are rejected", "[utf8]") {
  SECTION("at the end") {
    const auto r = check_text("end " + bytes({0xE2, 0x80}));
    REQUIRE_FALSE(r.ok());
    CHECK(r.err().offset == 4);
  }
  SECTION("in the middle") {
    const auto r = check_text("ab" + bytes({0xF0, 0x9F, 0x98}) + "cd");
    REQUIRE_FALSE(r.ok());
    CHECK(r.err().offset == 2);
  }
  SECTION("a lone continuation byte") {
    const auto r = check_text("abc" + bytes({0x80}));
    REQUIRE_FALSE(r.ok());
    CHECK(r.err().offset == 3);
  }
}

TEST_CASE("a NUL byte means binary input", "[utf8]") {
  std::string s = "PK";
  s.push_back('\0');
  s += "binary";
  const auto r = check_text(s);
  REQUIRE_FALSE(r.ok());
  CHECK(r.err().code == error_code::binary_input);
  CHECK(r.err().offset == 2);
  CHECK(r.err().message.find("binary") != std::string::npos);
}

TEST_CASE("UTF-16 text is recognised by its byte-order mark", "[utf8]") {
  const auto le = check_text(bytes({0xFF, 0xFE, 'H', 0, 'i', 0}));
  REQUIRE_FALSE(le.ok());
  CHECK(le.err().message.find("UTF-16") != std::string::npos);
  CHECK(le.err().offset == 0);
  const auto be = check_text(bytes({0xFE, 0xFF, 0, 'H', 0, 'i'}));
  REQUIRE_FALSE(be.ok());
  CHECK(be.err().message.find("UTF-16") != std::string::npos);
}
