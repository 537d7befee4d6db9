#pragma once
/// The SARIF 2.1.0 reporter of `check --format sarif`: one log for the whole
/// run, every rule of the catalogue in the driver, one result per finding.

#include "report_finding.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::cli {

/// A file path (or document id) as a SARIF artifact URI: percent-encoded
/// outside the unreserved characters and '/', so that "a b:c.txt" stays a
/// relative reference; an absolute path becomes a file:// URI.
std::string sarif_uri(std::string_view path);

/// A stable fingerprint of a finding: a hash of the rule id, the quoted
/// words and the speaker (never of positions, so that it survives edits
/// elsewhere in the file). 16 lower-case hex digits.
std::string finding_fingerprint(const located_finding &f);

/// Appends the SARIF log (pretty-printed JSON and a final newline) to `out`.
/// `version` and `information_uri` describe the tool in runs[0].tool.driver.
void write_sarif(std::string &out, const std::vector<located_finding> &findings, std::string_view version,
                 std::string_view information_uri);

} // namespace quotecheck::cli
