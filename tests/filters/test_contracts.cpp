#define BOOST_TEST_MODULE contracts
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "density-plan/density-plan.hpp"
#include "follicle-stipple/follicle-stipple.hpp"
#include "hairline-mask/hairline-mask.hpp"
#include "scalp-mask/scalp-mask.hpp"
#include "scalp-regions/scalp-regions.hpp"
#include "scar-blend/scar-blend.hpp"
#include "scar-mask/scar-mask.hpp"
#include "support/gegl_session.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

namespace {

std::set<std::string> op_properties(const char* operation)
{
  guint n = 0;
  GParamSpec** specs = gegl_operation_list_properties(operation, &n);
  std::set<std::string> names;
  for (guint i = 0; i < n; ++i)
    names.insert(g_param_spec_get_name(specs[i]));
  g_free(specs);
  return names;
}

template <typename Contract>
std::set<std::string> contract_properties(Contract each_property)
{
  smp_filters::PropertyNames names;
  each_property(names);
  return {names.names.begin(), names.names.end()};
}

std::string joined(const std::set<std::string>& names)
{
  std::string s;
  for (const auto& n : names)
    s += (s.empty() ? "" : ", ") + n;
  return s;
}

void same_names(const char* operation, const std::set<std::string>& listed)
{
  const std::set<std::string> declared = op_properties(operation);
  std::set<std::string> missing, extra;
  std::set_difference(declared.begin(), declared.end(), listed.begin(), listed.end(), std::inserter(missing, missing.end()));
  std::set_difference(listed.begin(), listed.end(), declared.begin(), declared.end(), std::inserter(extra, extra.end()));
  BOOST_TEST(missing.empty(), operation << " declares properties its contract does not list: " << joined(missing));
  BOOST_TEST(extra.empty(), operation << "'s contract lists properties the op does not have: " << joined(extra));
}

// "name=value" for every property a contract lists, to hold two settings against each other.
struct Described {
  std::vector<std::string> lines;
  template <typename T>
  void operator()(const char* name, const T& value)
  {
    std::ostringstream s;
    s << name << "=";
    if constexpr (std::is_same_v<T, smp::LinearRgb>)
      s << std::lround(value.r * 1000) << "," << std::lround(value.g * 1000) << "," << std::lround(value.b * 1000);
    else if constexpr (std::is_same_v<T, std::string>)
      s << value;
    else
      s << +value;
    lines.push_back(s.str());
  }
  template <typename T, std::size_t N>
  void operator()(const char* name, const T& value, const char* const (&nicks)[N])
  {
    lines.push_back(std::string(name) + "=" + nicks[static_cast<std::size_t>(value)]);
  }
};

template <typename Settings, typename Visit>
std::vector<std::string> described(Visit each_property, const Settings& s)
{
  Described d;
  each_property(d, s);
  return d.lines;
}

// A fresh node's operation, for reading its properties the way the op itself reads them.
GObject* operation_of(GeglNode* node)
{
  GeglOperation* operation = nullptr;
  g_object_get(node, "gegl-operation", &operation, nullptr);
  return G_OBJECT(operation);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_op_declares_exactly_the_properties_its_contract_lists)
{
  namespace fs = smp_filters::follicle_stipple;
  namespace hm = smp_filters::hairline_mask;
  namespace sm = smp_filters::scalp_mask;
  namespace xm = smp_filters::scar_mask;
  namespace xb = smp_filters::scar_blend;
  namespace dp = smp_filters::density_plan;
  namespace sr = smp_filters::scalp_regions;
  same_names(sr::operation, contract_properties([](auto& v) { smp::ScalpRegionsSettings s; sr::each_property(v, s); }));
  same_names(fs::operation, contract_properties([](auto& v) { smp::StippleSettings s; fs::each_property(v, s); }));
  same_names(hm::operation, contract_properties([](auto& v) { hm::Properties p; hm::each_property(v, p); }));
  same_names(sm::operation, contract_properties([](auto& v) { smp::ScalpMaskSettings s; sm::each_property(v, s); }));
  same_names(xm::operation, contract_properties([](auto& v) { smp::ScarMaskSettings s; xm::each_property(v, s); }));
  same_names(xb::operation, contract_properties([](auto& v) { smp::ScarBlendSettings s; xb::each_property(v, s); }));
  same_names(dp::operation, contract_properties([](auto& v) { dp::Properties p; dp::each_property(v, p); }));
}

BOOST_AUTO_TEST_CASE(a_fresh_op_holds_the_algorithms_defaults)
{
  GeglNode* graph = gegl_node_new();
  auto fresh = [&](const char* operation) {
    return operation_of(gegl_node_new_child(graph, "operation", operation, nullptr));
  };
  namespace fs = smp_filters::follicle_stipple;
  smp::StippleSettings stipple = fs::settings_of(fresh(fs::operation), nullptr);
  smp::StippleSettings expected;
  expected.seed = stipple.seed;  // GEGL's seed property starts at its own default
  auto each_stipple = [](auto& v, const smp::StippleSettings& s) { fs::each_property(v, s); };
  BOOST_TEST(described(each_stipple, stipple) == described(each_stipple, expected), boost::test_tools::per_element());

  namespace sm = smp_filters::scalp_mask;
  auto each_scalp = [](auto& v, const smp::ScalpMaskSettings& s) { sm::each_property(v, s); };
  BOOST_TEST(described(each_scalp, sm::settings_of(fresh(sm::operation))) ==
                 described(each_scalp, smp::ScalpMaskSettings{}),
             boost::test_tools::per_element());
  namespace sr = smp_filters::scalp_regions;
  auto each_regions = [](auto& v, const smp::ScalpRegionsSettings& s) { sr::each_property(v, s); };
  BOOST_TEST(described(each_regions, sr::settings_of(fresh(sr::operation))) ==
                 described(each_regions, smp::ScalpRegionsSettings{}),
             boost::test_tools::per_element());
  namespace xm = smp_filters::scar_mask;
  auto each_scar = [](auto& v, const smp::ScarMaskSettings& s) { xm::each_property(v, s); };
  BOOST_TEST(described(each_scar, xm::settings_of(fresh(xm::operation))) == described(each_scar, smp::ScarMaskSettings{}),
             boost::test_tools::per_element());
  namespace xb = smp_filters::scar_blend;
  auto each_blend = [](auto& v, const smp::ScarBlendSettings& s) { xb::each_property(v, s); };
  BOOST_TEST(described(each_blend, xb::settings_of(fresh(xb::operation))) ==
                 described(each_blend, smp::ScarBlendSettings{}),
             boost::test_tools::per_element());
  namespace hm = smp_filters::hairline_mask;
  auto each_hairline = [](auto& v, const hm::Properties& p) { hm::each_property(v, p); };
  hm::Properties hairline = hm::properties_of(fresh(hm::operation));
  hm::Properties hairline_expected;
  hairline_expected.settings.seed = hairline.settings.seed;
  BOOST_TEST(described(each_hairline, hairline) == described(each_hairline, hairline_expected),
             boost::test_tools::per_element());
  g_object_unref(graph);
}

BOOST_AUTO_TEST_CASE(settings_written_through_the_contract_read_back_the_same)
{
  namespace fs = smp_filters::follicle_stipple;
  smp::StippleSettings s;
  s.output = smp::StippleOutput::dots;
  s.px_per_mm = 7.25;
  s.density_per_cm2 = 64.0;
  s.dot_diameter_mm = 0.31;
  s.color = {0.05, 0.04, 0.03};
  s.sessions = 2;
  s.completed_sessions = 1;
  s.use_whorl = true;
  s.whorl_x_px = 120.0;
  s.seed = 4000000000u;  // beyond GEGL's int: kept as its low 31 bits
  GeglNode* graph = gegl_node_new();
  GeglNode* node = gegl_node_new_child(graph, "operation", fs::operation, nullptr);
  fs::set(node, s);
  smp::StippleSettings back = fs::settings_of(operation_of(node), nullptr);
  auto each = [](auto& v, const smp::StippleSettings& x) { fs::each_property(v, x); };
  smp::StippleSettings expected = s;
  expected.seed = s.seed & 0x7fffffffu;
  BOOST_TEST(described(each, back) == described(each, expected), boost::test_tools::per_element());
  g_object_unref(graph);
}

BOOST_AUTO_TEST_CASE(scalp_regions_settings_written_through_the_contract_read_back_the_same)
{
  namespace sr = smp_filters::scalp_regions;
  smp::ScalpRegionsSettings s;
  s.px_per_mm = 2.25;
  s.front = smp::Facing::left;
  s.sensitivity = 0.8;
  GeglNode* graph = gegl_node_new();
  GeglNode* node = gegl_node_new_child(graph, "operation", sr::operation, nullptr);
  sr::set(node, s);
  auto each = [](auto& v, const smp::ScalpRegionsSettings& x) { sr::each_property(v, x); };
  BOOST_TEST(described(each, sr::settings_of(operation_of(node))) == described(each, s), boost::test_tools::per_element());
  g_object_unref(graph);
}
