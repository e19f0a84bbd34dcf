#pragma once
// Inline SVG charts for the HTML report: no scripts, no external resources,
// readable without colour (points and bands differ in shape and opacity), and
// every label escaped.
#include <string>
#include <vector>

namespace rebuy::core {

struct chart_point {
  std::string label; // x-axis label (a period)
  double value;      // NaN: no value, left as a gap
  double low, high;  // the interval band
  uint64_t n;
};

struct chart_axis {
  double min, max;               // y range
  std::vector<double> ticks;     // y gridlines
  std::string (*format)(double); // tick and tooltip text
};

// A line of `points` with its interval band, gridlines and a <title> tooltip
// per point ("2025-11: 62.5 % (58.1–66.7 %), n = 400").
std::string svg_trend_chart(const std::vector<chart_point> &points, const chart_axis &axis,
                            const std::string &title);

// A one-line interval bar: the band [low, high], the point, and a vertical
// mark at `reference` (the overall figure), on the scale [min, max].
std::string svg_interval_bar(double value, double low, double high, double reference, double min,
                             double max);

} // namespace rebuy::core
