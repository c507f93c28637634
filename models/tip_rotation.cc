#include <deal.II/base/numbers.h>
#include <deal.II/base/utilities.h>

#include <deal.II/physics/transformations.h>

#include <models/tip_rotation.h>
#include <solver/exceptions.h>

#include <cmath>

namespace FasciaFE
{
  TipRotation::TipRotation(const Tensor<1, 3> &axis, const double angle)
    : alpha(angle)
  {
    Assert(axis.norm() > 0., ExcMessage("The rotation axis is zero."));
    n = axis / axis.norm();
    q = Physics::Transformations::Rotations::rotation_matrix_3d(n, alpha);
  }



  void
  TipRotation::declare_parameters(ParameterHandler  &prm,
                                  const std::string &what)
  {
    prm.declare_entry("Rotation axis",
                      "0, 0, 1",
                      Patterns::List(Patterns::Double(), 3, 3, ","),
                      "Axis x, y, z [-] (any length but 0) of the rotation "
                      "of " +
                        what +
                        " about its apex by Rotation angle (right-handed, "
                        "Rodrigues' formula): e.g. 0, 0, 1 turns it about "
                        "its own axis, 1, 0, 0 tilts it towards -y.");
    prm.declare_entry("Rotation angle",
                      "0",
                      Patterns::Double(-180., 180.),
                      "Angle [deg] of the rotation of " + what +
                        " about Rotation axis through its apex (0: as "
                        "defined in its own frame).");
  }



  void
  TipRotation::parse_parameters(ParameterHandler &prm, const std::string &where)
  {
    const std::vector<double> a = Utilities::string_to_double(
      Utilities::split_string_list(prm.get("Rotation axis")));
    const Tensor<1, 3> axis({a[0], a[1], a[2]});
    check_input(axis.norm() > 0.,
                where + " = 0, 0, 0: the rotation axis must not be zero");
    *this =
      TipRotation(axis, prm.get_double("Rotation angle") * numbers::PI / 180.);
  }



  bool
  TipRotation::keeps_axis(const unsigned int d) const
  {
    AssertIndexRange(d, 3);
    return alpha == 0. || (n[(d + 1) % 3] == 0. && n[(d + 2) % 3] == 0.);
  }



  double
  rotated_signed_distance(const Tip             &tip,
                          const Tensor<2, 3>    &q,
                          const Point<3>        &x,
                          Tensor<1, 3>          *gradient,
                          SymmetricTensor<2, 3> *hessian)
  {
    Tensor<1, 3>          g;
    SymmetricTensor<2, 3> h;
    const double          phi = tip.signed_distance(Point<3>(transpose(q) * x),
                                           gradient ? &g : nullptr,
                                           hessian ? &h : nullptr);
    if (gradient)
      *gradient = q * g;
    if (hessian)
      *hessian = symmetrize(Tensor<2, 3>(q * Tensor<2, 3>(h) * transpose(q)));
    return phi;
  }



  double
  TipRotation::signed_distance(const Tip             &tip,
                               const Point<3>        &x,
                               Tensor<1, 3>          *gradient,
                               SymmetricTensor<2, 3> *hessian) const
  {
    if (!is_rotated())
      return tip.signed_distance(x, gradient, hessian);
    return rotated_signed_distance(tip, q, x, gradient, hessian);
  }
} // namespace FasciaFE
