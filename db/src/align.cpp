#include <quotecheck/db/align.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace quotecheck::db {

std::string_view to_string(diff_op::kind op) {
  switch (op) {
  case diff_op::kind::equal: return "equal";
  case diff_op::kind::insert: return "insert";
  case diff_op::kind::remove: return "delete";
  }
  return "equal";
}

namespace {

constexpr std::size_t k_max_statement = 20000;
constexpr std::size_t k_max_quote = 2000;

/// Back-pointers of the dynamic programme.
/// A bracket that replaced k statement words is stored as bracket_base + k.
enum step : std::uint8_t { start, match, ins, del, gap_skip, gap_pass, bracket_base };
constexpr std::size_t k_max_bracket = 5;

/// Cost packs (edits, -matches) so that ties prefer more matched words. A
/// quote word the statement lacks weighs twice a statement word the quote
/// drops: words put in a speaker's mouth are the graver change, and the
/// weighting keeps a changed word aligned as delete+insert beside its
/// neighbours ("Russia isn't" vs "Russia is not") instead of an insert-only run.
using cost_t = std::int64_t;
constexpr cost_t k_edit = 1 << 16;
constexpr cost_t k_insert = 2 * k_edit;
constexpr cost_t k_inf = std::numeric_limits<cost_t>::max() / 4;

void push(std::vector<diff_op> &diff, diff_op::kind op, const std::string &text) {
  if (!diff.empty() && diff.back().op == op) {
    diff.back().text += ' ';
    diff.back().text += text;
  } else {
    diff.push_back(diff_op{op, text});
  }
}

/// Within each run of changes, put deletions before insertions.
std::vector<diff_op> order_changes(std::vector<std::pair<diff_op::kind, const std::string *>> &ops) {
  std::vector<diff_op> out;
  std::size_t i = 0;
  while (i < ops.size()) {
    if (ops[i].first == diff_op::kind::equal) {
      push(out, ops[i].first, *ops[i].second);
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < ops.size() && ops[j].first != diff_op::kind::equal)
      ++j;
    for (std::size_t k = i; k < j; ++k)
      if (ops[k].first == diff_op::kind::remove)
        push(out, diff_op::kind::remove, *ops[k].second);
    for (std::size_t k = i; k < j; ++k)
      if (ops[k].first == diff_op::kind::insert)
        push(out, diff_op::kind::insert, *ops[k].second);
    i = j;
  }
  return out;
}

} // namespace

alignment align(const std::vector<quote_token> &quote_in, const std::vector<word> &statement_in) {
  const std::size_t m = std::min(quote_in.size(), k_max_quote);
  const std::size_t n = std::min(statement_in.size(), k_max_statement);
  const auto &q = quote_in;
  const auto &s = statement_in;

  alignment a;
  a.statement_words = statement_in.size();
  for (std::size_t i = 0; i < m; ++i)
    a.quote_words += q[i].type == quote_token::kind::word;

  // Two rolling cost rows, a full table of back-pointers.
  std::vector<cost_t> prev(n + 1, 0), cur(n + 1, 0);
  std::vector<std::uint8_t> back((m + 1) * (n + 1), start);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint8_t & { return back[i * (n + 1) + j]; };

  for (std::size_t i = 1; i <= m; ++i) {
    const bool gap = q[i - 1].type == quote_token::kind::gap;
    // Column 0: the quote so far against no statement words.
    cur[0] = gap ? prev[0] : prev[0] + k_insert;
    at(i, 0) = gap ? gap_pass : ins;
    for (std::size_t j = 1; j <= n; ++j) {
      if (gap && q[i - 1].elision) {
        // An ellipsis absorbs any run of statement words; on a tie it takes none.
        cost_t pass = prev[j];
        cost_t skip = cur[j - 1];
        if (skip < pass) {
          cur[j] = skip;
          at(i, j) = gap_skip;
        } else {
          cur[j] = pass;
          at(i, j) = gap_pass;
        }
        continue;
      }
      if (gap) {
        // A bracketed insertion stands for a few words (the ones it replaces);
        // on a tie it takes as many as it can, up to k_max_bracket.
        std::size_t best_k = 0;
        cost_t best_cost = prev[j];
        for (std::size_t k = 1; k <= std::min(j, k_max_bracket); ++k) {
          if (prev[j - k] <= best_cost) {
            best_cost = prev[j - k];
            best_k = k;
          }
        }
        cur[j] = best_cost;
        at(i, j) = static_cast<std::uint8_t>(best_k == 0 ? std::size_t{gap_pass} : bracket_base + best_k);
        continue;
      }
      cost_t best = prev[j] + k_insert; // quote word not in the statement
      std::uint8_t how = ins;
      cost_t d = cur[j - 1] + k_edit; // statement word missing from the quote
      if (d < best) {
        best = d;
        how = del;
      }
      if (q[i - 1].key == s[j - 1].key) {
        cost_t mt = prev[j - 1] - 1;
        if (mt <= best) {
          best = mt;
          how = match;
        }
      }
      cur[j] = best;
      at(i, j) = how;
    }
    std::swap(prev, cur);
  }

  // Free end: the best column of the last row (prev holds row m).
  std::size_t end = 0;
  cost_t best = k_inf;
  for (std::size_t j = 0; j <= n; ++j) {
    if (prev[j] < best) {
      best = prev[j];
      end = j;
    }
  }
  if (m == 0) {
    a.cover_begin = a.cover_end = 0;
    return a;
  }

  // Walk back, collecting ops in reverse.
  std::vector<std::pair<diff_op::kind, const std::string *>> ops;
  std::size_t i = m, j = end;
  std::size_t lo = end, hi = end;
  bool covered_any = false;
  auto touch = [&](std::size_t col) { // statement word index col-1 is covered
    lo = std::min(lo, col - 1);
    hi = covered_any ? hi : col;
    covered_any = true;
  };
  while (i > 0) {
    switch (at(i, j)) {
    case match:
      ops.emplace_back(diff_op::kind::equal, &q[i - 1].text);
      ++a.matched;
      touch(j);
      --i;
      --j;
      break;
    case ins:
      ops.emplace_back(diff_op::kind::insert, &q[i - 1].text);
      ++a.inserted;
      --i;
      break;
    case del:
      ops.emplace_back(diff_op::kind::remove, &s[j - 1].text);
      ++a.removed;
      touch(j);
      --j;
      break;
    case gap_skip:
      touch(j);
      --j;
      break;
    case gap_pass:
      ops.emplace_back(diff_op::kind::equal, &q[i - 1].text);
      --i;
      break;
    default: {
      std::size_t k = at(i, j) - bracket_base;
      if (at(i, j) <= bracket_base || k > j) {
        i = 0;
        break;
      }
      ops.emplace_back(diff_op::kind::equal, &q[i - 1].text);
      for (std::size_t c = 0; c < k; ++c)
        touch(j - c);
      j -= k;
      --i;
      break;
    }
    }
  }
  std::reverse(ops.begin(), ops.end());
  // Removals at either end of the covered span are really words outside the
  // quoted passage; the fitting alignment never produces them, but a gap at an
  // end can: a leading/trailing gap covers the words it skips (an ellipsis
  // announces the omission), so the span is kept as walked.
  a.cover_begin = covered_any ? lo : end;
  a.cover_end = covered_any ? hi : end;
  a.diff = order_changes(ops);
  const double m2 = 2.0 * static_cast<double>(a.matched);
  const double denom = m2 + static_cast<double>(a.inserted + a.removed);
  a.score = denom > 0 ? m2 / denom : 0.0;
  return a;
}

alignment align_text(std::string_view quote, std::string_view statement) {
  return align(tokenize_quote(quote), split_words(statement));
}

std::string inline_diff(const std::vector<diff_op> &diff) {
  std::string s;
  for (const diff_op &d : diff) {
    if (!s.empty()) {
      s += ' ';
    }
    switch (d.op) {
    case diff_op::kind::equal: s += d.text; break;
    case diff_op::kind::insert: s += "{+" + d.text + "+}"; break;
    case diff_op::kind::remove: s += "[-" + d.text + "-]"; break;
    }
  }
  return s;
}

} // namespace quotecheck::db
