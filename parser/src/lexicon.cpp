/// The lexicons, as word_tables (flat hash tables) built once at first use. Verb forms
/// are generated from lemmas by regular English inflection plus a table of
/// irregular forms, so adding a lemma adds all its forms.

#include "quotecheck/parser/lexicon.hpp"

#include "quotecheck/parser/word_table.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

namespace quotecheck::parser {

namespace {

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

struct speech_table {
  std::unordered_set<std::string_view> lemmas;
  std::vector<std::string_view> lemma_of; ///< word_table value -> lemma
  word_table forms_table;                 ///< every form -> index into lemma_of
  bool straighten = false;                ///< a form holds an apostrophe
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
    if (forms_table.add(form, static_cast<std::uint32_t>(lemma_of.size()))) {
      lemma_of.push_back(lemma);
      straighten = straighten || form.find('\'') != std::string::npos;
      ++forms;
    }
  }
  std::size_t forms = 0;
};

const speech_table &speech() {
  static const speech_table table;
  return table;
}

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

/// Whether a lexicon needs `lowered`: only when an entry holds an
/// apostrophe does making curly apostrophes straight change a lookup.
/// Otherwise a word holding one is in the table neither as written nor
/// made straight, and an ASCII case-insensitive lookup is exact.
bool has_apostrophe(std::string_view w) { return w.find('\'') != std::string_view::npos; }

/// Looks `word` up in `table` as the lexicons always have: ASCII
/// case-insensitive, curly apostrophes read as straight ones.
/// The lookup of a lexicon whose entries hold apostrophes (none today):
/// cold, so that the common path stays small.
[[gnu::cold]] std::int64_t lookup_straightened(const word_table &table, std::string_view word) {
  const lowered l(word);
  return l.n > 0 ? table.find(l.view()) : -1;
}

std::int64_t lookup(const word_table &table, bool straighten, std::string_view word) {
  return straighten ? lookup_straightened(table, word) : table.find(word);
}

/// Titles and roles that may precede a name.
constexpr std::string_view title_words[] = {"president",
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

/// Honorifics.
constexpr std::string_view honorific_words[] = {"mr",   "mrs",  "ms",    "miss",   "dr",  "sir",  "dame",
                                                "lady", "lord", "madam", "madame", "mme", "mlle", "monsieur",
                                                "herr", "frau", "mx",    "prof",   "rev"};

/// Words that make a capitalised sequence an organisation.
constexpr std::string_view organisation_words[] = {"ministry",
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

/// Words naming a document that can speak.
constexpr std::string_view document_words[] = {
    "statement",  "report",        "study",        "survey",     "poll",       "memo",      "memorandum",
    "letter",     "filing",        "document",     "release",    "communique", "complaint", "lawsuit",
    "ruling",     "indictment",    "analysis",     "paper",      "email",      "tweet",     "post",
    "notice",     "declaration",   "announcement", "transcript", "readout",    "website",   "summary",
    "assessment", "review",        "affidavit",    "motion",     "brief",      "order",     "decision",
    "judgment",   "verdict",       "opinion",      "editorial",  "op-ed",      "speech",    "interview",
    "ad",         "advertisement", "guidance",     "bulletin",   "press"};

/// The four lexicons above in one table: a word's value is its lexicon_flag
/// bits, so that one lookup answers all four questions.
struct flag_table {
  word_table table;
  bool straighten = false; ///< an entry holds an apostrophe
  flag_table() {
    std::map<std::string_view, std::uint8_t> flags;
    const auto add = [&](const auto &words, lexicon_flag f) {
      for (std::string_view w : words) {
        flags[w] |= f;
        straighten = straighten || has_apostrophe(w);
      }
    };
    add(title_words, title_word);
    add(honorific_words, honorific_word);
    add(organisation_words, organisation_word);
    add(document_words, document_word);
    for (const auto &[w, f] : flags) {
      table.add(w, f);
    }
  }
};

const flag_table &flags() {
  static const flag_table table;
  return table;
}

} // namespace

std::string_view speech_lemma(std::string_view word) {
  // The table rejects most words of a text by their shape before hashing.
  const std::int64_t found = speech_form_value(word);
  return found >= 0 ? speech().lemma_of[static_cast<std::size_t>(found)] : std::string_view{};
}

const word_table *speech_forms_filter() { return speech().straighten ? nullptr : &speech().forms_table; }

std::string_view speech_lemma_at(std::size_t value) { return speech().lemma_of[value]; }

std::int64_t speech_form_value(std::string_view word) {
  if (word.size() < 3 || word.size() > 16) {
    return -1; // no verb of saying is shorter or longer
  }
  const speech_table &table = speech();
  return lookup(table.forms_table, table.straighten, word);
}

std::size_t speech_form_count() { return speech().forms; }
std::size_t speech_lemma_count() { return speech().lemmas.size(); }

std::uint8_t lexicon_flags(std::string_view word) {
  static const flag_table &f = flags(); // flags() is not inlined: one call at first use only
  const std::int64_t v = lookup(f.table, f.straighten, word);
  return v < 0 ? 0 : static_cast<std::uint8_t>(v);
}

const word_table *lexicon_flags_filter() { return flags().straighten ? nullptr : &flags().table; }

bool is_title_word(std::string_view word) { return (lexicon_flags(word) & title_word) != 0; }

bool is_honorific(std::string_view word) { return (lexicon_flags(word) & honorific_word) != 0; }

bool is_organisation_word(std::string_view word) { return (lexicon_flags(word) & organisation_word) != 0; }

bool is_document_word(std::string_view word) { return (lexicon_flags(word) & document_word) != 0; }

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
