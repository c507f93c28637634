/**
 * The Ogden model and the spectral/isochoric helpers: consistent tangent
 * against finite differences (identity, uniaxial stretch and compression,
 * simple shear, random F; 1, 3 terms; with tone), the Simo-Taylor spectral
 * tangent of a coupled (Hencky) principal function, objectivity, one term
 * with alpha = 2 equal to neo-Hookean (1e-12), the incompressible uniaxial
 * closed form (isochoric F to 1e-12; nearly incompressible with the
 * lateral stretch solved for zero lateral stress to 1e-6), the small-strain
 * shear modulus of the defaults (Bosboom01), and bad input.
 */
#include <deal.II/base/parameter_handler.h>

#include <gtest/gtest.h>

#include "material_checks.h"
#include <models/materials/isochoric.h>
#include <models/materials/neo_hookean.h>
#include <models/materials/ogden.h>
#include <solver/exceptions.h>

#include <cmath>
#include <utility>

using namespace FasciaFE;
using namespace FasciaFE::Testing;

namespace
{
  /**
   * A "material" whose tau_iso is the spectral response of the Hencky
   * function tau_a = 2 G ln lambda_a + L sum_b ln lambda_b of b = F F^T
   * (coupled: d tau_a / d ln lambda_b = 2 G delta_ab + L), to check the
   * spectral tangent formula itself, off-diagonal terms included.
   */
  class HenckySpectral : public Material
  {
  public:
    void
    evaluate(const MaterialInput &in, MaterialOutput &out) const override
    {
      const auto r =
        spectral_response(symmetrize(in.F * transpose(in.F)),
                          [](const std::array<double, 3> &lambda) {
                            const double      G = 3e3, L = 7e3;
                            PrincipalStresses s  = {};
                            double            tr = 0.;
                            for (const double l : lambda)
                              tr += std::log(l);
                            for (unsigned int a = 0; a < 3; ++a)
                              {
                                s.tau[a] =
                                  2. * G * std::log(lambda[a]) + L * tr;
                                for (unsigned int b = 0; b < 3; ++b)
                                  s.dtau[a][b] = (a == b ? 2. * G : 0.) + L;
                              }
                            return s;
                          });
      out.tau_iso = r.tau;
      out.c_iso   = r.c;
    }
    double
    shear_modulus() const override
    {
      return 3e3;
    }
    double
    bulk_modulus() const override
    {
      return 9e3;
    }
  };

  /**
   * Identity, uniaxial stretch and compression, simple shear, optionally
   * nearly repeated stretches, then random F.
   */
  std::vector<Tensor<2, 3>>
  test_deformations(std::mt19937      &rng,
                    const unsigned int n_random,
                    const bool         near_repeated = true)
  {
    std::vector<Tensor<2, 3>> Fs = {unit_symmetric_tensor<3>(),
                                    uniaxial(1.3),
                                    uniaxial(0.7),
                                    simple_shear(0.5)};
    // Nearly repeated stretches on both sides of the switch to the
    // L'Hopital limit (|ln lambda_a - ln lambda_b| = 1e-6), rotated so that
    // the eigenvectors are not the coordinate axes.
    if (near_repeated)
      for (const double split : {3e-8, 5e-7, 2e-6, 1e-5})
        {
          Tensor<2, 3> F = uniaxial(1.3);
          F[2][2] *= 1. + split;
          const Tensor<2, 3> Q = random_rotation(rng);
          Fs.push_back(Q * F * transpose(Q));
        }
    for (unsigned int i = 0; i < n_random; ++i)
      Fs.push_back(random_deformation(rng));
    return Fs;
  }

  double
  relative(const SymmetricTensor<4, 3> &a, const SymmetricTensor<4, 3> &b)
  {
    return (a - b).norm() / std::max(b.norm(), 1e-300);
  }
} // namespace

TEST(Ogden, SpectralTangentOfCoupledPrincipalFunctionMatchesFD)
{
  const HenckySpectral m;
  std::mt19937         rng(5);
  std::vector<double>  h;
  double               worst = 0.;
  for (const auto &F : test_deformations(rng, 20))
    worst = std::max(worst, tangent_error(m, F, h));
  EXPECT_LT(worst, 1e-6);
  std::cout << "Hencky spectral tangent: max error " << worst << std::endl;
}

TEST(Ogden, TangentMatchesFiniteDifferencesUniaxialShearRandom)
{
  std::mt19937        rng(42);
  std::vector<double> h;
  for (const Ogden &m : {Ogden({1457.94}, {21.4}, 0.495),
                         Ogden({5e3, 50., -100.}, {1.3, 5., -2.}, 0.45),
                         Ogden({2e3, 1e3}, {-3., 8.}, 0.3)})
    {
      double worst = 0.;
      for (const auto &F : test_deformations(rng, 20))
        worst = std::max(worst, tangent_error(m, F, h));
      EXPECT_LT(worst, 1e-6);
      std::cout << "Ogden mu = " << m.shear_modulus()
                << " Pa: max tangent error " << worst << std::endl;
    }
}

TEST(Ogden, TangentMatchesFiniteDifferencesWithTone)
{
  const NeuromuscularTone tone(800., 0.4, 100., 5., 20., 30.);
  const Ogden             m({3e3, 200.}, {2.5, -4.}, 0.45, tone);
  std::mt19937            rng(8);
  std::vector<double>     h(m.n_history_variables());
  m.initialize_history(make_array_view(h));
  h[0]         = 600.; // partly relaxed tone
  h[1]         = 500.; // compression above the threshold
  double worst = 0.;
  for (const auto &F : test_deformations(rng, 10))
    worst = std::max(worst, tangent_error(m, F, h));
  EXPECT_LT(worst, 1e-6);
  std::cout << "Ogden with tone: max tangent error " << worst << std::endl;
}

TEST(Ogden, StressIsObjectiveAndHistoryUnchangedUnderRotation)
{
  const NeuromuscularTone tone(800., 0.4, 100., 5., 20., 30.);
  const Ogden             m({1457.94, 300.}, {21.4, -2.}, 0.49, tone);
  std::mt19937            rng(7);
  std::vector<double>     h(m.n_history_variables()), hn, hq;
  m.initialize_history(make_array_view(h));
  for (unsigned int i = 0; i < 10; ++i)
    {
      const Tensor<2, 3> F   = random_deformation(rng, 0.15);
      const Tensor<2, 3> Q   = random_rotation(rng);
      const auto         tau = Tensor<2, 3>(evaluate(m, F, h, hn).tau_iso);
      const auto tau_rot     = Tensor<2, 3>(evaluate(m, Q * F, h, hq).tau_iso);
      EXPECT_LT((tau_rot - Q * tau * transpose(Q)).norm(), 1e-10 * tau.norm());
      for (unsigned int k = 0; k < hn.size(); ++k)
        EXPECT_NEAR(hq[k], hn[k], 1e-10 * std::abs(hn[k]) + 1e-12);
    }
}

TEST(Ogden, OneTermWithAlphaTwoIsNeoHookean)
{
  const double        mu = 4e3, nu = 0.42;
  const Ogden         ogden({mu}, {2.}, nu);
  const NeoHookean    neo(2. * mu * (1. + nu), nu);
  std::mt19937        rng(13);
  std::vector<double> h, hn;
  for (const auto &F : test_deformations(rng, 20, false))
    {
      const auto o = evaluate(ogden, F, h, hn);
      const auto n = evaluate(neo, F, h, hn);
      EXPECT_LT((o.tau_iso - n.tau_iso).norm(), 1e-12 * mu);
      EXPECT_LT(relative(o.c_iso, n.c_iso), 1e-12);
      EXPECT_NEAR(o.dU_dJ, n.dU_dJ, 1e-12 * mu);
      EXPECT_NEAR(o.energy, n.energy, 1e-12 * mu);
    }
  // Nearly repeated stretches: gamma_ab = (tau_a x_b - tau_b x_a) /
  // (x_a - x_b) loses about 1e-16 / |ln(x_a / x_b)| to cancellation just
  // above the switch to the L'Hopital limit, hence 1e-10 there.
  for (const double split : {3e-8, 5e-7, 2e-6, 1e-5})
    {
      Tensor<2, 3> F = uniaxial(1.3);
      F[2][2] *= 1. + split;
      const Tensor<2, 3> Q = random_rotation(rng);
      const auto         o = evaluate(ogden, Q * F * transpose(Q), h, hn);
      const auto         n = evaluate(neo, Q * F * transpose(Q), h, hn);
      EXPECT_LT((o.tau_iso - n.tau_iso).norm(), 1e-12 * mu);
      EXPECT_LT(relative(o.c_iso, n.c_iso), 1e-10);
    }
  EXPECT_DOUBLE_EQ(ogden.shear_modulus(), mu);
  EXPECT_NEAR(ogden.bulk_modulus(), neo.bulk_modulus(), 1e-9 * mu);
}

TEST(Ogden, UniaxialIncompressibleClosedForm)
{
  const std::vector<double> mu = {5e3, 50., -100.}, alpha = {1.3, 5., -2.};
  auto                      closed_form = [&](const double l) {
    double s = 0.;
    for (unsigned int p = 0; p < mu.size(); ++p)
      s += mu[p] * (std::pow(l, alpha[p]) - std::pow(l, -alpha[p] / 2.));
    return s;
  };
  std::vector<double> h, hn;
  // Isochoric uniaxial F: sigma_11 - sigma_22 is the closed form exactly.
  const Ogden m(mu, alpha, 0.45);
  for (const double l : {0.6, 0.9, 1.1, 1.5, 2.})
    {
      const auto o = evaluate(m, uniaxial(l), h, hn);
      EXPECT_NEAR(o.tau_iso[0][0] - o.tau_iso[1][1],
                  closed_form(l),
                  1e-12 * std::abs(closed_form(l)));
    }
  // Nearly incompressible: F = diag(l, s, s), s solved by bisection for a
  // zero total lateral Kirchhoff stress; then sigma_11 = tau_11 / J.
  const Ogden nearly(mu, alpha, 0.49999999);
  double      worst = 0.;
  for (const double l : {0.7, 0.9, 1.1, 1.4})
    {
      auto lateral = [&](const double s) {
        Tensor<2, 3> F;
        F[0][0] = l, F[1][1] = F[2][2] = s;
        const auto o = evaluate(nearly, F, h, hn);
        return kirchhoff(o, determinant(F))[1][1];
      };
      double lo = 0.8 / std::sqrt(l), hi = 1.2 / std::sqrt(l);
      ASSERT_LT(lateral(lo) * lateral(hi), 0.);
      for (unsigned int it = 0; it < 200 && hi - lo > 1e-16; ++it)
        {
          const double mid                            = 0.5 * (lo + hi);
          (lateral(mid) * lateral(lo) > 0. ? lo : hi) = mid;
        }
      Tensor<2, 3> F;
      F[0][0] = l, F[1][1] = F[2][2] = 0.5 * (lo + hi);
      const double J     = determinant(F);
      const double sigma = kirchhoff(evaluate(nearly, F, h, hn), J)[0][0] / J;
      worst = std::max(worst, std::abs(sigma / closed_form(l) - 1.));
    }
  EXPECT_LT(worst, 1e-6);
  std::cout << "nearly incompressible uniaxial: max relative error " << worst
            << std::endl;
}

TEST(Ogden, DefaultsGiveBosboomShearModulus)
{
  ParameterHandler prm;
  Ogden::declare_parameters(prm);
  const Ogden m(prm);
  EXPECT_NEAR(m.shear_modulus(), 15.6e3, 0.1);
  EXPECT_EQ(m.n_history_variables(), 0u); // tone off by default
  const double        g = 1e-7;
  std::vector<double> h, hn;
  EXPECT_NEAR(evaluate(m, simple_shear(g), h, hn).tau_iso[0][1] / g,
              m.shear_modulus(),
              1e-4 * m.shear_modulus());
  EXPECT_NEAR(m.bulk_modulus() / m.shear_modulus(), 2. * 1.495 / 0.03, 1e-9);
  // Registered under its name, built from its own subsection.
  ParameterHandler all;
  MaterialRegistry::instance().declare_all(all);
  EXPECT_NO_THROW(MaterialRegistry::instance().create("Ogden", all));
}

TEST(Ogden, RejectsBadInputNamingTheParameter)
{
  using Settings = std::vector<std::pair<std::string, std::string>>;
  for (const auto &[settings, what] :
       std::vector<std::pair<Settings, std::string>>{
         {{{"Ogden moduli", "1e3, 2e3"}, {"Ogden exponents", "2"}},
          "Ogden moduli (2 values) and Ogden exponents (1 values)"},
         {{{"Ogden moduli", "1,1,1,1"}, {"Ogden exponents", "2,2,2,2"}},
          "Ogden moduli: between 1 and 3 terms"},
         {{{"Ogden moduli", ""}, {"Ogden exponents", ""}},
          "Ogden moduli: between 1 and 3 terms"},
         {{{"Ogden moduli", "1e3"}, {"Ogden exponents", "0"}},
          "Ogden exponents: term 1"},
         {{{"Ogden moduli", "-1e3"}, {"Ogden exponents", "2"}},
          "small-strain shear modulus"},
         {{{"Poisson's ratio", "0.5"}}, "Poisson's ratio"},
         {{{"Poisson's ratio", "-1"}}, "Poisson's ratio"}})
    {
      ParameterHandler prm;
      Ogden::declare_parameters(prm);
      for (const auto &[entry, value] : settings)
        prm.set(entry, value);
      try
        {
          Ogden m(prm);
          FAIL() << "accepted " << settings[0].first << " = "
                 << settings[0].second;
        }
      catch (const InputError &e)
        {
          EXPECT_NE(std::string(e.what()).find(what), std::string::npos)
            << e.what();
        }
    }
  // A bad tone parameter in the model's "Tone" subsection.
  ParameterHandler prm;
  Ogden::declare_parameters(prm);
  prm.enter_subsection("Tone");
  prm.set("Relaxed fraction", "1.5");
  prm.leave_subsection();
  try
    {
      Ogden m(prm);
      FAIL() << "accepted a relaxed fraction of 1.5";
    }
  catch (const InputError &e)
    {
      EXPECT_NE(std::string(e.what()).find("Tone/Relaxed fraction"),
                std::string::npos)
        << e.what();
    }
}

int
main(int argc, char **argv)
{
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
