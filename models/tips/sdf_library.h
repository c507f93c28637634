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
     * More exact signed distance primitives for the tip library (see
     * sdf_primitives.h for the conventions: phi > 0 outside, gradient the
     * unit outward normal of the nearest surface point, Hessian its
     * curvature; on the medial set inside a body one admissible normal and
     * the one-sided Hessian of the chosen piece).
     */
    namespace SDF
    {
      /**
       * The distance of a body of revolution in its meridian half plane
       * (rho >= 0 the distance from the axis, s the coordinate along it):
       * phi, its unit gradient n = (n_rho, n_s), the curvature kappa_m of the
       * level set in the meridian plane (the 2D Hessian is
       * kappa_m t (x) t with t = (n_s, -n_rho)) and the curvature of the
       * parallel circle, kappa_c = n_rho / rho (given by each piece so that
       * its limit on the axis is exact).
       */
      struct MeridianDistance
      {
        double phi;
        double n_rho;
        double n_s;
        double kappa_m;
        double kappa_c;
      };

      /**
       * Lift a meridian distance to 3D about the unit axis e, with e_rho the
       * unit radial direction of the point (any unit normal of e on the
       * axis):
       *   grad = n_rho e_rho + n_s e,
       *   Hess = kappa_m t (x) t + kappa_c (I - e (x) e - e_rho (x) e_rho),
       *   t = n_s e_rho - n_rho e.
       * Returns phi.
       */
      double
      lift_meridian(const MeridianDistance &d,
                    const Tensor<1, 3>     &e_rho,
                    const Tensor<1, 3>     &axis,
                    Tensor<1, 3>           *gradient,
                    SymmetricTensor<2, 3>  *hessian);

      /**
       * Capsule: all points within r of the segment [a, b] (a sphere if
       * a = b). With e = (b - a) / |b - a| and t = (x - a).e:
       * - 0 < t < |b - a|: d = x - a - t e, phi = |d| - r, n = d / |d|,
       *   Hess = (I - e (x) e - n (x) n) / |d| (the cylinder);
       * - otherwise the sphere of radius r about the nearer end.
       */
      double
      capsule(const Point<3>        &x,
              const Point<3>        &a,
              const Point<3>        &b,
              const double           radius,
              Tensor<1, 3>          *gradient = nullptr,
              SymmetricTensor<2, 3> *hessian  = nullptr);

      /**
       * Solid torus: tube radius r about the circle of radius R_c about the
       * unit axis e through c, in the plane s = (x - c).e = 0. With rho the
       * distance from the axis and d = (rho - R_c, s):
       *   phi = |d| - r,  n = d / |d|,  kappa_m = 1 / |d|,
       *   kappa_c = n_rho / rho
       * (exact wherever the nearest point of the tube circle is on the same
       * side of the axis, i.e. everywhere if R_c >= r).
       */
      double
      torus(const Point<3>        &x,
            const Point<3>        &center,
            const Tensor<1, 3>    &axis,
            const double           ring_radius,
            const double           tube_radius,
            Tensor<1, 3>          *gradient = nullptr,
            SymmetricTensor<2, 3> *hessian  = nullptr);

      /**
       * A rounded cone with a flat top, elongated along y: the body of
       * revolution about z of the convex meridian section
       *   {sphere of radius r about (0, r)} swept along the flank of
       *   half angle alpha (from the axis), cut by the top z <= H,
       * (apex at the origin, flanks tangent to the sphere at
       * T = (r cos alpha, r (1 - sin alpha)), top rim at
       * (rho_top, H)), split in the plane y = 0 and pulled apart by 2 w
       * along y (w = 0: the cone itself; w > 0: a wedge whose lowest line is
       * the segment |y| <= w, with half-cone ends).
       *
       * In the meridian plane (q = (rho, z), c = (0, r), flank direction
       * t_f = (sin alpha, cos alpha), flank normal n_f = (cos alpha,
       * -sin alpha), s = (q - c).t_f) the exact distance is, inside,
       *   phi = max(d_side, z - H),
       *   d_side = |q - c| - r if s <= 0, (q - c).n_f - r otherwise
       * and, outside, the distance to the nearest of the cap arc, the flank
       * segment, the top segment and the rim vertex. Pieces: cap
       * (kappa_m = kappa_c = 1 / |q - c|), flank (kappa_m = 0,
       * kappa_c = cos(alpha) / rho), top (0, 0), rim (kappa_m =
       * 1 / |q - V|). The elongation evaluates this at
       * q3 = (x, y - clamp(y, -w, w), z); for |y| < w the y row and column
       * of the Hessian vanish (the elongation is exact for convex bodies of
       * revolution, inside and outside).
       */
      class RoundedCone
      {
      public:
        RoundedCone(const double half_angle,
                    const double apex_radius,
                    const double height,
                    const double half_elongation);

        double
        signed_distance(const Point<3>        &x,
                        Tensor<1, 3>          *gradient = nullptr,
                        SymmetricTensor<2, 3> *hessian  = nullptr) const;

        /** Radius rho_top [m] of the top rim. */
        double
        top_radius() const;

      private:
        MeridianDistance
        meridian_distance(const double rho, const double z) const;

        double cos_alpha, sin_alpha;
        double apex_radius, height, half_elongation;
        /** Flank length from the tangent point to the rim. */
        double flank_length;
        double rho_top;
      };
    } // namespace SDF

    /** An angle for an error message: "95 deg". */
    std::string
    angle_to_string(const double degrees);
  } // namespace Tips
} // namespace FasciaFE
