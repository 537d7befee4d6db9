/// `quotecheck lookup "TEXT"`: who said these words, when and where, ranked.

#include "commands.hpp"
#include "db_path.hpp"

#include <quotecheck/db/json.hpp>
#include <quotecheck/db/matcher.hpp>
#include <quotecheck/db/speakers.hpp>
#include <quotecheck/db/store.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

namespace quotecheck::cli {
namespace {

struct lookup_options {
  std::string text;
  std::string speaker;
  std::string db;
  std::size_t limit = 10;
  std::string format = "text";
};

void fail(const std::string &message) {
  std::cerr << "quotecheck: " << message << '\n';
  set_exit_status(exit_input);
}

void print_text(const std::vector<db::match> &ms) {
  int rank = 0;
  for (const auto &m : ms) {
    const auto &st = m.stmt;
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", m.score);
    const char *kind = m.align.exact() ? (m.align.whole() ? "exact" : "exact part") : "close";
    std::cout << ++rank << ". " << st.speaker;
    if (!st.date.empty())
      std::cout << ", " << st.date;
    if (!st.source.empty())
      std::cout << ", " << st.source;
    std::cout << "  [score " << score << ", " << kind << ", #" << st.id << "]\n";
    std::cout << "   \u201C" << st.text << "\u201D\n";
    if (!st.url.empty())
      std::cout << "   " << st.url << '\n';
    if (!m.align.exact())
      std::cout << "   diff: " << db::inline_diff(m.align.diff) << '\n';
  }
}

void run_lookup(const lookup_options &o) {
  auto path = resolve_db_path(o.db);
  if (!db_exists(path))
    return fail(path + ": no database here (create one with `quotecheck db import --db " + path +
                " STATEMENTS.jsonl`)");
  auto s = db::store::open(path, db::open_mode::read_only);
  if (!s.ok())
    return fail(s.err().message);
  if (!o.speaker.empty()) {
    auto ids = db::resolve_speaker(s.value(), o.speaker);
    if (!ids.ok())
      return fail(path + ": " + ids.err().message);
    if (ids.value().empty())
      std::cerr << "quotecheck: no speaker named \"" << o.speaker << "\" in " << path << '\n';
  }
  auto r = db::lookup(s.value(), o.text, o.speaker, o.limit);
  if (!r.ok())
    return fail(path + ": " + r.err().message);
  if (o.format == "json") {
    auto arr = nlohmann::json::array();
    for (const auto &m : r.value())
      arr.push_back(db::to_json(m));
    std::cout << nlohmann::json{{"query", o.text}, {"speaker", o.speaker}, {"matches", arr}}.dump(
                     2, ' ', false, nlohmann::json::error_handler_t::replace)
              << '\n';
    return;
  }
  if (r.value().empty()) {
    std::cout << "no stored statement matches\n";
    return;
  }
  print_text(r.value());
}

} // namespace

void add_lookup_command(CLI::App &app) {
  auto o = std::make_shared<lookup_options>();
  auto *sub =
      app.add_subcommand("lookup", "Who said these words, when and where: matching statements, ranked");
  sub->footer("Examples:\n"
              "  quotecheck lookup \"vital we upgrade our partnership\" --db build/sample.db\n"
              "  quotecheck lookup \"stalling\" --speaker Kallas --format json\n"
              "Exit codes: 0 done (with or without matches); 2 usage error or no usable database.");
  sub->add_option("text", o->text, "The words to look up")->required();
  sub->add_option("--speaker", o->speaker, "Only statements of this speaker (name or alias)");
  sub->add_option("--db", o->db, "Database file (default: $QUOTECHECK_DB, else ./quotecheck.db)");
  sub->add_option("--limit", o->limit, "At most this many matches")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  sub->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  sub->callback([o] { run_lookup(*o); });
}

} // namespace quotecheck::cli
