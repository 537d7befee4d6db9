/// libFuzzer harness: the statement importer (db::import_file) over JSONL,
/// CSV and ClaimReview files, into a fresh temporary database each run. The
/// first byte picks the format (auto, jsonl, csv, claimreview) and the file
/// name's extension; the rest is the file. Checked: a failed import writes
/// nothing, a good one stores what it reports, and the database stays sound.

#include "quotecheck/db/import.hpp"
#include "quotecheck/db/store.hpp"

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

[[noreturn]] void fail(const char *what) {
  std::fprintf(stderr, "fuzz contract broken: %s\n", what);
  std::abort();
}

/// The single integer a query returns (-1 on error).
long long query_int(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = nullptr;
  long long v = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    v = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  return v;
}

/// The first column of a one-row query as text ("" on error).
std::string query_text(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = nullptr;
  std::string v;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    if (const auto *t = sqlite3_column_text(st, 0)) {
      v = reinterpret_cast<const char *>(t);
    }
  }
  sqlite3_finalize(st);
  return v;
}

/// Where temporary files go: memory (/dev/shm) when there is one.
const char *scratch_dir() { return access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"; }

void remove_db(const std::string &path) {
  for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
    std::remove((path + suffix).c_str());
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  using namespace quotecheck;
  if (size == 0) {
    return 0;
  }
  static const char *const extensions[] = {".jsonl", ".jsonl", ".csv", ".json"};
  static const db::import_format formats[] = {db::import_format::auto_detect, db::import_format::jsonl,
                                              db::import_format::csv, db::import_format::claimreview};
  const unsigned pick = data[0] % 4;
  const std::string dir = std::string(scratch_dir()) + "/quotecheck-fuzz-import-" + std::to_string(getpid());
  const std::string input = dir + extensions[pick];
  const std::string db_path = dir + ".db";

  std::FILE *f = std::fopen(input.c_str(), "wb");
  if (f == nullptr || std::fwrite(data + 1, 1, size - 1, f) != size - 1 || std::fclose(f) != 0) {
    fail("cannot write the temporary input");
  }
  remove_db(db_path);
  {
    auto s = db::store::open(db_path);
    if (!s.ok()) {
      fail("cannot open a fresh database");
    }
    db::import_options opts;
    opts.format = formats[pick];
    opts.skip_bad = (data[0] / 4) % 2 == 1;
    auto r = db::import_file(s.value(), input, opts);
    sqlite3 *h = s.value().handle();
    const long long stored = query_int(h, "SELECT count(*) FROM statements");
    if (stored < 0) {
      fail("the statements table is gone");
    }
    if (!r.ok()) {
      if (r.err().message.empty()) {
        fail("an import error without a reason");
      }
      if (stored != 0) {
        fail("a failed import left statements behind");
      }
    } else if (static_cast<long long>(r.value().inserted) != stored) {
      fail("the report's inserted count differs from the statements stored");
    }
    if (query_text(h, "PRAGMA integrity_check") != "ok") {
      fail("integrity_check failed after an import");
    }
  }
  remove_db(db_path);
  std::remove(input.c_str());
  return 0;
}
