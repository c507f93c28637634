#include <solver/exceptions.h>
#include <solver/parameters.h>

#include <sstream>

namespace FasciaFE
{
  using Patterns::Bool;
  using Patterns::Double;
  using Patterns::Integer;
  using Patterns::Selection;

  void
  DiscretizationParameters::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Discretization");
    prm.declare_entry("Polynomial degree",
                      "2",
                      Integer(1, 4),
                      "Degree k of the continuous Lagrange displacement "
                      "element Q_k [-]. Q2 is the default.");
    prm.declare_entry("Formulation",
                      "three-field",
                      Selection("three-field|displacement"),
                      "three-field: Hu-Washizu (u, p, J~) with p and J~ "
                      "discontinuous P_{k-1}, condensed on each cell "
                      "(Simo-Taylor-Pister 1985, deal.II step-44); free of "
                      "volumetric locking up to nu = 0.4999. displacement: "
                      "pure displacement, locks as nu -> 0.5 (for "
                      "comparison only).");
    prm.declare_entry("Follow tip levels",
                      "0",
                      Integer(0, 6),
                      "Refinement that moves with the tip: the cells near "
                      "the tip (Follow tip radius, Follow tip depth) get "
                      "this many more levels than the generated mesh, "
                      "re-made (histories transferred) whenever the tip has "
                      "moved by a quarter of the radius; 0: off [-].");
    prm.declare_entry("Follow tip radius",
                      "0.01",
                      Double(0.),
                      "Lateral half width of the refined region about the "
                      "tip axis [m].");
    prm.declare_entry("Follow tip depth",
                      "0.005",
                      Double(0.),
                      "Depth of the refined region below the surface [m].");
    prm.leave_subsection();
  }



  void
  DiscretizationParameters::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Discretization");
    degree        = prm.get_integer("Polynomial degree");
    three_field   = prm.get("Formulation") == "three-field";
    follow_levels = prm.get_integer("Follow tip levels");
    follow_radius = prm.get_double("Follow tip radius");
    follow_depth  = prm.get_double("Follow tip depth");
    prm.leave_subsection();
  }



  void
  ContactParameters::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Contact");
    prm.declare_entry("Penalty factor",
                      "300",
                      Double(1e-3, 1e8),
                      "Augmented-Lagrangian penalty eps = factor * mu / h0 "
                      "[-], with mu the largest shear modulus and h0 the "
                      "contact-zone element size.");
    prm.declare_entry("Penetration tolerance",
                      "5e-4",
                      Double(1e-8, 1e-1),
                      "Uzawa augmentations stop when the largest "
                      "penetration is below this fraction of the current "
                      "indentation depth (or of 1e-3 h0 before the tip "
                      "reaches the surface) [-].");
    prm.declare_entry("Maximum augmentations",
                      "30",
                      Integer(1, 1000),
                      "Largest number of Uzawa multiplier updates per "
                      "step [-].");
    prm.declare_entry("Friction coefficient",
                      "0",
                      Double(0., 10.),
                      "Coulomb friction coefficient mu between the tip and "
                      "the skin (0: frictionless). Stick and slip by a "
                      "penalty-regularized return mapping, |t_T| <= mu "
                      "p_N (Wriggers 2006; Laursen 2002) [-].");
    prm.declare_entry("Tangential penalty ratio",
                      "1",
                      Double(1e-3, 1e3),
                      "Tangential (stick) penalty eps_T over the normal "
                      "penalty eps_N; the elastic micro-slip at stick is "
                      "|t_T| / eps_T [-].");
    prm.leave_subsection();
  }



  void
  ContactParameters::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Contact");
    penalty_factor           = prm.get_double("Penalty factor");
    penetration_tolerance    = prm.get_double("Penetration tolerance");
    max_augmentations        = prm.get_integer("Maximum augmentations");
    friction_coefficient     = prm.get_double("Friction coefficient");
    tangential_penalty_ratio = prm.get_double("Tangential penalty ratio");
    prm.leave_subsection();
  }



  void
  TimeSteppingParameters::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Time stepping");
    prm.declare_entry("Initial time step",
                      "0.1",
                      Double(0.),
                      "First time step [s]; must not exceed the first "
                      "protocol phase.");
    prm.declare_entry("Minimum time step",
                      "1e-6",
                      Double(0.),
                      "Smallest step allowed by cut-backs [s].");
    prm.declare_entry("Maximum time step",
                      "1",
                      Double(0.),
                      "Largest step [s].");
    prm.declare_entry("Growth factor",
                      "1.5",
                      Double(1., 10.),
                      "The step grows by this factor after an easy step "
                      "[-].");
    prm.declare_entry("Cut-back factor",
                      "0.5",
                      Double(0.01, 0.99),
                      "After a failed step the step shrinks by this "
                      "factor and is retried [-].");
    prm.declare_entry("Easy step iterations",
                      "4",
                      Integer(1, 100),
                      "A step that converged within this many Newton "
                      "iterations is easy [-].");
    prm.declare_entry("Maximum cut-backs",
                      "8",
                      Integer(0, 50),
                      "Consecutive cut-backs allowed before the run stops "
                      "with an error [-].");
    prm.enter_subsection("Cycle jump");
    prm.declare_entry("Enabled",
                      "false",
                      Bool(),
                      "Cyclic phases: after every few simulated cycles, "
                      "extrapolate the history (lambda, internal stresses, "
                      "dissipation) over as many cycles as the tolerances "
                      "allow instead of simulating them (cycle jumping, "
                      "docs/protocols.md). Time steps of cyclic phases end "
                      "on cycle boundaries either way.");
    prm.declare_entry("Structure tolerance",
                      "0.02",
                      Double(1e-6, 1.),
                      "Largest extrapolated change of lambda at any "
                      "material point per jump [-].");
    prm.declare_entry("Internal stress tolerance",
                      "0.1",
                      Double(1e-6, 1.),
                      "Largest extrapolated change of the internal-stress "
                      "norm |Q| at any point per jump, as a fraction of the "
                      "largest |Q| [-].");
    prm.declare_entry("Maximum cycles per jump",
                      "50",
                      Integer(1, 100000),
                      "Most cycles skipped by one jump [-].");
    prm.declare_entry("Cycles between jumps",
                      "2",
                      Integer(2, 1000),
                      "Cycles simulated after a jump (or the start of the "
                      "phase) before the next one; the first lets the "
                      "displacement settle, the last two give the rate of "
                      "change [-].");
    prm.leave_subsection();
    prm.leave_subsection();
  }



  void
  TimeSteppingParameters::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Time stepping");
    initial_dt      = prm.get_double("Initial time step");
    min_dt          = prm.get_double("Minimum time step");
    max_dt          = prm.get_double("Maximum time step");
    growth_factor   = prm.get_double("Growth factor");
    cutback_factor  = prm.get_double("Cut-back factor");
    easy_iterations = prm.get_integer("Easy step iterations");
    max_cutbacks    = prm.get_integer("Maximum cut-backs");
    prm.enter_subsection("Cycle jump");
    cycle_jump.enabled             = prm.get_bool("Enabled");
    cycle_jump.structure_tolerance = prm.get_double("Structure tolerance");
    cycle_jump.internal_stress_tolerance =
      prm.get_double("Internal stress tolerance");
    cycle_jump.max_cycles    = prm.get_integer("Maximum cycles per jump");
    cycle_jump.settle_cycles = prm.get_integer("Cycles between jumps");
    prm.leave_subsection();
    prm.leave_subsection();
    check_input(initial_dt > 0.,
                "Time stepping/Initial time step must be > 0 s");
    check_input(min_dt > 0. && min_dt <= initial_dt,
                "Time stepping/Minimum time step must be > 0 s and not "
                "exceed the initial time step");
    check_input(max_dt >= initial_dt,
                "Time stepping/Maximum time step must not be smaller than "
                "the initial time step");
  }



  void
  NonlinearSolverParameters::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Nonlinear solver");
    prm.declare_entry("Maximum iterations",
                      "20",
                      Integer(1, 200),
                      "Newton iterations per attempt of a step [-].");
    prm.declare_entry("Residual tolerance",
                      "1e-8",
                      Double(1e-16, 1.),
                      "Converged when the residual norm has fallen by this "
                      "factor from the step's largest residual [-].");
    prm.declare_entry("Absolute tolerance",
                      "0",
                      Double(0.),
                      "Converged when the residual norm is below this [N]; "
                      "0 selects 1e-12 * mu * h0^2 automatically.");
    prm.declare_entry("Update tolerance",
                      "1e-10",
                      Double(0., 1.),
                      "Also converged when the Newton update norm is below "
                      "this fraction of the displacement norm [-].");
    prm.declare_entry("Line search",
                      "true",
                      Bool(),
                      "Backtracking line search on the residual norm.");
    prm.declare_entry("Maximum line search steps",
                      "8",
                      Integer(0, 50),
                      "Halvings of the Newton step tried by the line "
                      "search [-].");
    prm.leave_subsection();
  }



  void
  NonlinearSolverParameters::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Nonlinear solver");
    max_iterations     = prm.get_integer("Maximum iterations");
    residual_tolerance = prm.get_double("Residual tolerance");
    absolute_tolerance = prm.get_double("Absolute tolerance");
    update_tolerance   = prm.get_double("Update tolerance");
    line_search        = prm.get_bool("Line search");
    max_line_search    = prm.get_integer("Maximum line search steps");
    prm.leave_subsection();
  }



  void
  LinearSolverParameters::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Linear solver");
    prm.declare_entry("Method",
                      "auto",
                      Selection("auto|cg|gmres|direct"),
                      "cg or gmres: PETSc Krylov solver with an algebraic "
                      "multigrid preconditioner given the rigid-body "
                      "near-null space; direct: MUMPS LU (robust, for "
                      "small problems and as fallback); auto: direct up to "
                      "100,000 (2D) or 30,000 (3D) degrees of freedom, cg "
                      "above. cg is replaced by gmres when a layer's model "
                      "has a non-symmetric tangent (thixotropic models) "
                      "[-].");
    prm.declare_entry("Preconditioner",
                      "boomeramg",
                      Selection("boomeramg|gamg"),
                      "Algebraic multigrid: hypre BoomerAMG or PETSc "
                      "GAMG.");
    prm.declare_entry("Tolerance",
                      "1e-10",
                      Double(1e-16, 1.),
                      "Relative residual reduction of the Krylov solver "
                      "[-].");
    prm.declare_entry("Maximum iterations",
                      "2000",
                      Integer(1, 100000),
                      "Krylov iterations per solve [-]. If reached, the "
                      "solve falls back to MUMPS.");
    prm.leave_subsection();
  }



  void
  LinearSolverParameters::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Linear solver");
    method         = prm.get("Method");
    preconditioner = prm.get("Preconditioner");
    tolerance      = prm.get_double("Tolerance");
    max_iterations = prm.get_integer("Maximum iterations");
    prm.leave_subsection();
  }



  void
  OutputParameters::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Output");
    prm.declare_entry("Directory",
                      "results",
                      Patterns::FileName(Patterns::FileName::output),
                      "Output directory; --output on the command line "
                      "overrides it.");
    prm.declare_entry("Field output interval",
                      "1",
                      Integer(0, 100000),
                      "Write fields (VTU, HDF5) every N converged steps and "
                      "at the end; 0 writes only the last step [-].");
    prm.declare_entry("Subdivisions",
                      "0",
                      Integer(0, 8),
                      "Subdivisions of each cell in the field output "
                      "(0: the polynomial degree) [-].");
    prm.leave_subsection();
    CheckpointParameters::declare_parameters(prm);
  }



  void
  OutputParameters::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Output");
    directory      = prm.get("Directory");
    field_interval = prm.get_integer("Field output interval");
    subdivisions   = prm.get_integer("Subdivisions");
    prm.leave_subsection();
    checkpoint.parse_parameters(prm);
  }



  void
  CheckpointParameters::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Checkpoint");
    prm.declare_entry("Interval",
                      "0",
                      Integer(0, 1000000),
                      "Write a checkpoint to DIR/checkpoint/ every N "
                      "converged steps, from which `fasciafe run FILE "
                      "--restart` continues the run; each replaces the "
                      "previous one. 0 writes none [-].");
    prm.leave_subsection();
  }



  void
  CheckpointParameters::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Checkpoint");
    interval = prm.get_integer("Interval");
    prm.leave_subsection();
  }
} // namespace FasciaFE
