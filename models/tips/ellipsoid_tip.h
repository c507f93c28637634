#pragma once

#include <deal.II/base/parameter_handler.h>

#include <models/tip.h>
#include <models/tips/ellipsoid_distance.h>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * A rigid ellipsoid (a thumb pad): semi-axes a along x, b along y
     * (lateral) and c along z (axial), centre (0, 0, c), so the apex
     * (0, 0, 0) is its lowest point. Exact signed distance, gradient and
     * Hessian by SDF::Ellipsoid (Eberly's root of the 1D problem for the
     * nearest point; |grad| = 1, Hess = W (I + phi W)^{-1} with W the shape
     * operator at the nearest point). Apex radii of curvature a^2 / c
     * (xz plane) and b^2 / c (yz plane).
     *
     * Parameters (subsection "ellipsoid"): Semi-axis a, Semi-axis b,
     * Semi-axis c [m].
     */
    class EllipsoidTip : public Tip
    {
    public:
      /** Build from the subsection "ellipsoid" of @p prm. */
      explicit EllipsoidTip(ParameterHandler &prm);

      /** Build from the semi-axes [m]; InputError unless all are > 0. */
      EllipsoidTip(const double a, const double b, const double c);

      static void
      declare_parameters(ParameterHandler &prm);

      double
      signed_distance(const Point<3>        &x,
                      Tensor<1, 3>          *gradient = nullptr,
                      SymmetricTensor<2, 3> *hessian  = nullptr) const override;

      /** True if a = b (a spheroid about z). */
      bool
      is_axisymmetric() const override;

      /** max(a, b): the footprint is the ellipse with semi-axes a, b. */
      double
      lateral_extent() const override;

    private:
      const double         a, b;
      const SDF::Ellipsoid shape;
    };
  } // namespace Tips
} // namespace FasciaFE
