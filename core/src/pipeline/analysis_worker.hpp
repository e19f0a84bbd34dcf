#pragma once
// Prepares the text of a batch once and runs every analyzer over it. One per
// worker thread: it owns that thread's ICU iterators and analyzer objects.
#include "host/analyzer_instance.hpp"
#include "host/plugin_options.hpp"
#include "store/loaded_batch.hpp"
#include "text/text_batch.hpp"

#include <memory>
#include <vector>

namespace rebuy::core {

class analysis_worker {
public:
  // Each analyzer gets `options`, then the `scoped` ones under its id.
  // `subject` (the store) names what an analyzer was doing, should it crash.
  analysis_worker(const std::vector<plugin_ptr> &analyzers, const option_list &options,
                  const scoped_options &scoped = {}, const std::string &subject = {});
  // Fills batch.scores and batch.analyzed.
  void run(loaded_batch &batch);

private:
  std::vector<std::unique_ptr<analyzer_instance>> analyzers_;
  text_batch text_;
  std::vector<rebuy_field> fields_;
  std::vector<rebuy_response> responses_;
  std::vector<std::pair<size_t, size_t>> text_ranges_; // per response: first text, count
};

} // namespace rebuy::core
