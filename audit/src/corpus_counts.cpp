/// count_corpus: the most quoted speakers and the quotations seen in several
/// documents, counted in C++ over two sorted scans of the quotes table that
/// run at once on their own read connections.

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

/// Quotations in several documents: how many, and the `limit` most
/// widespread with their first sightings. One sorted scan; a group is
/// repeated when it holds a second doc id. Only the kept groups are held, in
/// a heap of at most `limit`.
result<void> repeated_groups(sqlite3 *db, std::int64_t limit, corpus_counts &out) {
  detail::sql_rows q(db,
                     "SELECT group_key, doc_id, COALESCE(outlet, '') FROM quotes ORDER BY group_key, doc_id");
  // Most documents, then most sightings, then the smaller key.
  const auto before = [](const group_total &a, const group_total &b) {
    if (a.documents != b.documents) {
      return a.documents > b.documents;
    }
    return a.sightings != b.sightings ? a.sightings > b.sightings : a.group_key < b.group_key;
  };
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
      std::push_heap(heap.begin(), heap.end(), before);
    } else if (keep > 0 && before(g, heap.front())) {
      std::pop_heap(heap.begin(), heap.end(), before);
      heap.back() = g;
      std::push_heap(heap.begin(), heap.end(), before);
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
  std::sort_heap(heap.begin(), heap.end(), before);
  out.top_groups = std::move(heap);
  return detail::load_sightings(db, out.top_groups, counted_sightings);
}

/// Both counts, on `speakers_db` and `groups_db`: at once on two threads
/// when they differ, else one after the other.
result<corpus_counts> count_on(sqlite3 *speakers_db, sqlite3 *groups_db) {
  corpus_counts out;
  result<std::vector<speaker_total>> speakers = std::vector<speaker_total>{};
  result<void> groups;
  if (speakers_db != groups_db) {
    std::thread counter([&] { speakers = top_speakers(speakers_db, counted_speakers); });
    groups = repeated_groups(groups_db, counted_groups, out);
    counter.join();
  } else {
    speakers = top_speakers(speakers_db, counted_speakers);
    groups = repeated_groups(groups_db, counted_groups, out);
  }
  if (!speakers.ok()) {
    return speakers.err();
  }
  if (!groups.ok()) {
    return groups.err();
  }
  out.top_speakers = std::move(speakers.value());
  return out;
}

} // namespace

result<corpus_counts> count_corpus(const state &s) {
  const connection speakers_db = open_reader(s.handle());
  const connection groups_db = open_reader(s.handle());
  if (speakers_db == nullptr || groups_db == nullptr) {
    return count_on(s.handle(), s.handle());
  }
  return count_on(speakers_db.get(), groups_db.get());
}

result<corpus_counts> index_and_count(state &s) {
  const connection speakers_db = open_reader(s.handle());
  const connection groups_db = open_reader(s.handle());
  if (speakers_db == nullptr || groups_db == nullptr) {
    if (auto r = s.index_for_reports(); !r.ok()) {
      return r.err();
    }
    return count_on(s.handle(), s.handle());
  }
  // The readers see the rows committed before they start, and the index
  // build adds none: the counts are the same as after it.
  result<corpus_counts> counts = corpus_counts{};
  std::thread counter([&] { counts = count_on(speakers_db.get(), groups_db.get()); });
  const result<void> indexed = s.index_for_reports();
  counter.join();
  if (!indexed.ok()) {
    return indexed.err();
  }
  return counts;
}

} // namespace quotecheck::audit
