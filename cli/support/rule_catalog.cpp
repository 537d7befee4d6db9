#include "rule_catalog.hpp"

#include <array>

namespace quotecheck::cli {

namespace {
using parser::severity;
constexpr std::array<rule_info, 14> rules{{
    {"quote.verified", severity::note, "The quotation matches a stored statement of the same speaker.",
     "Nothing to do: the words are on record as quoted."},
    {"quote.altered", severity::error,
     "The quotation is close to a stored statement of the same speaker, but words were changed, added or "
     "dropped.",
     "Quote the statement as it was made (see the word diff), or paraphrase it without quotation marks."},
    {"quote.fragment", severity::note, "The quotation is an exact part of a longer stored statement.",
     "Check that the cut does not change the meaning of the full statement."},
    {"quote.misattributed", severity::error,
     "The quotation matches a stored statement of a different speaker.",
     "Attribute the words to the speaker on record, or check the source."},
    {"quote.unverified", severity::warning, "No stored statement matches the quotation.",
     "Find a primary source for the quotation and add it to the statements database."},
    {"quote.unattributed", severity::warning, "A direct quotation has no speaker.",
     "Say who said it, or set require_speaker = false in .quotecheck.toml."},
    {"quote.unbalanced", severity::error, "An opening or closing quotation mark has no pair.",
     "Add the missing quotation mark or remove the stray one."},
    {"quote.anachronism", severity::error, "The matching statement is dated after the article.",
     "Check the article date and the source of the quotation."},
    {"paraphrase.consistent", severity::note, "Reported speech agrees with a stored statement.",
     "Nothing to do."},
    {"paraphrase.divergent", severity::warning, "Reported speech drifts from a stored statement.",
     "Compare the paraphrase with the statement on record and bring it closer."},
    {"paraphrase.contradicts", severity::error,
     "Reported speech contradicts a stored statement (negation, numbers).",
     "Correct the paraphrase: it says the opposite of, or other numbers than, the statement on record."},
    {"speaker.ambiguous", severity::warning, "The speaker of the quotation cannot be told apart.",
     "Name the speaker in full near the quotation."},
    {"speaker.anonymous", severity::warning, "The quotation is attributed to an anonymous source.",
     "Name the source if you can, or set allow_anonymous = true in .quotecheck.toml."},
    {"speaker.role-mismatch", severity::warning,
     "The role given to the speaker does not match the record at the article's date.",
     "Use the role the speaker held at the time."},
}};
} // namespace

std::span<const rule_info> rule_catalog() { return rules; }

int rule_index(std::string_view id) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

} // namespace quotecheck::cli
