#pragma once
/// Reading input documents: files, standard input, JSONL streams, WARC
/// archives, compressed or not. Bad input is reported per document; the
/// other documents still go through. Everything streams: memory holds about
/// one document whatever the size of the corpus.

#include "quotecheck/parser/result.hpp"

#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::cli {

/// Input formats of --input-format.
enum class input_format { automatic, text, jsonl, markdown, html, warc };

/// Parses an --input-format value; false if unknown.
bool parse_input_format(const std::string &name, input_format &out);

/// Limits on what one document may be (--max-doc-bytes).
struct read_limits {
  /// The default leaves room for a 100 MB document; above it a document is
  /// reported as too large and skipped without being held in memory.
  static constexpr std::size_t default_max_doc_bytes = std::size_t{128} << 20;
  std::size_t max_doc_bytes = default_max_doc_bytes;
};

/// One document to process, with where it came from.
struct input_document {
  std::string origin;      ///< file name as given ("-" → "<stdin>")
  std::size_t line = 0;    ///< 1-based JSONL line (WARC: record number), 0 for whole files
  std::size_t ordinal = 0; ///< position among all records of the run, from 0
  std::string id;          ///< "id" field, else the file name or file:line
  std::string text;        ///< the document as given (outputs slice this)
  std::string
      parse_text; ///< what the parser reads when it differs (markup blanked, same length); see apply_markup
  input_format markup = input_format::text; ///< text, markdown or html
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
  std::size_t ordinal = 0; ///< as input_document::ordinal
};

/// Called for each good document and for each bad one.
struct input_sink {
  std::function<void(input_document &)> on_document;
  std::function<void(const input_failure &)> on_failure;
  /// When set and true for a record's ordinal, the record is passed over
  /// cheaply (not decoded, validated or reported): for shards and resumes.
  std::function<bool(std::size_t ordinal)> skip;
  /// Leave Markdown and HTML unmasked (parse_text empty) so that the
  /// consumer calls apply_markup() itself, e.g. on a worker thread.
  bool defer_markup = false;
};

/// Reads every path in `paths` ("-" or none means standard input;
/// directories recursively in name order; unmatched paths with * ? [ as
/// globs) in `format` and feeds the documents to `sink` one at a time.
void read_inputs(const std::vector<std::string> &paths, input_format format, const input_sink &sink,
                 const read_limits &limits = {});

/// Reads one open stream; `name` decides the format when `format` is
/// automatic (its extension, else the first bytes), `origin` names it in
/// messages. Ordinals count from 0.
void read_stream(const std::string &origin, std::FILE *f, const std::string &name, input_format format,
                 const input_sink &sink, const read_limits &limits = {});

/// Fills `doc.parse_text` for Markdown and HTML documents (a no-op for text
/// or when already done).
void apply_markup(input_document &doc);

/// The host of a URL, lower case and without "www." ("https://www.x.org/a"
/// -> "x.org"): the outlet of a document that names none. "" for no URL.
std::string host_of(std::string_view uri);

/// The message for a failure, as printed on stderr: "file:line: reason".
std::string describe(const input_failure &f);

} // namespace quotecheck::cli
