#pragma once
/// The `check` configuration file (.quotecheck.toml): a small TOML subset
/// for the few keys quotecheck reads.
///
///   db = "statements.db"          # relative to the file's directory
///   fail_on = "warning"           # error | warning | note | never
///   require_speaker = true        # false: quote.unattributed is off
///   allow_anonymous = false       # true: speaker.anonymous is off
///   [severity]
///   "quote.unverified" = "note"   # note | warning | error | off
///   [aliases]
///   "Lammy" = "David Lammy"       # a name as articles write it -> the name on record
///
/// Comments start with '#'. Unknown keys, tables, rules or values are errors.

#include "quotecheck/parser/ast.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace quotecheck::cli {

struct check_config {
  std::string path;              ///< the file read, empty when none
  std::optional<std::string> db; ///< already resolved against the file's directory
  std::optional<std::string> fail_on;
  std::optional<bool> require_speaker;
  std::optional<bool> allow_anonymous;
  /// Rule id -> level; nullopt means "off".
  std::unordered_map<std::string, std::optional<parser::severity>> severity;
  /// Extra speaker aliases: a name as written -> the speaker's name on record.
  std::unordered_map<std::string, std::string> aliases;

  /// The level of `rule` after configuration (from `level`, the default),
  /// or nullopt when the rule is off.
  [[nodiscard]] std::optional<parser::severity> level_of(std::string_view rule, parser::severity level) const;
};

/// A problem in a config file: "FILE:LINE: reason" (LINE 0: the file itself).
struct config_error {
  std::string file;
  std::size_t line = 0;
  std::string reason;
  [[nodiscard]] std::string describe() const;
};

/// Parses the config text (`file` names it in errors and anchors `db`).
std::optional<config_error> parse_config(std::string_view text, const std::string &file, check_config &out);
/// Reads and parses `file`.
std::optional<config_error> load_config(const std::string &file, check_config &out);
/// `.quotecheck.toml` in `start` or the nearest parent holding one; empty if none.
std::string find_config(const std::filesystem::path &start);

/// The config of a run: `explicit_path` (--config) when given, else the
/// `.quotecheck.toml` found from the working directory; none is fine.
std::optional<config_error> load_run_config(const std::string &explicit_path, check_config &out);

} // namespace quotecheck::cli
