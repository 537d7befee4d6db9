/// `quotecheck check`: extract and attribute, then hold every quote against
/// the statements database and report verdicts like a linter.

#include "commands.hpp"
#include "db_path.hpp"
#include "input_options.hpp"
#include "support/config.hpp"
#include "support/extract_report.hpp"
#include "support/input.hpp"
#include "support/json_writer.hpp"
#include "support/judge.hpp"
#include "support/pipeline.hpp"
#include "support/report_github.hpp"
#include "support/report_sarif.hpp"
#include "support/suppressions.hpp"

#include "quotecheck/db/align.hpp"
#include "quotecheck/db/store.hpp"
#include "quotecheck/db/verdict.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <unistd.h>
#include <unordered_map>

namespace quotecheck::cli {

namespace {

struct check_options {
  std::vector<std::string> files;
  std::string db;
  input_options input;
  std::string format = "text";
  std::string fail_on = "error";
  std::string config;
  // Set by the command: whether --db / --fail-on were given (they beat the config).
  bool db_given = false;
  bool fail_on_given = false;
};

#ifndef QUOTECHECK_HOMEPAGE
#define QUOTECHECK_HOMEPAGE "https://github.com/quotecheck/quotecheck"
#endif

int severity_rank(const std::string &fail_on) {
  if (fail_on == "note") {
    return 0;
  }
  if (fail_on == "warning") {
    return 1;
  }
  if (fail_on == "error") {
    return 2;
  }
  return 3; // never
}

class checker {
public:
  explicit checker(const check_options &o) : o_(o) {
    // Colour only for a person at a terminal, and never with NO_COLOR set (no-color.org).
    const char *no_color = std::getenv("NO_COLOR");
    colour_ = isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
  }

  int run() {
    // --config FILE, else .quotecheck.toml here or in a parent directory.
    if (auto err = load_run_config(o_.config, config_)) {
      std::cerr << "quotecheck: " << err->describe() << '\n';
      return exit_input;
    }
    fail_on_ = o_.fail_on_given || !config_.fail_on ? o_.fail_on : *config_.fail_on;
    // --db, else $QUOTECHECK_DB, else the config's db, else ./quotecheck.db.
    const char *env = std::getenv("QUOTECHECK_DB");
    const bool env_set = env != nullptr && *env != '\0';
    const std::string path = resolve_db_path(o_.db_given || env_set || !config_.db ? o_.db : *config_.db);
    if (db_exists(path)) {
      auto opened = db::store::open(path, db::open_mode::read_only);
      if (!opened.ok()) {
        std::cerr << "quotecheck: " << opened.err().message << '\n';
        return exit_input;
      }
      store_.emplace(std::move(opened.value()));
    } else {
      std::cerr << "quotecheck: no statements database at " << path
                << "; no record was consulted (use --db FILE or set QUOTECHECK_DB)\n";
    }
    judge_.emplace(store_ ? &*store_ : nullptr, config_);
    input_sink sink;
    sink.on_document = [&](input_document &in) { document(in); };
    sink.on_failure = [&](const input_failure &f) {
      flush();
      std::cerr << "quotecheck: " << describe(f) << '\n';
      status_ = exit_input;
      if (o_.format == "jsonl" && f.line > 0) {
        write_failure_jsonl(out_, f); // one output line per input line, as extract
      }
    };
    if (o_.format == "json") {
      out_ += "[";
    }
    read_inputs(o_.files, o_.input.format(), sink, o_.input.limits());
    if (o_.format == "json") {
      out_ += "]\n";
    }
    if (o_.format == "sarif") {
      write_sarif(out_, located_, QUOTECHECK_VERSION, QUOTECHECK_HOMEPAGE);
    }
    flush();
    if (status_ == exit_input) {
      return exit_input;
    }
    return judge_->worst() >= severity_rank(fail_on_) ? exit_findings : exit_clean;
  }

private:
  const check_options &o_;
  bool colour_ = false; ///< ANSI colour in the text format
  check_config config_;
  std::string fail_on_;
  std::vector<located_finding> located_; ///< sarif: the whole run's findings
  std::optional<db::store> store_;
  pipeline pipe_;
  std::string out_;
  int status_ = exit_clean;
  std::optional<judge> judge_;
  bool first_doc_ = true;

  void flush() {
    std::fwrite(out_.data(), 1, out_.size(), stdout);
    out_.clear();
  }

  void document(input_document &in) {
    pipe_.run(in);
    const processed_document d{in, pipe_.doc(), pipe_.quotes(), pipe_.positions()};
    const quote_findings per_quote = judge_->document(pipe_, in);
    if (const auto &e = judge_->db_error()) {
      std::cerr << "quotecheck: " << in.id << ": database error: " << e->message << '\n';
      status_ = exit_input;
    }
    if (o_.format == "jsonl" || o_.format == "json") {
      write_json(d, per_quote);
    } else if (o_.format == "lint") {
      write_lint(d, per_quote);
    } else if (o_.format == "sarif") {
      locate_all(d, per_quote, located_);
    } else if (o_.format == "github") {
      std::vector<located_finding> found;
      locate_all(d, per_quote, found);
      for (const located_finding &f : found) {
        write_github(out_, f);
      }
    } else {
      write_text(d, per_quote);
    }
    if (out_.size() > (1U << 16)) {
      flush();
    }
  }

  void write_json(const processed_document &d, const quote_findings &per_quote) {
    if (o_.format == "json" && !first_doc_) {
      out_ += ",";
    }
    first_doc_ = false;
    write_check_json(out_, d, per_quote);
    if (o_.format == "jsonl") {
      out_ += '\n';
    }
  }

  static std::string uri_of(const processed_document &d) {
    return d.input.line > 0 ? d.input.id : d.input.origin;
  }

  static located_finding locate(const processed_document &d, parser::span where, parser::severity level,
                                std::string message, std::string rule) {
    located_finding f;
    f.rule = std::move(rule);
    f.level = level;
    f.message = std::move(message);
    f.uri = uri_of(d);
    const parser::position a = d.positions.at(where.begin);
    const parser::position b = d.positions.at(std::max(where.begin, where.end));
    f.start_line = a.line;
    f.start_column = a.column;
    f.end_line = b.line;
    f.end_column = b.column;
    f.char_offset = a.code_point;
    f.char_length = b.code_point - a.code_point;
    return f;
  }

  /// Diagnostics, then each quote's findings, in the lint order.
  static void locate_all(const processed_document &d, const quote_findings &per_quote,
                         std::vector<located_finding> &out) {
    for (const parser::diagnostic &g : d.doc.diagnostics) {
      located_finding f = locate(d, g.where, g.level, g.message, g.rule);
      f.quote_text = std::string(std::string_view(d.input.text).substr(g.where.begin, g.where.size()));
      out.push_back(std::move(f));
    }
    for (std::size_t i = 0; i < d.quotes.size(); ++i) {
      const auto &q = d.quotes[i];
      for (const finding &fi : per_quote[i]) {
        located_finding f = locate(d, fi.where, fi.level, message_of(fi), fi.rule);
        f.quote_text = std::string(std::string_view(d.input.text).substr(q.content.begin, q.content.size()));
        if (q.who) {
          f.speaker = q.who->name;
        }
        out.push_back(std::move(f));
      }
    }
  }

  static std::string message_of(const finding &f) {
    std::string message = f.message;
    if (f.evidence && !f.evidence->diff.empty() && f.rule == db::rules::altered) {
      message += ": " + db::inline_diff(f.evidence->diff);
    }
    return message;
  }

  void lint_line(const processed_document &d, parser::span where, parser::severity level,
                 const std::string &message, const std::string &rule) {
    const parser::position p = d.positions.at(where.begin);
    out_ += uri_of(d);
    out_ += ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " +
            std::string(to_string(level)) + ": " + message + " [" + rule + "]\n";
  }

  void write_lint(const processed_document &d, const quote_findings &per_quote) {
    for (const parser::diagnostic &g : d.doc.diagnostics) {
      lint_line(d, g.where, g.level, g.message, g.rule);
    }
    for (std::size_t i = 0; i < d.quotes.size(); ++i) {
      for (const finding &f : per_quote[i]) {
        lint_line(d, f.where, f.level, message_of(f), f.rule);
      }
    }
  }

  /// The severity word, in colour when colour_ is on (red, yellow, cyan).
  [[nodiscard]] std::string painted(parser::severity level) const {
    const std::string word(to_string(level));
    if (!colour_) {
      return word;
    }
    const char *code = level == parser::severity::error     ? "\x1b[1;31m"
                       : level == parser::severity::warning ? "\x1b[1;33m"
                                                            : "\x1b[36m";
    return code + word + "\x1b[0m";
  }

  void write_text(const processed_document &d, const quote_findings &per_quote) {
    std::string listing;
    write_extract_text(listing, d);
    out_ += listing;
    for (std::size_t i = 0; i < d.quotes.size(); ++i) {
      if (per_quote[i].empty()) {
        continue;
      }
      const parser::position p = d.positions.at(d.quotes[i].content.begin);
      out_ += "  " + std::to_string(p.line) + ":" + std::to_string(p.column) + "\n";
      for (const finding &f : per_quote[i]) {
        out_ += "    " + painted(f.level) + ": " + f.message + " [" + f.rule + "]\n";
        if (f.evidence && f.evidence->evidence) {
          const db::statement &s = *f.evidence->evidence;
          out_ += "      on record: " + s.speaker + ", " + (s.date.empty() ? "undated" : s.date);
          if (!s.source.empty()) {
            out_ += ", " + s.source;
          }
          out_ += ": \u201C" + s.text + "\u201D\n";
          if (f.rule == db::rules::altered && !f.evidence->diff.empty()) {
            out_ += "      diff: " + db::inline_diff(f.evidence->diff) + "\n";
          }
        }
      }
    }
  }
};

} // namespace

void add_check_command(CLI::App &app) {
  auto opts = std::make_shared<check_options>();
  CLI::App *cmd = app.add_subcommand("check", "Check every quotation against the statements database.");
  cmd->footer(
      "Examples:\n"
      "  quotecheck check --db build/sample.db corpora/sample-article.txt\n"
      "  quotecheck check --format lint --fail-on warning article.txt\n"
      "  quotecheck check --input-format jsonl --format jsonl < articles.jsonl\n"
      "  quotecheck check --format sarif article.txt > quotecheck.sarif\n"
      "  quotecheck check --format github article.txt    # annotations in GitHub Actions\n"
      "Formats: text (listing), lint (file:line:col: level: message [rule]), jsonl, json,\n"
      "  sarif (one SARIF 2.1.0 log for the run), github (Actions workflow commands).\n"
      "Config: --config FILE, else .quotecheck.toml here or in a parent directory:\n"
      "  db = \"statements.db\"   fail_on = \"warning\"   require_speaker = false\n"
      "  allow_anonymous = true   [severity] \"quote.unverified\" = \"note\"  (note|warning|error|off)\n"
      "  Command-line flags win over the file.\n"
      "Suppressions in the article (HTML/Markdown comments, also in plain text):\n"
      "  <!-- quotecheck-disable RULE[,RULE] --> ... <!-- quotecheck-enable -->  (no RULE: all)\n"
      "  <!-- quotecheck-disable-next-line RULE -->    [//]: # (quotecheck-disable-next-line RULE)\n"
      "Exit codes: 0 clean; 1 findings at or above --fail-on; 2 usage or input error.");
  cmd->add_option("files", opts->files, "Input files; '-' or none reads standard input");
  CLI::Option *db_opt = cmd->add_option(
      "--db", opts->db, "Statements database (default: $QUOTECHECK_DB, else ./quotecheck.db)");
  add_input_options(cmd, opts->input);
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "lint", "jsonl", "json", "sarif", "github"}))
      ->capture_default_str();
  CLI::Option *fail_on_opt =
      cmd->add_option("--fail-on", opts->fail_on, "Exit 1 when a finding is at or above this severity")
          ->check(CLI::IsMember({"error", "warning", "note", "never"}))
          ->capture_default_str();
  cmd->add_option("--config", opts->config,
                  "Config file (default: .quotecheck.toml in the working directory or a parent)");
  cmd->callback([opts, db_opt, fail_on_opt]() {
    opts->db_given = db_opt->count() > 0;
    opts->fail_on_given = fail_on_opt->count() > 0;
    set_exit_status(checker(*opts).run());
  });
}

} // namespace quotecheck::cli
