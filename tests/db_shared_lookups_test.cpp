// Stores opened immutable on one file share what they looked up
// (db::shared_lookups): a word one store found in the statements, or not,
// is never asked of the full-text index again by another; stores that could
// see different versions of the file keep their own.

#include "db_test_support.hpp"

#include <quotecheck/db/matcher.hpp>

#include <sqlite3.h>

#include <string>

namespace db = quotecheck::db;
using qc_test::temp_db;

namespace {

/// Counts the statements of a store that ask the full-text index whether a
/// word occurs at all (lookup_memo's query).
struct term_query_counter {
  int n = 0;
  sqlite3 *db;
  explicit term_query_counter(const db::store &s) : db(s.handle()) {
    sqlite3_trace_v2(
        db, SQLITE_TRACE_STMT,
        [](unsigned, void *self, void *stmt, void *) {
          const char *sql = sqlite3_sql(static_cast<sqlite3_stmt *>(stmt));
          if (sql != nullptr && std::string(sql).find("SELECT 1 FROM statements_fts") != std::string::npos) {
            ++static_cast<term_query_counter *>(self)->n;
          }
          return 0;
        },
        this);
  }
  ~term_query_counter() { sqlite3_trace_v2(db, 0, nullptr, nullptr); }
  term_query_counter(const term_query_counter &) = delete;
  term_query_counter &operator=(const term_query_counter &) = delete;
};

} // namespace

TEST_CASE("immutable stores share the words they looked up; read-only stores do not", "[db][lookup]") {
  temp_db t;
  {
    auto s = t.open();
    qc_test::import_jsonl(s, R"({"speaker": "Ada", "text": "the engine weaves algebraic patterns"})"
                             "\n");
    sqlite3_exec(s.handle(), "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  }
  auto first = t.open(db::open_mode::immutable);
  auto second = t.open(db::open_mode::immutable);
  auto alone = t.open(db::open_mode::immutable);
  auto read_only = t.open(db::open_mode::read_only);
  const auto shared = db::make_shared_lookups();
  CHECK(first.share_lookups(shared));
  CHECK(second.share_lookups(shared));
  CHECK_FALSE(read_only.share_lookups(shared)); // another process may write to it
  CHECK_FALSE(alone.share_lookups(nullptr));

  const std::string quote = "the engine weaves algebraic patterns of unknown flowers";
  const term_query_counter asked_first(first), asked_second(second), asked_alone(alone);
  for (db::store *s : {&first, &second, &alone}) {
    auto m = db::lookup(*s, quote);
    REQUIRE(m.ok());
    REQUIRE(m.value().size() == 1); // the same answer with the words shared or not
    CHECK(m.value()[0].stmt.speaker == "Ada");
  }
  CHECK(asked_first.n > 0);
  CHECK(asked_second.n == 0); // every word already known, present or not
  CHECK(asked_alone.n == asked_first.n);
}
