#include "db_path.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace quotecheck::cli {

std::string resolve_db_path(const std::string &flag) {
  if (!flag.empty())
    return flag;
  if (const char *env = std::getenv("QUOTECHECK_DB"); env != nullptr && *env != '\0')
    return env;
  return "quotecheck.db";
}

bool db_exists(const std::string &path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

} // namespace quotecheck::cli
