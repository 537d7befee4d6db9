#pragma once
/// Lexicons the grammar and attribution consult: verbs of saying (every
/// inflection, with its lemma), titles, honorifics, organisation words,
/// pronouns. Lookups are case-insensitive on ASCII.

#include <string_view>

namespace quotecheck::parser {

/// The lemma of a verb of saying ("told" → "tell"), or empty if `word` is
/// not one. Covers over 150 lemmas in every inflection.
std::string_view speech_lemma(std::string_view word);

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
