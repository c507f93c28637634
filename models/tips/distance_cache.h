#pragma once

#include <deal.II/base/point.h>
#include <deal.II/base/tensor.h>

#include <array>
#include <functional>
#include <vector>

namespace FasciaFE
{
  namespace Tips
  {
    using namespace dealii;

    /**
     * A regular grid of precomputed signed distances and unit gradients in a
     * box, for tips whose exact distance query is expensive (STL, CAD). The
     * box [lower, upper] is covered by cubic cells of side
     *   h = (longest side) / n,
     * the distance phi_i and gradient g_i are evaluated once at every node,
     * and at a point x of the box
     *   phi_h(x) = sum_i w_i(x) phi_i,   g_h(x) = sum_i w_i(x) g_i / |.|
     * with the trilinear weights w_i of the cell containing x.
     *
     * Accuracy: phi is 1-Lipschitz, so |phi_h(x) - phi(x)| <= max_i
     * |x_i - x| <= sqrt(3) h everywhere (and O(h^2 |Hess phi|) where phi is
     * smooth over the cell); the interpolated gradient is not the exact one.
     * The tips therefore use the cache only where phi_h > 3 h (so phi >
     * (3 - sqrt(3)) h > 0: the point is certainly outside and not in
     * contact) and the exact query elsewhere.
     */
    class DistanceGridCache
    {
    public:
      /** A distance query: phi(x), writing the gradient if not null. */
      using Query = std::function<double(const Point<3> &, Tensor<1, 3> *)>;

      /**
       * Sample @p query on the grid of the box [lower, upper] with
       * @p n_cells cells along its longest side (n_cells >= 1).
       */
      void
      build(const Point<3>    &lower,
            const Point<3>    &upper,
            const unsigned int n_cells,
            const Query       &query);

      /** Whether build() was called. */
      bool
      empty() const;

      /**
       * Interpolated distance at @p x (and normalised gradient if
       * @p gradient is not null); false if x is outside the box.
       */
      bool
      interpolate(const Point<3> &x,
                  double         &phi,
                  Tensor<1, 3>   *gradient = nullptr) const;

      /** Cell side h [m]. */
      double
      spacing() const;

      /** Number of nodes. */
      std::size_t
      n_nodes() const;

    private:
      std::size_t
      index(const unsigned int i,
            const unsigned int j,
            const unsigned int k) const;

      Point<3>                    lower;
      double                      h = 0.;
      std::array<unsigned int, 3> n_nodes_per_direction{{0, 0, 0}};
      std::vector<double>         values;
      std::vector<Tensor<1, 3>>   gradients;
    };
  } // namespace Tips
} // namespace FasciaFE
