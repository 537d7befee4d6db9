#pragma once
/// Speaker identity and roles as the database records them.

#include <quotecheck/db/records.hpp>
#include <quotecheck/db/store.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::db {

/// A stored speaker with its aliases.
struct speaker_record {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::string> aliases;
};

/// The ids of the stored speakers a name refers to. A name matches a
/// speaker's canonical name or one of its aliases, case-insensitively; each of
/// `aliases` is tried too, and so is the last word of `name` against aliases
/// ("Mr Lammy", "David Lammy" -> alias "Lammy"). Empty when nobody matches.
result<std::vector<std::int64_t>> resolve_speaker(const store &s, std::string_view name,
                                                  const std::vector<std::string> &aliases = {});

/// The speaker with this id, with its aliases.
result<speaker_record> speaker_by_id(const store &s, std::int64_t id);

/// The roles recorded for a speaker, in date order.
result<std::vector<role_input>> roles_of(const store &s, std::int64_t speaker_id);

/// True when `date` (ISO prefix) falls within [from, to]; empty bounds are
/// open, and a shorter date compares on its prefix ("2025-03" is within
/// ["2025-03-17", ...] as far as anyone can tell).
bool date_within(std::string_view date, std::string_view from, std::string_view to);

/// True when `a` is known to be strictly after `b` (compared on their common ISO prefix).
bool date_after(std::string_view a, std::string_view b);

} // namespace quotecheck::db
