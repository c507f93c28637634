#pragma once

#include <deal.II/base/parameter_handler.h>

#include <models/tip.h>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * A slender rounded finger (a narrow iliacus tip): the capsule of
     * radius r about the segment from a = (0, 0, r) to
     * b = a + L (sin theta, 0, cos theta), i.e. a finger whose axis leans
     * by theta from the surface normal towards +x (about the y axis),
     * while its rounded end keeps its lowest point at the apex: for
     * |theta| < 90 deg the lowest point of the capsule is the bottom of the
     * sphere about a, the origin. Exact distance (SDF::capsule):
     *   phi = |x - p(x)| - r,  p(x) the nearest point of [a, b],
     * with the sphere's gradient and Hessian at the ends and the
     * cylinder's, (I - e (x) e - n (x) n) / |x - p|, along the shaft.
     *
     * Unlike Tip/Tilt angle, which rotates the whole tip about its apex
     * (moving the first contact point onto the rounded side), the lean is
     * part of the shape: the finger presses with its end and its shaft
     * leans, like a finger hooked under the pelvic rim.
     *
     * Parameters (subsection "angled finger"): Radius, Length [m],
     * Lean angle [deg].
     */
    class AngledFingerTip : public Tip
    {
    public:
      /** Build from the subsection "angled finger" of @p prm. */
      explicit AngledFingerTip(ParameterHandler &prm);

      /**
       * Build from the radius r, the shaft length L [m] and the lean angle
       * theta [deg]; InputError unless r > 0, L >= 0 and |theta| < 90.
       */
      AngledFingerTip(const double radius,
                      const double length,
                      const double lean_angle_degrees);

      static void
      declare_parameters(ParameterHandler &prm);

      double
      signed_distance(const Point<3>        &x,
                      Tensor<1, 3>          *gradient = nullptr,
                      SymmetricTensor<2, 3> *hessian  = nullptr) const override;

      /** True only if theta = 0 or L = 0 (then it is a body of revolution). */
      bool
      is_axisymmetric() const override;

      /** L |sin(theta)| + r. */
      double
      lateral_extent() const override;

    private:
      const double   radius, length, lean_angle;
      const Point<3> end_a, end_b;
    };
  } // namespace Tips
} // namespace FasciaFE
