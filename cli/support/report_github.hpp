#pragma once
/// The GitHub Actions reporter of `check --format github`: one workflow
/// command a finding, which GitHub shows as an annotation on the line:
///   ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE

#include "report_finding.hpp"

#include <string>
#include <string_view>

namespace quotecheck::cli {

/// Escapes the message of a workflow command: % \r \n.
std::string github_escape_data(std::string_view s);
/// Escapes a property value of a workflow command: % \r \n : and ,.
std::string github_escape_property(std::string_view s);

/// Appends one workflow command line for `f`. `note` maps to `notice`;
/// endColumn is inclusive (the column of the span's last character).
void write_github(std::string &out, const located_finding &f);

} // namespace quotecheck::cli
