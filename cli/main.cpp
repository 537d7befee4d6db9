/// quotecheck: find quotations and reported speech, attribute them, and
/// check them against a database of prior statements.

#include "commands.hpp"

#include <algorithm>
#include <exception>
#include <iostream>

namespace quotecheck::cli {
namespace {
int g_exit_status = exit_clean;
} // namespace

void set_exit_status(int status) { g_exit_status = std::max(g_exit_status, status); }
int current_exit_status() { return g_exit_status; }

} // namespace quotecheck::cli

namespace {

/// Builds the command line and runs the command; CLI errors become exit codes.
int run(int argc, char **argv) {
  using namespace quotecheck::cli;
  CLI::App app{"quotecheck: find quotations and reported speech in news text, attribute each to its "
               "speaker, and check it against a database of what that speaker said before.",
               "quotecheck"};
  app.set_version_flag("--version", std::string("quotecheck ") + QUOTECHECK_VERSION);
  app.require_subcommand(1);
  add_extract_command(app);
  add_check_command(app);
  add_lookup_command(app);
  add_db_command(app);
  add_audit_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    const int rc = app.exit(e);
    return rc == 0 ? exit_clean : exit_input;
  }
  return current_exit_status();
}

} // namespace

int main(int argc, char **argv) {
  // Exceptions stop at this edge: the library reports errors as results.
  try {
    return run(argc, argv);
  } catch (const std::exception &e) {
    std::cerr << "quotecheck: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "quotecheck: unexpected error\n";
  }
  return quotecheck::cli::exit_input;
}
