#pragma once

#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

#include <array>

namespace FasciaFE
{
  namespace Tips
  {
    using namespace dealii;

    namespace SDF
    {
      /**
       * Exact signed distance of the solid axis-aligned ellipsoid
       *   g(x) = sum_i ((x_i - c_i) / e_i)^2 - 1 <= 0
       * with semi-axes e_0, e_1, e_2 > 0, by the robust method of D. Eberly
       * ("Distance from a point to an ellipse, an ellipsoid, or a
       * hyperellipsoid", Geometric Tools, 2013).
       *
       * By symmetry y_i = |x_i - c_i|. With the axes sorted so that
       * E_0 >= E_1 >= E_2, z_i = y_i / E_i, r_i = (E_i / E_2)^2, the nearest
       * surface point is X_i = r_i y_i / (s + r_i), where s (the Lagrange
       * multiplier t = s E_2^2) is the unique root in s > -min r_i (over the
       * i with y_i > 0) of the decreasing convex function
       *   G(s) = sum_i (r_i z_i / (s + r_i))^2 - 1,
       * bracketed by s_0 = r_m (z_m - 1) (G >= 0) and s_1 = max(0, |r z| -
       * r_m) (G <= 0) and found by Newton steps from the left end (which
       * never overshoot the root of a convex decreasing function) combined
       * with bisection, to machine precision. With v_i = y_i / (s + r_i):
       *   y - X = s v,  phi = s |v|   (s > 0 outside, s < 0 inside),
       *   grad phi = n = v / |v|      (the outward normal at X, without the
       *                                cancellation of (y - X) / phi).
       * The Hessian of a distance function is, with the shape operator of
       * the surface at X, W = P diag(1 / E_i^2) P / |u| (u_i = X_i / E_i^2,
       * P = I - n (x) n),
       *   Hess phi = W (I + phi W)^{-1}
       * (principal curvatures kappa_k become kappa_k / (1 + phi kappa_k);
       * H n = 0).
       *
       * The degenerate case of Eberly's method: a point inside on the plane
       * y_2 = 0 of the shortest axis whose nearest points lie off that plane
       * (s = -1, X_2 = E_2 sqrt(1 - sum_{i<2} (r_i z_i / (r_i - 1))^2)):
       * the medial set, where one of the two nearest points is used.
       */
      class Ellipsoid
      {
      public:
        Ellipsoid(const Point<3> &center, const std::array<double, 3> &axes);

        double
        signed_distance(const Point<3>        &x,
                        Tensor<1, 3>          *gradient = nullptr,
                        SymmetricTensor<2, 3> *hessian  = nullptr) const;

      private:
        /**
         * Nearest point computation in the sorted first octant: returns the
         * multiplier s, writes the nearest point X (sorted order) and
         * whether the degenerate (off-plane) case applies.
         */
        double
        nearest_point(const std::array<double, 3> &y,
                      std::array<double, 3>       &nearest,
                      bool                        &degenerate) const;

        Point<3>                    center;
        std::array<double, 3>       axes;
        std::array<unsigned int, 3> order;
        /** Sorted semi-axes E_k = axes[order[k]] and ratios r_k. */
        std::array<double, 3> sorted, ratio;
      };
    } // namespace SDF
  }   // namespace Tips
} // namespace FasciaFE
