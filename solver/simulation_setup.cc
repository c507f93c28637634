#include <deal.II/dofs/dof_tools.h>

#include <deal.II/fe/fe_q.h>

#include <deal.II/grid/grid_tools.h>

#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/sparsity_tools.h>

#include <deal.II/numerics/vector_tools.h>

#include <solver/exceptions.h>
#include <solver/simulation.h>

#include <sstream>

namespace FasciaFE
{
  template <int dim>
  Simulation<dim>::Simulation(RunSettings &settings, const MPI_Comm comm)
    : settings(settings)
    , comm(comm)
    , triangulation(comm)
    , fe(FE_Q<dim>(settings.discretization.degree), dim)
    , fe_pressure(settings.discretization.degree - 1)
    , mapping(1)
    , quadrature(settings.discretization.degree + 1)
    , face_quadrature(settings.discretization.degree + 1)
    , dof_handler(triangulation)
  {
    kinematics.type = settings.geometry.block.type;
    AssertThrow(settings.geometry.dimension() == dim,
                ExcMessage("Model type does not match the dimension."));
  }



  template <int dim>
  void
  Simulation<dim>::setup()
  {
    auto &block  = settings.geometry.block;
    block.layers = settings.tissue.layer_specs();
    if (settings.geometry.mesh_file.empty())
      make_layered_block(block, triangulation); // validates the spec
    else
      read_gmsh_mesh(settings.geometry.mesh_file, triangulation);

    unsigned int max_id = 0;
    for (const auto &cell : triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        max_id = std::max<unsigned int>(max_id, cell->material_id());
    max_id = Utilities::MPI::max(max_id, comm);
    check_input(max_id < settings.tissue.n_layers(),
                "mesh has a cell with material id " + std::to_string(max_id) +
                  " but the tissue has only " +
                  std::to_string(settings.tissue.n_layers()) + " layers");

    // The finest contact-zone elements, with the refinement that follows
    // the tip (follow_tip()) if any.
    h0 = block.zone_element_size /
         std::pow(2.,
                  static_cast<double>(block.n_refinements +
                                      settings.discretization.follow_levels));
    penalty = settings.contact.penalty_factor *
              settings.tissue.max_shear_modulus() / h0;
    absolute_tolerance =
      settings.newton.absolute_tolerance > 0. ?
        settings.newton.absolute_tolerance :
        1e-12 * settings.tissue.max_shear_modulus() * h0 * h0;

    settings.tool.set_depth(settings.protocol.depth(0.));
    depth_old = depth_older = depth_current = phase_start_depth =
      settings.protocol.depth(0.);
    check_initial_configuration();
    setup_system();
    setup_states();
    // auto: MUMPS for small systems (faster and more robust than AMG at
    // these sizes), AMG-preconditioned Krylov above. CG needs a symmetric
    // matrix: thixotropic models have a non-symmetric consistent tangent,
    // for which GMRES is used instead.
    auto &method = settings.linear.method;
    if (method == "auto")
      method = n_dofs() <= (dim == 2 ? 100000u : 30000u) ? "direct" : "cg";
    if (method == "cg" && !settings.tissue.symmetric_tangent())
      method = "gmres";
    linear_solver = std::make_unique<LinearSolver>(settings.linear, comm);
    linear_solver->set_near_null_space(rigid_body_modes());
  }



  template <int dim>
  void
  Simulation<dim>::make_constraints()
  {
    constraints.clear();
    constraints.reinit(locally_relevant);
    DoFTools::make_hanging_node_constraints(dof_handler, constraints);
    const Functions::ZeroFunction<dim> zero(dim);
    auto                               component = [](const unsigned int c) {
      std::vector<bool> mask(dim, false);
      mask[c] = true;
      return ComponentMask(mask);
    };
    const auto &g = settings.geometry;
    VectorTools::interpolate_boundary_values(mapping,
                                             dof_handler,
                                             BoundaryId::bottom,
                                             zero,
                                             constraints,
                                             g.bottom_fixed ?
                                               ComponentMask() :
                                               component(dim - 1));
    if (g.block.symmetric_x())
      VectorTools::interpolate_boundary_values(mapping,
                                               dof_handler,
                                               BoundaryId::symmetry_x,
                                               zero,
                                               constraints,
                                               component(0));
    if (g.block.symmetric_y())
      VectorTools::interpolate_boundary_values(mapping,
                                               dof_handler,
                                               BoundaryId::symmetry_y,
                                               zero,
                                               constraints,
                                               component(1));
    if (g.lateral == "fixed")
      VectorTools::interpolate_boundary_values(mapping,
                                               dof_handler,
                                               BoundaryId::lateral,
                                               zero,
                                               constraints);
    else if (g.lateral == "sliding")
      {
        // The far sides are planes x = +-W (and y = +-L in 3D): fix the
        // normal component of each face.
        std::set<types::boundary_id> ids = {BoundaryId::lateral};
        VectorTools::compute_no_normal_flux_constraints(dof_handler,
                                                        0,
                                                        ids,
                                                        constraints,
                                                        mapping);
      }
    constraints.close();
  }



  template <int dim>
  void
  Simulation<dim>::setup_system()
  {
    dof_handler.distribute_dofs(fe);
    locally_owned = dof_handler.locally_owned_dofs();
    DoFTools::extract_locally_relevant_dofs(dof_handler, locally_relevant);
    make_constraints();

    DynamicSparsityPattern dsp(locally_relevant);
    DoFTools::make_sparsity_pattern(dof_handler, dsp, constraints, false);
    SparsityTools::distribute_sparsity_pattern(dsp,
                                               locally_owned,
                                               comm,
                                               locally_relevant);
    system_matrix.reinit(locally_owned, locally_owned, dsp, comm);
    // The dofs of a support point are consecutive (deal.II numbers the dim
    // components of each vertex, line, face and cell dof together), so the
    // matrix has block size dim: nodal (systems) AMG can use it.
    MatSetBlockSize(static_cast<Mat>(system_matrix), dim);
    residual.reinit(locally_owned, comm);
    solution.reinit(locally_owned, comm);
    solution_old.reinit(locally_owned, comm);
    solution_older.reinit(locally_owned, comm);
    ghosted.reinit(locally_owned, locally_relevant, comm);
    ghosted = solution;
  }



  template <int dim>
  void
  Simulation<dim>::setup_states()
  {
    const unsigned int n_q      = quadrature.size();
    const unsigned int n_face_q = face_quadrature.size();
    for (const auto &cell : triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          point_states.initialize(cell, n_q);
          const Material &material =
            settings.tissue.material(cell->material_id());
          for (auto &state : point_states.get_data(cell))
            {
              state->history_old.resize(material.n_history_variables());
              material.initialize_history(make_array_view(state->history_old));
              state->history_new = state->history_old;
            }
          if (cell->at_boundary())
            contact_states.initialize(cell,
                                      n_face_q *
                                        GeometryInfo<dim>::faces_per_cell);
        }
    initialize_stick_points();
  }



  template <int dim>
  std::vector<PETScWrappers::MPI::Vector>
  Simulation<dim>::rigid_body_modes() const
  {
    // Translations and (except axisymmetric) infinitesimal rotations,
    // orthonormalized: the near-null space of elasticity for AMG.
    std::map<types::global_dof_index, Point<dim>> support;
    DoFTools::map_dofs_to_support_points(mapping, dof_handler, support);
    const unsigned int n_rot =
      kinematics.axisymmetric() ? 0 : (dim == 3 ? 3 : 1);
    std::vector<PETScWrappers::MPI::Vector> modes(
      dim + n_rot,
      PETScWrappers::MPI::Vector(locally_owned, comm));
    std::vector<types::global_dof_index> dofs(fe.n_dofs_per_cell());
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          cell->get_dof_indices(dofs);
          for (unsigned int i = 0; i < dofs.size(); ++i)
            if (locally_owned.is_element(dofs[i]))
              {
                const unsigned int c = fe.system_to_component_index(i).first;
                const Point<dim>  &x = support[dofs[i]];
                modes[c](dofs[i])    = 1.;
                if (dim == 2 && n_rot == 1)
                  modes[2](dofs[i]) = (c == 0 ? -x[1] : x[0]);
                if (dim == 3)
                  {
                    // rotations about x, y, z: omega x X
                    const unsigned int a = (c + 1) % 3, b = (c + 2) % 3;
                    modes[3 + b](dofs[i]) = x[a];
                    modes[3 + a](dofs[i]) = -x[b];
                  }
              }
        }
    for (unsigned int m = 0; m < modes.size(); ++m)
      {
        modes[m].compress(VectorOperation::insert);
        for (unsigned int k = 0; k < m; ++k)
          modes[m].add(-(modes[m] * modes[k]), modes[k]);
        modes[m] /= modes[m].l2_norm();
      }
    return modes;
  }



  template class Simulation<2>;
  template class Simulation<3>;
} // namespace FasciaFE
