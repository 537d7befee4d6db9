#pragma once
/// Attribution: walks a parsed document and gives every quotation (direct,
/// partial, mixed, indirect) its speaker, one canonical entity per speaker
/// in the document, with a confidence.

#include "quotecheck/parser/ast.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quotecheck::attribution {

/// What kind of source a speaker is (the JSON contract's `type`).
enum class speaker_type : std::uint8_t { person, organization, document, anonymous, unknown };

/// The JSON name of a speaker type.
std::string_view to_string(speaker_type t);

/// A quote's speaker: the canonical name in the document, the words in the
/// quote's own frame that name it, and how sure we are.
struct speaker {
  std::string name;     ///< canonical name ("David Lammy")
  parser::span mention; ///< the naming words in the quote's frame ("Lammy", "he"); may be empty
  speaker_type type = speaker_type::unknown;
  std::string role; ///< title or apposition ("British foreign minister"), may be empty
  double confidence = 0.0;
};

/// One quotation with its attribution, ready for output or checking.
struct attributed_quote {
  parser::span content;
  parser::quote_kind kind = parser::quote_kind::direct;
  std::uint32_t quotation = 0; ///< shared by the pieces of one quotation
  std::optional<speaker> who;
  std::optional<parser::cue> verb;
};

/// Attributes every quote and frame of `doc`; quotes come out in text order.
std::vector<attributed_quote> attribute(const parser::document &doc);

} // namespace quotecheck::attribution
