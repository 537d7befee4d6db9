#include "suppressions.hpp"
#include "text_util.hpp"

#include <algorithm>

namespace quotecheck::cli {

namespace {
constexpr std::string_view html_open = "<!--";
constexpr std::string_view html_close = "-->";
constexpr std::string_view md_open = "[//]: # (";
constexpr std::string_view prefix = "quotecheck-";

/// "a, b c" -> {"a", "b", "c"}.
std::vector<std::string> split_rules(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == ',')) {
      ++i;
    }
    std::size_t j = i;
    while (j < s.size() && !is_space(s[j]) && s[j] != ',') {
      ++j;
    }
    if (j > i) {
      out.emplace_back(s.substr(i, j - i));
    }
    i = j;
  }
  return out;
}
} // namespace

suppressions::suppressions(std::string_view text) {
  std::size_t i = 0;
  std::size_t next_html = text.find(html_open);
  std::size_t next_md = text.find(md_open);
  while (true) {
    if (next_html != npos && next_html < i) {
      next_html = text.find(html_open, i);
    }
    if (next_md != npos && next_md < i) {
      next_md = text.find(md_open, i);
    }
    const std::size_t at = std::min(next_html, next_md);
    if (at == npos) {
      break;
    }
    const bool html = at == next_html;
    const std::size_t body_begin = at + (html ? html_open.size() : md_open.size());
    std::size_t close = npos;
    if (html) {
      close = text.find(html_close, body_begin);
    } else {
      // A Markdown comment ends at the ')' that closes the line.
      const std::size_t eol = std::min(text.find('\n', body_begin), text.size());
      const std::size_t paren =
          eol > body_begin ? text.substr(body_begin, eol - body_begin).rfind(')') : npos;
      close = paren != npos ? body_begin + paren : npos;
    }
    if (close == npos) {
      i = body_begin; // an unclosed comment holds no directive
      continue;
    }
    const std::size_t after = close + (html ? html_close.size() : 1);
    directive(trim(text.substr(body_begin, close - body_begin)), after, text);
    i = after;
  }
  finish(text.size());
}

void suppressions::directive(std::string_view body, std::size_t after, std::string_view text) {
  if (body.substr(0, prefix.size()) != prefix) {
    return;
  }
  body.remove_prefix(prefix.size());
  std::size_t word_end = 0;
  while (word_end < body.size() && !is_space(body[word_end])) {
    ++word_end;
  }
  const std::string_view word = body.substr(0, word_end);
  const std::vector<std::string> rules = split_rules(body.substr(word_end));
  if (word == "disable") {
    if (rules.empty()) {
      if (all_open_ == npos) {
        all_open_ = after;
      }
    } else {
      for (const std::string &r : rules) {
        open_.try_emplace(r, after);
      }
    }
  } else if (word == "enable") {
    if (rules.empty()) {
      if (all_open_ != npos) {
        all_.push_back({all_open_, after});
        all_open_ = npos;
      }
      for (const auto &[r, begin] : open_) {
        add(r, {begin, after});
      }
      open_.clear();
    } else {
      for (const std::string &r : rules) {
        if (auto it = open_.find(r); it != open_.end()) {
          add(r, {it->second, after});
          open_.erase(it);
        }
      }
    }
  } else if (word == "disable-next-line") {
    // The line after the one the comment ends on. Comments on one line share
    // the answer, so long lines are walked once.
    if (cached_from_ == npos || after < cached_from_ || after >= cached_begin_) {
      const std::size_t eol = text.find('\n', after);
      cached_begin_ = eol == npos ? text.size() : eol + 1;
      const std::size_t next_eol = eol == npos ? npos : text.find('\n', cached_begin_);
      cached_end_ = next_eol == npos ? text.size() : next_eol + 1;
      cached_from_ = after;
    }
    if (after < cached_begin_) {
      const range r{cached_begin_, cached_end_};
      if (rules.empty()) {
        all_.push_back(r);
      } else {
        for (const std::string &rule : rules) {
          add(rule, r);
        }
      }
    }
  }
}

void suppressions::add(const std::string &rule, range r) { by_rule_[rule].push_back(r); }

void suppressions::finish(std::size_t text_size) {
  if (all_open_ != npos) {
    all_.push_back({all_open_, text_size + 1});
    all_open_ = npos;
  }
  for (const auto &[r, begin] : open_) {
    add(r, {begin, text_size + 1});
  }
  open_.clear();
  // Sort and merge so that a query is one binary search.
  auto normalise = [](std::vector<range> &v) {
    std::sort(v.begin(), v.end(), [](const range &a, const range &b) { return a.begin < b.begin; });
    std::vector<range> merged;
    for (const range &r : v) {
      if (!merged.empty() && r.begin <= merged.back().end) {
        merged.back().end = std::max(merged.back().end, r.end);
      } else {
        merged.push_back(r);
      }
    }
    v = std::move(merged);
  };
  normalise(all_);
  for (auto &[rule, v] : by_rule_) {
    normalise(v);
  }
}

bool suppressions::covers(const std::vector<range> &ranges, std::size_t offset) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), offset,
                             [](std::size_t o, const range &r) { return o < r.begin; });
  if (it == ranges.begin()) {
    return false;
  }
  --it;
  return offset >= it->begin && offset < it->end;
}

bool suppressions::suppressed(std::string_view rule, std::size_t offset) const {
  if (covers(all_, offset)) {
    return true;
  }
  if (by_rule_.empty()) {
    return false;
  }
  auto it = by_rule_.find(std::string(rule));
  return it != by_rule_.end() && covers(it->second, offset);
}

} // namespace quotecheck::cli
