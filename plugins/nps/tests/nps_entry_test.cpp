// Drives the plugin through its generated C entry point, as the host does.
#include <rebuy/plugin_abi.h>

#include <doctest/doctest.h>

#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

extern "C" const rebuy_plugin_info *rebuy_plugin_entry_v1(void);

namespace {

std::string_view view(rebuy_str s) { return {s.data, s.size}; }
rebuy_str str(std::string_view s) { return {s.data(), s.size()}; }

// A host that records what the plugin logs.
struct recording_host {
  std::vector<std::pair<rebuy_log_level, std::string>> lines;
  rebuy_host abi{sizeof(rebuy_host), this, &log, nullptr, nullptr};

  static void log(void *context, rebuy_log_level level, rebuy_str message) {
    static_cast<recording_host *>(context)->lines.emplace_back(level, std::string(view(message)));
  }
};

struct recording_sink {
  std::string message;
  rebuy_error_sink abi{this, &set};

  static void set(void *context, rebuy_str m) {
    static_cast<recording_sink *>(context)->message = std::string(view(m));
  }
};

// One response with a single field.
struct one_field_response {
  rebuy_field field;
  rebuy_response response;

  one_field_response(int64_t id, rebuy_role role, std::string_view name, std::string_view value)
      : field{role, str(name), str(value)}, response{id, REBUY_RECORD_SURVEY, &field, 1, nullptr,
                                                     0} {}
  one_field_response(const one_field_response &) = delete;
};

// An analyzer made through the ABI, destroyed through it.
struct analyzer {
  const rebuy_analyzer_api *api;
  rebuy_analyzer *handle = nullptr;

  analyzer(const rebuy_analyzer_api *a, const rebuy_host *host, const rebuy_option *options,
           size_t option_count)
      : api(a) {
    recording_sink errors;
    REQUIRE(api->create(host, options, option_count, &handle, &errors.abi) == REBUY_OK);
    REQUIRE(handle != nullptr);
  }
  ~analyzer() { api->destroy(handle); }
  analyzer(const analyzer &) = delete;
};

const rebuy_analyzer_api &analyzer_api() {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  REQUIRE(info != nullptr);
  REQUIRE(info->analyzer != nullptr);
  return *info->analyzer;
}

} // namespace

TEST_CASE("the entry point describes an ABI 1 analyzer with id nps") {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  REQUIRE(info != nullptr);
  CHECK(info->struct_size == sizeof(rebuy_plugin_info));
  CHECK(info->abi_major == REBUY_ABI_MAJOR);
  CHECK(info->abi_minor == REBUY_PLUGIN_MIN_ABI_MINOR);
  CHECK(info->kind == REBUY_KIND_ANALYZER);
  CHECK(view(info->id) == "nps");
  CHECK(view(info->name) == "Net Promoter");
  CHECK(view(info->version) == "1.1.0");
  CHECK_FALSE(view(info->description).empty());
  CHECK(info->capabilities == 0);
  CHECK(info->importer == nullptr);
  REQUIRE(info->analyzer != nullptr);

  const rebuy_analyzer_api &api = *info->analyzer;
  CHECK(api.struct_size == sizeof(rebuy_analyzer_api));
  REQUIRE(api.metric_count == 4);
  CHECK(view(api.metrics[0].name) == "nps_class");
  CHECK(api.metrics[0].type == REBUY_METRIC_LABEL);
  CHECK(view(api.metrics[1].name) == "nps_value");
  CHECK(api.metrics[1].type == REBUY_METRIC_NUMBER);
  CHECK(view(api.metrics[2].name) == "would_recommend");
  CHECK(api.metrics[2].type == REBUY_METRIC_NUMBER);
  CHECK(view(api.metrics[3].name) == "rating_nps_class");
  CHECK(api.metrics[3].type == REBUY_METRIC_LABEL);
  for (size_t i = 0; i < api.metric_count; ++i)
    CHECK_FALSE(view(api.metrics[i].description).empty());
}

TEST_CASE("analyze_batch scores promoters passives and detractors with evidence") {
  const rebuy_analyzer_api &api = analyzer_api();
  recording_host host;
  analyzer a(&api, &host.abi, nullptr, 0);

  const one_field_response promoter(101, REBUY_ROLE_NPS, "Likely-To-Recommend", "9");
  const one_field_response passive(102, REBUY_ROLE_NPS, "Likely-To-Recommend", " 7 ");
  const one_field_response detractor(103, REBUY_ROLE_NPS, "Likely-To-Recommend",
                                     "0 - Not at all likely");
  const one_field_response fraction(104, REBUY_ROLE_NPS, "Likely-To-Recommend", "7.5");
  const one_field_response no_field(105, REBUY_ROLE_TEXT, "Comment", "9");
  const one_field_response blank(106, REBUY_ROLE_NPS, "Likely-To-Recommend", "");
  const one_field_response unnamed(107, REBUY_ROLE_NPS, "", "10.0");
  const rebuy_response batch[] = {promoter.response, passive.response,  detractor.response,
                                  fraction.response, no_field.response, blank.response,
                                  unnamed.response};

  rebuy_scores out{};
  out.struct_size = sizeof(rebuy_scores);
  recording_sink errors;
  REQUIRE(api.analyze_batch(a.handle, batch, std::size(batch), &out, &errors.abi) == REBUY_OK);
  CHECK(errors.message.empty());

  // Two scores (class, value) for each of the four readable answers, in order.
  REQUIRE(out.score_count == 8);
  struct expected {
    size_t response;
    double value;
    std::string_view label, evidence;
    double answer;
  };
  const expected want[] = {{0, 1, "promoter", "Likely-To-Recommend = 9", 9},
                           {1, 0, "passive", "Likely-To-Recommend = 7", 7},
                           {2, -1, "detractor", "Likely-To-Recommend = 0", 0},
                           {6, 1, "promoter", "NPS = 10", 10}};
  for (size_t i = 0; i < std::size(want); ++i) {
    CAPTURE(i);
    const rebuy_score &cls = out.scores[2 * i];
    CHECK(cls.response_index == want[i].response);
    CHECK(cls.metric == 0);
    CHECK(cls.value == want[i].value);
    CHECK(view(cls.label) == want[i].label);
    CHECK(view(cls.evidence) == want[i].evidence);
    const rebuy_score &value = out.scores[2 * i + 1];
    CHECK(value.response_index == want[i].response);
    CHECK(value.metric == 1);
    CHECK(value.value == want[i].answer);
    CHECK(view(value.label).empty());
  }

  // The fraction is logged at debug level with its reason; the blank answer
  // and the response without the field are not.
  REQUIRE(host.lines.size() == 1);
  CHECK(host.lines[0].first == REBUY_LOG_DEBUG);
  CHECK(host.lines[0].second ==
        "nps: response 104: Likely-To-Recommend \"7.5\" is not a whole number; no score");
}

TEST_CASE("each batch replaces the previous batch's scores") {
  const rebuy_analyzer_api &api = analyzer_api();
  recording_host host;
  analyzer a(&api, &host.abi, nullptr, 0);
  recording_sink errors;

  const one_field_response first(1, REBUY_ROLE_NPS, "LTR", "3");
  rebuy_scores out{};
  out.struct_size = sizeof(rebuy_scores);
  REQUIRE(api.analyze_batch(a.handle, &first.response, 1, &out, &errors.abi) == REBUY_OK);
  CHECK(out.score_count == 2);

  const one_field_response rejected(2, REBUY_ROLE_NPS, "LTR", "eleven");
  REQUIRE(api.analyze_batch(a.handle, &rejected.response, 1, &out, &errors.abi) == REBUY_OK);
  CHECK(out.score_count == 0);
  REQUIRE(api.analyze_batch(a.handle, nullptr, 0, &out, &errors.abi) == REBUY_OK);
  CHECK(out.score_count == 0);
}

TEST_CASE("options are ignored with a warning because the cut-offs are fixed") {
  const rebuy_analyzer_api &api = analyzer_api();
  recording_host host;
  const rebuy_option option{str("promoter_min"), str("8")};
  analyzer a(&api, &host.abi, &option, 1);
  REQUIRE(host.lines.size() == 1);
  CHECK(host.lines[0].first == REBUY_LOG_WARN);
  CHECK(host.lines[0].second.find("promoter_min") != std::string::npos);

  const one_field_response eight(1, REBUY_ROLE_NPS, "LTR", "8");
  rebuy_scores out{};
  out.struct_size = sizeof(rebuy_scores);
  recording_sink errors;
  REQUIRE(api.analyze_batch(a.handle, &eight.response, 1, &out, &errors.abi) == REBUY_OK);
  REQUIRE(out.score_count == 2);
  CHECK(view(out.scores[0].label) == "passive");
}

TEST_CASE("a long rejected answer is cut at a character boundary in the log") {
  const rebuy_analyzer_api &api = analyzer_api();
  recording_host host;
  analyzer a(&api, &host.abi, nullptr, 0);
  // 59 ASCII bytes then a two-byte character straddling the 60-byte cut.
  const std::string text = std::string(59, 'x') + "\xC3\xA9" + std::string(20, 'y');
  const one_field_response long_text(9, REBUY_ROLE_NPS, "LTR", text);
  rebuy_scores out{};
  out.struct_size = sizeof(rebuy_scores);
  recording_sink errors;
  REQUIRE(api.analyze_batch(a.handle, &long_text.response, 1, &out, &errors.abi) == REBUY_OK);
  CHECK(out.score_count == 0);
  REQUIRE(host.lines.size() == 1);
  CHECK(host.lines[0].second ==
        "nps: response 9: LTR \"" + std::string(59, 'x') + "...\" is not a number; no score");
}

namespace {

// A response with several role fields; the strings must outlive it.
struct multi_field_response {
  std::vector<rebuy_field> fields;
  rebuy_response response;

  multi_field_response(int64_t id, std::initializer_list<rebuy_field> f)
      : fields(f), response{id, REBUY_RECORD_REVIEW, fields.data(), fields.size(), nullptr, 0} {}
  multi_field_response(const multi_field_response &) = delete;
};

rebuy_field field(rebuy_role role, std::string_view name, std::string_view value) {
  return {role, str(name), str(value)};
}

} // namespace

TEST_CASE("yes/no would-recommend answers and the rating proxy, each in its own metric") {
  const rebuy_analyzer_api &api = analyzer_api();
  recording_host host;
  analyzer a(&api, &host.abi, nullptr, 0);

  const multi_field_response all(1, {field(REBUY_ROLE_NPS, "LTR", "6"),
                                     field(REBUY_ROLE_RECOMMEND, "Recommended", "Yes."),
                                     field(REBUY_ROLE_RATING, "stars", "5")});
  const multi_field_response no(2, {field(REBUY_ROLE_RECOMMEND, "Recomendaria?", "N\xC3\xA3o")});
  const multi_field_response ten(
      3, {field(REBUY_ROLE_RATING, "score", "8"), field(REBUY_ROLE_RATING_MAX, "", "10")});
  const multi_field_response unreadable(
      4, {field(REBUY_ROLE_RECOMMEND, "Recommended", "I don't remember."),
          field(REBUY_ROLE_RATING, "stars", "6")});
  const rebuy_response batch[] = {all.response, no.response, ten.response, unreadable.response};
  rebuy_scores out{};
  out.struct_size = sizeof(rebuy_scores);
  recording_sink errors;
  REQUIRE(api.analyze_batch(a.handle, batch, std::size(batch), &out, &errors.abi) == REBUY_OK);

  REQUIRE(out.score_count == 6);
  // The 0-10 answer keeps its own class: a 5-star rating does not lift it.
  CHECK(out.scores[0].metric == 0);
  CHECK(view(out.scores[0].label) == "detractor");
  CHECK(out.scores[1].metric == 1);
  CHECK(out.scores[2].metric == 2);
  CHECK(out.scores[2].value == 1);
  CHECK(view(out.scores[2].evidence) == "Recommended = Yes.");
  CHECK(out.scores[3].metric == 3);
  CHECK(out.scores[3].value == 1);
  CHECK(view(out.scores[3].label) == "promoter_proxy");
  CHECK(view(out.scores[3].evidence) == "proxy: stars = 5 of 5, 10 on 0-10");
  CHECK(out.scores[4].response_index == 1);
  CHECK(out.scores[4].metric == 2);
  CHECK(out.scores[4].value == 0);
  CHECK(out.scores[5].response_index == 2);
  CHECK(out.scores[5].metric == 3);
  CHECK(out.scores[5].value == 0);
  CHECK(view(out.scores[5].label) == "passive_proxy");
  CHECK(view(out.scores[5].evidence) == "proxy: score = 8 of 10, 8 on 0-10");

  REQUIRE(host.lines.size() == 2);
  CHECK(host.lines[0].first == REBUY_LOG_DEBUG);
  CHECK(host.lines[0].second ==
        "nps: response 4: Recommended \"I don't remember.\" is not yes or no; no score");
  CHECK(host.lines[1].second ==
        "nps: response 4: stars \"6\" is above the rating's maximum; no score");
}
