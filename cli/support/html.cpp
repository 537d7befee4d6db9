/// HTML to prose at source offsets, with libgumbo.

#include "html.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <vector>

namespace quotecheck::cli {

namespace {

/// Elements whose text is not the article.
bool skipped(GumboTag tag) {
  switch (tag) {
  case GUMBO_TAG_HEAD:
  case GUMBO_TAG_SCRIPT:
  case GUMBO_TAG_STYLE:
  case GUMBO_TAG_NOSCRIPT:
  case GUMBO_TAG_TEMPLATE:
  case GUMBO_TAG_NAV:
  case GUMBO_TAG_HEADER:
  case GUMBO_TAG_FOOTER:
  case GUMBO_TAG_ASIDE:
  case GUMBO_TAG_FORM:
  case GUMBO_TAG_BUTTON:
  case GUMBO_TAG_SVG:
  case GUMBO_TAG_IFRAME: return true;
  default: return false;
  }
}

/// Elements that end a paragraph.
bool block(GumboTag tag) {
  switch (tag) {
  case GUMBO_TAG_P:
  case GUMBO_TAG_DIV:
  case GUMBO_TAG_BR:
  case GUMBO_TAG_LI:
  case GUMBO_TAG_BLOCKQUOTE:
  case GUMBO_TAG_H1:
  case GUMBO_TAG_H2:
  case GUMBO_TAG_H3:
  case GUMBO_TAG_H4:
  case GUMBO_TAG_H5:
  case GUMBO_TAG_H6:
  case GUMBO_TAG_TR:
  case GUMBO_TAG_TD:
  case GUMBO_TAG_SECTION:
  case GUMBO_TAG_ARTICLE:
  case GUMBO_TAG_FIGCAPTION:
  case GUMBO_TAG_UL:
  case GUMBO_TAG_OL:
  case GUMBO_TAG_TABLE:
  case GUMBO_TAG_PRE:
  case GUMBO_TAG_HR: return true;
  default: return false;
  }
}

/// Quotation-mark references and the UTF-8 they stand for.
struct reference {
  std::string_view name;
  std::string_view utf8;
};
constexpr std::array<reference, 14> references = {{
    {"&quot;", "\""},
    {"&apos;", "'"},
    {"&#39;", "'"},
    {"&#34;", "\""},
    {"&ldquo;", "\u201C"},
    {"&rdquo;", "\u201D"},
    {"&lsquo;", "\u2018"},
    {"&rsquo;", "\u2019"},
    {"&laquo;", "\u00AB"},
    {"&raquo;", "\u00BB"},
    {"&#8220;", "\u201C"},
    {"&#8221;", "\u201D"},
    {"&#8216;", "\u2018"},
    {"&#8217;", "\u2019"},
}};

class masker {
public:
  masker(std::string_view source, std::string &out) : source_(source), out_(out) {}

  void walk(const GumboNode *root) {
    // An explicit stack: deep nesting cannot exhaust the call stack.
    std::vector<const GumboNode *> stack{root};
    while (!stack.empty()) {
      const GumboNode *node = stack.back();
      stack.pop_back();
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
          node->type == GUMBO_NODE_CDATA) {
        copy_text(node->v.text);
        continue;
      }
      if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
        continue;
      }
      const GumboVector *children = nullptr;
      if (node->type == GUMBO_NODE_ELEMENT) {
        const GumboElement &el = node->v.element;
        if (skipped(el.tag)) {
          continue;
        }
        if (block(el.tag)) {
          paragraph_break(el.original_tag);
          paragraph_break(el.original_end_tag);
        }
        children = &el.children;
      } else {
        children = &node->v.document.children;
      }
      for (unsigned i = children->length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode *>(children->data[i]));
      }
    }
  }

private:
  std::string_view source_;
  std::string &out_;

  /// Offset of a piece of the source, or npos when it is not in the source.
  std::size_t offset_of(const GumboStringPiece &piece) const {
    if (piece.data == nullptr || piece.data < source_.data() ||
        piece.data + piece.length > source_.data() + source_.size()) {
      return std::string::npos;
    }
    return static_cast<std::size_t>(piece.data - source_.data());
  }

  /// Two line ends in a tag's bytes: a blank line, so a paragraph ends.
  void paragraph_break(const GumboStringPiece &tag) {
    const std::size_t at = offset_of(tag);
    if (at == std::string::npos || tag.length < 2) {
      return;
    }
    out_[at] = '\n';
    out_[at + 1] = '\n';
  }

  /// The text node's source bytes, back in place; quotation-mark references decoded.
  void copy_text(const GumboText &text) {
    const std::size_t at = offset_of(text.original_text);
    if (at == std::string::npos) {
      return;
    }
    const std::string_view raw = source_.substr(at, text.original_text.length);
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '&') {
        if (const std::size_t n = decode(raw.substr(i), at + i); n > 0) {
          i += n - 1;
          continue;
        }
      }
      out_[at + i] = raw[i];
    }
  }

  /// Writes a quotation-mark reference at `pos` as its character; returns its length (0 if none).
  std::size_t decode(std::string_view rest, std::size_t pos) {
    for (const reference &r : references) {
      if (rest.starts_with(r.name)) {
        std::copy(r.utf8.begin(), r.utf8.end(), out_.begin() + static_cast<std::ptrdiff_t>(pos));
        return r.name.size(); // the rest of the reference stays blank
      }
    }
    return 0;
  }
};

} // namespace

std::string mask_html(std::string_view source) {
  std::string out(source.size(), ' ');
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\n') {
      out[i] = '\n';
    }
  }
  GumboOutput *parsed = gumbo_parse_with_options(&kGumboDefaultOptions, source.data(), source.size());
  if (parsed == nullptr) {
    return out;
  }
  masker(source, out).walk(parsed->document);
  gumbo_destroy_output(&kGumboDefaultOptions, parsed);
  return out;
}

} // namespace quotecheck::cli
