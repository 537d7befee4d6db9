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

/// The content words of a quotation as written (stopwords dropped unless
/// nothing else is left), each once.
std::vector<std::string> content_terms(const std::vector<quote_token> &quote);

/// The FTS5 query for all content words of a quotation: each double-quoted
/// (a '"' doubled), so FTS5 syntax in the text is just text; joined by OR.
/// Empty when the quote has no words.
std::string fts_query(const std::vector<quote_token> &quote);

/// An FTS5 query asking for statements sharing at least `shared` of the
/// quote's `max_terms` longest content words (longer words are rarer, so they
/// identify a statement and have short posting lists): every combination of
/// `shared` words ANDed, the combinations ORed. Ranking a small intersection
/// by bm25 costs a few milliseconds where ranking the union of common words'
/// posting lists in a large database costs hundreds.
std::string candidate_query(const std::vector<quote_token> &quote, std::size_t shared,
                            std::size_t max_terms = 6);

/// How find_candidates probes.
struct candidate_options {
  std::size_t shared_words = 3; ///< first probe: statements sharing this many of the longest words
  std::size_t max_terms = 6;    ///< longest content words considered
  double good_enough = 0.6;     ///< stop probing once a candidate aligns this well
};

/// Up to `limit` candidate statements per probe, ranked by bm25 and then
/// aligned and sorted by score (best first). With `speaker_ids`, only those
/// speakers' statements are considered. Probes with candidate_query, first
/// for `shared_words` shared words, then fewer, until a candidate aligns
/// `good_enough` (one probe for a faithful quote; never below two shared
/// words for a quote of four or more content words).
result<std::vector<match>> find_candidates(const store &s, const std::vector<quote_token> &quote,
                                           const std::vector<std::int64_t> *speaker_ids, std::size_t limit,
                                           const candidate_options &options = {});

/// Who said these words, when and where: the stored statements matching
/// `text`, best first, at most `limit`. `speaker` (name or alias, may be
/// empty) restricts the search to that speaker; an unknown speaker gives no matches.
result<std::vector<match>> lookup(const store &s, std::string_view text, std::string_view speaker = {},
                                  std::size_t limit = 10);

} // namespace quotecheck::db
