#pragma once

#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>

#include <string>

namespace FasciaFE
{
  using namespace dealii;

  /**
   * A user-defined region of the tissue whose structure is reported in the
   * history file ("psoas under the tip"): a box or a sphere in the 3D
   * embedding of the reference configuration (z up, the undeformed top
   * surface at z = 0; in 2D models a point (a, b) is (a, 0, b), so the
   * radial coordinate of an axisymmetric model is x). In models with
   * symmetry planes the region is mirrored with the mesh. Also holds the
   * threshold below which a material point counts as released.
   */
  struct TargetRegion
  {
    std::string shape = "none"; // none | box | sphere
    Point<3>    center;
    Point<3>    half_widths;
    double      radius            = 0.;
    double      release_threshold = 0.5;

    static void
    declare_parameters(ParameterHandler &prm);
    void
    parse_parameters(ParameterHandler &prm);

    bool
    active() const
    {
      return shape != "none";
    }

    /** Whether the reference point @p X (3D embedding) is in the region. */
    bool
    contains(const Point<3> &X) const;
  };
} // namespace FasciaFE
