// Counter-based randomness: every random number is a pure function of (seed, coordinates,
// stream), so any tile, thread or render order sees the same values.
#pragma once

#include <cstdint>

namespace smp {

constexpr std::uint64_t mix64(std::uint64_t z)
{
  // splitmix64 finaliser: full avalanche, cheap, no state.
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

constexpr std::uint64_t hash_key(std::uint32_t seed, std::int64_t x, std::int64_t y,
                                 std::uint32_t index, std::uint32_t stream)
{
  std::uint64_t h = mix64(seed ^ (std::uint64_t{stream} << 32));
  h = mix64(h ^ static_cast<std::uint64_t>(x));
  h = mix64(h ^ static_cast<std::uint64_t>(y));
  return mix64(h ^ index);
}

// Uniform in [0, 1) with 53 random bits.
constexpr double to_unit(std::uint64_t h)
{
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

}  // namespace smp
