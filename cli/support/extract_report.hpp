#pragma once
/// Reporters for `extract`: the JSONL contract of DESIGN.md and a readable
/// text listing. Both take the attributed quotes of one document.

#include "input.hpp"

#include "quotecheck/attribution/attribution.hpp"
#include "quotecheck/parser/ast.hpp"
#include "quotecheck/parser/source_map.hpp"

#include <string>
#include <vector>

namespace quotecheck::cli {

/// Everything a reporter needs about one processed document.
struct processed_document {
  const input_document &input;
  const parser::document &doc;
  const std::vector<attribution::attributed_quote> &quotes;
  const parser::source_map &positions;
};

/// The JSON name of a quote kind and of a severity.
std::string_view to_string(parser::quote_kind k);
std::string_view to_string(parser::severity s);

/// Appends one quote object of the extract contract (without closing it, so
/// that `check` can add its "verdict"); call json_writer::end_object after.
class json_writer;
void write_quote_fields(json_writer &w, const processed_document &d, const attribution::attributed_quote &q,
                        std::size_t index);
/// Appends the diagnostics array of a document.
void write_diagnostics(json_writer &w, const processed_document &d);

/// Appends one JSONL line (with "\n") for the document.
void write_extract_jsonl(std::string &out, const processed_document &d);
/// Appends one JSONL line for a document that could not be read.
void write_failure_jsonl(std::string &out, const input_failure &f);
/// Appends the readable listing of the document.
void write_extract_text(std::string &out, const processed_document &d);

} // namespace quotecheck::cli
