#pragma once
/// The report's inline SVG charts: horizontal bar charts labelled with their
/// counts, and a timeline of sightings with one row per outlet. Every label
/// is escaped; the charts need no script and no font from outside.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck::audit::detail {

/// One bar: its label (escaped when drawn), value, fill colour (a CSS colour
/// chosen by the caller, never from data) and the tooltip shown on hover.
struct bar {
  std::string label;
  std::int64_t value = 0;
  std::string colour;
  std::string tooltip;
};

/// A horizontal bar chart, one labelled row per bar, bars scaled to the
/// largest value and each labelled with its count. `title` names the chart
/// for screen readers.
std::string svg_bar_chart(const std::vector<bar> &bars, std::string_view title);

/// One sighting on a timeline.
struct timeline_dot {
  std::string lane;    ///< the outlet ("" when unknown)
  std::string date;    ///< ISO 8601 (only the YYYY-MM-DD part is used); undated dots are skipped
  std::string tooltip; ///< shown on hover
  bool first = false;  ///< the first appearance, drawn larger and in another colour
};

/// A timeline: one row per lane (the first `max_lanes` lanes in order of
/// their first dot, the rest folded into one row), one dot per dated
/// sighting, the dates of the first and last sighting on the axis. Empty
/// when no dot is dated.
std::string svg_timeline(const std::vector<timeline_dot> &dots, std::size_t max_lanes);

/// `text` cut to at most `max_chars` code points, with "…" when cut (never
/// inside a UTF-8 sequence).
std::string truncate_utf8(std::string_view text, std::size_t max_chars);

/// Days since 1970-01-01 of a date starting YYYY-MM-DD; false when it does not.
bool parse_day(std::string_view date, std::int64_t &day);

/// An integer with thousands separators: 1234567 -> "1,234,567".
std::string with_commas(std::int64_t n);

} // namespace quotecheck::audit::detail
