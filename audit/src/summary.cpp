/// summary.json: the audit's totals and counts for scripts, in a fixed key
/// order so the same state always gives the same bytes.

#include <quotecheck/audit/report.hpp>

#include "atomic_file.hpp"
#include "report_data.hpp"

#include <nlohmann/json.hpp>

#include <utility>

namespace quotecheck::audit {

namespace {

using ordered = nlohmann::ordered_json;

constexpr std::int64_t top_speakers = 20;
constexpr std::int64_t first_failures = 20;

/// The inputs meta value is a JSON array; anything else is kept as a string.
ordered inputs_json(const std::string &inputs) {
  if (inputs.empty()) {
    return ordered::array();
  }
  ordered parsed = ordered::parse(inputs, nullptr, false);
  if (parsed.is_discarded()) {
    return inputs;
  }
  return parsed;
}

/// Builds the document; every query is bounded.
result<ordered> build_summary(sqlite3 *db, const corpus_counts &counts) {
  auto run = detail::load_run(db);
  if (!run.ok()) {
    return run.err();
  }
  const detail::run_info &r = run.value();
  ordered j;
  j["version"] = r.version;
  j["inputs"] = inputs_json(r.inputs);
  j["shard"] = r.shard;
  j["db"] = r.db;
  j["started"] = r.started;
  j["finished"] = r.finished;
  j["documents"] = r.documents;
  j["failed"] = r.failed;
  j["bytes"] = r.bytes;
  j["quotes"] = r.quotes;

  auto kinds = detail::load_kinds(db);
  if (!kinds.ok()) {
    return kinds.err();
  }
  ordered by_kind = ordered::object();
  for (const detail::value_count &k : kinds.value()) {
    by_kind[k.value] = k.n;
  }
  j["quotes_by_kind"] = std::move(by_kind);

  auto rules = detail::load_rule_counts(db);
  if (!rules.ok()) {
    return rules.err();
  }
  ordered by_rule = ordered::object();
  for (const detail::rule_count &c : rules.value()) {
    by_rule[c.rule] = ordered{{"severity", c.severity}, {"count", c.n}};
  }
  j["findings_by_rule"] = std::move(by_rule);

  ordered top = ordered::array();
  for (const speaker_total &s : counts.top_speakers) {
    if (std::cmp_greater_equal(top.size(), top_speakers)) {
      break;
    }
    top.push_back(
        ordered{{"name", s.name}, {"type", s.type}, {"quotes", s.quotes}, {"documents", s.documents}});
  }
  j["top_speakers"] = std::move(top);

  auto altered = detail::count_quotes_with_rule(db, "quote.altered");
  auto misattributed = detail::count_quotes_with_rule(db, "quote.misattributed");
  for (const auto *n : {&altered, &misattributed}) {
    if (!n->ok()) {
      return n->err();
    }
  }
  j["quotations_in_several_documents"] = counts.repeated;
  j["altered"] = altered.value();
  j["misattributed"] = misattributed.value();

  auto failures = detail::load_failures(db, first_failures);
  if (!failures.ok()) {
    return failures.err();
  }
  ordered fails = ordered::array();
  for (const failure_row &f : failures.value()) {
    fails.push_back(ordered{{"origin", f.origin}, {"line", f.line}, {"id", f.doc_id}, {"reason", f.reason}});
  }
  j["failures"] = std::move(fails);
  return j;
}

} // namespace

result<void> write_summary(const state &s, const std::string &path) {
  auto counts = count_corpus(s);
  if (!counts.ok()) {
    return counts.err();
  }
  return write_summary(s, counts.value(), path);
}

result<void> write_summary(const state &s, const corpus_counts &counts, const std::string &path) {
  auto j = build_summary(s.handle(), counts);
  if (!j.ok()) {
    return j.err();
  }
  // Invalid UTF-8 from a corpus becomes U+FFFD rather than an exception.
  std::string text = j.value().dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  text += '\n';
  return detail::write_atomically(path, text);
}

} // namespace quotecheck::audit
