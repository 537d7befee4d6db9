#pragma once
/// Word-level alignment of a quotation against a stored statement: how much
/// of the quote the statement supports, which part of the statement it covers,
/// and the word diff (the `diff` of a verdict).

#include <quotecheck/db/normalize.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::db {

/// One run of a word diff. `equal`: words in both (as the quote writes them,
/// or an editorial gap of the quote); `remove`: words of the statement missing
/// from the quote (JSON "delete"); `insert`: words of the quote not in the statement.
struct diff_op {
  enum class kind : unsigned char { equal, insert, remove };
  kind op = kind::equal;
  std::string text;
  friend bool operator==(const diff_op &, const diff_op &) = default;
};

/// The JSON name of an op: "equal", "insert" or "delete".
std::string_view to_string(diff_op::kind op);

/// A word diff on one line, as wdiff and git write it: "we [-upgrade-]
/// {+improve+} our partnership". For terminals and lint messages.
std::string inline_diff(const std::vector<diff_op> &diff);

/// The result of aligning a quote with a statement.
struct alignment {
  double score = 0;         ///< 2m / (2m + inserted + removed): 1 for an exact match, 0 for nothing
  std::size_t matched = 0;  ///< quote words found in the statement, in order
  std::size_t inserted = 0; ///< quote words not in the statement
  std::size_t removed = 0;  ///< statement words inside the covered span missing from the quote
  std::size_t quote_words = 0;
  std::size_t statement_words = 0;
  std::size_t cover_begin = 0; ///< first statement word the quote covers (gaps included)
  std::size_t cover_end = 0;   ///< one past the last
  std::vector<diff_op> diff;   ///< over the covered span; deletes before inserts in a change

  /// Every quote word matched and nothing dropped inside the covered span.
  [[nodiscard]] bool exact() const { return matched > 0 && inserted == 0 && removed == 0; }
  /// The quote spans the whole statement (editorial gaps count as covering).
  [[nodiscard]] bool whole() const { return cover_begin == 0 && cover_end == statement_words; }
};

/// Aligns quote tokens with statement words (a fitting alignment: statement
/// words before and after the quoted passage cost nothing; an ellipsis in the
/// quote absorbs any run of statement words and a [bracketed insertion] up to
/// five; a quote word missing from the statement costs two, a statement word
/// missing from the quote one). Quadratic in the two lengths; statements are
/// cut at 20,000 words and quotes at 2,000.
alignment align(const std::vector<quote_token> &quote, const std::vector<word> &statement);

/// Convenience: tokenises both texts and aligns them.
alignment align_text(std::string_view quote, std::string_view statement);

} // namespace quotecheck::db
