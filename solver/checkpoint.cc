#include <deal.II/base/mpi.h>

#include <deal.II/distributed/cell_data_transfer.templates.h>
#include <deal.II/distributed/solution_transfer.h>

#include <meshes/layered_block.h>
#include <solver/exceptions.h>
#include <solver/mesh_transfer.h>
#include <solver/output/atomic_file.h>
#include <solver/point_state_transfer.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>

namespace FasciaFE
{
  namespace
  {
    /**
     * A cell's checkpoint record: number of points, values per point, the
     * points' pack_values(), then per contact point the committed
     * multiplier and friction stick point.
     */
    template <int dim>
    Vector<double>
    pack_cell_state(const Simulation<dim>                            &sim,
                    const typename Triangulation<dim>::cell_iterator &cell)
    {
      const FullMatrix<double> v =
        internal::point_values(sim.point_states, cell);
      std::vector<double> data = {static_cast<double>(v.m()),
                                  static_cast<double>(v.n())};
      for (unsigned int q = 0; q < v.m(); ++q)
        for (unsigned int i = 0; i < v.n(); ++i)
          data.push_back(v(q, i));
      if (cell->at_boundary())
        for (const auto &s : sim.contact_states.get_data(cell))
          {
            data.push_back(s->multiplier_old);
            for (unsigned int d = 0; d < 3; ++d)
              data.push_back(s->anchor_old[d]);
          }
      return Vector<double>(data.begin(), data.end());
    }

    /** Restore a record; false if it does not fit the cell's states. */
    template <int dim>
    bool
    unpack_cell_state(Simulation<dim>                                  &sim,
                      const typename Triangulation<dim>::cell_iterator &cell,
                      const Vector<double>                             &data)
    {
      const auto states  = sim.point_states.get_data(cell);
      const auto contact = cell->at_boundary() ?
                             sim.contact_states.get_data(cell) :
                             decltype(sim.contact_states.get_data(cell))();
      if (data.size() < 2 || data[0] != states.size() ||
          data[1] != states[0]->number_of_values() ||
          data.size() != 2 + data[0] * data[1] + 4 * contact.size())
        return false;
      FullMatrix<double> values(states.size(),
                                static_cast<unsigned int>(data[1]));
      unsigned int       k = 2;
      for (unsigned int q = 0; q < values.m(); ++q)
        for (unsigned int i = 0; i < values.n(); ++i)
          values(q, i) = data[k++];
      internal::set_point_values(sim.point_states, cell, values);
      for (auto &s : contact)
        {
          s->multiplier = s->multiplier_old = data[k++];
          for (unsigned int d = 0; d < 3; ++d)
            s->anchor_old[d] = data[k++];
          s->anchor_new = s->anchor_old;
        }
      return true;
    }

    /** The mesh of setup() before its global refinements. */
    template <int dim>
    void
    create_coarse_mesh(Simulation<dim> &sim)
    {
      const GeometryParameters &geometry = sim.settings.geometry;
      if (geometry.mesh_file.empty())
        {
          BlockSpec spec     = geometry.block;
          spec.n_refinements = 0;
          make_layered_block(spec, sim.triangulation);
        }
      else
        read_gmsh_mesh(geometry.mesh_file, sim.triangulation);
    }

    /** Sum of the coarse cells' vertex coordinates: tells meshes apart. */
    template <int dim>
    double
    coarse_fingerprint(const Triangulation<dim> &tria)
    {
      double sum = 0.;
      for (const auto &cell : tria.cell_iterators_on_level(0))
        for (const unsigned int v : cell->vertex_indices())
          for (unsigned int d = 0; d < dim; ++d)
            sum += (d + 1) * cell->vertex(v)[d];
      return sum;
    }

    /** Scalars of the state file, as "key value" lines. */
    std::map<std::string, std::string>
    parse_state(const std::string &text)
    {
      std::map<std::string, std::string> entries;
      std::istringstream                 in(text);
      std::string                        line, key, value;
      while (std::getline(in, line))
        {
          std::istringstream words(line);
          if (words >> key >> value)
            entries[key] = value;
        }
      return entries;
    }
  } // namespace



  template <int dim>
  void
  save_checkpoint(const Simulation<dim> &sim, const std::string &prefix)
  {
    const std::vector<PETScWrappers::MPI::Vector> vectors =
      internal::ghosted_copies(sim);
    std::vector<const PETScWrappers::MPI::Vector *> in;
    for (const auto &v : vectors)
      in.push_back(&v);
    parallel::distributed::SolutionTransfer<dim, PETScWrappers::MPI::Vector>
      solution_transfer(sim.dof_handler);
    solution_transfer.prepare_for_serialization(in);

    std::vector<Vector<double>> cell_data(sim.triangulation.n_active_cells());
    for (const auto &cell : sim.triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        cell_data[cell->active_cell_index()] = pack_cell_state(sim, cell);
    parallel::distributed::
      CellDataTransfer<dim, dim, std::vector<Vector<double>>>
        data_transfer(sim.triangulation, /*transfer_variable_size_data=*/true);
    data_transfer.prepare_for_serialization(cell_data);

    const std::string partial = prefix + ".partial.mesh";
    sim.triangulation.save(partial);
    MPI_Barrier(sim.comm);

    std::string error;
    if (Utilities::MPI::this_mpi_process(sim.comm) == 0)
      try
        {
          namespace fs = std::filesystem;
          fs::remove(prefix + ".state"); // the old checkpoint is now invalid
          for (const std::string suffix :
               {"", ".info", "_fixed.data", "_variable.data"})
            if (fs::exists(partial + suffix))
              atomic_rename(partial + suffix, prefix + ".mesh" + suffix);
            else
              fs::remove(prefix + ".mesh" + suffix);
          AtomicOutputFile file(prefix + ".state");
          file.stream() << std::setprecision(17) << "format "
                        << "FasciaFE-checkpoint-1\n"
                        << "dimension " << dim << '\n'
                        << "cells " << sim.triangulation.n_global_active_cells()
                        << '\n'
                        << "dofs " << sim.dof_handler.n_dofs() << '\n'
                        << "coarse_mesh "
                        << coarse_fingerprint(sim.triangulation) << '\n'
                        << "time " << sim.time << '\n'
                        << "dt " << sim.dt << '\n'
                        << "depth_old " << sim.depth_old << '\n'
                        << "depth_older " << sim.depth_older << '\n'
                        << "depth_current " << sim.depth_current << '\n'
                        << "force_old " << sim.force_old << '\n'
                        << "phase " << sim.phase << '\n'
                        << "phase_start_depth " << sim.phase_start_depth << '\n'
                        << "phase_start_force " << sim.phase_start_force << '\n'
                        << "force_stiffness " << sim.force_stiffness << '\n'
                        << "dt_old " << sim.dt_old << '\n'
                        << "pivot_angle_old " << sim.pivot_angle_old << '\n'
                        << "pivot_stiffness " << sim.pivot_stiffness << '\n'
                        << "roll_angle_old " << sim.roll_angle_old << '\n'
                        << "lateral_old " << sim.lateral_old << '\n'
                        << "lateral_older " << sim.lateral_older << '\n'
                        << "roll_stiffness " << sim.roll_stiffness << '\n';
          file.commit();
        }
      catch (const std::exception &e)
        {
          error = e.what();
        }
    error = Utilities::MPI::broadcast(sim.comm, error, 0);
    AssertThrow(error.empty(), ExcMessage("save_checkpoint: " + error));
  }



  template <int dim>
  void
  load_checkpoint(Simulation<dim> &sim, const std::string &prefix)
  {
    const std::string file = "checkpoint '" + prefix + ".state'";
    std::string       text;
    if (Utilities::MPI::this_mpi_process(sim.comm) == 0)
      {
        std::ifstream      in(prefix + ".state");
        std::ostringstream content;
        if (in && content << in.rdbuf())
          text = content.str();
      }
    text = Utilities::MPI::broadcast(sim.comm, text, 0);
    std::map<std::string, std::string> state = parse_state(text);
    check_input(!text.empty(), file + " is missing or empty");
    for (const std::string key : {"format",
                                  "dimension",
                                  "cells",
                                  "dofs",
                                  "coarse_mesh",
                                  "time",
                                  "dt",
                                  "depth_old",
                                  "depth_older",
                                  "depth_current",
                                  "force_old",
                                  "phase",
                                  "phase_start_depth",
                                  "phase_start_force",
                                  "force_stiffness",
                                  "dt_old",
                                  "pivot_angle_old",
                                  "pivot_stiffness",
                                  "roll_angle_old",
                                  "lateral_old",
                                  "roll_stiffness"})
      check_input(state.count(key) == 1, file + " has no '" + key + "'");
    check_input(state["format"] == "FasciaFE-checkpoint-1" &&
                  state["dimension"] == std::to_string(dim),
                file + " is not a " + std::to_string(dim) +
                  "D FasciaFE checkpoint");

    sim.dof_handler.clear();
    sim.point_states.clear();
    sim.contact_states.clear();
    sim.triangulation.clear();
    create_coarse_mesh(sim);
    const double fingerprint = std::stod(state["coarse_mesh"]);
    check_input(std::abs(coarse_fingerprint(sim.triangulation) - fingerprint) <=
                  1e-12 * std::abs(fingerprint),
                file + " was written for another coarse mesh (geometry)");
    sim.triangulation.load(prefix + ".mesh");
    check_input(std::to_string(sim.triangulation.n_global_active_cells()) ==
                  state["cells"],
                file + ": the mesh does not have the saved number of cells");
    sim.setup_system();
    check_input(std::to_string(sim.dof_handler.n_dofs()) == state["dofs"],
                file + " has " + state["dofs"] + " dofs, the settings give " +
                  std::to_string(sim.dof_handler.n_dofs()));

    const auto vectors = internal::solution_vectors(sim);
    std::vector<PETScWrappers::MPI::Vector *> out(vectors.begin(),
                                                  vectors.end());
    parallel::distributed::SolutionTransfer<dim, PETScWrappers::MPI::Vector>
      solution_transfer(sim.dof_handler);
    solution_transfer.deserialize(out);
    std::vector<Vector<double>> cell_data(sim.triangulation.n_active_cells());
    parallel::distributed::
      CellDataTransfer<dim, dim, std::vector<Vector<double>>>
        data_transfer(sim.triangulation, /*transfer_variable_size_data=*/true);
    data_transfer.deserialize(cell_data);

    sim.setup_states();
    bool fits = true;
    for (const auto &cell : sim.triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        fits &=
          unpack_cell_state(sim, cell, cell_data[cell->active_cell_index()]);
    check_input(Utilities::MPI::min(fits ? 1 : 0, sim.comm) == 1,
                file + ": the saved material points do not match the "
                       "materials of the settings");

    sim.time              = std::stod(state["time"]);
    sim.dt                = std::stod(state["dt"]);
    sim.depth_old         = std::stod(state["depth_old"]);
    sim.depth_older       = std::stod(state["depth_older"]);
    sim.depth_current     = std::stod(state["depth_current"]);
    sim.force_old         = std::stod(state["force_old"]);
    sim.phase             = std::stoul(state["phase"]);
    sim.phase_start_depth = std::stod(state["phase_start_depth"]);
    sim.phase_start_force = std::stod(state["phase_start_force"]);
    sim.force_stiffness   = std::stod(state["force_stiffness"]);
    sim.dt_old            = std::stod(state["dt_old"]);
    sim.pivot_angle_old   = std::stod(state["pivot_angle_old"]);
    sim.pivot_stiffness   = std::stod(state["pivot_stiffness"]);
    sim.roll_angle_old    = std::stod(state["roll_angle_old"]);
    sim.lateral_old       = std::stod(state["lateral_old"]);
    // (optional: checkpoints written before it existed lack it)
    sim.lateral_older  = state.count("lateral_older") == 1 ?
                           std::stod(state["lateral_older"]) :
                           sim.lateral_old;
    sim.roll_stiffness = std::stod(state["roll_stiffness"]);
    if (sim.settings.tool.pivoted())
      sim.settings.tool.set_pivot_angle(sim.pivot_angle_old);
    sim.ghosted = sim.solution;
    sim.settings.tool.set_depth(sim.depth_current);
    sim.settings.tool.set_lateral(sim.lateral_old, sim.roll_angle_old);
    sim.rebuild_linear_solver();
  }



  bool
  checkpoint_exists(const std::string &prefix)
  {
    return std::filesystem::exists(prefix + ".state");
  }



  template void
  save_checkpoint(const Simulation<2> &, const std::string &);
  template void
  save_checkpoint(const Simulation<3> &, const std::string &);
  template void
  load_checkpoint(Simulation<2> &, const std::string &);
  template void
  load_checkpoint(Simulation<3> &, const std::string &);
} // namespace FasciaFE
