#include <deal.II/base/numbers.h>
#include <deal.II/base/utilities.h>

#include <models/tips/sdf_library.h>
#include <models/tips/sdf_primitives.h>
#include <models/tips/surface_tip.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace FasciaFE
{
  namespace Tips
  {
    namespace
    {
      /** Rotation by @p angle [rad] about the coordinate axis @p axis. */
      Tensor<2, 3>
      axis_rotation(const unsigned int axis, const double angle)
      {
        Tensor<2, 3>       Q;
        const unsigned int i = (axis + 1) % 3, j = (axis + 2) % 3;
        Q[axis][axis] = 1.;
        Q[i][i] = Q[j][j] = std::cos(angle);
        Q[i][j]           = -std::sin(angle);
        Q[j][i]           = std::sin(angle);
        return Q;
      }
    } // namespace



    SurfaceTip::SurfaceTip(ParameterHandler &prm, const std::string &file)
      : file(file)
      , scale_factor(prm.get_double("Scale factor"))
      , cache_resolution(prm.get_integer("Cache resolution"))
      , cache_padding(prm.get_double("Cache padding"))
      , hessian_step(prm.get_double("Hessian step"))
    {
      check_input(scale_factor > 0.,
                  "Scale factor (" + std::to_string(scale_factor) +
                    ") of the tip file '" + file + "' must be positive");
      const std::vector<double> angles = Utilities::string_to_double(
        Utilities::split_string_list(prm.get("Rotation")));
      rotation = axis_rotation(2, angles[2] * numbers::PI / 180.) *
                 axis_rotation(1, angles[1] * numbers::PI / 180.) *
                 axis_rotation(0, angles[0] * numbers::PI / 180.);
    }



    void
    SurfaceTip::declare_parameters(ParameterHandler  &prm,
                                   const std::string &default_resolution,
                                   const std::string &default_hessian_step)
    {
      prm.declare_entry("Scale factor",
                        "0.001",
                        Patterns::Double(0.),
                        "Factor [m per file unit] from the file's length unit "
                        "to m (default "
                        "0.001: the file is in mm, as CAD exports usually "
                        "are).");
      prm.declare_entry("Rotation",
                        "0, 0, 0",
                        Patterns::List(Patterns::Double(), 3, 3, ","),
                        "Rotation angles [deg] about x, then y, then z (fixed "
                        "axes) applied to the scaled body before its lowest "
                        "point is moved to the apex (origin); the tip presses "
                        "along -z.");
      prm.declare_entry("Cache resolution",
                        default_resolution,
                        Patterns::Integer(0),
                        "Number n [-] of cells of the distance cache along the "
                        "longest side of the padded bounding box (cell h = "
                        "side / n); the cache is used only farther than 3 h "
                        "outside the body, the exact query elsewhere. 0: no "
                        "cache.");
      prm.declare_entry("Cache padding",
                        "0.01",
                        Patterns::Double(0.),
                        "Padding [m] added on every side of the body's "
                        "bounding box to form the cached box.");
      prm.declare_entry("Hessian step",
                        default_hessian_step,
                        Patterns::Double(0.),
                        "Step [m] of the central differences of the exact "
                        "gradient that give the Hessian (for a triangulated "
                        "surface about the edge length, for an exact CAD "
                        "surface about 1e-6 m); 0: zero Hessian (the contact "
                        "tangent's curvature term is dropped).");
    }



    Point<3>
    SurfaceTip::place(const Point<3> &p) const
    {
      return Point<3>(rotation * (scale_factor * p));
    }



    Point<3>
    SurfaceTip::lowest_point(const std::vector<Point<3>> &points)
    {
      Point<3> lower = points.front(), upper = points.front();
      for (const Point<3> &p : points)
        for (unsigned int d = 0; d < 3; ++d)
          {
            lower[d] = std::min(lower[d], p[d]);
            upper[d] = std::max(upper[d], p[d]);
          }
      const double tolerance = 1e-9 * (upper - lower).norm();
      Point<3>     centroid;
      unsigned int n = 0;
      for (const Point<3> &p : points)
        if (p[2] <= lower[2] + tolerance)
          {
            centroid += p;
            ++n;
          }
      centroid /= n;
      Point<3> apex = points.front();
      double   best = std::numeric_limits<double>::max();
      for (const Point<3> &p : points)
        if (p[2] <= lower[2] + tolerance)
          {
            const double d = std::hypot(p[0] - centroid[0], p[1] - centroid[1]);
            if (d < best)
              {
                best = d;
                apex = p;
              }
          }
      return apex;
    }



    void
    SurfaceTip::initialize(const Point<3> &lower,
                           const Point<3> &upper,
                           const double    lateral_extent,
                           const bool      with_cache)
    {
      extent = lateral_extent;
      if (cache_resolution > 0 && with_cache)
        {
          const Point<3> pad(cache_padding, cache_padding, cache_padding);
          grid.build(Point<3>(lower - pad),
                     Point<3>(upper + pad),
                     cache_resolution,
                     [this](const Point<3> &x, Tensor<1, 3> *g) {
                       return cache_distance(x, g);
                     });
        }
    }



    double
    SurfaceTip::cache_distance(const Point<3> &x, Tensor<1, 3> *gradient) const
    {
      return exact_distance(x, gradient);
    }



    double
    SurfaceTip::signed_distance(const Point<3>        &x,
                                Tensor<1, 3>          *gradient,
                                SymmetricTensor<2, 3> *hessian) const
    {
      double phi;
      if (grid.interpolate(x, phi, gradient) && phi > 3. * grid.spacing())
        {
          if (hessian != nullptr)
            *hessian = SymmetricTensor<2, 3>();
          return phi;
        }

      Tensor<1, 3> g;
      phi = exact_distance(x, &g);
      if (gradient != nullptr)
        *gradient = g;
      if (hessian != nullptr)
        {
          *hessian = SymmetricTensor<2, 3>();
          if (hessian_step > 0.)
            {
              Tensor<2, 3> H;
              for (unsigned int j = 0; j < 3; ++j)
                {
                  Point<3> x_plus = x, x_minus = x;
                  x_plus[j] += hessian_step;
                  x_minus[j] -= hessian_step;
                  Tensor<1, 3> g_plus, g_minus;
                  exact_distance(x_plus, &g_plus);
                  exact_distance(x_minus, &g_minus);
                  for (unsigned int i = 0; i < 3; ++i)
                    H[i][j] = (g_plus[i] - g_minus[i]) / (2. * hessian_step);
                }
              Tensor<2, 3> P;
              for (unsigned int i = 0; i < 3; ++i)
                for (unsigned int j = 0; j < 3; ++j)
                  P[i][j] = (i == j ? 1. : 0.) - g[i] * g[j];
              *hessian = symmetrize(Tensor<2, 3>(P * H * P));
            }
        }
      return phi;
    }



    double
    SurfaceTip::exact_signed_distance(const Point<3> &x,
                                      Tensor<1, 3>   *gradient) const
    {
      Tensor<1, 3> g;
      const double phi = exact_distance(x, &g);
      if (gradient != nullptr)
        *gradient = g;
      return phi;
    }



    bool
    SurfaceTip::is_axisymmetric() const
    {
      return false;
    }



    double
    SurfaceTip::lateral_extent() const
    {
      return extent;
    }



    const DistanceGridCache &
    SurfaceTip::cache() const
    {
      return grid;
    }
  } // namespace Tips
} // namespace FasciaFE
