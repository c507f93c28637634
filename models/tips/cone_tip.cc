#include <deal.II/base/numbers.h>

#include <models/tips/cone_tip.h>
#include <models/tips/sdf_primitives.h>

#include <cmath>

namespace FasciaFE
{
  namespace Tips
  {
    ConeTip::ConeTip(ParameterHandler &prm)
      : ConeTip(prm.get_double("Half angle"),
                prm.get_double("Apex radius"),
                prm.get_double("Height"))
    {}



    ConeTip::ConeTip(const double half_angle_degrees,
                     const double apex_radius,
                     const double height)
      : shape(half_angle_degrees * numbers::PI / 180., apex_radius, height, 0.)
    {
      check_input(half_angle_degrees > 0. && half_angle_degrees < 90.,
                  "Half angle (" + angle_to_string(half_angle_degrees) +
                    ") of the cone must lie strictly between 0 and 90 deg");
      check_input(apex_radius >= 0.,
                  "Apex radius (" + length_to_string(apex_radius) +
                    ") of the cone must not be negative");
      const double cap_height =
        apex_radius * (1. - std::sin(half_angle_degrees * numbers::PI / 180.));
      check_input(height > cap_height,
                  "Height (" + length_to_string(height) +
                    ") of the cone must exceed the apex cap height r (1 - "
                    "sin(alpha)) (" +
                    length_to_string(cap_height) + ")");
    }



    void
    ConeTip::declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("Half angle",
                        "45",
                        Patterns::Double(0., 90.),
                        "Half angle alpha [deg] of the cone, measured from "
                        "the z axis (physics.md section 4, Sneddon cone). "
                        "Default: typical pointed massage-tool knob "
                        "(typical product dimension).");
      prm.declare_entry("Apex radius",
                        "0.003",
                        Patterns::Double(0.),
                        "Radius r [m] of the spherical cap at the apex, "
                        "tangent to the flanks; 0 gives a sharp cone. "
                        "Default: typical product dimension.");
      prm.declare_entry("Height",
                        "0.03",
                        Patterns::Double(0.),
                        "Height H [m] of the cone above its apex (flat top "
                        "at z = H). Default: typical product dimension.");
    }



    double
    ConeTip::signed_distance(const Point<3>        &x,
                             Tensor<1, 3>          *gradient,
                             SymmetricTensor<2, 3> *hessian) const
    {
      return shape.signed_distance(x, gradient, hessian);
    }



    bool
    ConeTip::is_axisymmetric() const
    {
      return true;
    }



    double
    ConeTip::lateral_extent() const
    {
      return shape.top_radius();
    }



    FASCIAFE_REGISTER_TIP(ConeTip,
                          "cone",
                          "Rigid cone of half angle alpha with a spherical "
                          "apex cap of radius r and a flat top (Sneddon "
                          "cone); exact distance.")
  } // namespace Tips
} // namespace FasciaFE
