/// word_table: building the open-addressing table.

#include "quotecheck/parser/word_table.hpp"

namespace quotecheck::parser {

word_table::word_table(std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    add(w);
  }
}

bool word_table::add(std::string_view word, std::uint32_t value) {
  if (word.empty() || word.size() > max_word || entries_.size() >= 0xFFFF) {
    return false;
  }
  const key k = pack(word);
  const std::uint64_t h = hash(k);
  if (probe(word) >= 0) {
    return false;
  }
  if ((count_ + 1) * 2 > slots_.size()) {
    grow();
  }
  std::size_t i = static_cast<std::size_t>(h) & mask_;
  while (slots_[i] != 0) {
    i = (i + 1) & mask_;
  }
  slots_[i] = slot_value(h, entries_.size());
  entries_.push_back({k, static_cast<std::uint32_t>(word.size()), value});
  ++count_;
  lengths_ |= 1U << word.size();
  const std::size_t sh = shape(word);
  shapes_[sh >> 6] |= std::uint64_t{1} << (sh & 63U);
  const std::size_t inner = inner_shape(word);
  inner_shapes_[inner >> 6] |= std::uint64_t{1} << (inner & 63U);
  return true;
}

void word_table::grow() {
  slots_.assign(slots_.size() * 2 < 16 ? 16 : slots_.size() * 2, 0);
  mask_ = slots_.size() - 1;
  for (std::size_t index = 0; index < entries_.size(); ++index) {
    const std::uint64_t h = hash(entries_[index].k);
    std::size_t i = static_cast<std::size_t>(h) & mask_;
    while (slots_[i] != 0) {
      i = (i + 1) & mask_;
    }
    slots_[i] = slot_value(h, index);
  }
}

} // namespace quotecheck::parser
