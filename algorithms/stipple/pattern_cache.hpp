// The ranked dots of pattern pages (square runs of blocks) placed so far, shared by every render
// in the process and capped in bytes (least recently used pages go first). A page's dots are a
// pure function of the pattern's parameters and the page's index, so neighbouring tiles,
// threads and the re-renders of a preview (after a change of colour, halo or density map)
// reuse them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "stipple/dot_pattern.hpp"

namespace smp {

struct PatternPageKey {
  std::uint64_t cell_bits, hard_core_bits, candidates_bits;  // the pattern's parameters, exactly
  std::uint32_t seed;
  std::int64_t page_x, page_y;

  bool operator==(const PatternPageKey&) const = default;
};

// The dots of page_blocks x page_blocks blocks, block after block in rows; block k's dots are
// dots[first[k]] up to dots[first[k + 1]].
struct PatternPage {
  static constexpr int page_blocks = 4;
  std::vector<PatternDot> dots;
  std::array<std::uint32_t, page_blocks * page_blocks + 1> first;
};

class PatternPageCache {
 public:
  using Page = std::shared_ptr<const PatternPage>;

  explicit PatternPageCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // The page, or null when it is not cached.
  Page find(const PatternPageKey& key)
  {
    const std::lock_guard lock(mutex_);
    const auto found = index_.find(key);
    if (found == index_.end())
      return nullptr;
    recent_.splice(recent_.begin(), recent_, found->second);
    return found->second->page;
  }

  void insert(const PatternPageKey& key, Page page)
  {
    const std::size_t bytes = entry_overhead + page->dots.capacity() * sizeof(PatternDot);
    if (bytes > max_bytes_)
      return;
    const std::lock_guard lock(mutex_);
    if (index_.contains(key))
      return;  // another thread placed the same page meanwhile: same dots
    while (bytes_ + bytes > max_bytes_ && !recent_.empty()) {
      bytes_ -= recent_.back().bytes;
      index_.erase(recent_.back().key);
      recent_.pop_back();
    }
    recent_.push_front({key, std::move(page), bytes});
    index_.emplace(key, recent_.begin());
    bytes_ += bytes;
  }

  std::size_t bytes() const
  {
    const std::lock_guard lock(mutex_);
    return bytes_;
  }

 private:
  struct Entry {
    PatternPageKey key;
    Page page;
    std::size_t bytes;
  };
  struct KeyHash {
    std::size_t operator()(const PatternPageKey& k) const
    {
      std::uint64_t h = k.cell_bits ^ (k.hard_core_bits * 3) ^ (k.candidates_bits * 5) ^ k.seed;
      h = (h ^ static_cast<std::uint64_t>(k.page_x)) * 0x9e3779b97f4a7c15ULL;
      h = (h ^ static_cast<std::uint64_t>(k.page_y)) * 0xbf58476d1ce4e5b9ULL;
      return static_cast<std::size_t>(h ^ (h >> 29));
    }
  };
  // The list node, the index entry and the page's own bookkeeping, roughly.
  static constexpr std::size_t entry_overhead = 256;

  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<PatternPageKey, std::list<Entry>::iterator, KeyHash> index_;
  std::size_t bytes_ = 0;
};

}  // namespace smp
