#include <deal.II/base/mpi_remote_point_evaluation.h>

#include <deal.II/dofs/dof_tools.h>

#include <deal.II/fe/component_mask.h>

#include <deal.II/numerics/vector_tools_evaluate.h>

#include <solver/simulation.h>

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
    std::vector<Point<dim>>              points;
    std::vector<types::global_dof_index> dofs;
    std::vector<unsigned int>            components;
    for (const auto &[i, X] : support)
      if (locally_owned.is_element(i))
        {
          Point<dim> p = X;
          p[0] -= dx;
          points.push_back(p);
          dofs.push_back(i);
          unsigned int c = 0;
          while (c + 1 < dim && !component[c].is_element(i))
            ++c;
          components.push_back(c);
        }
    PETScWrappers::MPI::Vector old(locally_owned, locally_relevant, comm);
    old = solution_old;
    Utilities::MPI::RemotePointEvaluation<dim> cache;
    const auto                                 values =
      VectorTools::point_values<dim>(mapping, dof_handler, old, points, cache);
    solution = solution_old;
    for (unsigned int k = 0; k < points.size(); ++k)
      if (cache.point_found(k))
        solution(dofs[k]) = values[k][components[k]];
    solution.compress(VectorOperation::insert);
    constraints.distribute(solution);
  }



  template class Simulation<2>;
  template class Simulation<3>;
} // namespace FasciaFE
