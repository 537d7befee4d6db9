/// `quotecheck db init|import|stats|export`: create, fill and inspect the
/// statements database.

#include "commands.hpp"
#include "db_path.hpp"

#include <quotecheck/db/import.hpp>
#include <quotecheck/db/maintenance.hpp>
#include <quotecheck/db/schema.hpp>
#include <quotecheck/db/store.hpp>

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace quotecheck::cli {
namespace {

struct db_options {
  std::string db;
  std::vector<std::string> files;
  std::string format = "auto";
  bool skip_bad = false;
  bool reimport = false;
  std::string output_format = "text";
};

void fail(const std::string &message) {
  std::cerr << "quotecheck: " << message << '\n';
  set_exit_status(exit_input);
}

/// Opens the database read-only, with a helpful message when it is missing.
std::optional<db::store> open_existing(const std::string &path) {
  if (!db_exists(path)) {
    fail(path + ": no database here (create one with `quotecheck db import --db " + path +
         " STATEMENTS.jsonl`)");
    return std::nullopt;
  }
  auto s = db::store::open(path, db::open_mode::read_only);
  if (!s.ok()) {
    fail(s.err().message);
    return std::nullopt;
  }
  return std::move(s.value());
}

void run_init(const db_options &o) {
  auto path = resolve_db_path(o.db);
  auto s = db::store::open(path, db::open_mode::read_write);
  if (!s.ok())
    return fail(s.err().message);
  std::cout << "initialised " << path << " (schema version " << db::current_schema_version << ")\n";
}

void run_import(const db_options &o) {
  auto format = db::parse_import_format(o.format);
  if (!format.ok())
    return fail(format.err().message);
  auto path = resolve_db_path(o.db);
  auto s = db::store::open(path, db::open_mode::read_write);
  if (!s.ok())
    return fail(s.err().message);
  db::import_options io{format.value(), o.skip_bad, o.reimport};
  std::size_t inserted = 0;
  for (const auto &file : o.files) {
    auto r = db::import_file(s.value(), file, io);
    if (!r.ok()) {
      fail(r.err().message + " (nothing from this file was imported)");
      continue;
    }
    const auto &rep = r.value();
    inserted += rep.inserted;
    if (rep.already_imported) {
      std::cout << file << ": already imported";
      if (rep.previous_name != file)
        std::cout << " as " << rep.previous_name;
      std::cout << " (" << rep.previous_at << "); skipped (--reimport reads it again)\n";
      continue;
    }
    std::cout << file << ": imported " << rep.inserted << " statement" << (rep.inserted == 1 ? "" : "s")
              << " (" << to_string(rep.format) << ")";
    if (rep.duplicates != 0)
      std::cout << ", " << rep.duplicates << " already present";
    if (rep.speaker_only != 0)
      std::cout << ", " << rep.speaker_only << " speaker record" << (rep.speaker_only == 1 ? "" : "s");
    if (rep.skipped != 0)
      std::cout << ", " << rep.skipped << " bad record" << (rep.skipped == 1 ? "" : "s") << " skipped";
    std::cout << '\n';
    for (const auto &b : rep.bad)
      std::cerr << "quotecheck: " << file << ":" << b.line << ": skipped: " << b.reason << '\n';
  }
  // Once per run, not per file: a merge rewrites the whole full-text index.
  if (inserted != 0)
    if (auto r = db::optimize_index(s.value()); !r.ok())
      std::cerr << "quotecheck: warning: " << path
                << ": the statements are imported, but merging the search index failed (" << r.err().message
                << "); checks stay correct, only slower\n";
}

void run_stats(const db_options &o) {
  auto path = resolve_db_path(o.db);
  auto s = open_existing(path);
  if (!s)
    return;
  auto st = db::stats(*s);
  if (!st.ok())
    return fail(path + ": " + st.err().message);
  const auto &v = st.value();
  if (o.output_format == "json") {
    nlohmann::json j{{"database", path},           {"schema_version", v.schema_version},
                     {"speakers", v.speakers},     {"aliases", v.aliases},
                     {"roles", v.roles},           {"statements", v.statements},
                     {"quotes_seen", v.sightings}, {"first_date", v.first_date},
                     {"last_date", v.last_date}};
    std::cout << j.dump(2) << '\n';
    return;
  }
  std::cout << "database:       " << path << '\n'
            << "schema version: " << v.schema_version << '\n'
            << "speakers:       " << v.speakers << '\n'
            << "aliases:        " << v.aliases << '\n'
            << "roles:          " << v.roles << '\n'
            << "statements:     " << v.statements << '\n'
            << "quotes seen:    " << v.sightings << '\n';
  if (!v.first_date.empty())
    std::cout << "dates:          " << v.first_date << " to " << v.last_date << '\n';
}

void run_export(const db_options &o) {
  auto path = resolve_db_path(o.db);
  auto s = open_existing(path);
  if (!s)
    return;
  auto r = db::export_jsonl(*s, std::cout);
  std::cout.flush();
  if (!r.ok())
    return fail(path + ": export failed: " + r.err().message);
}

CLI::App *with_db_flag(CLI::App *sub, const std::shared_ptr<db_options> &o) {
  sub->add_option("--db", o->db, "Database file (default: $QUOTECHECK_DB, else ./quotecheck.db)");
  return sub;
}

} // namespace

void add_db_command(CLI::App &app) {
  auto *db = app.add_subcommand("db", "Create, fill and inspect the statements database");
  db->footer("Examples:\n"
             "  quotecheck db init --db record.db\n"
             "  quotecheck db import --db record.db statements.jsonl claims.csv\n"
             "  quotecheck db stats --db record.db\n"
             "  quotecheck db export --db record.db > all.jsonl\n"
             "  quotecheck db learn --db record.db coverage.jsonl\n"
             "  quotecheck db variants --db record.db\n"
             "Exit codes: 0 done; 2 usage error, unreadable input or a bad record (nothing of that file is "
             "written).\n"
             "Each imported file is one transaction, recorded by its SHA-256: after an interrupted import,\n"
             "run the same command again and the files already committed are skipped. Several processes\n"
             "may import and read at once: a writer waits for another's transaction (busy retry) for up to\n"
             "$QUOTECHECK_BUSY_TIMEOUT seconds (default 600), then fails with \"database is locked\".");
  db->require_subcommand(1);
  auto o = std::make_shared<db_options>();

  auto *init = with_db_flag(db->add_subcommand("init", "Create the database (or upgrade its schema)"), o);
  init->callback([o] { run_init(*o); });

  auto *imp = with_db_flag(
      db->add_subcommand("import",
                         "Import statements: JSONL, CSV or ClaimReview JSON-LD; one transaction a file"),
      o);
  imp->add_option("files", o->files, "Files to import ('-' for standard input)")->required();
  imp->add_option("--format", o->format, "Input format")
      ->check(CLI::IsMember({"auto", "jsonl", "csv", "claimreview"}))
      ->capture_default_str();
  imp->add_flag("--skip-bad", o->skip_bad, "Skip and count bad records instead of rejecting the whole file");
  imp->add_flag(
      "--reimport", o->reimport,
      "Read files even when the same bytes were imported before (stored statements are not duplicated)");
  imp->callback([o] { run_import(*o); });

  auto *stats = with_db_flag(db->add_subcommand("stats", "Count speakers, aliases, roles and statements"), o);
  stats->add_option("--format", o->output_format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  stats->callback([o] { run_stats(*o); });

  auto *exp =
      with_db_flag(db->add_subcommand("export", "Write the database as import JSONL to standard output"), o);
  exp->callback([o] { run_export(*o); });

  add_db_learn_subcommands(*db);
}

} // namespace quotecheck::cli
