#include "score_table.hpp"

#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>

namespace smp_realism {
namespace {

std::string fixed(double v, int decimals)
{
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, v);
  return text;
}

std::string percent(double share, int decimals = 1) { return fixed(100.0 * share, decimals) + "%"; }

std::string signed_percent(double share)
{
  const std::string text = fixed(100.0 * share, 1);
  return (share >= 0.0 ? "+" : "") + text;
}

std::string or_dash(const std::optional<double>& v, const std::function<std::string(double)>& shown)
{
  return v ? shown(*v) : "–";
}

std::optional<double> worst_seam(const PhotoScore& s)
{
  std::optional<double> worst;
  for (const SeamScore& seam : s.seams)
    worst = std::max(worst.value_or(seam.delta_e.after), seam.delta_e.after);
  return worst;
}

std::string seam_cell(const PhotoScore& s)
{
  if (s.seams.empty())
    return "–";
  std::string cell;
  for (const SeamScore& seam : s.seams)
    cell += (cell.empty() ? "" : ", ") + fixed(seam.delta_e.after, 1) + " (" + fixed(seam.delta_e.before, 1) + ")";
  return cell;
}

std::string run_cell(const PhotoScore& s)
{
  if (!s.choice.designer && !s.choice.fit)
    return s.choice.note;
  std::string cell = s.choice.designer ? s.choice.designer_nick : s.choice.fit_nick;
  if (!s.choice.note.empty())
    cell += " (" + s.choice.note + ")";
  if (!s.problem.empty())
    cell += "; designer run: " + s.problem;
  if (s.choice.front) {
    cell += "; " + s.choice.front_nick + " from the brows: ";
    if (!s.run.front_done)
      cell += s.run.front_message;
    else
      cell += "bare ΔL* " + or_dash(s.front_bare_darkening, [](double v) { return fixed(v, 1); }) + ", background ΔE " +
              (s.front_background ? fixed(s.front_background->mean_delta_e, 2) + " / " +
                                        fixed(s.front_background->worst_block_delta_e, 1)
                                  : "–");
  }
  return cell;
}

std::string seconds_cell(const PhotoScore& s)
{
  const auto shown = [](bool ran, bool done, double seconds) { return ran ? fixed(seconds, 1) + (done ? "" : " failed") : "–"; };
  return shown(s.choice.designer.has_value(), s.run.designer_done, s.run.designer_seconds) + " / " +
         shown(s.choice.fit.has_value(), s.run.fit_done, s.run.fit_seconds);
}

// The worst figure of a column and the photo it is from.
std::string worst_of(const std::vector<PhotoScore>& scores, const std::function<std::optional<double>(const PhotoScore&)>& figure,
                     bool highest_is_worst, const std::function<std::string(double)>& shown)
{
  const PhotoScore* at = nullptr;
  double worst = 0.0;
  for (const PhotoScore& s : scores)
    if (const auto v = figure(s); v && (!at || (highest_is_worst ? *v > worst : *v < worst))) {
      worst = *v;
      at = &s;
    }
  return at ? shown(worst) + " (" + at->stem + ")" : "–";
}

}  // namespace

std::string table_header()
{
  return "| photo | px/mm | preset run | bare ΔL* | seam ΔE after (before) | planned | holes | IoU | background ΔE "
         "mean / worst 5 mm | head fit width / length / centre % | Simulate s designer / fit |\n"
         "|---|---|---|---|---|---|---|---|---|---|---|";
}

std::string table_row(const PhotoScore& s)
{
  const auto& c = s.coverage;
  std::string background = "–";
  if (s.background && s.background->pixels > 0)
    background = fixed(s.background->mean_delta_e, 2) + " / " + fixed(s.background->worst_block_delta_e, 1);
  std::string head = "–";
  if (s.head_fit)
    head = signed_percent(s.head_fit->width) + " / " + signed_percent(s.head_fit->length) + " / " +
           fixed(100.0 * s.head_fit->centre, 1);
  else if (s.choice.fit && !s.run.fit_message.empty())
    head = "no fit: " + s.run.fit_message;
  return "| " + s.stem + " | " + fixed(s.photo->px_per_mm, 1) + " | " + run_cell(s) + " | " +
         or_dash(s.bare_darkening, [](double v) { return fixed(v, 1); }) + " | " + seam_cell(s) + " | " +
         or_dash(c.planned, [](double v) { return percent(v, 0); }) + " | " +
         or_dash(c.holes, [](double v) { return percent(v); }) + " | " +
         or_dash(c.iou, [](double v) { return fixed(v, 2); }) + " | " + background + " | " + head + " | " +
         seconds_cell(s) + " |";
}

std::string worst_row(const std::vector<PhotoScore>& scores)
{
  using F = std::function<std::optional<double>(const PhotoScore&)>;
  const auto one = [](int decimals) { return [decimals](double v) { return fixed(v, decimals); }; };
  const F bg_mean = [](const PhotoScore& s) -> std::optional<double> {
    return s.background && s.background->pixels ? std::optional(s.background->mean_delta_e) : std::nullopt;
  };
  const F bg_block = [](const PhotoScore& s) -> std::optional<double> {
    return s.background && s.background->pixels ? std::optional(s.background->worst_block_delta_e) : std::nullopt;
  };
  const F head = [](const PhotoScore& s) -> std::optional<double> {
    return s.head_fit ? std::optional(s.head_fit->worst()) : std::nullopt;
  };
  const F slowest = [](const PhotoScore& s) -> std::optional<double> {
    if (!s.choice.designer && !s.choice.fit)
      return std::nullopt;
    return std::max(s.run.designer_seconds, s.run.fit_seconds);
  };
  return "| **worst** | | | " + worst_of(scores, [](const PhotoScore& s) { return s.bare_darkening; }, false, one(1)) +
         " | " + worst_of(scores, worst_seam, true, one(1)) + " | " +
         worst_of(scores, [](const PhotoScore& s) { return s.coverage.planned; }, false, [](double v) { return percent(v, 0); }) +
         " | " + worst_of(scores, [](const PhotoScore& s) { return s.coverage.holes; }, true, [](double v) { return percent(v); }) +
         " | " + worst_of(scores, [](const PhotoScore& s) { return s.coverage.iou; }, false, one(2)) + " | " +
         worst_of(scores, bg_mean, true, one(2)) + " / " + worst_of(scores, bg_block, true, one(1)) + " | " +
         worst_of(scores, head, true, [](double v) { return fixed(100.0 * v, 1); }) + " | " +
         worst_of(scores, slowest, true, one(1)) + " |";
}

}  // namespace smp_realism
