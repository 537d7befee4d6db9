// The lexer's fast paths (ASCII words, numbers, marks, line ends, curly
// quotation marks, 16 bytes at a time) against the grammar alone: every
// token, with its offsets, class, mark, flags and line-end count, must be
// the one the grammar gives, wherever the token falls in the text.

#include "quotecheck/parser/lexer.hpp"

#include "lexer_def.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace quotecheck::parser;

namespace {

/// The text's bytes in hex, for a failure message.
std::string hex(std::string_view s) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : s) {
    out += digits[c >> 4];
    out += digits[c & 15];
    out += ' ';
  }
  return out;
}

/// True when lex() and the grammar alone give the same tokens for `text`.
bool same_as_grammar(std::string_view text) {
  std::vector<token> fast;
  std::vector<token> slow;
  lex(text, fast);
  detail::lex_with_grammar(text, slow);
  if (fast.size() != slow.size()) {
    return false;
  }
  for (std::size_t i = 0; i < fast.size(); ++i) {
    const token &a = fast[i];
    const token &b = slow[i];
    if (a.begin != b.begin || a.end != b.end || a.cls != b.cls || a.mark != b.mark || a.flags != b.flags ||
        a.newlines != b.newlines) {
      return false;
    }
  }
  return true;
}

} // namespace

TEST_CASE("fast path: words, numbers and marks are the grammar's tokens", "[lexer][fast]") {
  const std::vector<std::string> texts = {
      "The mayor said: \"No.\" It's O'Brien's well-known 'til ``quote'' A-B NATO x-",
      "1,000.5 90s 21st 10:30 3. 3, 3.x 1,a 2:3:4 007 5'6\" 1-2",
      "don\u2019t \u201CYes\u201D \u2018no\u2019 Joneses\u2019 \u2019til caf\u00E9 Zelensky\u0457 na\u00EFve",
      "\xEF\xBB\xBF\"BOM\"",
      "a\r\nb\rc\n\n  \n\td\u2028e\u2029f\n\u00A0g\r\n\r\n",
      "tab\there\fform\vvert\u00A0nbsp\u2009thin x\u3000y",
      "odd ` grave, `` and ''' and '' marks; \u00ABguillemets\u00BB \u300Ccorner\u300D",
      "CAPS AND-CAPS A'B I i IBM's OK\u2019D Mc-DONALD X1 AB2",
  };
  for (const std::string &t : texts) {
    INFO(t);
    CHECK(same_as_grammar(t));
  }
}

TEST_CASE("fast path: apostrophes and hyphens join words as the grammar does", "[lexer][fast]") {
  const std::string_view s = "it's well-known don\u2019t O'Brien-Smith rock'n'roll x-'y a--b c''d e\u2019";
  std::vector<token> toks;
  lex(s, toks);
  std::vector<std::string> words;
  for (const token &t : toks) {
    words.emplace_back(s.substr(t.begin, t.end - t.begin));
  }
  CHECK(words == std::vector<std::string>{"it's", "well-known", "don\u2019t", "O'Brien-Smith", "rock'n'roll",
                                          "x", "-", "'", "y", "a", "-", "-", "b", "c", "''", "d", "e",
                                          "\u2019"});
  CHECK(same_as_grammar(s));
}

TEST_CASE("fast path: tokens across 64-byte windows and at the end of the text", "[lexer][fast]") {
  // A token of every length from 1 to 70 at offsets from 0 to 66, so that
  // it starts, ends or lies across a 64-byte window, or ends the text on
  // one; then what may or may not go on with it; then the end or more.
  const std::vector<std::string> tails = {"",        " ",      ".",      "'",  "-",  "'s", "-x", "\u2019",
                                          "\u2019t", "\u00E9", "\u00A0", "\n", "\r", "1",  ",5", ".5."};
  const std::vector<std::string> alphabets = {"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                              "0123456789", "Ab9-Cd'E"};
  for (int offset = 0; offset <= 66; offset += 3) {
    for (int length = 1; length <= 70; ++length) {
      for (const std::string &alphabet : alphabets) {
        for (const std::string &tail : tails) {
          std::string text(static_cast<std::size_t>(offset), ' ');
          for (int i = 0; i < length; ++i) {
            text += alphabet[static_cast<std::size_t>(i) % alphabet.size()];
          }
          text += tail;
          INFO(hex(text));
          REQUIRE(same_as_grammar(text));
          REQUIRE(same_as_grammar(text + " more"));
        }
      }
    }
  }
}

TEST_CASE("fast path: random text, including ill-formed UTF-8, gives the grammar's tokens", "[lexer][fast]") {
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "Q",
                                           "word",
                                           "CAPS",
                                           "7",
                                           "0",
                                           "'",
                                           "-",
                                           "\"",
                                           "`",
                                           ",",
                                           ".",
                                           ":",
                                           ";",
                                           "(",
                                           ")",
                                           " ",
                                           " ",
                                           "  ",
                                           "\t",
                                           "\f",
                                           "\v",
                                           "\r",
                                           "\n",
                                           "\r\n",
                                           "\xC2\xA0",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x98",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x9D",
                                           "\xE2\x80\xA8",
                                           "\xE2\x80\xA9",
                                           "\xE2\x80\x94",
                                           "\xEF\xBB\xBF",
                                           "\xC3\xA9",
                                           "\xCC\x81",
                                           "\xE2\x80",
                                           "\xE2",
                                           "\xC2",
                                           "\x80",
                                           "\xFF",
                                           "\xF0\x9F\x98\x80",
                                           std::string(1, '\0'),
                                           "\x01",
                                           "\x7F"};
  std::mt19937 rng(20240601);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t length = rng() % (round % 10 == 0 ? 400 : 60);
    const bool raw_bytes = round % 7 == 0;
    while (text.size() < length) {
      if (raw_bytes) {
        text += static_cast<char>(rng() & 0xFF);
      } else {
        text += pieces[rng() % pieces.size()];
      }
    }
    INFO(hex(text));
    REQUIRE(same_as_grammar(text));
  }
}

TEST_CASE("fast path: long runs of line ends cap the count at 255", "[lexer][fast]") {
  for (const std::string line_end : {"\n", "\r\n", "\r", "\n \t", "\u2028"}) {
    for (const int n : {254, 255, 256, 300}) {
      std::string text = "x";
      for (int i = 0; i < n; ++i) {
        text += line_end;
      }
      text += "y";
      std::vector<token> toks;
      lex(text, toks);
      REQUIRE(toks.size() == 3);
      CHECK(toks[1].cls == token_class::newline);
      CHECK(toks[1].newlines == (n > 255 ? 255 : n));
      CHECK(same_as_grammar(text));
    }
  }
}
