#pragma once
// L2-regularised logistic regression, deterministic: the same rows in the same order give the
// same weights on every run. Two shapes:
//   - sparse rows of hashed features, fitted by stochastic gradient descent (Bottou's schedule,
//     with the weight decay kept as one scale factor so that an update costs what the row has);
//   - a few dense columns, fitted by Newton's method (for blending two scores).
#include "util/huge_pages.hpp"
#include <cstddef>

#include <cstdint>
#include <span>
#include <vector>

namespace rebuy::core::stats {

double logistic(double z);
// log(p / (1 − p)), p clamped to [1e-6, 1 − 1e-6].
double logit(double p);

// A row of a sparse design: feature indices (each below the model's size) with their values.
struct sparse_row {
  std::vector<uint32_t> index;
  std::vector<float> value;
};

struct sgd_options {
  double l2 = 1e-4;  // λ
  double rate = 0.5; // η0 of η_t = η0 / (1 + λ·η0·t)
  size_t epochs = 8;
  uint64_t seed = 1; // of the order the rows are visited in, per epoch
};

class sparse_logistic {
public:
  explicit sparse_logistic(size_t features) : weights_(features, 0.0) {}

  // Fits on rows[i] for i in `use` (labels 0/1), from zero weights.
  void fit(std::span<const sparse_row> rows, std::span<const uint8_t> labels,
           std::span<const size_t> use, const sgd_options &options);
  double predict(const sparse_row &row) const; // P(label 1)

private:
  double margin(const sparse_row &row) const;
  huge_vector<double> weights_; // 8 MB for 2^20 features: filled in a few faults, not 2,048
  double scale_ = 1, bias_ = 0;
};

// Newton's method on `columns` dense predictors per row (an intercept is added: the result's
// first coefficient), labels 0/1, a small ridge keeping it finite when the classes separate.
std::vector<double> dense_logistic(std::span<const double> x, size_t columns,
                                   std::span<const uint8_t> labels, double ridge = 1e-3);

// The area under the ROC curve (Mann-Whitney, ties counted half); NaN without both classes.
double roc_auc(std::span<const double> scores, std::span<const uint8_t> labels);
// The standard error of an AUC measured on `positives` and `negatives` (Hanley & McNeil 1982).
double auc_standard_error(double auc, uint64_t positives, uint64_t negatives);

} // namespace rebuy::core::stats
