#include "atomic_file.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace quotecheck::audit::detail {

result<void> write_atomically(const std::string &path, std::string_view content) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return error{error_code::io_error, tmp + ": cannot open for writing", 0};
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      out.close();
      std::remove(tmp.c_str());
      return error{error_code::io_error, tmp + ": write failed (disk full?)", 0};
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return error{error_code::io_error, path + ": cannot rename from " + tmp + ": " + ec.message(), 0};
  }
  return {};
}

} // namespace quotecheck::audit::detail
