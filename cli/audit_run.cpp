/// The audit run (audit_run.hpp). One reader thread (the caller) feeds
/// documents into a bounded window; N workers parse, attribute and judge
/// them, each with its own pipeline and read-only database connection; one
/// writer puts the results in input order into findings.jsonl and
/// failures.jsonl and commits a checkpoint to audit.sqlite every 256
/// documents (or 2 s), after the lines it covers are on disk. A resumed run
/// cuts the files back to the checkpoint and skips the documents before it.

#include "audit_run.hpp"

#include "commands.hpp"
#include "db_path.hpp"
#include "support/config.hpp"
#include "support/json_writer.hpp"
#include "support/judge.hpp"
#include "support/pipeline.hpp"

#include "quotecheck/audit/report.hpp"
#include "quotecheck/db/normalize.hpp"

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <deque>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>

namespace quotecheck::cli {

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool write_audit_reports(audit::state &s, const std::string &dir) {
  const std::filesystem::path out(dir);
  const auto counts = audit::index_and_count(s);
  if (!counts.ok()) {
    std::cerr << "quotecheck: " << (out / "audit.sqlite").string() << ": " << counts.err().message << '\n';
    return false;
  }
  if (auto r = audit::write_summary(s, counts.value(), (out / "summary.json").string()); !r.ok()) {
    std::cerr << "quotecheck: " << (out / "summary.json").string() << ": " << r.err().message << '\n';
    return false;
  }
  if (auto r = audit::write_report_html(s, counts.value(), (out / "report.html").string()); !r.ok()) {
    std::cerr << "quotecheck: " << (out / "report.html").string() << ": " << r.err().message << '\n';
    return false;
  }
  return true;
}

namespace {

using clock_type = std::chrono::steady_clock;

/// One record read: a document or a failure, numbered in reading order.
struct work_item {
  std::size_t seq = 0; ///< dense position in this run's reading order
  std::optional<input_document> doc;
  std::optional<input_failure> failure;
};

/// What a worker made of one record.
struct work_result {
  std::size_t ordinal = 0;
  std::string findings_line; ///< with "\n"; empty for a failure
  std::string failure_line;  ///< with "\n"; empty for a document
  std::string failure_message;
  audit::batch part;
};

/// The JSON name of an error code, for failures.jsonl.
std::string_view code_name(error_code c) {
  switch (c) {
  case error_code::invalid_utf8: return "invalid_utf8";
  case error_code::binary_input: return "binary_input";
  case error_code::io_error: return "io_error";
  case error_code::bad_json: return "bad_record";
  case error_code::too_large: return "too_large";
  default: return "other";
  }
}

/// The outlet of a document: its "outlet" field, else its URL's host.
std::string outlet_of(const input_document &d) { return d.outlet.empty() ? host_of(d.url) : d.outlet; }

std::string diff_json(const std::vector<db::diff_op> &diff) {
  std::string out;
  json_writer w(out);
  write_diff(w, diff);
  return out;
}

/// How quotations without a stored statement are grouped, recorded in the
/// state so a resume never mixes two ways of grouping.
constexpr const char *k_group_keys = "t: FNV-1a 64 of speaker, US, normalized words";

/// The group of a quotation no statement matched: the same speaker and the
/// same words (case, accents composed, punctuation aside). A fixed-size hash,
/// not the text itself, keeps the state's group index small: the report
/// groups and counts over it.
std::string text_group_key(const std::string &speaker, const std::string &text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  const auto mix = [&h](std::string_view bytes) {
    for (const char c : bytes) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
  };
  mix(speaker);
  mix("\x1f");
  mix(db::normalize(text));
  static const char *hex = "0123456789abcdef";
  std::string key = "t:";
  for (int shift = 60; shift >= 0; shift -= 4) {
    key += hex[(h >> shift) & 15];
  }
  return key;
}

/// The state rows of one judged document.
void rows_of(const processed_document &d, const quote_findings &per_quote, audit::batch &b) {
  const std::string outlet = outlet_of(d.input);
  for (std::size_t i = 0; i < d.quotes.size(); ++i) {
    const auto &q = d.quotes[i];
    audit::quote_row r;
    r.seq = static_cast<std::int64_t>(d.input.ordinal);
    r.doc_id = d.input.id;
    r.url = d.input.url;
    r.outlet = outlet;
    r.date = d.input.date;
    const parser::position at = d.positions.at(q.content.begin);
    r.line = at.line;
    r.col = at.column;
    r.kind = std::string(to_string(q.kind));
    r.text = std::string(std::string_view(d.input.text).substr(q.content.begin, q.content.size()));
    if (q.who) {
      r.speaker = q.who->name;
      r.speaker_type = std::string(attribution::to_string(q.who->type));
      r.role = q.who->role;
    }
    if (const finding *f = primary_finding(per_quote[i])) {
      r.rule = f->rule;
      r.severity = std::string(to_string(f->level));
      r.score = f->evidence->score;
      if (const auto &s = f->evidence->evidence; s && s->id > 0) {
        r.statement_id = s->id;
        r.statement_speaker = s->speaker;
        r.statement_text = s->text;
        r.statement_date = s->date;
        r.statement_source = s->source;
        r.statement_url = s->url;
      }
      if (!f->evidence->diff.empty()) {
        r.diff = diff_json(f->evidence->diff);
      }
    } else if (!per_quote[i].empty()) {
      r.rule = per_quote[i].front().rule;
      r.severity = std::string(to_string(per_quote[i].front().level));
    }
    r.group_key = r.statement_id ? "s:" + std::to_string(*r.statement_id) : text_group_key(r.speaker, r.text);
    for (const finding &f : per_quote[i]) {
      b.rules.emplace_back(f.rule, to_string(f.level));
    }
    b.quotes.push_back(std::move(r));
  }
  for (const parser::diagnostic &g : d.doc.diagnostics) {
    b.rules.emplace_back(g.rule, to_string(g.level));
  }
}

/// A failure as one failures.jsonl line.
std::string failure_json(const input_failure &f) {
  std::string out;
  json_writer w(out);
  w.begin_object();
  w.key("origin");
  w.value(f.origin);
  w.key("line");
  w.value(static_cast<std::int64_t>(f.line));
  w.key("id");
  w.value(f.id);
  w.key("problem");
  w.value(code_name(f.problem.code));
  w.key("reason");
  w.value(f.problem.message);
  w.end_object();
  out += '\n';
  return out;
}

/// Documents per checkpoint: the writer commits their rows at once
/// (4,096 documents of rows took ~40 MB; 256 take ~2 MB).
constexpr std::size_t checkpoint_documents = 256;

/// How many documents may be between reading and writing. A checkpoint's
/// worth, so that the workers go on while the writer commits one, plus room
/// for each worker: with only 16 per worker, two workers stalled on every
/// commit and `--jobs 2` ran 1.42x `--jobs 1`.
std::size_t window_size(unsigned jobs) { return checkpoint_documents + std::size_t{jobs} * 16; }

/// Results the writer takes at once: waking it for each document cost a
/// futex wake-up and a cross-core interrupt per document (17,500 futex calls
/// on the corpus x4), which on a VM is dear.
constexpr std::size_t writer_batch = 32;

/// The bounded window between the reader, the workers and the writer.
class window {
public:
  explicit window(std::size_t capacity) : capacity_(capacity), finished_(capacity) {}

  /// Reader: queues an item, waiting while the window is full.
  void push(work_item item) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return next_seq_ - written_ < capacity_ || stopped_; });
    item.seq = next_seq_++;
    queue_.push_back(std::move(item));
    work_.notify_one();
  }
  /// Reader: no more items.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    work_.notify_all();
    done_.notify_all();
  }
  /// Worker: the next item, or nullopt when the reader is done.
  std::optional<work_item> pop() {
    std::unique_lock lock(mutex_);
    work_.wait(lock, [&] { return !queue_.empty() || closed_ || stopped_; });
    if (queue_.empty() || stopped_) {
      return std::nullopt;
    }
    work_item item = std::move(queue_.front());
    queue_.pop_front();
    return item;
  }
  /// Worker: a finished item. Wakes the writer only once a batch is ready
  /// in reading order, or the last results are.
  void finish(std::size_t seq, work_result r) {
    std::lock_guard lock(mutex_);
    finished_[seq % capacity_] = std::move(r);
    while (ready_ < capacity_ && finished_[(written_ + ready_) % capacity_]) {
      ++ready_;
    }
    if (batch_ready()) {
      done_.notify_one();
    }
  }
  /// Writer: moves the next results in reading order into `out` (cleared
  /// first); false when all are written or the run stopped. Waits for a
  /// batch, but at most `tick`, so that the writer can draw progress: then
  /// `out` holds what was ready, perhaps nothing.
  bool next(std::chrono::milliseconds tick, std::vector<work_result> &out) {
    out.clear();
    std::unique_lock lock(mutex_);
    done_.wait_for(lock, tick, [&] { return batch_ready() || stopped_; });
    if (stopped_) {
      return false;
    }
    for (; ready_ > 0; --ready_) {
      std::optional<work_result> &slot = finished_[written_ % capacity_];
      out.push_back(std::move(*slot));
      slot.reset();
      ++written_;
    }
    if (!out.empty()) {
      room_.notify_one();
    }
    return !out.empty() || !closed_ || written_ < next_seq_;
  }
  /// Stops everyone (the writer failed).
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    work_.notify_all();
    room_.notify_all();
    done_.notify_all();
  }
  [[nodiscard]] bool stopped() {
    std::lock_guard lock(mutex_);
    return stopped_;
  }

private:
  /// A batch is ready: writer_batch results in order, or the reader is done
  /// and every result left is in order. Under the lock.
  [[nodiscard]] bool batch_ready() const {
    return ready_ >= writer_batch || (closed_ && written_ + ready_ == next_seq_);
  }

  std::mutex mutex_;
  std::condition_variable work_, room_, done_;
  std::deque<work_item> queue_;
  std::size_t capacity_;
  /// Finished results by seq modulo the capacity: the reader is never
  /// `capacity_` ahead of the writer, so no two waiting results share a
  /// slot, and no map node is allocated by a worker and freed by the writer.
  std::vector<std::optional<work_result>> finished_;
  std::size_t next_seq_ = 0; ///< seq of the next item pushed
  std::size_t written_ = 0;  ///< seq of the next item to write
  std::size_t ready_ = 0;    ///< finished items from written_ on, in order
  bool closed_ = false;
  bool stopped_ = false;
};

/// The progress line on stderr: documents, throughput, ETA when the input
/// size is known.
class progress_bar {
public:
  progress_bar(bool on, std::uint64_t total_bytes)
      : on_(on), total_(total_bytes), start_(clock_type::now()) {}

  void update(std::uint64_t docs, std::uint64_t failed, std::uint64_t bytes, bool force = false) {
    if (!on_) {
      return;
    }
    const auto now = clock_type::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) {
      return;
    }
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? static_cast<double>(bytes) / secs : 0;
    char line[160];
    int n = std::snprintf(line, sizeof line, "\r%llu documents  %.1f MB/s  %llu failed",
                          static_cast<unsigned long long>(docs), rate / 1e6,
                          static_cast<unsigned long long>(failed));
    if (total_ > 0 && rate > 0 && bytes < total_) {
      const auto eta = static_cast<long long>(static_cast<double>(total_ - bytes) / rate);
      n +=
          std::snprintf(line + n, sizeof line - n, "  %3.0f%%  ETA %lld:%02lld",
                        100.0 * static_cast<double>(bytes) / static_cast<double>(total_), eta / 60, eta % 60);
    }
    std::fprintf(stderr, "%s\x1b[K", line);
    std::fflush(stderr);
  }
  void end() {
    if (on_) {
      std::fputc('\n', stderr);
    }
  }

private:
  bool on_;
  std::uint64_t total_;
  clock_type::time_point start_;
  clock_type::time_point last_{};
};

/// The bytes of the uncompressed regular files among `paths` (directories
/// walked); 0 when any input is compressed or a stream, so no ETA is shown.
std::uint64_t known_input_bytes(const std::vector<std::string> &paths) {
  namespace fs = std::filesystem;
  std::uint64_t total = 0;
  for (const std::string &p : paths) {
    std::error_code ec;
    if (p == "-" || p.ends_with(".gz") || p.ends_with(".zst")) {
      return 0;
    }
    if (fs::is_regular_file(p, ec)) {
      total += fs::file_size(p, ec);
    } else if (fs::is_directory(p, ec)) {
      for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) {
          const std::string name = it->path().string();
          if (name.ends_with(".gz") || name.ends_with(".zst")) {
            return 0;
          }
          total += it->file_size(ec);
        }
      }
    } else {
      return 0; // a glob: not worth expanding twice
    }
  }
  return total;
}

/// The corpus arguments as a JSON array (stored to check a resume).
std::string inputs_json(const audit_options &o) {
  std::string out;
  json_writer w(out);
  w.begin_array();
  for (const std::string &c : o.corpus) {
    w.value(c);
  }
  w.end_array();
  return out;
}

/// An output file opened for appending after being cut back to `size`.
std::FILE *open_cut(const std::filesystem::path &p, std::int64_t size, std::vector<char> &buffer,
                    std::string &why) {
  std::FILE *f = std::fopen(p.c_str(), "ab");
  if (f == nullptr) {
    why = p.string() + ": " + std::strerror(errno);
    return nullptr;
  }
  // One write() per MiB, not one per document: stdio's own buffer is a page,
  // smaller than most documents' findings.
  buffer.resize(std::size_t{1} << 20);
  std::setvbuf(f, buffer.data(), _IOFBF, buffer.size());
  if (ftruncate(fileno(f), size) != 0) {
    why = p.string() + ": cannot truncate to the checkpoint: " + std::strerror(errno);
    std::fclose(f);
    return nullptr;
  }
  std::fseek(f, 0, SEEK_END);
  return f;
}

/// What a statements database holds, in brief ("" for none): its number of
/// statements and highest statement id. A resume must see the same record.
std::string db_identity(const std::string &path) {
  if (path.empty()) {
    return "none";
  }
  auto s = db::store::open(path, db::open_mode::read_only);
  if (!s.ok()) {
    return "unreadable";
  }
  error err;
  sqlite3_stmt *q = s.value().prepare("SELECT count(*), coalesce(max(id), 0) FROM statements", err);
  if (q == nullptr || sqlite3_step(q) != SQLITE_ROW) {
    return "unreadable";
  }
  return std::to_string(sqlite3_column_int64(q, 0)) + " statements, last id " +
         std::to_string(sqlite3_column_int64(q, 1));
}

/// Writes the buffered lines and makes them durable; false on an I/O error.
bool sync_file(std::FILE *f) { return std::fflush(f) == 0 && fsync(fileno(f)) == 0; }

/// Everything one run holds.
class audit_run {
public:
  explicit audit_run(const audit_options &o) : o_(o), dir_(o.out) {}
  audit_run(const audit_run &) = delete;
  audit_run &operator=(const audit_run &) = delete;
  /// Closes the files a failed run left open, before their buffers go.
  ~audit_run() { close_files(); }

  int run() {
    if (int rc = prepare(); rc != exit_clean) {
      return rc;
    }
    window win(window_size(o_.jobs));
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < o_.jobs; ++i) {
      workers.emplace_back([this, &win, i] { work(win, i); });
    }
    bool write_ok = true;
    std::thread writer([&] { write_ok = write(win); });

    input_sink sink;
    sink.defer_markup = true; // HTML is masked on the workers
    const std::int64_t resume_from = resumed_.next_seq;
    const std::size_t k = o_.shard_k - 1, n = o_.shard_n;
    sink.skip = [&](std::size_t ordinal) {
      return static_cast<std::int64_t>(ordinal) < resume_from || ordinal % n != k || win.stopped();
    };
    sink.on_document = [&](input_document &doc) {
      work_item item;
      item.doc = std::move(doc);
      win.push(std::move(item));
    };
    sink.on_failure = [&](const input_failure &f) {
      work_item item;
      item.failure = f;
      win.push(std::move(item));
    };
    read_inputs(o_.corpus, o_.input.format(), sink, o_.input.limits());
    win.close();
    for (std::thread &t : workers) {
      t.join();
    }
    // The workers' database connections, with their memo of every word
    // looked up, are freed on a thread of their own while the writer ends
    // and the reports are made: freeing them took 30 ms of a 1.8 s run.
    std::thread release([stores = std::move(stores_)]() mutable { stores.clear(); });
    const struct joiner {
      std::thread &t;
      ~joiner() { t.join(); }
    } join_release{release};
    writer.join();
    if (!write_ok) {
      return exit_input;
    }
    state_->set_meta("finished", utc_now());
    if (failures_shown_ < failures_total_) {
      std::cerr << "quotecheck: " << failures_total_ - failures_shown_ << " more failed documents in "
                << (dir_ / "failures.jsonl").string() << '\n';
    }
    if (!write_audit_reports(*state_, dir_.string())) {
      return exit_input;
    }
    if (docs_total_ == 0 && failures_total_ > 0 && resume_from == 0) {
      std::cerr << "quotecheck: no document could be read\n";
      return exit_input;
    }
    return exit_clean;
  }

private:
  const audit_options &o_;
  std::filesystem::path dir_;
  std::optional<audit::state> state_;
  audit::checkpoint resumed_;
  std::vector<db::store> stores_; ///< one per worker, or none
  check_config config_;
  std::FILE *findings_ = nullptr;
  std::FILE *failures_ = nullptr;
  std::vector<char> findings_buffer_; ///< stdio's buffers for the two files,
  std::vector<char> failures_buffer_; ///< alive until they are closed
  std::uint64_t docs_total_ = 0, failures_total_ = 0, failures_shown_ = 0;

  /// Opens the state, the outputs and the databases; checks a resume.
  int prepare() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) {
      std::cerr << "quotecheck: " << dir_.string() << ": cannot create: " << ec.message() << '\n';
      return exit_input;
    }
    const fs::path state_path = dir_ / "audit.sqlite";
    const bool existed = fs::exists(state_path);
    if (existed && !o_.resume) {
      std::cerr << "quotecheck: " << dir_.string()
                << ": holds an earlier audit; continue it with --resume, or choose another --out\n";
      return exit_input;
    }
    auto opened = audit::state::open(state_path.string());
    if (!opened.ok()) {
      std::cerr << "quotecheck: " << opened.err().message << '\n';
      return exit_input;
    }
    state_.emplace(std::move(opened.value()));
    const std::string shard =
        o_.shard.empty() ? "" : std::to_string(o_.shard_k) + "/" + std::to_string(o_.shard_n);
    const std::string db_path = resolve_db_path(o_.db);
    const std::string db_recorded = db_exists(db_path) ? db_path : "";
    // The database by what it holds, not where it is: a resumed shard may
    // open its own node-local copy under another name.
    const std::vector<std::pair<std::string, std::string>> identity = {
        {"inputs", inputs_json(o_)},
        {"shard", shard},
        {"db_identity", db_identity(db_recorded)},
        {"group_keys", k_group_keys}};
    if (existed) {
      for (const auto &[key, value] : identity) {
        const auto was = state_->meta(key);
        if (was.ok() && !was.value().empty() && was.value() != value) {
          std::cerr << "quotecheck: " << dir_.string() << ": --resume with a different " << key << " (was "
                    << was.value() << ", now " << value << "); use another --out\n";
          return exit_input;
        }
      }
      auto cp = state_->last_checkpoint();
      if (!cp.ok()) {
        std::cerr << "quotecheck: " << state_path.string() << ": " << cp.err().message << '\n';
        return exit_input;
      }
      resumed_ = cp.value();
      // Rows committed without group_keys in meta were grouped by an older
      // quotecheck; new rows would not join their groups.
      if (const auto keys = state_->meta("group_keys");
          resumed_.next_seq > 0 && keys.ok() && keys.value().empty()) {
        std::cerr << "quotecheck: " << dir_.string()
                  << ": --resume of an audit begun by an older quotecheck, which grouped quotations "
                     "otherwise; start again with another --out\n";
        return exit_input;
      }
    }
    // All at once, and all again on a resume: one transaction (one sync to
    // disk, where a value each cost a sync each), and a run killed while
    // starting has stored all of them or none.
    std::vector<std::pair<std::string, std::string>> meta = identity;
    meta.emplace_back("db", db_recorded);
    meta.emplace_back("version", QUOTECHECK_VERSION);
    if (existed) {
      meta.emplace_back("finished", "");
    }
    if (const auto started = state_->meta("started"); !started.ok() || started.value().empty()) {
      meta.emplace_back("started", utc_now());
    }
    if (auto r = state_->set_meta(meta); !r.ok()) {
      std::cerr << "quotecheck: " << state_path.string() << ": " << r.err().message << '\n';
      return exit_input;
    }
    std::string why;
    findings_ = open_cut(dir_ / "findings.jsonl", resumed_.findings_bytes, findings_buffer_, why);
    failures_ = findings_ == nullptr
                    ? nullptr
                    : open_cut(dir_ / "failures.jsonl", resumed_.failures_bytes, failures_buffer_, why);
    if (failures_ == nullptr) {
      std::cerr << "quotecheck: " << why << '\n';
      return exit_input;
    }
    if (!load_config()) {
      return exit_input;
    }
    if (db_recorded.empty()) {
      std::cerr << "quotecheck: no statements database at " << db_path
                << "; no record was consulted (use --db FILE or set QUOTECHECK_DB)\n";
      return exit_clean;
    }
    for (unsigned i = 0; i < o_.jobs; ++i) {
      auto s =
          db::store::open(db_path, o_.db_immutable ? db::open_mode::immutable : db::open_mode::read_only);
      if (!s.ok()) {
        std::cerr << "quotecheck: " << s.err().message << '\n';
        return exit_input;
      }
      stores_.push_back(std::move(s.value()));
    }
    // An immutable file cannot change under the run: what one worker looks
    // up holds for all (a read-only file could change between two workers'
    // snapshots, so each keeps its own).
    if (o_.db_immutable && stores_.size() > 1) {
      const std::shared_ptr<db::shared_lookups> shared = db::make_shared_lookups();
      for (db::store &s : stores_) {
        s.share_lookups(shared);
      }
    }
    return exit_clean;
  }

  bool load_config() {
    if (auto err = load_run_config(o_.config, config_)) {
      std::cerr << "quotecheck: " << err->describe() << '\n';
      return false;
    }
    return true;
  }

  /// A worker: judges documents until the reader is done.
  void work(window &win, unsigned index) {
    pipeline pipe;
    judge judging(stores_.empty() ? nullptr : &stores_[index], config_);
    while (auto item = win.pop()) {
      work_result r;
      if (item->failure) {
        const input_failure &f = *item->failure;
        r.ordinal = f.ordinal;
        r.failure_line = failure_json(f);
        r.failure_message = describe(f);
        r.part.failures.push_back({static_cast<std::int64_t>(f.ordinal), f.origin,
                                   static_cast<std::int64_t>(f.line), f.id, f.problem.message});
        r.part.failed = 1;
      } else {
        input_document &doc = *item->doc;
        apply_markup(doc);
        pipe.run(doc);
        const processed_document d{doc, pipe.doc(), pipe.quotes(), pipe.positions()};
        const quote_findings per_quote = judging.document(pipe, doc);
        r.ordinal = doc.ordinal;
        write_check_json(r.findings_line, d, per_quote);
        r.findings_line += '\n';
        rows_of(d, per_quote, r.part);
        r.part.documents = 1;
        r.part.bytes = static_cast<std::int64_t>(doc.text.size());
        if (const auto &e = judging.db_error()) {
          r.failure_message = doc.id + ": database error: " + e->message;
        }
      }
      win.finish(item->seq, std::move(r));
    }
  }

  /// Commits `b` once its lines are durable; false (after a message) on error.
  bool checkpoint(audit::batch &b, std::int64_t next_ordinal) {
    if (!sync_file(findings_) || !sync_file(failures_)) {
      std::cerr << "quotecheck: " << dir_.string() << ": cannot write the findings: " << std::strerror(errno)
                << '\n';
      return false;
    }
    b.next_seq = next_ordinal;
    b.findings_bytes = std::ftell(findings_);
    b.failures_bytes = std::ftell(failures_);
    if (auto r = state_->commit(b); !r.ok()) {
      std::cerr << "quotecheck: " << (dir_ / "audit.sqlite").string() << ": " << r.err().message << '\n';
      return false;
    }
    // Emptied, not freed: the next batch fills the same buffers, without
    // growing them row by row again (each growth moved every row so far).
    b.quotes.clear();
    b.failures.clear();
    b.rules.clear();
    b.documents = b.failed = b.bytes = 0;
    return true;
  }

  /// The writer: results in reading order to the files, checkpoints, progress.
  bool write(window &win) {
    const bool tty = isatty(STDERR_FILENO) == 1;
    progress_bar bar(o_.progress == "always" || (o_.progress == "auto" && tty), known_input_bytes(o_.corpus));
    audit::batch b;
    std::int64_t next_ordinal = resumed_.next_seq;
    std::uint64_t bytes = 0;
    auto last_commit = clock_type::now();
    std::size_t pending = 0;
    std::vector<work_result> results;
    while (win.next(std::chrono::milliseconds(250), results)) {
      for (work_result &r : results) {
        if (!r.findings_line.empty()) {
          std::fwrite(r.findings_line.data(), 1, r.findings_line.size(), findings_);
          ++docs_total_;
        }
        if (!r.failure_line.empty()) {
          std::fwrite(r.failure_line.data(), 1, r.failure_line.size(), failures_);
          ++failures_total_;
        }
        if (!r.failure_message.empty() && failures_shown_ < 20) {
          bar.end();
          std::cerr << "quotecheck: " << r.failure_message << '\n';
          ++failures_shown_;
        }
        bytes += static_cast<std::uint64_t>(r.part.bytes);
        merge(b, std::move(r.part));
        next_ordinal = static_cast<std::int64_t>(r.ordinal) + 1;
        ++pending;
        // Small batches keep memory flat: a batch holds its quote rows until
        // committed.
        if (pending >= checkpoint_documents || clock_type::now() - last_commit > std::chrono::seconds(2)) {
          if (!checkpoint(b, next_ordinal)) {
            win.stop();
            return false;
          }
          pending = 0;
          last_commit = clock_type::now();
        }
      }
      bar.update(docs_total_, failures_total_, bytes);
    }
    bar.update(docs_total_, failures_total_, bytes, true);
    bar.end();
    const bool ok = checkpoint(b, next_ordinal);
    close_files();
    return ok;
  }

  void close_files() {
    for (std::FILE **f : {&findings_, &failures_}) {
      if (*f != nullptr) {
        std::fclose(*f);
        *f = nullptr;
      }
    }
  }

  static void merge(audit::batch &into, audit::batch &&part) {
    std::move(part.quotes.begin(), part.quotes.end(), std::back_inserter(into.quotes));
    std::move(part.failures.begin(), part.failures.end(), std::back_inserter(into.failures));
    std::move(part.rules.begin(), part.rules.end(), std::back_inserter(into.rules));
    into.documents += part.documents;
    into.failed += part.failed;
    into.bytes += part.bytes;
  }
};

} // namespace

int run_audit(const audit_options &o) { return audit_run(o).run(); }

} // namespace quotecheck::cli
