#include <deal.II/base/numbers.h>

#include <models/tips/angled_finger_tip.h>
#include <models/tips/sdf_library.h>
#include <models/tips/sdf_primitives.h>

#include <cmath>

namespace FasciaFE
{
  namespace Tips
  {
    AngledFingerTip::AngledFingerTip(ParameterHandler &prm)
      : AngledFingerTip(prm.get_double("Radius"),
                        prm.get_double("Length"),
                        prm.get_double("Lean angle"))
    {}



    AngledFingerTip::AngledFingerTip(const double radius,
                                     const double length,
                                     const double lean_angle_degrees)
      : radius(radius)
      , length(length)
      , lean_angle(lean_angle_degrees * numbers::PI / 180.)
      , end_a(0., 0., radius)
      , end_b(length * std::sin(lean_angle),
              0.,
              radius + length * std::cos(lean_angle))
    {
      check_input(radius > 0.,
                  "Radius (" + length_to_string(radius) +
                    ") of the angled finger must be positive");
      check_input(length >= 0.,
                  "Length (" + length_to_string(length) +
                    ") of the angled finger must not be negative");
      check_input(std::abs(lean_angle_degrees) < 90.,
                  "Lean angle (" + angle_to_string(lean_angle_degrees) +
                    ") of the angled finger must lie strictly between -90 "
                    "and 90 deg");
    }



    void
    AngledFingerTip::declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("Radius",
                        "0.007",
                        Patterns::Double(0.),
                        "Finger radius r [m] (rounded end and shaft). "
                        "Default: half the width of an adult finger tip, "
                        "14 mm (assumption, not from physics.md).");
      prm.declare_entry("Length",
                        "0.05",
                        Patterns::Double(0.),
                        "Length L [m] of the straight shaft between the "
                        "centres of the end spheres. Default: a distal and "
                        "middle phalanx (assumption).");
      prm.declare_entry("Lean angle",
                        "30",
                        Patterns::Double(-90., 90.),
                        "Angle theta [deg] between the finger axis and the "
                        "surface normal, leaning towards +x about the y axis; "
                        "the rounded end stays the lowest point (a narrow "
                        "angled tip under the pelvic rim, physics.md section "
                        "6). Default: assumption.");
    }



    double
    AngledFingerTip::signed_distance(const Point<3>        &x,
                                     Tensor<1, 3>          *gradient,
                                     SymmetricTensor<2, 3> *hessian) const
    {
      return SDF::capsule(x, end_a, end_b, radius, gradient, hessian);
    }



    bool
    AngledFingerTip::is_axisymmetric() const
    {
      return lean_angle == 0. || length == 0.;
    }



    double
    AngledFingerTip::lateral_extent() const
    {
      return length * std::abs(std::sin(lean_angle)) + radius;
    }



    FASCIAFE_REGISTER_TIP(AngledFingerTip,
                          "angled finger",
                          "Slender capsule (finger) leaning by an angle from "
                          "the surface normal, pressing with its rounded end "
                          "(iliacus tip); exact distance.")
  } // namespace Tips
} // namespace FasciaFE
