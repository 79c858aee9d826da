// smp:density-plan as the rest of the project calls it: its name and its one property, the
// plan it renders (smp::DensityPlan, presets/density_plan.hpp). The plan is held by pointer, so
// the node is for graphs built in the process that owns the plan (the plug-in, the tools and
// the tests); the caller keeps the plan alive while the node renders.
#pragma once

#include "common/properties.hpp"
#include "presets/density_plan.hpp"

namespace smp_filters::density_plan {

inline constexpr char operation[] = "smp:density-plan";

// How the density is written: as the alpha of white (a pigment layer, which stays invisible
// when its effect is hidden) or as an opaque grey (a channel or a mask).
enum class Output { alpha, grey };
inline constexpr const char* output_nicks[] = {"alpha", "grey"};

// What the pointer points at, checked before it is read: a plan made by this same build.
struct PlanHandle {
  static constexpr unsigned expected_magic = 0x534d5031u ^ static_cast<unsigned>(sizeof(smp::DensityPlan));
  unsigned magic = expected_magic;
  const smp::DensityPlan* plan = nullptr;
};

struct Properties {
  const void* plan = nullptr;  // a PlanHandle
  Output output = Output::alpha;
};

template <typename Visit, typename P>
void each_property(Visit&& visit, P& p)
{
  visit("plan", p.plan);
  visit("output", p.output, output_nicks);
}

inline void set(GeglNode* node, const PlanHandle* handle, Output output)
{
  const Properties p{handle, output};
  each_property(PropertyWriter::on_node(node), p);
}

inline Properties properties_of(GObject* object)
{
  Properties p;
  each_property(PropertyReader(object), p);
  return p;
}

}  // namespace smp_filters::density_plan
