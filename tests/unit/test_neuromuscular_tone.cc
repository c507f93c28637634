/**
 * Neuromuscular tone: exact relaxation f T0 + (1 - f) T0 exp(-t / tau_n)
 * under a held compression above the threshold and recovery with the
 * recovery constant after unloading (1e-10, with the one-step stagger of
 * the pressure), the active Kirchhoff stress T (F a0) x (F a0), tangent
 * and objectivity with the tone in the Ogden and HGO models, history
 * initialisation and bounds, parameter parsing and bad input.
 */
#include <deal.II/base/parameter_handler.h>

#include <gtest/gtest.h>

#include "material_checks.h"
#include <models/materials/holzapfel_gasser_ogden.h>
#include <models/materials/neuromuscular_tone.h>
#include <models/materials/ogden.h>
#include <solver/exceptions.h>

#include <cmath>
#include <utility>

using namespace FasciaFE;
using namespace FasciaFE::Testing;

namespace
{
  const double T0 = 2000., f = 0.3, threshold = 500., tau_n = 20., tau_r = 70.,
               angle = 30.;

  NeuromuscularTone
  tone()
  {
    return NeuromuscularTone(T0, f, threshold, tau_n, tau_r, angle);
  }
} // namespace

TEST(NeuromuscularTone, RelaxesUnderHeldCompressionAndRecoversAfter)
{
  // mu = 1 kPa, K = 9.67 kPa; J = 0.9 gives -U'(J) = 1.02 kPa > 500 Pa.
  const Ogden         m({1e3}, {2.}, 0.45, tone());
  const Tensor<2, 3>  compressed = unit_symmetric_tensor<3>() * std::cbrt(0.9);
  const Tensor<2, 3>  unloaded   = unit_symmetric_tensor<3>();
  std::vector<double> h(m.n_history_variables()), hn;
  ASSERT_EQ(h.size(), 2u);
  m.initialize_history(make_array_view(h));
  EXPECT_EQ(h[0], T0);
  EXPECT_EQ(h[1], 0.);

  // Step 1 under compression: the pressure of the previous step (0) rules,
  // so T stays T0 (staggered by one step); the compression is stored.
  auto out = evaluate(m, compressed, h, hn, 1.);
  h        = hn;
  EXPECT_EQ(h[0], T0);
  EXPECT_NEAR(h[1], -out.dU_dJ, 1e-12);
  EXPECT_GT(h[1], threshold);

  double t = 0., worst = 0.;
  for (const double dt : {0.5, 1., 2., 5., 10., 3., 20., 40.})
    {
      evaluate(m, compressed, h, hn, dt);
      h = hn;
      t += dt;
      const double exact = f * T0 + (T0 - f * T0) * std::exp(-t / tau_n);
      worst              = std::max(worst, std::abs(h[0] - exact) / T0);
      EXPECT_EQ(m.active_stress(make_array_view(h)), h[0]);
    }
  // First unloaded step: still relaxing (the stored pressure is the loaded
  // one); it stores p = 0.
  evaluate(m, unloaded, h, hn, 2.);
  h = hn;
  t += 2.;
  worst =
    std::max(worst,
             std::abs(h[0] - (f * T0 + (1. - f) * T0 * std::exp(-t / tau_n))) /
               T0);
  EXPECT_NEAR(h[1], 0., 1e-12);
  const double T_u = h[0];
  double       s   = 0.;
  for (const double dt : {1., 5., 10., 30., 60., 100.})
    {
      evaluate(m, unloaded, h, hn, dt);
      h = hn;
      s += dt;
      const double exact = T0 + (T_u - T0) * std::exp(-s / tau_r);
      worst              = std::max(worst, std::abs(h[0] - exact) / T0);
    }
  EXPECT_LT(worst, 1e-10);
  std::cout << "tone relaxation/recovery: max relative error " << worst
            << std::endl;
}

TEST(NeuromuscularTone, ThresholdIsStrictAndUpdateIsExactForAnyStep)
{
  const NeuromuscularTone c = tone();
  // At the threshold: recovery toward T0.
  EXPECT_NEAR(c.update(1000., threshold, 7.),
              T0 + (1000. - T0) * std::exp(-7. / tau_r),
              1e-10 * T0);
  // Above: relaxation, one huge step lands on f T0.
  EXPECT_NEAR(c.update(T0, 2. * threshold, 1e6), f * T0, 1e-10 * T0);
  // Two half steps equal one full step (exact exponential).
  EXPECT_NEAR(c.update(c.update(T0, 1e4, 3.), 1e4, 3.),
              c.update(T0, 1e4, 6.),
              1e-12 * T0);
}

TEST(NeuromuscularTone, ActiveKirchhoffStressIsTFa0xFa0)
{
  const Ogden         with({1e3, 50.}, {2., -3.}, 0.45, tone());
  const Ogden         without({1e3, 50.}, {2., -3.}, 0.45);
  std::mt19937        rng(3);
  std::vector<double> h = {1500., 0.}, hn, none, none_n;
  Tensor<1, 3>        a0;
  a0[0] = std::cos(angle * M_PI / 180.);
  a0[1] = std::sin(angle * M_PI / 180.);
  for (unsigned int i = 0; i < 5; ++i)
    {
      const Tensor<2, 3> F = random_deformation(rng);
      const auto         d = evaluate(with, F, h, hn, 0.1).tau_iso -
                     evaluate(without, F, none, none_n, 0.1).tau_iso;
      const double T = T0 + (1500. - T0) * std::exp(-0.1 / tau_r);
      EXPECT_NEAR(hn[0], T, 1e-10 * T0);
      const Tensor<1, 3>          a = F * a0;
      const SymmetricTensor<2, 3> expected =
        T * symmetrize(outer_product(a, a));
      EXPECT_LT((d - expected).norm(), 1e-12 * expected.norm());
    }
}

TEST(NeuromuscularTone, TangentAndObjectivityInOgdenAndHGO)
{
  HolzapfelGasserOgden::Parameters p;
  p.dispersion = 0.1;
  const Ogden                ogden({1457.94}, {21.4}, 0.495, tone());
  const HolzapfelGasserOgden hgo(p, tone());
  std::mt19937               rng(9);
  for (const Material *m : {static_cast<const Material *>(&ogden),
                            static_cast<const Material *>(&hgo)})
    {
      const std::vector<double> h     = {1200., 3e3};
      double                    worst = 0.;
      for (const auto &F : {uniaxial(1.15), uniaxial(0.85), simple_shear(0.3)})
        worst = std::max(worst, tangent_error(*m, F, h));
      for (unsigned int i = 0; i < 10; ++i)
        worst = std::max(worst, tangent_error(*m, random_deformation(rng), h));
      EXPECT_LT(worst, 1e-6);
      std::cout << "with tone: max tangent error " << worst << std::endl;

      std::vector<double> hn, hq;
      const Tensor<2, 3>  F   = random_deformation(rng, 0.15);
      const Tensor<2, 3>  Q   = random_rotation(rng);
      const auto          tau = Tensor<2, 3>(evaluate(*m, F, h, hn).tau_iso);
      const auto tau_rot = Tensor<2, 3>(evaluate(*m, Q * F, h, hq).tau_iso);
      EXPECT_LT((tau_rot - Q * tau * transpose(Q)).norm(), 1e-10 * tau.norm());
      EXPECT_EQ(hq[0], hn[0]);
      EXPECT_NEAR(hq[1], hn[1], 1e-10 * std::abs(hn[1]));
    }
}

TEST(NeuromuscularTone, HistoryNamesInitialisationAndBounds)
{
  const NeuromuscularTone off;
  EXPECT_EQ(off.n_history_variables(), 0u);
  EXPECT_TRUE(off.history_names().empty());
  const Ogden passive({1e3}, {2.}, 0.3);
  EXPECT_EQ(passive.n_history_variables(), 0u);

  const Ogden m({1e3}, {2.}, 0.3, tone());
  EXPECT_EQ(m.history_names(),
            (std::vector<std::string>{"tone_stress", "tone_pressure"}));
  std::vector<double> h = {5000., 7.};
  m.bound_history(make_array_view(h));
  EXPECT_EQ(h[0], T0);
  h[0] = -3.;
  m.bound_history(make_array_view(h));
  EXPECT_EQ(h[0], f * T0);
  EXPECT_EQ(h[1], 7.);
}

TEST(NeuromuscularTone, ParsedFromTheModelSubsection)
{
  ParameterHandler prm;
  HolzapfelGasserOgden::declare_parameters(prm);
  prm.enter_subsection("Tone");
  prm.set("Enable", "true");
  prm.set("Resting tone stress", "1234");
  prm.leave_subsection();
  const HolzapfelGasserOgden m(prm);
  ASSERT_EQ(m.n_history_variables(), 2u);
  std::vector<double> h(2);
  m.initialize_history(make_array_view(h));
  EXPECT_EQ(h[0], 1234.);
  EXPECT_EQ(m.active_stress(make_array_view(h)), 1234.);
}

TEST(NeuromuscularTone, RejectsBadInputNamingTheParameter)
{
  for (const auto &[entry, value] :
       std::vector<std::pair<std::string, std::string>>{
         {"Resting tone stress", "-5"},
         {"Relaxed fraction", "1.5"},
         {"Relaxed fraction", "-0.1"},
         {"Pressure threshold", "-1"},
         {"Relaxation time constant", "0"},
         {"Recovery time constant", "-1"}})
    {
      ParameterHandler prm;
      NeuromuscularTone::declare_parameters(prm);
      prm.enter_subsection("Tone");
      prm.set(entry, value);
      prm.leave_subsection();
      try
        {
          NeuromuscularTone t;
          t.parse_parameters(prm);
          FAIL() << "accepted " << entry << " = " << value;
        }
      catch (const InputError &e)
        {
          EXPECT_NE(std::string(e.what()).find("Tone/" + entry),
                    std::string::npos)
            << e.what();
        }
    }
  EXPECT_THROW(NeuromuscularTone(T0, f, threshold, 0., tau_r, 0.), InputError);
}

int
main(int argc, char **argv)
{
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
