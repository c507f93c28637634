#pragma once

#include <deal.II/base/parameter_handler.h>

#include <models/tip.h>
#include <models/tips/distance_cache.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * Common part of the tips read from files (STL, CAD): placement of the
     * body in the tip frame, a distance cache and the Hessian.
     *
     * Placement: a file point p becomes Q (s p) - a, with s the Scale
     * factor (e.g. 0.001 for a file in mm), Q = Q_z Q_y Q_x the rotation by
     * the Rotation angles about x, then y, then z (degrees, right-handed,
     * fixed axes) and a the lowest point of the scaled, rotated body, which
     * thus becomes the apex at the origin (ties between equally low points
     * go to the one nearest, in x and y, to their centroid).
     *
     * Distance: the derived class's exact query phi_e (with its unit
     * gradient), or, if the Cache resolution n > 0, the trilinear
     * interpolation phi_h of a grid of exact values (DistanceGridCache) in
     * the bounding box of the body padded by the Cache padding, used where
     * phi_h > 3 h (h the grid spacing): far from the body, where only the
     * sign and a rough value matter. Within 3 h of the surface, inside, and
     * outside the grid the exact query is used, so the contact zone always
     * sees the exact distance.
     *
     * Hessian: the exact distance of a triangulated surface is piecewise
     * linear over its faces (zero Hessian) and curved only around edges and
     * vertices, so it does not carry the curvature of the smooth body the
     * mesh approximates. With a Hessian step delta > 0 the Hessian is the
     * central difference of the exact gradient with step delta (about the
     * edge length, to average over facets), symmetrised and projected onto
     * the tangent plane (H n = 0); with delta = 0 it is zero, and the
     * curvature term of the contact tangent (-p_N Hess phi) is dropped:
     * the Newton iteration then converges linearly rather than
     * quadratically on curved parts of the tip, to the same solution.
     *
     * Parameters (in the tip's subsection): Scale factor, Rotation [deg],
     * Cache resolution, Cache padding [m], Hessian step [m].
     */
    class SurfaceTip : public Tip
    {
    public:
      double
      signed_distance(const Point<3>        &x,
                      Tensor<1, 3>          *gradient = nullptr,
                      SymmetricTensor<2, 3> *hessian  = nullptr) const override;

      /** False: a general body. */
      bool
      is_axisymmetric() const override;

      /** Largest distance of a surface vertex from the z axis. */
      double
      lateral_extent() const override;

      /** The exact query, without the cache (tests). */
      double
      exact_signed_distance(const Point<3> &x,
                            Tensor<1, 3>   *gradient = nullptr) const;

      /** The distance cache (empty if the resolution is 0). */
      const DistanceGridCache &
      cache() const;

      /** Declare the placement, cache and Hessian parameters. */
      static void
      declare_parameters(ParameterHandler  &prm,
                         const std::string &default_resolution,
                         const std::string &default_hessian_step);

    protected:
      /** Read the placement, cache and Hessian parameters. */
      SurfaceTip(ParameterHandler &prm, const std::string &file);

      /** The file's point @p p in the tip frame (before the apex shift). */
      Point<3>
      place(const Point<3> &p) const;

      /**
       * The lowest of @p points (the apex before the shift): smallest z;
       * among those within 1e-9 of the extent of it, the one nearest in x,
       * y to their centroid.
       */
      static Point<3>
      lowest_point(const std::vector<Point<3>> &points);

      /**
       * Finish the set-up once the body is placed with its apex at the
       * origin: lateral extent, cache over [lower, upper] padded (unless
       * @p with_cache is false).
       */
      void
      initialize(const Point<3> &lower,
                 const Point<3> &upper,
                 const double    extent,
                 const bool      with_cache = true);

      /** The exact signed distance and unit gradient. */
      virtual double
      exact_distance(const Point<3> &x, Tensor<1, 3> *gradient) const = 0;

      /** The distance sampled by the cache (default: the exact one). */
      virtual double
      cache_distance(const Point<3> &x, Tensor<1, 3> *gradient) const;

      /** The file, for messages. */
      const std::string file;

    private:
      double            scale_factor;
      Tensor<2, 3>      rotation;
      unsigned int      cache_resolution;
      double            cache_padding;
      double            hessian_step;
      double            extent = 0.;
      DistanceGridCache grid;
    };
  } // namespace Tips
} // namespace FasciaFE
