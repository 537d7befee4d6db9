#pragma once
/// The subcommands of the quotecheck program. Each lives in its own file
/// (cmd_<name>.cpp) and registers itself on the top-level CLI11 app. A
/// command's callback stores its exit status with set_exit_status().

#include <CLI/CLI.hpp>

namespace quotecheck::cli {

/// Documented exit codes (README, DESIGN.md).
enum exit_status : int {
  exit_clean = 0,    ///< nothing at or above --fail-on
  exit_findings = 1, ///< findings at or above --fail-on
  exit_input = 2,    ///< usage or input error
};

/// Records the exit status of the command that ran; the worst one wins.
void set_exit_status(int status);
/// The exit status recorded so far.
int current_exit_status();

void add_extract_command(CLI::App &app);
void add_check_command(CLI::App &app);
void add_lookup_command(CLI::App &app);
void add_audit_command(CLI::App &app);
void add_db_command(CLI::App &app);
/// `db learn` and `db variants`, added under the `db` command.
void add_db_learn_subcommands(CLI::App &db_cmd);

} // namespace quotecheck::cli
