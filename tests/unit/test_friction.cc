/**
 * Coulomb friction: the return mapping of coulomb_friction() (stick,
 * slip, the Coulomb bound, the stick-point update) and its consistent
 * derivative against central differences; the tip's rigid-body material
 * frame (to_material / from_material, rolling); and the assembled tangent
 * of the solver with friction in stick and in slip against finite
 * differences of the residual.
 */
#include <deal.II/base/mpi.h>

#include <gtest/gtest.h>

#include "solver_fixture.h"
#include <models/tips/sphere_tip.h>
#include <solver/friction.h>

#include <random>

using namespace FasciaFE;
using namespace FasciaFE::Testing;

namespace
{
  /** A curved tip: the sphere of radius 5 mm, centre (0, 0, 5 mm). */
  double
  sphere_phi(const Point<3>        &x,
             Tensor<1, 3>          *n = nullptr,
             SymmetricTensor<2, 3> *H = nullptr)
  {
    return Tips::SphereTip(0.005).signed_distance(x, n, H);
  }

  /** Traction at x with p_N = lambda - eps_N phi(x). */
  FrictionResponse
  response(const Point<3> &x, const Point<3> &a, const double mu)
  {
    Tensor<1, 3>          n;
    SymmetricTensor<2, 3> H;
    const double          phi = sphere_phi(x, &n, &H);
    const double          p   = 50. - 1e5 * phi;
    return coulomb_friction(x, a, n, H, p, 1e5, 2e5, mu);
  }

  /** max_ij |dt_i/dx_j - FD| / max |dt/dx|. */
  double
  derivative_error(const Point<3> &x, const Point<3> &a, const double mu)
  {
    const Tensor<2, 3> K   = response(x, a, mu).tangent;
    double             err = 0., scale = 0.;
    const double       h = 1e-9;
    for (unsigned int j = 0; j < 3; ++j)
      {
        Point<3> xp = x, xm = x;
        xp[j] += h;
        xm[j] -= h;
        const Tensor<1, 3> fd =
          (response(xp, a, mu).traction - response(xm, a, mu).traction) /
          (2. * h);
        for (unsigned int i = 0; i < 3; ++i)
          {
            err   = std::max(err, std::abs(fd[i] - K[i][j]));
            scale = std::max(scale, std::abs(K[i][j]));
          }
      }
    return err / scale;
  }
} // namespace

TEST(Friction, StickAndSlipObeyCoulomb)
{
  // A point slightly inside the sphere near its bottom; its stick point a
  // is displaced tangentially by 0.1 mm.
  const Point<3>        x(0.0005, 0.0002, -1e-5);
  const Point<3>        a(0.0004, 0.0002, -1e-5);
  Tensor<1, 3>          n;
  SymmetricTensor<2, 3> H;
  const double          p = 50. - 1e5 * sphere_phi(x, &n, &H);
  // Stick (large mu): t = -eps_T P (x - a), tangential, elastic.
  const FrictionResponse stick = response(x, a, 100.);
  EXPECT_FALSE(stick.slip);
  EXPECT_NEAR(stick.traction * n, 0., 1e-12 * stick.traction.norm());
  EXPECT_LT(stick.traction[0], 0.); // opposes the x - a offset
  EXPECT_EQ(stick.anchor, a);
  // Slip (small mu): |t| = mu p_N exactly, same direction as the trial.
  const FrictionResponse slip = response(x, a, 0.1);
  EXPECT_TRUE(slip.slip);
  EXPECT_NEAR(slip.traction.norm(), 0.1 * p, 1e-12 * p);
  EXPECT_NEAR(slip.traction * stick.traction,
              slip.traction.norm() * stick.traction.norm(),
              1e-9 * slip.traction.norm() * stick.traction.norm());
  // The stick point moves so that the kept elastic slip is -t / eps_T:
  // evaluating again from the new stick point is exactly on the cone.
  const FrictionResponse again = response(x, slip.anchor, 0.1);
  EXPECT_NEAR((again.traction - slip.traction).norm(), 0., 1e-9 * p);
}

TEST(Friction, DerivativeMatchesFiniteDifferences)
{
  std::mt19937                           rng(3);
  std::uniform_real_distribution<double> u(-3e-4, 3e-4);
  for (unsigned int k = 0; k < 20; ++k)
    {
      const Point<3> x(u(rng), u(rng), -2e-5 + 0.05 * u(rng));
      const Point<3> a = x + Tensor<1, 3>({u(rng), u(rng), 0.1 * u(rng)});
      for (const double mu : {100., 0.05})
        EXPECT_LT(derivative_error(x, a, mu), 1e-6) << "mu " << mu;
    }
}

TEST(Friction, RollingTipCarriesItsMaterialPoints)
{
  std::string      text = small_block("plane strain", "full", "three-field");
  SolverFixture<2> f(text);
  Tool            &tool = f.settings.tool;
  tool.set_depth(0.001);
  const Point<3> x(0.0003, 0., -0.0008);
  const Point<3> xi = tool.to_material(x);
  EXPECT_NEAR((tool.from_material(xi) - x).norm(), 0., 1e-16);
  // Rolling by s = R theta along x: the material point that touched the
  // apex moves with the sphere; the contact point stays a fixed point of
  // the rolling motion only instantaneously, and the centre moves by s.
  const double   R             = tool.tip().rolling_radius();
  const Point<3> apex_material = tool.to_material(tool.apex());
  ASSERT_DOUBLE_EQ(R, 0.005);
  const double s = 0.002;
  tool.set_lateral(s, s / R);
  const Point<3> centre = tool.apex() + Tensor<1, 3>({0., 0., R});
  const Point<3> moved  = tool.from_material(apex_material);
  // On the circle about the centre, turned by theta = s / R.
  EXPECT_NEAR((moved - centre).norm(), R, 1e-15);
  EXPECT_NEAR(moved[0] - centre[0], -R * std::sin(s / R), 1e-15);
  EXPECT_NEAR(moved[2] - centre[2], -R * std::cos(s / R), 1e-15);
  // The signed distance does not change under rolling.
  Tensor<1, 3> n0, n1;
  tool.set_lateral(s, 0.);
  const double phi0 = tool.signed_distance(x, &n0);
  tool.set_lateral(s, 0.7);
  const double phi1 = tool.signed_distance(x, &n1);
  EXPECT_DOUBLE_EQ(phi0, phi1);
}

namespace
{
  /** Relative FD error of the assembled tangent with friction, after the
   * stick points were committed and the tip moved by @p shift along x. */
  template <int dim>
  double
  friction_tangent_error(const std::string &model,
                         const double       mu,
                         const double       shift,
                         double            &slip_fraction)
  {
    std::string       text  = small_block(model, "full", "three-field");
    const std::string block = "subsection Tip\n";
    text.insert(text.find(block),
                "subsection Contact\n  set Friction coefficient = " +
                  std::to_string(mu) + "\nend\n");
    SolverFixture<dim> f(text);
    double             force_z = 0.;
    // (stick points at the positions of the committed state)
    return f.moved_tip_tangent_error(5e-4,
                                     2e-5,
                                     1,
                                     shift,
                                     0.,
                                     1e-10,
                                     slip_fraction,
                                     force_z);
  }
} // namespace

TEST(Friction, AssembledTangentInStickMatchesFiniteDifferences)
{
  // Mostly stick: only points at the contact edge, where p_N -> 0, slip.
  double slip = 0.;
  EXPECT_LT(friction_tangent_error<2>("plane strain", 10., 2e-6, slip), 1e-6);
  EXPECT_LT(slip, 0.25);
  EXPECT_LT(friction_tangent_error<3>("3d", 10., 2e-6, slip), 1e-6);
  EXPECT_LT(slip, 0.25);
}

TEST(Friction, AssembledTangentInSlipMatchesFiniteDifferences)
{
  double slip = 0.;
  EXPECT_LT(friction_tangent_error<2>("plane strain", 0.2, 2e-4, slip), 1e-6);
  EXPECT_EQ(slip, 1.);
  EXPECT_LT(friction_tangent_error<3>("3d", 0.2, 2e-4, slip), 1e-6);
  EXPECT_EQ(slip, 1.);
}



int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
