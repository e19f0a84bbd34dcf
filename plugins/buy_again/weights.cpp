#include "weights.hpp"

#include "text_fold.hpp"

#include <rebuy/plugin.hpp>
#include <rebuy/text_util.hpp>

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

namespace rebuy::buy_again {

std::optional<box_weights> preset_weights(std::string_view name) {
  if (name == "thirds") return box_weights{0.81, 0.27, 0.09, 0.03, 0.01};
  if (name == "top2") return box_weights{0.75, 0.25, 0, 0, 0};
  return std::nullopt;
}

box_weights parse_weights(std::string_view text, std::string_view option) {
  const std::string name(option);
  const std::string usage = name + "=" + std::string(text) +
                            ": expected five numbers between 0 and 1, top box first, "
                            "separated by commas, e.g. " +
                            name + "=0.75,0.25,0.05,0,0";
  box_weights weights{};
  size_t count = 0;
  std::string_view rest = text;
  while (true) {
    const size_t comma = rest.find(',');
    const std::string_view item = trim_ascii(rest.substr(0, comma));
    double value = 0;
    const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), value);
    if (item.empty() || error != std::errc() || end != item.data() + item.size() ||
        !(value >= 0 && value <= 1) || count == weights.size())
      throw rebuy::error(usage);
    weights[count++] = value;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  if (count != weights.size()) throw rebuy::error(usage);
  for (size_t k = 1; k < weights.size(); ++k)
    if (weights[k] > weights[k - 1])
      throw rebuy::error(name + "=" + std::string(text) +
                         ": a lower box cannot be more likely to buy than a higher one; "
                         "give the weights top box first");
  return weights;
}

std::string format_weights(const box_weights &weights) {
  std::string out;
  for (double w : weights) {
    char buffer[32];
    // to_chars: the shortest form, and never a locale's decimal comma.
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, w);
    if (!out.empty()) out.push_back('/');
    out.append(buffer, result.ptr);
  }
  return out;
}

} // namespace rebuy::buy_again
