#include "stipple/dot_pattern.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>

#include "hash.hpp"
#include "stipple/pattern_cache.hpp"

namespace smp {
namespace {

enum Stream : std::uint32_t { count_stream = 1, position_stream, block_stream };
// A candidate's priority is drawn from its position hash, rehashed with this salt.
constexpr std::uint64_t priority_salt = 0x6a09e667f3bcc909ULL;

constexpr int max_candidates_per_cell = 16;
// Block indices beyond this would overflow cell indices; such far-away areas get no dots.
constexpr double max_block_index = 1e15;

double squared(double v) { return v * v; }

double wrapped(double delta, double period)
{
  const double d = std::abs(delta);
  return std::min(d, period - d);
}

PatternPageCache& page_cache()
{
  static PatternPageCache cache(DotPattern::cache_bytes_max);
  return cache;
}

}  // namespace

DotPattern::DotPattern(double density_per_mm2, double regularity, std::uint32_t seed) : seed_(seed)
{
  if (!(density_per_mm2 > 0.0) || !std::isfinite(density_per_mm2))
    return;
  regularity = std::isfinite(regularity) ? std::clamp(regularity, 0.0, 1.0) : 0.0;
  cell_mm_ = 1.0 / std::sqrt(density_per_mm2);
  // Matern II keeps lambda = (1 - exp(-lp * pi r^2)) / (pi r^2) of a Poisson parent lp, so a
  // packing q = lambda * pi r^2 < 1 asks for lp = lambda * -ln(1 - q) / q.
  const double packing = max_packing * regularity;
  if (packing > 1e-9) {
    hard_core_mm_ = std::sqrt(packing / (std::numbers::pi * density_per_mm2));
    candidates_per_cell_ = -std::log1p(-packing) / packing;
  }
  no_candidate_chance_ = std::exp(-candidates_per_cell_);
}

int DotPattern::candidates_in_cell(std::int64_t cx, std::int64_t cy) const
{
  const double u = to_unit(hash_key(seed_, cx, cy, 0, count_stream));
  double p = no_candidate_chance_;
  double cumulative = p;
  int count = 0;
  while (u > cumulative && count < max_candidates_per_cell) {
    ++count;
    p *= candidates_per_cell_ / count;
    cumulative += p;
  }
  return count;
}

DotPattern::Candidate DotPattern::candidate(std::int64_t cx, std::int64_t cy, int index) const
{
  const auto i = static_cast<std::uint32_t>(index);
  const std::uint64_t h = hash_key(seed_, cx, cy, i, position_stream);
  const double fx = static_cast<double>(h & 0xffffffffu) * 0x1.0p-32;
  const double fy = static_cast<double>(h >> 32) * 0x1.0p-32;
  return {(static_cast<double>(cx) + fx) * cell_mm_, (static_cast<double>(cy) + fy) * cell_mm_, mix64(h ^ priority_salt)};
}

std::size_t DotPattern::cached_bytes()
{
  return page_cache().bytes();
}

std::vector<PatternDot> DotPattern::dots_in(const MmRect& area) const
{
  std::vector<PatternDot> dots;
  if (empty() || !(area.x1 > area.x0) || !(area.y1 > area.y0))
    return dots;
  const double block_mm = cell_mm_ * block_cells;
  const double bx0 = std::floor(area.x0 / block_mm), bx1 = std::floor(area.x1 / block_mm);
  const double by0 = std::floor(area.y0 / block_mm), by1 = std::floor(area.y1 / block_mm);
  if ((bx1 - bx0 + 1) * (by1 - by0 + 1) * block_cells * block_cells > max_cells ||
      std::max({std::abs(bx0), std::abs(bx1), std::abs(by0), std::abs(by1)}) > max_block_index)
    return dots;

  // The pages under the area, each fetched once (from the cache or placed anew) on first use.
  constexpr int page_blocks = PatternPage::page_blocks;
  const auto page_of = [](std::int64_t b) { return b >= 0 ? b / page_blocks : -((-b + page_blocks - 1) / page_blocks); };
  const auto first_bx = static_cast<std::int64_t>(bx0), last_bx = static_cast<std::int64_t>(bx1);
  const auto first_by = static_cast<std::int64_t>(by0), last_by = static_cast<std::int64_t>(by1);
  const std::int64_t page_x0 = page_of(first_bx), page_y0 = page_of(first_by);
  const std::int64_t pages_w = page_of(last_bx) - page_x0 + 1;
  std::vector<PatternPageCache::Page> pages(static_cast<std::size_t>(pages_w * (page_of(last_by) - page_y0 + 1)));
  for (std::int64_t by = first_by; by <= last_by; ++by)
    for (std::int64_t bx = first_bx; bx <= last_bx; ++bx) {
      const std::int64_t page_x = page_of(bx), page_y = page_of(by);
      PatternPageCache::Page& page = pages[static_cast<std::size_t>((page_y - page_y0) * pages_w + (page_x - page_x0))];
      if (!page)
        page = page_at(page_x, page_y);
      const auto k = static_cast<std::size_t>((by - page_y * page_blocks) * page_blocks + (bx - page_x * page_blocks));
      for (std::uint32_t i = page->first[k]; i < page->first[k + 1]; ++i) {
        const PatternDot& d = page->dots[i];
        if (d.x_mm >= area.x0 && d.x_mm < area.x1 && d.y_mm >= area.y0 && d.y_mm < area.y1)
          dots.push_back(d);
      }
    }
  return dots;
}

std::shared_ptr<const PatternPage> DotPattern::page_at(std::int64_t page_x, std::int64_t page_y) const
{
  const PatternPageKey key{std::bit_cast<std::uint64_t>(cell_mm_), std::bit_cast<std::uint64_t>(hard_core_mm_),
                           std::bit_cast<std::uint64_t>(candidates_per_cell_), seed_, page_x, page_y};
  if (PatternPageCache::Page cached = page_cache().find(key))
    return cached;
  constexpr int page_blocks = PatternPage::page_blocks;
  const Blocks blocks{page_x * page_blocks, page_y * page_blocks, page_blocks, page_blocks};
  const CandidateGrid grid = candidates_around(blocks);
  auto page = std::make_shared<PatternPage>();
  for (int k = 0; k < page_blocks * page_blocks; ++k) {
    page->first[static_cast<std::size_t>(k)] = static_cast<std::uint32_t>(page->dots.size());
    const std::vector<PatternDot> block = ranked_block(blocks.x0 + k % page_blocks, blocks.y0 + k / page_blocks, grid);
    page->dots.insert(page->dots.end(), block.begin(), block.end());
  }
  page->first.back() = static_cast<std::uint32_t>(page->dots.size());
  page->dots.shrink_to_fit();
  page_cache().insert(key, page);
  return page;
}

DotPattern::CandidateGrid DotPattern::candidates_around(const Blocks& blocks) const
{
  // Candidates of every cell the blocks touch, plus one ring for the hard-core test.
  CandidateGrid grid;
  grid.cell_x0 = blocks.x0 * block_cells - 1;
  grid.cell_y0 = blocks.y0 * block_cells - 1;
  grid.cells_w = blocks.width * block_cells + 2;
  const std::int64_t cells_h = blocks.height * block_cells + 2;
  grid.first_of_cell.resize(static_cast<std::size_t>(grid.cells_w * cells_h + 1));
  for (std::int64_t j = 0; j < cells_h; ++j)
    for (std::int64_t i = 0; i < grid.cells_w; ++i) {
      grid.first_of_cell[static_cast<std::size_t>(j * grid.cells_w + i)] = grid.candidates.size();
      const int n = candidates_in_cell(grid.cell_x0 + i, grid.cell_y0 + j);
      for (int k = 0; k < n; ++k)
        grid.candidates.push_back(candidate(grid.cell_x0 + i, grid.cell_y0 + j, k));
    }
  grid.first_of_cell.back() = grid.candidates.size();
  return grid;
}

std::vector<PatternDot> DotPattern::ranked_block(std::int64_t bx, std::int64_t by, const CandidateGrid& grid) const
{
  const double hard_core2 = squared(hard_core_mm_);
  const std::int64_t cells_w = grid.cells_w;
  const auto& first_of_cell = grid.first_of_cell;
  const auto& candidates = grid.candidates;
  auto survives = [&](std::int64_t i, std::int64_t j, const Candidate& c) {
    // Branch-free inside a row of cells: which candidate outranks which is a coin toss, and
    // mispredicted branches cost more than the few extra comparisons.
    bool beaten = false;
    for (std::int64_t nj = j - 1; nj <= j + 1 && !beaten; ++nj) {
      const auto row = static_cast<std::size_t>(nj * cells_w + i);
      for (std::size_t o = first_of_cell[row - 1]; o < first_of_cell[row + 2]; ++o) {
        const Candidate& other = candidates[o];
        beaten |= (other.priority < c.priority) &
                  (squared(other.x_mm - c.x_mm) + squared(other.y_mm - c.y_mm) < hard_core2);
      }
    }
    return !beaten;
  };

  std::vector<PatternDot> block;
  const std::int64_t i0 = bx * block_cells - grid.cell_x0, j0 = by * block_cells - grid.cell_y0;
  for (std::int64_t j = j0; j < j0 + block_cells; ++j)
    for (std::int64_t i = i0; i < i0 + block_cells; ++i) {
      const auto cell = static_cast<std::size_t>(j * cells_w + i);
      for (std::size_t c = first_of_cell[cell]; c < first_of_cell[cell + 1]; ++c)
        if (survives(i, j, candidates[c]))
          block.push_back({candidates[c].x_mm, candidates[c].y_mm, 0.0, mix64(candidates[c].priority)});
    }
  const int n = static_cast<int>(block.size());
  if (n == 0)
    return block;

  // Farthest-point order from a hashed start: each next rank goes to the dot farthest from
  // all lower ranks, so every density level is spread evenly within the block. Distances
  // wrap around the block as on a torus: plain distances would rank the block's edges
  // first and leave a visible grid of blocks at low density.
  const double block_mm = cell_mm_ * block_cells;
  const std::uint64_t block_hash = hash_key(seed_, bx, by, 0, block_stream);
  const double rank_offset = to_unit(mix64(block_hash));
  std::vector<double> nearest2(static_cast<std::size_t>(n), 0.0);
  std::vector<int> order(static_cast<std::size_t>(n), -1);
  int current = static_cast<int>(block_hash % static_cast<std::uint64_t>(n));
  for (int position = 0; position < n; ++position) {
    order[static_cast<std::size_t>(current)] = position;
    const PatternDot& chosen = block[static_cast<std::size_t>(current)];
    int farthest = -1;
    for (int k = 0; k < n; ++k) {
      if (order[static_cast<std::size_t>(k)] >= 0)
        continue;
      const PatternDot& d = block[static_cast<std::size_t>(k)];
      const double d2 = squared(wrapped(d.x_mm - chosen.x_mm, block_mm)) +
                        squared(wrapped(d.y_mm - chosen.y_mm, block_mm));
      double& nearest = nearest2[static_cast<std::size_t>(k)];
      if (position == 0 || d2 < nearest)
        nearest = d2;
      if (farthest < 0 || nearest > nearest2[static_cast<std::size_t>(farthest)])
        farthest = k;
    }
    current = farthest;
  }
  for (int k = 0; k < n; ++k)
    block[static_cast<std::size_t>(k)].rank = (order[static_cast<std::size_t>(k)] + rank_offset) / n;
  return block;
}

}  // namespace smp
