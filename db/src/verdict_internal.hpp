#pragma once
/// Internal: pieces shared by the direct-quote and reported-speech checks.

#include <quotecheck/db/matcher.hpp>
#include <quotecheck/db/paraphrase.hpp>
#include <quotecheck/db/verdict.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace quotecheck::db::detail {

/// "David Lammy, 2025-03-17 (FCDO press release)".
std::string describe(const statement &st);
/// A verdict for `rule` at its default severity, with `m` as evidence (may be null).
verdict make(std::string_view rule, const match *m, std::string message);
/// True when `id` is one of `ids`.
bool in(const std::vector<std::int64_t> &ids, std::int64_t id);

/// The paraphrase.* verdict for a report compared with the statement of `m`
/// (`who` is appended to the statement's description in the message).
verdict paraphrase_verdict(const paraphrase_comparison &c, const match &m, const std::string &who,
                           const check_options &o);

/// paraphrase.* verdicts (and unverified / misattributed / anachronism) for reported speech.
result<verdict> check_reported(const store &s, const quote_query &q, const std::vector<quote_token> &tokens,
                               const std::vector<std::int64_t> &ids, const check_options &o);

} // namespace quotecheck::db::detail
