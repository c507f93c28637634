#pragma once

#include <deal.II/base/parameter_handler.h>

#include <models/tip.h>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * A rigid sphere of radius R resting on the apex: centre c = (0, 0, R),
     *   phi(x) = |x - c| - R,
     *   grad phi = n = (x - c) / |x - c|,
     *   Hess phi = (I - n (x) n) / |x - c|.
     * In plane strain it is a cylinder of radius R (the classical 2D
     * indentation), in axisymmetry the Hertz sphere.
     *
     * Parameters (subsection "sphere"): Radius [m].
     */
    class SphereTip : public Tip
    {
    public:
      /** Build from the subsection "sphere" of @p prm. */
      explicit SphereTip(ParameterHandler &prm);

      /** Build from the radius [m]; throws InputError unless R > 0. */
      explicit SphereTip(const double radius);

      static void
      declare_parameters(ParameterHandler &prm);

      double
      signed_distance(const Point<3>        &x,
                      Tensor<1, 3>          *gradient = nullptr,
                      SymmetricTensor<2, 3> *hessian  = nullptr) const override;

      /** True: a sphere is a body of revolution about z. */
      bool
      is_axisymmetric() const override;

      /** The radius R: the footprint is the disc of radius R. */
      double
      lateral_extent() const override;

      /** R: the sphere rolls about any horizontal axis through its centre. */
      double
      rolling_radius() const override;

      /** Radius R [m]. */
      double
      get_radius() const;

    private:
      const double radius;
    };
  } // namespace Tips
} // namespace FasciaFE
