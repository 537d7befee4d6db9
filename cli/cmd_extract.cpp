/// `quotecheck extract`: every quotation and piece of reported speech, with
/// positions, kind, speaker and cue.

#include "commands.hpp"
#include "input_options.hpp"
#include "support/extract_report.hpp"
#include "support/input.hpp"
#include "support/pipeline.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

namespace quotecheck::cli {

namespace {

struct extract_options {
  std::vector<std::string> files;
  input_options input;
  std::string format = "jsonl";
  std::string paragraphs = "auto";
};

bool parse_paragraph_mode(const std::string &s, parser::paragraph_mode &out) {
  if (s == "auto") {
    out = parser::paragraph_mode::automatic;
  } else if (s == "line") {
    out = parser::paragraph_mode::line;
  } else if (s == "blank-line") {
    out = parser::paragraph_mode::blank_line;
  } else if (s == "none") {
    out = parser::paragraph_mode::none;
  } else {
    return false;
  }
  return true;
}

/// Output gathers in a string and goes out in blocks of about this size.
constexpr std::size_t output_block = std::size_t{1} << 20;

/// Writes the gathered output. Standard output is unbuffered while extract
/// runs (see run_extract), so a block is one write(2), not copied first.
void flush(std::string &out) {
  std::fwrite(out.data(), 1, out.size(), stdout);
  out.clear();
}

int run_extract(const extract_options &o) {
  parser::parse_options popts;
  parse_paragraph_mode(o.paragraphs, popts.paragraphs);
  pipeline pipe(popts);
  // Every write goes through flush() in large blocks: stdio's buffer would
  // only split each block into more write(2) calls and copy part of it.
  std::setvbuf(stdout, nullptr, _IONBF, 0);
  std::string out;
  out.reserve(output_block + (output_block >> 2));
  const bool json_array = o.format == "json";
  bool first = true;
  int status = exit_clean;
  if (json_array) {
    out += "[";
  }
  input_sink sink;
  sink.on_document = [&](input_document &in) {
    pipe.run(in);
    const processed_document d{in, pipe.doc(), pipe.quotes(), pipe.positions()};
    if (o.format == "text") {
      write_extract_text(out, d);
    } else {
      if (json_array && !first) {
        out += ",";
      }
      write_extract_jsonl(out, d);
      if (json_array) {
        out.pop_back();
      }
    }
    first = false;
    if (out.size() >= output_block) {
      flush(out);
    }
  };
  sink.on_failure = [&](const input_failure &f) {
    flush(out);
    std::fflush(stdout);
    std::cerr << "quotecheck: " << describe(f) << '\n';
    status = exit_input;
    if (o.format == "jsonl" && f.line > 0) {
      write_failure_jsonl(out, f); // keep one output line per input line
    }
  };
  read_inputs(o.files, o.input.format(), sink, o.input.limits());
  if (json_array) {
    out += "]\n";
  }
  flush(out);
  return status;
}

} // namespace

void add_extract_command(CLI::App &app) {
  auto opts = std::make_shared<extract_options>();
  CLI::App *cmd =
      app.add_subcommand("extract", "Find every quotation and its speaker; print them with positions.");
  cmd->footer(
      "Examples:\n"
      "  quotecheck extract article.txt\n"
      "  quotecheck extract --format text article.txt\n"
      "  quotecheck extract --input-format jsonl --format jsonl < corpus.jsonl > quotes.jsonl\n"
      "Exit codes: 0 done; 2 a file could not be read or is not UTF-8 text (the others still go through).");
  cmd->add_option("files", opts->files, "Input files; '-' or none reads standard input");
  add_input_options(cmd, opts->input);
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "json", "text"}))
      ->capture_default_str();
  cmd->add_option("--paragraphs", opts->paragraphs,
                  "How line ends divide paragraphs: auto, line (one paragraph a line), blank-line, none")
      ->check(CLI::IsMember({"auto", "line", "blank-line", "none"}))
      ->capture_default_str();
  cmd->callback([opts]() { set_exit_status(run_extract(*opts)); });
}

} // namespace quotecheck::cli
