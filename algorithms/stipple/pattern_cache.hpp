// The ranked dots of pattern blocks placed so far, shared by every render in the process and
// capped in bytes (least recently used blocks go first). A block's dots are a pure function of
// the pattern's parameters and the block's index, so neighbouring tiles, threads and the
// re-renders of a preview (after a change of colour, halo or density map) reuse them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "stipple/dot_pattern.hpp"

namespace smp {

struct PatternBlockKey {
  std::uint64_t cell_bits, hard_core_bits, candidates_bits;  // the pattern's parameters, exactly
  std::uint32_t seed;
  std::int64_t bx, by;

  bool operator==(const PatternBlockKey&) const = default;
};

class PatternBlockCache {
 public:
  using Dots = std::shared_ptr<const std::vector<PatternDot>>;

  explicit PatternBlockCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // The block's dots, or null when they are not cached.
  Dots find(const PatternBlockKey& key)
  {
    const std::lock_guard lock(mutex_);
    const auto found = index_.find(key);
    if (found == index_.end())
      return nullptr;
    recent_.splice(recent_.begin(), recent_, found->second);
    return found->second->dots;
  }

  void insert(const PatternBlockKey& key, Dots dots)
  {
    const std::size_t bytes = entry_overhead + dots->capacity() * sizeof(PatternDot);
    if (bytes > max_bytes_)
      return;
    const std::lock_guard lock(mutex_);
    if (index_.contains(key))
      return;  // another thread placed the same block meanwhile: same dots
    while (bytes_ + bytes > max_bytes_ && !recent_.empty()) {
      bytes_ -= recent_.back().bytes;
      index_.erase(recent_.back().key);
      recent_.pop_back();
    }
    recent_.push_front({key, std::move(dots), bytes});
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
    PatternBlockKey key;
    Dots dots;
    std::size_t bytes;
  };
  struct KeyHash {
    std::size_t operator()(const PatternBlockKey& k) const
    {
      std::uint64_t h = k.cell_bits ^ (k.hard_core_bits * 3) ^ (k.candidates_bits * 5) ^ k.seed;
      h = (h ^ static_cast<std::uint64_t>(k.bx)) * 0x9e3779b97f4a7c15ULL;
      h = (h ^ static_cast<std::uint64_t>(k.by)) * 0xbf58476d1ce4e5b9ULL;
      return static_cast<std::size_t>(h ^ (h >> 29));
    }
  };
  // The list node, the index entry and the vector's own bookkeeping, roughly.
  static constexpr std::size_t entry_overhead = 160;

  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<PatternBlockKey, std::list<Entry>::iterator, KeyHash> index_;
  std::size_t bytes_ = 0;
};

}  // namespace smp
