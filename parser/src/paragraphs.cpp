/// Paragraph segmentation: how line ends divide the text.

#include "passes.hpp"

namespace quotecheck::parser::detail {

paragraph_mode detect_paragraph_mode(const std::vector<token> &tokens) {
  std::size_t single = 0;
  std::size_t blank = 0;
  std::size_t spaced_punct = 0; // " ," and " ." : the signature of tokenised text
  std::size_t punct = 0;
  for (const token &t : tokens) {
    if (t.cls == token_class::newline) {
      (t.newlines >= 2 ? blank : single) += 1;
    } else if (t.cls == token_class::punct && t.end - t.begin == 1) {
      ++punct;
      spaced_punct += t.is(space_before) ? 1 : 0;
    }
  }
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

void segment_paragraphs(paragraph_mode mode, pass_state &st, document &doc) {
  if (mode == paragraph_mode::automatic) {
    mode = detect_paragraph_mode(st.tokens);
  }
  st.mode = mode;
  const auto &toks = st.tokens;
  const auto n = static_cast<std::uint32_t>(toks.size());
  std::uint32_t first = n; // first content token of the open paragraph
  std::uint32_t last = 0;  // one past its last content token
  const auto close = [&]() {
    if (first < n) {
      st.paragraphs.push_back({first, last});
      doc.paragraphs.push_back({toks[first].begin, toks[last - 1].end});
      first = n;
    }
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    const token &t = toks[i];
    if (t.cls == token_class::newline) {
      const bool ends =
          mode == paragraph_mode::line || (mode == paragraph_mode::blank_line && t.newlines >= 2);
      if (ends) {
        close();
      }
      continue;
    }
    if (first == n) {
      first = i;
    }
    last = i + 1;
  }
  close();
}

} // namespace quotecheck::parser::detail
