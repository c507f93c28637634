#include <deal.II/distributed/solution_transfer.h>

#include <solver/contact_transfer.h>
#include <solver/mesh_transfer.h>
#include <solver/point_state_transfer.h>

namespace FasciaFE
{
  namespace
  {
    /** Bring every point's history into its material's admissible set. */
    template <int dim>
    void
    bound_histories(Simulation<dim> &sim)
    {
      for (const auto &cell : sim.triangulation.active_cell_iterators())
        if (cell->is_locally_owned())
          {
            const Material &material =
              sim.settings.tissue.material(cell->material_id());
            for (auto &s : sim.point_states.get_data(cell))
              {
                AssertThrow(s->history_old.size() ==
                              material.n_history_variables(),
                            ExcMessage("transferred history has the wrong "
                                       "size for the cell's material"));
                material.bound_history(make_array_view(s->history_old));
                s->history_new = s->history_old;
              }
          }
    }

    /** Fresh point and contact states on the locally owned cells. */
    template <int dim>
    void
    recreate_states(Simulation<dim> &sim)
    {
      sim.point_states.clear();
      sim.contact_states.clear();
      sim.setup_states();
    }
  } // namespace



  template <int dim>
  void
  Simulation<dim>::rebuild_linear_solver()
  {
    // The solver keeps its settings and fallback count; only the
    // near-null space depends on the mesh and its partition.
    AssertThrow(linear_solver,
                ExcMessage("rebuild_linear_solver() before setup()"));
    linear_solver->set_near_null_space(rigid_body_modes());
  }



  template <int dim>
  void
  execute_mesh_change(Simulation<dim> &sim)
  {
    auto &tria = sim.triangulation;
    tria.prepare_coarsening_and_refinement();

    const std::vector<PETScWrappers::MPI::Vector> old =
      internal::ghosted_copies(sim);
    std::vector<const PETScWrappers::MPI::Vector *> in;
    for (const auto &v : old)
      in.push_back(&v);
    parallel::distributed::SolutionTransfer<dim, PETScWrappers::MPI::Vector>
      solution_transfer(sim.dof_handler);
    solution_transfer.prepare_for_coarsening_and_refinement(in);
    internal::PointStateTransfer<dim> history_transfer(sim.quadrature,
                                                       sim.point_states);
    history_transfer.prepare(tria);
    internal::ContactStateTransfer<dim> contact_transfer;
    sim.ghosted = sim.solution;
    contact_transfer.prepare(sim);

    tria.execute_coarsening_and_refinement();

    sim.setup_system();
    const auto vectors = internal::solution_vectors(sim);
    std::vector<PETScWrappers::MPI::Vector *> out(vectors.begin(),
                                                  vectors.end());
    solution_transfer.interpolate(out);
    for (auto *v : out)
      sim.constraints.distribute(*v);
    sim.ghosted = sim.solution;

    recreate_states(sim);
    history_transfer.unpack(tria);
    bound_histories(sim);
    contact_transfer.unpack(sim);
    sim.rebuild_linear_solver();
  }



  template void
  Simulation<2>::rebuild_linear_solver();
  template void
  Simulation<3>::rebuild_linear_solver();
  template void
  execute_mesh_change(Simulation<2> &);
  template void
  execute_mesh_change(Simulation<3> &);
} // namespace FasciaFE
