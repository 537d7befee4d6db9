/// The lexicons, as x3::symbols tables built once at first use. Verb forms
/// are generated from lemmas by regular English inflection plus a table of
/// irregular forms, so adding a lemma adds all its forms.

#include "quotecheck/parser/lexicon.hpp"

#include <boost/spirit/home/x3.hpp>

#include <array>
#include <bitset>
#include <string>
#include <unordered_set>

namespace quotecheck::parser {

namespace {

namespace x3 = boost::spirit::x3;

// clang-format off
/// Lemmas of verbs of saying (reporting verbs in news and fiction).
constexpr std::string_view speech_lemmas[] = {
  "acknowledge", "add", "admit", "advise", "affirm", "agree", "allege", "announce", "answer", "argue",
  "ask", "assert", "assure", "attest", "aver", "bark", "beg", "blast", "blog", "boast", "brag",
  "broadcast", "call", "caution", "charge", "chide", "chime", "chuckle", "cite", "claim", "comment",
  "complain", "concede", "conclude", "concur", "confess", "confide", "confirm", "contend", "continue",
  "counter", "cry", "declare", "decry", "demand", "deny", "describe", "disagree", "disclose", "dismiss",
  "dispute", "elaborate", "email", "emphasise", "emphasize", "estimate", "exclaim", "explain",
  "forecast", "gasp", "grumble", "grunt", "growl", "hint", "hiss", "howl", "imply", "indicate", "inform",
  "insist", "instruct", "interject", "interrupt", "joke", "lament", "laugh", "lecture", "maintain",
  "mention", "message", "moan", "mumble", "murmur", "muse", "mutter", "note", "object", "observe",
  "opine", "order", "plead", "pledge", "post", "praise", "pray", "predict", "proclaim", "promise",
  "pronounce", "propose", "protest", "quip", "quote", "rage", "rant", "reaffirm", "reason", "reassure",
  "rebut", "recall", "reckon", "recommend", "recount", "reflect", "refute", "reiterate", "rejoin",
  "remark", "remind", "repeat", "reply", "report", "request", "respond", "retort", "reveal", "roar",
  "say", "scoff", "scold", "scream", "shout", "shriek", "sigh", "snap", "snarl", "sneer", "sob",
  "speak", "speculate", "stammer", "state", "stress", "stutter", "suggest", "swear", "tease", "tell",
  "testify", "text", "theorize", "threaten", "thunder", "tout", "tweet", "underline", "underscore",
  "urge", "utter", "venture", "vow", "wail", "warn", "whimper", "whisper", "wonder", "write", "yell",
  "assess", "advocate", "counsel", "croak", "declaim", "query", "question", "highlight", "acknowledge",
  "clarify", "contradict", "recite", "specify", "volunteer", "prophesy", "stipulate", "complain",
};
// clang-format on

/// Irregular forms: lemma, then forms.
struct irregular {
  std::string_view lemma;
  std::array<std::string_view, 3> forms;
};
constexpr std::array<irregular, 8> irregulars = {{
    {"say", {"said", "", ""}},
    {"tell", {"told", "", ""}},
    {"write", {"wrote", "written", ""}},
    {"speak", {"spoke", "spoken", ""}},
    {"swear", {"swore", "sworn", ""}},
    {"forecast", {"forecasted", "", ""}},
    {"broadcast", {"broadcasted", "", ""}},
    {"plead", {"pled", "", ""}},
}};

constexpr std::array<std::string_view, 10> double_final = {"admit", "quip",   "sob",    "snap", "rebut",
                                                           "chat",  "regret", "commit", "omit", "refer"};

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/// A cheap first test before the x3::symbols lookup: which (first letter,
/// last letter, length) triples the lexicon holds. Most words of a text
/// fail it, so the lookup runs for few of them.
class shape_filter {
public:
  void add(std::string_view w) {
    if (const int k = key(w); k >= 0) {
      bits_.set(static_cast<std::size_t>(k));
    }
    exact_raw_ = exact_raw_ && w.find('\'') == std::string_view::npos;
  }
  /// False when no word of this shape is in the lexicon (`w` lower-cased).
  [[nodiscard]] bool may_have(std::string_view w) const {
    const int k = key(w);
    return k < 0 || bits_[static_cast<std::size_t>(k)];
  }
  /// The same test on a word as written, before lower-casing it: most words
  /// of a text are rejected here without being copied. Exact because no
  /// entry holds an apostrophe: a word whose curly apostrophe lower-casing
  /// would shorten is in no lexicon whatever its shape.
  [[nodiscard]] bool may_have_raw(std::string_view w) const {
    if (!exact_raw_ || w.empty()) {
      return true;
    }
    const auto fold = [](char c) {
      return static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    };
    const unsigned a = fold(w.front());
    const unsigned b = fold(w.back());
    if (a < 'a' || a > 'z' || b < 'a' || b > 'z') {
      return true;
    }
    const auto len = std::min<std::size_t>(w.size(), 20);
    return bits_[((a - 'a') * 26 + (b - 'a')) * 21 + len];
  }

private:
  static int key(std::string_view w) {
    if (w.empty()) {
      return -1;
    }
    const auto a = static_cast<unsigned char>(w.front());
    const auto b = static_cast<unsigned char>(w.back());
    if (a < 'a' || a > 'z' || b < 'a' || b > 'z') {
      return -1;
    }
    const auto len = static_cast<int>(std::min<std::size_t>(w.size(), 20));
    return ((a - 'a') * 26 + (b - 'a')) * 21 + len; // < 26 * 26 * 21: fits an int
  }
  static constexpr std::size_t shapes = std::size_t{26} * 26 * 21;
  std::bitset<shapes> bits_;
  bool exact_raw_ = true; ///< no entry has an apostrophe: may_have_raw may reject
};

/// A second cheap test for the speech lexicon, on the word as written:
/// which (second letter, second-to-last letter, length) triples it holds.
/// With shape_filter it leaves few words of a text for the table lookup.
/// Exact for the same reason as shape_filter::may_have_raw: no form holds
/// an apostrophe.
class inner_shape_filter {
public:
  void add(std::string_view w) {
    if (const int k = key(w); k >= 0) {
      bits_.set(static_cast<std::size_t>(k));
    }
  }
  /// False when no form has the inner shape of `w` (as written, 3+ bytes).
  [[nodiscard]] bool may_have_raw(std::string_view w) const {
    const int k = key(w);
    return k < 0 || bits_[static_cast<std::size_t>(k)];
  }

private:
  static int key(std::string_view w) {
    if (w.size() < 3) {
      return -1;
    }
    const auto fold = [](char c) {
      return static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    };
    const unsigned a = fold(w[1]);
    const unsigned b = fold(w[w.size() - 2]);
    if (a < 'a' || a > 'z' || b < 'a' || b > 'z') {
      return -1;
    }
    const auto len = static_cast<int>(std::min<std::size_t>(w.size(), 20));
    return static_cast<int>(((a - 'a') * 26 + (b - 'a')) * 21) + len;
  }
  std::bitset<std::size_t{26} * 26 * 21> bits_;
};

struct speech_table : x3::symbols<std::string_view> {
  shape_filter shapes;
  inner_shape_filter inner_shapes;
  std::unordered_set<std::string_view> lemmas;
  speech_table() {
    for (std::string_view v : speech_lemmas) {
      if (!lemmas.insert(v).second) {
        continue;
      }
      const std::string s(v);
      add_form(s, v);
      const bool irregular_past = v == "say" || v == "tell" || v == "write" || v == "speak" || v == "swear";
      std::string third;
      std::string past;
      std::string ing;
      if (s.back() == 'e') {
        third = s + "s";
        past = s + "d";
        ing = s.substr(0, s.size() - 1) + "ing";
      } else if (s.back() == 'y' && !is_vowel(s[s.size() - 2])) {
        third = s.substr(0, s.size() - 1) + "ies";
        past = s.substr(0, s.size() - 1) + "ied";
        ing = s + "ing";
      } else if (std::find(std::begin(double_final), std::end(double_final), v) != std::end(double_final)) {
        third = s + "s";
        past = s + s.back() + "ed";
        ing = s + s.back() + "ing";
      } else if (s.ends_with("s") || s.ends_with("sh") || s.ends_with("ch") || s.ends_with("x") ||
                 s.ends_with("z")) {
        third = s + "es";
        past = s + "ed";
        ing = s + "ing";
      } else {
        third = s + "s";
        past = s + "ed";
        ing = s + "ing";
      }
      add_form(third, v);
      add_form(ing, v);
      if (!irregular_past) {
        add_form(past, v);
      }
    }
    for (const irregular &ir : irregulars) {
      for (std::string_view f : ir.forms) {
        if (!f.empty()) {
          add_form(std::string(f), ir.lemma);
        }
      }
    }
  }
  void add_form(const std::string &form, std::string_view lemma) {
    if (find(form) == nullptr) {
      add(form, lemma);
      shapes.add(form);
      inner_shapes.add(form);
      ++forms;
    }
  }
  std::size_t forms = 0;
};

const speech_table &speech() {
  static const speech_table table;
  return table;
}

/// A set of lower-case words as an x3::symbols table.
struct word_set : x3::symbols<bool> {
  shape_filter shapes;
  word_set(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) {
      add(std::string(w), true);
      shapes.add(w);
    }
  }
  [[nodiscard]] bool has(std::string_view word) const;
};

/// Lower-cases ASCII letters into a small buffer; empty if too long.
/// A word lower-cased (ASCII) into a caller's buffer, curly apostrophes
/// made straight; empty when too long to be in any lexicon. No allocation:
/// this runs for every word of every document.
struct lowered {
  char buf[40];
  std::size_t n = 0;
  explicit lowered(std::string_view w) {
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (n == sizeof buf) {
        n = 0;
        return;
      }
      const char c = w[i];
      if (c == '\xE2' && i + 2 < w.size() && w[i + 1] == '\x80' && w[i + 2] == '\x99') {
        buf[n++] = '\'';
        i += 2;
        continue;
      }
      buf[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  [[nodiscard]] std::string_view view() const { return {buf, n}; }
};

bool word_set::has(std::string_view word) const {
  if (!shapes.may_have_raw(word)) {
    return false;
  }
  const lowered l(word);
  return l.n > 0 && shapes.may_have(l.view()) && const_cast<word_set *>(this)->find(l.view()) != nullptr;
}

} // namespace

std::string_view speech_lemma(std::string_view word) {
  if (word.size() < 3 || word.size() > 16) {
    return {}; // no verb of saying is shorter or longer
  }
  const speech_table &table = speech();
  if (!table.shapes.may_have_raw(word) || !table.inner_shapes.may_have_raw(word)) {
    return {};
  }
  const lowered l(word);
  if (l.n == 0 || !speech().shapes.may_have(l.view())) {
    return {};
  }
  const std::string_view *found = const_cast<speech_table &>(speech()).find(l.view());
  return found != nullptr ? *found : std::string_view{};
}

std::size_t speech_form_count() { return speech().forms; }
std::size_t speech_lemma_count() { return speech().lemmas.size(); }

bool is_title_word(std::string_view word) {
  static const word_set set = {"president",
                               "vice",
                               "prime",
                               "minister",
                               "secretary",
                               "senator",
                               "sen",
                               "rep",
                               "representative",
                               "gov",
                               "governor",
                               "mayor",
                               "chancellor",
                               "chairman",
                               "chairwoman",
                               "chair",
                               "ceo",
                               "director",
                               "spokesman",
                               "spokeswoman",
                               "spokesperson",
                               "chief",
                               "head",
                               "leader",
                               "ambassador",
                               "envoy",
                               "commissioner",
                               "general",
                               "gen",
                               "lt",
                               "col",
                               "adm",
                               "admiral",
                               "judge",
                               "justice",
                               "attorney",
                               "lawyer",
                               "professor",
                               "prof",
                               "dr",
                               "doctor",
                               "analyst",
                               "economist",
                               "official",
                               "officer",
                               "aide",
                               "adviser",
                               "advisor",
                               "candidate",
                               "congressman",
                               "congresswoman",
                               "speaker",
                               "whip",
                               "king",
                               "queen",
                               "prince",
                               "princess",
                               "pope",
                               "bishop",
                               "rev",
                               "reverend",
                               "pastor",
                               "rabbi",
                               "imam",
                               "sheriff",
                               "detective",
                               "captain",
                               "capt",
                               "sgt",
                               "sergeant",
                               "coach",
                               "manager",
                               "president-elect",
                               "nominee",
                               "founder",
                               "executive",
                               "editor",
                               "reporter",
                               "correspondent",
                               "deputy",
                               "acting",
                               "former",
                               "senior",
                               "foreign",
                               "defence",
                               "defense",
                               "finance",
                               "interior",
                               "health",
                               "trade",
                               "policy",
                               "commander",
                               "strategist",
                               "pollster",
                               "consultant",
                               "campaign",
                               "chairperson",
                               "co-founder",
                               "cofounder",
                               "superintendent",
                               "commissioner",
                               "premier",
                               "sec",
                               "atty",
                               "supt",
                               "gov.",
                               "lawmaker",
                               "legislator",
                               "delegate",
                               "assemblyman",
                               "assemblywoman",
                               "councilman",
                               "councilwoman",
                               "councillor",
                               "councilor",
                               "treasurer",
                               "auditor",
                               "comptroller",
                               "inspector",
                               "marshal",
                               "host",
                               "anchor",
                               "columnist",
                               "spokespeople",
                               "representative",
                               "republican",
                               "democrat",
                               "democratic",
                               "state",
                               "house",
                               "white",
                               "policy",
                               "national",
                               "security",
                               "economic",
                               "top",
                               "lead",
                               "majority",
                               "minority",
                               "ranking"};
  return set.has(word);
}

bool is_honorific(std::string_view word) {
  static const word_set set = {"mr",   "mrs",  "ms",    "miss",   "dr",  "sir",  "dame",
                               "lady", "lord", "madam", "madame", "mme", "mlle", "monsieur",
                               "herr", "frau", "mx",    "prof",   "rev"};
  return set.has(word);
}

bool is_organisation_word(std::string_view word) {
  static const word_set set = {"ministry",
                               "office",
                               "department",
                               "party",
                               "committee",
                               "commission",
                               "council",
                               "agency",
                               "bureau",
                               "inc",
                               "corp",
                               "co",
                               "ltd",
                               "llc",
                               "plc",
                               "group",
                               "association",
                               "union",
                               "institute",
                               "university",
                               "foundation",
                               "bank",
                               "board",
                               "court",
                               "parliament",
                               "congress",
                               "senate",
                               "government",
                               "administration",
                               "kremlin",
                               "pentagon",
                               "campaign",
                               "service",
                               "authority",
                               "federation",
                               "organization",
                               "organisation",
                               "company",
                               "network",
                               "news",
                               "times",
                               "post",
                               "journal",
                               "center",
                               "centre",
                               "fund",
                               "reserve",
                               "police",
                               "army",
                               "navy",
                               "coalition",
                               "alliance",
                               "embassy",
                               "secretariat",
                               "cabinet",
                               "tribunal",
                               "assembly",
                               "chamber",
                               "directorate",
                               "commission",
                               "corporation",
                               "society",
                               "church",
                               "school",
                               "college",
                               "hospital",
                               "club",
                               "team",
                               "league",
                               "press",
                               "media",
                               "times",
                               "tribune",
                               "herald",
                               "gazette",
                               "reuters",
                               "nato",
                               "un",
                               "eu",
                               "fbi",
                               "cia",
                               "nsa",
                               "who",
                               "imf",
                               "opec",
                               "gop",
                               "dnc",
                               "rnc",
                               "aclu",
                               "navy",
                               "guard",
                               "forces",
                               "force",
                               "command",
                               "kremlin",
                               "whitehouse",
                               "downing",
                               "elysee",
                               "berlaymont",
                               "treasury",
                               "cdc",
                               "fda",
                               "sec",
                               "fcc",
                               "ftc",
                               "epa",
                               "doj",
                               "dhs",
                               "irs",
                               "nhs",
                               "bbc",
                               "cnn",
                               "abc",
                               "cbs",
                               "nbc",
                               "fox",
                               "ap",
                               "afp",
                               "politico",
                               "breitbart",
                               "council",
                               "directorate",
                               "watchdog",
                               "regulator",
                               "firm",
                               "lab",
                               "laboratory",
                               "project",
                               "initiative",
                               "institution",
                               "caucus",
                               "pac",
                               "super"};
  return set.has(word);
}

bool is_document_word(std::string_view word) {
  static const word_set set = {
      "statement",  "report",        "study",        "survey",     "poll",       "memo",      "memorandum",
      "letter",     "filing",        "document",     "release",    "communique", "complaint", "lawsuit",
      "ruling",     "indictment",    "analysis",     "paper",      "email",      "tweet",     "post",
      "notice",     "declaration",   "announcement", "transcript", "readout",    "website",   "summary",
      "assessment", "review",        "affidavit",    "motion",     "brief",      "order",     "decision",
      "judgment",   "verdict",       "opinion",      "editorial",  "op-ed",      "speech",    "interview",
      "ad",         "advertisement", "guidance",     "bulletin",   "press"};
  return set.has(word);
}

char pronoun_gender(std::string_view word) {
  if (word.size() > 4) {
    return 0;
  }
  const lowered low(word);
  const std::string_view l = low.view();
  if (l == "he") {
    return 'm';
  }
  if (l == "she") {
    return 'f';
  }
  if (l == "they" || l == "we") {
    return 'p';
  }
  if (l == "it") {
    return 'n';
  }
  if (l == "i" || l == "you") {
    return 'i';
  }
  return 0;
}

} // namespace quotecheck::parser
