#pragma once

#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

#include <models/registry.h>

namespace FasciaFE
{
  using namespace dealii;

  /**
   * A rigid tool tip, described by its signed distance function phi in its
   * own frame: the apex (the point that touches the tissue first) is at the
   * origin, the tip's body lies in z >= 0 and it presses along -z.
   * phi > 0 outside the tip, phi < 0 inside; the gradient is the unit
   * outward normal of the nearest surface point, the Hessian its curvature
   * (needed by the consistent contact tangent).
   */
  class Tip
  {
  public:
    virtual ~Tip() = default;

    /**
     * Signed distance [m] of @p x (tip frame, m). When @p gradient or
     * @p hessian are not null they receive d phi/dx (dimensionless, unit
     * length) and d2 phi/dx2 [1/m].
     */
    virtual double
    signed_distance(const Point<3>        &x,
                    Tensor<1, 3>          *gradient = nullptr,
                    SymmetricTensor<2, 3> *hessian  = nullptr) const = 0;

    /** True if the tip is a body of revolution about its z axis. */
    virtual bool
    is_axisymmetric() const = 0;

    /**
     * Radius [m] of the smallest circle about the z axis that contains the
     * tip's footprint; used to check that the tip fits on the mesh.
     */
    virtual double
    lateral_extent() const = 0;

    /**
     * Radius r [m] of rolling: the tip rolls along x about the axis
     * parallel to y through (0, 0, r) and is a body of revolution about
     * it (sphere: its radius; cylinder and roller: the distance from the
     * axis to the apex). 0 (the default): the tip cannot roll, only
     * slide.
     */
    virtual double
    rolling_radius() const
    {
      return 0.;
    }
  };

  using TipRegistry = PluginRegistry<Tip>;

  /** Register a tip shape from its own source file. */
#define FASCIAFE_REGISTER_TIP(classname, name, description) \
  FASCIAFE_REGISTER_PLUGIN(::FasciaFE::Tip, classname, name, description)
} // namespace FasciaFE
