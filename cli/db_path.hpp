#pragma once
/// Where the statements database lives, for every command that takes --db.

#include <string>

namespace quotecheck::cli {

/// The database path: `flag` when given (non-empty), else $QUOTECHECK_DB when
/// set and non-empty, else "quotecheck.db" in the working directory.
std::string resolve_db_path(const std::string &flag);

/// True when a database file exists at `path` (commands that only read use
/// this to say "no database" instead of SQLite's generic open error).
bool db_exists(const std::string &path);

} // namespace quotecheck::cli
