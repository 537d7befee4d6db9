#pragma once
/// Lexicons the grammar and attribution consult: verbs of saying (every
/// inflection, with its lemma), titles, honorifics, organisation words,
/// pronouns. Lookups are case-insensitive on ASCII.

#include "quotecheck/parser/word_table.hpp"

#include <cstdint>
#include <string_view>

namespace quotecheck::parser {

/// The lemma of a verb of saying ("told" → "tell"), or empty if `word` is
/// not one. Covers over 150 lemmas in every inflection.
std::string_view speech_lemma(std::string_view word);

/// Every form of the speech lexicon, for callers that ask about every word
/// of a text: when `f` is not null, f->may_contain(w) false means that
/// speech_lemma(w) is empty, so most words are rejected inline, before the
/// call. Null when that does not hold (a form with an apostrophe, which
/// speech_lemma matches curly as well as straight).
const word_table *speech_forms_filter();

/// The lemma of a speech-lexicon entry by its value in speech_forms_filter()
/// (the value f->find(w) gives): callers that look a word up once in the
/// table itself get its lemma without a second lookup.
std::string_view speech_lemma_at(std::size_t value);

/// The value speech_forms_filter()->find(word) would give, or -1 when
/// `word` is not a verb of saying: for callers for which the filter is null.
std::int64_t speech_form_value(std::string_view word);

/// Bits of lexicon_flags(): which lexicons hold a word.
enum lexicon_flag : std::uint8_t {
  title_word = 1U << 0,        ///< is_title_word
  honorific_word = 1U << 1,    ///< is_honorific
  organisation_word = 1U << 2, ///< is_organisation_word
  document_word = 1U << 3,     ///< is_document_word
};

/// Which of the four lexicons below hold `word`, in one lookup: for code
/// that asks several of them about the same word.
std::uint8_t lexicon_flags(std::string_view word);

/// The words of those four lexicons, as speech_forms_filter(): when `f` is
/// not null, f->may_contain(w) false means that lexicon_flags(w) is 0, and
/// f->find(w) is lexicon_flags(w) (or -1 for 0).
const word_table *lexicon_flags_filter();

/// True for titles and roles that may precede a name ("President", "Sen.",
/// "minister", "spokeswoman").
bool is_title_word(std::string_view word);

/// True for honorifics (Mr, Mrs, Ms, Dr, Sir, Lady...).
bool is_honorific(std::string_view word);

/// True for words that make a capitalised sequence an organisation
/// ("Ministry", "Office", "Party", "Inc", "Kremlin").
bool is_organisation_word(std::string_view word);

/// True for words naming a document that can speak ("statement", "report").
bool is_document_word(std::string_view word);

/// Personal pronouns that can be a speaker, with gender: 'm', 'f', 'p'
/// (plural / they), 'n' (it), or 0 if not a subject pronoun.
char pronoun_gender(std::string_view word);

/// Number of entries in the speech lexicon (word forms), for tests and docs.
std::size_t speech_form_count();
/// Number of distinct lemmas in the speech lexicon.
std::size_t speech_lemma_count();

} // namespace quotecheck::parser
