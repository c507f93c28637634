/**
 * Structure-parameter kinetics: the Moore closed form under a constant
 * driver (n = m = 1) within 1e-4, recovery at rest, bounds and monotonicity
 * at huge time steps (unconditional stability), the threshold, the
 * general-exponent update against a fine reference, and bad input.
 */
#include <gtest/gtest.h>

#include <models/thixotropy_kinetics.h>
#include <solver/exceptions.h>

#include <cmath>

using namespace FasciaFE;

TEST(ThixotropyKinetics, ConstantDriverFollowsMooreClosedForm)
{
  const double             a = 0.02, b = 0.05, D = 1.7, lambda0 = 1.;
  const ThixotropyKinetics k(a, b, 1., 1.);
  const double             lambda_ss = a / (a + b * D);
  double                   lambda = lambda0, t = 0., worst = 0.;
  const double             dt = 1e-3;
  for (unsigned int i = 0; i < 200000; ++i)
    {
      lambda = k.update(lambda, D, dt);
      t += dt;
      const double exact =
        lambda_ss + (lambda0 - lambda_ss) * std::exp(-(a + b * D) * t);
      worst = std::max(worst, std::abs(lambda - exact));
    }
  EXPECT_LT(worst, 1e-4);
  EXPECT_NEAR(lambda, lambda_ss, 1e-4);
}

TEST(ThixotropyKinetics, RecoveryAtRestFollowsBuildUpRate)
{
  const double             a = 0.05, lambda0 = 0.2;
  const ThixotropyKinetics k(a, 0.1, 1., 1.);
  double                   lambda = lambda0, worst = 0.;
  for (unsigned int i = 1; i <= 100000; ++i)
    {
      lambda = k.update(lambda, 0., 1e-3);
      worst  = std::max(worst,
                       std::abs(lambda - (1. - (1. - lambda0) *
                                                 std::exp(-a * i * 1e-3))));
    }
  EXPECT_LT(worst, 1e-4);
}

TEST(ThixotropyKinetics, HugeStepsStayInBoundsAndMonotone)
{
  for (const double n : {0.5, 1., 2.})
    {
      const ThixotropyKinetics k(0.5, 3., n, 2.);
      double                   lambda = 1.;
      for (const double dt : {1e3, 1e6, 1e9})
        {
          const double next = k.update(lambda, 5., dt);
          EXPECT_GE(next, 0.);
          EXPECT_LE(next, lambda);
          lambda = next;
        }
      const double back = k.update(lambda, 0., 1e9);
      EXPECT_LE(back, 1.);
      EXPECT_GT(back, 0.999);
    }
}

TEST(ThixotropyKinetics, GeneralExponentsConvergeToFineReference)
{
  const ThixotropyKinetics k(0.1, 0.3, 2., 1.5);
  auto                     integrate = [&](const double dt) {
    double     lambda  = 0.9;
    const long n_steps = std::lround(10. / dt);
    for (long i = 0; i < n_steps; ++i)
      lambda = k.update(lambda, 2., dt);
    return lambda;
  };
  const double fine = integrate(1e-4);
  const double e1   = std::abs(integrate(0.02) - fine);
  const double e2   = std::abs(integrate(0.01) - fine);
  EXPECT_NEAR(e1 / e2, 2., 0.1); // backward Euler: first order
  // the steady state solves k_build (1 - l)^2 = k_break l D^1.5
  double lambda = 0.9;
  for (int i = 0; i < 1000; ++i)
    lambda = k.update(lambda, 2., 10.);
  EXPECT_NEAR(k.rate(lambda, 2.), 0., 1e-12);
}

TEST(ThixotropyKinetics, DriverBelowThresholdBreaksNothing)
{
  const ThixotropyKinetics k(0., 1., 1., 1., 0.5);
  EXPECT_DOUBLE_EQ(k.update(0.8, 0.4, 10.), 0.8);
  EXPECT_DOUBLE_EQ(k.update(0.8, 0.5, 10.), 0.8);
  EXPECT_LT(k.update(0.8, 0.6, 10.), 0.8);
  // Overstress: D = 0.9 with threshold 0.5 acts as D = 0.4 without one.
  const ThixotropyKinetics free(0., 1., 1., 1., 0.);
  EXPECT_DOUBLE_EQ(k.update(0.8, 0.9, 10.), free.update(0.8, 0.4, 10.));
}

TEST(ThixotropyKinetics, RejectsNegativeRatesAndExponents)
{
  EXPECT_THROW(ThixotropyKinetics(-1., 1., 1., 1.), InputError);
  EXPECT_THROW(ThixotropyKinetics(1., -1., 1., 1.), InputError);
  EXPECT_THROW(ThixotropyKinetics(1., 1., 0., 1.), InputError);
  try
    {
      ThixotropyKinetics(1., -0.5, 1., 1.);
      FAIL();
    }
  catch (const InputError &e)
    {
      EXPECT_NE(std::string(e.what()).find("Breakdown rate"),
                std::string::npos);
    }
}

int
main(int argc, char **argv)
{
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
