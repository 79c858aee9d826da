// Four floats at once through the compilers' vector extensions (SSE on x86, NEON on ARM, plain
// lanes elsewhere). Each operation is the IEEE operation of every lane, so the results are the
// same bits as the one-float-at-a-time code they replace.
#pragma once

#include <cmath>
#include <cstring>

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace smp {

typedef float float4 __attribute__((vector_size(16)));

inline float4 load4(const float* p)
{
  float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline void store4(float* p, float4 v) { std::memcpy(p, &v, sizeof v); }

inline float4 splat4(float v) { return float4{v, v, v, v}; }

// std::min(a, b) and std::max(a, b) of each lane, NaN included.
inline float4 min4(float4 a, float4 b) { return b < a ? b : a; }
inline float4 max4(float4 a, float4 b) { return a < b ? b : a; }

inline float4 sqrt4(float4 v)
{
#if defined(__SSE__)
  return _mm_sqrt_ps(v);
#else
  return float4{std::sqrt(v[0]), std::sqrt(v[1]), std::sqrt(v[2]), std::sqrt(v[3])};
#endif
}

}  // namespace smp
