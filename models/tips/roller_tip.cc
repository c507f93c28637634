#include <models/tips/roller_tip.h>
#include <models/tips/sdf_library.h>

#include <algorithm>
#include <cmath>

namespace FasciaFE
{
  namespace Tips
  {
    namespace
    {
      /** Half width w_r = sqrt(h (2 r_t - h)) of a ridge at its foot. */
      double
      ridge_half_width(const double height, const double tube_radius)
      {
        return std::sqrt(std::max(0., height * (2. * tube_radius - height)));
      }
    } // namespace



    RollerTip::RollerTip(ParameterHandler &prm)
      : RollerTip(prm.get_double("Radius"),
                  prm.get_double("Length"),
                  prm.get_double("End fillet radius"),
                  prm.get_double("Ridge height"),
                  prm.get_double("Ridge pitch"),
                  prm.get_double("Ridge radius"))
    {}



    RollerTip::RollerTip(const double radius,
                         const double length,
                         const double end_fillet_radius,
                         const double ridge_height,
                         const double ridge_pitch,
                         const double ridge_radius)
      : radius(radius)
      , length(length)
      , end_fillet_radius(end_fillet_radius)
      , ridge_height(ridge_height)
      , ridge_pitch(ridge_pitch)
      , ridge_radius(ridge_radius)
      , k_max(-1)
      , core(Point<3>(0., 0., radius + ridge_height),
             Tensor<1, 3>({0., 1., 0.}),
             radius,
             length / 2.,
             end_fillet_radius)
    {
      check_input(radius > 0.,
                  "Radius (" + length_to_string(radius) +
                    ") of the roller must be positive");
      check_input(length > 0.,
                  "Length (" + length_to_string(length) +
                    ") of the roller must be positive");
      check_input(end_fillet_radius >= 0. && end_fillet_radius < radius &&
                    2. * end_fillet_radius < length,
                  "End fillet radius (" + length_to_string(end_fillet_radius) +
                    ") of the roller must lie in [0, min(Radius, Length/2))");
      check_input(ridge_height >= 0.,
                  "Ridge height (" + length_to_string(ridge_height) +
                    ") of the roller must not be negative");
      if (ridge_height == 0.)
        return;
      check_input(ridge_radius >= ridge_height && ridge_radius < radius,
                  "Ridge radius (" + length_to_string(ridge_radius) +
                    ") of the roller must lie in [Ridge height, Radius) = [" +
                    length_to_string(ridge_height) + ", " +
                    length_to_string(radius) + ")");
      const double half_width = ridge_half_width(ridge_height, ridge_radius);
      check_input(ridge_pitch >= 2. * half_width,
                  "Ridge pitch (" + length_to_string(ridge_pitch) +
                    ") of the roller must be at least the ridge width (" +
                    length_to_string(2. * half_width) + ")");
      const double room = length / 2. - end_fillet_radius - half_width;
      check_input(room >= 0.,
                  "Ridge height (" + length_to_string(ridge_height) +
                    ") and Ridge radius give a ridge wider than the "
                    "straight part of the roller");
      k_max = static_cast<int>(std::floor(room / ridge_pitch));
    }



    void
    RollerTip::declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("Radius",
                        "0.075",
                        Patterns::Double(0.),
                        "Core radius R [m] of the roller (axis along y at "
                        "height R + Ridge height). Default: 15 cm foam "
                        "roller (typical product dimension).");
      prm.declare_entry("Length",
                        "0.3",
                        Patterns::Double(0.),
                        "Roller length L [m], centred on y = 0. Default: "
                        "typical product dimension.");
      prm.declare_entry("End fillet radius",
                        "0.01",
                        Patterns::Double(0.),
                        "Fillet radius r_f [m] of the edges of the flat "
                        "ends; 0 gives sharp edges. Default: typical product "
                        "dimension.");
      prm.declare_entry("Ridge height",
                        "0",
                        Patterns::Double(0.),
                        "Height h [m] of the circumferential ridges above "
                        "the core surface; 0 gives a plain roller.");
      prm.declare_entry("Ridge pitch",
                        "0.03",
                        Patterns::Double(0.),
                        "Axial distance p [m] between ridge crests (a ridge "
                        "at y = 0). Default: typical ribbed foam roller "
                        "(typical product dimension).");
      prm.declare_entry("Ridge radius",
                        "0.008",
                        Patterns::Double(0.),
                        "Crest radius r_t [m] of the ridges (tube radius of "
                        "the torus), Ridge height <= r_t < Radius. Default: "
                        "typical product dimension.");
    }



    double
    RollerTip::signed_distance(const Point<3>        &x,
                               Tensor<1, 3>          *gradient,
                               SymmetricTensor<2, 3> *hessian) const
    {
      const double phi_core = core.signed_distance(x, gradient, hessian);
      if (k_max < 0)
        return phi_core;

      const int k = std::clamp(static_cast<int>(std::round(x[1] / ridge_pitch)),
                               -k_max,
                               k_max);
      Tensor<1, 3>          g;
      SymmetricTensor<2, 3> h;
      const double          phi_ridge =
        SDF::torus(x,
                   Point<3>(0., k * ridge_pitch, radius + ridge_height),
                   Tensor<1, 3>({0., 1., 0.}),
                   radius + ridge_height - ridge_radius,
                   ridge_radius,
                   gradient != nullptr ? &g : nullptr,
                   hessian != nullptr ? &h : nullptr);
      if (phi_ridge >= phi_core)
        return phi_core;
      if (gradient != nullptr)
        *gradient = g;
      if (hessian != nullptr)
        *hessian = h;
      return phi_ridge;
    }



    bool
    RollerTip::is_axisymmetric() const
    {
      return false;
    }



    double
    RollerTip::lateral_extent() const
    {
      double extent = SDF::rounded_rectangle_circumradius(radius,
                                                          length / 2.,
                                                          end_fillet_radius);
      if (k_max >= 0)
        extent =
          std::max(extent,
                   std::hypot(k_max * ridge_pitch +
                                ridge_half_width(ridge_height, ridge_radius),
                              radius + ridge_height));
      return extent;
    }



    unsigned int
    RollerTip::n_ridges() const
    {
      return (k_max < 0 ? 0u : static_cast<unsigned int>(2 * k_max + 1));
    }



    double
    RollerTip::rolling_radius() const
    {
      return radius + ridge_height;
    }



    FASCIAFE_REGISTER_TIP(RollerTip,
                          "roller",
                          "Foam roller: rounded cylinder along y with optional "
                          "circumferential torus ridges (ribbed roller); exact "
                          "distance outside.")
  } // namespace Tips
} // namespace FasciaFE
