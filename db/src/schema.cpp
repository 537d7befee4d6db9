/// The schema, as a list of upgrade steps: step k takes version k to k + 1.
/// A new version appends a step; released steps never change.

#include <quotecheck/db/schema.hpp>

#include "sql.hpp"

#include <array>
#include <string>

namespace quotecheck::db {
namespace {

constexpr const char *k_v1 = R"sql(
CREATE TABLE speakers (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE aliases (
  speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
  alias      TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (speaker_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_by_alias ON aliases(alias);
CREATE TABLE roles (
  id         INTEGER PRIMARY KEY,
  speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
  role       TEXT NOT NULL,
  date_from  TEXT,
  date_to    TEXT
);
CREATE UNIQUE INDEX roles_unique ON roles(speaker_id, role, coalesce(date_from, ''), coalesce(date_to, ''));
CREATE TABLE statements (
  id         INTEGER PRIMARY KEY,
  speaker_id INTEGER NOT NULL REFERENCES speakers(id),
  text       TEXT NOT NULL,
  date       TEXT,
  source     TEXT,
  url        TEXT,
  medium     TEXT,
  provenance TEXT,
  text_hash  INTEGER NOT NULL,
  added_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX statements_unique ON statements(speaker_id, text_hash, coalesce(date, ''));
CREATE VIRTUAL TABLE statements_fts USING fts5(
  text, content='statements', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER statements_au AFTER UPDATE OF text ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TABLE quotes_seen (
  id            INTEGER PRIMARY KEY,
  quote_text    TEXT NOT NULL,
  normalized    TEXT NOT NULL,
  speaker       TEXT,
  statement_id  INTEGER REFERENCES statements(id) ON DELETE SET NULL,
  rule          TEXT,
  article_id    TEXT,
  article_url   TEXT,
  outlet        TEXT,
  article_date  TEXT,
  first_seen_id INTEGER REFERENCES quotes_seen(id),
  seen_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX quotes_seen_by_text ON quotes_seen(normalized);
CREATE INDEX quotes_seen_by_statement ON quotes_seen(statement_id);
)sql";

/// Version 2: a record of each imported file (a batch), so an interrupted or
/// repeated `db import` recognises the files it already committed. The row is
/// written in the same transaction as the file's statements.
constexpr const char *k_v2 = R"sql(
CREATE TABLE imports (
  id           INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  format       TEXT NOT NULL,
  records      INTEGER NOT NULL,
  inserted     INTEGER NOT NULL,
  imported_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
)sql";

constexpr std::array<const char *, current_schema_version> k_steps{k_v1, k_v2};

result<int> read_version(sqlite3 *db) {
  sqlite3_stmt *st = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr) != SQLITE_OK)
    return detail::sqlite_error(db, "cannot read the schema version");
  int v = 0;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW)
    v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW)
    return detail::sqlite_error(db, "cannot read the schema version (is this an SQLite file?)");
  return v;
}

error too_new(int v) {
  return error{error_code::schema_too_new,
               "database schema version " + std::to_string(v) + " is newer than this quotecheck supports (" +
                   std::to_string(current_schema_version) + "); upgrade quotecheck",
               0};
}

} // namespace

result<int> schema_version(const store &s) { return read_version(s.handle()); }

result<void> upgrade_schema(sqlite3 *db) {
  auto v = read_version(db);
  if (!v.ok())
    return v.err();
  if (v.value() > current_schema_version)
    return too_new(v.value());
  if (v.value() == current_schema_version)
    return {};
  if (auto r = detail::exec(db, "BEGIN IMMEDIATE"); !r.ok())
    return r;
  // Re-read inside the write lock: another writer may have upgraded meanwhile.
  auto locked = read_version(db);
  if (!locked.ok() || locked.value() > current_schema_version) {
    detail::exec(db, "ROLLBACK");
    return locked.ok() ? too_new(locked.value()) : locked.err();
  }
  for (int k = locked.value(); k < current_schema_version; ++k) {
    if (auto r = detail::exec(db, k_steps[static_cast<std::size_t>(k)]); !r.ok()) {
      detail::exec(db, "ROLLBACK");
      return error{error_code::db_error,
                   "schema upgrade to version " + std::to_string(k + 1) + " failed: " + r.err().message, 0};
    }
  }
  // user_version takes no bound parameter; the value is our own integer constant.
  std::string set = "PRAGMA user_version = " + std::to_string(current_schema_version);
  if (auto r = detail::exec(db, set.c_str()); !r.ok()) {
    detail::exec(db, "ROLLBACK");
    return r;
  }
  return detail::exec(db, "COMMIT");
}

} // namespace quotecheck::db
