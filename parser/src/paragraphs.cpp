/// Paragraph segmentation: how line ends divide the text.

#include "passes.hpp"

namespace quotecheck::parser::detail {

namespace {

/// What detect_paragraph_mode counts over the tokens.
struct line_counts {
  std::size_t single = 0;
  std::size_t blank = 0;
  std::size_t spaced_punct = 0; // " ," and " ." : the signature of tokenised text
  std::size_t punct = 0;

  void add(const token &t) {
    if (t.cls == token_class::newline) {
      (t.newlines >= 2 ? blank : single) += 1;
    } else if (t.cls == token_class::punct && t.end - t.begin == 1) {
      ++punct;
      spaced_punct += t.is(space_before) ? 1 : 0;
    }
  }

  [[nodiscard]] paragraph_mode mode() const {
    // Tokenised text (one sentence a line, punctuation split off): line ends
    // are sentence ends, and quotations run across them.
    if (blank == 0 && punct >= 20 && spaced_punct * 10 >= punct * 8) {
      return paragraph_mode::none;
    }
    // Hard-wrapped prose (Gutenberg) or news with blank lines between
    // paragraphs: a blank line ends a paragraph.
    if (blank >= 2 && blank * 10 >= single) {
      return paragraph_mode::blank_line;
    }
    return paragraph_mode::line;
  }
};

} // namespace

paragraph_mode detect_paragraph_mode(const std::vector<token> &tokens) {
  line_counts counts;
  for (const token &t : tokens) {
    counts.add(t);
  }
  return counts.mode();
}

void segment_paragraphs(paragraph_mode mode, pass_state &st, document &doc) {
  // One pass over the tokens: the counts that choose the mode, and where
  // the line ends are; paragraphs are then cut at line ends only.
  const token *const toks = st.tokens.data();
  const auto n = static_cast<std::uint32_t>(st.tokens.size());
  line_counts counts;
  std::vector<std::uint32_t> &line_ends = st.line_ends;
  line_ends.clear();
  for (std::uint32_t i = 0; i < n; ++i) {
    counts.add(toks[i]);
    if (toks[i].cls == token_class::newline) {
      line_ends.push_back(i);
    }
  }
  if (mode == paragraph_mode::automatic) {
    mode = counts.mode();
  }
  st.mode = mode;
  // A paragraph is the tokens other than line ends between two line ends
  // that end one (and the text's edges).
  std::uint32_t start = 0; // first token after the last paragraph end
  const auto close = [&](std::uint32_t stop) {
    std::uint32_t first = start;
    while (first < stop && toks[first].cls == token_class::newline) {
      ++first;
    }
    std::uint32_t last = stop;
    while (last > first && toks[last - 1].cls == token_class::newline) {
      --last;
    }
    if (first < last) {
      st.paragraphs.push_back({first, last});
      doc.paragraphs.push_back({toks[first].begin, toks[last - 1].end});
    }
    start = stop + 1;
  };
  for (const std::uint32_t k : line_ends) {
    if (mode == paragraph_mode::line || (mode == paragraph_mode::blank_line && toks[k].newlines >= 2)) {
      close(k);
    }
  }
  close(n);
}

} // namespace quotecheck::parser::detail
