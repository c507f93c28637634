#pragma once

/**
 * Checks shared by the tip tests (test_tip_library.cc, test_union_tip.cc):
 * gradient and Hessian of a signed distance against central differences,
 * exactness of the distance, the lowest points, and bad parameters
 * rejected with messages naming the entry.
 */

#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

#include <gtest/gtest.h>

#include <models/tip.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iostream>
#include <limits>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace FasciaFE
{
  namespace TipChecks
  {
    using namespace dealii;

    /** Central differences of phi and of the gradient, step h. */
    inline void
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
    inline bool
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
    inline CheckSummary
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

          summary.max_unit =
            std::max(summary.max_unit, std::abs(g.norm() - 1.));
          summary.max_grad =
            std::max(summary.max_grad, (fd_gradient - g).norm());
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
    inline void
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
    inline void
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
    inline void
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
  } // namespace TipChecks
} // namespace FasciaFE
