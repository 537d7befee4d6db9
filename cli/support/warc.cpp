/// Reading WARC files (ISO 28500; WARC/1.0 and 1.1, as Common Crawl's
/// CC-NEWS writes them): each response, resource or conversion record whose
/// payload is text or HTML becomes one document with the record's target
/// URI, its date and the outlet (the URI's host). Records stream one at a
/// time; a record over the size limit is skipped without being held.

#include "read_context.hpp"

#include "quotecheck/parser/utf8.hpp"

#include <unicode/ucnv.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <optional>
#include <string_view>

namespace quotecheck::cli {

namespace {

/// Buffered reading of a stream whose first bytes are already in hand.
class byte_reader {
public:
  byte_reader(std::FILE *f, std::string head) : f_(f), buf_(std::move(head)) {}

  /// The next line without its line end; false at the end of the stream.
  /// Lines longer than `max` are cut (WARC header lines are short).
  bool line(std::string &out, std::size_t max = 1 << 16) {
    out.clear();
    for (;;) {
      const std::size_t nl = buf_.find('\n', pos_);
      const std::size_t end = nl == std::string::npos ? buf_.size() : nl;
      out.append(buf_, pos_, std::min(end - pos_, max - std::min(max, out.size())));
      consumed_ += end - pos_;
      pos_ = end;
      if (nl != std::string::npos) {
        ++pos_;
        ++consumed_;
        if (!out.empty() && out.back() == '\r') {
          out.pop_back();
        }
        return true;
      }
      if (!fill()) {
        return !out.empty();
      }
    }
  }

  /// Appends the next `n` bytes to `out` (fewer at the end of the stream).
  void take(std::size_t n, std::string &out) {
    while (n > 0) {
      if (pos_ == buf_.size() && !fill()) {
        return;
      }
      const std::size_t k = std::min(n, buf_.size() - pos_);
      out.append(buf_, pos_, k);
      pos_ += k;
      consumed_ += k;
      n -= k;
    }
  }

  /// Passes over the next `n` bytes without keeping them.
  void skip(std::size_t n) {
    while (n > 0) {
      if (pos_ == buf_.size() && !fill()) {
        return;
      }
      const std::size_t k = std::min(n, buf_.size() - pos_);
      pos_ += k;
      consumed_ += k;
      n -= k;
    }
  }

  [[nodiscard]] std::size_t offset() const { return consumed_; }
  [[nodiscard]] bool failed() const { return std::ferror(f_) != 0; }

private:
  std::FILE *f_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t consumed_ = 0;

  bool fill() {
    buf_.resize(1 << 16);
    const std::size_t n = std::fread(buf_.data(), 1, buf_.size(), f_);
    buf_.resize(n);
    pos_ = 0;
    return n > 0;
  }
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

/// `value` when it is UTF-8 text, else `fallback`: header bytes end up in
/// the JSON outputs, which must stay valid UTF-8.
std::string utf8_or(std::string value, std::string fallback) {
  return parser::check_text(value).ok() ? value : fallback;
}

/// Header fields of a WARC record or an HTTP message, names lower-cased.
struct headers {
  std::vector<std::pair<std::string, std::string>> fields;

  [[nodiscard]] std::string get(std::string_view name) const {
    for (const auto &[k, v] : fields) {
      if (k == name) {
        return v;
      }
    }
    return {};
  }
  void add(std::string_view line) {
    const auto colon = line.find(':');
    if (colon != std::string_view::npos) {
      fields.emplace_back(lower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
    }
  }
};

std::optional<std::size_t> parse_size(std::string_view s) {
  std::size_t n = 0;
  s = trim(s);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) {
    return std::nullopt;
  }
  return n;
}

/// The media type of a Content-Type value, lower case ("text/html").
std::string media_type(std::string_view content_type) {
  return lower(trim(content_type.substr(0, content_type.find(';'))));
}

/// The charset parameter of a Content-Type value, lower case, or "".
std::string charset_of(std::string_view content_type) {
  const std::string l = lower(content_type);
  const auto p = l.find("charset=");
  if (p == std::string::npos) {
    return {};
  }
  std::string_view v = std::string_view(l).substr(p + 8);
  v = v.substr(0, v.find(';'));
  v = trim(v);
  if (!v.empty() && (v.front() == '"' || v.front() == '\'')) {
    v = v.substr(1, v.find_first_of("\"'", 1) - 1);
  }
  return std::string(v);
}

/// The charset a page declares in a <meta> tag near its start, or "".
std::string meta_charset(std::string_view html) {
  const std::string head = lower(html.substr(0, std::min<std::size_t>(html.size(), 2048)));
  const auto p = head.find("charset=");
  if (p == std::string::npos) {
    return {};
  }
  std::size_t b = p + 8;
  while (b < head.size() && (head[b] == '"' || head[b] == '\'')) {
    ++b;
  }
  std::size_t e = b;
  while (e < head.size() &&
         (std::isalnum(static_cast<unsigned char>(head[e])) != 0 || head[e] == '-' || head[e] == '_')) {
    ++e;
  }
  return head.substr(b, e - b);
}

/// Converts `body` from `charset` to UTF-8 with ICU; false when ICU does not
/// know the charset or the text does not convert.
bool to_utf8(const std::string &charset, std::string &body) {
  if (charset.empty() || charset == "utf-8" || charset == "utf8" || charset == "us-ascii") {
    return true;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::string out(body.size() * 3 + 16, '\0');
  const int32_t n = ucnv_convert("UTF-8", charset.c_str(), out.data(), static_cast<int32_t>(out.size()),
                                 body.data(), static_cast<int32_t>(body.size()), &status);
  if (U_FAILURE(status)) {
    return false;
  }
  out.resize(static_cast<std::size_t>(n));
  body = std::move(out);
  return true;
}

/// Undoes "Transfer-Encoding: chunked"; false when the chunks are malformed.
bool dechunk(std::string &body) {
  std::string out;
  std::size_t p = 0;
  for (;;) {
    const std::size_t nl = body.find('\n', p);
    if (nl == std::string::npos) {
      return false;
    }
    std::string_view size_line = trim(std::string_view(body).substr(p, nl - p));
    size_line = size_line.substr(0, size_line.find(';'));
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(size_line.data(), size_line.data() + size_line.size(), n, 16);
    if (ec != std::errc() || size_line.empty() || nl + 1 + n > body.size()) {
      return false;
    }
    if (n == 0) {
      body = std::move(out);
      return true;
    }
    out.append(body, nl + 1, n);
    p = nl + 1 + n;
    if (p < body.size() && body[p] == '\r') {
      ++p;
    }
    if (p < body.size() && body[p] == '\n') {
      ++p;
    }
  }
}

/// Undoes "Content-Encoding: gzip" or "deflate", holding at most `limit`
/// bytes; false when the data is corrupt or larger than the limit.
bool inflate_body(std::string &body, std::size_t limit) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 32) != Z_OK) { // 32: gzip or zlib header, detected
    return false;
  }
  std::string out;
  char chunk[1 << 15];
  z.next_in = reinterpret_cast<Bytef *>(body.data());
  z.avail_in = static_cast<uInt>(body.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef *>(chunk);
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&z);
      return false;
    }
    out.append(chunk, sizeof chunk - z.avail_out);
    if (out.size() > limit || (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0)) {
      inflateEnd(&z);
      return out.size() <= limit && rc == Z_STREAM_END;
    }
  }
  inflateEnd(&z);
  body = std::move(out);
  return true;
}

/// The publication date a page gives in its metadata (YYYY-MM-DD), or "".
std::string published_date(std::string_view html) {
  const std::string_view head = html.substr(0, std::min<std::size_t>(html.size(), 1 << 16));
  for (const std::string_view key : {"article:published_time", "datePublished", "pubdate", "date"}) {
    for (std::size_t p = head.find(key); p != std::string_view::npos; p = head.find(key, p + 1)) {
      const std::string_view after = head.substr(p + key.size(), 200);
      const auto content = after.find("content=");
      const auto colon = after.find(':');
      std::size_t from = std::string_view::npos;
      if (content < 40) { // npos is never < 40
        from = content + 8;
      } else if (colon < 4) { // JSON-LD "datePublished": "..."
        from = colon + 1;
      }
      if (from == std::string_view::npos) {
        continue;
      }
      const std::string_view v = after.substr(from);
      const auto digit = v.find_first_of("0123456789");
      if (digit < 4 && v.size() >= digit + 10) {
        const std::string_view d = v.substr(digit, 10);
        if (d[4] == '-' && d[7] == '-' &&
            std::all_of(d.begin(), d.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); })) {
          return std::string(d);
        }
      }
    }
  }
  return {};
}

/// What a record's payload is, after its HTTP envelope when it has one.
struct payload {
  std::string media;   ///< "text/html", "text/plain", ...
  std::string charset; ///< declared charset, or ""
  std::string body;
};

/// Splits an HTTP response into its payload; nullopt (with `why` empty)
/// for responses that are not documents (redirects, errors, images), or
/// with `why` set when the message is malformed.
std::optional<payload> http_payload(std::string &block, std::size_t limit, std::string &why) {
  std::size_t end = block.find("\r\n\r\n");
  std::size_t sep = 4;
  if (end == std::string::npos) {
    end = block.find("\n\n");
    sep = 2;
  }
  if (end == std::string::npos) {
    why = "HTTP response without a header end";
    return std::nullopt;
  }
  const std::string_view head(block.data(), end);
  const std::string_view status_line = head.substr(0, head.find('\n'));
  const auto sp = status_line.find(' ');
  if (sp == std::string_view::npos || status_line.substr(sp + 1, 3) != "200") {
    return std::nullopt;
  }
  headers h;
  for (std::size_t p = status_line.size() + 1; p < head.size();) {
    const std::size_t nl = std::min(head.find('\n', p), head.size());
    h.add(head.substr(p, nl - p));
    p = nl + 1;
  }
  payload out;
  out.media = media_type(h.get("content-type"));
  out.charset = charset_of(h.get("content-type"));
  out.body = block.substr(end + sep);
  if (lower(h.get("transfer-encoding")).find("chunked") != std::string::npos && !dechunk(out.body)) {
    why = "malformed chunked transfer encoding";
    return std::nullopt;
  }
  const std::string encoding = lower(h.get("content-encoding"));
  if ((encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") &&
      !inflate_body(out.body, limit)) {
    why = "corrupt or oversized " + encoding + " content encoding";
    return std::nullopt;
  }
  return out;
}

bool is_document_media(const std::string &media) {
  return media == "text/html" || media == "application/xhtml+xml" || media == "text/plain" || media.empty();
}

} // namespace

std::string host_of(std::string_view uri) {
  const auto scheme = uri.find("://");
  if (scheme == std::string_view::npos) {
    return {};
  }
  std::string_view rest = uri.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  rest = rest.substr(rest.find('@') == std::string_view::npos ? 0 : rest.find('@') + 1);
  rest = rest.substr(0, rest.find(':'));
  if (rest.starts_with("www.")) {
    rest.remove_prefix(4);
  }
  return lower(rest);
}

void read_warc(const std::string &origin, std::FILE *f, std::string head, read_context &ctx) {
  byte_reader in(f, std::move(head));
  std::string line;
  std::size_t record = 0;
  bool reported_garbage = false;
  while (in.line(line)) {
    if (trim(line).empty()) {
      continue; // the blank lines that end the previous record
    }
    if (!line.starts_with("WARC/1.")) {
      if (!reported_garbage) { // resynchronise on the next record, reporting once
        ctx.fail(
            {origin,
             record + 1,
             origin,
             {error_code::bad_json, "not a WARC record (after record " + std::to_string(record) + ")", 0},
             0});
        reported_garbage = true;
      }
      continue;
    }
    reported_garbage = false;
    ++record;
    headers h;
    while (in.line(line) && !trim(line).empty()) {
      h.add(line);
    }
    const auto length = parse_size(h.get("content-length"));
    const std::string id_field = utf8_or(h.get("warc-record-id"), "");
    std::string id =
        id_field.size() > 2 && id_field.front() == '<' ? id_field.substr(1, id_field.size() - 2) : id_field;
    if (id.empty()) {
      id = origin + ":" + std::to_string(record);
    }
    if (!length) {
      ctx.fail(
          {origin, record, id, {error_code::bad_json, "WARC record without a valid Content-Length", 0}, 0});
      continue; // resynchronise on the next "WARC/1." line
    }
    const std::string type = lower(h.get("warc-type"));
    const std::string content_type = h.get("content-type");
    const bool http = lower(content_type).starts_with("application/http");
    if (type != "response" && type != "resource" && type != "conversion") {
      in.skip(*length);
      continue;
    }
    if (!http && !is_document_media(media_type(content_type))) {
      in.skip(*length);
      continue;
    }
    input_failure fail{origin, record, id, {}, 0};
    if (ctx.take(fail.ordinal)) {
      in.skip(*length);
      continue;
    }
    if (*length > ctx.limits.max_doc_bytes + (http ? 1 << 16 : 0)) {
      in.skip(*length);
      fail.problem = {error_code::too_large, too_large_message(ctx.limits.max_doc_bytes), 0};
      ctx.sink.on_failure(fail);
      continue;
    }
    std::string block;
    in.take(*length, block);
    if (block.size() < *length) {
      fail.problem = {error_code::io_error,
                      in.failed() ? ctx.read_error() : "WARC record truncated at the end of the file", 0};
      ctx.sink.on_failure(fail);
      return;
    }
    payload p;
    if (http) {
      std::string why;
      auto got = http_payload(block, ctx.limits.max_doc_bytes, why);
      if (!got) {
        if (!why.empty()) {
          fail.problem = {error_code::bad_json, why, 0};
          ctx.sink.on_failure(fail);
        }
        continue;
      }
      p = std::move(*got);
    } else {
      p.media = media_type(content_type);
      p.charset = charset_of(content_type);
      p.body = std::move(block);
    }
    if (!is_document_media(p.media)) {
      continue;
    }
    const bool html = p.media == "text/html" || p.media == "application/xhtml+xml" ||
                      (p.media.empty() &&
                       lower(std::string_view(p.body).substr(0, 512)).find("<html") != std::string::npos);
    std::string charset = p.charset.empty() && html ? meta_charset(p.body) : p.charset;
    if (!to_utf8(charset, p.body)) {
      fail.problem = {error_code::invalid_utf8, "cannot convert from charset " + charset + " to UTF-8", 0};
      ctx.sink.on_failure(fail);
      continue;
    }
    if (p.body.size() > ctx.limits.max_doc_bytes) {
      fail.problem = {error_code::too_large, too_large_message(ctx.limits.max_doc_bytes), 0};
      ctx.sink.on_failure(fail);
      continue;
    }
    if (auto bad = parser::check_text(p.body); !bad.ok()) {
      fail.problem = bad.err();
      ctx.sink.on_failure(fail);
      continue;
    }
    input_document doc;
    doc.origin = origin;
    doc.line = record;
    doc.ordinal = fail.ordinal;
    doc.id = std::move(id);
    doc.url = utf8_or(h.get("warc-target-uri"), "");
    if (doc.url.size() > 2 && doc.url.front() == '<') { // WARC/1.0 drafts wrote <uri>
      doc.url = doc.url.substr(1, doc.url.size() - 2);
    }
    doc.outlet = host_of(doc.url);
    doc.date = html ? published_date(p.body) : std::string();
    if (doc.date.empty()) {
      doc.date = utf8_or(h.get("warc-date").substr(0, 10), "");
    }
    doc.markup = html ? input_format::html : input_format::text;
    doc.text = std::move(p.body);
    ctx.deliver(doc);
  }
  if (in.failed()) {
    ctx.fail({origin,
              record,
              origin,
              {error_code::io_error, ctx.read_error() + " after WARC record " + std::to_string(record), 0},
              0});
  }
}

} // namespace quotecheck::cli
