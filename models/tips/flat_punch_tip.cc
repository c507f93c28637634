#include <models/tips/flat_punch_tip.h>

namespace FasciaFE
{
  namespace Tips
  {
    FlatPunchTip::FlatPunchTip(ParameterHandler &prm)
      : FlatPunchTip(prm.get_double("Radius"),
                     prm.get_double("Height"),
                     prm.get_double("Fillet radius"))
    {}



    FlatPunchTip::FlatPunchTip(const double radius,
                               const double height,
                               const double fillet_radius)
      : radius(radius)
      , shape(Point<3>(0., 0., height / 2.),
              Tensor<1, 3>({0., 0., 1.}),
              radius,
              height / 2.,
              fillet_radius)
    {
      check_input(radius > 0.,
                  "Radius (" + length_to_string(radius) +
                    ") of the flat punch must be positive");
      check_input(height > 0.,
                  "Height (" + length_to_string(height) +
                    ") of the flat punch must be positive");
      check_input(fillet_radius >= 0.,
                  "Fillet radius (" + length_to_string(fillet_radius) +
                    ") must not be negative");
      check_input(fillet_radius < radius,
                  "Fillet radius (" + length_to_string(fillet_radius) +
                    ") must be smaller than Radius (" +
                    length_to_string(radius) + ")");
      check_input(2. * fillet_radius < height,
                  "Fillet radius (" + length_to_string(fillet_radius) +
                    ") must be smaller than Height/2 (" +
                    length_to_string(height / 2.) + ")");
    }



    void
    FlatPunchTip::declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("Radius",
                        "0.005",
                        Patterns::Double(0.),
                        "Punch radius a [m]: radius of the cylinder about the "
                        "z axis; its flat face lies at z = 0.");
      prm.declare_entry("Height",
                        "0.02",
                        Patterns::Double(0.),
                        "Punch height H [m]: the cylinder spans "
                        "0 <= z <= H.");
      prm.declare_entry("Fillet radius",
                        "0.0005",
                        Patterns::Double(0.),
                        "Edge fillet radius r_f [m]: the edges of the punch "
                        "are rounded by a torus of tube radius r_f; 0 gives "
                        "a sharp edge. Must be smaller than Radius and than "
                        "Height/2.");
    }



    double
    FlatPunchTip::signed_distance(const Point<3>        &x,
                                  Tensor<1, 3>          *gradient,
                                  SymmetricTensor<2, 3> *hessian) const
    {
      return shape.signed_distance(x, gradient, hessian);
    }



    bool
    FlatPunchTip::is_axisymmetric() const
    {
      return true;
    }



    double
    FlatPunchTip::lateral_extent() const
    {
      return radius;
    }



    FASCIAFE_REGISTER_TIP(FlatPunchTip,
                          "flat punch",
                          "Rigid flat-ended cylindrical punch of radius a "
                          "with an optional edge fillet (Boussinesq punch).")
  } // namespace Tips
} // namespace FasciaFE
