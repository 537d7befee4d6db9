#pragma once
/// Input checks before parsing: the text must be UTF-8 and look like text.

#include "quotecheck/parser/result.hpp"

#include <string_view>

namespace quotecheck::parser {

/// Checks that `text` is usable: valid UTF-8 (no overlong forms, surrogates
/// or truncated sequences), no NUL bytes, not UTF-16. On failure the error
/// says why and `offset` is the byte offset of the first bad byte.
result<void> check_text(std::string_view text);

} // namespace quotecheck::parser
