/// The database file: schema creation and versioning, open modes, prepared
/// SQL with hostile text, FTS kept in sync, sightings.

#include "db_test_support.hpp"

#include <quotecheck/db/maintenance.hpp>
#include <quotecheck/db/matcher.hpp>
#include <quotecheck/db/schema.hpp>
#include <quotecheck/db/sightings.hpp>
#include <quotecheck/db/speakers.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace quotecheck;
using qc_test::temp_db;

namespace {

std::string scalar(const db::store &s, const char *sql) {
  sqlite3_stmt *st = nullptr;
  REQUIRE(sqlite3_prepare_v2(s.handle(), sql, -1, &st, nullptr) == SQLITE_OK);
  std::string out;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != nullptr)
    out = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return out;
}

void set_user_version(const std::string &path, int v) {
  sqlite3 *db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  std::string sql = "PRAGMA user_version = " + std::to_string(v);
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

} // namespace

TEST_CASE("a new database gets the current schema, WAL and FTS5", "[db][schema]") {
  temp_db t;
  auto s = t.open();
  auto v = db::schema_version(s);
  REQUIRE(v.ok());
  CHECK(v.value() == db::current_schema_version);
  CHECK(scalar(s, "PRAGMA journal_mode") == "wal");
  for (const char *table : {"speakers", "aliases", "roles", "statements", "statements_fts", "quotes_seen"}) {
    std::string sql = std::string("SELECT name FROM sqlite_master WHERE name = '") + table + "'";
    CHECK(scalar(s, sql.c_str()) == table);
  }
}

TEST_CASE("reopening a current database changes nothing", "[db][schema]") {
  temp_db t;
  {
    auto s = t.open();
    qc_test::import_jsonl(s, R"({"speaker": "A", "text": "one two three"})"
                             "\n");
  }
  auto s = t.open();
  auto st = db::stats(s);
  REQUIRE(st.ok());
  CHECK(st.value().statements == 1);
  CHECK(st.value().schema_version == db::current_schema_version);
}

TEST_CASE("a database from a newer quotecheck is refused and left alone", "[db][schema]") {
  temp_db t;
  { auto s = t.open(); }
  set_user_version(t.path(), db::current_schema_version + 1);
  for (auto mode : {db::open_mode::read_write, db::open_mode::read_only, db::open_mode::immutable}) {
    auto s = db::store::open(t.path(), mode);
    REQUIRE_FALSE(s.ok());
    CHECK(s.err().code == error_code::schema_too_new);
    CHECK_THAT(s.err().message, Catch::Contains("newer") && Catch::Contains(t.path()));
  }
  // Untouched: still the newer version.
  sqlite3 *raw = nullptr;
  REQUIRE(sqlite3_open(t.path().c_str(), &raw) == SQLITE_OK);
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(sqlite3_column_int(st, 0) == db::current_schema_version + 1);
  sqlite3_finalize(st);
  sqlite3_close(raw);
}

TEST_CASE("a newer empty file is not given our tables", "[db][schema]") {
  temp_db t;
  set_user_version(t.path(), 42);
  auto s = db::store::open(t.path(), db::open_mode::read_write);
  REQUIRE_FALSE(s.ok());
  CHECK(s.err().code == error_code::schema_too_new);
  sqlite3 *raw = nullptr;
  REQUIRE(sqlite3_open(t.path().c_str(), &raw) == SQLITE_OK);
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(raw, "SELECT count(*) FROM sqlite_master", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(sqlite3_column_int(st, 0) == 0);
  sqlite3_finalize(st);
  sqlite3_close(raw);
}

TEST_CASE("read-only opens: missing file, non-quotecheck file, immutable workers", "[db][schema]") {
  temp_db t;
  auto missing = db::store::open(t.path(), db::open_mode::read_only);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.err().code == error_code::db_error);

  { // an SQLite file that is not ours
    sqlite3 *raw = nullptr;
    REQUIRE(sqlite3_open(t.path().c_str(), &raw) == SQLITE_OK);
    sqlite3_exec(raw, "CREATE TABLE other(x)", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
  }
  auto foreign = db::store::open(t.path(), db::open_mode::read_only);
  REQUIRE_FALSE(foreign.ok());
  CHECK_THAT(foreign.err().message, Catch::Contains("not a quotecheck database"));

  temp_db t2;
  {
    auto s = t2.open();
    qc_test::import_jsonl(s, R"({"speaker": "Ada", "text": "the engine weaves algebraic patterns"})"
                             "\n");
    sqlite3_exec(s.handle(), "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  }
  auto ro = db::store::open(t2.path(), db::open_mode::immutable);
  REQUIRE(ro.ok());
  auto m = db::lookup(ro.value(), "weaves algebraic patterns");
  REQUIRE(m.ok());
  REQUIRE(m.value().size() == 1);
  CHECK(m.value()[0].stmt.speaker == "Ada");
  auto w = db::import_text(ro.value(), R"({"speaker": "B", "text": "x y z"})", "x.jsonl");
  REQUIRE_FALSE(w.ok());
  CHECK(w.err().code == error_code::usage);
}

TEST_CASE("hostile text goes through bound parameters and comes back exactly", "[db][schema][security]") {
  temp_db t;
  auto s = t.open();
  const std::string name = "Robert'); DROP TABLE statements;--";
  const std::string text = "We said \"no\"; DROP TABLE speakers; -- and 'quoted' % _ * NEAR( OR AND";
  const std::string alias = "Bobby\" OR 1=1 --";
  std::vector<db::statement_input> in(1);
  in[0].speaker = name;
  in[0].text = text;
  in[0].aliases = {alias};
  in[0].source = "'; DELETE FROM aliases; --";
  REQUIRE(db::add_statements(s, in).ok());

  auto m = db::lookup(s, text, name, 5);
  REQUIRE(m.ok());
  REQUIRE(m.value().size() == 1);
  CHECK(m.value()[0].stmt.speaker == name);
  CHECK(m.value()[0].stmt.text == text);
  CHECK(m.value()[0].stmt.source == in[0].source);
  CHECK(m.value()[0].score == Approx(1.0));

  auto ids = db::resolve_speaker(s, alias);
  REQUIRE(ids.ok());
  REQUIRE(ids.value().size() == 1);
  auto sp = db::speaker_by_id(s, ids.value()[0]);
  REQUIRE(sp.ok());
  CHECK(sp.value().name == name);
  CHECK(sp.value().aliases == std::vector<std::string>{alias});

  auto st = db::stats(s);
  REQUIRE(st.ok());
  CHECK(st.value().statements == 1);
  CHECK(st.value().aliases == 1);
}

TEST_CASE("FTS queries built from hostile quotes are valid FTS5", "[db][schema][security]") {
  temp_db t;
  auto s = t.open();
  qc_test::import_jsonl(s, R"({"speaker": "A", "text": "plain words about NEAR and OR"})"
                           "\n");
  for (const char *q :
       {"\"unbalanced", "NEAR(a b", "a AND OR NOT", "col:value ^start", "*", "'); --", "x\"y"}) {
    auto m = db::lookup(s, q);
    INFO(q);
    CHECK(m.ok());
  }
  auto m = db::lookup(s, "about NEAR and OR");
  REQUIRE(m.ok());
  REQUIRE_FALSE(m.value().empty());
  CHECK(m.value()[0].score == Approx(1.0));
}

TEST_CASE("candidate queries ask for statements sharing several long words", "[db][schema][matcher]") {
  auto tokens = db::tokenize_quote("the zeppelin hovered over harbour walls");
  CHECK(db::candidate_query(tokens, 1, 3) == "\"zeppelin\" OR \"hovered\" OR \"harbour\"");
  CHECK(db::candidate_query(tokens, 2, 3) ==
        "(\"zeppelin\" AND \"hovered\") OR (\"zeppelin\" AND \"harbour\") OR (\"hovered\" AND \"harbour\")");
  CHECK(db::candidate_query(tokens, 9, 2) == "(\"zeppelin\" AND \"hovered\")");
  CHECK(db::candidate_query(db::tokenize_quote("..."), 2).empty());

  temp_db t;
  auto s = t.open();
  std::string lines;
  for (int i = 0; i < 30; ++i)
    lines += R"({"speaker": "A", "text": "common words appear in every single line number )" +
             std::to_string(i) + "\"}\n";
  lines += R"({"speaker": "B", "text": "common words and one zeppelin over the harbour"})"
           "\n";
  qc_test::import_jsonl(s, lines);
  // One word changed: the three-word probe still finds it.
  auto m = db::lookup(s, "common words and one airship over the harbour");
  REQUIRE(m.ok());
  REQUIRE_FALSE(m.value().empty());
  CHECK(m.value()[0].stmt.speaker == "B");
  CHECK(m.value()[0].score > 0.8);
}

TEST_CASE("the FTS index follows deletes and updates", "[db][schema]") {
  temp_db t;
  auto s = t.open();
  qc_test::import_jsonl(s, R"({"speaker": "A", "text": "the lighthouse keeper counted ships"})"
                           "\n"
                           R"({"speaker": "A", "text": "the baker sold warm bread"})"
                           "\n");
  REQUIRE(sqlite3_exec(s.handle(), "DELETE FROM statements WHERE text LIKE '%lighthouse%'", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  auto gone = db::lookup(s, "lighthouse keeper counted ships");
  REQUIRE(gone.ok());
  CHECK(gone.value().empty());
  REQUIRE(sqlite3_exec(s.handle(), "UPDATE statements SET text = 'the baker sold cold cake'", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  auto moved = db::lookup(s, "cold cake");
  REQUIRE(moved.ok());
  REQUIRE(moved.value().size() == 1);
  CHECK(db::lookup(s, "warm bread").value().empty());
}

TEST_CASE("sightings record first appearance and later variants", "[db][schema][sightings]") {
  temp_db t;
  auto s = t.open();
  qc_test::import_jsonl(s, R"({"speaker": "A", "text": "We will stand firm."})"
                           "\n");
  const std::int64_t sid = 1;
  db::sighting a{"We will stand firm.", "A", sid,         "quote.verified", "doc-2",
                 "https://b.example/2", "B", "2025-03-19"};
  db::sighting b{"We will stand firm",  "A", sid,         "quote.verified", "doc-1",
                 "https://a.example/1", "A", "2025-03-18"};
  db::sighting c{"We shall stand firm", "A", sid,         "quote.altered", "doc-3",
                 "https://c.example/3", "C", "2025-03-20"};
  auto ra = db::record_sighting(s, a);
  REQUIRE(ra.ok());
  CHECK(ra.value().first_seen_id == ra.value().id); // first so far
  auto rb = db::record_sighting(s, b);              // an earlier article, audited later
  REQUIRE(rb.ok());
  CHECK(rb.value().first_seen_id == rb.value().id);
  auto rc = db::record_sighting(s, c);
  REQUIRE(rc.ok());
  CHECK(rc.value().first_seen_id == rb.value().id);
  CHECK(rc.value().variant);
  auto all = db::sightings_of_statement(s, sid);
  REQUIRE(all.ok());
  REQUIRE(all.value().size() == 3);
  CHECK(all.value()[0].seen.article_id == "doc-1");
  CHECK(all.value()[1].first_seen_id == rb.value().id);
  CHECK_FALSE(all.value()[1].variant); // differs only in punctuation
  auto by_text = db::sightings_of_text(s, "we will STAND firm!");
  REQUIRE(by_text.ok());
  CHECK(by_text.value().size() == 2);
}

namespace {

/// Builds a database file from one of the SQL fixtures of an old schema
/// (tests/fixtures/db_schema_vN.sql), as that version of quotecheck left it.
void build_from_fixture(const std::string &path, int version, const char *extra_sql = nullptr) {
  std::ifstream in(std::string(QUOTECHECK_SOURCE_DIR) + "/tests/fixtures/db_schema_v" +
                   std::to_string(version) + ".sql");
  REQUIRE(in);
  std::string sql((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  sqlite3 *raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  char *msg = nullptr;
  int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &msg);
  INFO((msg != nullptr ? msg : ""));
  sqlite3_free(msg);
  CHECK(rc == SQLITE_OK);
  if (extra_sql != nullptr)
    CHECK(sqlite3_exec(raw, extra_sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
}

/// The user_version of a file, read with a plain connection.
int file_user_version(const std::string &path) {
  sqlite3 *raw = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt *st = nullptr;
  REQUIRE(sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK);
  int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
  sqlite3_finalize(st);
  sqlite3_close(raw);
  return v;
}

std::string file_bytes(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return {(std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()};
}

/// The versions we keep a fixture of: every released version before the current one.
constexpr int k_old_versions[] = {1};

} // namespace

TEST_CASE("every old schema version is upgraded in place and keeps its rows", "[db][schema][upgrade]") {
  STATIC_REQUIRE(sizeof(k_old_versions) / sizeof(int) == db::current_schema_version - 1);
  for (int old : k_old_versions) {
    INFO("from version " << old);
    temp_db t;
    build_from_fixture(t.path(), old);
    REQUIRE(file_user_version(t.path()) == old);
    {
      auto s = t.open();
      CHECK(db::schema_version(s).value() == db::current_schema_version);
      CHECK(scalar(s, "SELECT name FROM sqlite_master WHERE name = 'imports'") == "imports");
      auto st = db::stats(s);
      REQUIRE(st.ok());
      CHECK(st.value().speakers == 2);
      CHECK(st.value().statements == 2);
      CHECK(st.value().aliases == 1);
      CHECK(st.value().roles == 1);
      CHECK(st.value().sightings == 1);
      CHECK(scalar(s, "SELECT added_at FROM statements WHERE id = 1") == "2024-02-12T09:00:00Z");
      // The FTS index came through: an old statement is found by its words and its alias.
      auto m = db::lookup(s, "the tide tables were wrong", "Quist");
      REQUIRE(m.ok());
      REQUIRE(m.value().size() == 1);
      CHECK(m.value()[0].stmt.speaker == "Mara Quist");
      CHECK(m.value()[0].stmt.date == "2024-02-11");
    }
    CHECK(file_user_version(t.path()) == db::current_schema_version);
  }
}

TEST_CASE("a read-only open reads a version 1 database and leaves it at version 1", "[db][schema][upgrade]") {
  temp_db t;
  build_from_fixture(t.path(), 1);
  {
    auto s = t.open(db::open_mode::read_only);
    auto m = db::lookup(s, "No ferry will leave the harbour before the inspection.");
    REQUIRE(m.ok());
    REQUIRE(m.value().size() == 1);
    CHECK(m.value()[0].stmt.speaker == "Olek Brandt");
  }
  CHECK(file_user_version(t.path()) == 1);
}

TEST_CASE("a failing upgrade rolls back and leaves the old file byte for byte", "[db][schema][upgrade]") {
  temp_db t;
  // Someone added a table of their own that collides with the one version 2 creates.
  build_from_fixture(t.path(), 1, "CREATE TABLE imports(note TEXT); INSERT INTO imports VALUES ('mine')");
  const std::string before = file_bytes(t.path());
  REQUIRE_FALSE(before.empty());
  auto s = db::store::open(t.path(), db::open_mode::read_write);
  REQUIRE_FALSE(s.ok());
  CHECK(s.err().code == error_code::db_error);
  CHECK_THAT(s.err().message, Catch::Contains(t.path()) && Catch::Contains("upgrade to version 2 failed"));
  CHECK(file_bytes(t.path()) == before);
  CHECK(file_user_version(t.path()) == 1);
  CHECK_FALSE(std::filesystem::exists(t.path() + "-wal"));
}

TEST_CASE("the refusal of a newer file names the file and both versions", "[db][schema]") {
  temp_db t;
  { auto s = t.open(); }
  set_user_version(t.path(), db::current_schema_version + 5);
  auto s = db::store::open(t.path(), db::open_mode::read_write);
  REQUIRE_FALSE(s.ok());
  CHECK(s.err().code == error_code::schema_too_new);
  CHECK_THAT(s.err().message,
             Catch::Contains(t.path()) &&
                 Catch::Contains("version " + std::to_string(db::current_schema_version + 5)) &&
                 Catch::Contains("(" + std::to_string(db::current_schema_version) + ")"));
}

TEST_CASE("a reader sees statements another process adds while it runs", "[db][schema][matcher]") {
  // The reader remembers which words no statement has and whom a name
  // resolves to; a commit elsewhere must make it forget both.
  temp_db t;
  auto writer = t.open();
  qc_test::import_jsonl(writer, R"({"speaker": "Ada", "text": "the engine weaves algebraic patterns"})"
                                "\n");
  auto reader = db::store::open(t.path(), db::open_mode::read_only);
  REQUIRE(reader.ok());
  auto before = db::lookup(reader.value(), "lighthouse keepers polish brass lanterns");
  REQUIRE(before.ok());
  CHECK(before.value().empty());
  auto nobody = db::resolve_speaker(reader.value(), "Grace Hopper");
  REQUIRE(nobody.ok());
  CHECK(nobody.value().empty());

  qc_test::import_jsonl(writer,
                        R"({"speaker": "Grace Hopper", "text": "lighthouse keepers polish brass lanterns"})"
                        "\n");
  auto after = db::lookup(reader.value(), "lighthouse keepers polish brass lanterns");
  REQUIRE(after.ok());
  REQUIRE(after.value().size() == 1);
  CHECK(after.value()[0].stmt.speaker == "Grace Hopper");
  auto found = db::resolve_speaker(reader.value(), "Grace Hopper");
  REQUIRE(found.ok());
  CHECK(found.value().size() == 1);

  // Inside one read snapshot the reader keeps its view until it ends.
  {
    const db::read_snapshot snapshot(&reader.value());
    qc_test::import_jsonl(writer, R"({"speaker": "Alan", "text": "machines may one day think about chess"})"
                                  "\n");
    auto during = db::lookup(reader.value(), "machines may one day think about chess");
    REQUIRE(during.ok());
    CHECK(during.value().empty());
  }
  auto later = db::lookup(reader.value(), "machines may one day think about chess");
  REQUIRE(later.ok());
  CHECK(later.value().size() == 1);
}

TEST_CASE("an import leaves the search index in one segment", "[db][schema][matcher]") {
  temp_db t;
  auto s = t.open();
  for (int i = 0; i < 6; ++i)
    qc_test::import_jsonl(s, R"({"speaker": "A", "text": "statement number )" + std::to_string(i) +
                                 R"( about harbour walls"})" + "\n");
  const auto segments = [&] { return std::stoi(scalar(s, "SELECT count(*) FROM statements_fts_data")); };
  const int before = segments();
  REQUIRE(db::optimize_index(s).ok());
  CHECK(segments() < before);
  auto m = db::lookup(s, "statement number 3 about harbour walls");
  REQUIRE(m.ok());
  REQUIRE_FALSE(m.value().empty());
  CHECK(m.value()[0].score == Approx(1.0));
}
