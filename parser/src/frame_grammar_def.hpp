#pragma once
/// The reported-speech grammar: Spirit X3 rules over a sentence's items
/// (tokens, with each quotation one item). The frame finder (frames.cpp)
/// decides where a frame may start; these rules say what an attribution's
/// parts look like: the object of "told", the adjuncts after a cue, a
/// source that follows its cue, a common-noun source. Rules only match;
/// no semantic action does work.

#include "frame_items.hpp"

#include <boost/spirit/home/x3.hpp>

namespace quotecheck::parser::frame_grammar {

namespace x3 = boost::spirit::x3;
using detail::item;
using detail::sentence_view;
namespace lex = detail::lexicon;

/// The context key under which the rules find the sentence they run over.
struct view_tag;

///////////////////////////////////////////////////////////////////////////
// Primitives: one item of a kind
///////////////////////////////////////////////////////////////////////////

/// Matches one item for which Pred(view, index) holds.
template <typename Pred> struct item_parser : x3::parser<item_parser<Pred>> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  Pred pred;
  constexpr explicit item_parser(Pred p) : pred(p) {}

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It &first, const It &last, const Ctx &ctx, RCtx &, Attr &) const {
    if (first == last) {
      return false;
    }
    const sentence_view &view = x3::get<view_tag>(ctx).get();
    if (!pred(view, view.index(&*first))) {
      return false;
    }
    ++first;
    return true;
  }
};

template <typename Pred> constexpr item_parser<Pred> when(Pred p) { return item_parser<Pred>(p); }

/// A word in a lexicon.
inline auto word_in(const detail::word_set &set) {
  return when([&set](const sentence_view &v, std::size_t k) {
    return v.is_word(v.items[k]) && set.has(v.word(v.items[k]));
  });
}
/// A punctuation token.
inline auto punct(std::string_view p) {
  return when([p](const sentence_view &v, std::size_t k) { return v.is_punct(v.items[k], p); });
}

inline const auto any_item = when([](const sentence_view &, std::size_t) { return true; });
inline const auto quote_item =
    when([](const sentence_view &v, std::size_t k) { return v.items[k].quote >= 0; });
inline const auto cap_word = when([](const sentence_view &v, std::size_t k) { return v.is_cap(v.items[k]); });
inline const auto number =
    when([](const sentence_view &v, std::size_t k) { return v.is_number(v.items[k]); });
inline const auto cue = when([](const sentence_view &v, std::size_t k) { return !v.cue_lemma(k).empty(); });
/// A lower-case manner adverb: "said Anne reproachfully".
inline const auto manner_adverb = when([](const sentence_view &v, std::size_t k) {
  return v.is_word(v.items[k]) && !v.is_cap(v.items[k]) && v.word(v.items[k]).ends_with("ly");
});
/// A lower-case participle: ", adding…", ", urging…".
inline const auto participle = when([](const sentence_view &v, std::size_t k) {
  return v.is_word(v.items[k]) && !v.is_cap(v.items[k]) && v.word(v.items[k]).ends_with("ing");
});
/// A word that can be part of a source named after its cue.
inline const auto source_word = when([](const sentence_view &v, std::size_t k) {
  const item &it = v.items[k];
  return v.is_word(it) && v.cue_lemma(k).empty() && !(v.word(it).ends_with("ly") && !v.is_cap(it)) &&
         !lex::inverted_source_stops.has(v.word(it));
});
/// A word a common-noun source may hold (no cue, no auxiliary).
inline const auto plain_word = when([](const sentence_view &v, std::size_t k) {
  const item &it = v.items[k];
  return v.is_word(it) && v.cue_lemma(k).empty() && !lex::clause_verbs.has(v.word(it));
});

///////////////////////////////////////////////////////////////////////////
// Rule ids
///////////////////////////////////////////////////////////////////////////

struct trailer_id;
struct object_id;
struct inverted_source_id;
struct loose_source_id;
struct adjunct_id;

///////////////////////////////////////////////////////////////////////////
// Rules
///////////////////////////////////////////////////////////////////////////

/// Items up to the end of the sentence, none of them a quotation.
const auto no_quote_rest = *(any_item - quote_item) >> x3::eoi;

/// What may follow a content-first attribution: nothing, a clause about the
/// saying (", adding that…"), an apposition (", a doctor at…") or a few
/// adjuncts ("in a statement on Monday"); never a quotation.
const x3::rule<trailer_id> trailer = "trailer";
const auto trailer_def = *manner_adverb >>
                         (x3::eoi |
                          (punct(",") >> (word_in(lex::saying_clause_starts) | participle) >> no_quote_rest) |
                          (punct(",") >> word_in(lex::apposition_starts) >> no_quote_rest) |
                          (&(punct(",") | punct("(") | word_in(lex::trailer_starts)) >>
                           x3::repeat(0, 10)[any_item - quote_item] >> x3::eoi));

/// The object of "told" and its kin: up to "that", a comma, a colon, a
/// quotation or a preposition; else the rest when short ("told the
/// meeting."); else one word ("told reporters the deal was off").
const x3::rule<object_id> object = "object";
const auto object_stop = quote_item | punct(",") | punct(":") | word_in(lex::object_stops);
const auto object_def = (x3::repeat(0, 4)[any_item - object_stop] >> &object_stop) |
                        (x3::repeat(0, 3)[any_item] >> x3::eoi) | any_item | x3::eps;

/// A source named after its cue: "said Mr. Brown (D-Tex.)".
const x3::rule<inverted_source_id> inverted_source = "inverted source";
const auto paren_group = punct("(") >> x3::repeat(0, 6)[any_item - punct(")")] >> punct(")");
const auto inverted_source_def = x3::repeat(0, 14)[source_word | (punct(".") >> &cap_word) | paren_group];

/// A source of common nouns before its cue: "one user", "the White House
/// press secretary, Josh Earnest" — it must fill the whole range given.
const x3::rule<loose_source_id> loose_source = "loose source";
const auto loose_item = plain_word | punct(",") | punct(".") | punct("(") | punct(")") | number;
const auto loose_source_def = &(cap_word | word_in(lex::determiners) | number) >>
                              x3::repeat(1, 10)[loose_item] >> x3::eoi;

/// An adjunct between a cue and its content: "in a statement on Monday, …",
/// "on Tuesday that …".
const x3::rule<adjunct_id> adjunct = "adjunct";
const auto adjunct_stop = punct(",") | quote_item | word_in(lex::that_word);
const auto adjunct_def = word_in(lex::adjunct_starts) >> x3::repeat(0, 5)[any_item - adjunct_stop] >>
                         &adjunct_stop;

BOOST_SPIRIT_DEFINE(trailer, object, inverted_source, loose_source, adjunct)

///////////////////////////////////////////////////////////////////////////
// Driver: run a rule over items [k, end) of a sentence
///////////////////////////////////////////////////////////////////////////

/// Where `rule` stops when matched from item k (bounded by item end), or -1.
template <typename Rule>
std::ptrdiff_t match(const Rule &rule, const sentence_view &view, std::size_t k, std::size_t end) {
  if (k > end) {
    return -1;
  }
  const item *first = view.items.data() + k;
  const item *const last = view.items.data() + end;
  const auto parser = x3::with<view_tag>(std::cref(view))[rule];
  if (!x3::parse(first, last, parser)) {
    return -1;
  }
  return first - view.items.data();
}

///////////////////////////////////////////////////////////////////////////
// Error handling: none needed. A rule that does not match is simply not
// that part of a frame; the finder tries the next reading.
///////////////////////////////////////////////////////////////////////////

} // namespace quotecheck::parser::frame_grammar
