#pragma once
/// result<T>: a value or an error, in the style of simdjson. Library code
/// returns these; only the CLI turns errors into messages and exit codes.

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace quotecheck {

/// What went wrong, coarse enough for the CLI to map onto exit codes.
enum class error_code {
  ok = 0,
  invalid_utf8,   ///< the bytes are not UTF-8 (offset says where)
  binary_input,   ///< NUL bytes or other signs of a binary file
  io_error,       ///< a file could not be opened or read
  bad_json,       ///< a JSONL line is not a JSON object with "text"
  too_large,      ///< a document exceeds the configured size limit
  db_error,       ///< SQLite reported an error
  schema_too_new, ///< the database was written by a newer quotecheck
  bad_record,     ///< an imported statement is missing required fields
  usage,          ///< the caller asked for something impossible
};

/// An error with a human-readable reason and, where it applies, the byte
/// offset (or line number, for line-oriented inputs) of the problem.
struct error {
  error_code code = error_code::ok;
  std::string message;
  std::size_t offset = 0;
};

/// A value of type T, or an error. Check with `ok()` before `value()`.
template <typename T> class result {
public:
  result(T value) : data_(std::move(value)) {} // NOLINT(google-explicit-constructor)
  result(error err) : data_(std::move(err)) {} // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return data_.index() == 0; }
  [[nodiscard]] T &value() & { return std::get<0>(data_); }
  [[nodiscard]] const T &value() const & { return std::get<0>(data_); }
  [[nodiscard]] T &&value() && { return std::get<0>(std::move(data_)); }
  [[nodiscard]] const error &err() const { return std::get<1>(data_); }

private:
  std::variant<T, error> data_;
};

/// result<void>: success or an error.
template <> class result<void> {
public:
  result() = default;
  result(error err) : err_(std::move(err)) {} // NOLINT(google-explicit-constructor)
  [[nodiscard]] bool ok() const { return err_.code == error_code::ok; }
  [[nodiscard]] const error &err() const { return err_; }

private:
  error err_;
};

} // namespace quotecheck
