#pragma once

#include <deal.II/base/parameter_handler.h>

#include <models/tip.h>
#include <models/tips/sdf_library.h>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * A rigid cone with a spherical apex cap and a flat top: half angle
     * alpha measured from the z axis (tan(alpha) large is blunt, as in
     * Sneddon's cone, physics.md section 4 case 4), apex radius r
     * (sphere of radius r about (0, 0, r), tangent-continuous with the
     * flanks at height r (1 - sin(alpha))) and height H (flat top at
     * z = H). The exact signed distance of this convex body of revolution
     * is SDF::RoundedCone with no elongation: in the meridian plane
     * (rho, z) the distance to the cap arc, the flank line, the top line or
     * the rim, with exact gradient and Hessian (sphere Hessian on the cap,
     * cos(alpha) / rho circumferential curvature on the flank, zero on the
     * top, the rim circle's curvature outside it). r = 0 is the sharp cone
     * (its apex is a singular point of the normal).
     *
     * Parameters (subsection "cone"): Half angle [deg], Apex radius [m],
     * Height [m].
     */
    class ConeTip : public Tip
    {
    public:
      /** Build from the subsection "cone" of @p prm. */
      explicit ConeTip(ParameterHandler &prm);

      /**
       * Build from the half angle [deg], apex radius and height [m];
       * InputError unless 0 < alpha < 90, r >= 0 and H > r (1 - sin alpha).
       */
      ConeTip(const double half_angle_degrees,
              const double apex_radius,
              const double height);

      static void
      declare_parameters(ParameterHandler &prm);

      double
      signed_distance(const Point<3>        &x,
                      Tensor<1, 3>          *gradient = nullptr,
                      SymmetricTensor<2, 3> *hessian  = nullptr) const override;

      /** True. */
      bool
      is_axisymmetric() const override;

      /** The top radius r cos(alpha) + (H - r (1 - sin alpha)) tan(alpha). */
      double
      lateral_extent() const override;

    private:
      const SDF::RoundedCone shape;
    };
  } // namespace Tips
} // namespace FasciaFE
