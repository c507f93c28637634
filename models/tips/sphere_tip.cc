#include <models/tips/sdf_primitives.h>
#include <models/tips/sphere_tip.h>

namespace FasciaFE
{
  namespace Tips
  {
    SphereTip::SphereTip(ParameterHandler &prm)
      : SphereTip(prm.get_double("Radius"))
    {}



    SphereTip::SphereTip(const double radius)
      : radius(radius)
    {
      check_input(radius > 0.,
                  "Radius (" + length_to_string(radius) +
                    ") of the sphere tip must be positive");
    }



    void
    SphereTip::declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("Radius",
                        "0.01",
                        Patterns::Double(0.),
                        "Sphere radius R [m]. The centre is at (0, 0, R), "
                        "the apex at the origin.");
    }



    double
    SphereTip::signed_distance(const Point<3>        &x,
                               Tensor<1, 3>          *gradient,
                               SymmetricTensor<2, 3> *hessian) const
    {
      return SDF::sphere(x,
                         Point<3>(0., 0., radius),
                         radius,
                         gradient,
                         hessian);
    }



    bool
    SphereTip::is_axisymmetric() const
    {
      return true;
    }



    double
    SphereTip::lateral_extent() const
    {
      return radius;
    }



    double
    SphereTip::get_radius() const
    {
      return radius;
    }



    double
    SphereTip::rolling_radius() const
    {
      return radius;
    }



    FASCIAFE_REGISTER_TIP(SphereTip,
                          "sphere",
                          "Rigid sphere of radius R touching z = 0 at the "
                          "origin (Hertz indenter).")
  } // namespace Tips
} // namespace FasciaFE
