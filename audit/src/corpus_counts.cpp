/// count_corpus: the most quoted speakers and the quotations seen in several
/// documents, counted in C++ over sorted scans of the quotes table that run
/// at once on their own read connections: one for the speakers, two for the
/// quotations (each half of the group keys).

#include <quotecheck/audit/report.hpp>

#include "drift.hpp"
#include "sql_rows.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <thread>

namespace quotecheck::audit {

namespace {

///////////////////////////////////////////////////////////////////////////
// Read connections
///////////////////////////////////////////////////////////////////////////

/// Closes a connection this file opened.
struct connection_closer {
  void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using connection = std::unique_ptr<sqlite3, connection_closer>;

/// A read-only connection to the file of `writer`, or null when it has none
/// (an in-memory state) or it cannot be opened: the caller then counts on
/// `writer` itself. WAL readers see every committed row and never block the
/// writer or each other.
connection open_reader(sqlite3 *writer) {
  const char *file = sqlite3_db_filename(writer, "main");
  if (file == nullptr || *file == '\0') {
    return nullptr;
  }
  sqlite3 *db = nullptr;
  const int rc = sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  connection c(db);
  if (rc != SQLITE_OK) {
    return nullptr;
  }
  sqlite3_busy_timeout(db, 5000);
  // A scan reads each page once, so a small page cache loses nothing; the
  // sort keeps as much in memory (at least 250 pages), then spills to
  // temporary files: memory stays bounded whatever the corpus. A 16 MiB cache
  // doubled the time of both counts, in page faults for memory used once.
  sqlite3_exec(db, "PRAGMA cache_size = -2048", nullptr, nullptr, nullptr);
  return c;
}

///////////////////////////////////////////////////////////////////////////
// The counts
///////////////////////////////////////////////////////////////////////////

/// The `limit` most quoted named speakers. SQLite sorts, C++ counts: a
/// GROUP BY costs thousands of instructions per group, and a corpus has a
/// group per speaker.
result<std::vector<speaker_total>> top_speakers(sqlite3 *db, std::int64_t limit) {
  std::vector<speaker_total> all;
  detail::sql_rows q(db, "SELECT speaker, doc_id, COALESCE(speaker_type, '') FROM quotes "
                         "WHERE speaker IS NOT NULL AND speaker <> '' ORDER BY speaker, doc_id");
  std::string last_doc;
  while (q.step()) {
    std::string name = q.text(0);
    std::string doc = q.text(1);
    std::string type = q.text(2);
    if (all.empty() || all.back().name != name) {
      all.push_back({std::move(name), std::move(type), 0, 0});
      last_doc.clear();
    } else if (type > all.back().type) {
      all.back().type = std::move(type);
    }
    speaker_total &c = all.back();
    ++c.quotes;
    if (c.documents == 0 || doc != last_doc) {
      ++c.documents;
      last_doc = std::move(doc);
    }
  }
  if (!q.ok()) {
    return q.err();
  }
  const auto first = [](const speaker_total &a, const speaker_total &b) {
    return a.quotes != b.quotes ? a.quotes > b.quotes : a.name < b.name;
  };
  const auto n =
      std::min<std::size_t>(all.size(), static_cast<std::size_t>(std::max<std::int64_t>(limit, 0)));
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), first);
  all.resize(n);
  return all;
}

/// The order of the most widespread quotations: most documents, then most
/// sightings, then the smaller key (a total order, so any split of the keys
/// ranks the same).
bool more_widespread(const group_total &a, const group_total &b) {
  if (a.documents != b.documents) {
    return a.documents > b.documents;
  }
  return a.sightings != b.sightings ? a.sightings > b.sightings : a.group_key < b.group_key;
}

/// Where the group keys are split between the two scans: the text keys
/// ("t:" and 16 hex digits of a hash) are spread evenly on both sides of it,
/// and the few statement keys ("s:") fall below. Only the balance of the two
/// scans depends on it, not their result: every key is on one side.
constexpr std::string_view group_key_split = "t:8";

/// Which group keys a scan counts.
enum class key_half { all, below_split, from_split };

/// Repeated quotations among the keys of one half.
struct group_counts {
  std::int64_t repeated = 0;
  std::vector<group_total> top; ///< at most `limit`, most widespread first
};

/// Quotations in several documents among the keys of `half`: how many, and
/// the `limit` most widespread. One sorted scan; a group is repeated when it
/// holds a second doc id. Only the kept groups are held, in a heap of at
/// most `limit`.
result<group_counts> repeated_groups(sqlite3 *db, std::int64_t limit, key_half half) {
  std::string sql = "SELECT group_key, doc_id, COALESCE(outlet, '') FROM quotes";
  if (half != key_half::all) {
    sql += half == key_half::below_split ? " WHERE group_key < ?1" : " WHERE group_key >= ?1";
  }
  sql += " ORDER BY group_key, doc_id";
  detail::sql_rows q(db, sql.c_str());
  if (half != key_half::all) {
    q.bind(1, group_key_split);
  }
  group_counts out;
  const auto keep = static_cast<std::size_t>(std::max<std::int64_t>(limit, 0));
  std::vector<group_total> heap; // the worst kept group at the front
  group_total g;
  std::string last_doc;
  std::vector<std::string> outlets;
  const auto close_group = [&] {
    if (g.documents < 2) {
      return;
    }
    ++out.repeated;
    std::sort(outlets.begin(), outlets.end());
    g.outlets = std::unique(outlets.begin(), outlets.end()) - outlets.begin();
    if (heap.size() < keep) {
      heap.push_back(g);
      std::push_heap(heap.begin(), heap.end(), more_widespread);
    } else if (keep > 0 && more_widespread(g, heap.front())) {
      std::pop_heap(heap.begin(), heap.end(), more_widespread);
      heap.back() = g;
      std::push_heap(heap.begin(), heap.end(), more_widespread);
    }
  };
  bool any = false;
  while (q.step()) {
    std::string key = q.text(0);
    std::string doc = q.text(1);
    std::string outlet = q.text(2);
    if (!any || key != g.group_key) {
      if (any) {
        close_group();
      }
      any = true;
      g = group_total{};
      g.group_key = std::move(key);
      last_doc.clear();
      outlets.clear();
    }
    ++g.sightings;
    if (g.documents == 0 || doc != last_doc) {
      ++g.documents;
      last_doc = std::move(doc);
    }
    if (!outlet.empty()) {
      outlets.push_back(std::move(outlet));
    }
  }
  if (any) {
    close_group();
  }
  if (!q.ok()) {
    return q.err();
  }
  std::sort_heap(heap.begin(), heap.end(), more_widespread);
  out.top = std::move(heap);
  return out;
}

/// The connections the counts run on: three read connections, or the
/// state's own three times when it has no file to open again.
struct readers {
  connection speakers, below, from;
  sqlite3 *fallback = nullptr;

  explicit readers(const state &s)
      : speakers(open_reader(s.handle())), below(open_reader(s.handle())), from(open_reader(s.handle())) {
    if (speakers == nullptr || below == nullptr || from == nullptr) {
      fallback = s.handle();
    }
  }
};

/// Both counts: on three threads over the three read connections, or one
/// after the other on the fallback connection (with the keys unsplit). The
/// sightings of the kept groups are loaded once both halves are merged.
result<corpus_counts> count_on(const readers &r) {
  corpus_counts out;
  result<std::vector<speaker_total>> speakers = std::vector<speaker_total>{};
  result<group_counts> below = group_counts{}, from = group_counts{};
  sqlite3 *groups_db = r.fallback;
  if (r.fallback == nullptr) {
    std::thread speaker_counter([&] { speakers = top_speakers(r.speakers.get(), counted_speakers); });
    std::thread below_counter(
        [&] { below = repeated_groups(r.below.get(), counted_groups, key_half::below_split); });
    from = repeated_groups(r.from.get(), counted_groups, key_half::from_split);
    below_counter.join();
    speaker_counter.join();
    groups_db = r.from.get();
  } else {
    speakers = top_speakers(r.fallback, counted_speakers);
    below = repeated_groups(r.fallback, counted_groups, key_half::all);
  }
  if (!speakers.ok()) {
    return speakers.err();
  }
  if (!below.ok()) {
    return below.err();
  }
  if (!from.ok()) {
    return from.err();
  }
  out.top_speakers = std::move(speakers.value());
  out.repeated = below.value().repeated + from.value().repeated;
  std::vector<group_total> &top = out.top_groups;
  top.resize(below.value().top.size() + from.value().top.size());
  std::merge(std::make_move_iterator(below.value().top.begin()),
             std::make_move_iterator(below.value().top.end()),
             std::make_move_iterator(from.value().top.begin()),
             std::make_move_iterator(from.value().top.end()), top.begin(), more_widespread);
  top.resize(std::min<std::size_t>(top.size(), static_cast<std::size_t>(counted_groups)));
  if (auto loaded = detail::load_sightings(groups_db, top, counted_sightings); !loaded.ok()) {
    return loaded.err();
  }
  return out;
}

} // namespace

result<corpus_counts> count_corpus(const state &s) { return count_on(readers(s)); }

result<corpus_counts> index_and_count(state &s) {
  const readers r(s);
  if (r.fallback != nullptr) {
    if (auto indexed = s.index_for_reports(); !indexed.ok()) {
      return indexed.err();
    }
    return count_on(r);
  }
  // The readers see the rows committed before they start, and the index
  // build adds none: the counts are the same as after it.
  result<corpus_counts> counts = corpus_counts{};
  std::thread counter([&] { counts = count_on(r); });
  const result<void> indexed = s.index_for_reports();
  counter.join();
  if (!indexed.ok()) {
    return indexed.err();
  }
  return counts;
}

} // namespace quotecheck::audit
