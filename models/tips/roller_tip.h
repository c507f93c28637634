#pragma once

#include <deal.II/base/parameter_handler.h>

#include <models/tip.h>
#include <models/tips/sdf_primitives.h>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * A foam roller, optionally ribbed: the rounded cylinder of the
     * "cylinder" tip (core radius R, length L, end fillet r_f, axis along
     * y; SDF::RoundedCylinder) with circumferential ridges. Each ridge is
     * the torus of tube radius r_t (Ridge radius) about the roller axis
     * whose crest stands h (Ridge height) above the core surface: ring
     * radius R + h - r_t, at s_k = k p (pitch p) for all k whose ridge
     * foot, half width w_r = sqrt(h (2 r_t - h)), stays on the straight
     * part: |s_k| + w_r <= L/2 - r_f. The axis is at height z = R + h, so
     * the crest of the ridge k = 0 touches z = 0 at the apex (without
     * ridges, h = 0, it is the "cylinder" tip with axis at z = R).
     *
     * The body is the union of the core and the ridges:
     *   phi = min(phi_core, phi_torus,k*),  k* = the ridge nearest in s
     * (the tori are disjoint and their distance grows with |s - s_k|), with
     * the exact gradient and Hessian of the active piece (torus:
     * SDF::torus). Outside the body this is the exact distance; inside it
     * is exact except where the nearest core point is covered by a ridge
     * (the distance is then underestimated), i.e. within about h of a ridge
     * foot. The surface has concave creases where a ridge meets the core
     * (angle arccos(1 - h / r_t)): the gradient jumps across the bisector
     * surfaces that emanate from them (outside) -- the non-smooth set of
     * the exact distance of a ribbed body.
     *
     * Parameters (subsection "roller"): Radius, Length, End fillet radius,
     * Ridge height, Ridge pitch, Ridge radius [m].
     */
    class RollerTip : public Tip
    {
    public:
      /** Build from the subsection "roller" of @p prm. */
      explicit RollerTip(ParameterHandler &prm);

      /**
       * Build from R, L, r_f, h, p, r_t [m]; InputError unless R > 0,
       * L > 0, 0 <= r_f < R, r_f < L/2, h >= 0 and, with ridges (h > 0):
       * h <= r_t < R, p >= 2 w_r and w_r <= L/2 - r_f.
       */
      RollerTip(const double radius,
                const double length,
                const double end_fillet_radius,
                const double ridge_height,
                const double ridge_pitch,
                const double ridge_radius);

      static void
      declare_parameters(ParameterHandler &prm);

      double
      signed_distance(const Point<3>        &x,
                      Tensor<1, 3>          *gradient = nullptr,
                      SymmetricTensor<2, 3> *hessian  = nullptr) const override;

      /** False: the roller's axis is the y axis. */
      bool
      is_axisymmetric() const override;

      /**
       * Circumradius of the footprint: the larger of the core's filleted
       * L x 2R rectangle and the outermost ridges' (|s_k| + w_r) x
       * 2 (R + h) rectangle.
       */
      double
      lateral_extent() const override;

      /** R + h: the roller rolls on its crests about its axis (z = R + h). */
      double
      rolling_radius() const override;

      /** Number of ridges (0 without ridges). */
      unsigned int
      n_ridges() const;

    private:
      const double radius, length, end_fillet_radius;
      const double ridge_height, ridge_pitch, ridge_radius;
      /** Ridge indices k run over -k_max..k_max (none if h = 0). */
      int                        k_max;
      const SDF::RoundedCylinder core;
    };
  } // namespace Tips
} // namespace FasciaFE
