/// `quotecheck db learn` and `quotecheck db variants`: earlier coverage
/// becomes the record that later articles are checked against, and the
/// record shows which quotations outlets printed in different words.

#include "commands.hpp"
#include "db_path.hpp"
#include "support/input.hpp"
#include "support/json_writer.hpp"
#include "support/pipeline.hpp"

#include "quotecheck/db/align.hpp"
#include "quotecheck/db/import.hpp"
#include "quotecheck/db/matcher.hpp"
#include "quotecheck/db/sightings.hpp"
#include "quotecheck/db/store.hpp"
#include "quotecheck/db/variants.hpp"
#include "quotecheck/db/verdict.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

namespace quotecheck::cli {

namespace {

struct learn_options {
  std::vector<std::string> files;
  std::string db;
  std::string input_format = "auto";
  double min_confidence = 0.6;
  std::size_t min_words = 4;
};

/// What a learn run did, for the summary line.
struct learn_counts {
  std::size_t documents = 0;
  std::size_t failed = 0;
  std::size_t quotes = 0;
  std::size_t new_statements = 0;
  std::size_t matched = 0;
};

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    n += !space && !in_word ? 1 : 0;
    in_word = !space;
  }
  return n;
}

/// Stores one quotation: matched to a statement already on record (same
/// speaker), or added as a new statement; either way recorded as a sighting.
result<bool> learn_quote(db::store &store, const input_document &in, const std::string &speaker,
                         const std::string &text) {
  db::quote_query query;
  query.text = text;
  query.speaker = speaker;
  auto v = db::check_quote(store, query);
  if (!v.ok()) {
    return v.err();
  }
  std::optional<std::int64_t> statement_id;
  // Link to the record only on strong evidence: the same words, a long exact
  // part, or a close variant of a long quotation. A loose link would group
  // different quotations that share a few words ("I would say this").
  const std::string &rule = v.value().rule;
  const std::size_t words = word_count(text);
  const bool long_enough = words >= 6;
  // An alteration rewrites a quotation; it does not lift three words out of
  // a long speech: the two must be of comparable length.
  const std::size_t stored = v.value().evidence ? word_count(v.value().evidence->text) : 0;
  const bool comparable = 2 * std::min(words, stored) >= std::max(words, stored);
  const bool on_record =
      v.value().evidence &&
      (rule == db::rules::verified || (rule == db::rules::fragment && long_enough) ||
       (rule == db::rules::altered && long_enough && comparable && v.value().score >= 0.6));
  if (on_record) {
    statement_id = v.value().evidence->id;
  } else {
    db::statement_input rec;
    rec.speaker = speaker;
    rec.text = text;
    rec.date = in.date;
    rec.source = in.outlet;
    rec.url = in.url;
    rec.medium = "news";
    rec.provenance = "learn:" + in.id;
    if (auto added = db::add_statements(store, {rec}); !added.ok()) {
      return added.err();
    }
    auto found = db::lookup(store, text, speaker, 1);
    if (found.ok() && !found.value().empty() && found.value().front().score >= 0.99) {
      statement_id = found.value().front().stmt.id;
    }
  }
  db::sighting seen;
  seen.quote_text = text;
  seen.speaker = speaker;
  seen.statement_id = statement_id;
  seen.rule = on_record ? rule : std::string("learned");
  seen.article_id = in.id;
  seen.article_url = in.url;
  seen.outlet = in.outlet;
  seen.article_date = in.date;
  if (auto r = db::record_sighting(store, seen); !r.ok()) {
    return r.err();
  }
  return on_record;
}

int run_learn(const learn_options &o) {
  const std::string path = resolve_db_path(o.db);
  auto opened = db::store::open(path, db::open_mode::read_write);
  if (!opened.ok()) {
    std::cerr << "quotecheck: " << opened.err().message << '\n';
    return exit_input;
  }
  db::store store = std::move(opened.value());
  input_format fmt{};
  parse_input_format(o.input_format, fmt);
  pipeline pipe;
  learn_counts counts;
  int status = exit_clean;
  input_sink sink;
  sink.on_failure = [&](const input_failure &f) {
    std::cerr << "quotecheck: " << describe(f) << '\n';
    ++counts.failed;
    status = exit_input;
  };
  sink.on_document = [&](input_document &in) {
    ++counts.documents;
    pipe.run(in);
    for (const auto &q : pipe.quotes()) {
      if (q.kind != parser::quote_kind::direct || !q.who || q.who->confidence < o.min_confidence ||
          (q.who->type != attribution::speaker_type::person &&
           q.who->type != attribution::speaker_type::organization)) {
        continue;
      }
      const std::string text(pipe.source().substr(q.content.begin, q.content.size()));
      if (word_count(text) < o.min_words) {
        continue;
      }
      auto learned = learn_quote(store, in, q.who->name, text);
      if (!learned.ok()) {
        std::cerr << "quotecheck: " << path << ": " << in.id << ": " << learned.err().message << '\n';
        status = exit_input;
        return;
      }
      ++counts.quotes;
      (learned.value() ? counts.matched : counts.new_statements) += 1;
    }
  };
  read_inputs(o.files, fmt, sink);
  std::cout << path << ": learned " << counts.quotes << " quotations from " << counts.documents
            << " documents (" << counts.new_statements << " new statements, " << counts.matched
            << " matched the record)";
  if (counts.failed > 0) {
    std::cout << "; " << counts.failed << " documents could not be read";
  }
  std::cout << '\n';
  return status;
}

struct variants_options {
  std::string db;
  std::string format = "text";
  std::size_t min_outlets = 2;
  std::size_t limit = 1000;
};

int run_variants(const variants_options &o) {
  const std::string path = resolve_db_path(o.db);
  if (!db_exists(path)) {
    std::cerr << "quotecheck: no statements database at " << path << '\n';
    return exit_input;
  }
  auto opened = db::store::open(path, db::open_mode::read_only);
  if (!opened.ok()) {
    std::cerr << "quotecheck: " << opened.err().message << '\n';
    return exit_input;
  }
  auto groups = db::quotation_variants(opened.value(), o.min_outlets, o.limit);
  if (!groups.ok()) {
    std::cerr << "quotecheck: " << path << ": " << groups.err().message << '\n';
    return exit_input;
  }
  std::string out;
  for (const db::variant_group &g : groups.value()) {
    const db::sighting_record &first = g.sightings.front();
    if (o.format == "jsonl") {
      json_writer w(out);
      w.begin_object();
      w.key("statement");
      w.value(static_cast<std::int64_t>(g.statement_id));
      w.key("speaker");
      w.value(first.seen.speaker);
      w.key("outlets");
      w.value(static_cast<std::uint64_t>(g.outlets));
      w.key("sightings");
      w.begin_array();
      for (const db::sighting_record &r : g.sightings) {
        w.begin_object();
        w.key("outlet");
        w.value(r.seen.outlet);
        w.key("date");
        w.value(r.seen.article_date);
        w.key("article");
        w.value(r.seen.article_id);
        w.key("text");
        w.value(r.seen.quote_text);
        w.key("first");
        w.value(r.id == first.id);
        w.end_object();
      }
      w.end_array();
      w.end_object();
      out += '\n';
      continue;
    }
    out += "statement " + std::to_string(g.statement_id) + " (" + first.seen.speaker + "), " +
           std::to_string(g.outlets) + " outlets, " + std::to_string(g.wordings) + " wordings\n";
    for (const db::sighting_record &r : g.sightings) {
      out += "  " + (r.seen.article_date.empty() ? std::string("undated") : r.seen.article_date) + "  " +
             (r.seen.outlet.empty() ? std::string("?") : r.seen.outlet) + "  " + r.seen.article_id + "\n";
      if (r.id == first.id) {
        out += "    first: \u201C" + r.seen.quote_text + "\u201D\n";
      } else if (r.normalized == first.normalized) {
        out += "    same words\n";
      } else {
        out += "    " + db::inline_diff(db::align_text(r.seen.quote_text, first.seen.quote_text).diff) + "\n";
      }
    }
  }
  std::cout << out;
  return exit_clean;
}

} // namespace

void add_db_learn_subcommands(CLI::App &db_cmd) {
  auto lo = std::make_shared<learn_options>();
  CLI::App *learn = db_cmd.add_subcommand(
      "learn", "Extract the quotations of dated articles and store them as statements with provenance.");
  learn->footer(
      "Example:\n  quotecheck db learn --db record.db coverage-2016.jsonl\n"
      "Each article is a JSONL line with \"text\" and, ideally, \"id\", \"date\", \"url\", \"outlet\".\n"
      "A quotation already on record (same speaker) is linked to that statement; a new one is added.");
  learn->add_option("files", lo->files, "Articles (JSONL); '-' or none reads standard input");
  learn->add_option("--db", lo->db, "Statements database (default: $QUOTECHECK_DB, else ./quotecheck.db)");
  learn->add_option("--input-format", lo->input_format, "Input format")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}))
      ->capture_default_str();
  learn->add_option("--min-confidence", lo->min_confidence, "Only quotations attributed at least this surely")
      ->capture_default_str();
  learn->callback([lo]() { set_exit_status(run_learn(*lo)); });

  auto vo = std::make_shared<variants_options>();
  CLI::App *variants = db_cmd.add_subcommand(
      "variants", "List quotations that two or more outlets printed in different words, with word diffs.");
  variants->footer("Example:\n  quotecheck db variants --db record.db --format jsonl");
  variants->add_option("--db", vo->db, "Statements database (default: $QUOTECHECK_DB, else ./quotecheck.db)");
  variants->add_option("--format", vo->format, "Output format")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  variants->add_option("--min-outlets", vo->min_outlets, "Outlets a quotation must appear in")
      ->capture_default_str();
  variants->add_option("--limit", vo->limit, "At most this many quotations")->capture_default_str();
  variants->callback([vo]() { set_exit_status(run_variants(*vo)); });
}

} // namespace quotecheck::cli
