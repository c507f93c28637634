#include <deal.II/base/numbers.h>

#include <deal.II/physics/transformations.h>

#include <solver/exceptions.h>
#include <solver/tool.h>

#include <cmath>

namespace FasciaFE
{
  void
  Tool::declare_parameters(ParameterHandler &prm)
  {
    const auto &registry = TipRegistry::instance();
    prm.enter_subsection("Tip");
    prm.declare_entry("Shape",
                      "sphere",
                      Patterns::Selection(registry.selection()),
                      "Tip shape; its parameters are in the subsection of "
                      "the same name.");
    prm.declare_entry("Position x",
                      "0",
                      Patterns::Double(),
                      "x of the tip axis [m] (must be 0 with a symmetry "
                      "plane x = 0 or when axisymmetric).");
    prm.declare_entry("Position y",
                      "0",
                      Patterns::Double(),
                      "y of the tip axis [m] (3d; must be 0 with a symmetry "
                      "plane y = 0).");
    prm.declare_entry("Tilt angle",
                      "0",
                      Patterns::Double(-89., 89.),
                      "Angle between the tip axis and the surface normal, "
                      "a rotation about the y axis [deg].");
    TipRotation::declare_parameters(prm, "the tip (before Tilt angle)");
    prm.declare_entry("Pivot",
                      "false",
                      Patterns::Bool(),
                      "The tip turns freely about the axis parallel to y "
                      "through its pivot point (on the tip axis, Pivot "
                      "height above the apex) and settles where the "
                      "contact moment about it vanishes, like a "
                      "self-rotating base; the protocol then moves the "
                      "pivot point (Tilt angle is the starting angle) [-].");
    prm.declare_entry("Pivot height",
                      "0.02",
                      Patterns::Double(0.),
                      "Height of the pivot point above the apex, on the tip "
                      "axis as tilted (Tip/Rotation turns only the tip about "
                      "its apex) [m].");
    registry.declare_all(prm);
    prm.leave_subsection();
  }



  void
  Tool::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Tip");
    name         = prm.get("Shape");
    x0           = prm.get_double("Position x");
    y0           = prm.get_double("Position y");
    tilt_angle   = prm.get_double("Tilt angle") * numbers::PI / 180.;
    pivot        = prm.get_bool("Pivot");
    pivot_height = prm.get_double("Pivot height");
    turn.parse_parameters(prm, "Tip/Rotation axis");
    try
      {
        shape = TipRegistry::instance().create(name, prm);
      }
    catch (const InputError &e)
      {
        throw InputError("Tip/" + name + ": " + e.what());
      }
    prm.leave_subsection();
    psi = 0.;
    set_depth(0.);
  }



  void
  Tool::set_tip(std::unique_ptr<Tip> tip, const std::string &tip_name)
  {
    shape = std::move(tip);
    name  = tip_name;
    set_depth(0.);
  }



  void
  Tool::set_depth(const double d)
  {
    depth = d;
    update_pose();
  }



  void
  Tool::update_pose()
  {
    // Q = R_y(tilt + psi) R(n, alpha); the pivot arm turns with R_y only.
    const Tensor<1, 3> e_y({0., 1., 0.});
    const Tensor<2, 3> base =
      Physics::Transformations::Rotations::rotation_matrix_3d(e_y,
                                                              tilt_angle + psi);
    rotation = base * turn.matrix();
    position = Point<3>(x0 + lateral, y0, -depth);
    if (pivot)
      position = pivot_point() - base * Tensor<1, 3>({0., 0., pivot_height});
  }



  Point<3>
  Tool::pivot_point() const
  {
    if (!pivot)
      return position;
    return Point<3>(x0 + lateral, y0, -depth + pivot_height);
  }



  void
  Tool::set_pivot_angle(const double angle)
  {
    Assert(pivot, ExcMessage("set_pivot_angle() on a tip without pivot"));
    psi = angle;
    update_pose();
  }



  void
  Tool::set_lateral(const double x, const double rolled_angle)
  {
    lateral = x;
    angle   = rolled_angle;
    set_depth(depth);
  }



  namespace
  {
    /** y' = R_theta (y - z_r) + z_r, the rotation by theta about the +y
     * axis through z_r = (0, 0, r): x' = c x + s z, z' = -s x + c z. A tip
     * rolling without slip towards +x by s turns by theta = s / r > 0 (the
     * material point at the apex moves back, to -x, and up). */
    Point<3>
    roll(const Point<3> &y, const double theta, const double r)
    {
      const double c = std::cos(theta), s = std::sin(theta);
      const double a = y[0], b = y[2] - r;
      return Point<3>(c * a + s * b, y[1], -s * a + c * b + r);
    }
  } // namespace



  Point<3>
  Tool::to_material(const Point<3> &x) const
  {
    const double r = shape->rolling_radius();
    return roll(Point<3>(transpose(rotation) * (x - position)), -angle, r);
  }



  Point<3>
  Tool::from_material(const Point<3> &xi) const
  {
    const double r = shape->rolling_radius();
    return position + rotation * Tensor<1, 3>(roll(xi, angle, r));
  }



  double
  Tool::signed_distance(const Point<3>        &x,
                        Tensor<1, 3>          *gradient,
                        SymmetricTensor<2, 3> *hessian) const
  {
    Assert(shape, ExcMessage("The tool has no tip shape."));
    return rotated_signed_distance(*shape,
                                   rotation,
                                   Point<3>(x - position),
                                   gradient,
                                   hessian);
  }
} // namespace FasciaFE
