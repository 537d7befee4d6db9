#pragma once
/// Writing an output file whole or not at all.

#include <quotecheck/parser/result.hpp>

#include <string>
#include <string_view>

namespace quotecheck::audit::detail {

/// Writes `content` to PATH.tmp, flushes it, then renames it over `path`, so
/// a reader sees the old file or the new one, never half of one.
result<void> write_atomically(const std::string &path, std::string_view content);

} // namespace quotecheck::audit::detail
