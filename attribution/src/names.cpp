/// Name finding and source analysis.

#include "names.hpp"

#include "quotecheck/parser/lexicon.hpp"

#include <algorithm>

namespace quotecheck::attribution {

namespace {

using parser::token;
using parser::token_class;

char lower_char(char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); }

std::string lower(std::string_view w) {
  std::string s(w);
  for (char &c : s) {
    c = lower_char(c);
  }
  return s;
}

/// True when `w` lower-cased (ASCII) equals `lower_lit`; no allocation.
bool iequals(std::string_view w, std::string_view lower_lit) {
  if (w.size() != lower_lit.size()) {
    return false;
  }
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (lower_char(w[i]) != lower_lit[i]) {
      return false;
    }
  }
  return true;
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::any_of(set.begin(), set.end(), [w](std::string_view s) { return iequals(w, s); });
}

/// A word lower-cased (ASCII) in place for short words, so that the lookups
/// made for every capitalised word of a document do not allocate.
class lower_word {
public:
  explicit lower_word(std::string_view w) {
    if (w.size() <= sizeof small_) {
      for (std::size_t i = 0; i < w.size(); ++i) {
        small_[i] = lower_char(w[i]);
      }
      view_ = std::string_view(small_, w.size());
    } else {
      big_ = lower(w);
      view_ = big_;
    }
  }
  lower_word(const lower_word &) = delete;
  lower_word &operator=(const lower_word &) = delete;
  [[nodiscard]] std::string_view view() const { return view_; }

private:
  char small_[48];
  std::string big_;
  std::string_view view_;
};

/// FNV-1a over the bytes of `w`, lower-cased (ASCII) when `fold` is set:
/// the key of the set of words a text writes in lower case.
std::uint64_t word_hash(std::string_view w, bool fold) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : w) {
    h ^= static_cast<unsigned char>(fold ? lower_char(c) : c);
    h *= 1099511628211ULL;
  }
  return h;
}

bool is_anonymous_head(std::string_view w) {
  return one_of(w, {"official",   "officials", "source",    "sources",    "people",        "person",
                    "aide",       "aides",     "diplomat",  "diplomats",  "insider",       "insiders",
                    "analyst",    "analysts",  "expert",    "experts",    "observer",      "observers",
                    "critic",     "critics",   "resident",  "residents",  "witness",       "witnesses",
                    "lawmakers",  "officers",  "employees", "staffers",   "staff",         "members",
                    "supporters", "opponents", "advisers",  "advisors",   "investigators", "prosecutors",
                    "someone",    "others",    "matter",    "spokesman",  "spokeswoman",   "spokesperson",
                    "leaders",    "voters",    "democrats", "republicans"});
}

bool is_spokes(std::string_view w) {
  return one_of(w, {"spokesman", "spokeswoman", "spokesperson", "spokespeople"});
}

bool is_suffix(std::string_view w) { return one_of(w, {"jr", "sr", "ii", "iii", "iv"}); }

bool is_particle(std::string_view w) {
  return one_of(w,
                {"de", "van", "von", "der", "den", "bin", "al", "la", "le", "del", "da", "di", "du", "ibn"});
}

} // namespace

name_index::name_index(std::string_view text, const std::vector<token> &tokens,
                       const std::vector<parser::span> &quoted)
    : text_(text), tokens_(tokens), quoted_(tokens.size(), false) {
  std::size_t q = 0;
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    while (q < quoted.size() && quoted[q].end <= tokens_[i].begin) {
      ++q;
    }
    quoted_[i] = q < quoted.size() && quoted[q].begin <= tokens_[i].begin;
  }
  // Which capitalised words does the text also write in lower case? Hash
  // the capitalised ones first (few), then look the lower-case ones up.
  std::vector<std::uint64_t> capitalised;
  for (const token &t : tokens_) {
    if (t.cls == token_class::word && t.is(parser::capitalised) && t.end - t.begin <= 24) {
      capitalised.push_back(word_hash(text_.substr(t.begin, t.end - t.begin), true));
    }
  }
  std::sort(capitalised.begin(), capitalised.end());
  capitalised.erase(std::unique(capitalised.begin(), capitalised.end()), capitalised.end());
  for (const token &t : tokens_) {
    if (t.cls == token_class::word && !t.is(parser::capitalised) && t.end - t.begin <= 24) {
      const std::uint64_t h = word_hash(text_.substr(t.begin, t.end - t.begin), false);
      if (std::binary_search(capitalised.begin(), capitalised.end(), h)) {
        lower_forms_.push_back(h);
      }
    }
  }
  std::sort(lower_forms_.begin(), lower_forms_.end());
  lower_forms_.erase(std::unique(lower_forms_.begin(), lower_forms_.end()), lower_forms_.end());
  scan();
  vote_genders();
}

bool name_index::is_name_word(std::size_t i) const {
  const token &t = tokens_[i];
  if (t.cls != token_class::word || !t.is(parser::capitalised)) {
    return false;
  }
  const lower_word lw(word(i));
  const std::string_view l = lw.view();
  if (const auto ap = l.find('\''); ap != std::string_view::npos) {
    if (l.size() - ap <= 3 && !l.ends_with("'s")) {
      return false; // I'm, I'll, I've
    }
  }
  // Short texts may never write these in lower case; they are still not names.
  static const std::unordered_set<std::string_view> function_words = {
      "the",      "a",        "an",        "this",     "that",   "these",    "those",     "it",
      "its",      "there",    "here",      "then",     "when",   "while",    "but",       "and",
      "or",       "so",       "yet",       "if",       "as",     "at",       "in",        "on",
      "of",       "for",      "to",        "from",     "by",     "with",     "after",     "before",
      "during",   "since",    "until",     "although", "though", "because",  "however",   "meanwhile",
      "monday",   "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday",    "january",
      "february", "march",    "april",     "may",      "june",   "july",     "august",    "september",
      "october",  "november", "december",  "earlier",  "later",  "today",    "yesterday", "tomorrow",
      "now",      "still",    "also",      "yes",      "no",     "oh",       "well",      "dear",
      "dearest",  "chapter",  "what",      "why",      "how",    "who",      "where",     "which",
      "all",      "some",     "many",      "most",     "both",   "each",     "every",     "one",
      "two",      "three",    "first",     "last",     "next",   "new",      "our",       "my",
      "your",     "his",      "her",       "their",    "we",     "i",        "you",       "he",
      "she",      "they",     "me",        "him",      "us",     "them"};
  return !function_words.contains(l) &&
         !std::binary_search(lower_forms_.begin(), lower_forms_.end(), word_hash(l, false));
}

void name_index::vote_genders() {
  // The first personal pronoun within a few tokens after a mention votes
  // for that person's gender; honorifics decide outright.
  for (std::size_t m = 0; m < mentions_.size(); ++m) {
    name_entry &e = entries_[mentions_[m].second];
    const std::size_t start = mention_token_[m];
    for (std::size_t k = start + 1; k < tokens_.size() && k < start + 16; ++k) {
      if (tokens_[k].cls != token_class::word || quoted_[k]) {
        continue;
      }
      const std::string_view w = word(k);
      if (w.size() > 7) {
        continue;
      }
      if (one_of(w, {"he", "him", "his", "himself"})) {
        ++e.he;
        break;
      }
      if (one_of(w, {"she", "her", "hers", "herself"})) {
        ++e.she;
        break;
      }
    }
  }
  for (name_entry &e : entries_) {
    if (e.gender == 0 && e.he + e.she >= 2) {
      e.gender = e.he >= 2 * e.she ? 'm' : (e.she >= 2 * e.he ? 'f' : 0);
    }
  }
}

const name_entry *name_index::last_person_other_than(std::uint32_t at, const std::string &not_name) const {
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), std::make_pair(at, std::size_t{0}));
  for (std::size_t steps = 0; it != mentions_.begin() && steps < 32; ++steps) {
    --it;
    const name_entry &e = entries_[it->second];
    if (e.name != not_name) {
      return &e;
    }
  }
  return nullptr;
}

char name_index::gender_of(const std::string &name) const {
  const name_entry *e = canonical(name);
  return e != nullptr ? e->gender : 0;
}

std::string_view name_index::word(std::size_t i) const {
  return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
}

std::string name_index::join(std::size_t a, std::size_t b) const {
  // Tokens joined by single spaces where the text has any white space
  // (names in hard-wrapped text run across line ends).
  std::string out;
  for (std::size_t k = a; k < b; ++k) {
    if (tokens_[k].cls == token_class::newline) {
      continue;
    }
    if (!out.empty() && (tokens_[k].is(parser::space_before) || tokens_[k - 1].cls == token_class::newline)) {
      out += ' ';
    }
    out += word(k);
  }
  return out;
}

void name_index::record_honorific(std::size_t idx, std::size_t at) {
  if (at >= tokens_.size() || entries_[idx].gender != 0) {
    return;
  }
  const std::string_view h = word(at);
  if (one_of(h, {"mr", "sir", "lord", "monsieur", "herr"})) {
    entries_[idx].gender = 'm';
  } else if (one_of(h, {"mrs", "miss", "ms", "lady", "dame", "madame", "frau"})) {
    entries_[idx].gender = 'f';
  }
}

void name_index::scan() {
  const std::size_t n = tokens_.size();
  std::size_t i = 0;
  while (i < n) {
    const token &t = tokens_[i];
    if (t.cls != token_class::word || !t.is(parser::capitalised)) {
      ++i;
      continue;
    }
    // A run of capitalised words, initials ("J.") and particles.
    std::size_t j = i;
    while (j < n) {
      const token &u = tokens_[j];
      const bool name_word =
          u.cls == token_class::word && (u.is(parser::capitalised) || (j > i && is_particle(word(j))));
      const bool initial_period =
          u.cls == token_class::punct && word(j) == "." && j > i && !u.is(parser::space_before) &&
          tokens_[j - 1].end - tokens_[j - 1].begin == 1 && j + 1 < n &&
          tokens_[j + 1].cls == token_class::word && tokens_[j + 1].is(parser::capitalised);
      if (name_word || initial_period) {
        ++j;
      } else {
        break;
      }
    }
    // Leading capitalised words that the text also writes in lower case
    // are sentence starts, not names ("But Matthew", "Dear Margaret").
    std::size_t honorific_at = n;
    while (i < j && tokens_[i].cls == token_class::word && !is_name_word(i) &&
           !parser::is_title_word(word(i)) && !parser::is_honorific(word(i))) {
      ++i;
    }
    if (i >= j) {
      i = j;
      continue;
    }
    // Split off leading titles and roles: "U.S. President Donald Trump".
    // A title counts only before the name's last word: "King" in "Martin
    // Luther King Jr." is the name.
    std::size_t last_name_word = i;
    for (std::size_t k = i; k < j; ++k) {
      if (tokens_[k].cls == token_class::word && !is_suffix(word(k)) && !parser::is_title_word(word(k)) &&
          !parser::is_honorific(word(k))) {
        last_name_word = k;
      }
    }
    std::size_t name_start = i;
    for (std::size_t k = i; k < last_name_word; ++k) {
      if (tokens_[k].cls == token_class::word &&
          (parser::is_title_word(word(k)) || parser::is_honorific(word(k)))) {
        name_start = k + 1;
        if (parser::is_honorific(word(k))) {
          honorific_at = k;
        }
      }
    }
    while (name_start < j && tokens_[name_start].cls != token_class::word) {
      ++name_start; // the period of "Mrs."
    }
    if (name_start >= j) {
      i = j;
      continue;
    }
    std::size_t words = 0;
    bool org = false;
    for (std::size_t k = name_start; k < j; ++k) {
      if (tokens_[k].cls == token_class::word) {
        ++words;
        org = org || parser::is_organisation_word(word(k)) || tokens_[k].is(parser::all_caps);
      }
    }
    if (words >= 2 && !org && parser::speech_lemma(word(j - 1)).empty()) {
      // The role: title words in the run, and role words just before it.
      std::size_t r = i;
      while (r > 0 && i - r < 6) {
        const token &p = tokens_[r - 1];
        const std::string_view w = word(r - 1);
        const bool role_word = p.cls == token_class::word &&
                               (parser::is_title_word(w) ||
                                (p.is(parser::capitalised) && (w.ends_with("ish") || w.ends_with("an") ||
                                                               w.ends_with("ese") || w.ends_with("'s"))));
        const bool initial = p.cls == token_class::punct && w == "." && !p.is(parser::space_before);
        const bool single_cap =
            p.cls == token_class::word && p.end - p.begin == 1 && p.is(parser::capitalised);
        if (role_word || initial || single_cap) {
          --r;
        } else {
          break;
        }
      }
      std::string role = join(r, name_start);
      // Apposition before: "the EU's foreign policy chief, Kaja Kallas".
      if (role.empty() && i >= 2 && word(i - 1) == ",") {
        std::size_t a = i - 1;
        std::size_t steps = 0;
        while (a > 0 && steps < 7 && tokens_[a - 1].cls == token_class::word &&
               !one_of(word(a - 1), {"the", "a", "an", "as", "and", "said", "says"})) {
          --a;
          ++steps;
        }
        if (a < i - 1 && parser::is_title_word(word(i - 2))) {
          role = join(a, i - 1);
        }
      }
      // Apposition after: "Hugh Hill, a doctor, said".
      if (role.empty() && j + 2 < n && word(j) == "," && one_of(word(j + 1), {"a", "an", "the"})) {
        std::size_t b = j + 2;
        while (b < n && b < j + 9 && tokens_[b].cls == token_class::word) {
          ++b;
        }
        const bool ends =
            b == n || word(b) == "," || word(b) == "." || tokens_[b].cls == token_class::newline;
        if (ends && b > j + 2) {
          role = join(j + 2, b); // ", the union's regional secretary." too
        }
      }
      std::string_view last = word(last_name_word);
      if (last.ends_with("'s") || last.ends_with("\u2019s")) {
        last.remove_suffix(last.ends_with("'s") ? 2 : 4);
      }
      const lower_word last_key(last);
      std::size_t idx = 0;
      if (auto it = by_last_.find(last_key.view()); it != by_last_.end()) {
        idx = it->second;
        if (entries_[idx].role.empty()) {
          entries_[idx].role = std::move(role);
        }
      } else {
        idx = entries_.size();
        std::string clean = join(name_start, j);
        if (clean.ends_with("'s")) {
          clean.erase(clean.size() - 2);
        }
        entries_.push_back({std::move(clean), std::move(role), tokens_[name_start].begin});
        by_last_.emplace(std::string(last_key.view()), idx);
      }
      record_honorific(idx, honorific_at);
      if (std::size_t sp = entries_[idx].name.find(' '); sp != std::string::npos) {
        const lower_word first_key(std::string_view(entries_[idx].name).substr(0, sp));
        if (!by_first_.contains(first_key.view())) {
          by_first_.emplace(std::string(first_key.view()), idx);
        }
      }
      if (!quoted_[name_start]) {
        mentions_.emplace_back(tokens_[name_start].begin, idx);
        mention_token_.push_back(static_cast<std::uint32_t>(name_start));
      }
    } else if (words == 1 && !org) {
      // A short form of a name met before ("Lammy"), or a one-word name
      // the text never writes in lower case ("Marilla").
      const std::string_view last = word(j - 1);
      const lower_word key(last);
      auto it = by_last_.find(key.view());
      if (it == by_last_.end()) {
        it = by_first_.find(key.view());
      }
      std::size_t idx = entries_.size();
      if (it != by_last_.end() && it != by_first_.end()) {
        idx = it->second;
      } else if (is_name_word(j - 1) && !parser::is_organisation_word(last) && !parser::is_title_word(last)) {
        entries_.push_back({std::string(word(j - 1)), join(i, name_start), tokens_[name_start].begin});
        by_last_.emplace(std::string(key.view()), idx);
      } else {
        i = j;
        continue;
      }
      record_honorific(idx, honorific_at);
      if (!quoted_[name_start]) {
        mentions_.emplace_back(tokens_[name_start].begin, idx);
        mention_token_.push_back(static_cast<std::uint32_t>(name_start));
      }
    }
    i = j;
  }
}

source_analysis name_index::analyse(parser::span source) const {
  source_analysis a;
  const auto first = std::lower_bound(tokens_.begin(), tokens_.end(), source.begin,
                                      [](const token &t, std::uint32_t b) { return t.begin < b; });
  std::size_t s = static_cast<std::size_t>(first - tokens_.begin());
  std::size_t e = s;
  while (e < tokens_.size() && tokens_[e].end <= source.end) {
    ++e;
  }
  // "Martin Luther King Jr.": trailing punctuation and name suffixes do not
  // decide what the source is (they stay in the name as written).
  std::size_t head_end = e;
  while (head_end > s && (tokens_[head_end - 1].cls != token_class::word || is_suffix(word(head_end - 1)))) {
    --head_end;
  }
  if (s >= head_end) {
    return a;
  }
  const std::size_t full_end = e;
  e = head_end;
  // One pronoun.
  if (e - s == 1) {
    const char g = parser::pronoun_gender(word(s));
    if (g != 0 && g != 'i') {
      a.kind = source_kind::pronoun;
      a.plural = g == 'p' || g == 'n';
      a.name = std::string(word(s));
      return a;
    }
    if (g == 'i') {
      // "I said": the narrator (first person) — the pronoun is all we have.
      if (one_of(word(s), {"i", "we"})) {
        a.kind = source_kind::narrator;
        a.name = std::string(word(s));
      }
      return a;
    }
  }
  const std::string text = join(s, e);
  // "a spokesman for the ministry", "Kremlin spokesman Dmitry Peskov"
  for (std::size_t k = s; k < e; ++k) {
    if (is_spokes(word(k)) && k + 2 < e && one_of(word(k + 1), {"for"})) {
      std::size_t o = k + 2;
      if (one_of(word(o), {"the"})) {
        ++o;
      }
      a.kind = source_kind::organisation;
      a.name = join(o, e);
      a.role = std::string(word(k));
      return a;
    }
  }
  const std::string_view head = word(e - 1);
  // "a report by the Institute for Fiscal Studies": the author speaks.
  for (std::size_t k = s; k + 2 < e; ++k) {
    if (parser::is_document_word(word(k)) && one_of(word(k + 1), {"by", "from"})) {
      source_analysis author = analyse({tokens_[k + 2].begin, source.end});
      if (author.kind == source_kind::person || author.kind == source_kind::organisation) {
        return author;
      }
    }
  }
  // "a senior manager", "an EU diplomat": someone the text does not name.
  bool named = false;
  for (std::size_t k = s + 1; k < e; ++k) {
    named = named || (tokens_[k].is(parser::capitalised) && !tokens_[k].is(parser::all_caps) &&
                      !parser::is_title_word(word(k)));
  }
  const bool indefinite = one_of(word(s), {"a", "an"}) && !named && !parser::is_document_word(head);
  if (indefinite || text.find("familiar with") != std::string::npos ||
      (is_anonymous_head(head) && !tokens_[e - 1].is(parser::capitalised))) {
    a.kind = source_kind::anonymous;
    a.name = text;
    return a;
  }
  if (parser::is_document_word(head)) {
    a.kind = source_kind::document;
    std::size_t o = s;
    while (o < e && one_of(word(o), {"the", "a", "an", "its", "their", "his", "her"})) {
      ++o;
    }
    a.name = join(o, e);
    return a;
  }
  const bool capitalised = tokens_[e - 1].is(parser::capitalised);
  // "the Institute for Fiscal Studies", "Bank of England": an organisation
  // word followed only by more of the name.
  bool org_name = parser::is_organisation_word(head) || tokens_[e - 1].is(parser::all_caps);
  for (std::size_t k = s; k < e && !org_name; ++k) {
    if (!tokens_[k].is(parser::capitalised) || !parser::is_organisation_word(word(k))) {
      continue;
    }
    bool rest_is_name = true;
    for (std::size_t m = k + 1; m < e; ++m) {
      rest_is_name = rest_is_name &&
                     (tokens_[m].is(parser::capitalised) || one_of(word(m), {"for", "of", "and", "the"}));
    }
    org_name = rest_is_name;
  }
  if (capitalised && org_name) {
    a.kind = source_kind::organisation;
    std::size_t o = s;
    if (one_of(word(o), {"the"})) {
      ++o;
    }
    // "UK's Foreign ... Office": the country possessive is not part of the name.
    if (o + 1 < e && (word(o).ends_with("'s") || word(o).ends_with("\u2019s")) &&
        tokens_[o + 1].is(parser::capitalised)) {
      ++o;
    }
    a.name = join(o, e);
    return a;
  }
  if (capitalised) {
    // Titles and roles come before the name's last word ("Martin Luther King").
    std::size_t name_start = s;
    for (std::size_t k = s; k + 1 < e; ++k) {
      if (tokens_[k].cls == token_class::word &&
          (parser::is_title_word(word(k)) || parser::is_honorific(word(k)) ||
           (!tokens_[k].is(parser::capitalised) && !is_particle(word(k))))) {
        name_start = k + 1; // "van", "der", "bin" belong to the name
      }
    }
    if (name_start >= e) {
      name_start = e - 1;
    }
    // "Mrs. Callendar": the period after an honorific; "But Matthew": a sentence-initial conjunction.
    while (name_start + 1 < e &&
           (tokens_[name_start].cls != token_class::word ||
            one_of(word(name_start), {"but", "and", "then", "when", "so", "yet", "or", "now", "still", "oh",
                                      "well", "if", "as", "while"}))) {
      ++name_start;
    }
    a.kind = source_kind::person;
    a.name = join(name_start, full_end);
    while (!a.name.empty() && a.name.back() == '.') {
      a.name.pop_back(); // "Jr." as the sentence's last word keeps its period in the text only
    }
    if (a.name.ends_with("'s") || a.name.ends_with("\u2019s")) {
      a.name.erase(a.name.size() - (a.name.ends_with("'s") ? 2 : 4));
    }
    std::size_t r = s;
    while (r < name_start && one_of(word(r), {"the", "a", "an"})) {
      ++r;
    }
    a.role = join(r, name_start);
    return a;
  }
  if (parser::is_title_word(head)) {
    a.kind = source_kind::role_noun;
    a.name = lower(head);
    return a;
  }
  // "the man", "my mother", "one of the colts": a described person.
  if (e - s <= 6 && one_of(word(s), {"the", "a", "an", "my", "his", "her", "their", "our", "your", "one",
                                     "this", "that", "another", "some"})) {
    // "their union", "the port operator": an organisation when its head says so
    a.kind = parser::is_organisation_word(head) ? source_kind::organisation : source_kind::described;
    a.name = text;
  }
  return a;
}

const name_entry *name_index::canonical(const std::string &name) const {
  std::string_view last = name;
  for (const std::string_view suffix : {" Jr.", " Jr", " Sr.", " Sr", " III", " II"}) {
    if (last.ends_with(suffix)) {
      last.remove_suffix(suffix.size());
      break;
    }
  }
  if (const auto sp = last.rfind(' '); sp != std::string_view::npos) {
    last = last.substr(sp + 1);
  }
  if (last.ends_with("'s")) {
    last.remove_suffix(2);
  }
  const lower_word key(last);
  const auto it = by_last_.find(key.view());
  return it == by_last_.end() ? nullptr : &entries_[it->second];
}

const name_entry *name_index::with_role(const std::string &word, std::uint32_t at) const {
  // Look back over a bounded number of mentions: linear time overall.
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), std::make_pair(at, std::size_t{0}));
  for (std::size_t steps = 0; it != mentions_.begin() && steps < 64; ++steps) {
    --it;
    const lower_word role(entries_[it->second].role);
    if (role.view().find(word) != std::string_view::npos) {
      return &entries_[it->second];
    }
  }
  return nullptr;
}

const name_entry *name_index::last_person_before(std::uint32_t at, char g, std::uint32_t *mention_at,
                                                 bool known_person) const {
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), std::make_pair(at, std::size_t{0}));
  for (std::size_t steps = 0; it != mentions_.begin() && steps < 64; ++steps) {
    --it;
    const name_entry &e = entries_[it->second];
    if (known_person && e.gender == 0 && e.name.find(' ') == std::string::npos) {
      continue;
    }
    if (g == 0 || e.gender == 0 || e.gender == g) {
      if (mention_at != nullptr) {
        *mention_at = it->first;
      }
      return &e;
    }
  }
  return nullptr;
}

} // namespace quotecheck::attribution
