#pragma once
/// Internal: SHA-256 (FIPS 180-4), used to recognise a statements file that
/// was already imported by the hash of its bytes. Not for secrets.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace quotecheck::db::detail {

/// Incremental SHA-256: update() with the bytes in order, then hex() once.
class sha256 {
public:
  sha256();
  /// Feeds more bytes.
  void update(std::string_view bytes);
  /// Finishes and returns the digest as 64 lower-case hex digits.
  std::string hex();

private:
  void block(const unsigned char *p);
  std::array<std::uint32_t, 8> h_;
  std::array<unsigned char, 64> buf_{};
  std::size_t used_ = 0;
  std::uint64_t total_ = 0;
};

/// The SHA-256 of `bytes` as hex.
std::string sha256_hex(std::string_view bytes);

} // namespace quotecheck::db::detail
