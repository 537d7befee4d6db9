/// Pairing quotation marks. One linear pass per paragraph with an explicit
/// stack (no recursion, so deep nesting cannot exhaust the call stack).
/// Each mark is classed as opening, closing or apostrophe from its
/// neighbours and from what is open; unpaired marks become quote.unbalanced
/// diagnostics and the stack is emptied at the paragraph end, so one stray
/// mark never swallows the rest of the article.

#include "passes.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace quotecheck::parser::detail {

namespace {

/// What a mark does here.
enum class role : std::uint8_t { open, close, either, apostrophe };

/// The family a mark character pairs within.
mark_family family_of(mark_char c) {
  switch (c) {
  case mark_char::ascii_double: return mark_family::double_straight;
  case mark_char::ascii_single: return mark_family::single_straight;
  case mark_char::double_apos:
  case mark_char::double_grave: return mark_family::double_apostrophe;
  case mark_char::ldquo:
  case mark_char::rdquo:
  case mark_char::bdquo: return mark_family::double_curly;
  case mark_char::lsquo:
  case mark_char::rsquo:
  case mark_char::sbquo: return mark_family::single_curly;
  case mark_char::laquo:
  case mark_char::raquo: return mark_family::guillemet;
  case mark_char::lsaquo:
  case mark_char::rsaquo: return mark_family::single_guillemet;
  case mark_char::lcorner:
  case mark_char::rcorner: return mark_family::corner;
  case mark_char::lwcorner:
  case mark_char::rwcorner:
  case mark_char::none: break;
  }
  return mark_family::white_corner;
}

bool is_single_family(mark_family f) {
  return f == mark_family::single_straight || f == mark_family::single_curly ||
         f == mark_family::single_guillemet;
}

/// An open mark waiting for its pair.
struct open_mark {
  std::uint32_t tok;
  mark_family family;
  mark_char ch;
  bool report_if_unclosed;       ///< false for apostrophe-like marks (tentative opens)
  std::uint32_t confirmed_below; ///< non-tentative entries beneath this one
  std::uint32_t first_quote;     ///< doc.quotes.size() when it opened
};

/// Words that an apostrophe starts ('til, 'em, 'n'): not an opening quote.
bool is_elision(std::string_view w) {
  static constexpr std::array<std::string_view, 30> words = {
      "til", "tis", "twas", "twere", "twill", "em", "n", "cause", "cos", "bout", "round", "kay", "im", "er",
      "ere", "ave", "ad", "ow", "is", "e", "appen", "nother", "scuse", "neath",
      // contractions split off by tokenisers: father 's, I 'll, we 're
      "s", "ll", "re", "ve", "d", "m"};
  std::string lower;
  for (char c : w) {
    lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  return std::find(words.begin(), words.end(), lower) != words.end();
}

/// Punctuation after which a quotation may open: ( [ { — – / and friends.
bool opens_after(std::string_view p) {
  return p == "(" || p == "[" || p == "{" || p == "\u2014" || p == "\u2013" || p == "-" || p == "/" ||
         p == ":" || p == "\u00BF" || p == "\u00A1";
}

/// Punctuation that may end a quotation: . , ! ? ; : ) ] … — and friends.
bool closes_after(std::string_view p) {
  return p == "." || p == "," || p == "!" || p == "?" || p == ";" || p == ":" || p == ")" || p == "]" ||
         p == "\u2026" || p == "\u2014" || p == "\u2013" || p == "-" || p == "%";
}

class pairer {
public:
  pairer(const parse_options &opts, pass_state &st, document &doc) : opts_(opts), st_(st), doc_(doc) {}

  void run() {
    spacing_unreliable_ = st_.mode == paragraph_mode::none;
    const auto np = static_cast<std::uint32_t>(st_.paragraphs.size());
    for (std::uint32_t p = 0; p < np; ++p) {
      paragraph(p);
    }
  }

private:
  const parse_options &opts_;
  pass_state &st_;
  document &doc_;
  std::vector<open_mark> stack_;
  std::vector<std::uint32_t>
      next_single_close_;      ///< per token of the paragraph: next closing-capable single mark
  bool singles_ready_ = false; ///< next_single_close_ is made for the current paragraph
  std::uint32_t next_quotation_ = 0;
  std::uint32_t confirmed_ = 0;           ///< non-tentative entries on stack_
  bool spacing_unreliable_ = false;       ///< tokenised text: spaces around every mark
  std::int64_t continued_quotation_ = -1; ///< quotation id carried into this paragraph
  mark_family continued_family_ = mark_family::double_curly;

  const token &tok(std::uint32_t i) const { return st_.tokens[i]; }
  std::string_view str(std::uint32_t i) const { return text_of(st_.text, tok(i)); }

  /// Is there white space (or the paragraph edge) before token i?
  bool space_left(std::uint32_t i, std::uint32_t first) const {
    return i == first || tok(i).is(space_before) || tok(i - 1).cls == token_class::newline;
  }
  bool space_right(std::uint32_t i, std::uint32_t last) const {
    return i + 1 >= last || tok(i + 1).is(space_before) || tok(i + 1).cls == token_class::newline;
  }
  bool may_open(std::uint32_t i, std::uint32_t first, std::uint32_t last) const {
    if (i + 1 >= last || tok(i + 1).cls == token_class::newline) {
      return false;
    }
    const bool left_ok = space_left(i, first) || tok(i - 1).cls == token_class::mark ||
                         (tok(i - 1).cls == token_class::punct && opens_after(str(i - 1)));
    return left_ok;
  }
  bool may_close(std::uint32_t i, std::uint32_t first, std::uint32_t last) const {
    if (i == first || tok(i - 1).cls == token_class::newline) {
      return false;
    }
    const token &prev = tok(i - 1);
    const bool left_ok =
        !tok(i).is(space_before) &&
        (prev.cls == token_class::word || prev.cls == token_class::number || prev.cls == token_class::mark ||
         (prev.cls == token_class::punct && closes_after(str(i - 1))));
    const bool right_ok = space_right(i, last) || tok(i + 1).cls != token_class::word;
    return left_ok && right_ok;
  }

  /// Index in stack_ of the nearest open entry of `fam` among the top few, or -1.
  int find_open(mark_family fam) const {
    const int n = static_cast<int>(stack_.size());
    for (int k = n - 1; k >= 0 && k >= n - 4; --k) {
      if (stack_[static_cast<std::size_t>(k)].family == fam) {
        return k;
      }
    }
    return -1;
  }
  bool top_is(mark_family fam, mark_char ch) const {
    return !stack_.empty() && stack_.back().family == fam && stack_.back().ch == ch;
  }

  void unbalanced(std::uint32_t i, bool opening) {
    diagnostic d;
    d.rule = "quote.unbalanced";
    d.level = severity::error;
    d.where = {tok(i).begin, tok(i).end};
    d.message =
        opening ? "opening quotation mark " + std::string(str(i)) + " has no closing mark in its paragraph"
                : "closing quotation mark " + std::string(str(i)) + " has no opening mark";
    doc_.diagnostics.push_back(std::move(d));
  }

  /// Decides what mark i does. `fam` receives its pairing family.
  role decide(std::uint32_t i, std::uint32_t first, std::uint32_t last, mark_family &fam) {
    const mark_char ch = tok(i).mark;
    fam = family_of(ch);
    const bool op = may_open(i, first, last);
    const bool cl = may_close(i, first, last);
    switch (ch) {
    case mark_char::ascii_double:
    case mark_char::double_apos:
      // 12" pizza, 6'2": a double prime typed as " right after a number
      // is a unit, unless it closes a quotation that is open.
      if (!spacing_unreliable_ && i > first && !tok(i).is(space_before) &&
          tok(i - 1).cls == token_class::number && find_open(fam) < 0) {
        return role::apostrophe;
      }
      if (spacing_unreliable_) {
        return role::either;
      }
      if (op && !cl) {
        return role::open;
      }
      if (cl && !op) {
        return role::close;
      }
      return role::either;
    case mark_char::double_grave: return role::open;
    case mark_char::ldquo:
      // „…“ (German) closes with “; so may a writer who typed “ for both.
      if (top_is(mark_family::double_curly, mark_char::bdquo) || (cl && !op && find_open(fam) >= 0)) {
        return role::close;
      }
      return role::open;
    case mark_char::rdquo:
      if (find_open(fam) < 0 && op && !cl) {
        return role::open; // Swedish ”…”, or a typo: better than a stray close
      }
      return role::close;
    case mark_char::bdquo:
    case mark_char::sbquo: return role::open;
    case mark_char::lsquo:
      if (top_is(mark_family::single_curly, mark_char::sbquo)) {
        return role::close;
      }
      return elision_after(i, last) ? role::apostrophe : role::open;
    case mark_char::ascii_single:
    case mark_char::rsquo: return single_role(i, first, last, op, cl, fam);
    case mark_char::laquo: return top_is(mark_family::guillemet, mark_char::raquo) ? role::close : role::open;
    case mark_char::raquo:
      if (top_is(mark_family::guillemet, mark_char::laquo) || find_open(fam) >= 0) {
        return role::close;
      }
      return op ? role::open : role::close; // »…« (German, Danish)
    case mark_char::lsaquo:
      return top_is(mark_family::single_guillemet, mark_char::rsaquo) ? role::close : role::open;
    case mark_char::rsaquo:
      if (find_open(fam) >= 0) {
        return role::close;
      }
      return op ? role::open : role::apostrophe;
    case mark_char::lcorner:
    case mark_char::lwcorner: return role::open;
    case mark_char::rcorner:
    case mark_char::rwcorner: return role::close;
    case mark_char::none: break;
    }
    return role::apostrophe;
  }

  /// 'til, 'em, rock 'n' roll, '90s: an apostrophe, not an opening quote.
  bool elision_after(std::uint32_t i, std::uint32_t last) const {
    if (i + 1 >= last || tok(i + 1).is(space_before)) {
      return false;
    }
    const token &next = tok(i + 1);
    if (next.cls == token_class::number) {
      const std::string_view n = str(i + 1);
      return n.size() <= 3 && (n.size() == 2 || n.back() == 's'); // '90s, '08
    }
    return next.cls == token_class::word && is_elision(str(i + 1));
  }

  /// ASCII ' and ’: opening, closing, or an apostrophe (it's is one word
  /// already; here are the leading and trailing ones: 'til, Joneses').
  role single_role(std::uint32_t i, std::uint32_t first, std::uint32_t last, bool op, bool cl,
                   mark_family fam) {
    const bool curly = tok(i).mark == mark_char::rsquo;
    if (curly) {
      fam = mark_family::single_curly;
    }
    // The second mark of rock 'n' roll.
    if (i >= 2 && tok(i - 1).cls == token_class::word && str(i - 1) == "n" &&
        tok(i - 2).cls == token_class::mark && !tok(i - 1).is(space_before) && elision_after(i - 2, last)) {
      return role::apostrophe;
    }
    const int open_at = find_open(fam);
    if (spacing_unreliable_) {
      if (open_at >= 0 && !elision_after(i, last)) {
        return role::close;
      }
      return elision_after(i, last) || curly ? role::apostrophe : role::open;
    }
    if (op && !cl) {
      if (curly || elision_after(i, last)) {
        return role::apostrophe; // ’90s, 'til
      }
      return role::open;
    }
    if (cl && open_at >= 0) {
      // Joneses' car inside a single-quoted passage: a plural possessive
      // when another closing candidate follows in the paragraph.
      const std::string_view prev = str(i - 1);
      const bool possessive = (prev.back() == 's' || prev.back() == 'S') && i + 1 < last &&
                              tok(i + 1).cls == token_class::word && !(tok(i + 1).is(capitalised)) &&
                              next_single_close(i, first, last) < last;
      return possessive ? role::apostrophe : role::close;
    }
    if (op && cl && !elision_after(i, last)) {
      return role::open; // spaced ' in tokenised text
    }
    return role::apostrophe;
  }

  /// The next closing-capable single mark after token i of the paragraph
  /// [first, last); the table is made at the first question in a paragraph
  /// (most paragraphs never ask).
  std::uint32_t next_single_close(std::uint32_t i, std::uint32_t first, std::uint32_t last) {
    if (!singles_ready_) {
      precompute_single_closes(first, last);
      singles_ready_ = true;
    }
    return next_single_close_[i - first];
  }

  void precompute_single_closes(std::uint32_t first, std::uint32_t last) {
    next_single_close_.assign(last - first, last);
    std::uint32_t next = last;
    for (std::uint32_t i = last; i-- > first;) {
      next_single_close_[i - first] = next;
      const mark_char ch = tok(i).mark;
      if ((ch == mark_char::ascii_single || ch == mark_char::rsquo) && may_close(i, first, last)) {
        next = i;
      }
    }
  }

  void push_open(std::uint32_t i, mark_family fam) {
    const mark_char ch = tok(i).mark;
    const bool confirmed = ch != mark_char::ascii_single && ch != mark_char::rsquo;
    stack_.push_back({i, fam, ch, confirmed, confirmed_, static_cast<std::uint32_t>(doc_.quotes.size())});
    confirmed_ += confirmed ? 1 : 0;
  }

  void pop_to(std::size_t size) {
    while (stack_.size() > size) {
      confirmed_ -= stack_.back().report_if_unclosed ? 1 : 0;
      stack_.pop_back();
    }
  }

  /// Closes stack_[k] with the mark at token i and records the quote.
  void close_at(int k, std::uint32_t i, std::uint32_t paragraph) {
    const auto depth = static_cast<std::size_t>(k);
    // Marks opened after stack_[k] and not closed are unbalanced.
    for (std::size_t j = stack_.size(); j-- > depth + 1;) {
      if (stack_[j].report_if_unclosed) {
        unbalanced(stack_[j].tok, true);
      }
    }
    const open_mark om = stack_[depth];
    pop_to(depth);
    // A tentative single quote that closes after all: the quotes opened
    // inside it were nested one level deeper than we knew.
    if (!om.report_if_unclosed) {
      for (std::size_t k = om.first_quote; k < doc_.quotes.size(); ++k) {
        if (doc_.quotes[k].depth == om.confirmed_below) {
          ++doc_.quotes[k].depth;
        }
      }
    }
    const bool continues = depth == 0 && continued_quotation_ >= 0 && om.family == continued_family_;
    const std::uint32_t quotation =
        continues ? static_cast<std::uint32_t>(continued_quotation_) : next_quotation_++;
    if (depth == 0) {
      continued_quotation_ = -1;
    }
    emit(om, i, i, om.confirmed_below, quotation, paragraph);
  }

  /// Records a quote whose content lies between tokens `om.tok` and `close_tok`
  /// (exclusive); `close_mark_tok` is the closing mark, or the last content
  /// token for a piece continued into the next paragraph.
  void emit(const open_mark &om, std::uint32_t close_tok, std::uint32_t close_mark_tok, std::uint32_t depth,
            std::uint32_t quotation, std::uint32_t paragraph) {
    std::uint32_t a = om.tok + 1;
    std::uint32_t b = close_tok;
    while (a < b && tok(a).cls == token_class::newline) {
      ++a;
    }
    while (b > a && tok(b - 1).cls == token_class::newline) {
      --b;
    }
    // A trailing comma is the reporter's ("…,” she said), not the speaker's.
    if (b > a + 1 && tok(b - 1).cls == token_class::punct && str(b - 1) == ",") {
      --b;
    }
    if (a >= b) {
      return;
    }
    quote q;
    q.content = {tok(a).begin, tok(b - 1).end};
    q.open_mark = {tok(om.tok).begin, tok(om.tok).end};
    q.close_mark = close_mark_tok == close_tok ? span{tok(close_tok).begin, tok(close_tok).end} : span{};
    q.family = om.family;
    q.kind = quote_kind::direct;
    q.quotation = quotation;
    q.depth = depth;
    q.paragraph = paragraph;
    doc_.quotes.push_back(q);
    st_.quote_tokens.push_back({a, b});
    st_.quote_open_tok.push_back(om.tok);
    st_.quote_close_tok.push_back(close_mark_tok);
  }

  /// Does paragraph p begin with a mark that opens `fam`?
  bool starts_with_open(std::uint32_t p, mark_family fam) const {
    if (p >= st_.paragraphs.size()) {
      return false;
    }
    const token_range r = st_.paragraphs[p];
    if (r.first >= r.last || tok(r.first).cls != token_class::mark) {
      return false;
    }
    const mark_char ch = tok(r.first).mark;
    return family_of(ch) == fam && ch != mark_char::rdquo && ch != mark_char::rcorner &&
           ch != mark_char::rwcorner;
  }

  void paragraph(std::uint32_t p) {
    const token_range r = st_.paragraphs[p];
    pop_to(0);
    singles_ready_ = false;
    const token *const toks = st_.tokens.data();
    for (std::uint32_t i = r.first; i < r.last; ++i) {
      if (toks[i].cls != token_class::mark) {
        if (toks[i].cls == token_class::newline && spacing_unreliable_) {
          // Tokenised text: a tentative single quote does not outlive its line.
          while (!stack_.empty() && !stack_.back().report_if_unclosed) {
            pop_to(stack_.size() - 1);
          }
        }
        continue;
      }
      mark_family fam{};
      role ro = decide(i, r.first, r.last, fam);
      const int open_at = find_open(fam);
      if (ro == role::either) {
        ro = open_at >= 0 ? role::close : role::open;
      }
      if (ro == role::open) {
        // A clearly opening double mark while the same family is open on
        // top: the earlier one was never closed.
        if (!is_single_family(fam) && !stack_.empty() && stack_.back().family == fam &&
            fam != mark_family::guillemet) {
          unbalanced(stack_.back().tok, true);
          pop_to(stack_.size() - 1);
        }
        push_open(i, fam);
      } else if (ro == role::close) {
        if (open_at >= 0) {
          close_at(open_at, i, p);
        } else if (!is_single_family(fam)) {
          unbalanced(i, false);
        }
      }
    }
    end_paragraph(p, r);
  }

  /// At a paragraph end: a quotation that the next paragraph reopens
  /// continues; anything else still open is unbalanced.
  void end_paragraph(std::uint32_t p, token_range r) {
    const std::int64_t carried = continued_quotation_;
    continued_quotation_ = -1;
    if (stack_.empty()) {
      return;
    }
    const open_mark bottom = stack_.front();
    if (!is_single_family(bottom.family) || bottom.report_if_unclosed) {
      if (starts_with_open(p + 1, bottom.family)) {
        for (std::size_t j = stack_.size(); j-- > 1;) {
          if (stack_[j].report_if_unclosed) {
            unbalanced(stack_[j].tok, true);
          }
        }
        const bool same = carried >= 0 && bottom.family == continued_family_;
        const std::uint32_t quotation = same ? static_cast<std::uint32_t>(carried) : next_quotation_++;
        emit(bottom, r.last, r.last - 1, 0, quotation, p);
        continued_quotation_ = quotation;
        continued_family_ = bottom.family;
        pop_to(0);
        return;
      }
    }
    for (const open_mark &om : stack_) {
      if (om.report_if_unclosed) {
        unbalanced(om.tok, true);
      }
    }
    pop_to(0);
  }
};

} // namespace

void pair_quotes(const parse_options &opts, pass_state &st, document &doc) {
  pairer(opts, st, doc).run();
  // Quotes were recorded as they closed; put them in text order (an inner
  // quote closes before its outer one).
  const std::size_t n = doc.quotes.size();
  std::vector<std::uint32_t> order(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    order[i] = i;
  }
  if (!std::is_sorted(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return doc.quotes[a].open_mark.begin < doc.quotes[b].open_mark.begin;
      })) {
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return doc.quotes[a].open_mark.begin < doc.quotes[b].open_mark.begin;
    });
    std::vector<quote> quotes(n);
    std::vector<token_range> ranges(n);
    std::vector<std::uint32_t> opens(n);
    std::vector<std::uint32_t> closes(n);
    for (std::size_t i = 0; i < n; ++i) {
      quotes[i] = doc.quotes[order[i]];
      ranges[i] = st.quote_tokens[order[i]];
      opens[i] = st.quote_open_tok[order[i]];
      closes[i] = st.quote_close_tok[order[i]];
    }
    doc.quotes = std::move(quotes);
    st.quote_tokens = std::move(ranges);
    st.quote_open_tok = std::move(opens);
    st.quote_close_tok = std::move(closes);
  }
  if (!opts.nested_quotes) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
      if (doc.quotes[i].depth == 0) {
        doc.quotes[w] = doc.quotes[i];
        st.quote_tokens[w] = st.quote_tokens[i];
        st.quote_open_tok[w] = st.quote_open_tok[i];
        st.quote_close_tok[w] = st.quote_close_tok[i];
        ++w;
      }
    }
    doc.quotes.resize(w);
    st.quote_tokens.resize(w);
    st.quote_open_tok.resize(w);
    st.quote_close_tok.resize(w);
  }
  // Diagnostics were raised paragraph by paragraph, in order except within
  // a paragraph's end; keep them in text order.
  std::stable_sort(doc.diagnostics.begin(), doc.diagnostics.end(),
                   [](const diagnostic &a, const diagnostic &b) { return a.where.begin < b.where.begin; });
}

} // namespace quotecheck::parser::detail
