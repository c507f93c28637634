#include <models/tips/cylinder_tip.h>

namespace FasciaFE
{
  namespace Tips
  {
    CylinderTip::CylinderTip(ParameterHandler &prm)
      : CylinderTip(prm.get_double("Radius"),
                    prm.get_double("Length"),
                    prm.get_double("End fillet radius"))
    {}



    CylinderTip::CylinderTip(const double radius,
                             const double length,
                             const double end_fillet_radius)
      : radius(radius)
      , length(length)
      , end_fillet_radius(end_fillet_radius)
      , shape(Point<3>(0., 0., radius),
              Tensor<1, 3>({0., 1., 0.}),
              radius,
              length / 2.,
              end_fillet_radius)
    {
      check_input(radius > 0.,
                  "Radius (" + length_to_string(radius) +
                    ") of the cylinder tip must be positive");
      check_input(length > 0.,
                  "Length (" + length_to_string(length) +
                    ") of the cylinder tip must be positive");
      check_input(end_fillet_radius >= 0.,
                  "End fillet radius (" + length_to_string(end_fillet_radius) +
                    ") must not be negative");
      check_input(end_fillet_radius < radius,
                  "End fillet radius (" + length_to_string(end_fillet_radius) +
                    ") must be smaller than Radius (" +
                    length_to_string(radius) + ")");
      check_input(2. * end_fillet_radius < length,
                  "End fillet radius (" + length_to_string(end_fillet_radius) +
                    ") must be smaller than Length/2 (" +
                    length_to_string(length / 2.) + ")");
    }



    void
    CylinderTip::declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("Radius",
                        "0.02",
                        Patterns::Double(0.),
                        "Roller radius R [m]: the axis is parallel to y at "
                        "height z = R, so the roller touches z = 0 along "
                        "the y axis.");
      prm.declare_entry("Length",
                        "0.1",
                        Patterns::Double(0.),
                        "Roller length L [m], centred on y = 0.");
      prm.declare_entry("End fillet radius",
                        "0.002",
                        Patterns::Double(0.),
                        "Fillet radius r_f [m] of the edges of the flat ends; "
                        "0 gives sharp edges. Must be smaller than Radius and "
                        "than Length/2.");
    }



    double
    CylinderTip::signed_distance(const Point<3>        &x,
                                 Tensor<1, 3>          *gradient,
                                 SymmetricTensor<2, 3> *hessian) const
    {
      return shape.signed_distance(x, gradient, hessian);
    }



    bool
    CylinderTip::is_axisymmetric() const
    {
      return false;
    }



    double
    CylinderTip::lateral_extent() const
    {
      return SDF::rounded_rectangle_circumradius(radius,
                                                 length / 2.,
                                                 end_fillet_radius);
    }



    double
    CylinderTip::rolling_radius() const
    {
      return radius;
    }



    FASCIAFE_REGISTER_TIP(CylinderTip,
                          "cylinder",
                          "Rigid roller of radius R and length L, axis along "
                          "y at height R, with filleted flat ends.")
  } // namespace Tips
} // namespace FasciaFE
