/// Reported-speech frames. Each sentence is seen as a sequence of items,
/// where a quoted passage counts as one item; the frame patterns then run
/// over that sequence:
///
///   content first   C , SOURCE CUE [adjuncts] .      C , CUE SOURCE .
///                   C , according to SOURCE .
///   source first    SOURCE [, APPOSITION ,] CUE [object] [adjuncts] [that|,|:] C .
///                   According to SOURCE , C .
///
/// C may be a quotation (the frame attributes a direct quote), text holding
/// a quotation (a mixed quote) or plain words (indirect speech). The
/// patterns only mark spans; naming the speaker is attribution's job.

#include "quotecheck/parser/lexicon.hpp"

#include "frame_grammar_def.hpp"
#include "frame_items.hpp"
#include "passes.hpp"

#include <algorithm>

namespace quotecheck::parser::detail {

namespace {

namespace fg = frame_grammar;

/// Case-insensitive membership of a word in a short list.
bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  const auto same = [](char lower, char any) {
    return lower == (any >= 'A' && any <= 'Z' ? static_cast<char>(any - 'A' + 'a') : any);
  };
  return std::any_of(set.begin(), set.end(), [&](std::string_view s) {
    return s.size() == w.size() && std::equal(s.begin(), s.end(), w.begin(), same);
  });
}

bool is_determiner(std::string_view w) { return lexicon::determiners.has(w); }

/// Verbs by which documents and studies report, when "that" follows:
/// "found that", "shows that", "concluded that".
std::string_view finding_lemma(std::string_view w) {
  if (in(w, {"found", "finds", "find"})) {
    return "find";
  }
  if (in(w, {"showed", "shows", "shown", "show"})) {
    return "show";
  }
  if (in(w, {"revealed", "reveals"})) {
    return "reveal";
  }
  return {};
}
bool is_name_particle(std::string_view w) { return lexicon::name_particles.has(w); }

/// A source-first frame found in the current sentence (frame_finder::find).
struct found_frame {
  std::size_t v, s, s_end, c;
  std::string_view lemma;
};

/// What the frame finder fills sentence by sentence: kept from document to
/// document by each thread, so that it does not allocate once grown.
struct frame_scratch {
  sentence_buffers sentence;
  std::vector<found_frame> found;
};

class frame_finder {
public:
  frame_finder(pass_state &st, document &doc, frame_scratch &scratch)
      : st_(st), doc_(doc), text_(st.text), toks_(st.tokens), view_(st.text, st.tokens, scratch.sentence),
        items_(view_.items), found_(scratch.found) {}

  void run() {
    // Every frame hangs on one of st_.frame_words: sentences without one
    // (about half of a news text's) are passed over without building their
    // items.
    const std::vector<std::uint32_t> &words = st_.frame_words;
    std::size_t w = 0;
    std::size_t q = 0;
    for (std::uint32_t s = 0; s < st_.sentences.size(); ++s) {
      const token_range r = st_.sentences[s];
      while (w < words.size() && words[w] < r.first) {
        ++w;
      }
      if (w == words.size() || words[w] >= r.last) {
        continue;
      }
      build_items(r, q);
      sentence_ = s;
      find();
    }
  }

private:
  pass_state &st_;
  document &doc_;
  std::string_view text_;
  const std::vector<token> &toks_;
  sentence_view view_;
  std::vector<item> &items_; ///< view_.items
  std::uint32_t sentence_ = 0;
  std::vector<found_frame> &found_; ///< find(): reused across sentences

  std::string_view word(std::size_t k) const {
    const item &it = items_[k];
    return it.quote >= 0 ? std::string_view{} : text_of(text_, toks_[it.first]);
  }
  const token *tok_at(std::size_t k) const {
    return items_[k].quote >= 0 ? nullptr : &toks_[items_[k].first];
  }
  bool is_word(std::size_t k) const { return tok_at(k) != nullptr && tok_at(k)->cls == token_class::word; }
  bool is_punct(std::size_t k, std::string_view p) const {
    return tok_at(k) != nullptr && tok_at(k)->cls == token_class::punct && word(k) == p;
  }
  bool is_cap(std::size_t k) const { return is_word(k) && tok_at(k)->is(capitalised); }

  /// Items of a sentence; quotes are collapsed to one item each.
  void build_items(token_range r, std::size_t &q) {
    view_.clear();
    const std::size_t nq = doc_.quotes.size();
    // Local pointers: not reloaded after each push_back.
    const token *const toks = toks_.data();
    const std::uint32_t *const open = st_.quote_open_tok.data();
    const std::uint32_t *const close = st_.quote_close_tok.data();
    for (std::uint32_t i = r.first; i < r.last;) {
      while (q < nq && open[q] < i && close[q] < i) {
        ++q;
      }
      if (q < nq && open[q] == i) {
        const std::uint32_t end = std::min(std::max(close[q] + 1, i + 1), r.last);
        items_.push_back({i, end, static_cast<std::int32_t>(q)});
        i = end;
        continue;
      }
      if (toks[i].cls != token_class::newline && !(toks[i].cls == token_class::mark)) {
        std::string_view lemma{};
        if (toks[i].cls == token_class::word) {
          lemma = speech_lemma_of(st_, i);
        }
        if (lemma.empty() && toks[i].cls == token_class::word && i + 1 < r.last &&
            text_of(text_, toks[i + 1]) == "that") {
          lemma = finding_lemma(text_of(text_, toks[i])); // "a report by X found that …"
        }
        view_.add_token(i, lemma);
      }
      ++i;
    }
  }

  std::string_view cue_lemma(std::size_t k) const { return view_.cue_lemma(k); }

  /// Negated or hypothetical cue ("did not say", "declined to say", "would say").
  cue_mode mode_of(std::size_t k) const {
    for (std::size_t j = k; j-- > 0 && j + 4 > k;) {
      if (!is_word(j)) {
        break;
      }
      static const word_table negations = {
          "not",     "never",       "didn't",       "doesn't",    "don't",    "won't",   "wouldn't", "hasn't",
          "haven't", "didn\u2019t", "doesn\u2019t", "don\u2019t", "declined", "refused", "denied",   "n't"};
      static const word_table modals = {"would", "could", "might", "may", "should",
                                        "will",  "can",   "must",  "if"};
      const std::string_view w = word(j);
      if (negations.contains(w)) {
        return cue_mode::negated;
      }
      if (modals.contains(w)) {
        return cue_mode::hypothetical;
      }
    }
    return cue_mode::asserted;
  }

  /// Can item k be part of a source noun phrase?
  bool np_word(std::size_t k) const {
    if (items_[k].quote >= 0) {
      return false;
    }
    const token &t = *tok_at(k);
    if (t.cls == token_class::word) {
      static const word_table source_words = {
          "who",       "officials",   "sources",      "people",   "source",  "official",
          "spokesman", "spokeswoman", "spokesperson", "familiar", "with",    "matter",
          "senior",    "aides",       "aide",         "analysts", "experts", "residents",
          "witnesses", "police",      "diplomats",    "diplomat"};
      constexpr std::uint8_t naming = title_word | document_word | organisation_word;
      const std::string_view w = word(k);
      return t.is(capitalised) || is_name_particle(w) || is_determiner(w) ||
             (lexicon_flags(w) & naming) != 0 || pronoun_gender(w) != 0 || source_words.contains(w);
    }
    if (t.cls == token_class::number) {
      return true;
    }
    return (t.cls == token_class::punct && (word(k) == "." || word(k) == "-" || word(k) == "&"));
  }

  /// Walks back from the cue at v over a source noun phrase; returns its first item (== v if none).
  std::size_t source_before(std::size_t v, std::size_t floor) const {
    std::size_t j = v;
    // Adverbs between subject and verb: "Lammy also said", "has said".
    while (j > floor && is_word(j - 1) &&
           (lexicon::cue_adverbs.has(word(j - 1)) || word(j - 1).ends_with("ly"))) {
      --j;
    }
    const std::size_t verb_edge = j;
    std::size_t n = 0;
    bool saw_and = false;
    while (j > floor && n < 12) {
      const std::size_t k = j - 1;
      if (np_word(k)) {
        saw_and = saw_and || word(k) == "and";
        --j;
        ++n;
        continue;
      }
      // A comma inside an organisation's name: "Foreign, Commonwealth and Development Office".
      if (is_punct(k, ",") && saw_and && k > floor && is_cap(k - 1) && is_cap(k + 1) && j < verb_edge &&
          is_organisation_word(word(verb_edge - 1))) {
        --j;
        ++n;
        continue;
      }
      break;
    }
    // Trim leading particles ("and Smith" → "Smith") and a pronoun followed by more words.
    while (j < verb_edge && is_word(j) && in(word(j), {"and", "of", "for", "on", "in", "with"})) {
      ++j;
    }
    if (j < verb_edge) {
      // A source needs a noun: a capitalised word, a pronoun, or a source word.
      bool head = false;
      for (std::size_t k = j; k < verb_edge; ++k) {
        head = head || is_cap(k) || (is_word(k) && (pronoun_gender(word(k)) != 0 || !is_determiner(word(k))));
      }
      if (!head) {
        return v;
      }
      return j;
    }
    return v;
  }

  /// Walks forward from item k over a source noun phrase (for "said Smith", "according to X").
  std::size_t source_after(std::size_t k, std::size_t end) const {
    std::size_t j = k;
    std::size_t n = 0;
    while (j < end && n < 12 && np_word(j)) {
      ++j;
      ++n;
    }
    // "a spokesman for the ministry": keep the prepositional tail
    while (j < end && j > k &&
           (is_punct(j, ",") && j + 1 < end && is_word(j + 1) && (is_determiner(word(j + 1))))) {
      break;
    }
    return j;
  }

  /// The last item of the sentence that is not closing punctuation.
  std::size_t content_end() const {
    std::size_t e = items_.size();
    while (e > 0 && items_[e - 1].quote < 0 && tok_at(e - 1)->cls == token_class::punct) {
      --e;
    }
    return e;
  }

  span item_span(std::size_t a, std::size_t b) const {
    // Byte span from item a to item b (exclusive), covering quotation marks of quote items.
    return {toks_[items_[a].first].begin, toks_[items_[b - 1].last - 1].end};
  }

  /// Records a frame; `content` items [ca, cb), source [sa, sb), cue item v (and v2 for two-word cues).
  void add(std::size_t ca, std::size_t cb, std::size_t sa, std::size_t sb, std::size_t v, std::size_t v_end,
           std::string_view lemma, frame_layout layout) {
    frame f;
    f.layout = layout;
    f.sentence = sentence_;
    f.verb.words = item_span(v, v_end);
    f.verb.lemma = std::string(lemma);
    f.verb.mode = mode_of(v);
    if (sa < sb) {
      f.source = item_span(sa, sb);
    }
    // Trim a trailing comma and "that" from the content's edges.
    while (ca < cb && (is_punct(ca, ",") || is_punct(ca, ":") || (is_word(ca) && in(word(ca), {"that"})))) {
      ++ca;
    }
    while (cb > ca && items_[cb - 1].quote < 0 && tok_at(cb - 1)->cls == token_class::punct) {
      --cb;
    }
    if (ca < cb) {
      f.content = item_span(ca, cb);
      // A frame whose content is exactly one quotation attributes that quotation.
      if (cb == ca + 1 && items_[ca].quote >= 0) {
        f.quote_index = items_[ca].quote;
        f.content = doc_.quotes[static_cast<std::size_t>(items_[ca].quote)].content;
      } else {
        for (std::size_t k = ca; k < cb; ++k) {
          if (items_[k].quote >= 0) {
            f.quote_index = items_[k].quote; // the quotation inside reported speech (mixed)
            break;
          }
        }
      }
    } else {
      f.layout = frame_layout::cue_only;
    }
    doc_.frames.push_back(std::move(f));
  }

  void find() {
    const std::size_t n = items_.size();
    if (n < 2) {
      return;
    }
    // Every pattern needs a cue, or "according" (", according to X."):
    // most sentences have neither.
    if (view_.cues.empty() && std::none_of(items_.begin(), items_.end(), [this](const item &it) {
          if (it.quote >= 0 || toks_[it.first].cls != token_class::word) {
            return false;
          }
          const std::string_view w = text_of(text_, toks_[it.first]);
          return w.size() == 9 && in(w, {"according"});
        })) {
      return;
    }
    const std::size_t end = content_end();
    // "According to X, C." at the start.
    if (n > 3 && is_word(0) && in(word(0), {"according"}) && is_word(1) && in(word(1), {"to"})) {
      std::size_t s_end = 2;
      while (s_end < end && s_end < 30 && !is_punct(s_end, ",") && items_[s_end].quote < 0) {
        ++s_end;
      }
      if (s_end > 2 && s_end < end && is_punct(s_end, ",")) {
        add(s_end + 1, end, 2, s_end, 0, 2, "according to", frame_layout::according_to);
        return;
      }
    }
    // Content first: the trailing attribution after the last comma (or quote).
    for (std::size_t c = 1; c + 1 < end; ++c) {
      const bool after_quote = items_[c - 1].quote >= 0;
      if (!is_punct(c, ",") && !after_quote) {
        continue;
      }
      const std::size_t a = is_punct(c, ",") ? c + 1 : c;
      if (a >= end) {
        continue;
      }
      // ", according to X."
      if (is_word(a) && in(word(a), {"according"}) && a + 1 < end && in(word(a + 1), {"to"})) {
        if (end > a + 2 && end - a <= 12 && c >= 3) {
          add(0, c, a + 2, end, a, a + 2, "according to", frame_layout::content_first);
          return;
        }
        continue;
      }
      if (c < 3 && items_[c - 1].quote < 0 && !(c >= 2 && items_[c - 2].quote >= 0)) {
        continue; // content first needs a clause (or a quotation) before the comma
      }
      // ", said X." (inverted): the source runs to a comma or the end
      if (const std::string_view lemma = cue_lemma(a); !lemma.empty() && !is_tell_like(lemma)) {
        const std::size_t s_end = inverted_source_end(a + 1, end);
        if (s_end > a + 1 && trailer_only(s_end, end)) {
          add(0, c, a + 1, s_end, a, a + 1, lemma, frame_layout::content_first);
          return;
        }
      }
      // ", X said [adjuncts]."
      for (std::size_t v = a + 1; v < end && v <= a + 13; ++v) {
        const std::string_view lemma = cue_lemma(v);
        if (lemma.empty()) {
          continue;
        }
        std::size_t rest = v + 1;
        if (is_tell_like(lemma)) {
          rest = skip_object(rest, end);
        }
        if (!trailer_only(rest, end)) {
          break; // a clause follows: this is speaker-first
        }
        const std::size_t s = source_before(v, a);
        if (s == a || loose_source(a, v_source_end(v))) {
          add(0, c, s, v_source_end(v), v, v + 1, lemma, frame_layout::content_first);
          return;
        }
        break;
      }
    }
    // Source first: every cue with a subject before it. Coordinated frames
    // ("X said A, and Y argued B"; "X told them A and says B") split the
    // sentence; a frame inside another's content (nested reporting) does not.
    std::vector<found_frame> &found = found_;
    found.clear();
    std::size_t next_v = 1; // items before it are passed over (inside a frame's content)
    for (const std::uint32_t v : view_.cues) {
      if (v < next_v) {
        continue;
      }
      if (v >= end) {
        break;
      }
      const std::string_view lemma = cue_lemma(v);
      auto [s, s_end] = subject_of(v);
      if (s == v) {
        if (found.empty() || !(is_word(v - 1) && in(word(v - 1), {"and", "but"}))) {
          continue;
        }
        s = found.back().s; // "… and says B": the same subject
        s_end = found.back().s_end;
      }
      const std::size_t c = content_start(v, lemma, end);
      found.push_back({v, s, s_end, c, lemma});
      next_v = std::max<std::size_t>(v, c) + 1;
    }
    for (std::size_t i = 0; i < found.size(); ++i) {
      std::size_t stop = end;
      if (i + 1 < found.size()) {
        const found_frame &next = found[i + 1];
        const std::size_t subject = next.s < next.v && next.s > found[i].v ? next.s : next.v;
        const bool coordinated =
            subject > 0 && (is_punct(subject - 1, ",") || is_punct(subject - 1, ";") ||
                            (is_word(subject - 1) && in(word(subject - 1), {"and", "but"})));
        if (coordinated) {
          stop = subject - 1;
          while (stop > found[i].c &&
                 (is_punct(stop - 1, ",") || (is_word(stop - 1) && in(word(stop - 1), {"and", "but"})))) {
            --stop;
          }
          if (is_word(stop) && in(word(stop), {"and", "but"}) && stop > found[i].c &&
              is_punct(stop - 1, ",")) {
            --stop;
          }
        }
      }
      add(found[i].c, std::max(found[i].c, stop), found[i].s, found[i].s_end, found[i].v, found[i].v + 1,
          found[i].lemma, frame_layout::source_first);
    }
  }

  /// The first item of the subject of the cue at v (v itself if none),
  /// looking back to the last comma, semicolon or quotation; an apposition
  /// between commas is passed over ("Hugh Hill, a doctor, said").
  std::pair<std::size_t, std::size_t> subject_of(std::size_t v) const {
    std::size_t floor = 0;
    for (std::size_t k = v; k-- > 0;) {
      if (is_punct(k, ",") || is_punct(k, ";") || is_punct(k, "(") || items_[k].quote >= 0) {
        floor = k + 1;
        break;
      }
    }
    std::size_t s = source_before(v, floor);
    // "the Foreign, Commonwealth and Development Office said": the comma
    // that stopped us is inside the organisation's name; look past it.
    if (s == floor && floor >= 2 && is_punct(floor - 1, ",") && is_cap(floor - 2) && s < v &&
        is_organisation_word(word(v_source_end(v) - 1))) {
      std::size_t wider = 0;
      for (std::size_t k = floor - 1; k-- > 0;) {
        if (is_punct(k, ",") || is_punct(k, ";") || is_punct(k, "(") || items_[k].quote >= 0) {
          wider = k + 1;
          break;
        }
      }
      const std::size_t s2 = source_before(v, wider);
      if (s2 < s) {
        s = s2;
      }
    }
    if (s == v && v >= 2 && is_punct(v - 1, ",")) {
      std::size_t k = v - 1;
      std::size_t steps = 0;
      while (k > 0 && !is_punct(k - 1, ",") && steps < 16) {
        --k;
        ++steps;
      }
      if (k > 1 && is_punct(k - 1, ",")) {
        const std::size_t s2 = source_before(k - 1, 0);
        if (s2 < k - 1) {
          return {s2, k - 1}; // the name before the apposition
        }
      }
    }
    if (s == v) {
      s = determiner_subject(v, floor);
    }
    return {s, s == v ? v : v_source_end(v)};
  }

  /// "The port operator said": a short common-noun subject that starts the
  /// clause with a determiner.
  std::size_t determiner_subject(std::size_t v, std::size_t floor) const {
    const std::size_t edge = v_source_end(v);
    if (edge <= floor || edge - floor > 5 || !is_word(floor) || !is_determiner(word(floor))) {
      return v;
    }
    for (std::size_t k = floor + 1; k < edge; ++k) {
      if (!is_word(k) || !cue_lemma(k).empty() || lexicon::clause_verbs.has(word(k))) {
        return v;
      }
    }
    return edge > floor + 1 ? floor : v;
  }

  /// Where the content of a source-first frame starts: after the object
  /// ("told reporters"), adjuncts ("in a statement on Monday") and "that".
  std::size_t content_start(std::size_t v, std::string_view lemma, std::size_t end) const {
    std::size_t c = v + 1;
    if (is_tell_like(lemma)) {
      c = skip_object(c, end);
    }
    // An adjunct ("in a statement on Monday,") before the content.
    if (const std::ptrdiff_t m = fg::match(fg::adjunct, view_, c, end); m >= 0) {
      c = static_cast<std::size_t>(m);
    }
    // "spoke in Albany on Monday": a prepositional phrase is not what was
    // said; but "pledged to oppose" and "urged them to" carry content.
    const bool infinitive =
        in(lemma, {"pledge",   "promise", "vow",   "threaten", "urge",      "ask",     "offer",  "agree",
                   "demand",   "propose", "plead", "swear",    "warn",      "tell",    "remind", "order",
                   "instruct", "advise",  "beg",   "request",  "recommend", "continue"});
    if (c < end && is_word(c) &&
        ((in(word(c), {"to"}) && !infinitive) ||
         in(word(c), {"in", "on", "at", "with", "about", "during", "after", "before", "for", "from", "by",
                      "of", "into", "over", "outside", "inside", "without"}))) {
      c = end;
    }
    return c;
  }

  static bool is_tell_like(std::string_view lemma) {
    return in(lemma,
              {"tell", "inform", "remind", "assure", "warn", "urge", "ask", "advise", "brief", "write"});
  }

  /// After "told": where its object ends (the `object` rule).
  std::size_t skip_object(std::size_t k, std::size_t end) const {
    const std::ptrdiff_t m = fg::match(fg::object, view_, k, end);
    return m < 0 ? k : static_cast<std::size_t>(m);
  }

  /// The end of a source that follows its cue (the `inverted_source` rule).
  std::size_t inverted_source_end(std::size_t k, std::size_t end) const {
    const std::ptrdiff_t m = fg::match(fg::inverted_source, view_, k, end);
    return m < 0 ? k : static_cast<std::size_t>(m);
  }

  /// Items [a, v) are a source of common nouns (the `loose_source` rule).
  bool loose_source(std::size_t a, std::size_t v) const {
    return v > a && fg::match(fg::loose_source, view_, a, v) == static_cast<std::ptrdiff_t>(v);
  }

  /// True when items [k, end) are only what may trail an attribution (the `trailer` rule).
  bool trailer_only(std::size_t k, std::size_t end) const {
    return fg::match(fg::trailer, view_, k, end) >= 0;
  }

  /// The end of the source for a source-before-cue frame: the cue itself
  /// minus adverbs ("Lammy also said" → "Lammy").
  std::size_t v_source_end(std::size_t v) const {
    std::size_t j = v;
    while (j > 0 && is_word(j - 1) &&
           (lexicon::cue_adverbs.has(word(j - 1)) || word(j - 1).ends_with("ly"))) {
      --j;
    }
    return j;
  }
};

/// Values in frame_word_table() of its two words that are no verbs of saying.
constexpr std::uint32_t according_value = 0xFFFF0000U;
constexpr std::uint32_t that_value = 0xFFFF0001U;

/// Every word find_speech_words stops at, in one table, so that one shape
/// test passes over the rest: the forms of the speech lexicon (with their
/// values in speech_forms_filter()), "according" and "that". Null when the
/// speech lexicon has no filter.
const word_table *frame_word_table() {
  static const word_table *const table = []() -> const word_table * {
    const word_table *const forms = speech_forms_filter();
    if (forms == nullptr) {
      return nullptr;
    }
    static word_table words = *forms;
    const bool added = words.add("according", according_value) && words.add("that", that_value);
    return added ? &words : nullptr;
  }();
  return table;
}

/// What find_speech_words does for a word that may be a frame word: `v` is
/// its value as frame_word_table() gives it (-1 for none).
void note_frame_word(pass_state &st, std::uint32_t i, std::string_view w, std::int64_t v) {
  if (v == according_value) {
    st.frame_words.push_back(i);
  } else if (v == that_value) {
    const token *const toks = st.tokens.data();
    if (w == "that" && i > 0 && toks[i - 1].cls == token_class::word && st.speech[i - 1] == 0 &&
        !finding_lemma(text_of(st.text, toks[i - 1])).empty()) {
      st.frame_words.push_back(i - 1); // "a report by X found that …"
    }
  } else if (v >= 0) {
    st.speech[i] = static_cast<std::uint16_t>(v + 1);
    st.frame_words.push_back(i);
  }
}

} // namespace

void find_speech_words(pass_state &st, document &doc) {
  const auto n = static_cast<std::uint32_t>(st.tokens.size());
  const token *const toks = st.tokens.data(); // not reloaded after each push_back
  const char *const chars = st.text.data();
  st.speech.assign(n, 0);
  st.frame_words.clear();
  // The word lists are written without a branch on the word's case: every
  // token is stored in both, and only the right list's end moves on.
  doc.words.capitalised.resize(n);
  doc.words.uncapitalised.resize(n);
  std::uint32_t *const capitalised = doc.words.capitalised.data();
  std::uint32_t *const uncapitalised = doc.words.uncapitalised.data();
  std::uint32_t n_capitalised = 0;
  std::uint32_t n_uncapitalised = 0;
  // Every token goes through the same steps, without a branch on its class
  // or case (either would be mispredicted often).
  const auto list = [&](std::uint32_t i, const token &t, std::size_t size) {
    const std::uint32_t word = t.cls == token_class::word ? 1U : 0U;
    const std::uint32_t cap = (t.flags & parser::capitalised) != 0 ? 1U : 0U;
    capitalised[n_capitalised] = i;
    n_capitalised += word & cap;
    uncapitalised[n_uncapitalised] = i;
    n_uncapitalised += word & (cap ^ 1U) & (size <= 24 ? 1U : 0U);
    return word;
  };
  if (const word_table *const table = frame_word_table(); table != nullptr) {
    for (std::uint32_t i = 0; i < n; ++i) {
      const token &t = toks[i];
      const std::string_view w(chars + t.begin, t.end - t.begin); // tokens are never empty
      const std::uint32_t word = list(i, t, w.size());
      // The one branch, on the table's shape test, passes over most words.
      // Speech forms are looked up only at 3 to 16 bytes ("according" and "that" are within).
      const std::uint32_t sized = w.size() - 3 <= 13 ? 1U : 0U;
      if ((word & sized & (table->may_contain_branchless(w) ? 1U : 0U)) != 0) {
        note_frame_word(st, i, w, table->find_passed(w));
      }
    }
  } else {
    for (std::uint32_t i = 0; i < n; ++i) {
      const token &t = toks[i];
      const std::string_view w(chars + t.begin, t.end - t.begin);
      if (list(i, t, w.size()) != 0) {
        std::int64_t v = speech_form_value(w);
        if (v < 0 && w.size() == 9 && in(w, {"according"})) {
          v = according_value;
        } else if (v < 0 && w == "that") {
          v = that_value;
        }
        note_frame_word(st, i, w, v);
      }
    }
  }
  doc.words.capitalised.resize(n_capitalised);
  doc.words.uncapitalised.resize(n_uncapitalised);
  doc.words.filled = true;
}

void find_frames(pass_state &st, document &doc) {
  thread_local frame_scratch scratch; // reused document after document
  frame_finder(st, doc, scratch).run();
  if (st.tokens.size() > (std::size_t{1} << 20)) {
    scratch = frame_scratch{}; // a huge document's buffers are not kept for the next ones
  }
}

} // namespace quotecheck::parser::detail
