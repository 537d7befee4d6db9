// The audit state file (audit/src/state.cpp): what a batch commit stores,
// read back as a report or a resumed run would read it.

#include <quotecheck/audit/state.hpp>

#include "audit_test_support.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <optional>
#include <string>
#include <utility>

using namespace quotecheck::audit;

namespace {

/// A fresh state file in a temporary directory, removed at scope exit.
struct temp_state {
  temp_dir dir;           // declared first, so destroyed last:
  std::optional<state> s; // the state is closed before its directory goes
  temp_state() {
    auto opened = state::open((dir.path / "audit.sqlite").string());
    REQUIRE(opened.ok());
    s.emplace(std::move(opened.value()));
  }
  /// The rows of `sql` as "a|b|c" lines.
  std::string rows(const char *sql) const {
    std::string out;
    sqlite3_stmt *q = nullptr;
    REQUIRE(sqlite3_prepare_v2(s->handle(), sql, -1, &q, nullptr) == SQLITE_OK);
    while (sqlite3_step(q) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(q); ++c) {
        if (c > 0) {
          out += '|';
        }
        const auto *text = sqlite3_column_text(q, c);
        out += text != nullptr ? reinterpret_cast<const char *>(text) : "NULL";
      }
      out += '\n';
    }
    sqlite3_finalize(q);
    return out;
  }
};

} // namespace

TEST_CASE("rule counts add up over batches, and the last severity seen wins", "[audit][state]") {
  temp_state t;
  batch first;
  first.rules = {{"quote.altered", "warning"}, {"quote.unverified", "note"}, {"quote.altered", "error"}};
  first.next_seq = 3;
  REQUIRE(t.s->commit(first).ok());
  batch second;
  second.rules = {{"quote.altered", "warning"}};
  second.next_seq = 4;
  REQUIRE(t.s->commit(second).ok());
  CHECK(t.rows("SELECT rule, severity, n FROM rule_counts ORDER BY rule") ==
        "quote.altered|warning|3\nquote.unverified|note|1\n");
}

TEST_CASE("quote rows are stored whole, and outlive the batch they came in", "[audit][state]") {
  temp_state t;
  {
    batch b;
    quote_row r;
    r.seq = 7;
    r.doc_id = "doc-7";
    r.kind = "direct";
    r.text = std::string(5000, 'x') + " and the end"; // longer than any small-string buffer
    r.speaker = "Kaja Kallas";
    r.group_key = "t:0123456789abcdef";
    b.quotes.push_back(r);
    r.doc_id = "doc-8";
    r.text = "short";
    r.speaker.clear(); // stored as NULL
    b.quotes.push_back(r);
    b.next_seq = 9;
    REQUIRE(t.s->commit(b).ok());
  } // the batch and its strings are gone
  CHECK(t.rows("SELECT doc_id, length(text), substr(text, -12), speaker FROM quotes ORDER BY doc_id") ==
        "doc-7|5012| and the end|Kaja Kallas\ndoc-8|5|short|NULL\n");
  const auto cp = t.s->last_checkpoint();
  REQUIRE(cp.ok());
  CHECK(cp.value().next_seq == 9);
}

TEST_CASE("meta values set together are all stored, and set again replace the old", "[audit][state]") {
  temp_state t;
  REQUIRE(t.s->set_meta({{"inputs", R"(["a.jsonl"])"}, {"shard", "1/4"}, {"finished", ""}}).ok());
  REQUIRE(t.s->set_meta({{"shard", "2/4"}, {"version", "0.1.0"}}).ok());
  REQUIRE(t.s->set_meta("finished", "2026-11-29T00:00:00Z").ok());
  CHECK(t.rows("SELECT key, value FROM meta ORDER BY key") ==
        "finished|2026-11-29T00:00:00Z\ninputs|[\"a.jsonl\"]\nshard|2/4\nversion|0.1.0\n");
}
