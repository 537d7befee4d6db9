/// Masking Markdown markup, line by line, in one pass.

#include "markdown.hpp"

#include <algorithm>

namespace quotecheck::cli {

namespace {

/// Blanks [b, e) of `out`, keeping line ends.
void blank(std::string &out, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e && i < out.size(); ++i) {
    if (out[i] != '\n' && out[i] != '\r') {
      out[i] = ' ';
    }
  }
}

/// The first `ch` in [from, e), looking at most 2 KB ahead (link targets and
/// tags are short; the bound keeps a huge line linear), or npos.
std::size_t find_near(const std::string &s, char ch, std::size_t from, std::size_t e) {
  const std::size_t stop = std::min(e, from + 2048);
  for (std::size_t i = from; i < stop; ++i) {
    if (s[i] == ch) {
      return i;
    }
  }
  return std::string::npos;
}

bool is_fence(std::string_view line) {
  const auto p = line.find_first_not_of(' ');
  return p != std::string_view::npos && p < 4 &&
         (line.substr(p).starts_with("```") || line.substr(p).starts_with("~~~"));
}

/// Blanks the block markers at the start of a line: "# ", "> ", "- ", "* ", "1. ".
void mask_line_start(std::string &out, std::size_t b, std::size_t e) {
  std::size_t i = b;
  while (i < e) {
    while (i < e && out[i] == ' ') {
      ++i;
    }
    const std::size_t start = i;
    if (i < e && (out[i] == '#' || out[i] == '>')) {
      while (i < e && (out[i] == '#' || out[i] == '>')) {
        ++i;
      }
    } else if (i + 1 < e && (out[i] == '-' || out[i] == '*' || out[i] == '+') && out[i + 1] == ' ') {
      ++i;
    } else {
      std::size_t d = i;
      while (d < e && out[d] >= '0' && out[d] <= '9') {
        ++d;
      }
      if (d > i && d + 1 < e && (out[d] == '.' || out[d] == ')') && out[d + 1] == ' ') {
        i = d + 1;
      }
    }
    if (i == start) {
      return;
    }
    blank(out, start, i);
  }
}

/// Inline markup of one line: `code`, link targets, images, HTML tags.
void mask_inline(std::string &out, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e; ++i) {
    const char c = out[i];
    if (c == '`') {
      const std::size_t j = find_near(out, '`', i + 1, e);
      if (j != std::string::npos) {
        blank(out, i, j + 1);
        i = j;
      }
    } else if (c == '!' && i + 1 < e && out[i + 1] == '[') {
      // an image: alt text and target are not prose
      const std::size_t j = find_near(out, ']', i, e);
      if (j != std::string::npos && j + 1 < e && out[j + 1] == '(') {
        const std::size_t k = find_near(out, ')', j, e);
        if (k != std::string::npos) {
          blank(out, i, k + 1);
          i = k;
        }
      }
    } else if (c == ']' && i + 1 < e && out[i + 1] == '(') {
      // [text](target): keep the text, blank the brackets and the target
      const std::size_t k = find_near(out, ')', i, e);
      if (k != std::string::npos) {
        blank(out, i, k + 1);
        i = k;
      }
    } else if (c == '[' || c == '*' ||
               (c == '_' && (i == b || out[i - 1] == ' ' || out[i - 1] == '_' || i + 1 == e ||
                             out[i + 1] == ' ' || out[i + 1] == '_'))) {
      out[i] = ' '; // link openers and emphasis (**bold**, _italic_), not snake_case
    } else if (c == '<' && std::string_view(out).substr(i, 4) == "<!--") {
      // a comment (quotecheck suppressions are read from the source, not here)
      const std::size_t k = std::string_view(out).substr(i, std::min<std::size_t>(e - i, 4096)).find("-->");
      if (k != std::string_view::npos) {
        blank(out, i, i + k + 3);
        i += k + 2;
      }
    } else if (c == '<' && i + 1 < e && (out[i + 1] == '/' || (out[i + 1] >= 'a' && out[i + 1] <= 'z'))) {
      const std::size_t k = find_near(out, '>', i, e);
      if (k != std::string::npos) {
        blank(out, i, k + 1); // an HTML tag (comments start "<!" and are kept)
        i = k;
      }
    }
  }
}

} // namespace

std::string mask_markdown(std::string_view source) {
  std::string out(source);
  bool in_fence = false;
  std::size_t b = 0;
  while (b < out.size()) {
    std::size_t e = out.find('\n', b);
    if (e == std::string::npos) {
      e = out.size();
    }
    const std::string_view line(out.data() + b, e - b);
    if (is_fence(line)) {
      in_fence = !in_fence;
      blank(out, b, e);
    } else if (in_fence) {
      blank(out, b, e);
    } else {
      mask_line_start(out, b, e);
      mask_inline(out, b, e);
    }
    b = e + 1;
  }
  return out;
}

} // namespace quotecheck::cli
