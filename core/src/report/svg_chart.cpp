#include "report/svg_chart.hpp"

#include "report/html_escape.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace rebuy::core {
namespace {

constexpr double width = 760, height = 220, left = 56, right = 44, top = 12, bottom = 32;

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

} // namespace

std::string svg_trend_chart(const std::vector<chart_point> &points, const chart_axis &axis,
                            const std::string &title) {
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  auto x_of = [&](size_t i) {
    return points.size() == 1
               ? left + plot_w / 2
               : left + plot_w * static_cast<double>(i) / static_cast<double>(points.size() - 1);
  };
  auto y_of = [&](double v) {
    return top + plot_h * (1 - clamp01((v - axis.min) / (axis.max - axis.min)));
  };
  std::string svg =
      fmt::format("<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">"
                  "<title>{}</title>",
                  width, height, html_escape(title), html_escape(title));
  for (double t : axis.ticks)
    svg += fmt::format("<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>"
                       "<text class=\"tick\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>",
                       left, width - right, y_of(t), y_of(t), left - 6, y_of(t) + 4,
                       html_escape(axis.format(t)));
  // Band and line, broken into runs where a point has no value.
  std::string band_upper, band_lower, line;
  auto flush = [&] {
    if (!band_upper.empty())
      svg += fmt::format("<polygon class=\"band\" points=\"{}{}\"/>", band_upper, band_lower);
    if (!line.empty()) svg += fmt::format("<polyline class=\"line\" points=\"{}\"/>", line);
    band_upper.clear(), band_lower.clear(), line.clear();
  };
  for (size_t i = 0; i < points.size(); ++i) {
    const auto &p = points[i];
    if (!std::isfinite(p.value)) {
      flush();
      continue;
    }
    band_upper += fmt::format("{:.1f},{:.1f} ", x_of(i), y_of(p.high));
    band_lower = fmt::format("{:.1f},{:.1f} ", x_of(i), y_of(p.low)) + band_lower;
    line += fmt::format("{:.1f},{:.1f} ", x_of(i), y_of(p.value));
  }
  flush();
  for (size_t i = 0; i < points.size(); ++i) {
    const auto &p = points[i];
    if (std::isfinite(p.value))
      svg += fmt::format("<circle class=\"dot\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\"><title>{}: "
                         "{} ({} to {}), n = {}</title></circle>",
                         x_of(i), y_of(p.value), html_escape(p.label),
                         html_escape(axis.format(p.value)), html_escape(axis.format(p.low)),
                         html_escape(axis.format(p.high)), p.n);
    // Label the first, the last and about six in between.
    size_t every = std::max<size_t>(1, points.size() / 6);
    if (i == 0 || i + 1 == points.size() || (i % every == 0 && points.size() - i > every / 2))
      svg +=
          fmt::format("<text class=\"tick\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                      x_of(i), height - bottom + 18, html_escape(p.label));
  }
  return svg + "</svg>";
}

std::string svg_interval_bar(double value, double low, double high, double reference, double min,
                             double max) {
  constexpr double w = 110, h = 14;
  auto x_of = [&](double v) { return w * clamp01((v - min) / (max - min)); };
  std::string svg = fmt::format("<svg class=\"bar\" viewBox=\"0 0 {} {}\" width=\"{}\" "
                                "height=\"{}\" aria-hidden=\"true\">",
                                w, h, w, h);
  svg += fmt::format("<line class=\"axis\" x1=\"0\" x2=\"{}\" y1=\"7\" y2=\"7\"/>", w);
  if (std::isfinite(value)) {
    svg += fmt::format("<rect class=\"band\" x=\"{:.1f}\" y=\"3\" width=\"{:.1f}\" height=\"8\"/>",
                       x_of(low), std::max(1.0, x_of(high) - x_of(low)));
    svg += fmt::format("<circle class=\"dot\" cx=\"{:.1f}\" cy=\"7\" r=\"3\"/>", x_of(value));
  }
  if (std::isfinite(reference))
    svg += fmt::format("<line class=\"ref\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"0\" y2=\"14\"/>",
                       x_of(reference));
  return svg + "</svg>";
}

} // namespace rebuy::core
