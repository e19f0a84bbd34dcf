// Drives the plugin through its generated C entry point, as the host does.
#include <rebuy/plugin_abi.h>

#include <doctest/doctest.h>

#include <cmath>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

extern "C" const rebuy_plugin_info *rebuy_plugin_entry_v1(void);

namespace {

std::string_view view(rebuy_str s) { return {s.data, s.size}; }
rebuy_str str(std::string_view s) { return {s.data(), s.size()}; }

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

// A response with any number of role fields; the strings must outlive it.
struct response {
  std::vector<rebuy_field> fields;
  explicit response(std::initializer_list<rebuy_field> f) : fields(f) {}
  rebuy_response abi(int64_t id) const {
    return {id, REBUY_RECORD_POST_PURCHASE, fields.data(), fields.size(), nullptr, 0};
  }
};

rebuy_field field(rebuy_role role, std::string_view name, std::string_view value) {
  return {role, str(name), str(value)};
}

const rebuy_analyzer_api &api() {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  REQUIRE(info != nullptr);
  REQUIRE(info->analyzer != nullptr);
  return *info->analyzer;
}

struct analyzer {
  rebuy_analyzer *handle = nullptr;
  recording_host host;

  explicit analyzer(
      std::initializer_list<std::pair<std::string_view, std::string_view>> options = {}) {
    std::vector<rebuy_option> abi;
    for (const auto &[k, v] : options)
      abi.push_back({str(k), str(v)});
    recording_sink errors;
    REQUIRE(api().create(&host.abi, abi.data(), abi.size(), &handle, &errors.abi) == REBUY_OK);
  }
  ~analyzer() { api().destroy(handle); }
  analyzer(const analyzer &) = delete;

  // Scores of one batch, as (response index, metric name, value, label, evidence).
  struct score {
    size_t response;
    std::string metric;
    double value;
    std::string label, evidence;
  };
  std::vector<score> run(const std::vector<rebuy_response> &batch) {
    rebuy_scores out{};
    out.struct_size = sizeof(rebuy_scores);
    recording_sink errors;
    REQUIRE(api().analyze_batch(handle, batch.data(), batch.size(), &out, &errors.abi) == REBUY_OK);
    std::vector<score> scores;
    for (size_t i = 0; i < out.score_count; ++i) {
      const rebuy_score &s = out.scores[i];
      scores.push_back({s.response_index, std::string(view(api().metrics[s.metric].name)), s.value,
                        std::string(view(s.label)), std::string(view(s.evidence))});
    }
    return scores;
  }
};

// The create() error for these options, or "" when it succeeds.
std::string
create_error(std::initializer_list<std::pair<std::string_view, std::string_view>> options) {
  std::vector<rebuy_option> abi;
  for (const auto &[k, v] : options)
    abi.push_back({str(k), str(v)});
  recording_host host;
  recording_sink errors;
  rebuy_analyzer *handle = nullptr;
  const rebuy_status status = api().create(&host.abi, abi.data(), abi.size(), &handle, &errors.abi);
  if (status == REBUY_OK) {
    api().destroy(handle);
    return "";
  }
  CHECK(status == REBUY_ERROR);
  CHECK(handle == nullptr);
  return errors.message;
}

const std::string_view question = "Would you buy from us again?";

} // namespace

TEST_CASE("the entry point describes the buy_again analyzer and its metrics") {
  const rebuy_plugin_info *info = rebuy_plugin_entry_v1();
  REQUIRE(info != nullptr);
  CHECK(info->struct_size == sizeof(rebuy_plugin_info));
  CHECK(info->abi_major == REBUY_ABI_MAJOR);
  CHECK(info->abi_minor == REBUY_PLUGIN_MIN_ABI_MINOR);
  CHECK(info->kind == REBUY_KIND_ANALYZER);
  CHECK(view(info->id) == "buy_again");
  CHECK(view(info->version) == "1.0.0");
  CHECK(info->capabilities == 0);
  CHECK(info->importer == nullptr);
  const rebuy_analyzer_api &a = api();
  const std::pair<std::string_view, rebuy_metric_type> expected[] = {
      {"buy_again_level", REBUY_METRIC_LABEL},     {"buy_again_top_box", REBUY_METRIC_NUMBER},
      {"buy_again_top2_box", REBUY_METRIC_NUMBER}, {"answer_probability", REBUY_METRIC_NUMBER},
      {"rating_probability", REBUY_METRIC_NUMBER}, {"repeat_customer", REBUY_METRIC_NUMBER}};
  REQUIRE(a.metric_count == std::size(expected));
  for (size_t i = 0; i < a.metric_count; ++i) {
    CAPTURE(i);
    CHECK(view(a.metrics[i].name) == expected[i].first);
    CHECK(a.metrics[i].type == expected[i].second);
    CHECK_FALSE(view(a.metrics[i].description).empty());
  }
}

TEST_CASE("a stated answer gives level, boxes and probability with evidence") {
  analyzer a;
  const response probably{field(REBUY_ROLE_BUY_AGAIN, question, "Probably would")};
  const response sim{field(REBUY_ROLE_BUY_AGAIN, "Compraria novamente?", "Sim")};
  const auto scores = a.run({probably.abi(1), sim.abi(2)});
  REQUIRE(scores.size() == 8);
  CHECK(scores[0].metric == "buy_again_level");
  CHECK(scores[0].label == "probably");
  CHECK(scores[0].value == 0.75);
  CHECK(scores[0].evidence == "Would you buy from us again? = Probably would");
  CHECK(scores[1].metric == "buy_again_top_box");
  CHECK(scores[1].value == 0);
  CHECK(scores[2].metric == "buy_again_top2_box");
  CHECK(scores[2].value == 1);
  CHECK(scores[3].metric == "answer_probability");
  CHECK(scores[3].value == 0.27);
  CHECK(scores[3].evidence ==
        "Would you buy from us again? = Probably would -> 0.27 (preset thirds)");
  CHECK(scores[4].response == 1);
  CHECK(scores[4].label == "yes");
  CHECK(scores[5].value == 1);
  CHECK(scores[6].value == 1);
  CHECK(scores[7].value == doctest::Approx(0.54));
  CHECK(scores[7].evidence == "Compraria novamente? = Sim -> 0.54 (preset thirds)");
  CHECK(a.host.lines.empty());
}

TEST_CASE("numbers: the column name or scale= decides, otherwise no score and a debug line") {
  analyzer a;
  const response named{field(REBUY_ROLE_BUY_AGAIN, "Chance of buying again (0-10)", "7")};
  const response bare{field(REBUY_ROLE_BUY_AGAIN, "repurchase_intent", "4")};
  const auto scores = a.run({named.abi(1), bare.abi(2)});
  REQUIRE(scores.size() == 4);
  CHECK(scores[0].label == "juster_7");
  CHECK(scores[0].evidence == "Chance of buying again (0-10) = 7 (Juster 0-10)");
  CHECK(scores[3].value == doctest::Approx(0.7));
  CHECK(scores[3].evidence ==
        "Chance of buying again (0-10) = 7 (Juster 0-10) -> 0.7 (Juster: value/10)");
  REQUIRE(a.host.lines.size() == 1);
  CHECK(a.host.lines[0].first == REBUY_LOG_DEBUG);
  CHECK(a.host.lines[0].second.rfind("buy_again: response 2: repurchase_intent \"4\" is a number "
                                     "on an unknown scale",
                                     0) == 0);

  analyzer five({{"scale", "5"}});
  const auto read = five.run({bare.abi(2)});
  REQUIRE(read.size() == 4);
  CHECK(read[0].label == "agree");
  CHECK(read[0].evidence == "repurchase_intent = 4 (1-5 agreement)");
  CHECK(read[3].value == 0.27);
}

TEST_CASE("unreadable answers get no score and a debug line, blanks get neither") {
  analyzer a;
  const response odd{field(REBUY_ROLE_BUY_AGAIN, question, "Sometimes")};
  const response blank{field(REBUY_ROLE_BUY_AGAIN, question, " ")};
  const response dont{field(REBUY_ROLE_BUY_AGAIN, question, "Don't know")};
  CHECK(a.run({odd.abi(7), blank.abi(8), dont.abi(9)}).empty());
  REQUIRE(a.host.lines.size() == 2);
  CHECK(a.host.lines[0].second ==
        "buy_again: response 7: Would you buy from us again? \"Sometimes\" is not a known "
        "answer; no score");
  CHECK(a.host.lines[1].second ==
        "buy_again: response 9: Would you buy from us again? \"Don't know\" is a don't-know "
        "answer; no score");
}

TEST_CASE("the rating proxy is given only when there is no readable answer") {
  analyzer a;
  const response answered{field(REBUY_ROLE_BUY_AGAIN, question, "Definitely would"),
                          field(REBUY_ROLE_RATING, "review_score", "2")};
  const response rated{field(REBUY_ROLE_RATING, "review_score", "4")};
  const response unreadable{field(REBUY_ROLE_BUY_AGAIN, question, "Sometimes"),
                            field(REBUY_ROLE_RATING, "stars", "9"),
                            field(REBUY_ROLE_RATING_MAX, "", "10")};
  const auto scores = a.run({answered.abi(1), rated.abi(2), unreadable.abi(3)});
  REQUIRE(scores.size() == 6);
  for (size_t i = 0; i < 4; ++i)
    CHECK(scores[i].metric != "rating_probability");
  CHECK(scores[4].response == 1);
  CHECK(scores[4].metric == "rating_probability");
  CHECK(scores[4].value == doctest::Approx(0.27));
  CHECK(scores[4].evidence ==
        "proxy: review_score = 4 of 5 -> 0.27 (rating read as intent box, preset thirds)");
  CHECK(scores[5].response == 2);
  // 9 of 10: position 8/9, between the second (0.27) and top (0.81) boxes.
  CHECK(scores[5].value == doctest::Approx(0.27 + (0.81 - 0.27) * (32.0 / 9 - 3)));
}

TEST_CASE("order counts say whether the customer came back") {
  analyzer a;
  const response once{field(REBUY_ROLE_ORDER_COUNT, "customer_order_count", "1")};
  const response thrice{field(REBUY_ROLE_ORDER_COUNT, "customer_order_count", "3")};
  const response zero{field(REBUY_ROLE_ORDER_COUNT, "customer_order_count", "0")};
  const auto scores = a.run({once.abi(1), thrice.abi(2), zero.abi(3)});
  REQUIRE(scores.size() == 2);
  CHECK(scores[0].metric == "repeat_customer");
  CHECK(scores[0].value == 0);
  CHECK(scores[0].evidence == "customer_order_count = 1");
  CHECK(scores[1].value == 1);
  REQUIRE(a.host.lines.size() == 1);
  CHECK(a.host.lines[0].second.find("\"0\" is 0") != std::string::npos);
}

TEST_CASE("weight options: presets, custom weights and their errors") {
  const response definitely{field(REBUY_ROLE_BUY_AGAIN, question, "Definitely would")};
  analyzer top2({{"preset", "top2"}});
  const auto scores = top2.run({definitely.abi(1)});
  REQUIRE(scores.size() == 4);
  CHECK(scores[3].value == 0.75);
  CHECK(scores[3].evidence.find("(preset top2)") != std::string::npos);

  analyzer custom({{"weights", "0.6,0.3,0.1,0.05,0.01"}});
  const auto c = custom.run({definitely.abi(1)});
  REQUIRE(c.size() == 4);
  CHECK(c[3].value == 0.6);
  CHECK(c[3].evidence.find("(custom weights 0.6/0.3/0.1/0.05/0.01)") != std::string::npos);

  CHECK(create_error({{"weights", "0.6,0.3"}}).find("buy_again: weights=0.6,0.3: expected five") ==
        0);
  CHECK(create_error({{"weights", "0,0,0,0,1"}}).find("top box first") != std::string::npos);
  CHECK(create_error({{"preset", "optimistic"}}).find("buy_again: preset=optimistic") == 0);
  CHECK(create_error({{"preset", "top2"}, {"weights", "1,1,1,1,1"}}) ==
        "buy_again: give preset= or weights=, not both");
  CHECK(create_error({{"scale", "1-5"}}) ==
        "buy_again: scale=1-5: expected auto, juster, 5, 7, yesno or labels");
  CHECK(create_error({{"scale", "juster"}, {"preset", "thirds"}}).empty());
}

TEST_CASE("buy_again ignores unknown options with a warning") {
  analyzer a({{"horizon", "90"}});
  REQUIRE(a.host.lines.size() == 1);
  CHECK(a.host.lines[0].first == REBUY_LOG_WARN);
  CHECK(a.host.lines[0].second ==
        "buy_again: ignoring unknown option 'horizon' (known: scale, preset, weights)");
}

TEST_CASE("a buy_again batch replaces the previous batch's scores") {
  analyzer a;
  const response yes{field(REBUY_ROLE_BUY_AGAIN, question, "Yes")};
  CHECK(a.run({yes.abi(1)}).size() == 4);
  CHECK(a.run({}).empty());
}
