#include <solver/exceptions.h>
#include <solver/target_region.h>

#include <cmath>
#include <sstream>

namespace FasciaFE
{
  namespace
  {
    Point<3>
    read_point(ParameterHandler &prm, const std::string &name)
    {
      const auto v = Utilities::string_to_double(
        Utilities::split_string_list(prm.get(name)));
      return Point<3>(v[0], v[1], v[2]);
    }
  } // namespace



  void
  TargetRegion::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Target region");
    prm.declare_entry("Shape",
                      "none",
                      Patterns::Selection("none|box|sphere"),
                      "Region whose minimum and mean structure lambda and "
                      "released volume are written to the history file "
                      "(e.g. the muscle under the tip); none: no target "
                      "columns [-].");
    prm.declare_entry("Center",
                      "0, 0, -0.01",
                      Patterns::List(Patterns::Double(), 3, 3),
                      "Center x, y, z of the box or sphere in the reference "
                      "configuration [m]; z < 0 is below the undeformed "
                      "surface; 2D models use (x, 0, z), x radial if "
                      "axisymmetric.");
    prm.declare_entry("Half widths",
                      "0.01, 0.01, 0.005",
                      Patterns::List(Patterns::Double(0.), 3, 3),
                      "Half widths of the box along x, y, z [m], each > 0.");
    prm.declare_entry("Radius",
                      "0.01",
                      Patterns::Double(0.),
                      "Radius of the sphere [m], > 0.");
    prm.declare_entry("Release threshold",
                      "0.5",
                      Patterns::Double(0., 1.),
                      "A material point is released when its lambda is "
                      "below this [-]; used for the released volumes of the "
                      "whole tissue and of the target region.");
    prm.leave_subsection();
  }



  void
  TargetRegion::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Target region");
    shape             = prm.get("Shape");
    center            = read_point(prm, "Center");
    half_widths       = read_point(prm, "Half widths");
    radius            = prm.get_double("Radius");
    release_threshold = prm.get_double("Release threshold");
    prm.leave_subsection();
    if (shape == "box")
      for (unsigned int d = 0; d < 3; ++d)
        {
          std::ostringstream msg;
          msg << "Target region/Half widths: component " << d + 1
              << " must be > 0 m (got " << half_widths[d] << ")";
          check_input(half_widths[d] > 0., msg.str());
        }
    if (shape == "sphere")
      {
        std::ostringstream msg;
        msg << "Target region/Radius must be > 0 m (got " << radius << ")";
        check_input(radius > 0., msg.str());
      }
  }



  bool
  TargetRegion::contains(const Point<3> &X) const
  {
    if (shape == "sphere")
      return X.distance(center) <= radius;
    if (shape == "box")
      {
        for (unsigned int d = 0; d < 3; ++d)
          if (std::abs(X[d] - center[d]) > half_widths[d])
            return false;
        return true;
      }
    return false;
  }
} // namespace FasciaFE
