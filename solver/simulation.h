#pragma once

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/quadrature_point_data.h>

#include <deal.II/distributed/tria.h>

#include <deal.II/dofs/dof_handler.h>

#include <deal.II/fe/fe_dgp.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/fe/mapping_q.h>

#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <deal.II/numerics/data_out.h>

#include <solver/kinematics.h>
#include <solver/linear_solver.h>
#include <solver/parameters.h>
#include <solver/point_state.h>
#include <solver/protocol.h>
#include <solver/target_region.h>
#include <solver/tissue.h>
#include <solver/tool.h>

#include <functional>
#include <memory>
#include <string>

namespace FasciaFE
{
  /** All the settings of one run, parsed and checked. */
  struct RunSettings
  {
    GeometryParameters        geometry;
    DiscretizationParameters  discretization;
    ContactParameters         contact;
    TimeSteppingParameters    time_stepping;
    NonlinearSolverParameters newton;
    LinearSolverParameters    linear;
    OutputParameters          output;
    Protocol                  protocol;
    Tissue                    tissue;
    Tool                      tool;
    TargetRegion              target;
  };

  /**
   * The gel-sol state of the tissue over the committed history: minimum
   * and volume-weighted mean of lambda per layer and in the target region,
   * and the released volumes (lambda below the release threshold).
   * Volumes are full-model equivalents [m^3, or m^2 per unit length in
   * plane strain].
   */
  struct StructureSummary
  {
    std::vector<double> layer_min, layer_mean;
    double              target_min             = 1.;
    double              target_mean            = 1.;
    double              target_volume          = 0.;
    double              released_volume        = 0.;
    double              released_volume_target = 0.;
  };

  /** Contact resultants of the current iterate (full-model equivalents). */
  struct ContactSummary
  {
    Tensor<1, 3> force;    ///< reaction on the tip [N or N/m]
    Tensor<1, 3> friction; ///< its tangential (friction) part
    /** Moment of the contact forces on the tip about its apex [N m, or
     * N in plane strain]; moment_about() gives it about another point. */
    Tensor<1, 3> moment;
    Point<3>     apex;
    /** M_P = M_apex + (apex - P) x F. */
    Tensor<1, 3>
    moment_about(const Point<3> &p) const
    {
      return moment + cross_product_3d(apex - p, force);
    }
    unsigned int n_points        = 0;  ///< surface points in contact
    unsigned int n_slip          = 0;  ///< of which slipping
    double       area            = 0.; ///< current contact area [m^2 or m]
    double       max_pressure    = 0.; ///< Cauchy [Pa]
    double       max_penetration = 0.; ///< [m]
    double       radius          = 0.; ///< largest |x - axis| in contact [m]
  };

  /** Outcome of the solution of one time step. */
  struct StepResult
  {
    bool         converged = false;
    std::string  failure;
    unsigned int newton_iterations = 0;
    unsigned int linear_iterations = 0;
    unsigned int augmentations     = 0;
    /** Equilibrium solves of the step (several under force control). */
    unsigned int solves = 1;
    /** The step cannot succeed with a shorter time step either. */
    bool fatal = false;
    /** Tip reaction force z of the converged state [N, or N/m]. */
    double force_z = 0.;
  };

  /**
   * The quasi-static finite-strain problem of a layered tissue block
   * indented by a rigid tip, on a distributed mesh.
   *
   * Weak form (reference configuration, dV including 2 pi R when
   * axisymmetric), three-field (u, p, J~) formulation with p and J~
   * condensed per cell (Simo-Taylor-Pister 1985; deal.II step-44):
   *   R(u) = int grad(du) : (tau_iso + p J I) dV
   *        - int lambda_N n . du dA = 0,
   * with lambda_N = max(0, lambda - eps g) the augmented-Lagrangian contact
   * pressure (Uzawa updates of lambda; Simo and Laursen 1992), g the signed
   * distance to the tip and n its gradient.
   */
  template <int dim>
  class Simulation
  {
  public:
    Simulation(RunSettings &settings, const MPI_Comm comm);

    /** Build mesh, dofs, storage and check the initial configuration. */
    void
    setup();

    /** Solve the step to time @p t with step @p dt (u is the last state). */
    StepResult
    solve_step(const double t, const double dt);

    /** Accept the step: commit history, update accumulated dissipation. */
    void
    commit_step();

    /** Return to the last committed state after a failed attempt. */
    void
    revert_step();

    ContactSummary
    contact_summary() const;

    /** Structure (lambda) statistics of the committed state. */
    StructureSummary
    structure_summary() const;

    /** Total stored energy and dissipated energy of the full model [J]. */
    std::pair<double, double>
    energies() const;

    /** Names and units of the output fields of build_output(). */
    static std::vector<std::pair<std::string, std::string>>
    field_units();

    /** Fill a DataOut with the fields and build its patches. */
    void
    build_output(DataOut<dim> &data_out) const;

    types::global_dof_index
    n_dofs() const
    {
      return dof_handler.n_dofs();
    }

    unsigned int
    n_active_cells() const
    {
      return triangulation.n_global_active_cells();
    }

    /** Residual and tangent at the current iterate (tests, FD checks). */
    void
    assemble(const bool with_matrix);

    /** Wall time of the last assembly [s]. */
    double last_assembly_time = 0.;

    /**
     * Where Newton logs each iteration (residual, step length, linear
     * iterations, timings); null for no log. Only rank 0 writes.
     */
    std::ostream *log = nullptr;

    // State accessible to tests and output.
    RunSettings                              &settings;
    MPI_Comm                                  comm;
    Kinematics<dim>                           kinematics;
    parallel::distributed::Triangulation<dim> triangulation;
    FESystem<dim>                             fe;
    FE_DGP<dim>                               fe_pressure;
    MappingQ<dim>                             mapping;
    QGauss<dim>                               quadrature;
    QGauss<dim - 1>                           face_quadrature;
    DoFHandler<dim>                           dof_handler;
    IndexSet                                  locally_owned;
    IndexSet                                  locally_relevant;
    AffineConstraints<double>                 constraints;
    PETScWrappers::MPI::SparseMatrix          system_matrix;
    PETScWrappers::MPI::Vector                residual;
    PETScWrappers::MPI::Vector                solution;       // owned
    PETScWrappers::MPI::Vector                solution_old;   // owned
    PETScWrappers::MPI::Vector                solution_older; // owned
    double                                    depth_old = 0., depth_older = 0.;
    /** Apex depth of the current iterate [m]. */
    double depth_current = 0.;
    /** Tip reaction force z at the last commit [N, or N/m]. */
    double force_old = 0.;
    /** The protocol phase of the last step, and the depth [m] and force
     * [N] at its start (relative and force-controlled phases). */
    unsigned int phase             = 0;
    double       phase_start_depth = 0., phase_start_force = 0.;
    /** Last secant stiffness dF/dd of force control [N/m]. */
    double force_stiffness = 0.;
    /** Pivoted tip: the pivot angle at the last commit [rad] and the last
     * secant stiffness dM/dpsi [N m / rad]. */
    double pivot_angle_old = 0., pivot_stiffness = 0.;
    /** Rolling: the rolled angle and lateral offset at the last commit
     * [rad, m]. */
    double roll_angle_old = 0., lateral_old = 0.;
    /** The lateral offset one commit earlier [m]. */
    double lateral_older = 0.;
    /** Free rolling: the last secant stiffness dM/dtheta [N m/rad]. */
    double roll_stiffness = 0.;
    /**
     * Cyclic phases: the converged field at the same point of the last
     * simulated cycle (CyclePredictor, run.cc); when set, the step
     * predictor of a depth-controlled step without lateral motion.
     */
    const PETScWrappers::MPI::Vector *periodic_predictor = nullptr;
    /** Length of the last committed step [s]. */
    double                     dt_old = 0.;
    PETScWrappers::MPI::Vector ghosted; // relevant
    double                     time = 0., dt = 0.;
    double                     penalty = 0.;
    /** Element size of the contact zone after refinement [m]. */
    double h0 = 0.;
    /** Apex offset where follow_tip() last adapted the mesh [m]. */
    double follow_center = 0.;
    bool   follow_done   = false;

    CellDataStorage<typename Triangulation<dim>::cell_iterator, PointState>
      point_states;
    CellDataStorage<typename Triangulation<dim>::cell_iterator,
                    ContactPointState>
      contact_states;

    /**
     * Set-up steps, public so that mesh changes (refinement, repartition,
     * checkpoint restart) can rebuild the system around a new mesh.
     */
    void
    make_constraints();
    void
    setup_system();
    void
    setup_states();
    /**
     * Friction: put the stick point of every surface point at its current
     * position (the current displacement and tip pose), the state of a
     * point that has not moved relative to the tip.
     */
    void
    initialize_stick_points();
    /** Give the linear solver the rigid-body modes of the current mesh. */
    void
    rebuild_linear_solver();

    /**
     * Refinement that follows the tip (Discretization/Follow tip levels):
     * if the apex offset @p lateral [m] has moved by more than a quarter
     * of the Follow tip radius from where the mesh was last adapted (or
     * on the first call), re-mark the cells near it for refinement and
     * the others for coarsening back to the generated mesh and change the
     * mesh (execute_mesh_change(): histories, contact
     * multipliers and stick points transferred). Returns whether the
     * mesh changed. Call between steps, on all ranks.
     */
    bool
    follow_tip(const double lateral);

    /**
     * Predictor of a tip moved by @p dx along x: solution <- u_old(X - dx
     * e_x), u_old(X) where that leaves the block
     * (simulation_predictor.cc). Collective.
     */
    void
    shift_predictor(const double dx);

  private:
    void
    check_initial_configuration() const;
    void
    add_contact_terms(const bool with_matrix);
    /** Uzawa update lambda <- max(0, lambda - eps g) at every point. */
    void
    update_multipliers();
    /** Newton iterations at fixed multipliers. */
    StepResult
    newton();
    /** Newton and Uzawa augmentations with the apex at @p depth. */
    StepResult
    solve_at_depth(const double depth, const bool predict);
    /** solve_at_depth(), or with a pivoted tip solve_at_pivot(). */
    StepResult
    solve_equilibrium(const double depth, const bool predict);
    /**
     * A free rotation about the y axis through a point P: secant
     * iteration on its angle until the y moment of the contact forces
     * about P vanishes, each iterate solve_at_depth(). Used by a pivoted
     * tip (P the pivot).
     */
    StepResult
    solve_free_rotation(const double                       depth,
                        const bool                         predict,
                        const std::function<double()>     &angle,
                        const std::function<void(double)> &set_angle,
                        const std::function<Point<3>()>   &centre,
                        double                            &stiffness,
                        const double                       first_turn,
                        const double                       max_turn,
                        const std::string                 &what);
    /** Force control: secant iteration on the depth (see solve_step). */
    StepResult
    solve_at_force(const double target, const bool first);
    std::vector<PETScWrappers::MPI::Vector>
    rigid_body_modes() const;

    std::unique_ptr<LinearSolver> linear_solver;
    double                        absolute_tolerance = 0.;
    /** Largest residual norm seen in the current step [N]. */
    double step_residual_reference = 0.;
    bool   inverted                = false;
  };
} // namespace FasciaFE
