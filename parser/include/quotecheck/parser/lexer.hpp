#pragma once
/// The lexer: a Spirit X3 grammar over UTF-8 bytes that splits text into
/// tokens. It assumes valid UTF-8 (see utf8.hpp); it never fails, and runs
/// in time linear in the input.

#include "quotecheck/parser/token.hpp"

#include <string_view>
#include <vector>

namespace quotecheck::parser {

/// Appends the tokens of `text` to `out` (cleared first). Reusing `out`
/// across documents keeps the loop allocation-free.
void lex(std::string_view text, std::vector<token> &out);

} // namespace quotecheck::parser
