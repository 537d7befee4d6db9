#pragma once
/// The lexer grammar (Spirit X3 over UTF-8 bytes). One `token_rule` matches
/// one token and says its class; lexer.cpp drives it over the text and
/// records offsets. No semantic action does more than tag a class.

#include "quotecheck/parser/token.hpp"
#include "utf8_classes.hpp"

#include <boost/spirit/home/x3.hpp>

#include <string_view>
#include <vector>

namespace quotecheck::parser::lexer_grammar {

namespace x3 = boost::spirit::x3;

/// What one match of token_rule yields (offsets are added by the driver).
struct lexeme {
  token_class cls = token_class::punct;
  mark_char mark = mark_char::none;
};

///////////////////////////////////////////////////////////////////////////
// Primitives: one UTF-8 code point of a given class
///////////////////////////////////////////////////////////////////////////

/// Matches one code point for which Pred holds.
template <typename Pred> struct code_point_parser : x3::parser<code_point_parser<Pred>> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It &first, const It &last, const Ctx &, RCtx &, Attr &) const {
    if (first == last) {
      return false;
    }
    // Fast path: ASCII needs no decoding.
    const auto b = static_cast<unsigned char>(*first);
    if (b < 0x80) {
      if (Pred{}(static_cast<UChar32>(b))) {
        ++first;
        return true;
      }
      return false;
    }
    int len = 0;
    const UChar32 c = detail::decode(&*first, &*first + (last - first), len);
    if (c < 0 || !Pred{}(c)) {
      return false;
    }
    first += len;
    return true;
  }
};

struct word_char_pred {
  bool operator()(UChar32 c) const { return detail::is_word_char(c); }
};
struct blank_pred {
  bool operator()(UChar32 c) const { return detail::is_blank(c); }
};
struct digit_pred {
  bool operator()(UChar32 c) const { return c >= '0' && c <= '9'; }
};
struct any_pred {
  bool operator()(UChar32) const { return true; }
};

const code_point_parser<word_char_pred> word_char{};
const code_point_parser<blank_pred> blank_char{};
const code_point_parser<digit_pred> digit_char{};
const code_point_parser<any_pred> any_char{};

///////////////////////////////////////////////////////////////////////////
// Lexicon: the quotation-mark characters
///////////////////////////////////////////////////////////////////////////

struct marks_table : x3::symbols<mark_char> {
  marks_table() {
    add("\"", mark_char::ascii_double)("'", mark_char::ascii_single)("''", mark_char::double_apos)(
        "``", mark_char::double_grave)("\u201C", mark_char::ldquo)("\u201D", mark_char::rdquo)(
        "\u201E", mark_char::bdquo)("\u2018", mark_char::lsquo)("\u2019", mark_char::rsquo)(
        "\u201A", mark_char::sbquo)("\u00AB", mark_char::laquo)("\u00BB", mark_char::raquo)(
        "\u2039", mark_char::lsaquo)("\u203A", mark_char::rsaquo)("\u300C", mark_char::lcorner)(
        "\u300D", mark_char::rcorner)("\u300E", mark_char::lwcorner)("\u300F", mark_char::rwcorner);
  }
};
const marks_table marks;

///////////////////////////////////////////////////////////////////////////
// Rule ids
///////////////////////////////////////////////////////////////////////////

struct token_rule_id;

///////////////////////////////////////////////////////////////////////////
// Rules
///////////////////////////////////////////////////////////////////////////

/// Apostrophes that may join the parts of a word: it's, O'Brien, don’t.
const auto apostrophe = x3::lit('\'') | x3::lit("\u2019");

/// A word: letters with inner apostrophes or hyphens (well-known, it's).
const auto word = +word_char >> *((apostrophe | x3::lit('-')) >> +word_char);

/// A number: digits with inner separators and an optional suffix (1,000.5  90s  21st).
const auto number = digit_char >> *digit_char >> *(x3::char_(",.:") >> +digit_char) >> *word_char;

/// A run of line ends (CRLF, LF or lone CR), with blanks between them.
const auto line_end = x3::lit("\r\n") | x3::lit('\r') | x3::lit('\n') | x3::lit("\u2028") | x3::lit("\u2029");
const auto newline_run = +(line_end >> *blank_char);

const auto tag = [](token_class c) { return [c](auto &ctx) { x3::_val(ctx).cls = c; }; };
const auto tag_mark = [](auto &ctx) {
  x3::_val(ctx).cls = token_class::mark;
  x3::_val(ctx).mark = x3::_attr(ctx);
};

const x3::rule<token_rule_id, lexeme> token_rule = "token";

///////////////////////////////////////////////////////////////////////////
// Grammar
///////////////////////////////////////////////////////////////////////////

const auto token_rule_def =
    x3::raw[number][tag(token_class::number)] | x3::raw[word][tag(token_class::word)] | marks[tag_mark] |
    x3::raw[newline_run][tag(token_class::newline)] | x3::raw[any_char][tag(token_class::punct)];

BOOST_SPIRIT_DEFINE(token_rule)

///////////////////////////////////////////////////////////////////////////
// Error handling: none needed. Every byte sequence of valid UTF-8 is some
// token (any_char is the last alternative), so the rule cannot fail.
///////////////////////////////////////////////////////////////////////////

} // namespace quotecheck::parser::lexer_grammar

namespace quotecheck::parser::detail {

/// lex() with the grammar alone, none of its fast paths: the reference that
/// lex() agrees with token for token, for the tests to compare against.
void lex_with_grammar(std::string_view text, std::vector<token> &out);

} // namespace quotecheck::parser::detail
