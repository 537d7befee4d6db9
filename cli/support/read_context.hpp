#pragma once
/// What every input reader shares while reading one run: the sink, the
/// limits and the running record count (ordinals, for shards and resumes).

#include "input.hpp"

#include <cstdio>
#include <string>

namespace quotecheck::cli {

/// The state of one read_inputs() run.
struct read_context {
  const input_sink &sink;
  read_limits limits;
  std::size_t next_ordinal = 0;
  /// Why the current compressed file failed to decode, when it did.
  const std::string *decoder_problem = nullptr;

  /// The reason to give for a read error on the current file.
  [[nodiscard]] std::string read_error() const {
    return decoder_problem != nullptr && !decoder_problem->empty() ? *decoder_problem : "read error";
  }

  /// Takes the next ordinal for a record; true when the sink skips it.
  bool take(std::size_t &ordinal) {
    ordinal = next_ordinal++;
    return sink.skip && sink.skip(ordinal);
  }
  /// Reports a failure that is not a record (a file that cannot be opened
  /// or decoded): it takes an ordinal too, so that shards report it once.
  void fail(input_failure f) {
    if (!take(f.ordinal)) {
      sink.on_failure(f);
    }
  }
  /// Hands a good document to the sink, masking markup unless deferred.
  void deliver(input_document &doc) {
    if (!sink.defer_markup) {
      apply_markup(doc);
    }
    sink.on_document(doc);
  }
};

/// Reads a WARC file (WARC/1.0 or 1.1, its records uncompressed in `f`):
/// response, resource and conversion records become documents with the
/// record's target URI and date; others are passed over. `head` holds the
/// bytes already read from `f`.
void read_warc(const std::string &origin, std::FILE *f, std::string head, read_context &ctx);

/// The reason given for a document over the size limit.
std::string too_large_message(std::size_t limit);

/// Reads up to `limit` more bytes of `f` into `out`; false on a read error.
bool read_some(std::FILE *f, std::string &out, std::size_t limit);

} // namespace quotecheck::cli
