#pragma once

#include <deal.II/base/parameter_handler.h>

#include <models/tip.h>
#include <models/tips/ellipsoid_distance.h>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * A blunt rounded body (an elbow, the olecranon): the ellipsoid E with
     * semi-axes a (x), b (y), c (z) offset outwards by a rounding radius r,
     * i.e. the Minkowski sum of E and a ball of radius r (all points within
     * r of E). Its centre is at (0, 0, c + r), the apex (0, 0, 0) is its
     * lowest point. Because E is convex and phi_E is its exact signed
     * distance, the offset body has the exact signed distance
     *   phi = phi_E(x) - r,  grad phi = grad phi_E,  Hess phi = Hess phi_E
     * everywhere (inside and outside). Apex radii of curvature:
     *   R_x = a^2 / c + r,  R_y = b^2 / c + r;
     * half widths a + r and b + r, height 2 (c + r). A small apex radius
     * on a wide body needs c > a (a prolate core); r = 0 is the plain
     * ellipsoid.
     *
     * Parameters (subsection "blunt ellipsoid"): Semi-axis a, Semi-axis b,
     * Semi-axis c, Rounding radius [m].
     */
    class BluntEllipsoidTip : public Tip
    {
    public:
      /** Build from the subsection "blunt ellipsoid" of @p prm. */
      explicit BluntEllipsoidTip(ParameterHandler &prm);

      /**
       * Build from the core semi-axes and the rounding radius [m];
       * InputError unless a, b, c > 0 and r >= 0.
       */
      BluntEllipsoidTip(const double a,
                        const double b,
                        const double c,
                        const double rounding_radius);

      static void
      declare_parameters(ParameterHandler &prm);

      double
      signed_distance(const Point<3>        &x,
                      Tensor<1, 3>          *gradient = nullptr,
                      SymmetricTensor<2, 3> *hessian  = nullptr) const override;

      /** True if a = b. */
      bool
      is_axisymmetric() const override;

      /** max(a, b) + r. */
      double
      lateral_extent() const override;

    private:
      const double         a, b, rounding_radius;
      const SDF::Ellipsoid core;
    };
  } // namespace Tips
} // namespace FasciaFE
