#pragma once
/// HTML escaping for every text from the corpus or the database that the
/// report prints, in element content and in quoted attribute values.

#include <string>
#include <string_view>

namespace quotecheck::audit::detail {

/// `text` with & < > " ' replaced by character references and NUL and other
/// C0 controls (except tab and line ends) dropped, so no input can open a tag,
/// close an attribute or start a script.
std::string html_escape(std::string_view text);

/// Appends html_escape(text) to `out` (the hot path of a long report).
void append_escaped(std::string &out, std::string_view text);

} // namespace quotecheck::audit::detail
