#pragma once
// What broke which rule during a check: the first few findings per rule, and
// how many there were in all.
#include <fmt/format.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rebuy::core {

// Rule is an enum whose last value is `count_`.
template <class Rule> class findings {
public:
  void note(Rule rule, std::string what) {
    if (counts_[index(rule)]++ < shown_per_rule) items_.push_back({rule, std::move(what)});
  }
  bool any(Rule rule) const { return counts_[index(rule)] > 0; }
  // One finding per line, then "... and N more".
  std::string list(Rule rule) const {
    std::string out;
    for (const auto &item : items_)
      if (item.rule == rule) out += (out.empty() ? "" : "\n") + item.what;
    if (auto n = counts_[index(rule)]; n > shown_per_rule)
      out += fmt::format("\n... and {} more", n - shown_per_rule);
    return out;
  }

  static constexpr uint64_t shown_per_rule = 5;

private:
  static size_t index(Rule rule) { return static_cast<size_t>(rule); }
  struct item {
    Rule rule;
    std::string what;
  };
  std::vector<item> items_;
  std::array<uint64_t, static_cast<size_t>(Rule::count_)> counts_{};
};

} // namespace rebuy::core
