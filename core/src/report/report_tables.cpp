#include "report/report_tables.hpp"

#include "report/format.hpp"

#include <fmt/format.h>

#include <cmath>

namespace rebuy::core {
namespace {

constexpr align right = align::right;

cell count(uint64_t n) { return {format_count(n)}; }
// "58.1–66.7 %"
cell interval(const stats::interval &ci) {
  return {fmt::format("{:.1f}–{:.1f} %", 100 * ci.low, 100 * ci.high)};
}
cell impact(double change, std::string text) {
  cell c(std::move(text));
  if (change < 0) c.html_class = "down";
  return c;
}

std::string joined(const std::vector<std::string> &items) {
  std::string out;
  for (const auto &item : items)
    out += (out.empty() ? "" : ", ") + item;
  return out;
}

} // namespace

table themes_table(const themes_data &t) {
  using row = theme_row;
  return make_table<row>(
      {{{"Theme"}, [](const row &r) { return cell{r.theme}; }},
       {{"Responses", right}, [](const row &r) { return count(r.values.responses); }},
       {{"Would buy again", right},
        [](const row &r) {
          return cell{format_percent(r.values.rate), r.values.small_rate};
        }},
       {{"NPS", right},
        [](const row &r) {
          return cell{format_points(r.values.nps.score), r.values.small_nps};
        }},
       {{"Impact on would buy again", right},
        [](const row &r) { return impact(r.rate_impact, format_point_change(r.rate_impact)); }},
       {{"Impact on NPS", right},
        [](const row &r) { return impact(r.nps_impact, format_points(r.nps_impact)); }},
       {{"A customer said", align::left, "quote"}, [](const row &r) { return cell{r.quote}; }}},
      t.themes);
}

table drivers_table(const driver_set &s) {
  using row = driver_item;
  const double explained = s.r_squared;
  return make_table<row>(
      {{{"Rating"}, [](const row &i) { return cell{i.column}; }},
       {{"Scale"}, [](const row &i) { return cell{describe_item_scale(i.scale)}; }},
       {{"Rated", right}, [](const row &i) { return count(i.answered); }},
       {{"Mean", right}, [](const row &i) { return cell{fmt::format("{:.2f}", i.mean)}; }},
       {{"Weight", right},
        [](const row &i) {
          cell c{format_percent(i.weight)};
          c.data_value = fmt::format("{:.4f}", i.weight);
          return c;
        }},
       {{"95 %", right},
        [](const row &i) {
          return interval({i.low, i.high});
        }},
       {{"Share of explained", right},
        [explained](const row &i) {
          return cell{explained > 0 ? fmt::format("{:.0f} %", 100 * i.weight / explained)
                                    : std::string("n/a")};
        }}},
      s.items);
}

std::string driver_set_title(const driver_set &s) {
  const char *outcome = s.outcome == "would_recommend" ? "would recommend" : "would buy again";
  return s.question.empty()
             ? fmt::format("{}: what moves {}", s.source, outcome)
             : fmt::format("{}, {} items: what moves {}", s.source, s.question, outcome);
}

std::string driver_set_note(const driver_set &s) {
  std::string out = fmt::format(
      "Outcome: {}, over {} responses{}. Together the {} ratings account for {} of its variance "
      "(R²); a rating's weight is the part it accounts for (Johnson's relative weights), with a "
      "95 % interval from 200 bootstrap resamples. Ratings outside the scale are read as no "
      "answer.",
      s.measure, format_count(s.responses),
      s.sampled_from
          ? fmt::format(" (an evenly spaced sample of the {})", format_count(s.sampled_from))
          : std::string(),
      s.items.size(), format_percent(s.r_squared));
  if (!s.summaries.empty())
    out += fmt::format(" Left out as summing the others up: {}.", joined(s.summaries));
  if (!s.beyond_limit.empty())
    out += fmt::format(" Not weighed, beyond the {} ratings one set holds: {}.", max_driver_items,
                       joined(s.beyond_limit));
  if (!s.too_few.empty())
    out += fmt::format(" Rated too rarely to weigh (fewer than {} times): {}.",
                       min_driver_responses, joined(s.too_few));
  return out;
}

table words_table(const themes_data &t) {
  using row = word_row;
  return make_table<row>(
      {{{"Word"}, [](const row &w) { return cell{w.word}; }},
       {{"Would not", right}, [](const row &w) { return count(w.would_not); }},
       {{"Would", right}, [](const row &w) { return count(w.would); }},
       {{"z", right}, [](const row &w) { return cell{fmt::format("{:.1f}", w.z)}; }},
       {{"A customer said", align::left, "quote"}, [](const row &w) { return cell{w.quote}; }}},
      t.words);
}

table customers_table(const std::vector<customer_row> &rows, bool won_back) {
  using row = customer_row;
  std::vector<column_of<row>> columns = {
      {{"Customer"}, [](const row &r) { return cell{r.customer}; }},
      {{"Value", right}, [](const row &r) { return cell{format_money(r.value)}; }},
      {{"Orders", right}, [](const row &r) { return count(r.orders); }},
      {{"Latest feedback"}, [](const row &r) { return cell{r.latest_at.substr(0, 10)}; }},
      {{"Said"}, [](const row &r) { return cell{r.said_label}; }}};
  if (won_back) columns.push_back({{"Why"}, [](const row &r) { return cell{r.reason}; }});
  columns.push_back(
      {{"In their words", align::left, "quote"}, [](const row &r) { return cell{r.quote}; }});
  return make_table(columns, rows);
}

table calibration_bins_table(const calibration_data &c) {
  using row = calibration_bin;
  return make_table<row>(
      {{{"Predicted"},
        [](const row &b) {
          return cell{fmt::format("{:.0f}–{:.0f} %", 100 * b.low, 100 * b.high)};
        }},
       {{"Responses", right}, [](const row &b) { return count(b.n); }},
       {{"Mean predicted", right},
        [](const row &b) { return cell{format_percent(b.mean_predicted)}; }},
       {{"Ordered again", right}, [](const row &b) { return cell{format_percent(b.observed)}; }}},
      c.bins);
}

table calibration_levels_table(const calibration_data &c) {
  using row = calibration_level;
  return make_table<row>(
      {{{"Said"}, [](const row &l) { return cell{l.label}; }},
       {{"Responses", right}, [](const row &l) { return count(l.n); }},
       {{"Ordered again", right}, [](const row &l) { return count(l.ordered); }},
       {{"Rate", right}, [](const row &l) { return cell{format_percent(l.rate)}; }},
       {{"95 % interval", right}, [](const row &l) { return interval(l.ci); }},
       {{"Shrunk rate", right},
        [](const row &l) {
          cell c(format_percent(l.shrunk));
          c.data_value = std::isfinite(l.shrunk) ? fmt::format("{}", l.shrunk) : "null";
          return c;
        }}},
      c.levels);
}

table order_counts_table(const calibration_data &c) {
  using row = order_count_group;
  return make_table<row>(
      {{{"Order count when answering"},
        [](const row &g) { return cell{order_count_group_name(g.repeat)}; }},
       {{"Responses", right}, [](const row &g) { return count(g.responses); }},
       {{"Outcome known", right}, [](const row &g) { return count(g.known); }},
       {{"Ordered again", right}, [](const row &g) { return count(g.ordered); }},
       {{"Rate", right}, [](const row &g) { return cell{format_percent(g.rate)}; }},
       {{"95 % interval", right},
        [](const row &g) { return g.known ? interval(g.ci) : cell{"n/a"}; }}},
      c.order_counts);
}

table referral_table(const reported_referral &r) {
  using row = reported_referral_row;
  // Without a yes or a no there is no share to give.
  auto answered = [](const row &x) { return x.yes + x.no > 0; };
  return make_table<row>(
      {{{"NPS class"}, [](const row &x) { return cell{x.nps_class}; }},
       {{"Yes", right}, [](const row &x) { return count(x.yes); }},
       {{"No", right}, [](const row &x) { return count(x.no); }},
       {{"Other", right}, [](const row &x) { return count(x.other); }},
       {{"Said yes", right},
        [=](const row &x) { return cell{answered(x) ? format_percent(x.share_yes) : "–"}; }},
       {{"95 % interval", right},
        [=](const row &x) { return answered(x) ? interval(x.ci) : cell{"–"}; }}},
      r.rows);
}

table quality_table(const quality_data &q) {
  struct row {
    const import_run &run;
    const std::vector<std::string> &unmapped;
  };
  std::vector<row> rows;
  for (size_t i = 0; i < q.runs.size(); ++i)
    rows.push_back({q.runs[i], q.unmapped[i]});
  // One entry per column: a new column is one more entry.
  return make_table<row>(
      {{{"Import", right}, [](const row &r) { return cell{std::to_string(r.run.id)}; }},
       {{"File"}, [](const row &r) { return cell{r.run.file}; }},
       {{"Source"}, [](const row &r) { return cell{r.run.source}; }},
       {{"Importer"},
        [](const row &r) { return cell{r.run.importer + " " + r.run.importer_version}; }},
       {{"Rows in", right}, [](const row &r) { return count(r.run.counts.rows_in()); }},
       {{"Stored", right}, [](const row &r) { return count(r.run.counts.stored()); }},
       {{"Rejected", right}, [](const row &r) { return count(r.run.counts.rejected); }},
       {{"Skipped", right}, [](const row &r) { return count(r.run.counts.skipped); }},
       {{"Values refused", right},
        [](const row &r) { return count(r.run.counts.values_rejected); }},
       {{"Status"}, [](const row &r) { return cell{r.run.status}; }},
       {{"Unmapped columns"}, [](const row &r) { return cell{joined(r.unmapped)}; }}},
      rows);
}

table mapping_table(const quality_data &q) {
  struct row {
    int64_t run;
    const mapped_column &column;
  };
  std::vector<row> rows;
  for (size_t i = 0; i < q.runs.size(); ++i)
    for (const auto &c : q.mapped[i])
      rows.push_back({q.runs[i].id, c});
  return make_table<row>(
      {{{"Import", right}, [](const row &r) { return cell{std::to_string(r.run)}; }},
       {{"Role"}, [](const row &r) { return cell{r.column.role}; }},
       {{"Column"}, [](const row &r) { return cell{r.column.column}; }},
       {{"Scale"}, [](const row &r) { return cell{r.column.scale}; }}},
      rows);
}

} // namespace rebuy::core
