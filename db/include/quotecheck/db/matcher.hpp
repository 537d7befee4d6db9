#pragma once
/// Finding the stored statements a piece of text comes from: full-text
/// candidates (FTS5, bm25) re-ranked by word alignment.

#include <quotecheck/db/align.hpp>
#include <quotecheck/db/records.hpp>
#include <quotecheck/db/store.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::db {

/// A stored statement with how well the text matches it.
struct match {
  statement stmt;
  std::int64_t speaker_id = 0;
  double score = 0; ///< alignment score in [0, 1]
  double bm25 = 0;  ///< FTS5 rank (lower is better), for tie-breaking
  alignment align;  ///< the word alignment (diff, coverage)
};

/// The FTS5 query for a quotation: its content words (stopwords dropped
/// unless nothing else is left), each double-quoted with '"' doubled, joined
/// by OR. Empty when the quote has no words.
std::string fts_query(const std::vector<quote_token> &quote);

/// Up to `limit` candidate statements for the tokens, ranked by bm25 and then
/// aligned and sorted by score (best first). With `speaker_ids`, only those
/// speakers' statements are considered. One FTS probe.
result<std::vector<match>> find_candidates(const store &s, const std::vector<quote_token> &quote,
                                           const std::vector<std::int64_t> *speaker_ids, std::size_t limit);

/// Who said these words, when and where: the stored statements matching
/// `text`, best first, at most `limit`. `speaker` (name or alias, may be
/// empty) restricts the search to that speaker; an unknown speaker gives no matches.
result<std::vector<match>> lookup(const store &s, std::string_view text, std::string_view speaker = {},
                                  std::size_t limit = 10);

} // namespace quotecheck::db
