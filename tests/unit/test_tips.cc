// Unit tests of the tip shapes: exact signed distance, gradient and Hessian
// of the sphere, the flat punch and the cylinder (roller), and their
// registration.

#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <gtest/gtest.h>

#include "tip_checks.h"
#include <models/tip.h>
#include <models/tips/cylinder_tip.h>
#include <models/tips/flat_punch_tip.h>
#include <models/tips/sphere_tip.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace dealii;
using namespace FasciaFE;
using namespace FasciaFE::Tips;

namespace
{
  /** A test point and its known signed distance. */
  struct Sample
  {
    Point<3> x;
    double   phi;
  };

  /**
   * Points offset by t along the normal of a surface point p with outward
   * unit normal n: outside (0 < t < 2 size, log-uniform so that points very
   * close to the surface occur) or inside (-0.9 t_max < t < 0, where t_max
   * is the depth up to which p stays the unique nearest surface point).
   * The exact signed distance of p + t n is t. Around a sharp edge only
   * outside points exist (0.001 size < t < 2 size).
   */
  struct SampleGenerator
  {
    double
    uniform(const double a, const double b)
    {
      return std::uniform_real_distribution<double>(a, b)(random);
    }

    void
    add(const Point<3>      &p,
        const Tensor<1, 3>  &n,
        const double         t_max,
        std::vector<Sample> &samples)
    {
      double t;
      // Near a sharp edge the level sets are circles of radius t, so the
      // finite-difference stencil of the checks must stay much smaller than t.
      if (sharp)
        t = size * std::pow(10., uniform(-3., std::log10(2.)));
      else if (uniform(0., 1.) < 0.5)
        t = size * std::pow(10., uniform(-6., std::log10(2.)));
      else
        t = -0.9 * t_max * std::pow(10., uniform(-6., 0.));
      samples.push_back({p + t * n, t});
    }

    /** Unit vector uniformly distributed on the sphere. */
    Tensor<1, 3>
    direction()
    {
      const double z   = uniform(-1., 1.);
      const double psi = uniform(0., 2. * numbers::PI);
      const double r   = std::sqrt(1. - z * z);
      return Tensor<1, 3>({r * std::cos(psi), r * std::sin(psi), z});
    }

    const double size;
    bool         sharp = false;
    std::mt19937 random{20240611};
  };

  /**
   * Samples near every surface piece of a rounded cylinder (centre c, axis
   * the coordinate direction k, radius a, half length h, fillet r_f): both flat
   * ends, the wall and both torus fillets (or, for r_f = 0, the wedges
   * outside both sharp edges). Parameters stay 1% away from the piece
   * boundaries, so no finite-difference stencil crosses them.
   */
  std::vector<Sample>
  rounded_cylinder_samples(const Point<3>    &c,
                           const unsigned int k,
                           const double       a,
                           const double       h,
                           const double       r_f)
  {
    const Tensor<1, 3>  e           = Point<3>::unit_vector(k);
    const Tensor<1, 3>  e1          = Point<3>::unit_vector((k + 1) % 3);
    const Tensor<1, 3>  e2          = Point<3>::unit_vector((k + 2) % 3);
    const unsigned int  n_per_piece = 60;
    SampleGenerator     gen{std::max(a, h)};
    std::vector<Sample> samples;
    for (unsigned int i = 0; i < n_per_piece; ++i)
      for (const double sign : {-1., 1.})
        {
          const double       psi   = gen.uniform(0., 2. * numbers::PI);
          const Tensor<1, 3> e_rho = std::cos(psi) * e1 + std::sin(psi) * e2;

          // Flat end: rho in (0, a - r_f), inward depth min(a - rho, h).
          const double rho = gen.uniform(0.01, 0.99) * (a - r_f);
          gen.add(c + sign * h * e + rho * e_rho,
                  sign * e,
                  std::min(a - rho, h),
                  samples);

          // Wall: |s| < h - r_f, inward depth min(h - |s|, a).
          if (sign > 0.)
            {
              const double s = gen.uniform(-0.99, 0.99) * (h - r_f);
              gen.add(c + s * e + a * e_rho,
                      e_rho,
                      std::min(h - std::abs(s), a),
                      samples);
            }

          // Torus fillet (inward depth r_f) or sharp edge (outside only).
          const double       theta = gen.uniform(0.01, 0.99) * numbers::PI / 2;
          const Tensor<1, 3> n =
            std::cos(theta) * e_rho + sign * std::sin(theta) * e;
          const Point<3> center = c + sign * (h - r_f) * e + (a - r_f) * e_rho;
          gen.sharp             = (r_f == 0.);
          gen.add(center + r_f * n, n, r_f, samples);
          gen.sharp = false;
        }
    return samples;
  }

  /**
   * The checks common to all tips at every sample: known distance, unit
   * gradient, gradient and Hessian against central differences, and for
   * outside points the projection x - phi grad phi on the surface.
   */
  void
  check_tip(const Tip &tip, const std::vector<Sample> &samples, double size)
  {
    const double step = 1e-7 * size;
    for (const Sample &sample : samples)
      {
        const Point<3>       &x = sample.x;
        Tensor<1, 3>          gradient;
        SymmetricTensor<2, 3> hessian;
        const double          phi = tip.signed_distance(x, &gradient, &hessian);
        SCOPED_TRACE("x = (" + std::to_string(x[0]) + ", " +
                     std::to_string(x[1]) + ", " + std::to_string(x[2]) +
                     "), phi = " + std::to_string(phi));

        EXPECT_NEAR(phi, sample.phi, 1e-12 * size);
        EXPECT_NEAR(tip.signed_distance(x), phi, 1e-15 * size);
        EXPECT_NEAR(gradient.norm(), 1., 1e-12);

        Tensor<1, 3> fd_gradient;
        Tensor<2, 3> fd_hessian;
        TipChecks::finite_differences(tip, x, step, fd_gradient, fd_hessian);
        EXPECT_LT((fd_gradient - gradient).norm(), 1e-6);

        const Tensor<2, 3> hessian_full = hessian;
        const double       scale = std::max(hessian_full.norm(), 1. / size);
        EXPECT_LT((fd_hessian - hessian_full).norm(), 1e-5 * scale);

        if (phi > 0.)
          {
            EXPECT_NEAR(tip.signed_distance(x - phi * gradient),
                        0.,
                        1e-12 * size);
          }
      }
  }

  /** Append n outside points of a box: for a convex tip all are regular. */
  void
  add_outside_box_points(const Tip           &tip,
                         const Point<3>      &lower,
                         const Point<3>      &upper,
                         const unsigned int   n,
                         std::vector<Sample> &samples)
  {
    std::mt19937                           random(7);
    std::uniform_real_distribution<double> u(0., 1.);
    while (samples.size() < n)
      {
        Point<3> x;
        for (unsigned int d = 0; d < 3; ++d)
          x[d] = lower[d] + u(random) * (upper[d] - lower[d]);
        if (const double phi = tip.signed_distance(x); phi > 0.)
          samples.push_back({x, phi});
      }
  }

  /**
   * Creating the tip @p name with @p entry set to @p value throws an
   * InputError whose message names the entry and the value. A fresh
   * ParameterHandler each time: PluginRegistry::create() does not leave the
   * plugin's subsection when the constructor throws.
   */
  void
  expect_input_error(const std::string &name,
                     const std::string &entry,
                     const std::string &value)
  {
    ParameterHandler prm;
    TipRegistry::instance().declare_all(prm);
    prm.enter_subsection(name);
    prm.set(entry, value);
    prm.leave_subsection();
    try
      {
        TipRegistry::instance().create(name, prm);
        ADD_FAILURE() << "no InputError for " << entry << " = " << value;
      }
    catch (const InputError &e)
      {
        const std::string message = e.what();
        EXPECT_EQ(message.find(entry), 0u) << message;
        EXPECT_NE(message.find("(" + value + " m)"), std::string::npos)
          << message;
      }
  }
} // namespace

TEST(SphereTip, DerivativesMatchFiniteDifferencesAndDistanceIsExact)
{
  const double    R = 0.01;
  const SphereTip tip(R);
  const Point<3>  c(0., 0., R);

  SampleGenerator     gen{R};
  std::vector<Sample> samples;
  for (unsigned int i = 0; i < 300; ++i)
    {
      const Tensor<1, 3> n = gen.direction();
      gen.add(c + R * n, n, R, samples);
    }
  for (const Sample &s : samples)
    EXPECT_NEAR(tip.signed_distance(s.x), (s.x - c).norm() - R, 1e-15);
  check_tip(tip, samples, R);
}

TEST(SphereTip, KnownValuesAtApex)
{
  const double          R = 0.01;
  const SphereTip       tip(R);
  Tensor<1, 3>          g;
  SymmetricTensor<2, 3> H;
  EXPECT_EQ(tip.signed_distance(Point<3>(), &g, &H), 0.);
  EXPECT_DOUBLE_EQ(g[2], -1.);
  EXPECT_DOUBLE_EQ(H[0][0], 1. / R);
  EXPECT_DOUBLE_EQ(H[1][1], 1. / R);
  EXPECT_DOUBLE_EQ(H[2][2], 0.);
  EXPECT_DOUBLE_EQ(tip.signed_distance(Point<3>(0., 0., -0.003)), 0.003);
  EXPECT_DOUBLE_EQ(tip.signed_distance(Point<3>(0., 0., R)), -R);
  EXPECT_TRUE(tip.is_axisymmetric());
  EXPECT_DOUBLE_EQ(tip.lateral_extent(), R);
}

TEST(FlatPunchTip, DerivativesMatchFiniteDifferencesAndDistanceIsExact)
{
  const double a = 0.005, H = 0.02;
  for (const double r_f : {0.0005, 0.})
    {
      SCOPED_TRACE("Fillet radius " + std::to_string(r_f));
      const FlatPunchTip tip(a, H, r_f);
      auto               samples =
        rounded_cylinder_samples(Point<3>(0., 0., H / 2.), 2, a, H / 2., r_f);
      add_outside_box_points(tip,
                             Point<3>(-2 * a, -2 * a, -a),
                             Point<3>(2 * a, 2 * a, 2 * a),
                             samples.size() + 50,
                             samples);
      check_tip(tip, samples, a);
    }
}

TEST(FlatPunchTip, KnownValuesBelowFaceAndBesideSharpEdge)
{
  const double       a = 0.005, H = 0.02, mm = 0.001;
  const FlatPunchTip sharp(a, H, 0.);
  EXPECT_DOUBLE_EQ(sharp.signed_distance(Point<3>(0., 0., -0.003)), 0.003);
  EXPECT_NEAR(sharp.signed_distance(Point<3>(a + mm, 0., mm)), mm, 1e-15);
  EXPECT_NEAR(sharp.signed_distance(Point<3>(0., a + mm, -mm)),
              std::sqrt(2.) * mm,
              1e-15);
  EXPECT_EQ(sharp.signed_distance(Point<3>()), 0.);

  const FlatPunchTip filleted(a, H, 0.0005);
  EXPECT_DOUBLE_EQ(filleted.signed_distance(Point<3>(0., 0., -0.003)), 0.003);
  EXPECT_NEAR(filleted.signed_distance(Point<3>(a + mm, 0., mm)), mm, 1e-15);
  EXPECT_NEAR(filleted.signed_distance(Point<3>(0.001, 0., 0.002)),
              -0.002,
              1e-15);
  EXPECT_TRUE(filleted.is_axisymmetric());
  EXPECT_DOUBLE_EQ(filleted.lateral_extent(), a);
}

TEST(CylinderTip, DerivativesMatchFiniteDifferencesAndDistanceIsExact)
{
  const double R = 0.02, L = 0.1;
  for (const double r_f : {0.002, 0.})
    {
      SCOPED_TRACE("End fillet radius " + std::to_string(r_f));
      const CylinderTip tip(R, L, r_f);
      auto              samples =
        rounded_cylinder_samples(Point<3>(0., 0., R), 1, R, L / 2., r_f);
      add_outside_box_points(tip,
                             Point<3>(-2 * R, -L, -R),
                             Point<3>(2 * R, L, 3 * R),
                             samples.size() + 50,
                             samples);
      check_tip(tip, samples, R);
    }
}

TEST(CylinderTip, KnownValuesAndPlaneStrainSectionIsTheCircle)
{
  const double      R = 0.02, L = 0.1, r_f = 0.002;
  const CylinderTip tip(R, L, r_f);
  EXPECT_DOUBLE_EQ(tip.signed_distance(Point<3>(0., 0., -0.003)), 0.003);
  EXPECT_DOUBLE_EQ(tip.signed_distance(Point<3>(0., 0.04, -0.003)), 0.003);
  EXPECT_EQ(tip.signed_distance(Point<3>()), 0.);
  EXPECT_FALSE(tip.is_axisymmetric());
  EXPECT_DOUBLE_EQ(tip.lateral_extent(),
                   std::hypot(L / 2. - r_f, R - r_f) + r_f);

  std::mt19937                           random(3);
  std::uniform_real_distribution<double> u(-3 * R, 3 * R);
  for (unsigned int i = 0; i < 200; ++i)
    {
      const Point<3> x(u(random), 0., R + u(random));
      Tensor<1, 3>   g;
      const double   phi = tip.signed_distance(x, &g);
      const double   r   = std::hypot(x[0], x[2] - R);
      EXPECT_NEAR(phi, r - R, 1e-15);
      EXPECT_EQ(g[1], 0.);
      EXPECT_NEAR(g[0], x[0] / r, 1e-15);
      EXPECT_NEAR(g[2], (x[2] - R) / r, 1e-15);
    }
}

TEST(TipRegistry, ContainsTheThreeTips)
{
  const auto names = TipRegistry::instance().names();
  for (const std::string name : {"sphere", "flat punch", "cylinder"})
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
}

TEST(TipRegistry, CreatesEachTipFromDefaults)
{
  ParameterHandler prm;
  TipRegistry::instance().declare_all(prm);
  for (const std::string name : {"sphere", "flat punch", "cylinder"})
    {
      SCOPED_TRACE(name);
      const std::unique_ptr<Tip> tip =
        TipRegistry::instance().create(name, prm);
      ASSERT_TRUE(tip);
      EXPECT_EQ(tip->signed_distance(Point<3>()), 0.);
      EXPECT_NEAR(tip->signed_distance(Point<3>(0., 0., -0.001)), 0.001, 1e-15);
    }
}

TEST(TipRegistry, FilletLargerThanRadiusThrowsInputErrorNamingEntry)
{
  expect_input_error("flat punch", "Fillet radius", "0.006");
  expect_input_error("flat punch", "Fillet radius", "0.01");
  expect_input_error("cylinder", "End fillet radius", "0.06");
  expect_input_error("sphere", "Radius", "0");
}

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
