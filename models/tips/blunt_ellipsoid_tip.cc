#include <models/tips/blunt_ellipsoid_tip.h>
#include <models/tips/sdf_primitives.h>

#include <algorithm>

namespace FasciaFE
{
  namespace Tips
  {
    BluntEllipsoidTip::BluntEllipsoidTip(ParameterHandler &prm)
      : BluntEllipsoidTip(prm.get_double("Semi-axis a"),
                          prm.get_double("Semi-axis b"),
                          prm.get_double("Semi-axis c"),
                          prm.get_double("Rounding radius"))
    {}



    BluntEllipsoidTip::BluntEllipsoidTip(const double a,
                                         const double b,
                                         const double c,
                                         const double rounding_radius)
      : a(a)
      , b(b)
      , rounding_radius(rounding_radius)
      , core(Point<3>(0., 0., c + rounding_radius), {{a, b, c}})
    {
      check_input(a > 0.,
                  "Semi-axis a (" + length_to_string(a) +
                    ") of the blunt ellipsoid must be positive");
      check_input(b > 0.,
                  "Semi-axis b (" + length_to_string(b) +
                    ") of the blunt ellipsoid must be positive");
      check_input(c > 0.,
                  "Semi-axis c (" + length_to_string(c) +
                    ") of the blunt ellipsoid must be positive");
      check_input(rounding_radius >= 0.,
                  "Rounding radius (" + length_to_string(rounding_radius) +
                    ") of the blunt ellipsoid must not be negative");
    }



    void
    BluntEllipsoidTip::declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("Semi-axis a",
                        "0.02",
                        Patterns::Double(0.),
                        "Core ellipsoid semi-axis a [m] along x; the half "
                        "width across the forearm is a + r. Default: typical "
                        "adult elbow, 60 mm wide (assumption, not from "
                        "physics.md).");
      prm.declare_entry("Semi-axis b",
                        "0.03",
                        Patterns::Double(0.),
                        "Core ellipsoid semi-axis b [m] along y (along the "
                        "forearm); half length b + r. Default: 80 mm long "
                        "contact body (assumption).");
      prm.declare_entry("Semi-axis c",
                        "0.04",
                        Patterns::Double(0.),
                        "Core ellipsoid semi-axis c [m] along z; the apex "
                        "radii of curvature are a^2/c + r and b^2/c + r "
                        "(defaults: 0.02 m and 0.0325 m, the olecranon; "
                        "assumption).");
      prm.declare_entry("Rounding radius",
                        "0.01",
                        Patterns::Double(0.),
                        "Offset r [m] of the core ellipsoid (soft-tissue "
                        "rounding of the bony point); the body is all points "
                        "within r of the core. 0 gives the plain ellipsoid.");
    }



    double
    BluntEllipsoidTip::signed_distance(const Point<3>        &x,
                                       Tensor<1, 3>          *gradient,
                                       SymmetricTensor<2, 3> *hessian) const
    {
      return core.signed_distance(x, gradient, hessian) - rounding_radius;
    }



    bool
    BluntEllipsoidTip::is_axisymmetric() const
    {
      return a == b;
    }



    double
    BluntEllipsoidTip::lateral_extent() const
    {
      return std::max(a, b) + rounding_radius;
    }



    FASCIAFE_REGISTER_TIP(BluntEllipsoidTip,
                          "blunt ellipsoid",
                          "Ellipsoid offset by a rounding radius (elbow, "
                          "olecranon): exact distance phi_E - r.")
  } // namespace Tips
} // namespace FasciaFE
