#pragma once
/// Helpers shared by the parser unit tests: parse a sentence we wrote and
/// look at what a user would check (the quoted words, kinds, ids, positions).

#include "quotecheck/parser/parse.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace qc_test {

namespace qp = quotecheck::parser;

/// The text a span covers.
inline std::string span_text(const qp::document &doc, qp::span s) {
  return std::string(doc.text.substr(s.begin, s.size()));
}

/// Parses `text` (which must outlive the result) with `opts`.
inline qp::document parse_with(std::string_view text, qp::parse_options opts = {}) {
  qp::parse_scratch scratch;
  qp::document doc;
  qp::parse(text, opts, scratch, doc);
  return doc;
}

/// The quoted words of every quote, in text order.
inline std::vector<std::string> quote_texts(const qp::document &doc) {
  std::vector<std::string> out;
  for (const qp::quote &q : doc.quotes) {
    out.push_back(span_text(doc, q.content));
  }
  return out;
}

/// Number of diagnostics with `rule`.
inline std::size_t count_rule(const qp::document &doc, std::string_view rule) {
  std::size_t n = 0;
  for (const qp::diagnostic &d : doc.diagnostics) {
    n += d.rule == rule ? 1 : 0;
  }
  return n;
}

/// Byte offset of the n-th (0-based) occurrence of `needle` in `text`.
inline std::uint32_t offset_of(std::string_view text, std::string_view needle, int nth = 0) {
  std::size_t at = text.find(needle);
  while (nth-- > 0 && at != std::string_view::npos) {
    at = text.find(needle, at + 1);
  }
  return static_cast<std::uint32_t>(at);
}

} // namespace qc_test
