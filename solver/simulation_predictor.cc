#include <deal.II/base/mpi_remote_point_evaluation.h>

#include <deal.II/dofs/dof_tools.h>

#include <deal.II/fe/component_mask.h>

#include <deal.II/grid/grid_tools.h>

#include <deal.II/numerics/vector_tools_evaluate.h>

#include <solver/simulation.h>

#include <array>
#include <map>

namespace FasciaFE
{
  /**
   * Predictor of a tip that moved by dx along x since the last step: the
   * last converged displacement field carried along with the tip,
   *   u_pred(X) = u_old(X - dx e_x),
   * at every support point X, and u_old(X) where X - dx e_x lies outside
   * the mesh. In steady rolling or sliding over a block that is uniform
   * in x the field is stationary in the frame of the tip, so this is its
   * exact next state; a linear extrapolation in time of a contact bump
   * moved by a good fraction of its half width is not (it leaves the
   * skin ahead of the tip deep inside the tip, and the first Newton
   * iterations of a rolled step then fought penetrations of millimetres).
   * The history variables are not moved: they belong to material points.
   * Collective (every rank).
   */
  template <int dim>
  void
  Simulation<dim>::shift_predictor(const double dx)
  {
    std::map<types::global_dof_index, Point<dim>> support;
    DoFTools::map_dofs_to_support_points(mapping, dof_handler, support);
    std::vector<IndexSet> component(dim);
    for (unsigned int c = 0; c < dim; ++c)
      {
        ComponentMask mask(dim, false);
        mask.set(c, true);
        component[c] = DoFTools::extract_dofs(dof_handler, mask);
      }

    // The block's bounding box, to nudge each point inwards (every rank
    // holds the coarse mesh, so the box is the whole block's).
    const auto box    = GridTools::compute_bounding_box(triangulation);
    const auto centre = box.center();

    // One evaluation point per support point (its dim dofs share it),
    // X - dx e_x nudged by delta, 1e-6 h0 in each direction towards the
    // centre of the block: a point on a vertex or an edge makes deal.II
    // 9.4's point location (find_all_active_cells_around_point) search
    // every cell of the mesh for the cells that share it, 50 s per step
    // for the 3D lacrosse ball; nudged, it lies inside one cell (unit-cell
    // tolerance 1e-10 below). The value is taken back to the point to
    // first order, u(p) = u(p + delta) - grad u(p + delta) delta, exact to
    // O(|delta|^2) (2.4e-14 relative for the bilinear field of
    // tests/unit/test_predictor.cc).
    const double nudge   = 1e-6 * h0;
    auto         compare = [](const Point<dim> &a, const Point<dim> &b) {
      for (unsigned int d = 0; d < dim; ++d)
        if (a[d] != b[d])
          return a[d] < b[d];
      return false;
    };
    std::map<Point<dim>, unsigned int, decltype(compare)> index(compare);
    std::vector<Point<dim>>                               points;
    std::vector<std::array<types::global_dof_index, dim>> dofs;
    std::vector<Tensor<1, dim>>                           nudges;
    for (const auto &[i, X] : support)
      if (locally_owned.is_element(i))
        {
          const auto [it, added] = index.emplace(X, points.size());
          if (added)
            {
              Point<dim> p = X;
              p[0] -= dx;
              Tensor<1, dim> delta;
              for (unsigned int d = 0; d < dim; ++d)
                delta[d] = (p[d] < centre[d] ? nudge : -nudge);
              points.push_back(p + delta);
              nudges.push_back(delta);
              std::array<types::global_dof_index, dim> none;
              none.fill(numbers::invalid_dof_index);
              dofs.push_back(none);
            }
          unsigned int c = 0;
          while (c + 1 < dim && !component[c].is_element(i))
            ++c;
          dofs[it->second][c] = i;
        }
    PETScWrappers::MPI::Vector old(locally_owned, locally_relevant, comm);
    old = solution_old;
    Utilities::MPI::RemotePointEvaluation<dim> cache(1e-10);
    const auto                                 values =
      VectorTools::point_values<dim>(mapping, dof_handler, old, points, cache);
    const auto gradients =
      VectorTools::point_gradients<dim>(cache, dof_handler, old);
    solution = solution_old;
    for (unsigned int k = 0; k < points.size(); ++k)
      if (cache.point_found(k))
        {
          const Tensor<1, dim> u = values[k] - gradients[k] * nudges[k];
          for (unsigned int c = 0; c < dim; ++c)
            if (dofs[k][c] != numbers::invalid_dof_index)
              solution(dofs[k][c]) = u[c];
        }
    solution.compress(VectorOperation::insert);
    constraints.distribute(solution);
  }



  template class Simulation<2>;
  template class Simulation<3>;
} // namespace FasciaFE
