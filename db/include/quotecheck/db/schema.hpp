#pragma once
/// The database schema and its version. `PRAGMA user_version` holds the
/// version; store::open upgrades older files in one transaction and refuses
/// files written by a newer quotecheck.

#include <quotecheck/db/store.hpp>

namespace quotecheck::db {

/// The schema version this build writes and reads. History:
/// 1 speakers, aliases, roles, statements (FTS5), quotes_seen;
/// 2 adds `imports`, one row per imported file (its SHA-256), for resumable imports.
inline constexpr int current_schema_version = 2;

/// The oldest version a read-only open accepts without upgrading: the steps
/// since then only add what writers use (version 2's `imports`).
inline constexpr int oldest_readable_schema_version = 1;

/// The version recorded in the file (`PRAGMA user_version`); 0 for a new file.
result<int> schema_version(const store &s);

/// Brings the schema of a read-write connection up to current_schema_version
/// in one transaction. Fails with schema_too_new for a newer file and leaves an
/// older file untouched when any step fails. store::open calls this.
result<void> upgrade_schema(sqlite3 *db);

} // namespace quotecheck::db
