// A mixture of Gaussians with full covariances over a few features per pixel, fitted by
// expectation-maximisation: the colour and texture models the segmentation learns on each photo
// from its own confident pixels. Deterministic: the same samples give the same model.
#pragma once

#include <array>
#include <vector>

namespace smp {

inline constexpr int mixture_max_features = 4;
using Features = std::array<double, mixture_max_features>;

class GaussianMixture {
 public:
  // `samples` (`n_features` used of each), weighted; the components start from the samples split
  // into `components` equal parts by their first feature, then `rounds` of EM. An empty or
  // weightless set gives a model whose log_likelihood is a very low constant.
  GaussianMixture(const std::vector<Features>& samples, const std::vector<double>& weights, int n_features,
                  int components, int rounds);

  // log p(x) under the mixture.
  double log_likelihood(const Features& x) const;

 private:
  struct Component {
    double log_weight = 0.0, log_norm = 0.0;
    Features mean{};
    std::array<Features, mixture_max_features> inverse{};  // inverse covariance
  };
  double component_log(const Component& c, const Features& x) const;
  void estimate(const std::vector<Features>& samples, const std::vector<double>& weights,
                const std::vector<std::vector<double>>& responsibility);

  int n_features_;
  std::vector<Component> components_;
};

// Two classes, each a single Gaussian, fitted together by EM on the same samples from a first
// split (`first_class_one` true for class 1), with the classes' shares as their priors.
class TwoClassModel {
 public:
  TwoClassModel(const std::vector<Features>& samples, int n_features, const std::vector<bool>& first_class_one,
                int rounds);
  // log p(class 0 | x) - log p(class 1 | x)
  double log_odds(const Features& x) const;

 private:
  GaussianMixture class0_, class1_;
  double log_prior_ = 0.0;
};

}  // namespace smp
