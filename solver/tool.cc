#include <deal.II/base/numbers.h>

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
    registry.declare_all(prm);
    prm.leave_subsection();
  }



  void
  Tool::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Tip");
    name               = prm.get("Shape");
    x0                 = prm.get_double("Position x");
    y0                 = prm.get_double("Position y");
    const double angle = prm.get_double("Tilt angle") * numbers::PI / 180.;
    try
      {
        shape = TipRegistry::instance().create(name, prm);
      }
    catch (const InputError &e)
      {
        throw InputError("Tip/" + name + ": " + e.what());
      }
    prm.leave_subsection();
    rotation       = Tensor<2, 3>();
    rotation[1][1] = 1.;
    rotation[0][0] = rotation[2][2] = std::cos(angle);
    rotation[0][2]                  = std::sin(angle);
    rotation[2][0]                  = -std::sin(angle);
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
  Tool::set_depth(const double depth)
  {
    position = Point<3>(x0, y0, -depth);
  }



  double
  Tool::signed_distance(const Point<3>        &x,
                        Tensor<1, 3>          *gradient,
                        SymmetricTensor<2, 3> *hessian) const
  {
    Assert(shape, ExcMessage("The tool has no tip shape."));
    const Point<3>        local(transpose(rotation) * (x - position));
    Tensor<1, 3>          g;
    SymmetricTensor<2, 3> h;
    const double          phi = shape->signed_distance(local,
                                              gradient ? &g : nullptr,
                                              hessian ? &h : nullptr);
    if (gradient)
      *gradient = rotation * g;
    if (hessian)
      *hessian = symmetrize(
        Tensor<2, 3>(rotation * Tensor<2, 3>(h) * transpose(rotation)));
    return phi;
  }
} // namespace FasciaFE
