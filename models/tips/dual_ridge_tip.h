#pragma once

#include <deal.II/base/parameter_handler.h>

#include <models/tip.h>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * Two rounded parallel ridges (a suboccipital cradle): capsules of equal
     * radius r about the segments x = +-s/2, z = r, |y| <= w (w = Ridge
     * length / 2), i.e. two bars along y with hemispherical ends, their
     * axes s apart. The origin is the point midway between the ridges at
     * the height of their lowest lines (z = 0): the tip is symmetric about
     * x = 0, its lowest points are the two lines (+-s/2, y, 0), |y| <= w,
     * and the origin itself lies outside the body (phi(0) = hypot(s/2, r)
     * - r) -- depth is measured from the lowest lines, as for any tip.
     *
     * The exact distance of the union is the minimum of the two capsules'
     * exact distances (SDF::capsule), with the gradient and Hessian of the
     * nearer one. It is not differentiable on the plane x = 0 (the medial
     * plane of the two ridges, outside the body), where the gradient
     * jumps between the two ridges' normals.
     *
     * Parameters (subsection "dual ridge"): Ridge radius, Ridge spacing,
     * Ridge length [m].
     */
    class DualRidgeTip : public Tip
    {
    public:
      /** Build from the subsection "dual ridge" of @p prm. */
      explicit DualRidgeTip(ParameterHandler &prm);

      /**
       * Build from the radius r, the axis spacing s and the straight length
       * 2 w [m]; InputError unless r > 0, s > 2 r and length >= 0.
       */
      DualRidgeTip(const double radius,
                   const double spacing,
                   const double length);

      static void
      declare_parameters(ParameterHandler &prm);

      double
      signed_distance(const Point<3>        &x,
                      Tensor<1, 3>          *gradient = nullptr,
                      SymmetricTensor<2, 3> *hessian  = nullptr) const override;

      /** False. */
      bool
      is_axisymmetric() const override;

      /** hypot(s/2, w) + r: the far corner of the end caps. */
      double
      lateral_extent() const override;

    private:
      const double radius, spacing, length;
    };
  } // namespace Tips
} // namespace FasciaFE
