#include <solver/exceptions.h>
#include <solver/simulation.h>

#include <limits>
#include <sstream>

namespace FasciaFE
{
  namespace
  {
    /**
     * How far the placed tip is from being symmetric about the plane
     * x_axis = 0 [m]: points on a grid around the apex (9 x 9 quarter
     * lateral extents e, 9 x 1 in 2D, at 0, 0.1 and 0.3 e above it) are
     * projected onto the tip's surface, s = p - phi(p) grad phi(p), and
     *   max |phi(M s) - phi(s)|
     * is returned, M the mirror in the plane. Both points lie at the
     * surface for a symmetric tip, where a file tip's distance is exact
     * (its cache is used only far from the body).
     */
    double
    mirror_asymmetry(const Tool        &tool,
                     const unsigned int axis,
                     const double       e,
                     const bool         three_d)
    {
      double          worst = 0.;
      const Point<3> &a     = tool.apex();
      const int       n_j   = three_d ? 4 : 0;
      for (int i = -4; i <= 4; ++i)
        for (int j = -n_j; j <= n_j; ++j)
          for (const double c : {0., 0.1, 0.3})
            {
              const Point<3> p =
                a + Tensor<1, 3>({0.25 * i * e, 0.25 * j * e, c * e});
              Tensor<1, 3>   g;
              const double   phi = tool.signed_distance(p, &g);
              const Point<3> s   = p - phi * g;
              Point<3>       m   = s;
              m[axis]            = 2. * a[axis] - s[axis];
              worst              = std::max(worst,
                               std::abs(tool.signed_distance(m) -
                                        tool.signed_distance(s)));
            }
      return worst;
    }
  } // namespace



  template <int dim>
  void
  Simulation<dim>::check_initial_configuration() const
  {
    const auto  &block  = settings.geometry.block;
    const Tool  &tool   = settings.tool;
    const double extent = tool.tip().lateral_extent();
    if (block.type == ModelType::axisymmetric)
      {
        check_input(tool.tip().is_axisymmetric(),
                    "Tip/Shape: '" + tool.shape_name() +
                      "' is not axisymmetric and cannot be used with "
                      "Geometry/Model type = axisymmetric");
        check_input(tool.apex()[0] == 0.,
                    "Tip/Position x must be 0 when axisymmetric");
        check_input(tool.tilt() == 0. && tool.orientation().keeps_axis(2),
                    "Tip/Tilt angle and Tip/Rotation angle (about an axis "
                    "other than z) must be 0 when axisymmetric: the tip "
                    "axis is the axis of symmetry");
      }
    if (block.type == ModelType::plane_strain)
      check_input(tool.orientation().keeps_axis(1),
                  "Tip/Rotation axis: in plane strain the tip is its "
                  "section y = 0 and may only turn about y (Rotation axis "
                  "= 0, 1, 0, or Tip/Tilt angle)");
    if (block.symmetric_x())
      check_input(tool.apex()[0] == 0.,
                  "Tip/Position x must be 0 with the symmetry plane x = 0");
    if (block.symmetric_y())
      check_input(tool.apex()[1] == 0.,
                  "Tip/Position y must be 0 with the symmetry plane y = 0");
    // Half the footprint radius: only the contact zone must be on the block.
    check_input(std::abs(tool.apex()[0]) + 0.5 * extent < block.half_width_x,
                "Tip: the tip (lateral extent " + std::to_string(extent) +
                  " m) does not fit on the block (Geometry/Half width x = " +
                  std::to_string(block.half_width_x) + " m)");
    if (dim == 3)
      check_input(std::abs(tool.apex()[1]) + 0.5 * extent < block.half_width_y,
                  "Tip: the tip (lateral extent " + std::to_string(extent) +
                    " m) at Tip/Position y = " +
                    std::to_string(tool.apex()[1]) +
                    " m does not fit on the block (Geometry/Half width y = " +
                    std::to_string(block.half_width_y) + " m)");

    // Moving phases: a full plane-strain or 3d model, a tip path on the
    // block, and a tip that can roll for 'roll'.
    const Protocol &protocol = settings.protocol;
    if (protocol.moves_laterally())
      {
        check_input(block.type != ModelType::axisymmetric &&
                      !block.symmetric_x(),
                    "Protocol/Phases: moving the tip (move, roll, slide) "
                    "needs Geometry/Model type = plane strain or 3d with "
                    "Geometry/Symmetry = full (or half y in 3d)");
        const auto [lo, hi]     = protocol.lateral_range();
        const double       x_lo = tool.position_x() + lo;
        const double       x_hi = tool.position_x() + hi;
        std::ostringstream path;
        path << "Protocol/Phases: the tip path leaves the mesh: the apex "
                "moves over x in ["
             << x_lo << ", " << x_hi << "] m and the tip reaches "
             << 0.5 * extent << " m beyond it, but the block spans |x| < "
             << block.half_width_x << " m (Geometry/Half width x)";
        check_input(std::max(std::abs(x_lo), std::abs(x_hi)) + 0.5 * extent <
                      block.half_width_x,
                    path.str());
      }
    if (tool.pivoted())
      check_input(block.type != ModelType::axisymmetric && !block.symmetric_x(),
                  "Tip/Pivot: a pivoted tip turns about y and needs "
                  "Geometry/Model type = plane strain or 3d with "
                  "Geometry/Symmetry = full (or half y in 3d)");
    check_input(!(tool.pivoted() && protocol.rolls()),
                "Tip/Pivot: a pivoted tip cannot roll (the 'roll' phases); "
                "use 'slide'");
    if (protocol.rolls())
      {
        check_input(tool.tip().rolling_radius() > 0.,
                    "Protocol/Phases: 'roll' needs a tip that can roll "
                    "(sphere, cylinder, roller); Tip/Shape = " +
                      tool.shape_name() + " cannot: use 'slide'");
        check_input(tool.tilt() == 0. && !tool.orientation().is_rotated(),
                    "Protocol/Phases: 'roll' turns the tip about the y "
                    "axis through its centre, which needs Tip/Tilt angle "
                    "= 0 and Tip/Rotation angle = 0; use 'slide'");
      }

    // A symmetry plane must be one of the tip's (a union with an off-plane
    // tip, a file tip turned about the wrong axis, a tilted or turned tip).
    for (const unsigned int axis : {0u, 1u})
      {
        if (!(axis == 0 ? block.symmetric_x() : block.symmetric_y()) ||
            block.type == ModelType::axisymmetric)
          continue;
        const double worst = mirror_asymmetry(tool, axis, extent, dim == 3);
        std::ostringstream asym;
        asym << "Tip: Tip/Shape = " << tool.shape_name()
             << " is not symmetric about the plane " << (axis == 0 ? 'x' : 'y')
             << " = 0 of Geometry/Symmetry = "
             << (block.symmetry == Symmetry::half    ? "half" :
                 block.symmetry == Symmetry::quarter ? "quarter" :
                                                       "half y")
             << " (signed distances at mirrored surface points differ by up "
                "to "
             << worst << " m); use Geometry/Symmetry = full";
        check_input(worst <= 1e-3 * extent, asym.str());
      }

    // A tip that starts inside the tissue: the SDF at the undeformed top
    // surface vertices must be >= 0 at the protocol's initial depth.
    double min_phi = std::numeric_limits<double>::max();
    for (const auto &cell : triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary() &&
              cell->face(f)->boundary_id() == BoundaryId::top)
            for (const unsigned int v : cell->face(f)->vertex_indices())
              min_phi = std::min(min_phi,
                                 tool.signed_distance(Kinematics<dim>::embed(
                                   cell->face(f)->vertex(v))));
    min_phi = Utilities::MPI::min(min_phi, comm);
    std::ostringstream msg;
    msg << "Tip: the tip starts inside the tissue (penetration " << -min_phi
        << " m at t = 0); raise Protocol/Initial gap or start the table at "
           "a depth <= 0";
    check_input(min_phi >= -1e-12 * settings.geometry.block.zone_radius,
                msg.str());
  }



  template class Simulation<2>;
  template class Simulation<3>;
} // namespace FasciaFE
