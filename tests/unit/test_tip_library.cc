// Unit tests of the tip library: ellipsoid, blunt ellipsoid, cone, wedge,
// roller, angled finger and dual ridge (the union: test_union_tip.cc;
// shared checks: tip_checks.h). For each: |grad phi| = 1,
// gradient against central differences of phi, Hessian against central
// differences of the gradient, exactness of the distance (projection onto
// the surface, brute-force minimum over surface samples), the apex or the
// lowest points, known distances, and bad parameters rejected with messages
// naming the entry.

#include <deal.II/base/mpi.h>
#include <deal.II/base/numbers.h>
#include <deal.II/base/parameter_handler.h>

#include <gtest/gtest.h>

#include "tip_checks.h"
#include <models/tip.h>
#include <models/tips/angled_finger_tip.h>
#include <models/tips/blunt_ellipsoid_tip.h>
#include <models/tips/cone_tip.h>
#include <models/tips/cylinder_tip.h>
#include <models/tips/dual_ridge_tip.h>
#include <models/tips/ellipsoid_tip.h>
#include <models/tips/roller_tip.h>
#include <models/tips/sphere_tip.h>
#include <models/tips/wedge_tip.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iostream>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace dealii;
using namespace FasciaFE;
using namespace FasciaFE::Tips;

using namespace FasciaFE::TipChecks;

namespace
{
  constexpr double deg = numbers::PI / 180.;
} // namespace


TEST(EllipsoidTip, DerivativesExactDistanceAndKnownValues)
{
  const double       a = 0.01, b = 0.015, c = 0.008;
  const EllipsoidTip tip(a, b, c);
  check_derivatives(tip,
                    Point<3>(-2 * a, -2 * b, -c),
                    Point<3>(2 * a, 2 * b, 3 * c),
                    b);
  check_lowest_point(tip, Point<3>(), b);
  const double e = 0.003;
  EXPECT_NEAR(tip.signed_distance(Point<3>(a + e, 0., c)), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(0., -b - e, c)), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(0., 0., 2 * c + e)), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(0., 0., c)), -c, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(0.5 * a, 0., c)), -0.5 * a, 1e-15);
  // Apex curvature radii a^2/c and b^2/c.
  Tensor<1, 3>          g;
  SymmetricTensor<2, 3> H;
  tip.signed_distance(Point<3>(), &g, &H);
  EXPECT_NEAR(g[2], -1., 1e-15);
  EXPECT_NEAR(H[0][0], c / (a * a), 1e-10 * c / (a * a));
  EXPECT_NEAR(H[1][1], c / (b * b), 1e-10 * c / (b * b));
  EXPECT_FALSE(tip.is_axisymmetric());
  EXPECT_DOUBLE_EQ(tip.lateral_extent(), b);

  // Brute force over a fine parametric sampling of the surface.
  std::vector<Point<3>> surface, queries;
  const unsigned int    n = 400;
  for (unsigned int i = 0; i <= n; ++i)
    for (unsigned int j = 0; j < 2 * n; ++j)
      {
        const double t = numbers::PI * i / n, p = numbers::PI * j / n;
        surface.emplace_back(a * std::sin(t) * std::cos(p),
                             b * std::sin(t) * std::sin(p),
                             c + c * std::cos(t));
      }
  std::mt19937                           random(5);
  std::uniform_real_distribution<double> u(-1., 1.);
  while (queries.size() < 20)
    {
      const Point<3> x(2 * a * u(random),
                       2 * b * u(random),
                       c + 2 * c * u(random));
      if (tip.signed_distance(x) > 0.)
        queries.push_back(x);
    }
  check_against_samples(tip,
                        std::vector<Point<3>>(surface.begin(),
                                              surface.begin() + 50),
                        {},
                        0.);
  check_against_samples(tip, surface, queries, 1e-3 * b);

  // A sphere and a spheroid: the closed forms.
  const EllipsoidTip sphere(a, a, a);
  EXPECT_TRUE(sphere.is_axisymmetric());
  for (unsigned int i = 0; i < 100; ++i)
    {
      const Point<3> x(2 * a * u(random),
                       2 * a * u(random),
                       a + 2 * a * u(random));
      EXPECT_NEAR(sphere.signed_distance(x),
                  x.distance(Point<3>(0, 0, a)) - a,
                  1e-15);
    }
  // Degenerate inside points on the plane of the shortest axis.
  const EllipsoidTip oblate(0.02, 0.015, 0.005);
  Tensor<1, 3>       g_degenerate;
  const double       phi_degenerate =
    oblate.signed_distance(Point<3>(0.001, 0.001, 0.005), &g_degenerate);
  EXPECT_NEAR(phi_degenerate, -0.005, 2e-5);
  EXPECT_LT(phi_degenerate, -0.00495);
  EXPECT_NEAR(g_degenerate.norm(), 1., 1e-12);
}

TEST(EllipsoidTip, ExtremeAspectRatiosAndSurfacePoints)
{
  for (const std::array<double, 3> axes :
       {std::array<double, 3>{{0.02, 0.002, 0.01}},
        std::array<double, 3>{{0.001, 0.001, 0.05}},
        std::array<double, 3>{{0.05, 0.04, 0.001}}})
    {
      const EllipsoidTip tip(axes[0], axes[1], axes[2]);
      const double       size = std::max({axes[0], axes[1], axes[2]});
      check_derivatives(tip,
                        Point<3>(-2 * axes[0], -2 * axes[1], -axes[2]),
                        Point<3>(2 * axes[0], 2 * axes[1], 3 * axes[2]),
                        size,
                        200,
                        0.1);
      check_lowest_point(tip, Point<3>(), size);
    }
}

TEST(BluntEllipsoidTip, DerivativesAndOffsetGeometry)
{
  const double            a = 0.02, b = 0.03, c = 0.04, r = 0.01;
  const BluntEllipsoidTip tip(a, b, c, r);
  const EllipsoidTip      core(a, b, c);
  check_derivatives(tip,
                    Point<3>(-0.06, -0.08, -0.02),
                    Point<3>(0.06, 0.08, 0.12),
                    0.05);
  check_lowest_point(tip, Point<3>(), 0.04);
  const double e = 0.002;
  EXPECT_NEAR(tip.signed_distance(Point<3>(a + r + e, 0., c + r)), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(0., 0., c + r)), -(a + r), 1e-15);
  Tensor<1, 3>          g;
  SymmetricTensor<2, 3> H;
  tip.signed_distance(Point<3>(), &g, &H);
  EXPECT_NEAR(1. / H[0][0], a * a / c + r, 1e-12);
  EXPECT_NEAR(1. / H[1][1], b * b / c + r, 1e-12);
  // phi = phi_core(x - r e_z) - r.
  std::mt19937                           random(6);
  std::uniform_real_distribution<double> u(-0.05, 0.05);
  for (unsigned int i = 0; i < 50; ++i)
    {
      const Point<3> x(u(random), u(random), 0.05 + u(random));
      EXPECT_NEAR(tip.signed_distance(x),
                  core.signed_distance(Point<3>(x - Point<3>(0., 0., r))) - r,
                  1e-15);
    }
  EXPECT_DOUBLE_EQ(tip.lateral_extent(), b + r);
  EXPECT_FALSE(tip.is_axisymmetric());
  EXPECT_TRUE(BluntEllipsoidTip(a, a, c, r).is_axisymmetric());
}

TEST(ConeTip, DerivativesAndKnownValues)
{
  const double  alpha = 45., r = 0.003, H = 0.03;
  const ConeTip tip(alpha, r, H);
  const double  rho_top =
    r * std::cos(alpha * deg) +
    (H - r * (1. - std::sin(alpha * deg))) * std::tan(alpha * deg);
  check_derivatives(tip,
                    Point<3>(-1.5 * H, -1.5 * H, -0.3 * H),
                    Point<3>(1.5 * H, 1.5 * H, 1.5 * H),
                    H);
  check_lowest_point(tip, Point<3>(), rho_top);
  EXPECT_DOUBLE_EQ(tip.lateral_extent(), rho_top);
  EXPECT_TRUE(tip.is_axisymmetric());
  const double e = 0.002;
  // Top face, rim, flank, cap.
  EXPECT_NEAR(tip.signed_distance(Point<3>(0.001, 0., H + e)), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(rho_top + e, 0., H + e)),
              std::sqrt(2.) * e,
              1e-15);
  const double       s = 0.01; // along the flank from the tangent point
  const Point<3>     T(r * std::cos(alpha * deg),
                   0.,
                   r * (1. - std::sin(alpha * deg)));
  const Tensor<1, 3> t_f({std::sin(alpha * deg), 0., std::cos(alpha * deg)});
  const Tensor<1, 3> n_f({std::cos(alpha * deg), 0., -std::sin(alpha * deg)});
  EXPECT_NEAR(tip.signed_distance(T + s * t_f + e * n_f), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(T + s * t_f - e * n_f), -e, 1e-15);
  Tensor<1, 3>          g;
  SymmetricTensor<2, 3> Hess;
  tip.signed_distance(Point<3>(), &g, &Hess);
  EXPECT_NEAR(Hess[0][0], 1. / r, 1e-12 / r);
  EXPECT_NEAR(Hess[1][1], 1. / r, 1e-12 / r);
  // Sharp cone: phi(0, 0, -e) = e, distance to the flank line.
  const ConeTip sharp(30., 0., H);
  EXPECT_NEAR(sharp.signed_distance(Point<3>(0., 0., -e)), e, 1e-15);
  EXPECT_NEAR(sharp.signed_distance(Point<3>(0.01, 0., 0.)),
              0.01 * std::cos(30. * deg),
              1e-15);
}

TEST(WedgeTip, DerivativesAndKnownValues)
{
  const double   beta = 35., r = 0.006, L = 0.05, H = 0.03;
  const WedgeTip tip(beta, r, L, H);
  const ConeTip  cone(beta, r, H);
  const double   w = L / 2.;
  check_derivatives(tip,
                    Point<3>(-0.05, -0.08, -0.01),
                    Point<3>(0.05, 0.08, 0.045),
                    0.05);
  check_lowest_point(tip, Point<3>(), 0.06);
  const double e = 0.002;
  for (const double y : {-w, -0.01, 0., 0.02, w})
    EXPECT_NEAR(tip.signed_distance(Point<3>(0., y, -e)), e, 1e-15);
  // The ends are the cone's halves; the middle is the cone's section.
  std::mt19937                           random(8);
  std::uniform_real_distribution<double> u(-0.04, 0.04);
  for (unsigned int i = 0; i < 100; ++i)
    {
      const Point<3> x(u(random), w + std::abs(u(random)), 0.015 + u(random));
      EXPECT_NEAR(tip.signed_distance(x),
                  cone.signed_distance(Point<3>(x - Point<3>(0., w, 0.))),
                  1e-15);
      const Point<3> m(x[0], 0.5 * u(random), x[2]);
      EXPECT_NEAR(tip.signed_distance(m),
                  cone.signed_distance(Point<3>(m[0], 0., m[2])),
                  1e-15);
    }
  EXPECT_FALSE(tip.is_axisymmetric());
  EXPECT_NEAR(tip.lateral_extent(), w + cone.lateral_extent(), 1e-15);
  Tensor<1, 3>          g;
  SymmetricTensor<2, 3> Hess;
  tip.signed_distance(Point<3>(0., 0.01, -e), &g, &Hess);
  EXPECT_NEAR(Hess[0][0], 1. / (r + e), 1e-12 / r);
  EXPECT_EQ(Hess[1][1], 0.);
}

TEST(RollerTip, PlainRollerIsTheCylinder)
{
  const RollerTip   roller(0.075, 0.3, 0.01, 0., 0.03, 0.008);
  const CylinderTip cylinder(0.075, 0.3, 0.01);
  EXPECT_EQ(roller.n_ridges(), 0u);
  std::mt19937                           random(9);
  std::uniform_real_distribution<double> u(-0.2, 0.2);
  for (unsigned int i = 0; i < 200; ++i)
    {
      const Point<3>        x(u(random), u(random), 0.075 + u(random));
      Tensor<1, 3>          g1, g2;
      SymmetricTensor<2, 3> H1, H2;
      EXPECT_EQ(roller.signed_distance(x, &g1, &H1),
                cylinder.signed_distance(x, &g2, &H2));
      EXPECT_EQ((g1 - g2).norm(), 0.);
      EXPECT_EQ((H1 - H2).norm(), 0.);
    }
  EXPECT_DOUBLE_EQ(roller.lateral_extent(), cylinder.lateral_extent());
}

TEST(RollerTip, RibbedRollerDerivativesAndKnownValues)
{
  const double R = 0.075, L = 0.3, r_f = 0.01, h = 0.004, p = 0.03, r_t = 0.008;
  const RollerTip tip(R, L, r_f, h, p, r_t);
  const double    w_r = std::sqrt(h * (2 * r_t - h));
  EXPECT_EQ(tip.n_ridges(), 9u); // |k p| + w_r <= 0.14: k = -4..4
  check_derivatives(
    tip,
    Point<3>(-0.1, -0.17, -0.01),
    Point<3>(0.1, 0.17, 0.17),
    0.1,
    400,
    0.1,
    [](const Point<3> &) { return false; },
    false);
  // Near the ridges and valleys (crests, creases, torus flanks).
  check_derivatives(
    tip,
    Point<3>(-0.02, -0.05, -0.004),
    Point<3>(0.02, 0.05, 0.012),
    0.02,
    400,
    0.1,
    [](const Point<3> &) { return false; },
    false);
  check_lowest_point(tip, Point<3>(), 0.15);
  const double e = 0.001;
  for (int k = -4; k <= 4; ++k)
    EXPECT_NEAR(tip.signed_distance(Point<3>(0., k * p, -e)), e, 1e-15);
  // Valley midway between crests: the core surface at z = h.
  EXPECT_NEAR(tip.signed_distance(Point<3>(0., p / 2., h - e)), e, 1e-15);
  // Crest flank: the torus tube.
  const Point<3> tube_center(0., p, h + r_t - h);
  const Point<3> on_ridge =
    tube_center + Point<3>(0., -r_t * 0.3, -r_t * std::sqrt(1 - 0.09));
  EXPECT_NEAR(tip.signed_distance(on_ridge), 0., 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(0., L / 2. + e, R + h)), e, 1e-15);
  EXPECT_FALSE(tip.is_axisymmetric());
  EXPECT_NEAR(tip.lateral_extent(),
              std::max(std::hypot(4 * p + w_r, R + h),
                       std::hypot(L / 2 - r_f, R - r_f) + r_f),
              1e-15);
}

TEST(AngledFingerTip, DerivativesAndApexStaysLowest)
{
  const double r = 0.007, L = 0.05;
  for (const double theta : {30., -60., 0.})
    {
      SCOPED_TRACE("Lean angle " + std::to_string(theta));
      const AngledFingerTip tip(r, L, theta);
      check_derivatives(tip,
                        Point<3>(-0.07, -0.03, -0.01),
                        Point<3>(0.07, 0.03, 0.07),
                        0.05);
      check_lowest_point(tip, Point<3>(), 0.06);
      EXPECT_EQ(tip.is_axisymmetric(), theta == 0.);
      EXPECT_NEAR(tip.lateral_extent(),
                  L * std::abs(std::sin(theta * deg)) + r,
                  1e-15);
      // Beside the far end and beside the shaft.
      const Tensor<1, 3> e_axis(
        {std::sin(theta * deg), 0., std::cos(theta * deg)});
      const Point<3> b = Point<3>(0., 0., r) + L * e_axis;
      EXPECT_NEAR(tip.signed_distance(b + 0.01 * e_axis), 0.01 - r, 1e-15);
      EXPECT_NEAR(tip.signed_distance(b - 0.5 * L * e_axis +
                                      Point<3>(0., r + 0.002, 0.)),
                  0.002,
                  1e-15);
      Tensor<1, 3>          g;
      SymmetricTensor<2, 3> H;
      tip.signed_distance(Point<3>(0., 0., -0.001), &g, &H);
      EXPECT_NEAR(g[2], -1., 1e-15);
      EXPECT_NEAR(H[0][0], 1. / (r + 0.001), 1e-12 / r);
    }
}

TEST(DualRidgeTip, DerivativesAwayFromTheMidPlaneAndLowestLines)
{
  const double       r = 0.012, s = 0.05, L = 0.06;
  const DualRidgeTip tip(r, s, L);
  check_derivatives(tip,
                    Point<3>(-0.06, -0.06, -0.01),
                    Point<3>(0.06, 0.06, 0.04),
                    0.05,
                    400,
                    0.05,
                    [](const Point<3> &x) { return std::abs(x[0]) < 1e-3; });
  const double e = 0.001;
  EXPECT_NEAR(tip.signed_distance(Point<3>()), std::hypot(s / 2, r) - r, 1e-15);
  for (const double x : {-s / 2, s / 2})
    for (const double y : {-L / 2, 0., 0.01, L / 2})
      {
        EXPECT_NEAR(tip.signed_distance(Point<3>(x, y, -e)), e, 1e-15);
        EXPECT_NEAR(tip.signed_distance(Point<3>(x, y, 0.)), 0., 1e-15);
      }
  check_lowest_point(tip, Point<3>(s / 2, 0., 0.), 0.06);
  EXPECT_NEAR(tip.signed_distance(Point<3>(s / 2, 0., r)), -r, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(s / 2 + r + e, L / 2, r)), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(s / 2, L / 2 + r + e, r)), e, 1e-15);
  EXPECT_FALSE(tip.is_axisymmetric());
  EXPECT_NEAR(tip.lateral_extent(), std::hypot(s / 2, L / 2) + r, 1e-15);
}

TEST(TipLibrary, RegisteredAndCreatedFromDefaults)
{
  const std::vector<std::string> names{"ellipsoid",
                                       "blunt ellipsoid",
                                       "cone",
                                       "wedge",
                                       "roller",
                                       "angled finger",
                                       "dual ridge",
                                       "union"};
  const auto                     registered = TipRegistry::instance().names();
  ParameterHandler               prm;
  TipRegistry::instance().declare_all(prm);
  for (const std::string &name : names)
    {
      SCOPED_TRACE(name);
      ASSERT_NE(std::find(registered.begin(), registered.end(), name),
                registered.end());
      const std::unique_ptr<Tip> tip =
        TipRegistry::instance().create(name, prm);
      ASSERT_TRUE(tip);
      // Every tip touches z = 0 and nothing lies below.
      const double extent = tip->lateral_extent();
      EXPECT_GT(extent, 0.);
      double lowest = std::numeric_limits<double>::max();
      for (int i = -40; i <= 40; ++i)
        for (int j = -40; j <= 40; ++j)
          lowest =
            std::min(lowest,
                     tip->signed_distance(
                       Point<3>(i * extent / 40., j * extent / 40., -0.001)));
      EXPECT_GE(lowest, 0.001 - 1e-12);
      EXPECT_LT(lowest, 0.00102);
      if (name != "dual ridge" && name != "union")
        {
          EXPECT_EQ(tip->signed_distance(Point<3>()), 0.);
          EXPECT_NEAR(tip->signed_distance(Point<3>(0., 0., -0.001)),
                      0.001,
                      1e-15);
        }
    }
}

TEST(TipLibrary, BadParametersThrowInputErrorNamingTheEntry)
{
  expect_input_error("ellipsoid", "Semi-axis a", {{"Semi-axis a", "0"}});
  expect_input_error("ellipsoid", "Semi-axis c", {{"Semi-axis c", "0"}});
  expect_input_error("blunt ellipsoid", "Semi-axis b", {{"Semi-axis b", "0"}});
  expect_input_error("cone", "Half angle", {{"Half angle", "0"}});
  expect_input_error("cone", "Height", {{"Height", "0.0001"}});
  expect_input_error("wedge", "Half angle", {{"Half angle", "0"}});
  expect_input_error("wedge", "Height", {{"Height", "0"}});
  expect_input_error("roller", "Radius", {{"Radius", "0"}});
  expect_input_error("roller",
                     "End fillet radius",
                     {{"End fillet radius", "0.2"}});
  expect_input_error("roller",
                     "Ridge radius",
                     {{"Ridge height", "0.004"}, {"Ridge radius", "0.002"}});
  expect_input_error("roller",
                     "Ridge pitch",
                     {{"Ridge height", "0.004"}, {"Ridge pitch", "0.01"}});
  expect_input_error("angled finger", "Radius", {{"Radius", "0"}});
  expect_input_error("dual ridge",
                     "Ridge spacing",
                     {{"Ridge spacing", "0.02"}});
  expect_input_error("union", "Radius", {{"Tip 2/sphere/Radius", "0"}});
  expect_input_error("union", "Offset", {{"Tip 1/Offset", "0, 0, -0.01"}});
  expect_input_error("union",
                     "Offset",
                     {{"Tip 1/Offset", "0, 0, 0.01"},
                      {"Tip 2/Offset", "0, 0, 0.01"}});
}

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
