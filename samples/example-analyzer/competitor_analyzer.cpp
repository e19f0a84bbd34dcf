// Example rebuy analyzer: does a response mention a competitor?
//
//   competitor_mentioned  number  1 when a text names a competitor, else 0 (responses with
//                                 words only); its mean is the share that mention one
//   competitor            label   the competitor named first, with its sentence as evidence
//
// It matches the word tokens the host prepared, not raw text: each competitor is a sequence
// of lookup keys (NFKC_Casefold, so lower case for ASCII), compared with consecutive tokens.
// Case and punctuation do not matter: "AMAZON", "Trailhead-Outlet" and "trailhead outlet's"
// all match. The analyzer never sees the database and needs no library but the SDK.
//
// This is the file plugin authors copy: it shows metrics, tokens, sentences, evidence and
// one score per response and metric.
#include <rebuy/plugin.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct competitor {
  std::string_view name;              // as reports show it
  std::vector<std::string_view> keys; // its words, as lookup keys: lower case, casefolded
};

// Change this list to your competitors. Keys are NFKC_Casefold forms: for ASCII, lower case;
// otherwise casefolded ("ß" is "ss").
const std::array<competitor, 4> competitors{{
    {"Amazon", {"amazon"}},
    {"Decathlon", {"decathlon"}},
    {"Trailhead Outlet", {"trailhead", "outlet"}},
    {"Summit Supply", {"summit", "supply"}},
}};

// Enough of the sentence to see why; cut at a character boundary.
constexpr size_t max_evidence_bytes = 200;

std::string_view view(rebuy_str s) { return rebuy::to_view(s); }

// "outlet's" and "outlet’s" count as "outlet".
std::string_view without_possessive(std::string_view key) {
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xe2\x80\x99s")})
    if (key.size() > suffix.size() && key.substr(key.size() - suffix.size()) == suffix)
      return key.substr(0, key.size() - suffix.size());
  return key;
}

bool matches_at(const rebuy_text &text, size_t first, const competitor &c) {
  if (first + c.keys.size() > text.token_count) return false;
  for (size_t k = 0; k < c.keys.size(); ++k) {
    std::string_view key = view(text.tokens[first + k].key);
    // Only the last word of a name may carry a possessive.
    if (key != c.keys[k] && !(k + 1 == c.keys.size() && without_possessive(key) == c.keys[k]))
      return false;
  }
  return true;
}

std::string_view evidence_of(const rebuy_text &text, const rebuy_token &token) {
  std::string_view sentence =
      token.sentence < text.sentence_count ? view(text.sentences[token.sentence].text) : "";
  if (sentence.size() <= max_evidence_bytes) return sentence;
  size_t cut = max_evidence_bytes;
  while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80)
    --cut;
  return sentence.substr(0, cut);
}

class competitor_analyzer final : public rebuy::analyzer {
public:
  static constexpr rebuy::metric_def metrics[] = {
      {"competitor_mentioned",
       "1 when the response names a competitor, 0 when it has words but names none",
       REBUY_METRIC_NUMBER},
      {"competitor", "The competitor the response names first; the evidence is its sentence",
       REBUY_METRIC_LABEL},
  };
  enum metric_index : uint32_t { mentioned_metric = 0, competitor_metric = 1 };

  competitor_analyzer(const rebuy::host &host, const rebuy::options &options) {
    for (const auto &option : options.items())
      host.warn("competitor: ignoring option '" + option.first + "': this analyzer has none");
  }

  void analyze(const rebuy_response *responses, size_t count, rebuy::score_builder &out) override {
    for (size_t i = 0; i < count; ++i)
      analyze_one(i, responses[i], out);
  }

private:
  static void analyze_one(size_t index, const rebuy_response &response,
                          rebuy::score_builder &out) {
    size_t words = 0;
    for (size_t t = 0; t < response.text_count; ++t) {
      const rebuy_text &text = response.texts[t];
      words += text.token_count;
      // The first mention, in reading order, decides: one score per metric.
      for (size_t first = 0; first < text.token_count; ++first)
        for (const auto &c : competitors)
          if (matches_at(text, first, c)) {
            out.add(index, mentioned_metric, 1);
            out.add_label(index, competitor_metric, c.name, evidence_of(text, text.tokens[first]));
            return;
          }
    }
    // Without a single word there is nothing to judge: no score rather than a 0.
    if (words > 0) out.add(index, mentioned_metric, 0);
  }
};

} // namespace

REBUY_ANALYZER_PLUGIN(competitor_analyzer, "competitor", "Competitor mentions", "1.0.0",
                      "Whether a response names a competitor, and which one")
