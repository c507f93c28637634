#include <models/tips/distance_cache.h>

#include <algorithm>
#include <cmath>

namespace FasciaFE
{
  namespace Tips
  {
    void
    DistanceGridCache::build(const Point<3>    &lower_corner,
                             const Point<3>    &upper_corner,
                             const unsigned int n_cells,
                             const Query       &query)
    {
      lower          = lower_corner;
      double longest = 0.;
      for (unsigned int d = 0; d < 3; ++d)
        longest = std::max(longest, upper_corner[d] - lower_corner[d]);
      h = longest / std::max(1u, n_cells);
      for (unsigned int d = 0; d < 3; ++d)
        n_nodes_per_direction[d] =
          1 + std::max(1u,
                       static_cast<unsigned int>(std::ceil(
                         (upper_corner[d] - lower_corner[d]) / h - 1e-9)));

      const std::size_t n = n_nodes_per_direction[0] *
                            n_nodes_per_direction[1] * n_nodes_per_direction[2];
      values.resize(n);
      gradients.resize(n);
      for (unsigned int k = 0; k < n_nodes_per_direction[2]; ++k)
        for (unsigned int j = 0; j < n_nodes_per_direction[1]; ++j)
          for (unsigned int i = 0; i < n_nodes_per_direction[0]; ++i)
            {
              const Point<3>    x = lower + h * Point<3>(i, j, k);
              const std::size_t m = index(i, j, k);
              values[m]           = query(x, &gradients[m]);
            }
    }



    bool
    DistanceGridCache::empty() const
    {
      return values.empty();
    }



    std::size_t
    DistanceGridCache::index(const unsigned int i,
                             const unsigned int j,
                             const unsigned int k) const
    {
      return i + n_nodes_per_direction[0] *
                   (j + static_cast<std::size_t>(n_nodes_per_direction[1]) * k);
    }



    bool
    DistanceGridCache::interpolate(const Point<3> &x,
                                   double         &phi,
                                   Tensor<1, 3>   *gradient) const
    {
      if (values.empty())
        return false;
      std::array<unsigned int, 3> cell;
      std::array<double, 3>       t;
      for (unsigned int d = 0; d < 3; ++d)
        {
          const double s = (x[d] - lower[d]) / h;
          if (!(s >= 0.) || s > n_nodes_per_direction[d] - 1.)
            return false;
          cell[d] = std::min(static_cast<unsigned int>(s),
                             n_nodes_per_direction[d] - 2);
          t[d]    = s - cell[d];
        }

      phi = 0.;
      Tensor<1, 3> g;
      for (unsigned int corner = 0; corner < 8; ++corner)
        {
          double             w = 1.;
          std::array<int, 3> offset;
          for (unsigned int d = 0; d < 3; ++d)
            {
              offset[d] = (corner >> d) & 1;
              w *= (offset[d] == 1 ? t[d] : 1. - t[d]);
            }
          const std::size_t m = index(cell[0] + offset[0],
                                      cell[1] + offset[1],
                                      cell[2] + offset[2]);
          phi += w * values[m];
          g += w * gradients[m];
        }
      if (gradient != nullptr)
        {
          const double norm = g.norm();
          *gradient         = (norm > 0. ? Tensor<1, 3>(g / norm) : g);
        }
      return true;
    }



    double
    DistanceGridCache::spacing() const
    {
      return h;
    }



    std::size_t
    DistanceGridCache::n_nodes() const
    {
      return values.size();
    }
  } // namespace Tips
} // namespace FasciaFE
