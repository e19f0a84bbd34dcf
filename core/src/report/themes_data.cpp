#include "report/themes_data.hpp"

#include <algorithm>

namespace rebuy::core {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

} // namespace

std::string quote_of(std::string_view text, size_t limit) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ', space = false;
    out += c;
  }
  if (out.size() <= limit) return out;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
    --cut;
  auto space_at = out.rfind(' ', cut);
  if (space_at != std::string::npos && space_at > limit / 2) cut = space_at;
  return out.substr(0, cut) + "…";
}

std::string response_text(sql::connection &db, int64_t id) {
  auto s = db.prepare("SELECT coalesce(text, title, '') FROM responses WHERE id = ?1");
  s.bind(1, id);
  return s.step() ? std::string(s.column_text(0)) : std::string();
}

themes_builder::themes_builder() {
  for (std::string_view w : stop_words())
    words_[w].stop = true;
}

void themes_builder::add(const scanned_response &r) {
  const intent said = r.stated_intent();
  if (!r.themes.empty()) {
    ++themed_;
    int rank = r.text.empty() ? 3 : said == intent::would_not ? 0 : r.nps_class < -0.5 ? 1 : 2;
    std::string_view rest = r.themes;
    while (!rest.empty()) {
      auto semi = rest.find(';');
      auto name = trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      if (name.empty()) continue;
      auto it = themes_.find(name);
      if (it == themes_.end()) it = themes_.emplace(std::string(name), theme_tally{}).first;
      auto &tt = it->second;
      tt.t.add(r);
      if (rank < tt.quote_rank || (rank == tt.quote_rank && chosen_before(r.ref(), tt.quote)))
        tt.quote_rank = rank, tt.quote = r.ref();
    }
  }
  if (r.text.empty() || (said != intent::would_not && said != intent::would)) return;
  const bool a = said == intent::would_not;
  ++(a ? would_not_ : would_);
  // One hash lookup per word: the entry says whether it is a stop word or was already counted
  // for this response.
  for_each_word(r.text, [&](std::string_view w) {
    auto &counts = words_[w];
    if (counts.stop || counts.last == r.id) return;
    counts.last = r.id;
    if (a) {
      if (counts.a++ == 0 || chosen_before(r.ref(), counts.example)) counts.example = r.ref();
    } else {
      ++counts.b;
    }
  });
}

themes_data themes_builder::finish(sql::connection &db, const tally &overall, rate_basis basis,
                                   const report_options &options) const {
  themes_data out;
  out.themed_responses = themed_;
  const figures all = figures_of(overall, basis, options);
  // Only the score and rate of everyone-but-the-theme are used: skip an interval
  // that may cost a quadrature.
  report_options rest_options = options;
  rest_options.nps_interval = stats::nps_interval_method::adjusted_wald;
  for (const auto &[name, tt] : themes_) {
    theme_row row;
    row.theme = name;
    row.values = figures_of(tt.t, basis, options);
    tally without = overall;
    without -= tt.t;
    const figures rest = figures_of(without, basis, rest_options);
    row.nps_impact = all.nps.score - rest.nps.score;
    row.rate_impact = all.rate - rest.rate;
    if (tt.quote_rank < 3) row.quote = quote_of(response_text(db, tt.quote.id));
    out.themes.push_back(std::move(row));
  }
  const bool by_rate = basis != rate_basis::none;
  std::stable_sort(out.themes.begin(), out.themes.end(),
                   [by_rate](const theme_row &a, const theme_row &b) {
                     double x = by_rate ? a.rate_impact : a.nps_impact,
                            y = by_rate ? b.rate_impact : b.nps_impact;
                     if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
                     return x < y;
                   });
  if (out.themes.size() > options.max_rows) out.themes.resize(options.max_rows);

  out.would_not_texts = would_not_, out.would_texts = would_;
  for (auto &w : most_distinctive(words_, std::min<size_t>(options.max_rows, 15))) {
    word_row row{w.word, w.a, w.b, w.score.delta, w.score.z, {}};
    row.quote = quote_of(response_text(db, w.example.id));
    out.words.push_back(std::move(row));
  }
  return out;
}

} // namespace rebuy::core
