/// Quote kinds and interrupted quotations. A quotation standing as speech
/// (at a sentence start, after "said", a comma or a colon, or followed by
/// its attribution) is direct; one embedded in the reporter's own words is
/// partial. Two pieces around an attribution ("…,” Flynn said. “…”) share a
/// quotation id.

#include "quotecheck/parser/lexicon.hpp"

#include "passes.hpp"

#include <algorithm>

namespace quotecheck::parser::detail {

namespace {

bool is_intro_punct(std::string_view p) {
  return p == "," || p == ":" || p == "\u2014" || p == "\u2013" || p == "-" || p == "(" || p == ";";
}

bool is_end_punct(std::string_view p) {
  return p == "," || p == "." || p == "!" || p == "?" || p == "\u2026" || p == ";" || p == ":" ||
         p == "\u2014" || p == "-" || p == "\u2013";
}

/// Words that, right after a closing mark, begin an attribution.
bool begins_attribution(const pass_state &st, std::uint32_t i, std::uint32_t last) {
  const std::vector<token> &toks = st.tokens;
  // Up to a few words of name and title first: "… ,” British Foreign
  // Secretary David Lammy said.
  for (std::uint32_t k = i; k < last && k < i + 8; ++k) {
    if (toks[k].cls != token_class::word) {
      return false;
    }
    if (st.speech[k] != 0) {
      return true;
    }
  }
  return false;
}

/// Index of the sentence holding token i (sentences are sorted token ranges).
std::size_t sentence_of(const pass_state &st, std::uint32_t i) {
  const auto it = std::upper_bound(st.sentences.begin(), st.sentences.end(), i,
                                   [](std::uint32_t t, const token_range &r) { return t < r.last; });
  return static_cast<std::size_t>(it - st.sentences.begin());
}

/// "Game of Thrones", "The Apprentice": every word capitalised but for short
/// function words — a title or a name in quotation marks, not speech.
bool title_case(std::string_view text, const std::vector<token> &toks, token_range content) {
  std::size_t words = 0;
  for (std::uint32_t k = content.first; k < content.last; ++k) {
    if (toks[k].cls == token_class::punct) {
      const std::string_view p = text_of(text, toks[k]);
      if (p == "." || p == "!" || p == "?" || p == ",") {
        return false; // sentences, not titles
      }
      continue;
    }
    if (toks[k].cls != token_class::word) {
      continue;
    }
    const std::string_view w = text_of(text, toks[k]);
    const bool small = w == "of" || w == "the" || w == "and" || w == "a" || w == "an" || w == "in" ||
                       w == "on" || w == "to" || w == "for" || w == "at" || w == "by" || w == "or";
    if (!toks[k].is(capitalised) && !small) {
      return false;
    }
    ++words;
  }
  return words >= 1 && words <= 8 && toks[content.first].is(capitalised);
}

} // namespace

void classify_quotes(pass_state &st, document &doc) {
  const auto &toks = st.tokens;
  const std::string_view text = st.text;
  std::size_t s = 0;
  for (std::size_t qi = 0; qi < doc.quotes.size(); ++qi) {
    quote &q = doc.quotes[qi];
    if (q.depth > 0) {
      continue;
    }
    const std::uint32_t open = st.quote_open_tok[qi];
    const std::uint32_t close = st.quote_close_tok[qi];
    while (s + 1 < st.sentences.size() && st.sentences[s].last <= open) {
      ++s;
    }
    const token_range sent = st.sentences.empty() ? token_range{} : st.sentences[s];
    const bool continued = q.close_mark.empty();
    // What precedes the opening mark in the sentence.
    std::uint32_t before = open;
    while (before > sent.first &&
           (toks[before - 1].cls == token_class::mark || toks[before - 1].cls == token_class::newline)) {
      --before;
    }
    const bool at_start = before <= sent.first;
    const token *prev = at_start ? nullptr : &toks[before - 1];
    const bool after_intro =
        prev != nullptr && ((prev->cls == token_class::punct && is_intro_punct(text_of(text, *prev))) ||
                            (prev->cls == token_class::word && st.speech[before - 1] != 0));
    // What the quoted words end with, and what follows the closing mark.
    const token_range content = st.quote_tokens[qi];
    // The last token inside the marks: the content's, or the trailing comma
    // that the span leaves out ("…,” she said).
    const std::uint32_t last_inside = continued ? content.last : close;
    const bool ends_punct = last_inside > content.first && toks[last_inside - 1].cls == token_class::punct &&
                            is_end_punct(text_of(text, toks[last_inside - 1]));
    const std::uint32_t after = close + 1;
    const std::uint32_t para_last = st.paragraphs[q.paragraph].last;
    const bool at_end = after >= para_last || toks[after].cls == token_class::newline;
    const bool then_punct =
        !at_end && toks[after].cls == token_class::punct && is_end_punct(text_of(text, toks[after]));
    const bool then_attribution = !at_end && begins_attribution(st, after, para_last);
    const bool stands_alone = continued || at_end || ends_punct || then_punct || then_attribution;
    const bool partial = (!at_start && !after_intro) || !stands_alone;
    q.kind = partial ? quote_kind::partial : quote_kind::direct;
    q.is_name = partial && (title_case(text, toks, content) ||
                            (open > 0 && toks[open - 1].cls == token_class::punct &&
                             text_of(text, toks[open - 1]) == "=" && !toks[open].is(space_before)));
  }

  // Interrupted quotations: piece A ends with a comma (or dash), a short
  // attribution with a verb of saying follows, then piece B in the same
  // paragraph.
  for (std::size_t qi = 0; qi + 1 < doc.quotes.size(); ++qi) {
    quote &a = doc.quotes[qi];
    std::size_t bi = qi + 1;
    while (bi < doc.quotes.size() && doc.quotes[bi].depth > 0) {
      ++bi;
    }
    if (bi >= doc.quotes.size() || a.depth > 0) {
      continue;
    }
    quote &b = doc.quotes[bi];
    if (a.paragraph != b.paragraph || a.kind == quote_kind::partial || b.kind == quote_kind::partial ||
        a.close_mark.empty()) {
      continue;
    }
    const std::uint32_t close = st.quote_close_tok[qi];
    const std::uint32_t open_b = st.quote_open_tok[bi];
    // The token before the closing mark: the content's trailing comma is
    // excluded from the span but still says the sentence goes on.
    const std::string_view last_in_a = text_of(text, toks[close - 1]);
    const bool a_unfinished = last_in_a == "," || last_in_a == "\u2014" || last_in_a == "-" ||
                              (close + 1 < open_b && text_of(text, toks[close + 1]) == ",");
    // The attribution between the pieces is one short sentence at most:
    // piece B opens in the sentence of A or in the one right after it.
    if (!a_unfinished || open_b - close > 40 || sentence_of(st, open_b) > sentence_of(st, close) + 1) {
      continue;
    }
    // "Yes," he said. "No," she said.  Piece B with an attribution of its
    // own is another quotation.
    const std::uint32_t close_b = st.quote_close_tok[bi];
    const std::uint32_t para_last = st.paragraphs[b.paragraph].last;
    if (!b.close_mark.empty() && close_b + 1 < para_last) {
      std::uint32_t after_b = close_b + 1;
      if (toks[after_b].cls == token_class::punct && text_of(text, toks[after_b]) == ",") {
        ++after_b;
      }
      if (begins_attribution(st, after_b, para_last)) {
        continue;
      }
    }
    bool cue = false;
    for (std::uint32_t k = close + 1; k < open_b; ++k) {
      cue = cue || st.speech[k] != 0; // only words are verbs of saying
    }
    if (cue) {
      const std::uint32_t old = b.quotation;
      for (std::size_t k = bi; k < doc.quotes.size() && doc.quotes[k].quotation == old; ++k) {
        doc.quotes[k].quotation = a.quotation;
      }
    }
  }

  // Quotation ids were handed out as marks closed (an inner quote before its
  // outer one) and some were merged above: renumber them densely in text
  // order, so that the first quotation of a document is always 0.
  std::vector<std::uint32_t> renumber;
  constexpr std::uint32_t unset = ~std::uint32_t{0};
  std::uint32_t next = 0;
  for (quote &q : doc.quotes) {
    if (q.quotation >= renumber.size()) {
      renumber.resize(q.quotation + 1, unset);
    }
    if (renumber[q.quotation] == unset) {
      renumber[q.quotation] = next++;
    }
    q.quotation = renumber[q.quotation];
  }
}

} // namespace quotecheck::parser::detail
