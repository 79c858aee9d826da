#include "scalp/gaussian_mixture.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

namespace smp {
namespace {

constexpr double variance_floor = 1e-2;  // features are in units where this is below any real spread
constexpr double empty_log = -1e30;

// Inverse and log-determinant of a small symmetric positive matrix (Cholesky); false if singular.
bool invert(std::array<Features, mixture_max_features> m, int n, std::array<Features, mixture_max_features>& inverse,
            double& log_det)
{
  std::array<Features, mixture_max_features> l{};
  log_det = 0.0;
  for (int j = 0; j < n; ++j) {
    double d = m[j][j];
    for (int k = 0; k < j; ++k)
      d -= l[j][k] * l[j][k];
    if (!(d > 0.0))
      return false;
    l[j][j] = std::sqrt(d);
    log_det += 2.0 * std::log(l[j][j]);
    for (int i = j + 1; i < n; ++i) {
      double s = m[i][j];
      for (int k = 0; k < j; ++k)
        s -= l[i][k] * l[j][k];
      l[i][j] = s / l[j][j];
    }
  }
  // inverse = L^-T L^-1, column by column
  for (int c = 0; c < n; ++c) {
    Features y{};
    for (int i = 0; i < n; ++i) {
      double s = i == c ? 1.0 : 0.0;
      for (int k = 0; k < i; ++k)
        s -= l[i][k] * y[k];
      y[i] = s / l[i][i];
    }
    Features x{};
    for (int i = n - 1; i >= 0; --i) {
      double s = y[i];
      for (int k = i + 1; k < n; ++k)
        s -= l[k][i] * x[k];
      x[i] = s / l[i][i];
    }
    for (int r = 0; r < n; ++r)
      inverse[r][c] = x[r];
  }
  return true;
}

double log_sum(const std::vector<double>& v)
{
  const double top = *std::max_element(v.begin(), v.end());
  if (!(top > empty_log))
    return empty_log;
  double s = 0.0;
  for (const double x : v)
    s += std::exp(x - top);
  return top + std::log(s);
}

}  // namespace

GaussianMixture::GaussianMixture(const std::vector<Features>& samples, const std::vector<double>& weights,
                                 int n_features, int components, int rounds)
    : n_features_(std::clamp(n_features, 1, mixture_max_features))
{
  const std::size_t n = samples.size();
  const int k_count = std::max(components, 1);
  if (n == 0 || weights.size() != n)
    return;
  // First split: equal shares of the samples ranked by their first feature.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return samples[a][0] < samples[b][0]; });
  std::vector<std::vector<double>> responsibility(k_count, std::vector<double>(n, 0.0));
  for (std::size_t rank = 0; rank < n; ++rank)
    responsibility[std::min<std::size_t>(rank * k_count / n, k_count - 1)][order[rank]] = 1.0;
  estimate(samples, weights, responsibility);
  std::vector<double> logs(components_.size());
  for (int round = 0; round < rounds && !components_.empty(); ++round) {
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t k = 0; k < components_.size(); ++k)
        logs[k] = component_log(components_[k], samples[i]);
      const double total = log_sum(logs);
      for (std::size_t k = 0; k < components_.size(); ++k)
        responsibility[k][i] = total > empty_log ? std::exp(logs[k] - total) : 1.0 / components_.size();
    }
    responsibility.resize(components_.size());
    estimate(samples, weights, responsibility);
  }
}

void GaussianMixture::estimate(const std::vector<Features>& samples, const std::vector<double>& weights,
                               const std::vector<std::vector<double>>& responsibility)
{
  const int d = n_features_;
  std::vector<Component> next;
  double total = 0.0;
  std::vector<double> mass(responsibility.size(), 0.0);
  for (std::size_t k = 0; k < responsibility.size(); ++k)
    for (std::size_t i = 0; i < samples.size(); ++i)
      mass[k] += responsibility[k][i] * weights[i];
  for (const double m : mass)
    total += m;
  if (!(total > 0.0)) {
    components_.clear();
    return;
  }
  for (std::size_t k = 0; k < responsibility.size(); ++k) {
    if (!(mass[k] > 1e-9 * total))
      continue;
    Component c;
    for (std::size_t i = 0; i < samples.size(); ++i) {
      const double w = responsibility[k][i] * weights[i];
      for (int a = 0; a < d; ++a)
        c.mean[a] += w * samples[i][a];
    }
    for (int a = 0; a < d; ++a)
      c.mean[a] /= mass[k];
    std::array<Features, mixture_max_features> cov{};
    for (std::size_t i = 0; i < samples.size(); ++i) {
      const double w = responsibility[k][i] * weights[i];
      if (w == 0.0)
        continue;
      for (int a = 0; a < d; ++a)
        for (int b = 0; b <= a; ++b)
          cov[a][b] += w * (samples[i][a] - c.mean[a]) * (samples[i][b] - c.mean[b]);
    }
    for (int a = 0; a < d; ++a) {
      for (int b = 0; b <= a; ++b) {
        cov[a][b] /= mass[k];
        cov[b][a] = cov[a][b];
      }
      cov[a][a] += variance_floor;
    }
    double log_det = 0.0;
    if (!invert(cov, d, c.inverse, log_det))
      continue;
    c.log_weight = std::log(mass[k] / total);
    c.log_norm = -0.5 * (log_det + d * std::log(2.0 * std::numbers::pi));
    next.push_back(c);
  }
  components_ = std::move(next);
}

double GaussianMixture::component_log(const Component& c, const Features& x) const
{
  const int d = n_features_;
  Features diff{};
  for (int a = 0; a < d; ++a)
    diff[a] = x[a] - c.mean[a];
  double q = 0.0;
  for (int a = 0; a < d; ++a) {
    double row = 0.0;
    for (int b = 0; b < d; ++b)
      row += c.inverse[a][b] * diff[b];
    q += diff[a] * row;
  }
  return c.log_weight + c.log_norm - 0.5 * q;
}

double GaussianMixture::log_likelihood(const Features& x) const
{
  if (components_.empty())
    return empty_log;
  std::vector<double> logs(components_.size());
  for (std::size_t k = 0; k < components_.size(); ++k)
    logs[k] = component_log(components_[k], x);
  return log_sum(logs);
}

namespace {

struct TwoClassFit {
  GaussianMixture class0, class1;
  double log_prior;
};

TwoClassFit fit_two_classes(const std::vector<Features>& samples, int n_features, const std::vector<bool>& first,
                            int rounds)
{
  const std::size_t n = samples.size();
  std::vector<double> p0(n), w1(n);
  for (std::size_t i = 0; i < n && i < first.size(); ++i)
    p0[i] = first[i] ? 0.0 : 1.0;
  for (int round = 0;; ++round) {
    double m0 = 0.0, m1 = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      w1[i] = 1.0 - p0[i];
      m0 += p0[i];
      m1 += w1[i];
    }
    TwoClassFit fit{GaussianMixture(samples, p0, n_features, 1, 0), GaussianMixture(samples, w1, n_features, 1, 0),
                    m0 > 0.0 && m1 > 0.0 ? std::log(m0 / m1) : 0.0};
    if (round == rounds || !(m0 > 0.0) || !(m1 > 0.0))
      return fit;
    for (std::size_t i = 0; i < n; ++i) {
      const double odds = fit.class0.log_likelihood(samples[i]) - fit.class1.log_likelihood(samples[i]) + fit.log_prior;
      p0[i] = 1.0 / (1.0 + std::exp(-std::clamp(odds, -50.0, 50.0)));
    }
  }
}

}  // namespace

TwoClassModel::TwoClassModel(const std::vector<Features>& samples, int n_features,
                             const std::vector<bool>& first_class_one, int rounds)
    : class0_({}, {}, n_features, 1, 0), class1_({}, {}, n_features, 1, 0)
{
  TwoClassFit fit = fit_two_classes(samples, n_features, first_class_one, rounds);
  class0_ = std::move(fit.class0);
  class1_ = std::move(fit.class1);
  log_prior_ = fit.log_prior;
}

double TwoClassModel::log_odds(const Features& x) const
{
  return std::clamp(class0_.log_likelihood(x) - class1_.log_likelihood(x) + log_prior_, -50.0, 50.0);
}

}  // namespace smp
