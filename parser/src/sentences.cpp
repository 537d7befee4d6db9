/// Sentence splitting over tokens. A sentence ends at . ! ? … (with any
/// closing marks and brackets after them) when the next token can start a
/// sentence, except after abbreviations and initials, and never inside a
/// quotation: a quoted passage stays in the sentence that frames it.

#include "passes.hpp"

#include "quotecheck/parser/word_table.hpp"

#include <array>

namespace quotecheck::parser::detail {

namespace {

bool is_terminal(std::string_view p) {
  if (p.size() == 1) {
    return p[0] == '.' || p[0] == '!' || p[0] == '?';
  }
  return p == "\u2026";
}

/// Abbreviations after which a period does not end a sentence.
bool is_abbreviation(std::string_view w) {
  static constexpr std::array<std::string_view, 44> abbrevs = {
      "Mr",   "Mrs", "Ms",   "Dr",   "Prof", "Sen",  "Rep",  "Gov",  "Gen",  "Lt",   "Col",
      "Capt", "Sgt", "St",   "Jr",   "Sr",   "Inc",  "Corp", "Co",   "Ltd",  "vs",   "etc",
      "Jan",  "Feb", "Aug",  "Sept", "Sep",  "Oct",  "Nov",  "Dec",  "No",   "Mt",   "Ft",
      "Rev",  "Hon", "Pres", "Adm",  "Maj",  "Cmdr", "Supt", "Gens", "Reps", "Sens", "Messrs"};
  // Most words are no abbreviation in any case: a case-insensitive table
  // answers for them before the exact (case-sensitive) comparison.
  static const word_table folded = [] {
    word_table t;
    for (std::string_view a : abbrevs) {
      t.add(a);
    }
    return t;
  }();
  if (!folded.contains(w)) {
    return false;
  }
  for (std::string_view a : abbrevs) {
    if (a == w) {
      return true;
    }
  }
  return false;
}

} // namespace

void split_sentences(pass_state &st, document &doc) {
  const token *const toks = st.tokens.data(); // not reloaded after each push_back
  // inside[i]: token i lies inside some quote content; walk the quotes in order.
  std::size_t q = 0;
  const std::size_t nq = st.quote_tokens.size();
  for (std::uint32_t p = 0; p < st.paragraphs.size(); ++p) {
    const token_range r = st.paragraphs[p];
    std::uint32_t start = r.first;
    const auto emit = [&](std::uint32_t last) {
      std::uint32_t a = start;
      while (a < last && toks[a].cls == token_class::newline) {
        ++a;
      }
      std::uint32_t b = last;
      while (b > a && toks[b - 1].cls == token_class::newline) {
        --b;
      }
      if (a < b) {
        st.sentences.push_back({a, b});
        doc.sentences.push_back({{toks[a].begin, toks[b - 1].end}, p});
      }
      start = last;
    };
    for (std::uint32_t i = r.first; i < r.last; ++i) {
      const token &t = toks[i];
      if (t.cls != token_class::punct) {
        continue; // only punctuation ends a sentence (q catches up below, as it only moves forward)
      }
      while (q < nq && (st.quote_close_tok[q] < i || doc.quotes[q].depth > 0)) {
        ++q;
      }
      const bool in_quote = q < nq && st.quote_open_tok[q] < i && i < st.quote_close_tok[q];
      if (in_quote || !is_terminal(text_of(st.text, t))) {
        continue;
      }
      // A period after an abbreviation or an initial (J. Smith, U.S.) does not end it.
      if (text_of(st.text, t) == "." && i > r.first && !t.is(space_before)) {
        const token &prev = toks[i - 1];
        const std::string_view w = text_of(st.text, prev);
        if (prev.cls == token_class::word &&
            (is_abbreviation(w) || (w.size() == 1 && prev.is(capitalised)))) {
          continue;
        }
      }
      // Take closing marks and brackets that follow into this sentence.
      std::uint32_t j = i + 1;
      while (j < r.last && !toks[j].is(space_before) &&
             (toks[j].cls == token_class::mark ||
              (toks[j].cls == token_class::punct &&
               (text_of(st.text, toks[j]) == ")" || is_terminal(text_of(st.text, toks[j])))))) {
        ++j;
      }
      if (j >= r.last) {
        break;
      }
      const token &next = toks[j];
      const bool can_start = next.cls == token_class::newline || next.is(capitalised) ||
                             next.cls == token_class::number || next.cls == token_class::mark ||
                             (next.cls == token_class::punct && text_of(st.text, next) == "(");
      if (can_start && (next.is(space_before) || next.cls == token_class::newline)) {
        emit(j);
        i = j - 1;
      }
    }
    emit(r.last);
  }
}

} // namespace quotecheck::parser::detail
