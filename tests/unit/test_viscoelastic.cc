/**
 * The finite-strain generalized Maxwell model: consistent tangent against
 * finite differences (uniaxial, simple shear, random F, with history),
 * objectivity, the Prony relaxation modulus G(t) at a held small shear
 * (1e-6 relative), and rejection of bad Prony terms.
 */
#include <deal.II/base/mpi.h>

#include <gtest/gtest.h>

#include "material_checks.h"
#include <models/materials/viscoelastic_neo_hookean.h>

using namespace FasciaFE;
using namespace FasciaFE::Testing;

namespace
{
  /**
   * History after the path R F_k, F_k a linear ramp from I to F in n steps
   * of dt, from the virgin state (R a superposed rotation, I by default).
   */
  std::vector<double>
  loaded_history(const Material     &m,
                 const Tensor<2, 3> &F,
                 const unsigned int  n,
                 const double        dt,
                 const Tensor<2, 3> &R = unit_symmetric_tensor<3>())
  {
    std::vector<double> h(m.n_history_variables(), 0.), hn;
    for (unsigned int k = 1; k <= n; ++k)
      {
        const Tensor<2, 3> Fk =
          unit_symmetric_tensor<3>() +
          (double(k) / n) * (F - Tensor<2, 3>(unit_symmetric_tensor<3>()));
        evaluate(m, R * Fk, h, hn, dt);
        h = hn;
      }
    return h;
  }
} // namespace

TEST(ViscoelasticNeoHookean, TangentMatchesFiniteDifferencesWithHistory)
{
  const ViscoelasticNeoHookean m(5e3, 0.45, {4e3, 2e3, 1e3}, {0.5, 5., 50.});
  std::mt19937                 rng(3);
  for (const Tensor<2, 3> &F : {uniaxial(1.3),
                                uniaxial(0.8),
                                simple_shear(0.4),
                                random_deformation(rng),
                                random_deformation(rng)})
    {
      const auto h =
        loaded_history(m,
                       F * 0.9 + 0.1 * Tensor<2, 3>(unit_symmetric_tensor<3>()),
                       4,
                       0.3);
      EXPECT_LT(tangent_error(m, F, h), 1e-6);
    }
}

TEST(ViscoelasticNeoHookean, StressIsObjectiveUnderSuperposedRotation)
{
  const ViscoelasticNeoHookean m(5e3, 0.45, {4e3, 1e3}, {1., 10.});
  std::mt19937                 rng(11);
  for (unsigned int i = 0; i < 5; ++i)
    {
      const Tensor<2, 3>  F  = random_deformation(rng);
      const Tensor<2, 3>  Q  = random_rotation(rng);
      const auto          h  = loaded_history(m, F, 3, 0.2);
      const auto          hq = loaded_history(m, F, 3, 0.2, Q);
      std::vector<double> hn;
      const auto t = Tensor<2, 3>(evaluate(m, F * 1.01, h, hn, 0.2).tau_iso);
      const auto tq =
        Tensor<2, 3>(evaluate(m, Q * F * 1.01, hq, hn, 0.2).tau_iso);
      EXPECT_LT((tq - Q * t * transpose(Q)).norm(), 1e-10 * t.norm());
    }
}

TEST(ViscoelasticNeoHookean, HeldShearFollowsPronyRelaxationModulus)
{
  // Shear gamma applied in one step much shorter than every tau, then held:
  // tau_xy / gamma = G(t) = mu_inf + sum G_a exp(-t / tau_a).
  const double                 E = 3e3, nu = 0.3, mu_inf = E / (2 * (1 + nu));
  const std::vector<double>    G = {2e3, 500.}, tau = {2., 30.};
  const ViscoelasticNeoHookean m(E, nu, G, tau);
  const double                 gamma = 1e-5, t_ramp = 1e-9;
  std::vector<double>          h(m.n_history_variables(), 0.), hn;
  evaluate(m, simple_shear(gamma), h, hn, t_ramp);
  h            = hn;
  double t     = 0.;
  double worst = 0.;
  for (const double dt : {0.1, 0.5, 1., 3., 7., 20., 40.})
    {
      t += dt;
      const auto out = evaluate(m, simple_shear(gamma), h, hn, dt);
      h              = hn;
      double G_t     = mu_inf;
      for (unsigned int a = 0; a < G.size(); ++a)
        G_t += G[a] * std::exp(-(t + t_ramp) / tau[a]);
      worst = std::max(worst, std::abs(out.tau_iso[0][1] / gamma / G_t - 1.));
    }
  EXPECT_LT(worst, 1e-6);
}

TEST(ViscoelasticNeoHookean, InternalStressNormIsTheSumOfBranchNorms)
{
  const ViscoelasticNeoHookean m(5e3, 0.45, {4e3, 1e3}, {1., 10.});
  const auto                   h = loaded_history(m, simple_shear(0.3), 3, 0.2);
  double                       expected = 0.;
  for (unsigned int a = 1; a <= 2; ++a)
    {
      SymmetricTensor<2, 3> Q;
      for (unsigned int k = 0; k < 6; ++k)
        Q.access_raw_entry(k) = h[6 * a + k];
      expected += Q.norm();
    }
  EXPECT_GT(expected, 0.);
  EXPECT_NEAR(m.internal_stress_norm(make_array_view(h)),
              expected,
              1e-12 * expected);
}

TEST(ViscoelasticNeoHookean, RejectsNonPositiveTimeConstantsAndLengthMismatch)
{
  EXPECT_THROW(ViscoelasticNeoHookean(1e3, 0.3, {1e3}, {0.}), InputError);
  EXPECT_THROW(ViscoelasticNeoHookean(1e3, 0.3, {1e3}, {-1.}), InputError);
  EXPECT_THROW(ViscoelasticNeoHookean(1e3, 0.3, {1e3, 1e3}, {1.}), InputError);
  try
    {
      ViscoelasticNeoHookean(1e3, 0.3, {1e3, 1e3}, {1., 0.});
      FAIL();
    }
  catch (const InputError &e)
    {
      EXPECT_NE(std::string(e.what()).find("Prony relaxation times: term 2"),
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
