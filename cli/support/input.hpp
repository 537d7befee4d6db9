#pragma once
/// Reading input documents: files, standard input, JSONL streams. Bad input
/// is reported per document; the other documents still go through.

#include "quotecheck/parser/result.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace quotecheck::cli {

/// Input formats of --input-format.
enum class input_format { automatic, text, jsonl, markdown, html };

/// Parses an --input-format value; false if unknown.
bool parse_input_format(const std::string &name, input_format &out);

/// One document to process, with where it came from.
struct input_document {
  std::string origin;   ///< file name as given ("-" → "<stdin>")
  std::size_t line = 0; ///< 1-based JSONL line, 0 for whole files
  std::string id;       ///< "id" field, else the file name or file:line
  std::string text;     ///< the document as given (outputs slice this)
  std::string
      parse_text; ///< what the parser reads when it differs (Markdown with markup blanked, same length)
  std::string date;
  std::string url;
  std::string outlet;
};

/// A document that could not be read, with the reason.
struct input_failure {
  std::string origin;
  std::size_t line = 0;
  std::string id;
  error problem;
};

/// Called for each good document and for each bad one.
struct input_sink {
  std::function<void(input_document &)> on_document;
  std::function<void(const input_failure &)> on_failure;
};

/// Reads every path in `paths` ("-" or none means standard input) in
/// `format` and feeds the documents to `sink` one at a time.
void read_inputs(const std::vector<std::string> &paths, input_format format, const input_sink &sink);

/// The message for a failure, as printed on stderr: "file:line: reason".
std::string describe(const input_failure &f);

} // namespace quotecheck::cli
