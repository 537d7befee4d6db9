#pragma once
/// HTML input: the article's prose at the same byte offsets as the source.
/// libgumbo parses the page; text outside the body's content (head,
/// navigation, headers and footers, scripts, styles, forms) and every tag
/// is blanked; block elements become paragraph breaks in the blanked tag
/// bytes. So every position the parser reports is a position in the HTML
/// file, and line and column are the source's.

#include <string>
#include <string_view>

namespace quotecheck::cli {

/// A copy of `source`'s length holding only the page's prose, in place.
/// Character references for quotation marks and apostrophes (&ldquo;
/// &rsquo; &quot; &#8220; …) are written as the characters themselves,
/// padded with spaces to the reference's length.
std::string mask_html(std::string_view source);

} // namespace quotecheck::cli
