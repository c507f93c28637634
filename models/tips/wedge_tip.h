#pragma once

#include <deal.II/base/parameter_handler.h>

#include <models/tip.h>
#include <models/tips/sdf_library.h>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * A broad rounded wedge (a psoas tip): its lowest line is the edge
     * segment |y| <= w on the y axis (w = Edge length / 2), rounded with the
     * edge radius r; the flanks rise at the half angle beta from the
     * vertical up to the flat top at z = H; both ends are half cones of the
     * same section, so the edge ends in a quarter-sphere of radius r. It is
     * the rounded cone of SDF::RoundedCone (half angle beta, apex radius r,
     * height H) split at y = 0 and pulled apart by 2 w along y:
     *   phi(x) = phi_cone(x, y - clamp(y, -w, w), z),
     * exact inside and outside (elongation of a convex body of
     * revolution), with exact gradient and Hessian (the y row and column of
     * the Hessian vanish for |y| < w: the flanks are planes and the edge a
     * cylinder there). The Hessian jumps across the planes |y| = w (the
     * surface is C^1 there, its curvature is not).
     *
     * Parameters (subsection "wedge"): Half angle [deg], Edge radius,
     * Edge length, Height [m].
     */
    class WedgeTip : public Tip
    {
    public:
      /** Build from the subsection "wedge" of @p prm. */
      explicit WedgeTip(ParameterHandler &prm);

      /**
       * Build from the half angle [deg], edge radius, edge length and
       * height [m]; InputError unless 0 < beta < 90, r >= 0, length >= 0
       * and H > r (1 - sin beta).
       */
      WedgeTip(const double half_angle_degrees,
               const double edge_radius,
               const double edge_length,
               const double height);

      static void
      declare_parameters(ParameterHandler &prm);

      double
      signed_distance(const Point<3>        &x,
                      Tensor<1, 3>          *gradient = nullptr,
                      SymmetricTensor<2, 3> *hessian  = nullptr) const override;

      /** True only for a zero edge length (then it is the cone). */
      bool
      is_axisymmetric() const override;

      /** w + rho_top: the footprint is a stadium of half width rho_top. */
      double
      lateral_extent() const override;

    private:
      const double           edge_length;
      const SDF::RoundedCone shape;
    };
  } // namespace Tips
} // namespace FasciaFE
