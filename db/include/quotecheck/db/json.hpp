#pragma once
/// JSON forms of statements, matches and verdicts, as DESIGN.md fixes them
/// (`"verdict": {"rule", "severity", "score", "statement", "diff"}`).

#include <quotecheck/db/matcher.hpp>
#include <quotecheck/db/verdict.hpp>

#include <nlohmann/json.hpp>

namespace quotecheck::db {

/// {"id", "speaker", "text", "date", "source", "url"} (plus "medium" when known).
nlohmann::json to_json(const statement &st);

/// [{"op": "equal"|"insert"|"delete", "text"}...].
nlohmann::json to_json(const std::vector<diff_op> &diff);

/// {"rule", "severity", "score", "statement" (or null), "diff", "message"}, plus
/// "role" {"role","from","to"} for speaker.role-mismatch. Scores are rounded to 2 decimals.
nlohmann::json to_json(const verdict &v);

/// {"score", "statement", "diff", "exact", "whole"} for `lookup` output.
nlohmann::json to_json(const match &m);

} // namespace quotecheck::db
