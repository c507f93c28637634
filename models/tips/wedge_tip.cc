#include <deal.II/base/numbers.h>

#include <models/tips/sdf_primitives.h>
#include <models/tips/wedge_tip.h>

#include <cmath>

namespace FasciaFE
{
  namespace Tips
  {
    WedgeTip::WedgeTip(ParameterHandler &prm)
      : WedgeTip(prm.get_double("Half angle"),
                 prm.get_double("Edge radius"),
                 prm.get_double("Edge length"),
                 prm.get_double("Height"))
    {}



    WedgeTip::WedgeTip(const double half_angle_degrees,
                       const double edge_radius,
                       const double edge_length,
                       const double height)
      : edge_length(edge_length)
      , shape(half_angle_degrees * numbers::PI / 180.,
              edge_radius,
              height,
              edge_length / 2.)
    {
      check_input(half_angle_degrees > 0. && half_angle_degrees < 90.,
                  "Half angle (" + angle_to_string(half_angle_degrees) +
                    ") of the wedge must lie strictly between 0 and 90 deg");
      check_input(edge_radius >= 0.,
                  "Edge radius (" + length_to_string(edge_radius) +
                    ") of the wedge must not be negative");
      check_input(edge_length >= 0.,
                  "Edge length (" + length_to_string(edge_length) +
                    ") of the wedge must not be negative");
      const double cap_height =
        edge_radius * (1. - std::sin(half_angle_degrees * numbers::PI / 180.));
      check_input(height > cap_height,
                  "Height (" + length_to_string(height) +
                    ") of the wedge must exceed the edge rounding height "
                    "r (1 - sin(beta)) (" +
                    length_to_string(cap_height) + ")");
    }



    void
    WedgeTip::declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("Half angle",
                        "35",
                        Patterns::Double(0., 90.),
                        "Half angle beta [deg] of the wedge: angle of each "
                        "flank from the vertical (z axis). Default: typical "
                        "psoas-release tool (typical product dimension).");
      prm.declare_entry("Edge radius",
                        "0.006",
                        Patterns::Double(0.),
                        "Radius r [m] of the rounded edge (and of the "
                        "quarter-spheres ending it); 0 gives a sharp edge. "
                        "Default: typical product dimension.");
      prm.declare_entry("Edge length",
                        "0.05",
                        Patterns::Double(0.),
                        "Length 2 w [m] of the straight part of the lowest "
                        "line, along y and centred on y = 0 (a broad tip: "
                        "physics.md section 6); 0 gives the cone. Default: "
                        "typical product dimension.");
      prm.declare_entry("Height",
                        "0.03",
                        Patterns::Double(0.),
                        "Height H [m] of the wedge above its edge (flat top "
                        "at z = H). Default: typical product dimension.");
    }



    double
    WedgeTip::signed_distance(const Point<3>        &x,
                              Tensor<1, 3>          *gradient,
                              SymmetricTensor<2, 3> *hessian) const
    {
      return shape.signed_distance(x, gradient, hessian);
    }



    bool
    WedgeTip::is_axisymmetric() const
    {
      return edge_length == 0.;
    }



    double
    WedgeTip::lateral_extent() const
    {
      return edge_length / 2. + shape.top_radius();
    }



    FASCIAFE_REGISTER_TIP(WedgeTip,
                          "wedge",
                          "Broad rounded wedge with its edge along y, half "
                          "cone ends and a flat top (psoas tip); exact "
                          "distance.")
  } // namespace Tips
} // namespace FasciaFE
