// Unit tests of the union tip (models/tips/union_tip.h): the minimum of
// translated and turned tips, its derivatives against finite differences,
// its parameter layout and bad parameters naming the entry.

#include <deal.II/base/mpi.h>
#include <deal.II/base/numbers.h>
#include <deal.II/base/parameter_handler.h>

#include <gtest/gtest.h>

#include "tip_checks.h"
#include <models/tip.h>
#include <models/tip_rotation.h>
#include <models/tips/ellipsoid_tip.h>
#include <models/tips/sphere_tip.h>
#include <models/tips/union_tip.h>
#include <models/tips/wedge_tip.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
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


TEST(UnionTip, MinimumOfTranslatedTips)
{
  std::vector<std::unique_ptr<Tip>> tips;
  tips.push_back(std::make_unique<SphereTip>(0.01));
  tips.push_back(std::make_unique<EllipsoidTip>(0.01, 0.015, 0.008));
  const std::vector<Tensor<1, 3>> offsets{Tensor<1, 3>(),
                                          Tensor<1, 3>({0.03, 0.005, 0.002})};
  const UnionTip                  tip(std::move(tips), offsets);
  const SphereTip                 sphere(0.01);
  const EllipsoidTip              thumb(0.01, 0.015, 0.008);
  const auto                      tie = [&](const Point<3> &x) {
    return std::abs(sphere.signed_distance(x) -
                    thumb.signed_distance(x - offsets[1])) < 1e-3;
  };
  check_derivatives(tip,
                    Point<3>(-0.02, -0.03, -0.01),
                    Point<3>(0.05, 0.03, 0.03),
                    0.03,
                    400,
                    0.05,
                    tie);
  check_lowest_point(tip, Point<3>(), 0.04);
  std::mt19937                           random(10);
  std::uniform_real_distribution<double> u(-0.03, 0.03);
  for (unsigned int i = 0; i < 100; ++i)
    {
      const Point<3> x(0.015 + u(random), u(random), 0.01 + u(random));
      EXPECT_EQ(tip.signed_distance(x),
                std::min(sphere.signed_distance(x),
                         thumb.signed_distance(x - offsets[1])));
    }
  EXPECT_NEAR(tip.lateral_extent(), std::hypot(0.03, 0.005) + 0.015, 1e-15);
  EXPECT_FALSE(tip.is_axisymmetric());
}

TEST(UnionTip, RotatedMembers)
{
  // A wedge turned about a skew axis: derivatives of phi(Q^T x).
  std::vector<std::unique_ptr<Tip>> wedges;
  wedges.push_back(std::make_unique<WedgeTip>(35., 0.006, 0.05, 0.03));
  const TipRotation skew(Tensor<1, 3>({1., 2., 3.}), 40. * deg);
  const UnionTip    turned(std::move(wedges), {Tensor<1, 3>()}, {skew});
  check_derivatives(turned,
                    Point<3>(-0.06, -0.06, -0.03),
                    Point<3>(0.06, 0.06, 0.05),
                    0.05);

  // About x by 30 degrees, against Q^T x written out:
  // Q^T (x, y, z) = (x, c y + s z, -s y + c z).
  const double       c = std::cos(30. * deg), s = std::sin(30. * deg);
  const WedgeTip     wedge(35., 0.006, 0.05, 0.03);
  const EllipsoidTip ellipsoid(0.012, 0.008, 0.006);
  std::vector<std::unique_ptr<Tip>> tips;
  tips.push_back(std::make_unique<WedgeTip>(35., 0.006, 0.05, 0.03));
  tips.push_back(std::make_unique<EllipsoidTip>(0.012, 0.008, 0.006));
  const Tensor<1, 3>             o({0.04, 0., 0.});
  const std::vector<TipRotation> rotations{
    TipRotation(Tensor<1, 3>({2., 0., 0.}), 30. * deg),
    TipRotation(Tensor<1, 3>({0., 0., 1.}), 90. * deg)};
  const UnionTip two(std::move(tips), {Tensor<1, 3>(), o}, rotations);
  // The ellipsoid turned by 90 degrees about z is the one with a and b
  // swapped: Q^T (x, y, z) = (y, -x, z).
  const EllipsoidTip                     swapped(0.008, 0.012, 0.006);
  std::mt19937                           random(12);
  std::uniform_real_distribution<double> u(-0.03, 0.03);
  for (unsigned int i = 0; i < 200; ++i)
    {
      const Point<3> x(u(random), u(random), 0.01 + u(random));
      const double   phi_wedge = wedge.signed_distance(
        Point<3>(x[0], c * x[1] + s * x[2], -s * x[1] + c * x[2]));
      const Point<3> y(x - o);
      EXPECT_NEAR(ellipsoid.signed_distance(Point<3>(y[1], -y[0], y[2])),
                  swapped.signed_distance(y),
                  1e-12);
      EXPECT_NEAR(two.signed_distance(x),
                  std::min(phi_wedge, swapped.signed_distance(y)),
                  1e-12)
        << x;
    }

  // A sphere turned about z stays axisymmetric, about x it does not.
  for (const auto &[axis, axisymmetric] :
       std::vector<std::pair<Tensor<1, 3>, bool>>{
         {Tensor<1, 3>({0., 0., 1.}), true},
         {Tensor<1, 3>({1., 0., 0.}), false}})
    {
      std::vector<std::unique_ptr<Tip>> one;
      one.push_back(std::make_unique<SphereTip>(0.01));
      const UnionTip ball(std::move(one),
                          {Tensor<1, 3>()},
                          {TipRotation(axis, 20. * deg)});
      EXPECT_EQ(ball.is_axisymmetric(), axisymmetric);
    }

  // A zero axis is refused, naming the entry.
  expect_input_error("union",
                     "Tip 2/Rotation axis",
                     {{"Tip 2/Rotation axis", "0, 0, 0"},
                      {"Tip 2/Rotation angle", "10"}});
}

TEST(UnionTip, ParameterLayoutAndDefaults)
{
  ParameterHandler prm;
  TipRegistry::instance().declare_all(prm);
  prm.enter_subsection("union");
  prm.set("Number of tips", "3");
  prm.enter_subsection("Tip 3");
  prm.set("Shape", "ellipsoid");
  prm.set("Offset", "0, 0.03, 0.001");
  prm.enter_subsection("ellipsoid");
  prm.set("Semi-axis a", "0.005");
  prm.leave_subsection();
  prm.leave_subsection();
  prm.leave_subsection();
  const std::unique_ptr<Tip> tip = TipRegistry::instance().create("union", prm);
  // Default: two 10 mm spheres at x = -+15 mm.
  EXPECT_NEAR(tip->signed_distance(Point<3>(0.015, 0., -0.001)), 0.001, 1e-15);
  EXPECT_NEAR(tip->signed_distance(Point<3>(-0.015, 0., -0.001)), 0.001, 1e-15);
  EXPECT_NEAR(tip->signed_distance(Point<3>()),
              std::hypot(0.015, 0.01) - 0.01,
              1e-15);
  EXPECT_NEAR(tip->signed_distance(Point<3>(0., 0.03, 0.001 - 0.002)),
              0.002,
              1e-15);
  EXPECT_NEAR(tip->signed_distance(
                Point<3>(0.005 + 0.001, 0.03, 0.001 + 0.008)),
              0.001,
              1e-15);
  EXPECT_NEAR(tip->lateral_extent(), 0.03 + 0.015, 1e-15);
}

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
