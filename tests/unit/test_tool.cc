// Unit tests of the tip's placement (solver/tool.h): the orientation
// Q = R_y(tilt) R(n, alpha) of Tip/Tilt angle and Tip/Rotation axis /
// Rotation angle, against rotations written out independently.

#include <deal.II/base/mpi.h>
#include <deal.II/base/numbers.h>
#include <deal.II/base/parameter_handler.h>

#include <gtest/gtest.h>

#include <solver/exceptions.h>
#include <solver/tool.h>

#include <cmath>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace dealii;
using namespace FasciaFE;

namespace
{
  /** A tool from Tip/... settings (paths below "Tip"), at depth 2 mm. */
  Tool
  make_tool(const std::vector<std::pair<std::string, std::string>> &settings)
  {
    ParameterHandler prm;
    Tool::declare_parameters(prm);
    prm.enter_subsection("Tip");
    for (const auto &[path, value] : settings)
      {
        const std::size_t slash = path.find('/');
        if (slash == std::string::npos)
          prm.set(path, value);
        else
          {
            prm.enter_subsection(path.substr(0, slash));
            prm.set(path.substr(slash + 1), value);
            prm.leave_subsection();
          }
      }
    prm.leave_subsection();
    Tool tool;
    tool.parse_parameters(prm);
    tool.set_depth(0.002);
    return tool;
  }

  /** phi, gradient and Hessian of @p a and @p b agree at random points. */
  void
  expect_same_distance(const Tool &a, const Tool &b, const double tolerance)
  {
    std::mt19937                           random(3);
    std::uniform_real_distribution<double> u(-0.02, 0.02);
    for (unsigned int i = 0; i < 200; ++i)
      {
        const Point<3>        x(0.01 + u(random), u(random), u(random));
        Tensor<1, 3>          ga, gb;
        SymmetricTensor<2, 3> ha, hb;
        EXPECT_NEAR(a.signed_distance(x, &ga, &ha),
                    b.signed_distance(x, &gb, &hb),
                    tolerance)
          << x;
        EXPECT_LT((ga - gb).norm(), 1e3 * tolerance) << x;
        EXPECT_LT((ha - hb).norm(), 1e6 * tolerance) << x;
      }
  }
} // namespace


TEST(Tool, RotationAboutYIsTheTilt)
{
  const Tool tilted = make_tool(
    {{"Shape", "wedge"}, {"Position x", "0.01"}, {"Tilt angle", "20"}});
  const Tool turned = make_tool({{"Shape", "wedge"},
                                 {"Position x", "0.01"},
                                 {"Rotation axis", "0, 3, 0"},
                                 {"Rotation angle", "20"}});
  expect_same_distance(tilted, turned, 1e-12);
  // The apex stays where the protocol puts it.
  EXPECT_LT(turned.apex().distance(Point<3>(0.01, 0., -0.002)), 1e-15);
  EXPECT_NEAR(turned.signed_distance(turned.apex()), 0., 1e-15);
  EXPECT_TRUE(turned.orientation().is_rotated());
  EXPECT_FALSE(turned.orientation().keeps_axis(2));
}

TEST(Tool, RotationComesBeforeTheTilt)
{
  // Turned by 90 degrees about z, then tilted: the ellipsoid with a and b
  // swapped, tilted. (Tilting first would turn the tilted axis about z.)
  const Tool turned  = make_tool({{"Shape", "ellipsoid"},
                                  {"ellipsoid/Semi-axis a", "0.012"},
                                  {"ellipsoid/Semi-axis b", "0.008"},
                                  {"Rotation axis", "0, 0, 1"},
                                  {"Rotation angle", "90"},
                                  {"Tilt angle", "25"}});
  const Tool swapped = make_tool({{"Shape", "ellipsoid"},
                                  {"ellipsoid/Semi-axis a", "0.008"},
                                  {"ellipsoid/Semi-axis b", "0.012"},
                                  {"Tilt angle", "25"}});
  expect_same_distance(turned, swapped, 1e-12);
  EXPECT_TRUE(turned.orientation().keeps_axis(2));

  // Against phi(Q^T (x - c)) with Q = R_y(25) R_z(90) written out.
  const Tool   plain = make_tool({{"Shape", "ellipsoid"},
                                  {"ellipsoid/Semi-axis a", "0.012"},
                                  {"ellipsoid/Semi-axis b", "0.008"}});
  const double c     = std::cos(25. * numbers::PI / 180.),
               s     = std::sin(25. * numbers::PI / 180.);
  for (const Point<3> &x : {Point<3>(0.004, 0.003, 0.001),
                            Point<3>(-0.01, 0.006, 0.004),
                            Point<3>(0.002, -0.012, -0.003)})
    {
      const Tensor<1, 3> d = x - turned.apex();
      // R_y^T d, then R_z(90)^T (p, q, r) = (q, -p, r).
      const Tensor<1, 3> e({c * d[0] - s * d[2], d[1], s * d[0] + c * d[2]});
      const Point<3>     local(e[1], -e[0], e[2]);
      EXPECT_NEAR(turned.signed_distance(x),
                  plain.tip().signed_distance(local),
                  1e-13)
        << x;
    }
}

TEST(Tool, PivotArmIsTiltedNotTurned)
{
  // The base turns about the pivot; Tip/Rotation turns the tip on it.
  Tool tool = make_tool({{"Shape", "ellipsoid"},
                         {"Pivot", "true"},
                         {"Pivot height", "0.02"},
                         {"Tilt angle", "10"},
                         {"Rotation axis", "1, 0, 0"},
                         {"Rotation angle", "30"}});
  tool.set_pivot_angle(5. * numbers::PI / 180.);
  const double   a = 15. * numbers::PI / 180.;
  const Point<3> P = tool.pivot_point();
  EXPECT_NEAR(P[2], -0.002 + 0.02, 1e-15);
  const Point<3> c(P[0] - 0.02 * std::sin(a), P[1], P[2] - 0.02 * std::cos(a));
  EXPECT_LT(tool.apex().distance(c), 1e-15) << tool.apex();
  EXPECT_EQ(tool.apex()[1], 0.);
  EXPECT_NEAR(tool.tilt(), a, 1e-15);
}

TEST(Tool, ZeroRotationAxisIsRefusedNamingTheEntry)
{
  try
    {
      make_tool({{"Rotation axis", "0, 0, 0"}});
      ADD_FAILURE() << "no InputError";
    }
  catch (const InputError &e)
    {
      EXPECT_NE(std::string(e.what()).find("Tip/Rotation axis"),
                std::string::npos)
        << e.what();
    }
}

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
