#pragma once
/// Shared helpers for the db tests: a temporary database that removes itself.

#include <quotecheck/db/import.hpp>
#include <quotecheck/db/store.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace qc_test {

/// A fresh database file in the temporary directory, deleted (with its WAL
/// files) when the object goes away.
class temp_db {
public:
  temp_db() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("quotecheck-db-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
  }
  ~temp_db() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  temp_db(const temp_db &) = delete;
  temp_db &operator=(const temp_db &) = delete;

  [[nodiscard]] const std::string &path() const { return path_; }
  [[nodiscard]] std::filesystem::path dir() const { return dir_; }

  /// Opens read-write, failing the test on error.
  quotecheck::db::store open(quotecheck::db::open_mode mode = quotecheck::db::open_mode::read_write) const {
    auto s = quotecheck::db::store::open(path_, mode);
    INFO((s.ok() ? std::string() : s.err().message));
    REQUIRE(s.ok());
    return std::move(s.value());
  }

private:
  std::filesystem::path dir_;
  std::string path_;
};

/// Imports JSONL text, failing the test on error.
inline quotecheck::db::import_report import_jsonl(quotecheck::db::store &s, const std::string &text) {
  quotecheck::db::import_options o;
  o.format = quotecheck::db::import_format::jsonl;
  auto r = quotecheck::db::import_text(s, text, "test.jsonl", o);
  INFO((r.ok() ? std::string() : r.err().message));
  REQUIRE(r.ok());
  return r.value();
}

} // namespace qc_test
