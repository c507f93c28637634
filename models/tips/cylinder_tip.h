#pragma once

#include <deal.II/base/parameter_handler.h>

#include <models/tip.h>
#include <models/tips/sdf_primitives.h>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * A rigid roller: a solid cylinder of radius R whose axis is parallel to
     * the y axis at height z = R (its lowest line y -> (0, y, 0) touches
     * z = 0), of length L centred on y = 0, with flat ends whose edges are
     * rounded by a fillet of radius r_f (0 <= r_f < R, r_f < L / 2). With
     * rho = sqrt(x^2 + (z - R)^2) and
     *   d = (rho - (R - r_f), |y| - (L/2 - r_f)),
     * the exact signed distance is that of a rounded cylinder,
     *   phi = |max(d, 0)| + min(max(d_1, d_2), 0) - r_f,
     * with the piecewise exact gradient and Hessian of
     * SDF::RoundedCylinder (cylinder wall, flat ends, torus fillets).
     *
     * The roller is not axisymmetric about z. In plane strain the solver
     * evaluates it at y = 0, where phi = max(sqrt(x^2 + (z - R)^2) - R,
     * -L/2): outside and near the surface the classical 2D cylinder.
     *
     * Parameters (subsection "cylinder"): Radius, Length,
     * End fillet radius [m].
     */
    class CylinderTip : public Tip
    {
    public:
      /** Build from the subsection "cylinder" of @p prm. */
      explicit CylinderTip(ParameterHandler &prm);

      /**
       * Build from the radius R, length L and end fillet radius r_f [m];
       * throws InputError unless R > 0, L > 0, 0 <= r_f < R and r_f < L / 2.
       */
      CylinderTip(const double radius,
                  const double length,
                  const double end_fillet_radius);

      static void
      declare_parameters(ParameterHandler &prm);

      double
      signed_distance(const Point<3>        &x,
                      Tensor<1, 3>          *gradient = nullptr,
                      SymmetricTensor<2, 3> *hessian  = nullptr) const override;

      /** False: the roller's axis is the y axis, not z. */
      bool
      is_axisymmetric() const override;

      /**
       * Circumradius of the footprint, the L x 2R rectangle with corners
       * rounded by r_f: sqrt((L/2 - r_f)^2 + (R - r_f)^2) + r_f.
       */
      double
      lateral_extent() const override;

      /** R: the roller rolls about its axis (parallel to y at z = R). */
      double
      rolling_radius() const override;

    private:
      const double               radius;
      const double               length;
      const double               end_fillet_radius;
      const SDF::RoundedCylinder shape;
    };
  } // namespace Tips
} // namespace FasciaFE
