// rebuy plugin SDK: drives an analyzer through its C ABI in tests, the way the
// host does, and copies every score it returns so a test can inspect it
// afterwards. Link the plugin's sources into the test program; any test
// framework will do:
//
//   rebuy::testing::analyzer_under_test a({{"preset", "top2"}});
//   const rebuy::testing::field_response r({{REBUY_ROLE_NPS, "LTR", "9"}});
//   const auto result = a.analyze({r.abi(7)});
//   CHECK(result.find(0, "nps_class")->label == "promoter");
//
// Responses with prepared texts are built by the test itself (the host
// prepares them with ICU) and passed as rebuy_response values.
#ifndef REBUY_ANALYZER_TESTING_HPP
#define REBUY_ANALYZER_TESTING_HPP

#include <rebuy/plugin.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Defined by REBUY_ANALYZER_PLUGIN in the plugin linked into the test.
extern "C" const rebuy_plugin_info *rebuy_plugin_entry_v1(void);

namespace rebuy::testing {

// The analyzer of the plugin linked into the test program.
inline const rebuy_analyzer_api *linked_analyzer() { return ::rebuy_plugin_entry_v1()->analyzer; }

using option_list = std::vector<std::pair<std::string, std::string>>;

// One score, copied out of the batch, with its metric's name.
struct score {
  size_t response;
  uint32_t metric;
  std::string metric_name;
  double value;
  std::string label, evidence;
};

// What one analyze_batch call returned.
struct analysis {
  rebuy_status status = REBUY_ERROR;
  std::string error;
  std::vector<score> scores;

  // The score of `metric` for response `response`, or nullptr.
  const score *find(size_t response, std::string_view metric) const {
    for (const score &s : scores)
      if (s.response == response && s.metric_name == metric) return &s;
    return nullptr;
  }
  // How many scores the response got.
  size_t count(size_t response) const {
    return static_cast<size_t>(std::count_if(
        scores.begin(), scores.end(), [&](const score &s) { return s.response == response; }));
  }
};

namespace analyzer_detail {
inline void set_error(void *context, rebuy_str message) {
  static_cast<std::string *>(context)->assign(message.data, message.size);
}
} // namespace analyzer_detail

// An analyzer created through the ABI with `options`, destroyed with it. When
// create() fails, status() and error() say why and analyze() must not be called.
class analyzer_under_test {
public:
  explicit analyzer_under_test(const option_list &options = {},
                               const rebuy_analyzer_api *api = linked_analyzer())
      : api_(api) {
    host_.struct_size = sizeof(host_);
    host_.context = this;
    host_.log = &analyzer_under_test::record_log;
    std::vector<rebuy_option> opts;
    for (const auto &[k, v] : options)
      opts.push_back({to_str(k), to_str(v)});
    rebuy_error_sink sink{&error_, &analyzer_detail::set_error};
    status_ = api_->create(&host_, opts.data(), opts.size(), &handle_, &sink);
  }
  // analyzer_under_test a({{"scale", "5"}}): a braced list is options, never a copy.
  analyzer_under_test(std::initializer_list<std::pair<std::string, std::string>> options)
      : analyzer_under_test(option_list(options)) {}
  ~analyzer_under_test() {
    if (handle_) api_->destroy(handle_);
  }
  // host_.context points at this object, so it must stay where it is.
  analyzer_under_test(const analyzer_under_test &) = delete;
  analyzer_under_test &operator=(const analyzer_under_test &) = delete;

  rebuy_status status() const noexcept { return status_; } // of create()
  const std::string &error() const noexcept { return error_; }
  bool created() const noexcept { return handle_ != nullptr; }
  const rebuy_analyzer_api &api() const noexcept { return *api_; }

  // Scores one batch; the plugin's scores are copied before the next call.
  analysis analyze(const rebuy_response *responses, size_t count) {
    analysis a;
    rebuy_scores out{};
    out.struct_size = sizeof(out);
    rebuy_error_sink sink{&a.error, &analyzer_detail::set_error};
    a.status = api_->analyze_batch(handle_, responses, count, &out, &sink);
    if (a.status != REBUY_OK) return a;
    for (size_t i = 0; i < out.score_count; ++i) {
      const rebuy_score &s = out.scores[i];
      const std::string_view name =
          s.metric < api_->metric_count ? to_view(api_->metrics[s.metric].name) : "?";
      a.scores.push_back({s.response_index, s.metric, std::string(name), s.value,
                          std::string(to_view(s.label)), std::string(to_view(s.evidence))});
    }
    return a;
  }
  analysis analyze(const std::vector<rebuy_response> &batch) {
    return analyze(batch.data(), batch.size());
  }

  // What the plugin logged, creation included.
  const std::vector<std::pair<rebuy_log_level, std::string>> &log() const noexcept { return log_; }
  bool logged(std::string_view text) const {
    return std::any_of(log_.begin(), log_.end(),
                       [&](const auto &l) { return l.second.find(text) != std::string::npos; });
  }
  void clear_log() { log_.clear(); }

private:
  static void record_log(void *context, rebuy_log_level level, rebuy_str message) {
    static_cast<analyzer_under_test *>(context)->log_.emplace_back(level,
                                                                   std::string(to_view(message)));
  }

  const rebuy_analyzer_api *api_;
  rebuy_host host_{};
  rebuy_analyzer *handle_ = nullptr;
  rebuy_status status_ = REBUY_ERROR;
  std::string error_;
  std::vector<std::pair<rebuy_log_level, std::string>> log_;
};

// A response made of role fields (no texts); owns every string it points to.
class field_response {
public:
  struct field_def {
    rebuy_role role;
    std::string name, value;
  };

  explicit field_response(std::vector<field_def> fields,
                          rebuy_record_kind kind = REBUY_RECORD_SURVEY)
      : defs_(std::move(fields)), kind_(kind) {
    for (const field_def &f : defs_)
      fields_.push_back({f.role, to_str(f.name), to_str(f.value)});
  }
  // The fields point into this object.
  field_response(const field_response &) = delete;
  field_response &operator=(const field_response &) = delete;

  // The response as the host passes it, with the store's id `id`; valid while this lives.
  rebuy_response abi(int64_t id = 1) const noexcept {
    return {id, kind_, fields_.data(), fields_.size(), nullptr, 0};
  }

private:
  std::vector<field_def> defs_;
  rebuy_record_kind kind_;
  std::vector<rebuy_field> fields_;
};

} // namespace rebuy::testing

#endif // REBUY_ANALYZER_TESTING_HPP
