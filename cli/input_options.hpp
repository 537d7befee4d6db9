#pragma once
/// The input options shared by extract, check and audit: --input-format and
/// --max-doc-bytes, declared once so that every command reads alike.

#include "support/input.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace quotecheck::cli {

/// What the input options hold after parsing.
struct input_options {
  std::string format_name = "auto"; ///< --input-format as given
  std::size_t max_doc_bytes = read_limits::default_max_doc_bytes;

  [[nodiscard]] input_format format() const {
    input_format f{};
    parse_input_format(format_name, f);
    return f;
  }
  [[nodiscard]] read_limits limits() const { return read_limits{max_doc_bytes}; }
};

/// Adds --input-format and --max-doc-bytes to `cmd`.
inline void add_input_options(CLI::App *cmd, input_options &o) {
  cmd->add_option("--input-format", o.format_name,
                  "Input format (auto: by extension, else by the first bytes)")
      ->check(CLI::IsMember({"auto", "text", "markdown", "html", "jsonl", "warc"}))
      ->capture_default_str();
  cmd->add_option("--max-doc-bytes", o.max_doc_bytes,
                  "Largest document to read; a larger one is reported and skipped, unread")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

} // namespace quotecheck::cli
