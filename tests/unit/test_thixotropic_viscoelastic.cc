/**
 * The thixotropic viscoelastic model at one material point: consistent
 * (non-symmetric) tangent against finite differences for every breakdown
 * driver and blend law, objectivity (stress rotates, lambda unchanged),
 * the Moore closed form under a constant driver (n = m = 1, 1e-4), recovery
 * at rest at k_build, reduction to the viscoelastic model at lambda = 1,
 * the sol modulus at lambda = 0, bounds under extreme steps, bad input.
 */
#include <deal.II/base/mpi.h>

#include <gtest/gtest.h>

#include "material_checks.h"
#include <models/materials/thixotropic_viscoelastic.h>
#include <models/materials/viscoelastic_neo_hookean.h>

using namespace FasciaFE;
using namespace FasciaFE::Testing;
using Driver = ThixotropicViscoelastic::Driver;
using Law    = StructureBlend::Law;

namespace
{
  const Driver all_drivers[4] = {Driver::stress,
                                 Driver::pressure,
                                 Driver::dissipation,
                                 Driver::shear_rate};
  /** References giving D of order 1 in the tests below. */
  double
  reference(const Driver d)
  {
    return d == Driver::stress      ? 300. :
           d == Driver::pressure    ? 2e3 :
           d == Driver::dissipation ? 50. :
                                      0.5;
  }

  ThixotropicViscoelastic
  model(const Driver d,
        const Law    modulus_law   = Law::linear,
        const Law    viscosity_law = Law::exponential,
        const double n             = 1.,
        const double m             = 1.5)
  {
    return ThixotropicViscoelastic(3e3,
                                   0.45,
                                   {2e3, 800.},
                                   {0.7, 6.},
                                   ThixotropyKinetics(0.05, 0.4, n, m),
                                   d,
                                   reference(d),
                                   StructureBlend(modulus_law, 0.3, 2.),
                                   StructureBlend(viscosity_law, 0.1, 2.));
  }

  /** History after a ramp from I to F (times R) in n steps of dt. */
  std::vector<double>
  loaded_history(const Material     &m,
                 const Tensor<2, 3> &F,
                 const unsigned int  n,
                 const double        dt,
                 const Tensor<2, 3> &R = unit_symmetric_tensor<3>())
  {
    std::vector<double> h(m.n_history_variables()), hn;
    m.initialize_history(make_array_view(h));
    const Tensor<2, 3> I = unit_symmetric_tensor<3>();
    for (unsigned int k = 1; k <= n; ++k)
      {
        evaluate(m, R * (I + (double(k) / n) * (F - I)), h, hn, dt);
        h = hn;
      }
    return h;
  }

  /** Deformations: uniaxial tension and compression (volume-changing for
   * the pressure driver), simple shear, random. */
  std::vector<Tensor<2, 3>>
  deformations()
  {
    std::mt19937 rng(5);
    return {uniaxial(1.25),
            0.95 * uniaxial(0.8),
            simple_shear(0.45),
            random_deformation(rng, 0.25),
            0.97 * random_deformation(rng, 0.25)};
  }
} // namespace

TEST(ThixotropicViscoelastic, TangentMatchesFiniteDifferencesForEveryDriver)
{
  for (const Driver d : all_drivers)
    for (const Law law : {Law::linear, Law::power, Law::exponential})
      {
        const auto m = model(d, law, law);
        for (Tensor<2, 3> F : deformations())
          {
            // The pressure driver is max(0, -U'(J~)): keep J~ < 1, away
            // from its kink at J~ = 1.
            if (d == Driver::pressure)
              F *= 0.93 / std::max(1., std::cbrt(determinant(F)));
            const Tensor<2, 3> I = unit_symmetric_tensor<3>();
            const auto         h = loaded_history(m, I + 0.9 * (F - I), 4, 0.3);
            EXPECT_LT(h[0], 1.)
              << "no breakdown, driver " << int(d) << " J " << determinant(F);
            const double error = tangent_error(m, F, h);
            EXPECT_LT(error, 1e-6)
              << "driver " << int(d) << " law " << int(law);
          }
      }
}

TEST(ThixotropicViscoelastic, HouskaExponentsKeepTheTangentConsistent)
{
  const auto m = model(Driver::stress, Law::linear, Law::linear, 2., 0.7);
  for (const Tensor<2, 3> &F : deformations())
    {
      const Tensor<2, 3> I = unit_symmetric_tensor<3>();
      const auto         h = loaded_history(m, I + 0.9 * (F - I), 4, 0.3);
      EXPECT_LT(tangent_error(m, F, h), 1e-6);
    }
}

TEST(ThixotropicViscoelastic, StressRotatesAndLambdaIsUnchangedUnderRotation)
{
  std::mt19937 rng(17);
  for (const Driver d : all_drivers)
    {
      const auto m = model(d);
      for (unsigned int i = 0; i < 3; ++i)
        {
          const Tensor<2, 3>  F  = 0.9 * random_deformation(rng);
          const Tensor<2, 3>  R  = random_rotation(rng);
          const auto          h  = loaded_history(m, F, 3, 0.4);
          const auto          hr = loaded_history(m, F, 3, 0.4, R);
          std::vector<double> hn, hrn;
          const auto          t =
            Tensor<2, 3>(evaluate(m, F * 1.02, h, hn, 0.4).tau_iso);
          const auto tr =
            Tensor<2, 3>(evaluate(m, R * F * 1.02, hr, hrn, 0.4).tau_iso);
          EXPECT_LT((tr - R * t * transpose(R)).norm(), 1e-10 * t.norm());
          EXPECT_NEAR(hn[0], hrn[0], 1e-12);
          EXPECT_LT(hn[0], 1.);
        }
    }
}

TEST(ThixotropicViscoelastic, ConstantDriverFollowsMooreClosedForm)
{
  // No Maxwell branch and lambda-independent moduli: under a held
  // deformation the stress driver is constant, and lambda must follow
  // lambda_ss + (lambda_0 - lambda_ss) exp(-(a + b D) t) (physics.md 3).
  const double a = 0.02, b = 0.1, tau_ref = 200.;
  for (const Driver d : {Driver::stress, Driver::pressure})
    {
      const ThixotropicViscoelastic m(3e3,
                                      0.45,
                                      {},
                                      {},
                                      ThixotropyKinetics(a, b, 1., 1.),
                                      d,
                                      d == Driver::stress ? tau_ref : 1e3,
                                      StructureBlend(Law::linear, 1., 1.),
                                      StructureBlend(Law::linear, 1., 1.));
      const Tensor<2, 3>            F = 0.97 * uniaxial(1.3);
      std::vector<double>           h(m.n_history_variables()), hn;
      m.initialize_history(make_array_view(h));
      const double dt = 1e-3;
      double       D = 0., worst = 0.;
      for (unsigned int k = 1; k <= 60000; ++k)
        {
          evaluate(m, F, h, hn, dt);
          h = hn;
          if (k == 1)
            D = ThixotropicViscoelastic::driver_value(make_array_view(h));
          const double ss    = a / (a + b * D);
          const double exact = ss + (1. - ss) * std::exp(-(a + b * D) * k * dt);
          worst              = std::max(worst, std::abs(h[0] - exact));
        }
      EXPECT_GT(D, 0.5);
      EXPECT_LT(h[0], 0.5) << "the hold must break the structure down";
      EXPECT_LT(worst, 1e-4);
    }
}

TEST(ThixotropicViscoelastic, RecoversAtRestWithBuildUpRate)
{
  const auto          m = model(Driver::stress);
  std::vector<double> h(m.n_history_variables()), hn;
  m.initialize_history(make_array_view(h));
  h[0]                  = 0.3;
  const double       dt = 1e-3, k = 0.05;
  const Tensor<2, 3> I     = unit_symmetric_tensor<3>();
  double             worst = 0.;
  for (unsigned int i = 1; i <= 40000; ++i)
    {
      evaluate(m, I, h, hn, dt);
      h = hn;
      worst =
        std::max(worst, std::abs(h[0] - (1. - 0.7 * std::exp(-k * i * dt))));
    }
  EXPECT_LT(worst, 1e-4);
}

TEST(ThixotropicViscoelastic, GelLimitIsTheViscoelasticModel)
{
  // No breakdown (k_break = 0) at lambda = 1: identical to the
  // viscoelastic neo-Hookean model with the gel properties.
  const ThixotropicViscoelastic m(3e3,
                                  0.45,
                                  {2e3, 800.},
                                  {0.7, 6.},
                                  ThixotropyKinetics(0.05, 0., 1., 1.),
                                  Driver::stress,
                                  300.,
                                  StructureBlend(Law::linear, 0.3, 1.),
                                  StructureBlend(Law::exponential, 0.1, 1.));
  const ViscoelasticNeoHookean  v(3e3, 0.45, {2e3, 800.}, {0.7, 6.});
  EXPECT_TRUE(m.symmetric_tangent());
  std::mt19937        rng(2);
  const Tensor<2, 3>  F = random_deformation(rng);
  const auto          h = loaded_history(m, F, 5, 0.3);
  const auto          g = loaded_history(v, F, 5, 0.3);
  std::vector<double> hn, gn;
  const auto          a = evaluate(m, F * 1.03, h, hn, 0.3);
  const auto          b = evaluate(v, F * 1.03, g, gn, 0.3);
  EXPECT_LT((a.tau_iso - b.tau_iso).norm(), 1e-12 * b.tau_iso.norm());
  EXPECT_LT((a.c_iso - b.c_iso).norm(), 1e-12 * b.c_iso.norm());
  EXPECT_DOUBLE_EQ(hn[0], 1.);
}

TEST(ThixotropicViscoelastic, SolLimitHasTheSolModulus)
{
  const double                  r = 0.3, mu = 3e3 / (2. * 1.45);
  const ThixotropicViscoelastic m(3e3,
                                  0.45,
                                  {},
                                  {},
                                  ThixotropyKinetics(0., 0., 1., 1.),
                                  Driver::stress,
                                  300.,
                                  StructureBlend(Law::power, r, 2.),
                                  StructureBlend(Law::linear, 1., 1.),
                                  0.);
  const ViscoelasticNeoHookean  sol(2. * 1.45 * r * mu, 0.45, {}, {});
  std::vector<double>           h(m.n_history_variables()), hn, gn;
  std::vector<double>           g(sol.n_history_variables(), 0.);
  m.initialize_history(make_array_view(h));
  const auto a = evaluate(m, simple_shear(0.3), h, hn, 0.1);
  const auto b = evaluate(sol, simple_shear(0.3), g, gn, 0.1);
  EXPECT_LT((a.tau_iso - b.tau_iso).norm(), 1e-12 * b.tau_iso.norm());
}

TEST(ThixotropicViscoelastic, LambdaStaysInUnitIntervalForExtremeSteps)
{
  for (const Driver d : all_drivers)
    {
      const auto m = model(d, Law::power, Law::exponential, 0.5, 3.);
      for (const double dt : {1e-8, 1., 1e6})
        {
          std::vector<double> h(m.n_history_variables()), hn;
          m.initialize_history(make_array_view(h));
          evaluate(m, 0.9 * uniaxial(2.), h, hn, dt);
          EXPECT_GE(hn[0], 0.);
          EXPECT_LE(hn[0], 1.);
          evaluate(m, unit_symmetric_tensor<3>(), hn, h, dt);
          EXPECT_GE(h[0], 0.);
          EXPECT_LE(h[0], 1.);
        }
    }
}

TEST(ThixotropicViscoelastic, RejectsBadInput)
{
  const StructureBlend     lin(Law::linear, 0.5, 1.);
  const ThixotropyKinetics k(0.1, 0.1, 1., 1.);
  auto                     make = [&](const std::vector<double> &G,
                  const std::vector<double> &tau,
                  const double               ref,
                  const double               lambda0) {
    return ThixotropicViscoelastic(1e3,
                                   0.45,
                                   G,
                                   tau,
                                   k,
                                   Driver::stress,
                                   ref,
                                   lin,
                                   lin,
                                   lambda0);
  };
  EXPECT_THROW(make({1e3}, {0.}, 1., 1.), InputError);
  EXPECT_THROW(make({1e3}, {1., 2.}, 1., 1.), InputError);
  EXPECT_THROW(make({1e3}, {1.}, 0., 1.), InputError);
  EXPECT_THROW(make({1e3}, {1.}, 1., 1.5), InputError);
  EXPECT_THROW(make({1e3}, {1.}, 1., -0.1), InputError);
  EXPECT_THROW(ThixotropyKinetics(-0.1, 0.1, 1., 1.), InputError);
  EXPECT_THROW(ThixotropyKinetics(0.1, -0.1, 1., 1.), InputError);
  EXPECT_THROW(StructureBlend(Law::exponential, 0., 1.), InputError);
  EXPECT_THROW(StructureBlend(Law::power, 0.5, 0.5), InputError);
  try
    {
      make({1e3}, {1.}, 1., 2.);
      FAIL();
    }
  catch (const InputError &e)
    {
      EXPECT_NE(std::string(e.what()).find("Initial structure"),
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
