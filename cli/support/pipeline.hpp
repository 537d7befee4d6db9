#pragma once
/// The per-document pipeline shared by extract, check and audit: parse,
/// attribute, and map positions. Reuses its buffers across documents.

#include "input.hpp"

#include "quotecheck/attribution/attribution.hpp"
#include "quotecheck/parser/parse.hpp"
#include "quotecheck/parser/source_map.hpp"

#include <optional>
#include <vector>

namespace quotecheck::cli {

/// Runs parser and attribution over documents, one at a time.
class pipeline {
public:
  explicit pipeline(parser::parse_options opts = {}) : opts_(opts) {}

  /// Processes `input`; the results stay valid until the next call.
  void run(const input_document &input) {
    source_ = input.text;
    parser::parse(input.parse_text.empty() ? input.text : input.parse_text, opts_, scratch_, doc_);
    quotes_ = attribution::attribute(doc_);
    positions_.reset(source_);
  }

  [[nodiscard]] const parser::document &doc() const { return doc_; }
  /// The document as given: what outputs slice (the parser may have read a
  /// masked copy of the same length, for Markdown).
  [[nodiscard]] std::string_view source() const { return source_; }
  /// For filters that drop or re-level diagnostics (check's config and
  /// inline suppressions) before the reporters see them.
  [[nodiscard]] std::vector<parser::diagnostic> &diagnostics() { return doc_.diagnostics; }
  [[nodiscard]] const std::vector<attribution::attributed_quote> &quotes() const { return quotes_; }
  [[nodiscard]] const parser::source_map &positions() const { return positions_; }

private:
  parser::parse_options opts_;
  parser::parse_scratch scratch_;
  parser::document doc_;
  std::string_view source_;
  std::vector<attribution::attributed_quote> quotes_;
  parser::source_map positions_;
};

} // namespace quotecheck::cli
