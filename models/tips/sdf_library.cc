#include <models/tips/sdf_library.h>
#include <models/tips/sdf_primitives.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace FasciaFE
{
  namespace Tips
  {
    namespace SDF
    {
      double
      lift_meridian(const MeridianDistance &d,
                    const Tensor<1, 3>     &e_rho,
                    const Tensor<1, 3>     &axis,
                    Tensor<1, 3>           *gradient,
                    SymmetricTensor<2, 3>  *hessian)
      {
        if (gradient != nullptr)
          *gradient = d.n_rho * e_rho + d.n_s * axis;
        if (hessian != nullptr)
          {
            const Tensor<1, 3> t = d.n_s * e_rho - d.n_rho * axis;
            for (unsigned int i = 0; i < 3; ++i)
              for (unsigned int j = i; j < 3; ++j)
                (*hessian)[i][j] =
                  d.kappa_m * t[i] * t[j] +
                  d.kappa_c * ((i == j ? 1. : 0.) - axis[i] * axis[j] -
                               e_rho[i] * e_rho[j]);
          }
        return d.phi;
      }



      double
      capsule(const Point<3>        &x,
              const Point<3>        &a,
              const Point<3>        &b,
              const double           radius,
              Tensor<1, 3>          *gradient,
              SymmetricTensor<2, 3> *hessian)
      {
        const Tensor<1, 3> ab     = b - a;
        const double       length = ab.norm();
        if (length == 0.)
          return sphere(x, a, radius, gradient, hessian);
        const Tensor<1, 3> e = ab / length;
        const double       t = (x - a) * e;
        if (t <= 0.)
          return sphere(x, a, radius, gradient, hessian);
        if (t >= length)
          return sphere(x, b, radius, gradient, hessian);

        // Cylinder piece: the meridian distance about the segment's axis.
        const Tensor<1, 3> d   = (x - a) - t * e;
        const double       rho = d.norm();
        Tensor<1, 3>       e_rho;
        if (rho > 0.)
          e_rho = d / rho;
        else
          {
            // On the segment (medial): any unit normal of e.
            e_rho = cross_product_3d(e, Tensor<1, 3>({0., 1., 0.}));
            if (e_rho.norm() < 0.5)
              e_rho = cross_product_3d(e, Tensor<1, 3>({1., 0., 0.}));
            e_rho /= e_rho.norm();
          }
        const MeridianDistance m{rho - radius,
                                 1.,
                                 0.,
                                 0.,
                                 (rho > 0. ? 1. / rho : 0.)};
        return lift_meridian(m, e_rho, e, gradient, hessian);
      }



      double
      torus(const Point<3>        &x,
            const Point<3>        &center,
            const Tensor<1, 3>    &axis,
            const double           ring_radius,
            const double           tube_radius,
            Tensor<1, 3>          *gradient,
            SymmetricTensor<2, 3> *hessian)
      {
        const Tensor<1, 3> u      = x - center;
        const double       s      = u * axis;
        const Tensor<1, 3> radial = u - s * axis;
        const double       rho    = radial.norm();
        Tensor<1, 3>       e_rho;
        if (rho > 0.)
          e_rho = radial / rho;
        else
          {
            e_rho = cross_product_3d(axis, Tensor<1, 3>({0., 0., 1.}));
            if (e_rho.norm() < 0.5)
              e_rho = cross_product_3d(axis, Tensor<1, 3>({1., 0., 0.}));
            e_rho /= e_rho.norm();
          }
        const double     d_rho = rho - ring_radius;
        const double     dist  = std::hypot(d_rho, s);
        MeridianDistance m{dist - tube_radius, 0., -1., 0., 0.};
        if (dist > 0.)
          {
            m.n_rho   = d_rho / dist;
            m.n_s     = s / dist;
            m.kappa_m = 1. / dist;
            m.kappa_c = (rho > 0. ? m.n_rho / rho : 0.);
          }
        return lift_meridian(m, e_rho, axis, gradient, hessian);
      }



      RoundedCone::RoundedCone(const double half_angle,
                               const double apex_radius,
                               const double height,
                               const double half_elongation)
        : cos_alpha(std::cos(half_angle))
        , sin_alpha(std::sin(half_angle))
        , apex_radius(apex_radius)
        , height(height)
        , half_elongation(half_elongation)
      {
        const double tangent_z = apex_radius * (1. - sin_alpha);
        flank_length           = (height - tangent_z) / cos_alpha;
        rho_top = apex_radius * cos_alpha + flank_length * sin_alpha;
      }



      double
      RoundedCone::top_radius() const
      {
        return rho_top;
      }



      MeridianDistance
      RoundedCone::meridian_distance(const double rho, const double z) const
      {
        const double r       = apex_radius;
        const double qz      = z - r; // q - c = (rho, qz)
        const double s       = rho * sin_alpha + qz * cos_alpha;
        const double dist_c  = std::hypot(rho, qz);
        const double d_flank = rho * cos_alpha - qz * sin_alpha - r;
        const double d_side  = (s <= 0. ? dist_c - r : d_flank);
        const double d_top   = z - height;

        const auto cap = [&]() -> MeridianDistance {
          if (dist_c == 0.)
            return {-r, 0., -1., 0., 0.};
          return {dist_c - r,
                  rho / dist_c,
                  qz / dist_c,
                  1. / dist_c,
                  1. / dist_c};
        };
        const auto flank = [&]() -> MeridianDistance {
          return {d_flank,
                  cos_alpha,
                  -sin_alpha,
                  0.,
                  (rho > 0. ? cos_alpha / rho : 0.)};
        };
        const MeridianDistance top{d_top, 0., 1., 0., 0.};

        if (d_side <= 0. && d_top <= 0.)
          {
            // Inside: the intersection's distance is the max.
            if (d_side < d_top)
              return top;
            return (s <= 0. ? cap() : flank());
          }

        // Outside: the nearest of the cap arc (s <= 0), the flank segment
        // (0 < s < L), the top segment (rho <= rho_top) and the rim vertex
        // V = (rho_top, H), where the clamped flank and top distances end.
        double           best = std::numeric_limits<double>::max();
        MeridianDistance nearest{};
        if (s <= 0.)
          {
            best    = dist_c - r;
            nearest = cap();
          }
        else if (s < flank_length && std::abs(d_flank) < best)
          {
            best    = std::abs(d_flank);
            nearest = flank();
          }
        if (rho <= rho_top && std::abs(d_top) < best)
          {
            best    = std::abs(d_top);
            nearest = top;
          }
        const double dr   = rho - rho_top;
        const double dist = std::hypot(dr, d_top);
        if (dist < best)
          nearest = {dist, dr / dist, d_top / dist, 1. / dist, dr / dist / rho};
        return nearest;
      }



      double
      RoundedCone::signed_distance(const Point<3>        &x,
                                   Tensor<1, 3>          *gradient,
                                   SymmetricTensor<2, 3> *hessian) const
      {
        const double y_clamped =
          std::clamp(x[1], -half_elongation, half_elongation);
        const double qx  = x[0];
        const double qy  = x[1] - y_clamped;
        const double rho = std::hypot(qx, qy);
        Tensor<1, 3> e_rho;
        if (rho > 0.)
          e_rho = Tensor<1, 3>({qx / rho, qy / rho, 0.});
        else
          e_rho[0] = 1.;
        const double phi = lift_meridian(meridian_distance(rho, x[2]),
                                         e_rho,
                                         Tensor<1, 3>({0., 0., 1.}),
                                         gradient,
                                         hessian);
        if (hessian != nullptr && std::abs(x[1]) < half_elongation)
          for (unsigned int i = 0; i < 3; ++i)
            (*hessian)[1][i] = 0.;
        return phi;
      }
    } // namespace SDF



    std::string
    angle_to_string(const double degrees)
    {
      std::ostringstream s;
      s << degrees << " deg";
      return s.str();
    }
  } // namespace Tips
} // namespace FasciaFE
