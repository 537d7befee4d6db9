#include "svg.hpp"

#include "html_escape.hpp"

#include <algorithm>
#include <cstdio>

namespace quotecheck::audit::detail {

namespace {

/// A number for an SVG attribute, with one decimal.
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

/// The YYYY-MM-DD of a day number.
std::string format_day(std::int64_t day) {
  // Howard Hinnant's civil_from_days.
  day += 719468;
  const std::int64_t era = (day >= 0 ? day : day - 146096) / 146097;
  const std::int64_t doe = day - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return buf;
}

constexpr double chart_width = 760;
constexpr const char *font = "font-family=\"system-ui, 'DejaVu Sans', Arial, sans-serif\" font-size=\"12\"";

} // namespace

std::string truncate_utf8(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == max_chars) {
        return std::string(text.substr(0, i)) + "\u2026";
      }
      ++chars;
    }
  }
  return std::string(text);
}

bool parse_day(std::string_view date, std::int64_t &day) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') {
    return false;
  }
  auto digits = [&](std::size_t at, std::size_t n, std::int64_t &v) {
    v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (date[i] < '0' || date[i] > '9') {
        return false;
      }
      v = v * 10 + (date[i] - '0');
    }
    return true;
  };
  std::int64_t y = 0, m = 0, d = 0;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d) || m < 1 || m > 12 || d < 1 || d > 31) {
    return false;
  }
  // Howard Hinnant's days_from_civil.
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  day = era * 146097 + doe - 719468;
  return true;
}

std::string with_commas(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string svg_bar_chart(const std::vector<bar> &bars, std::string_view title) {
  constexpr double label_width = 250, row = 26, bar_height = 18, top = 6, count_room = 70;
  const double plot = chart_width - label_width - count_room;
  std::int64_t max_value = 1;
  for (const bar &b : bars) {
    max_value = std::max(max_value, b.value);
  }
  const double height = top * 2 + row * static_cast<double>(std::max<std::size_t>(bars.size(), 1));
  std::string s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " +
                  num(chart_width) + " " + num(height) + "\" width=\"" + num(chart_width) + "\" height=\"" +
                  num(height) + "\" " + font + "><title>";
  append_escaped(s, title);
  s += "</title>\n";
  if (bars.empty()) {
    s += "<text x=\"0\" y=\"20\" fill=\"#555\">nothing to show</text>\n";
  }
  double y = top;
  for (const bar &b : bars) {
    const double w = std::max(2.0, plot * static_cast<double>(b.value) / static_cast<double>(max_value));
    const double mid = y + row / 2;
    s += "<g><title>";
    append_escaped(s, b.tooltip);
    s += "</title><text x=\"" + num(label_width - 8) + "\" y=\"" + num(mid + 4) +
         "\" text-anchor=\"end\" fill=\"#222\">";
    append_escaped(s, truncate_utf8(b.label, 36));
    s += "</text><rect class=\"bar\" x=\"" + num(label_width) + "\" y=\"" + num(mid - bar_height / 2) +
         "\" width=\"" + num(w) + "\" height=\"" + num(bar_height) + "\" rx=\"2\" fill=\"";
    append_escaped(s, b.colour);
    s += "\"/><text x=\"" + num(label_width + w + 6) + "\" y=\"" + num(mid + 4) + "\" fill=\"#222\">" +
         with_commas(b.value) + "</text></g>\n";
    y += row;
  }
  s += "</svg>";
  return s;
}

std::string svg_timeline(const std::vector<timeline_dot> &dots, std::size_t max_lanes) {
  constexpr double label_width = 180, row = 22, top = 8, axis = 30, right_pad = 20;
  struct placed {
    std::size_t lane;
    std::int64_t day;
    const timeline_dot *dot;
  };
  std::vector<std::string> lanes;
  std::vector<placed> points;
  std::int64_t lo = 0, hi = 0;
  bool folded = false;
  for (const timeline_dot &d : dots) {
    std::int64_t day = 0;
    if (!parse_day(d.date, day)) {
      continue;
    }
    const std::string name = d.lane.empty() ? "(no outlet)" : d.lane;
    auto it = std::find(lanes.begin(), lanes.end(), name);
    std::size_t lane = static_cast<std::size_t>(it - lanes.begin());
    if (it == lanes.end()) {
      if (lanes.size() < max_lanes) {
        lanes.push_back(name);
      } else {
        folded = true;
        lane = max_lanes;
      }
    }
    if (points.empty()) {
      lo = hi = day;
    }
    lo = std::min(lo, day);
    hi = std::max(hi, day);
    points.push_back({lane, day, &d});
  }
  if (points.empty()) {
    return {};
  }
  if (folded) {
    lanes.push_back("other outlets");
  }
  // Dots sit inside the plot, a radius in from either end of the axis.
  const double axis_left = label_width + 10, axis_right = chart_width - right_pad;
  const double plot_left = axis_left + 8, plot_right = axis_right - 8;
  const double height = top + row * static_cast<double>(lanes.size()) + axis;
  const auto x_of = [&](std::int64_t day) {
    if (hi == lo) {
      return (plot_left + plot_right) / 2;
    }
    return plot_left +
           (plot_right - plot_left) * static_cast<double>(day - lo) / static_cast<double>(hi - lo);
  };
  std::string s = "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " +
                  num(chart_width) + " " + num(height) + "\" width=\"" + num(chart_width) + "\" height=\"" +
                  num(height) + "\" " + font + "><title>sightings by date and outlet</title>\n";
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    const double mid = top + row * static_cast<double>(i) + row / 2;
    s += "<text x=\"" + num(label_width) + "\" y=\"" + num(mid + 4) + "\" text-anchor=\"end\" fill=\"#222\">";
    append_escaped(s, truncate_utf8(lanes[i], 26));
    s += "</text><line x1=\"" + num(axis_left) + "\" x2=\"" + num(axis_right) + "\" y1=\"" + num(mid) +
         "\" y2=\"" + num(mid) + "\" stroke=\"#ddd\"/>\n";
  }
  const double axis_y = top + row * static_cast<double>(lanes.size()) + 4;
  s += "<line x1=\"" + num(axis_left) + "\" x2=\"" + num(axis_right) + "\" y1=\"" + num(axis_y) + "\" y2=\"" +
       num(axis_y) + "\" stroke=\"#888\"/>\n";
  // Date ticks: the first and last sighting, and the middle when the span allows.
  std::vector<std::int64_t> ticks{lo};
  if (hi - lo >= 4) {
    ticks.push_back(lo + (hi - lo) / 2);
  }
  if (hi != lo) {
    ticks.push_back(hi);
  }
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    const double x = x_of(ticks[i]);
    const char *anchor = ticks.size() == 1 || (i > 0 && i + 1 < ticks.size()) ? "middle"
                         : i == 0                                             ? "start"
                                                                              : "end";
    s += "<line x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + num(axis_y) + "\" y2=\"" +
         num(axis_y + 4) + "\" stroke=\"#888\"/><text x=\"" + num(x) + "\" y=\"" + num(axis_y + 17) +
         "\" text-anchor=\"" + anchor + "\" fill=\"#555\">" + format_day(ticks[i]) + "</text>\n";
  }
  // The first appearance is drawn last so it stays on top.
  std::stable_partition(points.begin(), points.end(), [](const placed &p) { return !p.dot->first; });
  for (const placed &p : points) {
    const double cy = top + row * static_cast<double>(p.lane) + row / 2;
    s += "<circle cx=\"" + num(x_of(p.day)) + "\" cy=\"" + num(cy) + "\" r=\"" + (p.dot->first ? "7" : "5") +
         "\" fill=\"" + (p.dot->first ? "#c62828" : "#1565c0") + "\" fill-opacity=\"" +
         (p.dot->first ? "1" : "0.7") + "\" stroke=\"#fff\" stroke-width=\"1\"><title>";
    append_escaped(s, p.dot->tooltip);
    s += "</title></circle>\n";
  }
  s += "</svg>";
  return s;
}

} // namespace quotecheck::audit::detail
