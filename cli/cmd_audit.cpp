/// `quotecheck audit`: a whole corpus through extract and check on N worker
/// threads, streaming, with a resumable checkpoint; and `audit merge`, which
/// combines the outputs of shards run on many machines.

#include "audit_run.hpp"
#include "commands.hpp"
#include "input_options.hpp"

#include "quotecheck/audit/report.hpp"
#include "quotecheck/audit/state.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

namespace quotecheck::cli {

namespace {

/// `K/N` -> shard K of N (1 <= K <= N); false when malformed.
bool parse_shard(const std::string &text, std::size_t &k, std::size_t &n) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) {
    return false;
  }
  try {
    std::size_t used = 0;
    k = std::stoul(text.substr(0, slash), &used);
    if (used != slash) {
      return false;
    }
    n = std::stoul(text.substr(slash + 1), &used);
    return used == text.size() - slash - 1 && n >= 1 && k >= 1 && k <= n;
  } catch (const std::exception &) {
    return false;
  }
}

/// Appends `from` to `to` (both files); false on an I/O error.
bool append_file(const std::filesystem::path &from, std::ofstream &to) {
  std::ifstream in(from, std::ios::binary);
  if (!in) {
    return false;
  }
  if (in.peek() == std::ifstream::traits_type::eof()) {
    return true; // `to << rdbuf()` of an empty file sets failbit
  }
  to << in.rdbuf();
  return !to.fail();
}

int run_merge(const std::vector<std::string> &dirs, const std::string &out_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  const fs::path out(out_dir);
  if (fs::exists(out / "audit.sqlite")) {
    std::cerr << "quotecheck: " << (out / "audit.sqlite").string()
              << ": already exists; merge into a new, empty directory\n";
    return exit_input;
  }
  for (const std::string &d : dirs) {
    if (!fs::exists(fs::path(d) / "audit.sqlite")) {
      std::cerr << "quotecheck: " << d << ": not an audit output directory (no audit.sqlite)\n";
      return exit_input;
    }
    if (fs::equivalent(fs::path(d), out, ec)) {
      std::cerr << "quotecheck: " << d << ": cannot merge a directory into itself\n";
      return exit_input;
    }
  }
  // Build under temporary names and rename at the end: an interrupted merge
  // leaves no output that looks complete.
  const fs::path tmp_state = out / "audit.sqlite.merging";
  fs::remove(tmp_state, ec);
  {
    auto opened = audit::state::open(tmp_state.string());
    if (!opened.ok()) {
      std::cerr << "quotecheck: " << opened.err().message << '\n';
      return exit_input;
    }
    audit::state merged = std::move(opened.value());
    std::ofstream findings(out / "findings.jsonl.merging", std::ios::binary | std::ios::trunc);
    std::ofstream failures(out / "failures.jsonl.merging", std::ios::binary | std::ios::trunc);
    std::string shards;
    std::string inputs;
    std::string db;
    for (const std::string &d : dirs) {
      auto shard = audit::state::open((fs::path(d) / "audit.sqlite").string());
      if (!shard.ok()) {
        std::cerr << "quotecheck: " << shard.err().message << '\n';
        return exit_input;
      }
      const auto finished = shard.value().meta("finished");
      if (!finished.ok() || finished.value().empty()) {
        std::cerr << "quotecheck: " << d << ": this audit did not finish (run it again with --resume)\n";
        return exit_input;
      }
      if (auto r = merged.absorb((fs::path(d) / "audit.sqlite").string()); !r.ok()) {
        std::cerr << "quotecheck: " << r.err().message << '\n';
        return exit_input;
      }
      if (!append_file(fs::path(d) / "findings.jsonl", findings) ||
          !append_file(fs::path(d) / "failures.jsonl", failures)) {
        std::cerr << "quotecheck: " << d << ": cannot read its findings.jsonl or failures.jsonl\n";
        return exit_input;
      }
      shards += (shards.empty() ? "" : " ") + shard.value().meta("shard").value();
      if (inputs.empty()) {
        inputs = shard.value().meta("inputs").value();
        db = shard.value().meta("db").value();
      }
    }
    findings.close();
    failures.close();
    if (findings.fail() || failures.fail()) {
      std::cerr << "quotecheck: " << out_dir << ": cannot write the merged findings\n";
      return exit_input;
    }
    merged.set_meta({{"version", QUOTECHECK_VERSION},
                     {"inputs", inputs},
                     {"shard", "merged: " + shards},
                     {"db", db},
                     {"started", utc_now()},
                     {"finished", utc_now()}});
  }
  fs::rename(out / "findings.jsonl.merging", out / "findings.jsonl", ec);
  fs::rename(out / "failures.jsonl.merging", out / "failures.jsonl", ec);
  fs::rename(tmp_state, out / "audit.sqlite", ec);
  if (ec) {
    std::cerr << "quotecheck: " << out_dir << ": " << ec.message() << '\n';
    return exit_input;
  }
  auto reopened = audit::state::open((out / "audit.sqlite").string());
  if (!reopened.ok()) {
    std::cerr << "quotecheck: " << reopened.err().message << '\n';
    return exit_input;
  }
  return write_audit_reports(reopened.value(), out_dir) ? exit_clean : exit_input;
}

} // namespace

void add_audit_command(CLI::App &app) {
  auto opts = std::make_shared<audit_options>();
  CLI::App *cmd = app.add_subcommand(
      "audit", "Audit a whole corpus: every quote of every document, checked, with a report.");
  cmd->footer("Examples:\n"
              "  quotecheck audit corpus.jsonl.gz --db statements.db --jobs 2 --out audit-2025\n"
              "  quotecheck audit 'crawl/*.warc.gz' --db statements.db --out cc-news\n"
              "  quotecheck audit corpus/ --out run --resume          # continue an interrupted run\n"
              "  quotecheck audit corpus.jsonl --shard 3/8 --out shard-3   # one machine's share\n"
              "  quotecheck audit merge shard-* --out merged\n"
              "Outputs in --out: findings.jsonl (one `check --format jsonl` line per document),\n"
              "  failures.jsonl (documents that could not be read, with the reason), summary.json,\n"
              "  report.html (one self-contained page) and audit.sqlite (checkpoint and aggregates).\n"
              "Exit codes: 0 the audit ran through (failed documents are counted, not fatal);\n"
              "  2 usage error, an unusable --out or database, or no document could be read.");
  cmd->add_option("corpus", opts->corpus,
                  "Files, directories or quoted globs: JSONL, text, HTML, WARC (.gz, .zst)");
  cmd->add_option("--db", opts->db, "Statements database (default: $QUOTECHECK_DB, else ./quotecheck.db)");
  cmd->add_flag("--db-immutable", opts->db_immutable,
                "Open the database as immutable (a node-local copy no process writes to)");
  cmd->add_option("--jobs,-j", opts->jobs, "Worker threads (default: the number of cores)")
      ->check(CLI::Range(1U, 1024U));
  cmd->add_option("--out,-o", opts->out, "Output directory")->capture_default_str();
  cmd->add_option("--shard", opts->shard, "Take shard K of N of the documents (K/N, 1 <= K <= N)");
  cmd->add_flag("--resume", opts->resume, "Continue the interrupted audit in --out from its checkpoint");
  cmd->add_option("--progress", opts->progress, "Progress bar on stderr: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--config", opts->config,
                  "Config file (default: .quotecheck.toml in the working directory or a parent)");
  add_input_options(cmd, opts->input);

  auto merge_dirs = std::make_shared<std::vector<std::string>>();
  auto merge_out = std::make_shared<std::string>();
  CLI::App *merge = cmd->add_subcommand("merge", "Combine the outputs of audit shards into one.");
  merge->add_option("dirs", *merge_dirs, "Shard output directories")->required();
  merge->add_option("--out,-o", *merge_out, "Output directory (new or empty)")->required();
  merge->callback([merge_dirs, merge_out]() { set_exit_status(run_merge(*merge_dirs, *merge_out)); });

  cmd->callback([merge, opts]() {
    if (merge->parsed()) {
      return;
    }
    if (opts->corpus.empty()) {
      std::cerr << "quotecheck: audit: no corpus given (files, directories or globs)\n";
      set_exit_status(exit_input);
      return;
    }
    if (!opts->shard.empty() && !parse_shard(opts->shard, opts->shard_k, opts->shard_n)) {
      std::cerr << "quotecheck: --shard " << opts->shard << ": expected K/N with 1 <= K <= N\n";
      set_exit_status(exit_input);
      return;
    }
    if (opts->jobs == 0) {
      opts->jobs = std::max(1U, std::thread::hardware_concurrency());
    }
    set_exit_status(run_audit(*opts));
  });
}

} // namespace quotecheck::cli
