#pragma once

#include <deal.II/base/parameter_handler.h>

#include <models/tip.h>
#include <models/tips/sdf_primitives.h>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * A rigid flat-ended cylindrical punch: a solid cylinder of radius a
     * about the z axis, height H, its flat face at z = 0, with both circular
     * edges rounded by a fillet of radius r_f (0 <= r_f < a, r_f < H / 2;
     * r_f = 0 is the sharp-edged Boussinesq punch). The contact face is
     * therefore the disc rho <= a - r_f at z = 0, joined to the wall
     * rho = a by the torus of tube radius r_f around the circle
     * (rho = a - r_f, z = r_f). With rho = sqrt(x^2 + y^2) and
     *   d = (rho - (a - r_f), |z - H/2| - (H/2 - r_f)),
     * the exact signed distance is that of a rounded cylinder,
     *   phi = |max(d, 0)| + min(max(d_1, d_2), 0) - r_f,
     * with the piecewise exact gradient and Hessian of
     * SDF::RoundedCylinder (plane, cylinder wall, torus).
     *
     * Parameters (subsection "flat punch"): Radius, Height,
     * Fillet radius [m].
     */
    class FlatPunchTip : public Tip
    {
    public:
      /** Build from the subsection "flat punch" of @p prm. */
      explicit FlatPunchTip(ParameterHandler &prm);

      /**
       * Build from the radius a, height H and fillet radius r_f [m]; throws
       * InputError unless a > 0, H > 0, 0 <= r_f < a and r_f < H / 2.
       */
      FlatPunchTip(const double radius,
                   const double height,
                   const double fillet_radius);

      static void
      declare_parameters(ParameterHandler &prm);

      double
      signed_distance(const Point<3>        &x,
                      Tensor<1, 3>          *gradient = nullptr,
                      SymmetricTensor<2, 3> *hessian  = nullptr) const override;

      /** True: the punch is a body of revolution about z. */
      bool
      is_axisymmetric() const override;

      /** The punch radius a. */
      double
      lateral_extent() const override;

    private:
      const double               radius;
      const SDF::RoundedCylinder shape;
    };
  } // namespace Tips
} // namespace FasciaFE
