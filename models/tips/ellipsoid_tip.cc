#include <models/tips/ellipsoid_tip.h>
#include <models/tips/sdf_primitives.h>

#include <algorithm>

namespace FasciaFE
{
  namespace Tips
  {
    EllipsoidTip::EllipsoidTip(ParameterHandler &prm)
      : EllipsoidTip(prm.get_double("Semi-axis a"),
                     prm.get_double("Semi-axis b"),
                     prm.get_double("Semi-axis c"))
    {}



    EllipsoidTip::EllipsoidTip(const double a, const double b, const double c)
      : a(a)
      , b(b)
      , shape(Point<3>(0., 0., c), {{a, b, c}})
    {
      check_input(a > 0.,
                  "Semi-axis a (" + length_to_string(a) +
                    ") of the ellipsoid tip must be positive");
      check_input(b > 0.,
                  "Semi-axis b (" + length_to_string(b) +
                    ") of the ellipsoid tip must be positive");
      check_input(c > 0.,
                  "Semi-axis c (" + length_to_string(c) +
                    ") of the ellipsoid tip must be positive");
    }



    void
    EllipsoidTip::declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("Semi-axis a",
                        "0.01",
                        Patterns::Double(0.),
                        "Semi-axis a [m] along x (across the thumb). "
                        "Default: typical adult thumb-pad half width "
                        "(assumption, not from physics.md).");
      prm.declare_entry("Semi-axis b",
                        "0.015",
                        Patterns::Double(0.),
                        "Semi-axis b [m] along y (along the thumb). "
                        "Default: typical adult thumb-pad half length "
                        "(assumption).");
      prm.declare_entry("Semi-axis c",
                        "0.008",
                        Patterns::Double(0.),
                        "Semi-axis c [m] along z (the pressing axis); the "
                        "centre is at (0, 0, c). Default: typical thumb-pad "
                        "depth (assumption).");
    }



    double
    EllipsoidTip::signed_distance(const Point<3>        &x,
                                  Tensor<1, 3>          *gradient,
                                  SymmetricTensor<2, 3> *hessian) const
    {
      return shape.signed_distance(x, gradient, hessian);
    }



    bool
    EllipsoidTip::is_axisymmetric() const
    {
      return a == b;
    }



    double
    EllipsoidTip::lateral_extent() const
    {
      return std::max(a, b);
    }



    FASCIAFE_REGISTER_TIP(EllipsoidTip,
                          "ellipsoid",
                          "Rigid ellipsoid with semi-axes a (x), b (y), c (z) "
                          "resting on its apex (thumb pad); exact distance.")
  } // namespace Tips
} // namespace FasciaFE
