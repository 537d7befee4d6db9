/// Judging a document against the record and itself (judge.hpp).

#include "judge.hpp"

#include "json_writer.hpp"
#include "suppressions.hpp"

#include <unordered_map>

namespace quotecheck::cli {

namespace {

void write_verdict(json_writer &w, const db::verdict &v) {
  w.begin_object();
  w.key("rule");
  w.value(v.rule);
  w.key("severity");
  w.value(to_string(v.level));
  w.key("score");
  w.value(v.score);
  w.key("message");
  w.value(v.message);
  w.key("statement");
  if (v.evidence) {
    const db::statement &s = *v.evidence;
    w.begin_object();
    w.key("id");
    w.value(static_cast<std::int64_t>(s.id));
    w.key("speaker");
    w.value(s.speaker);
    w.key("text");
    w.value(s.text);
    w.key("date");
    w.value(s.date);
    w.key("source");
    w.value(s.source);
    w.key("url");
    w.value(s.url);
    w.end_object();
  } else {
    w.null();
  }
  if (!v.diff.empty()) {
    w.key("diff");
    write_diff(w, v.diff);
  }
  w.end_object();
}

} // namespace

/// The verdicts for one quote (empty when there is nothing to say).
std::vector<finding> judge::judge_quote(const pipeline &pipe, const input_document &in,
                                        const attribution::attributed_quote &q) {
  std::vector<finding> found;
  const std::string_view words = pipe.source().substr(q.content.begin, q.content.size());
  if (!q.who && q.kind == parser::quote_kind::direct) {
    found.push_back({"quote.unattributed", parser::severity::warning, q.content,
                     "direct quotation with no speaker", std::nullopt});
  }
  if (q.who && q.who->type == attribution::speaker_type::anonymous) {
    found.push_back({"speaker.anonymous", parser::severity::warning, q.who->mention,
                     "quotation attributed to an anonymous source (" + q.who->name + ")", std::nullopt});
  }
  if (store_ == nullptr) {
    return found;
  }
  db::quote_query query;
  query.text = std::string(words);
  if (q.who) {
    query.speaker = q.who->name;
    query.role = q.who->role;
    // The config's extra aliases: a name as written (the whole name, its
    // last word, or the mention) -> the name on record.
    const std::string_view written = pipe.source().substr(q.who->mention.begin, q.who->mention.size());
    const auto space = q.who->name.rfind(' ');
    const std::string last = space == std::string::npos ? q.who->name : q.who->name.substr(space + 1);
    for (const std::string &form : {q.who->name, last, std::string(written)}) {
      if (const auto alias = config_.aliases.find(form); alias != config_.aliases.end()) {
        query.speaker_aliases.push_back(q.who->name);
        query.speaker = alias->second;
        break;
      }
    }
    const std::string_view mention = pipe.source().substr(q.who->mention.begin, q.who->mention.size());
    if (!mention.empty() && mention != q.who->name) {
      query.speaker_aliases.emplace_back(mention);
    }
  }
  query.article_date = in.date;
  query.reported = q.kind == parser::quote_kind::indirect || q.kind == parser::quote_kind::mixed;
  auto verdicts = db::check_all(*store_, query);
  if (!verdicts.ok()) {
    if (!db_error_) {
      db_error_ = verdicts.err();
    }
    return found;
  }
  for (db::verdict &v : verdicts.value()) {
    finding f{v.rule, v.level, q.content, v.message, std::nullopt};
    if (v.rule == db::rules::role_mismatch && q.who) {
      f.where = q.who->mention.empty() ? q.content : q.who->mention;
    }
    f.evidence = std::move(v);
    found.push_back(std::move(f));
  }
  return found;
}

/// A later paraphrase of an earlier quotation by the same speaker in this
/// article, held against it (needs no database). `by_speaker` holds the
/// earlier quotes of each speaker; the last few of them are compared, so a
/// huge document stays linear.
void judge::within_article(const processed_document &d, std::size_t i,
                           std::unordered_map<std::string, std::vector<std::size_t>> &by_speaker,
                           std::vector<finding> &found) const {
  const auto &q = d.quotes[i];
  if (!q.who) {
    return;
  }
  std::vector<std::size_t> &earlier_ones = by_speaker[q.who->name];
  if (q.kind == parser::quote_kind::indirect || q.kind == parser::quote_kind::mixed) {
    const std::string_view report = std::string_view(d.input.text).substr(q.content.begin, q.content.size());
    std::optional<db::verdict> best;
    constexpr std::size_t look_back = 16;
    const std::size_t from = earlier_ones.size() > look_back ? earlier_ones.size() - look_back : 0;
    for (std::size_t k = from; k < earlier_ones.size(); ++k) {
      const auto &e = d.quotes[earlier_ones[k]];
      db::statement earlier;
      earlier.speaker = e.who->name;
      earlier.text = std::string(std::string_view(d.input.text).substr(e.content.begin, e.content.size()));
      earlier.date = d.input.date;
      earlier.source =
          "earlier in this article, line " + std::to_string(d.positions.at(e.content.begin).line);
      auto v = db::check_against_earlier(report, earlier);
      if (v && (!best || v->score > best->score)) {
        best = std::move(v);
      }
    }
    if (best) {
      finding f{best->rule, best->level, q.content, best->message, std::nullopt};
      f.evidence = std::move(best);
      found.push_back(std::move(f));
    }
  }
  earlier_ones.push_back(i);
}

/// Applies the config's levels and the inline suppressions to one
/// finding; false when it is dropped.
bool judge::keep(const suppressions &quiet, std::string_view rule, std::uint32_t begin,
                 parser::severity &level) const {
  const auto configured = config_.level_of(rule, level);
  if (!configured || quiet.suppressed(rule, begin)) {
    return false;
  }
  level = *configured;
  return true;
}

quote_findings judge::document(pipeline &pipe, const input_document &in) {
  constexpr std::size_t documents_per_snapshot = 64;
  const auto now = std::chrono::steady_clock::now();
  if (!snapshot_ || db_error_ || ++snapshot_documents_ == documents_per_snapshot ||
      now - snapshot_start_ > std::chrono::seconds(1)) {
    snapshot_.reset(); // ends the last transaction before the next begins
    snapshot_.emplace(store_);
    snapshot_documents_ = 0;
    snapshot_start_ = now;
  }
  db_error_.reset();
  const processed_document d{in, pipe.doc(), pipe.quotes(), pipe.positions()};
  const suppressions quiet(d.input.text);
  quote_findings per_quote;
  per_quote.reserve(d.quotes.size());
  std::unordered_map<std::string, std::vector<std::size_t>> by_speaker;
  for (std::size_t i = 0; i < d.quotes.size(); ++i) {
    const auto &q = d.quotes[i];
    per_quote.push_back(judge_quote(pipe, in, q));
    within_article(d, i, by_speaker, per_quote.back());
    std::vector<finding> &found = per_quote.back();
    std::erase_if(found, [&](finding &f) {
      if (!keep(quiet, f.rule, f.where.begin, f.level)) {
        return true;
      }
      if (f.evidence) {
        f.evidence->level = f.level;
      }
      return false;
    });
    for (const finding &f : found) {
      worst_ = std::max(worst_, static_cast<int>(f.level));
    }
  }
  std::erase_if(pipe.diagnostics(),
                [&](parser::diagnostic &g) { return !keep(quiet, g.rule, g.where.begin, g.level); });
  for (const parser::diagnostic &g : d.doc.diagnostics) {
    worst_ = std::max(worst_, static_cast<int>(g.level));
  }
  return per_quote;
}

void write_diff(json_writer &w, const std::vector<db::diff_op> &diff) {
  w.begin_array();
  for (const db::diff_op &d : diff) {
    w.begin_object();
    w.key("op");
    w.value(db::to_string(d.op));
    w.key("text");
    w.value(d.text);
    w.end_object();
  }
  w.end_array();
}

const finding *primary_finding(const std::vector<finding> &found) {
  for (const finding &f : found) {
    if (f.evidence && f.rule != db::rules::role_mismatch) {
      return &f;
    }
  }
  return nullptr;
}

void write_check_json(std::string &out, const processed_document &d, const quote_findings &per_quote) {
  json_writer w(out);
  w.begin_object();
  w.key("id");
  w.value(d.input.id);
  w.key("quotes");
  w.begin_array();
  for (std::size_t i = 0; i < d.quotes.size(); ++i) {
    write_quote_fields(w, d, d.quotes[i], i);
    // "verdict": the record's verdict; "findings": every rule that fired.
    const finding *primary = primary_finding(per_quote[i]);
    w.key("verdict");
    if (primary != nullptr) {
      write_verdict(w, *primary->evidence);
    } else {
      w.null();
    }
    w.key("findings");
    w.begin_array();
    for (const finding &f : per_quote[i]) {
      w.begin_object();
      w.key("rule");
      w.value(f.rule);
      w.key("severity");
      w.value(to_string(f.level));
      w.key("message");
      w.value(f.message);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("diagnostics");
  write_diagnostics(w, d);
  w.end_object();
}

} // namespace quotecheck::cli
