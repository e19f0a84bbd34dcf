#pragma once
// One metric's scores for a run of responses, as the store keeps them (a row
// of `score_pages`): columns of response ids (as deltas), values (in as few
// bytes as keep them exact), labels and evidence (each distinct text once per
// page), compressed with zstd. Evidence is a blob of its own, so readers that
// do not want it never decompress it. docs/store.md says why scores are kept this way.
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::core {

struct page_score {
  int64_t response_id = 0;
  double value = NAN;               // NaN: the metric has no value here (a label-only metric)
  std::string_view label, evidence; // empty: none
};

struct encoded_page {
  std::string data, evidence;
  bool labelled = false; // any score carries a label
};

// `scores` are in ascending response order, one per response.
encoded_page encode_score_page(std::span<const page_score> scores);

// A page read back. The scores' texts point into the page: they last until the
// next decode.
class decoded_page {
public:
  // Decompresses `data`, and `evidence` when `with_evidence`; throws
  // std::runtime_error when either is damaged.
  void decode(std::string_view data, std::string_view evidence, bool with_evidence);
  std::span<const page_score> scores() const { return scores_; }

private:
  std::string data_, evidence_; // decompressed
  std::vector<page_score> scores_;
};

} // namespace rebuy::core
