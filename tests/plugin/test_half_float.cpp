// What aborted GIMP 3.0.4 (issue 14): SMP Stipple Layer at a low density on a half-float image,
// then merging the layer's effect. babl's half-float path asserted on a band without a dot.
#define BOOST_TEST_MODULE plugin_half_float
#include <boost/test/unit_test.hpp>

#include "plugin/gimp_batch.hpp"
#include "support/gegl_session.hpp"

using GeglSession = smp_test::GeglSession;
BOOST_TEST_GLOBAL_FIXTURE(GeglSession);

BOOST_AUTO_TEST_CASE(merging_a_sparse_stipple_on_a_half_float_image_leaves_gimp_running)
{
  const smp_test::GimpCase c("plugin-half-float", "half_float_case.py");
  BOOST_TEST(c.value("image", "precision") == "half-non-linear");
  BOOST_TEST(c.value("run", "status") == "success", c.output);
  BOOST_TEST(c.value("pigment", "bytes-per-pixel") == "8", "the pigment layer is not half-float RGBA");
  BOOST_TEST(c.value("pigment", "merged") == "true", "GIMP did not get past merging the effect:\n" << c.output);
  BOOST_TEST(c.value("pigment", "filters-left") == "0");
  BOOST_TEST(c.value("gimp", "alive") == "true", c.output);
}
