#pragma once

#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

#include <string>

namespace FasciaFE
{
  namespace Tips
  {
    using namespace dealii;

    /**
     * Exact signed distance functions of the convex primitives the tips are
     * built from, with their exact gradient (the unit outward normal of the
     * nearest surface point) and Hessian (its curvature, tangential to the
     * level set). The conventions are those of Tip::signed_distance(): phi > 0
     * outside, phi < 0 inside; @p gradient and @p hessian are written only
     * when they are not null.
     *
     * On the medial axis (the points with more than one nearest surface
     * point, all of them inside the body) the distance is still exact but the
     * gradient is one of the admissible normals and the Hessian is the
     * one-sided limit of the chosen piece without its singular term.
     */
    namespace SDF
    {
      /**
       * Solid sphere of centre c and radius R:
       *   phi(x) = |x - c| - R,
       *   grad phi = n = (x - c) / |x - c|,
       *   Hess phi = (I - n (x) n) / |x - c|.
       * At x = c (the medial point) n = -e_z and the Hessian is set to zero.
       */
      double
      sphere(const Point<3>        &x,
             const Point<3>        &center,
             const double           radius,
             Tensor<1, 3>          *gradient = nullptr,
             SymmetricTensor<2, 3> *hessian  = nullptr);

      /**
       * A finite solid cylinder with rounded edges: radius a about the unit
       * axis e through the centre c, half length h along e, and both
       * circular edges rounded by a fillet of radius r_f, 0 <= r_f < a,
       * r_f < h (r_f = 0 gives sharp edges). It is the body of revolution of
       * the rounded rectangle |rho| <= a, |s| <= h with corner radius r_f,
       * so its distance is the exact two-dimensional distance in the
       * meridian half plane through x. With
       *   s = (x - c).e,  rho = |x - c - s e|,  e_rho = (x - c - s e) / rho,
       *   d = (d_rho, d_s) = (rho - (a - r_f), |s| - (h - r_f)),
       * the distance is
       *   phi = |max(d, 0)| + min(max(d_rho, d_s), 0) - r_f,
       * which splits into three pieces, each with its own exact derivatives
       * (sigma = sign(s), P = I - e (x) e - e_rho (x) e_rho). Where d_rho
       * and d_s are not both positive, the nearest piece is
       * - the lateral wall if d_rho >= d_s:
       *     phi = rho - a,  grad = e_rho,  Hess = P / rho;
       * - a flat end otherwise:
       *     phi = |s| - h,  grad = sigma e,  Hess = 0;
       * and where d_rho > 0 and d_s > 0 it is
       * - the torus of tube radius r_f around the circle
       *   (rho = a - r_f, s = +-(h - r_f)):
       *     phi = |d| - r_f,  (n_rho, n_s) = d / |d|,
       *     grad = n_rho e_rho + n_s sigma e,
       *     Hess = (t (x) t) / |d| + n_rho P / rho,
       *   with t = n_s e_rho - n_rho sigma e the meridian tangent.
       *   For r_f = 0 it is the distance to the sharp edge circle.
       * Ties inside (d_rho = d_s <= 0, the medial surface) go to the wall.
       */
      class RoundedCylinder
      {
      public:
        RoundedCylinder(const Point<3>     &center,
                        const Tensor<1, 3> &axis,
                        const double        radius,
                        const double        half_length,
                        const double        fillet_radius);

        double
        signed_distance(const Point<3>        &x,
                        Tensor<1, 3>          *gradient = nullptr,
                        SymmetricTensor<2, 3> *hessian  = nullptr) const;

      private:
        Point<3>     center;
        Tensor<1, 3> axis;
        /** A unit vector normal to the axis, used on the axis itself. */
        Tensor<1, 3> normal_to_axis;
        double       radius;
        double       half_length;
        double       fillet_radius;
      };

      /**
       * Radius of the smallest circle about the origin containing a
       * rectangle [-w, w] x [-l, l] whose corners are rounded with radius
       * r_f: sqrt((w - r_f)^2 + (l - r_f)^2) + r_f.
       */
      double
      rounded_rectangle_circumradius(const double half_width,
                                     const double half_length,
                                     const double fillet_radius);
    } // namespace SDF

    /**
     * A length for an error message: "0.006 m".
     */
    std::string
    length_to_string(const double length);
  } // namespace Tips
} // namespace FasciaFE
