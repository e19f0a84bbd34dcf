// A small, correct analyzer (the number of words of a response's texts, and
// whether it is long), which breaks exactly one rule of the plugin ABI when
// built with FAULT set. `rebuy plugins check` must fail that one check.
#include <rebuy/plugin.hpp>

#define FAULT_NONE 0
#define FAULT_SCORES_TWICE 1    // two scores for one response and metric
#define FAULT_BATCH_DEPENDENT 2 // a value that depends on the position in the batch
#define FAULT_BAD_LABEL 3       // a label that is not UTF-8
#define FAULT_SILENT_CREATE 4   // create fails on unknown options without a message

#ifndef FAULT
#define FAULT FAULT_NONE
#endif

namespace {

class words_analyzer : public rebuy::analyzer {
public:
  static constexpr rebuy::metric_def metrics[] = {
      {"words", "Words in the response's texts", REBUY_METRIC_NUMBER},
      {"long", "yes when the texts have more than 20 words", REBUY_METRIC_LABEL},
  };

  words_analyzer(const rebuy::host &, const rebuy::options &options) {
    if (!options.items().empty()) throw rebuy::error("this analyzer takes no options");
  }

  void analyze(const rebuy_response *responses, size_t count, rebuy::score_builder &out) override {
    for (size_t i = 0; i < count; ++i) {
      const auto &r = responses[i];
      if (r.text_count == 0) continue;
      size_t words = 0;
      for (size_t t = 0; t < r.text_count; ++t)
        words += r.texts[t].token_count;
      double value = static_cast<double>(words);
      if (FAULT == FAULT_BATCH_DEPENDENT) value += static_cast<double>(i);
      out.add(i, 0, value);
      if (FAULT == FAULT_SCORES_TWICE) out.add(i, 0, value);
      out.add_label(i, 1, words > 20 ? (FAULT == FAULT_BAD_LABEL ? "y\xc3" : "yes") : "no");
    }
  }
};

} // namespace

#if FAULT == FAULT_SILENT_CREATE
// The SDK would pass the exception's message on; this entry drops it.
REBUY_MARKER();
extern "C" REBUY_EXPORT const rebuy_plugin_info *rebuy_plugin_entry_v1(void) {
  using tramp = rebuy::detail::analyzer_trampolines<words_analyzer>;
  static const rebuy_analyzer_api api = {
      sizeof(rebuy_analyzer_api),
      tramp::metrics(),
      std::size(words_analyzer::metrics),
      [](const rebuy_host *h, const rebuy_option *o, size_t n, rebuy_analyzer **out,
         rebuy_error_sink *) noexcept { return tramp::create(h, o, n, out, nullptr); },
      tramp::analyze_batch,
      tramp::destroy};
  static const rebuy_plugin_info info = {sizeof info,
                                         REBUY_ABI_MAJOR,
                                         REBUY_PLUGIN_MIN_ABI_MINOR,
                                         REBUY_KIND_ANALYZER,
                                         rebuy::detail::lit(MISBEHAVING_ID),
                                         rebuy::detail::lit("Misbehaving analyzer"),
                                         rebuy::detail::lit("1.0.0"),
                                         rebuy::detail::lit("Breaks one rule, for tests"),
                                         0,
                                         nullptr,
                                         &api};
  return &info;
}
#else
REBUY_ANALYZER_PLUGIN(words_analyzer, MISBEHAVING_ID, "Misbehaving analyzer", "1.0.0",
                      "Breaks one rule, for tests")
#endif
