// Hostile input at the unit level: encodings the readers must refuse with a
// clear reason, and pathological documents (deep nesting, huge numbers of
// marks, one enormous quotation or line) that must be processed completely
// on a small, fixed stack: each case runs on a thread with a 512 KiB stack,
// so a recursion that grows with the input crashes the test.

#include "support/html.hpp"
#include "support/markdown.hpp"

#include "quotecheck/attribution/attribution.hpp"
#include "quotecheck/parser/parse.hpp"
#include "quotecheck/parser/utf8.hpp"

#include <catch2/catch.hpp>

#include <pthread.h>

#include <functional>
#include <string>

namespace {

namespace qp = quotecheck::parser;

/// Runs `fn` to completion on a new thread whose stack is `bytes` big.
void on_small_stack(const std::function<void()> &fn, std::size_t bytes = 512 * 1024) {
  pthread_attr_t attr;
  REQUIRE(pthread_attr_init(&attr) == 0);
  REQUIRE(pthread_attr_setstacksize(&attr, bytes) == 0);
  pthread_t thread;
  auto call = [](void *arg) -> void * {
    (*static_cast<const std::function<void()> *>(arg))();
    return nullptr;
  };
  REQUIRE(pthread_create(&thread, &attr, call, const_cast<std::function<void()> *>(&fn)) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

/// The document, its attributed quotes, parsed and attributed on a small stack.
struct processed {
  qp::document doc;
  std::vector<quotecheck::attribution::attributed_quote> quotes;
};
processed process(std::string_view text, qp::parse_options opts = {}) {
  processed out;
  on_small_stack([&] {
    qp::parse_scratch scratch;
    qp::parse(text, opts, scratch, out.doc);
    out.quotes = quotecheck::attribution::attribute(out.doc);
  });
  return out;
}

std::string text_of(const processed &p, qp::span s) {
  return std::string(p.doc.text.substr(s.begin, s.size()));
}

std::size_t count_rule(const qp::document &doc, std::string_view rule) {
  std::size_t n = 0;
  for (const auto &d : doc.diagnostics) {
    n += d.rule == rule ? 1 : 0;
  }
  return n;
}

/// `s` encoded as UTF-16 (ASCII only), little- or big-endian, without a BOM.
std::string ascii_utf16(std::string_view s, bool little_endian) {
  std::string out;
  for (const char c : s) {
    out += little_endian ? std::string{c, '\0'} : std::string{'\0', c};
  }
  return out;
}

} // namespace

TEST_CASE("UTF-16 without a byte-order mark is named as UTF-16, not as binary", "[hostile][utf8]") {
  const std::string text = "\"We will win,\" said Ann Lee.\n";
  const auto le = qp::check_text(ascii_utf16(text, true));
  REQUIRE_FALSE(le.ok());
  CHECK(le.err().message == "UTF-16LE text (no byte-order mark); convert it to UTF-8");
  const auto be = qp::check_text(ascii_utf16(text, false));
  REQUIRE_FALSE(be.ok());
  CHECK(be.err().message == "UTF-16BE text (no byte-order mark); convert it to UTF-8");
}

TEST_CASE("a binary file with NUL bytes is still called binary", "[hostile][utf8]") {
  const std::string elf("\x7F"
                        "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3E\0",
                        20);
  const auto r = qp::check_text(elf);
  REQUIRE_FALSE(r.ok());
  CHECK(r.err().code == quotecheck::error_code::binary_input);
  CHECK(r.err().offset == 7);
}

TEST_CASE("a UTF-8 byte-order mark does not hide the quotation after it", "[hostile][bom]") {
  const std::string text = "\xEF\xBB\xBF\"Hi,\" said Ann.\n";
  REQUIRE(qp::check_text(text).ok());
  const auto p = process(text);
  REQUIRE(p.quotes.size() == 1);
  CHECK(text_of(p, p.quotes[0].content) == "Hi");
  CHECK(p.quotes[0].kind == qp::quote_kind::direct);
  REQUIRE(p.quotes[0].who.has_value());
  CHECK(p.doc.diagnostics.empty());
}

TEST_CASE("CRLF and lone CR line ends divide paragraphs like LF", "[hostile][line-ends]") {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    const std::string text = "\"One,\" said Ann." + eol + "\"Two,\" said Bob." + eol;
    qp::parse_options opts;
    opts.paragraphs = qp::paragraph_mode::line;
    const auto p = process(text, opts);
    REQUIRE(p.quotes.size() == 2);
    CHECK(text_of(p, p.quotes[0].content) == "One");
    CHECK(text_of(p, p.quotes[1].content) == "Two");
    CHECK(p.doc.paragraphs.size() == 2);
  }
}

TEST_CASE("an empty document has no quotes and no diagnostics", "[hostile]") {
  const auto p = process("");
  CHECK(p.quotes.empty());
  CHECK(p.doc.diagnostics.empty());
}

TEST_CASE("quotes nested 10,000 deep parse and attribute on a 512 KiB stack", "[hostile][stack]") {
  std::string s = "Ann Lee said ";
  for (int i = 0; i < 5000; ++i) {
    s += "\u201Ca \u2018b ";
  }
  s += "core";
  for (int i = 0; i < 5000; ++i) {
    s += "\u2019 c\u201D d";
  }
  s += ".";
  qp::parse_options opts;
  opts.nested_quotes = true;
  const auto p = process(s, opts);
  CHECK(p.doc.quotes.size() == 10000);
  CHECK(p.doc.diagnostics.empty());
  CHECK(p.doc.quotes.back().depth == 9999);
}

TEST_CASE("100,000 unbalanced marks are all reported on a 512 KiB stack", "[hostile][stack]") {
  std::string s;
  for (int i = 0; i < 100000; ++i) {
    s += "\u201Cword ";
  }
  const auto p = process(s);
  CHECK(count_rule(p.doc, "quote.unbalanced") == 100000);
}

TEST_CASE("a 4 MB quotation is one quote, attributed, on a 512 KiB stack", "[hostile][stack]") {
  std::string s = "\u201C";
  while (s.size() < (4U << 20)) {
    s += "we will keep building, and we will not stop. ";
  }
  s += "Done,\u201D said Ann Lee.\n";
  const auto p = process(s);
  REQUIRE(p.quotes.size() == 1);
  CHECK(p.quotes[0].content.begin == 3);
  CHECK(text_of(p, p.quotes[0].content).ends_with("Done"));
  REQUIRE(p.quotes[0].who.has_value());
  CHECK(p.doc.diagnostics.empty());
}

TEST_CASE("HTML nested 10,000 deep is masked in place on a 512 KiB stack", "[hostile][html][stack]") {
  std::string page = "<html><body>";
  for (int i = 0; i < 10000; ++i) {
    page += i % 2 == 0 ? "<div>" : "<span>";
  }
  page += "&ldquo;Deep,&rdquo; said Ann Lee.";
  for (int i = 10000; i-- > 0;) {
    page += i % 2 == 0 ? "</div>" : "</span>";
  }
  page += "</body></html>\n";
  std::string masked;
  on_small_stack([&] { masked = quotecheck::cli::mask_html(page); });
  REQUIRE(masked.size() == page.size());
  // A reference becomes its character padded with spaces to the reference's length.
  CHECK(masked.find("\u201C    Deep,\u201D     said Ann Lee.") != std::string::npos);
  CHECK(masked.find('<') == std::string::npos);
}

TEST_CASE("HTML: scripts, styles and tags never reach the parser", "[hostile][html]") {
  const std::string page = "<html><head><script>var q = \"<p>\u201CInjected,\u201D said X.</p>\";</script>"
                           "<style>p::before { content: '\"'; }</style></head><body>"
                           "<p>&ldquo;Real,&rdquo; said <b onclick=\"alert('x')\">Ann Lee</b>.</p>"
                           "<script>document.write('\u201CAlso injected\u201D');</script></body></html>";
  const std::string masked = quotecheck::cli::mask_html(page);
  REQUIRE(masked.size() == page.size());
  CHECK(masked.find("Injected") == std::string::npos);
  CHECK(masked.find("alert") == std::string::npos);
  CHECK(masked.find("content") == std::string::npos);
  const auto p = process(masked);
  REQUIRE(p.quotes.size() == 1);
  CHECK(text_of(p, p.quotes[0].content) == "Real");
}

TEST_CASE("Markdown nested 10,000 deep is masked in place on a 512 KiB stack", "[hostile][markdown][stack]") {
  std::string md(10000, '>');
  md += " \"Deep,\" said Ann Lee. [link](http://e.com/\"x\") `\"code\"`\n";
  for (int i = 0; i < 10000; ++i) {
    md += std::string(static_cast<std::size_t>(i % 40), ' ') + "- [a](";
  }
  md += "\n";
  std::string masked;
  on_small_stack([&] { masked = quotecheck::cli::mask_markdown(md); });
  REQUIRE(masked.size() == md.size());
  CHECK(masked.find("\"Deep,\" said Ann Lee.") != std::string::npos);
  CHECK(masked.find("\"code\"") == std::string::npos);
}
