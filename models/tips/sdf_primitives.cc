#include <models/tips/sdf_primitives.h>

#include <cmath>
#include <sstream>

namespace FasciaFE
{
  namespace Tips
  {
    namespace
    {
      /** hessian += factor * (a (x) a). */
      void
      add_outer_product(SymmetricTensor<2, 3> &hessian,
                        const double           factor,
                        const Tensor<1, 3>    &a)
      {
        for (unsigned int i = 0; i < 3; ++i)
          for (unsigned int j = i; j < 3; ++j)
            hessian[i][j] += factor * a[i] * a[j];
      }

      /** hessian += factor * (I - a (x) a - b (x) b). */
      void
      add_projector(SymmetricTensor<2, 3> &hessian,
                    const double           factor,
                    const Tensor<1, 3>    &a,
                    const Tensor<1, 3>    &b)
      {
        for (unsigned int i = 0; i < 3; ++i)
          for (unsigned int j = i; j < 3; ++j)
            hessian[i][j] +=
              factor * ((i == j ? 1. : 0.) - a[i] * a[j] - b[i] * b[j]);
      }
    } // namespace

    namespace SDF
    {
      double
      sphere(const Point<3>        &x,
             const Point<3>        &center,
             const double           radius,
             Tensor<1, 3>          *gradient,
             SymmetricTensor<2, 3> *hessian)
      {
        const Tensor<1, 3> r    = x - center;
        const double       dist = r.norm();

        if (gradient != nullptr || hessian != nullptr)
          {
            Tensor<1, 3> n;
            if (dist > 0.)
              n = r / dist;
            else
              n[2] = -1.;

            if (gradient != nullptr)
              *gradient = n;
            if (hessian != nullptr)
              {
                *hessian = SymmetricTensor<2, 3>();
                if (dist > 0.)
                  add_projector(*hessian, 1. / dist, n, Tensor<1, 3>());
              }
          }

        return dist - radius;
      }



      RoundedCylinder::RoundedCylinder(const Point<3>     &center,
                                       const Tensor<1, 3> &axis,
                                       const double        radius,
                                       const double        half_length,
                                       const double        fillet_radius)
        : center(center)
        , axis(axis / axis.norm())
        , radius(radius)
        , half_length(half_length)
        , fillet_radius(fillet_radius)
      {
        // Any unit vector normal to the axis: cross the axis with the
        // coordinate direction it is least aligned with.
        unsigned int k = 0;
        for (unsigned int i = 1; i < 3; ++i)
          if (std::abs(this->axis[i]) < std::abs(this->axis[k]))
            k = i;
        Tensor<1, 3> unit;
        unit[k]        = 1.;
        normal_to_axis = cross_product_3d(this->axis, unit);
        normal_to_axis /= normal_to_axis.norm();
      }



      double
      RoundedCylinder::signed_distance(const Point<3>        &x,
                                       Tensor<1, 3>          *gradient,
                                       SymmetricTensor<2, 3> *hessian) const
      {
        const Tensor<1, 3> u      = x - center;
        const double       s      = u * axis;
        const Tensor<1, 3> radial = u - s * axis;
        const double       rho    = radial.norm();
        const double       sigma  = (s >= 0. ? 1. : -1.);

        const double d_rho = rho - (radius - fillet_radius);
        const double d_s   = std::abs(s) - (half_length - fillet_radius);

        // Piece and the derivatives of phi(rho, |s|) in the meridian plane.
        double phi;
        double f_rho = 0., f_s = 0.;
        double corner_length = 0.;
        if (d_rho > 0. && d_s > 0.)
          {
            corner_length = std::hypot(d_rho, d_s);
            phi           = corner_length - fillet_radius;
            f_rho         = d_rho / corner_length;
            f_s           = d_s / corner_length;
          }
        else if (d_rho >= d_s)
          {
            phi   = rho - radius;
            f_rho = 1.;
          }
        else
          {
            phi = std::abs(s) - half_length;
            f_s = 1.;
          }

        if (gradient == nullptr && hessian == nullptr)
          return phi;

        const Tensor<1, 3> e_rho =
          (rho > 0. ? Tensor<1, 3>(radial / rho) : normal_to_axis);

        if (gradient != nullptr)
          *gradient = f_rho * e_rho + (f_s * sigma) * axis;

        if (hessian != nullptr)
          {
            *hessian = SymmetricTensor<2, 3>();
            // Curvature of the meridian profile (torus tube only).
            if (corner_length > 0.)
              add_outer_product(*hessian,
                                1. / corner_length,
                                f_s * e_rho - (f_rho * sigma) * axis);
            // Curvature of the circles of revolution (wall and torus).
            if (f_rho != 0. && rho > 0.)
              add_projector(*hessian, f_rho / rho, axis, e_rho);
          }

        return phi;
      }



      double
      rounded_rectangle_circumradius(const double half_width,
                                     const double half_length,
                                     const double fillet_radius)
      {
        return std::hypot(half_width - fillet_radius,
                          half_length - fillet_radius) +
               fillet_radius;
      }
    } // namespace SDF



    std::string
    length_to_string(const double length)
    {
      std::ostringstream s;
      s << length << " m";
      return s.str();
    }
  } // namespace Tips
} // namespace FasciaFE
