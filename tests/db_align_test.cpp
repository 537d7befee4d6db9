/// Normalisation and word alignment: what counts as the same words, what
/// legitimate editing is allowed, and the word diff.

#include <quotecheck/db/align.hpp>
#include <quotecheck/db/matcher.hpp>
#include <quotecheck/db/normalize.hpp>

#include <catch2/catch.hpp>

using namespace quotecheck::db;

namespace {
using K = diff_op::kind;
}

TEST_CASE("normalisation ignores case, punctuation, apostrophe style and composition", "[db][normalize]") {
  CHECK(normalize("It\u2019s VITAL, we said!") == normalize("it's vital we said"));
  CHECK(normalize("It\u2019s") == "its");
  CHECK(normalize("Cafe\u0301 cr\u00E8me") == normalize("Caf\u00E9 CR\u00C8ME"));
  CHECK(normalize("STRASSE") == normalize("strasse"));
  CHECK(normalize("long-term \u2014 plans") == "long term plans");
  CHECK(normalize("1,000 people; 3.5 percent.") == "1000 people 3.5 percent");
  CHECK(normalize("\u201CQuoted\u201D \u00ABtext\u00BB") == "quoted text");
}

TEST_CASE("quote tokens: ellipses and brackets are gaps, [sic] is dropped", "[db][normalize]") {
  auto t = tokenize_quote("We will\u2026 win [the vote] [sic] today . . . and...");
  std::vector<std::string> got;
  for (auto &x : t)
    got.push_back(x.type == quote_token::kind::gap ? "<gap>" : x.key);
  CHECK(got ==
        std::vector<std::string>{"we", "will", "<gap>", "win", "<gap>", "today", "<gap>", "and", "<gap>"});
}

TEST_CASE("an identical quote aligns exactly with the whole statement", "[db][align]") {
  auto a = align_text("We must work with our partners.", "we must work with our partners");
  CHECK(a.score == Approx(1.0));
  CHECK(a.exact());
  CHECK(a.whole());
  REQUIRE(a.diff.size() == 1);
  CHECK(a.diff[0] == diff_op{K::equal, "We must work with our partners"});
}

TEST_CASE("a changed word gives delete-then-insert in the diff", "[db][align]") {
  auto a = align_text("It's vital we improve our partnership with Europe",
                      "It's vital we upgrade our partnership with Europe");
  CHECK_FALSE(a.exact());
  CHECK(a.inserted == 1);
  CHECK(a.removed == 1);
  CHECK(a.score == Approx(14.0 / 16.0));
  REQUIRE(a.diff.size() == 4);
  CHECK(a.diff[0] == diff_op{K::equal, "It's vital we"});
  CHECK(a.diff[1] == diff_op{K::remove, "upgrade"});
  CHECK(a.diff[2] == diff_op{K::insert, "improve"});
  CHECK(a.diff[3] == diff_op{K::equal, "our partnership with Europe"});
  CHECK(to_string(K::remove) == "delete");
}

TEST_CASE("added and dropped words are inserts and deletes", "[db][align]") {
  auto added = align_text("we will never ever give up", "we will never give up");
  CHECK(added.inserted == 1);
  CHECK(added.removed == 0);
  CHECK(added.diff[1] == diff_op{K::insert, "ever"});
  auto dropped = align_text("we will give up", "we will never give up");
  CHECK(dropped.inserted == 0);
  CHECK(dropped.removed == 1);
  CHECK(dropped.diff[1] == diff_op{K::remove, "never"});
}

TEST_CASE("a quote from the middle of a statement is an exact fragment", "[db][align]") {
  auto a = align_text("stand with Ukraine for as long as it takes",
                      "Britain will stand with Ukraine for as long as it takes, and we will keep going.");
  CHECK(a.exact());
  CHECK_FALSE(a.whole());
  CHECK(a.cover_begin == 2);
  CHECK(a.cover_end == 11);
  CHECK(a.score == Approx(1.0));
}

TEST_CASE("an ellipsis allows a gap; the quote stays exact", "[db][align][edits]") {
  const char *st = "We will, whatever the cost and however long it takes, defend our island.";
  for (const char *q : {"We will \u2026 defend our island.", "We will ... defend our island",
                        "We will [\u2026] defend our island", "We will. . . defend our island"}) {
    INFO(q);
    auto a = align_text(q, st);
    CHECK(a.exact());
    CHECK(a.whole());
    CHECK(a.score == Approx(1.0));
  }
  // Without the ellipsis, dropping the words is an alteration.
  auto cut = align_text("We will defend our island.", st);
  CHECK_FALSE(cut.exact());
  CHECK(cut.score < 1.0);
}

TEST_CASE("a bracketed insertion matches any words or none", "[db][align][edits]") {
  auto replaced = align_text("[The minister] has done nothing wrong", "He has done nothing wrong");
  CHECK(replaced.exact());
  CHECK(replaced.whole());
  auto middle = align_text("I told [the committee] that we would act", "I told them that we would act");
  CHECK(middle.exact());
  CHECK(middle.whole());
  auto none = align_text("I told [the committee] that we would act", "I told that we would act");
  CHECK(none.exact());
  auto added = align_text("We [in Europe] must act", "We must act");
  CHECK(added.exact());
  auto diff_has_bracket = std::any_of(added.diff.begin(), added.diff.end(), [](const diff_op &d) {
    return d.text.find("[in Europe]") != std::string::npos;
  });
  CHECK(diff_has_bracket);
}

TEST_CASE("[sic], case and punctuation are not alterations", "[db][align][edits]") {
  CHECK(align_text("Their [sic] going to win", "Their going to win!").exact());
  CHECK(align_text("THE TALKS, HE SAID, WERE GOOD", "The talks he said were good.").exact());
  CHECK(align_text("\u201CWe\u2019re ready\u201D", "\"We're ready\"").exact());
}

TEST_CASE("unrelated text scores low", "[db][align]") {
  auto a = align_text("the weather is fine today", "we must raise defence spending");
  CHECK(a.score < 0.2);
  auto empty = align_text("", "anything");
  CHECK(empty.score == 0);
}

TEST_CASE("FTS queries: content words, each quoted, OR-combined", "[db][matcher]") {
  CHECK(fts_query(tokenize_quote("We must work with our partners")) == "\"work\" OR \"partners\"");
  CHECK(fts_query(tokenize_quote("it is what it is")) == "\"it\" OR \"is\" OR \"what\"");
  CHECK(fts_query(tokenize_quote("... [sic]")).empty());
  // FTS5 operators in the text stay words.
  CHECK(fts_query(tokenize_quote("NEAR(x) AND y*")) == "\"NEAR\" OR \"x\" OR \"y\"");
  CHECK(fts_query(tokenize_quote("Lammy\u2019s plan")) == "\"Lammy\u2019s\" OR \"plan\"");
}
