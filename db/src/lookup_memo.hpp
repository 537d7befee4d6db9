#pragma once
/// What a store has already looked up, remembered per connection until the
/// statements may have changed.
///
/// - Which search terms occur in the statements at all. A candidate probe ORs
///   every combination of a quote's longest words; a combination holding a
///   word no statement has cannot match, and leaving it out of the query
///   changes no result (bm25 only scales) while it spares FTS5 a posting-list
///   seek per segment. Most words of a news quote are in no statement of a
///   small or topical database, so most probes vanish.
/// - Which speakers a name (with its aliases) resolves to: every quote of an
///   article by the same person asks again.

#include <quotecheck/db/store.hpp>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace quotecheck::db {

/// The terms several immutable stores have looked up (store.hpp), under a
/// lock: taken only when a store's own memo does not know a term.
class shared_lookups {
public:
  /// Whether `fts_phrase` is known, and if so whether a statement holds it.
  std::optional<bool> term(const std::string &fts_phrase);
  void remember_term(const std::string &fts_phrase, bool present);

private:
  std::mutex mutex_;
  std::unordered_map<std::string, bool> terms_;
};

} // namespace quotecheck::db

namespace quotecheck::db::detail {

class lookup_memo {
public:
  /// Forgets everything when the database may have changed since the last
  /// call: another connection committed (`PRAGMA data_version`) or this one wrote.
  /// Inside a pinned read transaction (read_snapshot) nothing can change but
  /// this connection's own writes, so the check costs no query.
  result<void> refresh(const store &s);

  /// Pins (or unpins) the memo to the read transaction just begun (ended).
  void pin(bool pinned) { pinned_ = pinned; }

  /// Whether any statement holds `fts_phrase` (an FTS5 phrase, double-quoted).
  result<bool> term_present(const store &s, const std::string &fts_phrase);

  /// Asks `with` before the database about a term this memo does not know.
  void share(std::shared_ptr<shared_lookups> with) { shared_ = std::move(with); }

  /// The remembered speaker ids for `key`, or nullptr.
  [[nodiscard]] const std::vector<std::int64_t> *speakers(const std::string &key) const;
  void remember_speakers(std::string key, std::vector<std::int64_t> ids);

private:
  std::unordered_map<std::string, bool> terms_;
  std::unordered_map<std::string, std::vector<std::int64_t>> speakers_;
  std::shared_ptr<shared_lookups> shared_; ///< only for an immutable store
  std::int64_t data_version_ = -1;
  std::int64_t own_changes_ = -1;
  bool pinned_ = false;
};

/// The store's own memo (one per connection, so one per worker thread).
lookup_memo &lookup_memo_of(const store &s);

} // namespace quotecheck::db::detail
