#include "lookup_memo.hpp"

#include "sql.hpp"

namespace quotecheck::db::detail {

/// Bounds each map: a corpus run meets a few hundred thousand distinct words.
constexpr std::size_t k_max_entries = 1 << 18;

result<void> lookup_memo::refresh(const store &s) {
  const std::int64_t own = sqlite3_total_changes64(s.handle());
  std::int64_t version = data_version_;
  if (pinned_ && own == own_changes_) {
    return {};
  }
  if (s.mode() != open_mode::immutable) { // nobody writes to an immutable copy
    query q(s, "PRAGMA data_version");
    if (!q.step()) {
      return q.err().code != error_code::ok ? q.err() : error{error_code::db_error, "no data_version", 0};
    }
    version = q.integer(0);
  }
  if (version != data_version_ || own != own_changes_) {
    terms_.clear();
    speakers_.clear();
    data_version_ = version;
    own_changes_ = own;
  }
  return {};
}

result<bool> lookup_memo::term_present(const store &s, const std::string &fts_phrase) {
  if (auto it = terms_.find(fts_phrase); it != terms_.end()) {
    return it->second;
  }
  std::optional<bool> found = shared_ ? shared_->term(fts_phrase) : std::nullopt;
  if (!found) {
    query q(s, "SELECT 1 FROM statements_fts WHERE statements_fts MATCH ?1 LIMIT 1");
    q.bind(1, fts_phrase);
    found = q.step();
    if (q.err().code != error_code::ok) {
      return q.err();
    }
    if (shared_) {
      shared_->remember_term(fts_phrase, *found);
    }
  }
  if (terms_.size() >= k_max_entries) {
    terms_.clear();
  }
  terms_.emplace(fts_phrase, *found);
  return *found;
}

const std::vector<std::int64_t> *lookup_memo::speakers(const std::string &key) const {
  auto it = speakers_.find(key);
  return it == speakers_.end() ? nullptr : &it->second;
}

void lookup_memo::remember_speakers(std::string key, std::vector<std::int64_t> ids) {
  if (speakers_.size() >= k_max_entries) {
    speakers_.clear();
  }
  speakers_.insert_or_assign(std::move(key), std::move(ids));
}

} // namespace quotecheck::db::detail

namespace quotecheck::db {

std::shared_ptr<shared_lookups> make_shared_lookups() { return std::make_shared<shared_lookups>(); }

std::optional<bool> shared_lookups::term(const std::string &fts_phrase) {
  const std::lock_guard lock(mutex_);
  if (auto it = terms_.find(fts_phrase); it != terms_.end()) {
    return it->second;
  }
  return std::nullopt;
}

void shared_lookups::remember_term(const std::string &fts_phrase, bool present) {
  const std::lock_guard lock(mutex_);
  if (terms_.size() >= detail::k_max_entries) {
    terms_.clear();
  }
  terms_.emplace(fts_phrase, present);
}

} // namespace quotecheck::db
