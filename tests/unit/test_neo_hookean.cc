#include <deal.II/base/mpi.h>

#include <gtest/gtest.h>

#include "material_checks.h"
#include <models/materials/neo_hookean.h>

using namespace FasciaFE;
using namespace FasciaFE::Testing;

TEST(NeoHookean, TangentMatchesFiniteDifferencesUniaxialShearRandom)
{
  const NeoHookean    m(1e4, 0.45);
  std::mt19937        rng(42);
  std::vector<double> h;
  EXPECT_LT(tangent_error(m, uniaxial(1.3), h), 1e-6);
  EXPECT_LT(tangent_error(m, uniaxial(0.7), h), 1e-6);
  EXPECT_LT(tangent_error(m, simple_shear(0.5), h), 1e-6);
  for (unsigned int i = 0; i < 20; ++i)
    EXPECT_LT(tangent_error(m, random_deformation(rng), h), 1e-6);
}

TEST(NeoHookean, VolumetricDerivativesMatchFiniteDifferencesOfEnergy)
{
  const NeoHookean    m(1e4, 0.49);
  std::vector<double> h, hn;
  for (const double J : {0.8, 1.0, 1.2})
    {
      Tensor<2, 3> F = unit_symmetric_tensor<3>() * std::cbrt(J);
      const double e = 1e-6;
      const auto   o = evaluate(m, F, h, hn);
      const auto   p = evaluate(m, F * std::cbrt((J + e) / J), h, hn);
      const auto   q = evaluate(m, F * std::cbrt((J - e) / J), h, hn);
      EXPECT_NEAR(o.dU_dJ,
                  (p.energy - q.energy) / (2 * e),
                  1e-6 * m.bulk_modulus());
      EXPECT_NEAR(o.d2U_dJ2,
                  (p.dU_dJ - q.dU_dJ) / (2 * e),
                  1e-6 * m.bulk_modulus());
    }
}

TEST(NeoHookean, StressIsObjectiveUnderSuperposedRotation)
{
  const NeoHookean    m(2e4, 0.3);
  std::mt19937        rng(7);
  std::vector<double> h, hn;
  for (unsigned int i = 0; i < 10; ++i)
    {
      const Tensor<2, 3> F   = random_deformation(rng);
      const Tensor<2, 3> Q   = random_rotation(rng);
      const auto         tau = Tensor<2, 3>(evaluate(m, F, h, hn).tau_iso);
      const auto tau_rot     = Tensor<2, 3>(evaluate(m, Q * F, h, hn).tau_iso);
      EXPECT_LT((tau_rot - Q * tau * transpose(Q)).norm(), 1e-10 * tau.norm());
    }
}

TEST(NeoHookean, SmallStrainLimitGivesShearAndBulkModulus)
{
  const double        E = 1e4, nu = 0.3, g = 1e-7;
  const NeoHookean    m(E, nu);
  std::vector<double> h, hn;
  const auto          shear = evaluate(m, simple_shear(g), h, hn);
  EXPECT_NEAR(shear.tau_iso[0][1] / g, E / (2 * (1 + nu)), 1e-5 * E);
  Tensor<2, 3> F = unit_symmetric_tensor<3>() * (1. + g);
  const auto   v = evaluate(m, F, h, hn);
  EXPECT_NEAR(v.dU_dJ / (3 * g), E / (3 * (1 - 2 * nu)), 1e-5 * E);
}

TEST(NeoHookean, RejectsNonPositiveModulusAndIncompressiblePoissonRatio)
{
  for (const auto &[E, nu, what] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
         {"0", "0.3", "Young's modulus"},
         {"1e4", "0.5", "Poisson's ratio"}})
    {
      ParameterHandler prm;
      NeoHookean::declare_parameters(prm);
      prm.set("Young's modulus", E);
      prm.set("Poisson's ratio", nu);
      try
        {
          NeoHookean m(prm);
          FAIL() << "accepted E = " << E << ", nu = " << nu;
        }
      catch (const InputError &e)
        {
          EXPECT_NE(std::string(e.what()).find(what), std::string::npos)
            << e.what();
        }
    }
}

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
