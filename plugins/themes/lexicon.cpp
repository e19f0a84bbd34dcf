#include "lexicon.hpp"

#include <iterator>

namespace rebuy::themes {

std::string_view theme_name(theme t) noexcept {
  static constexpr std::string_view names[] = {"",          "delivery", "price",   "quality",
                                               "support",   "sizing",   "returns", "app",
                                               "packaging", "selection"};
  static_assert(std::size(names) == theme_count, "a name per theme");
  const auto i = static_cast<size_t>(t);
  return i < theme_count ? names[i] : "";
}

std::string_view stage_name(stage s) noexcept {
  static constexpr std::string_view names[] = {"",         "discovery", "research",
                                               "purchase", "delivery",  "after-use"};
  static_assert(std::size(names) == stage_count, "a name per stage");
  const auto i = static_cast<size_t>(s);
  return i < stage_count ? names[i] : "";
}

} // namespace rebuy::themes
