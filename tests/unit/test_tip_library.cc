// Unit tests of the tip library: ellipsoid, blunt ellipsoid, cone, wedge,
// roller, angled finger, dual ridge and union. For each: |grad phi| = 1,
// gradient against central differences of phi, Hessian against central
// differences of the gradient, exactness of the distance (projection onto
// the surface, brute-force minimum over surface samples), the apex or the
// lowest points, known distances, and bad parameters rejected with messages
// naming the entry.

#include <deal.II/base/mpi.h>
#include <deal.II/base/numbers.h>
#include <deal.II/base/parameter_handler.h>

#include <gtest/gtest.h>

#include <models/tip.h>
#include <models/tip_rotation.h>
#include <models/tips/angled_finger_tip.h>
#include <models/tips/blunt_ellipsoid_tip.h>
#include <models/tips/cone_tip.h>
#include <models/tips/cylinder_tip.h>
#include <models/tips/dual_ridge_tip.h>
#include <models/tips/ellipsoid_tip.h>
#include <models/tips/roller_tip.h>
#include <models/tips/sphere_tip.h>
#include <models/tips/union_tip.h>
#include <models/tips/wedge_tip.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iostream>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace dealii;
using namespace FasciaFE;
using namespace FasciaFE::Tips;

namespace
{
  constexpr double deg = numbers::PI / 180.;

  /** Central differences of phi and of the gradient, step h. */
  void
  finite_differences(const Tip      &tip,
                     const Point<3> &x,
                     const double    h,
                     Tensor<1, 3>   &fd_gradient,
                     Tensor<2, 3>   &fd_hessian)
  {
    for (unsigned int j = 0; j < 3; ++j)
      {
        Point<3> x_plus = x, x_minus = x;
        x_plus[j] += h;
        x_minus[j] -= h;
        Tensor<1, 3> g_plus, g_minus;
        fd_gradient[j] = (tip.signed_distance(x_plus, &g_plus) -
                          tip.signed_distance(x_minus, &g_minus)) /
                         (2. * h);
        for (unsigned int i = 0; i < 3; ++i)
          fd_hessian[i][j] = (g_plus[i] - g_minus[i]) / (2. * h);
      }
  }

  /**
   * Whether x is away from the non-smooth set of phi: the gradient is
   * consistent with the Hessian over a neighbourhood of radius
   * 1e-4 size, 1000 times the finite-difference step of the checks.
   */
  bool
  is_regular(const Tip &tip, const Point<3> &x, const double size)
  {
    Tensor<1, 3>          g;
    SymmetricTensor<2, 3> H;
    tip.signed_distance(x, &g, &H);
    Tensor<1, 3> fd_gradient;
    Tensor<2, 3> fd_hessian;
    finite_differences(tip, x, 1e-4 * size, fd_gradient, fd_hessian);
    const Tensor<2, 3> H_full = H;
    return (fd_hessian - H_full).norm() <
             1e-2 * std::max(H_full.norm(), 1. / size) &&
           (fd_gradient - g).norm() < 1e-3;
  }

  /** Figures of a derivative check, for the report. */
  struct CheckSummary
  {
    unsigned int n_checked  = 0;
    unsigned int n_rejected = 0;
    double       max_unit   = 0.;
    double       max_grad   = 0.;
    double       max_hess   = 0.;
  };

  /**
   * The derivative checks at @p n random regular points of the box
   * [lower, upper] (inside and outside the tip): |grad| = 1 (1e-10),
   * gradient against central differences of phi (1e-6), Hessian against
   * central differences of the gradient (1e-5 relative to
   * max(|H|, 1 / size)), step 1e-7 size; and the nearest point
   * x - phi grad lies on the surface (1e-12 size; outside only unless
   * @p exact_inside). At most
   * @p max_rejected of the drawn points may be irregular.
   */
  CheckSummary
  check_derivatives(
    const Tip                                   &tip,
    const Point<3>                              &lower,
    const Point<3>                              &upper,
    const double                                 size,
    const unsigned int                           n            = 400,
    const double                                 max_rejected = 0.05,
    const std::function<bool(const Point<3> &)> &excluded =
      [](const Point<3> &) { return false; },
    const bool exact_inside = true)
  {
    std::mt19937                           random(20240612);
    std::uniform_real_distribution<double> u(0., 1.);
    CheckSummary                           summary;
    unsigned int                           n_drawn = 0;
    while (summary.n_checked < n && n_drawn < 20 * n)
      {
        Point<3> x;
        for (unsigned int d = 0; d < 3; ++d)
          x[d] = lower[d] + u(random) * (upper[d] - lower[d]);
        if (excluded(x))
          continue;
        ++n_drawn;
        if (!is_regular(tip, x, size))
          {
            ++summary.n_rejected;
            continue;
          }
        ++summary.n_checked;

        Tensor<1, 3>          g;
        SymmetricTensor<2, 3> H;
        const double          phi = tip.signed_distance(x, &g, &H);
        SCOPED_TRACE("x = (" + std::to_string(x[0]) + ", " +
                     std::to_string(x[1]) + ", " + std::to_string(x[2]) +
                     "), phi = " + std::to_string(phi));
        EXPECT_EQ(tip.signed_distance(x), phi);
        EXPECT_NEAR(g.norm(), 1., 1e-10);

        Tensor<1, 3> fd_gradient;
        Tensor<2, 3> fd_hessian;
        finite_differences(tip, x, 1e-7 * size, fd_gradient, fd_hessian);
        const Tensor<2, 3> H_full = H;
        const double       scale  = std::max(H_full.norm(), 1. / size);
        EXPECT_LT((fd_gradient - g).norm(), 1e-6);
        EXPECT_LT((fd_hessian - H_full).norm(), 1e-5 * scale);
        if (phi > 0. || exact_inside)
          {
            EXPECT_NEAR(tip.signed_distance(x - phi * g), 0., 1e-12 * size);
          }

        summary.max_unit = std::max(summary.max_unit, std::abs(g.norm() - 1.));
        summary.max_grad = std::max(summary.max_grad, (fd_gradient - g).norm());
        summary.max_hess =
          std::max(summary.max_hess, (fd_hessian - H_full).norm() / scale);
      }
    EXPECT_EQ(summary.n_checked, n);
    EXPECT_LE(summary.n_rejected, max_rejected * n_drawn)
      << summary.n_rejected << " of " << n_drawn << " points irregular";
    std::cout << "    " << summary.n_checked << " points ("
              << summary.n_rejected << " irregular rejected): max ||grad|-1| "
              << summary.max_unit << ", max |grad - FD| " << summary.max_grad
              << ", max |H - FD| / scale " << summary.max_hess << std::endl;
    return summary;
  }

  /**
   * The lowest points: phi(x, y, -e) >= e on a grid of the plane z = -e
   * (nothing reaches below z = 0), with equality at @p lowest.
   */
  void
  check_lowest_point(const Tip      &tip,
                     const Point<3> &lowest,
                     const double    extent)
  {
    const double e = 1e-3 * extent;
    EXPECT_NEAR(tip.signed_distance(lowest + Point<3>(0., 0., -e)),
                e,
                1e-13 * extent);
    EXPECT_NEAR(tip.signed_distance(lowest), 0., 1e-13 * extent);
    for (int i = -20; i <= 20; ++i)
      for (int j = -20; j <= 20; ++j)
        {
          const Point<3> x(i * extent / 20., j * extent / 20., -e);
          EXPECT_GE(tip.signed_distance(x), e * (1. - 1e-12)) << x;
        }
  }

  /**
   * Exactness against brute force: for outside points, phi is the minimum
   * distance to the given surface samples up to their spacing error.
   */
  void
  check_against_samples(const Tip                   &tip,
                        const std::vector<Point<3>> &surface,
                        const std::vector<Point<3>> &queries,
                        const double                 tolerance)
  {
    for (const Point<3> &p : surface)
      EXPECT_NEAR(tip.signed_distance(p), 0., 1e-12) << p;
    for (const Point<3> &x : queries)
      {
        double d = std::numeric_limits<double>::max();
        for (const Point<3> &p : surface)
          d = std::min(d, x.distance(p));
        const double phi = tip.signed_distance(x);
        EXPECT_LE(phi, d + 1e-12) << x;
        EXPECT_GE(phi, d - tolerance) << x;
      }
  }

  /**
   * Creating @p name with the given settings (paths "Sub/section/Entry"
   * below the tip's subsection) throws an InputError whose message names
   * @p entry (a fresh ParameterHandler each time).
   */
  void
  expect_input_error(
    const std::string                                      &name,
    const std::string                                      &entry,
    const std::vector<std::pair<std::string, std::string>> &settings)
  {
    ParameterHandler prm;
    TipRegistry::instance().declare_all(prm);
    for (const auto &[path, value] : settings)
      {
        prm.enter_subsection(name);
        std::string  rest  = path;
        unsigned int depth = 1;
        for (std::size_t slash; (slash = rest.find('/')) != std::string::npos;
             ++depth)
          {
            prm.enter_subsection(rest.substr(0, slash));
            rest = rest.substr(slash + 1);
          }
        prm.set(rest, value);
        for (unsigned int d = 0; d < depth; ++d)
          prm.leave_subsection();
      }
    try
      {
        TipRegistry::instance().create(name, prm);
        ADD_FAILURE() << "no InputError for " << entry;
      }
    catch (const InputError &e)
      {
        const std::string message = e.what();
        EXPECT_NE(message.find(entry), std::string::npos) << message;
        std::cout << "    " << name << ": " << message << std::endl;
      }
  }
} // namespace


TEST(EllipsoidTip, DerivativesExactDistanceAndKnownValues)
{
  const double       a = 0.01, b = 0.015, c = 0.008;
  const EllipsoidTip tip(a, b, c);
  check_derivatives(tip,
                    Point<3>(-2 * a, -2 * b, -c),
                    Point<3>(2 * a, 2 * b, 3 * c),
                    b);
  check_lowest_point(tip, Point<3>(), b);
  const double e = 0.003;
  EXPECT_NEAR(tip.signed_distance(Point<3>(a + e, 0., c)), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(0., -b - e, c)), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(0., 0., 2 * c + e)), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(0., 0., c)), -c, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(0.5 * a, 0., c)), -0.5 * a, 1e-15);
  // Apex curvature radii a^2/c and b^2/c.
  Tensor<1, 3>          g;
  SymmetricTensor<2, 3> H;
  tip.signed_distance(Point<3>(), &g, &H);
  EXPECT_NEAR(g[2], -1., 1e-15);
  EXPECT_NEAR(H[0][0], c / (a * a), 1e-10 * c / (a * a));
  EXPECT_NEAR(H[1][1], c / (b * b), 1e-10 * c / (b * b));
  EXPECT_FALSE(tip.is_axisymmetric());
  EXPECT_DOUBLE_EQ(tip.lateral_extent(), b);

  // Brute force over a fine parametric sampling of the surface.
  std::vector<Point<3>> surface, queries;
  const unsigned int    n = 400;
  for (unsigned int i = 0; i <= n; ++i)
    for (unsigned int j = 0; j < 2 * n; ++j)
      {
        const double t = numbers::PI * i / n, p = numbers::PI * j / n;
        surface.emplace_back(a * std::sin(t) * std::cos(p),
                             b * std::sin(t) * std::sin(p),
                             c + c * std::cos(t));
      }
  std::mt19937                           random(5);
  std::uniform_real_distribution<double> u(-1., 1.);
  while (queries.size() < 20)
    {
      const Point<3> x(2 * a * u(random),
                       2 * b * u(random),
                       c + 2 * c * u(random));
      if (tip.signed_distance(x) > 0.)
        queries.push_back(x);
    }
  check_against_samples(tip,
                        std::vector<Point<3>>(surface.begin(),
                                              surface.begin() + 50),
                        {},
                        0.);
  check_against_samples(tip, surface, queries, 1e-3 * b);

  // A sphere and a spheroid: the closed forms.
  const EllipsoidTip sphere(a, a, a);
  EXPECT_TRUE(sphere.is_axisymmetric());
  for (unsigned int i = 0; i < 100; ++i)
    {
      const Point<3> x(2 * a * u(random),
                       2 * a * u(random),
                       a + 2 * a * u(random));
      EXPECT_NEAR(sphere.signed_distance(x),
                  x.distance(Point<3>(0, 0, a)) - a,
                  1e-15);
    }
  // Degenerate inside points on the plane of the shortest axis.
  const EllipsoidTip oblate(0.02, 0.015, 0.005);
  Tensor<1, 3>       g_degenerate;
  const double       phi_degenerate =
    oblate.signed_distance(Point<3>(0.001, 0.001, 0.005), &g_degenerate);
  EXPECT_NEAR(phi_degenerate, -0.005, 2e-5);
  EXPECT_LT(phi_degenerate, -0.00495);
  EXPECT_NEAR(g_degenerate.norm(), 1., 1e-12);
}

TEST(EllipsoidTip, ExtremeAspectRatiosAndSurfacePoints)
{
  for (const std::array<double, 3> axes :
       {std::array<double, 3>{{0.02, 0.002, 0.01}},
        std::array<double, 3>{{0.001, 0.001, 0.05}},
        std::array<double, 3>{{0.05, 0.04, 0.001}}})
    {
      const EllipsoidTip tip(axes[0], axes[1], axes[2]);
      const double       size = std::max({axes[0], axes[1], axes[2]});
      check_derivatives(tip,
                        Point<3>(-2 * axes[0], -2 * axes[1], -axes[2]),
                        Point<3>(2 * axes[0], 2 * axes[1], 3 * axes[2]),
                        size,
                        200,
                        0.1);
      check_lowest_point(tip, Point<3>(), size);
    }
}

TEST(BluntEllipsoidTip, DerivativesAndOffsetGeometry)
{
  const double            a = 0.02, b = 0.03, c = 0.04, r = 0.01;
  const BluntEllipsoidTip tip(a, b, c, r);
  const EllipsoidTip      core(a, b, c);
  check_derivatives(tip,
                    Point<3>(-0.06, -0.08, -0.02),
                    Point<3>(0.06, 0.08, 0.12),
                    0.05);
  check_lowest_point(tip, Point<3>(), 0.04);
  const double e = 0.002;
  EXPECT_NEAR(tip.signed_distance(Point<3>(a + r + e, 0., c + r)), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(0., 0., c + r)), -(a + r), 1e-15);
  Tensor<1, 3>          g;
  SymmetricTensor<2, 3> H;
  tip.signed_distance(Point<3>(), &g, &H);
  EXPECT_NEAR(1. / H[0][0], a * a / c + r, 1e-12);
  EXPECT_NEAR(1. / H[1][1], b * b / c + r, 1e-12);
  // phi = phi_core(x - r e_z) - r.
  std::mt19937                           random(6);
  std::uniform_real_distribution<double> u(-0.05, 0.05);
  for (unsigned int i = 0; i < 50; ++i)
    {
      const Point<3> x(u(random), u(random), 0.05 + u(random));
      EXPECT_NEAR(tip.signed_distance(x),
                  core.signed_distance(Point<3>(x - Point<3>(0., 0., r))) - r,
                  1e-15);
    }
  EXPECT_DOUBLE_EQ(tip.lateral_extent(), b + r);
  EXPECT_FALSE(tip.is_axisymmetric());
  EXPECT_TRUE(BluntEllipsoidTip(a, a, c, r).is_axisymmetric());
}

TEST(ConeTip, DerivativesAndKnownValues)
{
  const double  alpha = 45., r = 0.003, H = 0.03;
  const ConeTip tip(alpha, r, H);
  const double  rho_top =
    r * std::cos(alpha * deg) +
    (H - r * (1. - std::sin(alpha * deg))) * std::tan(alpha * deg);
  check_derivatives(tip,
                    Point<3>(-1.5 * H, -1.5 * H, -0.3 * H),
                    Point<3>(1.5 * H, 1.5 * H, 1.5 * H),
                    H);
  check_lowest_point(tip, Point<3>(), rho_top);
  EXPECT_DOUBLE_EQ(tip.lateral_extent(), rho_top);
  EXPECT_TRUE(tip.is_axisymmetric());
  const double e = 0.002;
  // Top face, rim, flank, cap.
  EXPECT_NEAR(tip.signed_distance(Point<3>(0.001, 0., H + e)), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(rho_top + e, 0., H + e)),
              std::sqrt(2.) * e,
              1e-15);
  const double       s = 0.01; // along the flank from the tangent point
  const Point<3>     T(r * std::cos(alpha * deg),
                   0.,
                   r * (1. - std::sin(alpha * deg)));
  const Tensor<1, 3> t_f({std::sin(alpha * deg), 0., std::cos(alpha * deg)});
  const Tensor<1, 3> n_f({std::cos(alpha * deg), 0., -std::sin(alpha * deg)});
  EXPECT_NEAR(tip.signed_distance(T + s * t_f + e * n_f), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(T + s * t_f - e * n_f), -e, 1e-15);
  Tensor<1, 3>          g;
  SymmetricTensor<2, 3> Hess;
  tip.signed_distance(Point<3>(), &g, &Hess);
  EXPECT_NEAR(Hess[0][0], 1. / r, 1e-12 / r);
  EXPECT_NEAR(Hess[1][1], 1. / r, 1e-12 / r);
  // Sharp cone: phi(0, 0, -e) = e, distance to the flank line.
  const ConeTip sharp(30., 0., H);
  EXPECT_NEAR(sharp.signed_distance(Point<3>(0., 0., -e)), e, 1e-15);
  EXPECT_NEAR(sharp.signed_distance(Point<3>(0.01, 0., 0.)),
              0.01 * std::cos(30. * deg),
              1e-15);
}

TEST(WedgeTip, DerivativesAndKnownValues)
{
  const double   beta = 35., r = 0.006, L = 0.05, H = 0.03;
  const WedgeTip tip(beta, r, L, H);
  const ConeTip  cone(beta, r, H);
  const double   w = L / 2.;
  check_derivatives(tip,
                    Point<3>(-0.05, -0.08, -0.01),
                    Point<3>(0.05, 0.08, 0.045),
                    0.05);
  check_lowest_point(tip, Point<3>(), 0.06);
  const double e = 0.002;
  for (const double y : {-w, -0.01, 0., 0.02, w})
    EXPECT_NEAR(tip.signed_distance(Point<3>(0., y, -e)), e, 1e-15);
  // The ends are the cone's halves; the middle is the cone's section.
  std::mt19937                           random(8);
  std::uniform_real_distribution<double> u(-0.04, 0.04);
  for (unsigned int i = 0; i < 100; ++i)
    {
      const Point<3> x(u(random), w + std::abs(u(random)), 0.015 + u(random));
      EXPECT_NEAR(tip.signed_distance(x),
                  cone.signed_distance(Point<3>(x - Point<3>(0., w, 0.))),
                  1e-15);
      const Point<3> m(x[0], 0.5 * u(random), x[2]);
      EXPECT_NEAR(tip.signed_distance(m),
                  cone.signed_distance(Point<3>(m[0], 0., m[2])),
                  1e-15);
    }
  EXPECT_FALSE(tip.is_axisymmetric());
  EXPECT_NEAR(tip.lateral_extent(), w + cone.lateral_extent(), 1e-15);
  Tensor<1, 3>          g;
  SymmetricTensor<2, 3> Hess;
  tip.signed_distance(Point<3>(0., 0.01, -e), &g, &Hess);
  EXPECT_NEAR(Hess[0][0], 1. / (r + e), 1e-12 / r);
  EXPECT_EQ(Hess[1][1], 0.);
}

TEST(RollerTip, PlainRollerIsTheCylinder)
{
  const RollerTip   roller(0.075, 0.3, 0.01, 0., 0.03, 0.008);
  const CylinderTip cylinder(0.075, 0.3, 0.01);
  EXPECT_EQ(roller.n_ridges(), 0u);
  std::mt19937                           random(9);
  std::uniform_real_distribution<double> u(-0.2, 0.2);
  for (unsigned int i = 0; i < 200; ++i)
    {
      const Point<3>        x(u(random), u(random), 0.075 + u(random));
      Tensor<1, 3>          g1, g2;
      SymmetricTensor<2, 3> H1, H2;
      EXPECT_EQ(roller.signed_distance(x, &g1, &H1),
                cylinder.signed_distance(x, &g2, &H2));
      EXPECT_EQ((g1 - g2).norm(), 0.);
      EXPECT_EQ((H1 - H2).norm(), 0.);
    }
  EXPECT_DOUBLE_EQ(roller.lateral_extent(), cylinder.lateral_extent());
}

TEST(RollerTip, RibbedRollerDerivativesAndKnownValues)
{
  const double R = 0.075, L = 0.3, r_f = 0.01, h = 0.004, p = 0.03, r_t = 0.008;
  const RollerTip tip(R, L, r_f, h, p, r_t);
  const double    w_r = std::sqrt(h * (2 * r_t - h));
  EXPECT_EQ(tip.n_ridges(), 9u); // |k p| + w_r <= 0.14: k = -4..4
  check_derivatives(
    tip,
    Point<3>(-0.1, -0.17, -0.01),
    Point<3>(0.1, 0.17, 0.17),
    0.1,
    400,
    0.1,
    [](const Point<3> &) { return false; },
    false);
  // Near the ridges and valleys (crests, creases, torus flanks).
  check_derivatives(
    tip,
    Point<3>(-0.02, -0.05, -0.004),
    Point<3>(0.02, 0.05, 0.012),
    0.02,
    400,
    0.1,
    [](const Point<3> &) { return false; },
    false);
  check_lowest_point(tip, Point<3>(), 0.15);
  const double e = 0.001;
  for (int k = -4; k <= 4; ++k)
    EXPECT_NEAR(tip.signed_distance(Point<3>(0., k * p, -e)), e, 1e-15);
  // Valley midway between crests: the core surface at z = h.
  EXPECT_NEAR(tip.signed_distance(Point<3>(0., p / 2., h - e)), e, 1e-15);
  // Crest flank: the torus tube.
  const Point<3> tube_center(0., p, h + r_t - h);
  const Point<3> on_ridge =
    tube_center + Point<3>(0., -r_t * 0.3, -r_t * std::sqrt(1 - 0.09));
  EXPECT_NEAR(tip.signed_distance(on_ridge), 0., 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(0., L / 2. + e, R + h)), e, 1e-15);
  EXPECT_FALSE(tip.is_axisymmetric());
  EXPECT_NEAR(tip.lateral_extent(),
              std::max(std::hypot(4 * p + w_r, R + h),
                       std::hypot(L / 2 - r_f, R - r_f) + r_f),
              1e-15);
}

TEST(AngledFingerTip, DerivativesAndApexStaysLowest)
{
  const double r = 0.007, L = 0.05;
  for (const double theta : {30., -60., 0.})
    {
      SCOPED_TRACE("Lean angle " + std::to_string(theta));
      const AngledFingerTip tip(r, L, theta);
      check_derivatives(tip,
                        Point<3>(-0.07, -0.03, -0.01),
                        Point<3>(0.07, 0.03, 0.07),
                        0.05);
      check_lowest_point(tip, Point<3>(), 0.06);
      EXPECT_EQ(tip.is_axisymmetric(), theta == 0.);
      EXPECT_NEAR(tip.lateral_extent(),
                  L * std::abs(std::sin(theta * deg)) + r,
                  1e-15);
      // Beside the far end and beside the shaft.
      const Tensor<1, 3> e_axis(
        {std::sin(theta * deg), 0., std::cos(theta * deg)});
      const Point<3> b = Point<3>(0., 0., r) + L * e_axis;
      EXPECT_NEAR(tip.signed_distance(b + 0.01 * e_axis), 0.01 - r, 1e-15);
      EXPECT_NEAR(tip.signed_distance(b - 0.5 * L * e_axis +
                                      Point<3>(0., r + 0.002, 0.)),
                  0.002,
                  1e-15);
      Tensor<1, 3>          g;
      SymmetricTensor<2, 3> H;
      tip.signed_distance(Point<3>(0., 0., -0.001), &g, &H);
      EXPECT_NEAR(g[2], -1., 1e-15);
      EXPECT_NEAR(H[0][0], 1. / (r + 0.001), 1e-12 / r);
    }
}

TEST(DualRidgeTip, DerivativesAwayFromTheMidPlaneAndLowestLines)
{
  const double       r = 0.012, s = 0.05, L = 0.06;
  const DualRidgeTip tip(r, s, L);
  check_derivatives(tip,
                    Point<3>(-0.06, -0.06, -0.01),
                    Point<3>(0.06, 0.06, 0.04),
                    0.05,
                    400,
                    0.05,
                    [](const Point<3> &x) { return std::abs(x[0]) < 1e-3; });
  const double e = 0.001;
  EXPECT_NEAR(tip.signed_distance(Point<3>()), std::hypot(s / 2, r) - r, 1e-15);
  for (const double x : {-s / 2, s / 2})
    for (const double y : {-L / 2, 0., 0.01, L / 2})
      {
        EXPECT_NEAR(tip.signed_distance(Point<3>(x, y, -e)), e, 1e-15);
        EXPECT_NEAR(tip.signed_distance(Point<3>(x, y, 0.)), 0., 1e-15);
      }
  check_lowest_point(tip, Point<3>(s / 2, 0., 0.), 0.06);
  EXPECT_NEAR(tip.signed_distance(Point<3>(s / 2, 0., r)), -r, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(s / 2 + r + e, L / 2, r)), e, 1e-15);
  EXPECT_NEAR(tip.signed_distance(Point<3>(s / 2, L / 2 + r + e, r)), e, 1e-15);
  EXPECT_FALSE(tip.is_axisymmetric());
  EXPECT_NEAR(tip.lateral_extent(), std::hypot(s / 2, L / 2) + r, 1e-15);
}

TEST(UnionTip, MinimumOfTranslatedTips)
{
  std::vector<std::unique_ptr<Tip>> tips;
  tips.push_back(std::make_unique<SphereTip>(0.01));
  tips.push_back(std::make_unique<EllipsoidTip>(0.01, 0.015, 0.008));
  const std::vector<Tensor<1, 3>> offsets{Tensor<1, 3>(),
                                          Tensor<1, 3>({0.03, 0.005, 0.002})};
  const UnionTip                  tip(std::move(tips), offsets);
  const SphereTip                 sphere(0.01);
  const EllipsoidTip              thumb(0.01, 0.015, 0.008);
  const auto                      tie = [&](const Point<3> &x) {
    return std::abs(sphere.signed_distance(x) -
                    thumb.signed_distance(x - offsets[1])) < 1e-3;
  };
  check_derivatives(tip,
                    Point<3>(-0.02, -0.03, -0.01),
                    Point<3>(0.05, 0.03, 0.03),
                    0.03,
                    400,
                    0.05,
                    tie);
  check_lowest_point(tip, Point<3>(), 0.04);
  std::mt19937                           random(10);
  std::uniform_real_distribution<double> u(-0.03, 0.03);
  for (unsigned int i = 0; i < 100; ++i)
    {
      const Point<3> x(0.015 + u(random), u(random), 0.01 + u(random));
      EXPECT_EQ(tip.signed_distance(x),
                std::min(sphere.signed_distance(x),
                         thumb.signed_distance(x - offsets[1])));
    }
  EXPECT_NEAR(tip.lateral_extent(), std::hypot(0.03, 0.005) + 0.015, 1e-15);
  EXPECT_FALSE(tip.is_axisymmetric());
}

TEST(UnionTip, RotatedMembers)
{
  // A wedge turned about a skew axis: derivatives of phi(Q^T x).
  std::vector<std::unique_ptr<Tip>> wedges;
  wedges.push_back(std::make_unique<WedgeTip>(35., 0.006, 0.05, 0.03));
  const TipRotation skew(Tensor<1, 3>({1., 2., 3.}), 40. * deg);
  const UnionTip    turned(std::move(wedges), {Tensor<1, 3>()}, {skew});
  check_derivatives(turned,
                    Point<3>(-0.06, -0.06, -0.03),
                    Point<3>(0.06, 0.06, 0.05),
                    0.05);

  // About x by 30 degrees, against Q^T x written out:
  // Q^T (x, y, z) = (x, c y + s z, -s y + c z).
  const double       c = std::cos(30. * deg), s = std::sin(30. * deg);
  const WedgeTip     wedge(35., 0.006, 0.05, 0.03);
  const EllipsoidTip ellipsoid(0.012, 0.008, 0.006);
  std::vector<std::unique_ptr<Tip>> tips;
  tips.push_back(std::make_unique<WedgeTip>(35., 0.006, 0.05, 0.03));
  tips.push_back(std::make_unique<EllipsoidTip>(0.012, 0.008, 0.006));
  const Tensor<1, 3>             o({0.04, 0., 0.});
  const std::vector<TipRotation> rotations{
    TipRotation(Tensor<1, 3>({2., 0., 0.}), 30. * deg),
    TipRotation(Tensor<1, 3>({0., 0., 1.}), 90. * deg)};
  const UnionTip two(std::move(tips), {Tensor<1, 3>(), o}, rotations);
  // The ellipsoid turned by 90 degrees about z is the one with a and b
  // swapped: Q^T (x, y, z) = (y, -x, z).
  const EllipsoidTip                     swapped(0.008, 0.012, 0.006);
  std::mt19937                           random(12);
  std::uniform_real_distribution<double> u(-0.03, 0.03);
  for (unsigned int i = 0; i < 200; ++i)
    {
      const Point<3> x(u(random), u(random), 0.01 + u(random));
      const double   phi_wedge = wedge.signed_distance(
        Point<3>(x[0], c * x[1] + s * x[2], -s * x[1] + c * x[2]));
      const Point<3> y(x - o);
      EXPECT_NEAR(ellipsoid.signed_distance(Point<3>(y[1], -y[0], y[2])),
                  swapped.signed_distance(y),
                  1e-12);
      EXPECT_NEAR(two.signed_distance(x),
                  std::min(phi_wedge, swapped.signed_distance(y)),
                  1e-12)
        << x;
    }

  // A sphere turned about z stays axisymmetric, about x it does not.
  for (const auto &[axis, axisymmetric] :
       std::vector<std::pair<Tensor<1, 3>, bool>>{
         {Tensor<1, 3>({0., 0., 1.}), true},
         {Tensor<1, 3>({1., 0., 0.}), false}})
    {
      std::vector<std::unique_ptr<Tip>> one;
      one.push_back(std::make_unique<SphereTip>(0.01));
      const UnionTip ball(std::move(one),
                          {Tensor<1, 3>()},
                          {TipRotation(axis, 20. * deg)});
      EXPECT_EQ(ball.is_axisymmetric(), axisymmetric);
    }

  // A zero axis is refused, naming the entry.
  expect_input_error("union",
                     "Tip 2/Rotation axis",
                     {{"Tip 2/Rotation axis", "0, 0, 0"},
                      {"Tip 2/Rotation angle", "10"}});
}

TEST(UnionTip, ParameterLayoutAndDefaults)
{
  ParameterHandler prm;
  TipRegistry::instance().declare_all(prm);
  prm.enter_subsection("union");
  prm.set("Number of tips", "3");
  prm.enter_subsection("Tip 3");
  prm.set("Shape", "ellipsoid");
  prm.set("Offset", "0, 0.03, 0.001");
  prm.enter_subsection("ellipsoid");
  prm.set("Semi-axis a", "0.005");
  prm.leave_subsection();
  prm.leave_subsection();
  prm.leave_subsection();
  const std::unique_ptr<Tip> tip = TipRegistry::instance().create("union", prm);
  // Default: two 10 mm spheres at x = -+15 mm.
  EXPECT_NEAR(tip->signed_distance(Point<3>(0.015, 0., -0.001)), 0.001, 1e-15);
  EXPECT_NEAR(tip->signed_distance(Point<3>(-0.015, 0., -0.001)), 0.001, 1e-15);
  EXPECT_NEAR(tip->signed_distance(Point<3>()),
              std::hypot(0.015, 0.01) - 0.01,
              1e-15);
  EXPECT_NEAR(tip->signed_distance(Point<3>(0., 0.03, 0.001 - 0.002)),
              0.002,
              1e-15);
  EXPECT_NEAR(tip->signed_distance(
                Point<3>(0.005 + 0.001, 0.03, 0.001 + 0.008)),
              0.001,
              1e-15);
  EXPECT_NEAR(tip->lateral_extent(), 0.03 + 0.015, 1e-15);
}

TEST(TipLibrary, RegisteredAndCreatedFromDefaults)
{
  const std::vector<std::string> names{"ellipsoid",
                                       "blunt ellipsoid",
                                       "cone",
                                       "wedge",
                                       "roller",
                                       "angled finger",
                                       "dual ridge",
                                       "union"};
  const auto                     registered = TipRegistry::instance().names();
  ParameterHandler               prm;
  TipRegistry::instance().declare_all(prm);
  for (const std::string &name : names)
    {
      SCOPED_TRACE(name);
      ASSERT_NE(std::find(registered.begin(), registered.end(), name),
                registered.end());
      const std::unique_ptr<Tip> tip =
        TipRegistry::instance().create(name, prm);
      ASSERT_TRUE(tip);
      // Every tip touches z = 0 and nothing lies below.
      const double extent = tip->lateral_extent();
      EXPECT_GT(extent, 0.);
      double lowest = std::numeric_limits<double>::max();
      for (int i = -40; i <= 40; ++i)
        for (int j = -40; j <= 40; ++j)
          lowest =
            std::min(lowest,
                     tip->signed_distance(
                       Point<3>(i * extent / 40., j * extent / 40., -0.001)));
      EXPECT_GE(lowest, 0.001 - 1e-12);
      EXPECT_LT(lowest, 0.00102);
      if (name != "dual ridge" && name != "union")
        {
          EXPECT_EQ(tip->signed_distance(Point<3>()), 0.);
          EXPECT_NEAR(tip->signed_distance(Point<3>(0., 0., -0.001)),
                      0.001,
                      1e-15);
        }
    }
}

TEST(TipLibrary, BadParametersThrowInputErrorNamingTheEntry)
{
  expect_input_error("ellipsoid", "Semi-axis a", {{"Semi-axis a", "0"}});
  expect_input_error("ellipsoid", "Semi-axis c", {{"Semi-axis c", "0"}});
  expect_input_error("blunt ellipsoid", "Semi-axis b", {{"Semi-axis b", "0"}});
  expect_input_error("cone", "Half angle", {{"Half angle", "0"}});
  expect_input_error("cone", "Height", {{"Height", "0.0001"}});
  expect_input_error("wedge", "Half angle", {{"Half angle", "0"}});
  expect_input_error("wedge", "Height", {{"Height", "0"}});
  expect_input_error("roller", "Radius", {{"Radius", "0"}});
  expect_input_error("roller",
                     "End fillet radius",
                     {{"End fillet radius", "0.2"}});
  expect_input_error("roller",
                     "Ridge radius",
                     {{"Ridge height", "0.004"}, {"Ridge radius", "0.002"}});
  expect_input_error("roller",
                     "Ridge pitch",
                     {{"Ridge height", "0.004"}, {"Ridge pitch", "0.01"}});
  expect_input_error("angled finger", "Radius", {{"Radius", "0"}});
  expect_input_error("dual ridge",
                     "Ridge spacing",
                     {{"Ridge spacing", "0.02"}});
  expect_input_error("union", "Radius", {{"Tip 2/sphere/Radius", "0"}});
  expect_input_error("union", "Offset", {{"Tip 1/Offset", "0, 0, -0.01"}});
  expect_input_error("union",
                     "Offset",
                     {{"Tip 1/Offset", "0, 0, 0.01"},
                      {"Tip 2/Offset", "0, 0, 0.01"}});
}

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
