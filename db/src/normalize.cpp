#include <quotecheck/db/normalize.hpp>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

namespace quotecheck::db {
namespace {

bool is_apostrophe(UChar32 c) {
  return c == 0x27 || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032 || c == 0x0060 || c == 0x00B4;
}

bool is_word_char(UChar32 c) {
  if (u_isalnum(c))
    return true;
  auto t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

std::string to_utf8(const icu::UnicodeString &u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

bool is_ascii(std::string_view text) {
  unsigned char any = 0;
  for (char c : text)
    any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

bool is_valid_utf8(std::string_view text) {
  const auto *p = reinterpret_cast<const uint8_t *>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0)
      return false;
  }
  return true;
}

/// `text` with each ill-formed sequence read as U+FFFD (not a word
/// character), as ICU reads UTF-8: one per maximal ill-formed subpart.
std::string replace_invalid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  const auto *p = reinterpret_cast<const uint8_t *>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0)
      out += "\xEF\xBF\xBD";
    else
      out.append(text.data() + at, static_cast<std::size_t>(i - at));
  }
  return out;
}

/// `text` in NFC, as UTF-8: `text` itself when it already is (all ASCII text
/// and most other text), else the normalised copy in `buf`.
std::string_view nfc_utf8(std::string_view text, std::string &buf) {
  if (is_ascii(text))
    return text;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2 *n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status))
    return text;
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (n->isNormalizedUTF8(piece, status) && U_SUCCESS(status))
    return text;
  status = U_ZERO_ERROR;
  buf.clear();
  icu::StringByteSink<std::string> sink(&buf);
  n->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? std::string_view(buf) : text;
}

bool is_word_char_fast(UChar32 c) {
  if (c < 0x80)
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return is_word_char(c);
}

/// Appends the words of valid, NFC UTF-8 `t` to `out`. Words are runs of
/// letters, digits and marks, with inner apostrophes (it's, O’Neill) and
/// digit separators (1,000 / 3.5); the key is the case-folded word without
/// apostrophes and thousands separators. ICU only for what is not ASCII.
void split_utf8_into(std::string_view t, std::vector<word> &out) {
  const auto *p = reinterpret_cast<const uint8_t *>(t.data());
  const auto n = static_cast<int32_t>(t.size());
  int32_t i = 0;
  while (i < n) {
    int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (!is_word_char_fast(c))
      continue;
    i = at;
    std::string spelled;
    std::string key;
    bool ascii_key = true;
    UChar32 prev = -1;
    while (i < n) {
      // A run of ASCII letters and digits at once: most of English text.
      int32_t run = i;
      while (run < n && p[run] < 0x80 && is_word_char_fast(p[run]))
        ++run;
      if (run > i) {
        const std::string_view ascii =
            t.substr(static_cast<std::size_t>(i), static_cast<std::size_t>(run - i));
        spelled += ascii;
        key += ascii;
        prev = p[run - 1];
        i = run;
        continue;
      }
      at = i;
      U8_NEXT(p, i, n, c);
      const std::string_view bytes = t.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at));
      if (is_word_char_fast(c)) {
        spelled += bytes;
        key += bytes;
        ascii_key = ascii_key && c < 0x80;
        prev = c;
        continue;
      }
      if (i < n) {
        int32_t j = i;
        UChar32 next = 0;
        U8_NEXT(p, j, n, next);
        if (is_apostrophe(c) && is_word_char_fast(next)) {
          spelled += bytes;
          prev = c;
          continue;
        }
        if ((c == ',' || c == '.') && u_isdigit(prev) && u_isdigit(next)) {
          spelled += bytes;
          if (c == '.')
            key += '.';
          prev = c;
          continue;
        }
      }
      i = at;
      break;
    }
    if (ascii_key) {
      for (char &k : key)
        k = (k >= 'A' && k <= 'Z') ? static_cast<char>(k | 0x20) : k;
    } else {
      auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(key.data(), static_cast<int32_t>(key.size())));
      u.foldCase();
      key = to_utf8(u);
    }
    out.push_back(word{std::move(spelled), std::move(key)});
  }
}

} // namespace

std::vector<word> split_words(std::string_view text) {
  std::vector<word> out;
  out.reserve(text.size() / 6 + 1); // about one word in six bytes of English
  std::string valid;
  if (!is_valid_utf8(text)) {
    valid = replace_invalid_utf8(text);
    text = valid;
  }
  std::string buf;
  split_utf8_into(nfc_utf8(text, buf), out);
  return out;
}

std::string normalize(std::string_view text) {
  std::string out;
  for (auto &w : split_words(text)) {
    if (!out.empty())
      out += ' ';
    out += w.key;
  }
  return out;
}

std::vector<quote_token> tokenize_quote(std::string_view quote) {
  std::vector<quote_token> out;
  auto add_gap = [&](std::string_view text, bool elision) {
    if (!out.empty() && out.back().type == quote_token::kind::gap) {
      out.back().text += ' ';
      out.back().text += text;
      out.back().elision = out.back().elision || elision;
      return;
    }
    out.push_back(quote_token{quote_token::kind::gap, elision, std::string(text), {}});
  };
  auto add_words = [&](std::string_view text) {
    for (auto &w : split_words(text))
      out.push_back(quote_token{quote_token::kind::word, false, std::move(w.text), std::move(w.key)});
  };

  std::size_t start = 0; // beginning of the plain text not yet tokenised
  std::size_t i = 0;
  while (i < quote.size()) {
    // "…" (U+2026)
    if (quote.compare(i, 3, "\xE2\x80\xA6") == 0) {
      add_words(quote.substr(start, i - start));
      add_gap("\xE2\x80\xA6", true);
      i += 3;
      start = i;
      continue;
    }
    // "..." or ". . ." (three or more dots, optionally spaced)
    if (quote[i] == '.') {
      std::size_t j = i;
      int dots = 0;
      while (j < quote.size() &&
             (quote[j] == '.' || (quote[j] == ' ' && j + 1 < quote.size() && quote[j + 1] == '.'))) {
        dots += quote[j] == '.';
        ++j;
      }
      if (dots >= 3) {
        add_words(quote.substr(start, i - start));
        add_gap("...", true);
        i = j;
        start = i;
        continue;
      }
    }
    if (quote[i] == '[') {
      std::size_t close = quote.find(']', i + 1);
      if (close != std::string_view::npos && close - i <= 200) {
        add_words(quote.substr(start, i - start));
        std::string_view inside = quote.substr(i + 1, close - i - 1);
        std::string folded;
        for (char ch : inside)
          if (!std::isspace(static_cast<unsigned char>(ch)) && ch != '*' && ch != '_')
            folded += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        bool elision = folded == "..." || folded == "\xE2\x80\xA6";
        if (folded != "sic" && folded != "sic!")
          add_gap(quote.substr(i, close - i + 1), elision);
        i = close + 1;
        start = i;
        continue;
      }
    }
    ++i;
  }
  add_words(quote.substr(start));
  return out;
}

bool is_stopword(std::string_view key) {
  static const std::unordered_set<std::string_view> words = {
      "a",         "about",  "above",  "after",   "again",      "against", "all",    "also",     "am",
      "an",        "and",    "any",    "are",     "as",         "at",      "be",     "because",  "been",
      "before",    "being",  "below",  "between", "both",       "but",     "by",     "can",      "could",
      "did",       "do",     "does",   "doing",   "down",       "during",  "each",   "even",     "ever",
      "few",       "for",    "from",   "further", "had",        "has",     "have",   "having",   "he",
      "her",       "here",   "hers",   "herself", "him",        "himself", "his",    "how",      "i",
      "if",        "in",     "into",   "is",      "it",         "its",     "itself", "just",     "let",
      "lets",      "me",     "more",   "most",    "much",       "must",    "my",     "myself",   "of",
      "off",       "on",     "once",   "only",    "or",         "other",   "ought",  "our",      "ours",
      "ourselves", "out",    "over",   "own",     "really",     "said",    "same",   "say",      "says",
      "shall",     "she",    "should", "so",      "some",       "such",    "than",   "that",     "thats",
      "the",       "their",  "theirs", "them",    "themselves", "then",    "there",  "theres",   "these",
      "they",      "theyre", "this",   "those",   "through",    "to",      "too",    "truly",    "under",
      "until",     "up",     "us",     "very",    "was",        "we",      "were",   "weve",     "what",
      "when",      "where",  "which",  "while",   "who",        "whom",    "why",    "will",     "with",
      "would",     "you",    "your",   "yours",   "yourself",   "im",      "ive",    "ill",      "id",
      "youre",     "hes",    "shes",   "were",    "its",        "well",    "whats",  "whos",     "told",
      "stated",    "added",  "still",  "indeed",  "quite",      "rather",  "simply", "actually", "certainly",
      "definitely"};
  return words.count(key) != 0;
}

bool is_negation(std::string_view key) {
  static const std::unordered_set<std::string_view> words = {
      "not",    "no",     "never",    "nothing", "none",    "neither", "nor",     "nobody", "cannot", "cant",
      "dont",   "doesnt", "didnt",    "wont",    "wouldnt", "isnt",    "arent",   "wasnt",  "werent", "hasnt",
      "havent", "hadnt",  "shouldnt", "couldnt", "mustnt",  "neednt",  "without", "nowhere"};
  return words.count(key) != 0;
}

} // namespace quotecheck::db
