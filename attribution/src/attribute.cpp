/// Attribution: walks the AST. Frames name sources; this file turns each
/// source into a speaker (person, organisation, document, anonymous), finds
/// one canonical name per speaker in the document, resolves pronouns and
/// short forms, and gives cue-less quotes the speaker the text implies.

#include "quotecheck/attribution/attribution.hpp"

#include "names.hpp"

#include "quotecheck/parser/lexicon.hpp"

#include <algorithm>

namespace quotecheck::attribution {

std::string_view to_string(speaker_type t) {
  switch (t) {
  case speaker_type::person: return "person";
  case speaker_type::organization: return "organization";
  case speaker_type::document: return "document";
  case speaker_type::anonymous: return "anonymous";
  case speaker_type::unknown: break;
  }
  return "unknown";
}

namespace {

using parser::quote_kind;
using parser::span;

/// Confidence by how the speaker was found: the share of speakers found
/// that way which score.py judges right on the dev sets (news: PolNeAR
/// --speech-only; dialogue: PDNC and LitBank --direct-only), measured with
/// scripts/calibrate_confidence.py. See ACCURACY.md.
namespace confidence {
constexpr double named_in_frame = 0.94;
constexpr double short_form = 0.97;
constexpr double organisation = 0.96;
constexpr double anonymous = 0.97;
constexpr double pronoun = 0.95; // news; in dialogue: pronoun_dialogue
constexpr double pronoun_dialogue = 0.44;
constexpr double unresolved_pronoun = 0.3;
constexpr double document = 0.82;
constexpr double same_quotation = 0.97; // capped by the confidence of the piece it comes from
constexpr double colon_intro = 0.65;
constexpr double colon_named = 0.33; // a colon after a sentence with no cue: its named person
constexpr double continued_paragraph = 0.3;
constexpr double dialogue_turn = 0.36;
constexpr double other_party = 0.2;
constexpr double narration_subject = 0.35;
constexpr double narrator = 0.5;
constexpr double described = 0.6;
constexpr double passage_source = 0.1;
constexpr double role_noun_unresolved = 0.8;
} // namespace confidence

class attributor {
public:
  attributor(const parser::document &doc, const std::vector<parser::token> &tokens, name_scratch &scratch)
      : doc_(doc), names_(doc.text, tokens, quoted_spans(doc), doc.words, scratch) {}

  std::vector<attributed_quote> run() {
    const auto &quotes = doc_.quotes;
    // Dialogue (fiction): many paragraphs open with a quotation mark.
    std::size_t quote_paragraphs = 0;
    for (const parser::quote &q : quotes) {
      quote_paragraphs += starts_paragraph(q) ? 1 : 0;
    }
    dialogue_ = quote_paragraphs >= 20 && quote_paragraphs * 4 >= doc_.paragraphs.size();
    std::vector<std::optional<speaker>> direct(quotes.size());
    std::vector<std::optional<parser::cue>> direct_cue(quotes.size());
    std::vector<bool> absorbed(quotes.size(), false);
    std::vector<attributed_quote> out;
    out.reserve(doc_.frames.size() + quotes.size());
    struct frame_speaker {
      std::uint32_t at;
      std::uint32_t paragraph;
      speaker who;
    };
    std::vector<frame_speaker> frame_speakers; ///< in text order
    struct colon_intro {
      std::uint32_t end; ///< just after the colon
      speaker who;
    };
    std::vector<colon_intro> colon_intros; ///< "Lammy said:" — in text order

    for (const parser::frame &f : doc_.frames) {
      std::optional<speaker> who = resolve(f.source, f.verb.words.begin);
      const std::uint32_t paragraph = doc_.sentences[f.sentence].paragraph;
      if (who) {
        remember(*who, f.verb.words.begin);
        frame_speakers.push_back({f.verb.words.begin, paragraph, *who});
      }
      const bool claim = f.verb.mode == parser::cue_mode::asserted;
      if (f.layout == parser::frame_layout::cue_only) {
        // "Lammy said:" — the quotation right after the colon is his.
        const span sent = doc_.sentences[f.sentence].range;
        if (who && sent.end > 0 && doc_.text[sent.end - 1] == ':') {
          colon_intros.push_back({sent.end, *who});
        }
        continue;
      }
      if (f.quote_index >= 0) {
        const auto qi = static_cast<std::size_t>(f.quote_index);
        if (f.content == quotes[qi].content || quotes[qi].kind != quote_kind::partial) {
          if (f.content == quotes[qi].content || contains(f.content, quotes[qi].content)) {
            if (f.content == quotes[qi].content) {
              if (!direct[qi]) {
                direct[qi] = std::move(who); // not needed further: the frame is the quote
                direct_cue[qi] = f.verb;
              }
              continue;
            }
            if (!direct[qi]) {
              direct[qi] = who;
              direct_cue[qi] = f.verb;
            }
          }
        }
        if (claim && quotes[qi].kind == quote_kind::partial) {
          // Reported speech holding quoted fragments: one mixed quote.
          for (std::size_t k = qi; k < quotes.size() && quotes[k].content.begin < f.content.end; ++k) {
            absorbed[k] = absorbed[k] ||
                          (quotes[k].kind == quote_kind::partial && contains(f.content, quotes[k].content));
          }
          add(out, f.content, quote_kind::mixed, quotes[qi].quotation, std::move(who), f.verb);
          continue;
        }
      }
      if (claim && !f.content.empty()) {
        add(out, f.content, quote_kind::indirect, next_id_++, std::move(who), f.verb);
      }
    }

    const bool dialogue = dialogue_;

    // Direct and partial quotes: the speaker of their frame, else what the text implies.
    // The previous speakers are those of earlier quotes, in `direct`: they
    // are not copied (`direct` does not change size and earlier entries stay).
    const speaker *previous = nullptr;
    std::uint32_t previous_paragraph = 0;
    const speaker *before_previous = nullptr;
    const auto reported = static_cast<std::ptrdiff_t>(out.size()); // out: reported speech, then quotes
    for (std::size_t qi = 0; qi < quotes.size(); ++qi) {
      const parser::quote &q = quotes[qi];
      if (absorbed[qi] || q.is_name) {
        continue; // a title or markup in quotation marks is nobody's words
      }
      std::optional<speaker> &who = direct[qi]; // the frame's speaker, else what is found here
      if (!who) {
        who = from_same_quotation(qi, direct);
      }
      if (!who && q.kind == quote_kind::partial) {
        // A fragment with no cue carries the source of the passage.
        // (a person who is the sentence's subject is not its source: only
        // organisations and documents carry over).
        const auto it = std::lower_bound(frame_speakers.begin(), frame_speakers.end(), q.open_mark.begin,
                                         [](const frame_speaker &f, std::uint32_t at) { return f.at < at; });
        if (it != frame_speakers.begin()) {
          const frame_speaker &last = *std::prev(it);
          if (q.paragraph <= last.paragraph + 1 && last.who.type != speaker_type::person) {
            who = with_confidence(last.who, confidence::passage_source, {});
          }
        }
      }
      if (!who && q.kind == quote_kind::direct) {
        const auto ci = std::lower_bound(colon_intros.begin(), colon_intros.end(), q.open_mark.begin + 1,
                                         [](const colon_intro &c, std::uint32_t at) { return c.end < at; });
        if (ci != colon_intros.begin() && only_space(std::prev(ci)->end, q.open_mark.begin)) {
          who = with_confidence(std::prev(ci)->who, confidence::colon_intro, {});
        } else if (auto intro = colon_without_cue(q)) {
          who = intro; // "Okafor set out the union's position:"
        } else if (previous && q.paragraph == previous_paragraph + 1 && starts_paragraph(q)) {
          // In dialogue a cue-less paragraph is the other party's turn; in
          // news it continues the previous speaker.
          if (dialogue) {
            if (before_previous && before_previous->name != previous->name) {
              who = with_confidence(*before_previous, confidence::dialogue_turn, {});
            } else if (const name_entry *other =
                           names_.last_person_other_than(q.open_mark.begin, previous->name)) {
              // The other party: the last person the narration named.
              who = person(*other, confidence::other_party);
            }
          } else {
            who = with_confidence(*previous, confidence::continued_paragraph, {});
          }
        }
      }
      if (!who && q.kind == quote_kind::direct && dialogue && starts_paragraph(q) && q.paragraph > 0) {
        // After a paragraph of narration, the person it last named speaks.
        std::uint32_t named_at = 0;
        const name_entry *named = names_.last_person_before(q.open_mark.begin, 0, &named_at);
        if (named != nullptr && named_at >= doc_.paragraphs[q.paragraph - 1].begin) {
          who = person(*named, confidence::narration_subject);
        }
      }
      if (who) {
        if (previous == nullptr || previous->name != who->name) {
          before_previous = previous;
        }
        previous = &*who;
        previous_paragraph = q.paragraph;
      }
      add(out, q.content, q.kind, q.quotation, who, direct_cue[qi]);
    }
    const auto by_start = [](const attributed_quote &a, const attributed_quote &b) {
      return a.content.begin < b.content.begin;
    };
    // Both parts are usually in text order already: merging them is then
    // what the stable sort would do, in linear time.
    const auto middle = out.begin() + reported;
    if (std::is_sorted(out.begin(), middle, by_start) && std::is_sorted(middle, out.end(), by_start)) {
      std::inplace_merge(out.begin(), middle, out.end(), by_start);
    } else {
      std::stable_sort(out.begin(), out.end(), by_start);
    }
    return out;
  }

private:
  static std::vector<span> quoted_spans(const parser::document &doc) {
    std::vector<span> out;
    out.reserve(doc.quotes.size());
    for (const parser::quote &q : doc.quotes) {
      if (out.empty() || q.content.begin >= out.back().end) {
        out.push_back(q.content);
      }
    }
    return out;
  }

  const parser::document &doc_;
  name_index names_;
  bool dialogue_ = false; ///< fiction-like: pronouns and turns are less certain
  /// How many earlier speakers a resolution looks at: enough for any real
  /// antecedent, and it keeps attribution linear in the document's size.
  static constexpr std::size_t max_look_back = 64;
  std::uint32_t next_id_ = 1U << 20; ///< quotation ids for reported speech, apart from direct quotes'
  struct recent {
    speaker who;
    std::uint32_t at;
  };
  std::vector<recent> recent_; ///< speakers resolved so far, in text order

  /// A quotation right after a colon whose sentence has no verb of saying
  /// ("In a letter, Okafor set out her position:"): the person that
  /// sentence names speaks.
  std::optional<speaker> colon_without_cue(const parser::quote &q) const {
    std::uint32_t p = q.open_mark.begin;
    while (p > 0 && (doc_.text[p - 1] == ' ' || doc_.text[p - 1] == '\n' || doc_.text[p - 1] == '\r')) {
      --p;
    }
    if (p == 0 || doc_.text[p - 1] != ':' || q.open_mark.begin - p > 4) {
      return std::nullopt;
    }
    std::uint32_t named_at = 0;
    const name_entry *named = names_.last_person_before(p, 0, &named_at, true);
    if (named == nullptr || p - named_at > 200) {
      return std::nullopt;
    }
    return person(*named, confidence::colon_named);
  }

  /// True when the text between two offsets is only white space.
  bool only_space(std::uint32_t a, std::uint32_t b) const {
    if (b < a || b - a > 16) {
      return false;
    }
    for (std::uint32_t i = a; i < b; ++i) {
      const char c = doc_.text[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  static bool contains(span outer, span inner) {
    return outer.begin <= inner.begin && inner.end <= outer.end;
  }

  bool starts_paragraph(const parser::quote &q) const {
    return q.open_mark.begin == doc_.paragraphs[q.paragraph].begin;
  }

  /// A person the document names, as a speaker.
  static speaker person(const name_entry &e, double confidence) {
    speaker s;
    s.type = speaker_type::person;
    s.name = e.name;
    s.role = e.role;
    s.confidence = confidence;
    return s;
  }

  static speaker with_confidence(const speaker &s, double c, span mention) {
    speaker out = s;
    out.confidence = std::min(s.confidence, c);
    out.mention = mention;
    return out;
  }

  /// Appends a quote to `out`, built in place: a speaker is copied (or
  /// moved) once, into the output.
  template <typename Who>
  static void add(std::vector<attributed_quote> &out, span content, quote_kind kind, std::uint32_t quotation,
                  Who &&who, const std::optional<parser::cue> &verb) {
    attributed_quote &a = out.emplace_back();
    a.content = content;
    a.kind = kind;
    a.quotation = quotation;
    a.who = std::forward<Who>(who);
    a.verb = verb;
  }

  std::optional<speaker> from_same_quotation(std::size_t qi,
                                             const std::vector<std::optional<speaker>> &direct) const {
    const std::uint32_t id = doc_.quotes[qi].quotation;
    for (std::size_t k = qi; k-- > 0 && doc_.quotes[k].quotation == id;) {
      if (direct[k]) {
        return with_confidence(*direct[k], confidence::same_quotation, direct[k]->mention);
      }
    }
    for (std::size_t k = qi + 1; k < doc_.quotes.size() && doc_.quotes[k].quotation == id; ++k) {
      if (direct[k]) {
        // The pieces of one quotation share its frame, and so the naming words.
        return with_confidence(*direct[k], confidence::same_quotation, direct[k]->mention);
      }
    }
    return std::nullopt;
  }

  void remember(const speaker &s, std::uint32_t at) {
    if (s.type == speaker_type::person || s.type == speaker_type::organization) {
      recent_.push_back({s, at});
    }
  }

  /// The speaker a source span names, resolved within the document.
  std::optional<speaker> resolve(span source, std::uint32_t before) {
    if (source.empty()) {
      return std::nullopt;
    }
    source_analysis a = names_.analyse(source); // its strings are moved into the speaker
    speaker s;
    s.mention = source;
    switch (a.kind) {
    case source_kind::pronoun: {
      // The nearest earlier speaker or named person (plural: an organisation too).
      const char g = a.plural ? 0 : parser::pronoun_gender(a.name);
      std::optional<speaker> prev = nearest(before, a.plural, g);
      if (!prev) {
        // No antecedent: the pronoun itself is the best we can say.
        s.type = a.plural ? speaker_type::unknown : speaker_type::person;
        s.name = std::move(a.name);
        s.confidence = confidence::unresolved_pronoun;
        return s;
      }
      s = std::move(*prev);
      s.mention = source;
      s.confidence = dialogue_ ? confidence::pronoun_dialogue : confidence::pronoun;
      return s;
    }
    case source_kind::document: {
      s.type = speaker_type::document;
      s.name = std::move(a.name);
      s.confidence = confidence::document;
      // "the statement said": the organisation that issued it, when known.
      std::size_t steps = 0; // bounded: linear time on any document
      for (auto it = recent_.rbegin(); it != recent_.rend() && steps < max_look_back; ++it, ++steps) {
        if (it->who.type == speaker_type::organization) {
          s.name = it->who.name;
          s.type = speaker_type::organization;
          break;
        }
      }
      return s;
    }
    case source_kind::anonymous:
      s.type = speaker_type::anonymous;
      s.name = std::move(a.name);
      s.role = std::move(a.role);
      s.confidence = confidence::anonymous;
      return s;
    case source_kind::organisation:
      s.type = speaker_type::organization;
      s.name = std::move(a.name);
      s.role = std::move(a.role);
      s.confidence = confidence::organisation;
      return s;
    case source_kind::person: {
      s.type = speaker_type::person;
      const name_entry *e = names_.canonical(a.name);
      s.confidence = e != nullptr && e->name != a.name ? confidence::short_form : confidence::named_in_frame;
      if (e != nullptr) {
        s.name = e->name;
      } else {
        s.name = std::move(a.name);
      }
      if (!a.role.empty()) {
        s.role = std::move(a.role);
      } else if (e != nullptr) {
        s.role = e->role;
      }
      return s;
    }
    case source_kind::role_noun: {
      // "the minister": the nearest earlier speaker whose role has that word.
      std::size_t steps = 0;
      for (auto it = recent_.rbegin(); it != recent_.rend() && steps < max_look_back; ++it, ++steps) {
        if (it->who.role.find(a.name) != std::string::npos) {
          s = it->who;
          s.mention = source;
          s.confidence = confidence::pronoun;
          return s;
        }
      }
      if (const name_entry *e = names_.with_role(a.name, before)) {
        speaker p = person(*e, confidence::pronoun);
        p.mention = source;
        return p;
      }
      s.type = speaker_type::unknown;
      s.name = std::move(a.name);
      s.confidence = confidence::role_noun_unresolved;
      return s;
    }
    case source_kind::narrator:
    case source_kind::described:
      s.type = speaker_type::person;
      s.name = std::move(a.name);
      s.confidence = a.kind == source_kind::narrator ? confidence::narrator : confidence::described;
      return s;
    case source_kind::none: break;
    }
    return std::nullopt;
  }

  std::optional<speaker> nearest(std::uint32_t before, bool plural, char g) const {
    // The latest speaker (or, failing that, named person) of the pronoun's gender.
    std::uint32_t named_at = 0;
    const name_entry *named = names_.last_person_before(before, g, &named_at, true);
    std::size_t steps = 0;
    for (auto it = recent_.rbegin(); it != recent_.rend() && steps < max_look_back; ++it, ++steps) {
      if (it->at >= before) {
        continue;
      }
      // A person named since the last speaker is nearer, when we know it is
      // a person: a full name, or a gender from honorifics or pronouns.
      if (named != nullptr && named_at > it->at && named->name != it->who.name &&
          (named->name.find(' ') != std::string::npos || (g != 0 && named->gender == g))) {
        break;
      }
      const char eg = names_.gender_of(it->who.name);
      if ((plural && it->who.type != speaker_type::person) ||
          (!plural && it->who.type == speaker_type::person && (g == 0 || eg == 0 || eg == g))) {
        return it->who;
      }
    }
    if (named != nullptr) {
      return person(*named, 0.0);
    }
    return std::nullopt;
  }
};

} // namespace

std::vector<attributed_quote> attribute(const parser::document &doc) {
  thread_local name_scratch scratch; // the name index's buffers, reused document after document
  std::vector<attributed_quote> out = attributor(doc, doc.tokens, scratch).run();
  if (doc.tokens.size() > (std::size_t{1} << 20)) {
    scratch = name_scratch{}; // a huge document's buffers are not kept for the next ones
  }
  return out;
}

} // namespace quotecheck::attribution
