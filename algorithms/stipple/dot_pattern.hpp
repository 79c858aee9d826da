// Where the dots go: an aperiodic, evenly spread point set in millimetres, plus a rank per dot
// that says at which density the dot appears (a dot exists where density map > rank).
//
// The set is a Matern type II hard-core process: Poisson candidates, each kept only if no
// candidate with a lower hashed priority lies closer than the hard-core distance. It is
// stationary and isotropic (no lattice, no Bragg peaks), every dot is a pure function of the
// candidates around it, and its intensity has a closed form, so the density is exact.
// Ranks are stratified per block of 4x4 cells in farthest-point order: painting density adds
// dots between the existing ones, and any density keeps within one dot per block of its target.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace smp {

struct PatternPage;

struct MmRect {
  double x0, y0, x1, y1;  // half-open [x0, x1) x [y0, y1)
};

struct PatternDot {
  double x_mm, y_mm;
  double rank;         // in [0, 1): the dot shows where the density map exceeds it
  std::uint64_t key;   // per-dot hash for size, shade and session
};

class DotPattern {
 public:
  DotPattern(double density_per_mm2, double regularity, std::uint32_t seed);

  double spacing_mm() const { return cell_mm_; }    // mean distance, 1 / sqrt(density)
  double hard_core_mm() const { return hard_core_mm_; }
  bool empty() const { return cell_mm_ <= 0.0; }

  // Dots whose centres lie in `area`, always in one global order whatever the area, so that
  // per-pixel accumulation gives the same bits for any tiling. Areas above `max_cells`
  // candidate cells are refused with an empty result (callers bound their own work first).
  std::vector<PatternDot> dots_in(const MmRect& area) const;

  // Placed dots are kept for later renders in a cache of this many bytes at most, shared by
  // every pattern of the process (about 9000 x 9000 px at 10 px/mm and 90 dots per cm^2).
  static constexpr std::size_t cache_bytes_max = std::size_t{32} << 20;
  static std::size_t cached_bytes();

  static constexpr double max_packing = 0.9;  // share of Matern II's saturation at regularity 1
  static constexpr int block_cells = 4;
  static constexpr double max_cells = 4.0e7;

 private:
  struct Candidate {
    double x_mm, y_mm;
    std::uint64_t priority;
  };

  struct Blocks {
    std::int64_t x0, y0, width, height;
  };
  // Candidates of a run of cells, the ones of cell (i, j) from first_of_cell[j * cells_w + i].
  struct CandidateGrid {
    std::int64_t cell_x0 = 0, cell_y0 = 0, cells_w = 0;
    std::vector<Candidate> candidates;
    std::vector<std::size_t> first_of_cell;
  };

  int candidates_in_cell(std::int64_t cx, std::int64_t cy) const;
  Candidate candidate(std::int64_t cx, std::int64_t cy, int index) const;
  CandidateGrid candidates_around(const Blocks& blocks) const;
  // The surviving candidates of block (bx, by), ranked; `grid` covers it and one ring of cells.
  std::vector<PatternDot> ranked_block(std::int64_t bx, std::int64_t by, const CandidateGrid& grid) const;
  // The blocks of page (page_x, page_y), cached.
  std::shared_ptr<const PatternPage> page_at(std::int64_t page_x, std::int64_t page_y) const;

  double cell_mm_ = 0.0;
  double hard_core_mm_ = 0.0;
  double candidates_per_cell_ = 1.0;
  double no_candidate_chance_ = 0.0;  // Poisson P(0) for the candidate count of a cell
  std::uint32_t seed_;
};

}  // namespace smp
