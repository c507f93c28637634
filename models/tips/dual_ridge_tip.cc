#include <models/tips/dual_ridge_tip.h>
#include <models/tips/sdf_library.h>
#include <models/tips/sdf_primitives.h>

#include <cmath>

namespace FasciaFE
{
  namespace Tips
  {
    DualRidgeTip::DualRidgeTip(ParameterHandler &prm)
      : DualRidgeTip(prm.get_double("Ridge radius"),
                     prm.get_double("Ridge spacing"),
                     prm.get_double("Ridge length"))
    {}



    DualRidgeTip::DualRidgeTip(const double radius,
                               const double spacing,
                               const double length)
      : radius(radius)
      , spacing(spacing)
      , length(length)
    {
      check_input(radius > 0.,
                  "Ridge radius (" + length_to_string(radius) +
                    ") of the dual ridge must be positive");
      check_input(spacing > 2. * radius,
                  "Ridge spacing (" + length_to_string(spacing) +
                    ") of the dual ridge must exceed twice the ridge radius (" +
                    length_to_string(2. * radius) + ")");
      check_input(length >= 0.,
                  "Ridge length (" + length_to_string(length) +
                    ") of the dual ridge must not be negative");
    }



    void
    DualRidgeTip::declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("Ridge radius",
                        "0.012",
                        Patterns::Double(0.),
                        "Radius r [m] of each ridge (a capsule along y). "
                        "Default: typical suboccipital cradle (typical "
                        "product dimension).");
      prm.declare_entry("Ridge spacing",
                        "0.05",
                        Patterns::Double(0.),
                        "Distance s [m] between the two ridge axes, at "
                        "x = -s/2 and x = s/2 (either side of the spine); "
                        "must exceed 2 r. Default: typical product dimension "
                        "(a resting head loads both ridges, physics.md "
                        "section 5).");
      prm.declare_entry("Ridge length",
                        "0.06",
                        Patterns::Double(0.),
                        "Length 2 w [m] of the straight part of each ridge "
                        "along y (hemispherical ends beyond). Default: "
                        "typical product dimension.");
    }



    double
    DualRidgeTip::signed_distance(const Point<3>        &x,
                                  Tensor<1, 3>          *gradient,
                                  SymmetricTensor<2, 3> *hessian) const
    {
      // The nearer ridge is the one on the side of x (ties: x >= 0).
      const double side = (x[0] >= 0. ? 1. : -1.);
      return SDF::capsule(x,
                          Point<3>(side * spacing / 2., -length / 2., radius),
                          Point<3>(side * spacing / 2., length / 2., radius),
                          radius,
                          gradient,
                          hessian);
    }



    bool
    DualRidgeTip::is_axisymmetric() const
    {
      return false;
    }



    double
    DualRidgeTip::lateral_extent() const
    {
      return std::hypot(spacing / 2., length / 2.) + radius;
    }



    FASCIAFE_REGISTER_TIP(DualRidgeTip,
                          "dual ridge",
                          "Two parallel rounded ridges (capsules along y) "
                          "either side of x = 0 (suboccipital cradle); exact "
                          "distance of the union.")
  } // namespace Tips
} // namespace FasciaFE
