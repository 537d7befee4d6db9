#pragma once
/// Markdown input: the prose of a Markdown file, at the same byte offsets.
/// Markup that is not prose (code, link targets, HTML tags, heading and list
/// markers) is blanked with spaces; line ends stay, so every position the
/// parser reports is a position in the source file.

#include <string>
#include <string_view>

namespace quotecheck::cli {

/// A copy of `source` of the same length with non-prose markup blanked,
/// HTML comments included (suppressions are read from the source itself).
/// Linear time.
std::string mask_markdown(std::string_view source);

} // namespace quotecheck::cli
