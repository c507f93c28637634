/**
 * The Holzapfel-Gasser-Ogden model: consistent tangent against finite
 * differences with fibres in tension, in compression, in shear, with
 * dispersion, one family, random F and with tone; objectivity; fibre stress
 * zero in compression and equal to the closed form in tension (1e-10);
 * fibre directions (a stretch along a family loads it, a stretch
 * perpendicular to coincident families does not); the matrix shear modulus
 * across the layer; defaults and bad input.
 *
 * The tension-only switch makes the stress non-differentiable where a
 * family has E_i = 0 (e.g. at F = I); the finite-difference checks are
 * made away from it.
 */
#include <deal.II/base/parameter_handler.h>

#include <gtest/gtest.h>

#include "material_checks.h"
#include <models/materials/holzapfel_gasser_ogden.h>
#include <models/materials/neo_hookean.h>
#include <solver/exceptions.h>

#include <cmath>
#include <utility>

using namespace FasciaFE;
using namespace FasciaFE::Testing;

namespace
{
  using Parameters = HolzapfelGasserOgden::Parameters;

  Parameters
  parameters(const double       angle_between  = 77.5,
             const double       mean_direction = 0.,
             const double       dispersion     = 0.,
             const unsigned int n_families     = 2)
  {
    Parameters p;
    p.shear_modulus  = 18e3;
    p.poisson_ratio  = 0.45;
    p.k1             = 1e6;
    p.k2             = 10.;
    p.angle_between  = angle_between;
    p.mean_direction = mean_direction;
    p.dispersion     = dispersion;
    p.n_families     = n_families;
    return p;
  }

  /** The matrix alone: neo-Hookean with the same mu and nu. */
  NeoHookean
  matrix(const Parameters &p)
  {
    return NeoHookean(2. * p.shear_modulus * (1. + p.poisson_ratio),
                      p.poisson_ratio);
  }

  /** Rotation by theta [deg] about z. */
  Tensor<2, 3>
  rotation_z(const double theta)
  {
    const double c = std::cos(theta * M_PI / 180.),
                 s = std::sin(theta * M_PI / 180.);
    Tensor<2, 3> R;
    R[0][0] = c, R[0][1] = -s, R[1][0] = s, R[1][1] = c, R[2][2] = 1.;
    return R;
  }

  /** Isochoric uniaxial stretch l along the in-plane angle theta [deg]. */
  Tensor<2, 3>
  uniaxial_along(const double l, const double theta)
  {
    const Tensor<2, 3> R = rotation_z(theta);
    return R * uniaxial(l) * transpose(R);
  }

  /** tau_iso(HGO) - tau_iso(matrix): the fibre part. */
  SymmetricTensor<2, 3>
  fibre_stress(const HolzapfelGasserOgden &m,
               const Parameters           &p,
               const Tensor<2, 3>         &F)
  {
    std::vector<double> h, hn;
    return evaluate(m, F, h, hn).tau_iso -
           evaluate(matrix(p), F, h, hn).tau_iso;
  }
} // namespace

TEST(HolzapfelGasserOgden, TangentMatchesFiniteDifferences)
{
  std::mt19937        rng(21);
  std::vector<double> h;
  for (const Parameters &p : {parameters(),
                              parameters(77.5, 20., 0.1),
                              parameters(60., -10., 0.3),
                              parameters(0., 15., 0., 1)})
    {
      const HolzapfelGasserOgden m(p);
      double                     worst = 0.;
      // Fibres in tension, in compression, mixed (shear), random.
      std::vector<Tensor<2, 3>> Fs = {uniaxial(1.2),
                                      uniaxial(0.8),
                                      uniaxial_along(1.15, 50.),
                                      simple_shear(0.4),
                                      simple_shear(-0.3)};
      for (unsigned int i = 0; i < 20; ++i)
        Fs.push_back(random_deformation(rng));
      for (const auto &F : Fs)
        worst = std::max(worst, tangent_error(m, F, h));
      EXPECT_LT(worst, 1e-6);
      std::cout << "HGO kappa = " << p.dispersion << ", " << p.n_families
                << " families: max tangent error " << worst << std::endl;
    }
  // Fibres are loaded in the tension case and unloaded in compression.
  const Parameters           p = parameters();
  const HolzapfelGasserOgden m(p);
  EXPECT_GT(fibre_stress(m, p, uniaxial(1.2)).norm(), 1e4);
  EXPECT_EQ(fibre_stress(m, p, uniaxial(0.8)).norm(), 0.);
}

TEST(HolzapfelGasserOgden, TangentMatchesFiniteDifferencesWithTone)
{
  const NeuromuscularTone    tone(2e3, 0.3, 1e3, 10., 40., 45.);
  const HolzapfelGasserOgden m(parameters(77.5, 10., 0.05), tone);
  std::mt19937               rng(4);
  std::vector<double>        h(m.n_history_variables());
  m.initialize_history(make_array_view(h));
  h[1]         = 5e3; // compression above the threshold: relaxing
  double worst = 0.;
  for (const auto &F : {uniaxial(1.2), uniaxial(0.8), simple_shear(0.4)})
    worst = std::max(worst, tangent_error(m, F, h));
  for (unsigned int i = 0; i < 10; ++i)
    worst = std::max(worst, tangent_error(m, random_deformation(rng), h));
  EXPECT_LT(worst, 1e-6);
  std::cout << "HGO with tone: max tangent error " << worst << std::endl;
}

TEST(HolzapfelGasserOgden, StressIsObjectiveAndHistoryUnchangedUnderRotation)
{
  const NeuromuscularTone    tone(2e3, 0.3, 1e3, 10., 40., 45.);
  const HolzapfelGasserOgden m(parameters(77.5, 10., 0.1), tone);
  std::mt19937               rng(17);
  std::vector<double>        h(m.n_history_variables()), hn, hq;
  m.initialize_history(make_array_view(h));
  for (unsigned int i = 0; i < 10; ++i)
    {
      const Tensor<2, 3> F   = random_deformation(rng);
      const Tensor<2, 3> Q   = random_rotation(rng);
      const auto         tau = Tensor<2, 3>(evaluate(m, F, h, hn).tau_iso);
      const auto tau_rot     = Tensor<2, 3>(evaluate(m, Q * F, h, hq).tau_iso);
      EXPECT_LT((tau_rot - Q * tau * transpose(Q)).norm(), 1e-10 * tau.norm());
      for (unsigned int k = 0; k < hn.size(); ++k)
        EXPECT_NEAR(hq[k], hn[k], 1e-10 * std::abs(hn[k]) + 1e-12);
    }
}

TEST(HolzapfelGasserOgden, FibreStressZeroInCompressionClosedFormInTension)
{
  const SymmetricTensor<4, 3> P = deviator_tensor<3>();
  for (const double kappa : {0., 0.2})
    {
      // One family along x, isochoric uniaxial stretch l along x.
      const Parameters           p = parameters(0., 0., kappa, 1);
      const HolzapfelGasserOgden m(p);
      for (const double l : {0.7, 0.9, 1.05, 1.2, 1.4})
        {
          const double I1 = l * l + 2. / l;
          const double E = kappa * (I1 - 3.) + (1. - 3. * kappa) * (l * l - 1.);
          SymmetricTensor<2, 3> h;
          h[0][0] = kappa * l * l + (1. - 3. * kappa) * l * l;
          h[1][1] = h[2][2] = kappa / l;
          const SymmetricTensor<2, 3> expected =
            E > 0. ? SymmetricTensor<2, 3>(
                       P * (2. * p.k1 * E * std::exp(p.k2 * E * E) * h)) :
                     SymmetricTensor<2, 3>();
          const SymmetricTensor<2, 3> fibre = fibre_stress(m, p, uniaxial(l));
          if (kappa == 0. && l < 1.)
            {
              EXPECT_EQ(fibre.norm(), 0.) << "shortened fibre carries stress";
            }
          EXPECT_LE((fibre - expected).norm(), 1e-10 * expected.norm())
            << "kappa " << kappa << ", stretch " << l;
          if (kappa == 0. && l > 1.) // tau_11 - tau_22 = 2 psi' l^2
            {
              EXPECT_NEAR(fibre[0][0] - fibre[1][1],
                          2. * p.k1 * E * std::exp(p.k2 * E * E) * l * l,
                          1e-10 * expected.norm());
            }
        }
    }
}

TEST(HolzapfelGasserOgden, StretchAlongAFamilyLoadsOnlyThatFamily)
{
  // Families at 30 +- 38.75 deg: a stretch along family 1 (68.75 deg)
  // shortens family 2, so the response equals a single family at 68.75.
  const Parameters two = parameters(77.5, 30.),
                   one = parameters(0., 68.75, 0., 1);
  const HolzapfelGasserOgden m2(two), m1(one);
  std::vector<double>        h, hn;
  const Tensor<2, 3>         F  = uniaxial_along(1.1, 68.75);
  const auto                 t2 = evaluate(m2, F, h, hn).tau_iso;
  const auto                 t1 = evaluate(m1, F, h, hn).tau_iso;
  EXPECT_GT(fibre_stress(m2, two, F).norm(), 1e5);
  EXPECT_LT((t2 - t1).norm(), 1e-12 * t1.norm());
  // The same stretch along the other family (-8.75 deg) loads family 2.
  const Parameters           other = parameters(0., -8.75, 0., 1);
  const HolzapfelGasserOgden m1b(other);
  const Tensor<2, 3>         G = uniaxial_along(1.1, -8.75);
  const auto                 f = fibre_stress(m2, two, G);
  EXPECT_GT(f.norm(), 1e5);
  EXPECT_LT((f - fibre_stress(m1b, other, G)).norm(), 1e-10 * f.norm());
}

TEST(HolzapfelGasserOgden, StretchPerpendicularToCoincidentFamiliesIsMatrix)
{
  // Both families at 0 deg from a mean direction of 30 deg: a stretch at
  // 120 deg (perpendicular, in-plane) shortens them; one at 30 deg loads.
  const Parameters           p = parameters(0., 30.);
  const HolzapfelGasserOgden m(p);
  std::vector<double>        h, hn;
  for (const double l : {1.05, 1.3})
    {
      const Tensor<2, 3> F = uniaxial_along(l, 120.);
      EXPECT_EQ(fibre_stress(m, p, F).norm(), 0.);
      EXPECT_GT(fibre_stress(m, p, uniaxial_along(l, 30.)).norm(), 1e4);
    }
}

TEST(HolzapfelGasserOgden, ShearAcrossTheLayerSeesOnlyTheMatrix)
{
  // dF = gamma e_x x e_z leaves the in-plane fibres unstretched.
  const Parameters           p = parameters(77.5, 25., 0.);
  const HolzapfelGasserOgden m(p);
  const double               g = 1e-7;
  Tensor<2, 3>               F = unit_symmetric_tensor<3>();
  F[0][2]                      = g;
  std::vector<double> h, hn;
  EXPECT_NEAR(evaluate(m, F, h, hn).tau_iso[0][2] / g,
              m.shear_modulus(),
              1e-5 * m.shear_modulus());
}

TEST(HolzapfelGasserOgden, DefaultsAndRegistry)
{
  ParameterHandler prm;
  HolzapfelGasserOgden::declare_parameters(prm);
  const HolzapfelGasserOgden m(prm);
  EXPECT_DOUBLE_EQ(m.shear_modulus(), 18e3);
  EXPECT_EQ(m.n_history_variables(), 0u);
  const auto a = m.fibre_directions();
  ASSERT_EQ(a.size(), 2u);
  EXPECT_NEAR(std::acos(a[0] * a[1]) * 180. / M_PI, 77.5, 1e-12);
  ParameterHandler all;
  MaterialRegistry::instance().declare_all(all);
  EXPECT_NO_THROW(
    MaterialRegistry::instance().create("Holzapfel-Gasser-Ogden", all));
}

TEST(HolzapfelGasserOgden, RejectsBadInputNamingTheParameter)
{
  for (const auto &[entry, value] :
       std::vector<std::pair<std::string, std::string>>{
         {"Fibre angle between families", "190"},
         {"Fibre angle between families", "-5"},
         {"Fibre dispersion kappa", "0.4"},
         {"Fibre dispersion kappa", "-0.01"},
         {"Fibre stiffness k1", "-1"},
         {"Fibre nonlinearity k2", "0"},
         {"Fibre nonlinearity k2", "-2"},
         {"Number of fibre families", "3"},
         {"Number of fibre families", "0"},
         {"Shear modulus", "0"},
         {"Poisson's ratio", "0.5"}})
    {
      ParameterHandler prm;
      HolzapfelGasserOgden::declare_parameters(prm);
      prm.set(entry, value);
      try
        {
          HolzapfelGasserOgden m(prm);
          FAIL() << "accepted " << entry << " = " << value;
        }
      catch (const InputError &e)
        {
          EXPECT_NE(std::string(e.what()).find(entry), std::string::npos)
            << e.what();
        }
    }
}

int
main(int argc, char **argv)
{
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
