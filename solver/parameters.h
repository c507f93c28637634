#pragma once

#include <deal.II/base/parameter_handler.h>

#include <meshes/layered_block.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  using namespace dealii;

  /** Finite element: displacement degree and the treatment of volume. */
  struct DiscretizationParameters
  {
    unsigned int degree = 2;
    /**
     * true: three-field (u, p, J~) Hu-Washizu with p, J~ in the
     * discontinuous space P_{k-1}, condensed per cell (step-44);
     * false: pure displacement (locks for nu -> 0.5; for comparison).
     */
    bool three_field = true;
    /**
     * Refinement that follows the tip: cells within @p follow_radius of
     * the tip axis (laterally) and @p follow_depth of the surface get
     * @p follow_levels more levels than the generated mesh; it is made
     * again (with every history variable transferred) whenever the tip
     * has moved by a quarter of the radius. 0 levels: off.
     */
    unsigned int follow_levels = 0;
    double       follow_radius = 0.; ///< [m]
    double       follow_depth  = 0.; ///< [m]

    static void
    declare_parameters(ParameterHandler &prm);
    void
    parse_parameters(ParameterHandler &prm);
  };

  /** Augmented-Lagrangian (Uzawa) contact with the rigid tip. */
  struct ContactParameters
  {
    double       penalty_factor        = 1000.;
    double       penetration_tolerance = 5e-4;
    unsigned int max_augmentations     = 30;
    /** Coulomb friction coefficient between tip and skin [-]. */
    double friction_coefficient = 0.;
    /** Tangential penalty over the normal one, eps_T / eps_N [-]. */
    double tangential_penalty_ratio = 1.;

    static void
    declare_parameters(ParameterHandler &prm);
    void
    parse_parameters(ParameterHandler &prm);
  };

  /**
   * Cycle jumping in cyclic phases (solver/cycle_jump.h): the slow
   * history is extrapolated over N cycles from its change over the last
   * simulated one, N limited by the tolerances below.
   */
  struct CycleJumpParameters
  {
    bool enabled = false;
    /** Largest extrapolated change of lambda at any point per jump [-]. */
    double structure_tolerance = 0.02;
    /** Largest extrapolated change of |Q| at any point per jump, relative
     * to the largest |Q| [-]. */
    double       internal_stress_tolerance = 0.1;
    unsigned int max_cycles                = 50;
    /** Simulated cycles after a jump (or the phase start) before the
     * next jump; the last two give the rate [-]. */
    unsigned int settle_cycles = 2;
  };

  /** Adaptive time stepping. */
  struct TimeSteppingParameters
  {
    double              initial_dt      = 0.1;
    double              min_dt          = 1e-6;
    double              max_dt          = 1.;
    double              growth_factor   = 1.5;
    double              cutback_factor  = 0.5;
    unsigned int        easy_iterations = 4;
    unsigned int        max_cutbacks    = 8;
    CycleJumpParameters cycle_jump;

    static void
    declare_parameters(ParameterHandler &prm);
    void
    parse_parameters(ParameterHandler &prm);
  };

  /** Newton-Raphson with backtracking line search. */
  struct NonlinearSolverParameters
  {
    unsigned int max_iterations     = 20;
    double       residual_tolerance = 1e-8;
    double       absolute_tolerance = 0.;
    double       update_tolerance   = 1e-10;
    bool         line_search        = true;
    unsigned int max_line_search    = 8;

    static void
    declare_parameters(ParameterHandler &prm);
    void
    parse_parameters(ParameterHandler &prm);
  };

  /** PETSc Krylov + AMG, or MUMPS. */
  struct LinearSolverParameters
  {
    std::string  method         = "auto";      // auto | cg | gmres | direct
    std::string  preconditioner = "boomeramg"; // boomeramg | gamg
    double       tolerance      = 1e-10;
    unsigned int max_iterations = 1000;

    static void
    declare_parameters(ParameterHandler &prm);
    void
    parse_parameters(ParameterHandler &prm);
  };

  /**
   * Checkpoints of a run (subsection "Checkpoint"), from which
   * `fasciafe run FILE --restart` continues it (docs/output.md).
   */
  struct CheckpointParameters
  {
    /** Converged steps between two checkpoints; 0: none. */
    unsigned int interval = 0;

    static void
    declare_parameters(ParameterHandler &prm);
    void
    parse_parameters(ParameterHandler &prm);
  };

  /**
   * What is written and how often: subsection "Output", and with it the
   * subsection "Checkpoint".
   */
  struct OutputParameters
  {
    std::string          directory      = "results";
    unsigned int         field_interval = 1;
    unsigned int         subdivisions   = 0;
    CheckpointParameters checkpoint;

    static void
    declare_parameters(ParameterHandler &prm);
    void
    parse_parameters(ParameterHandler &prm);
  };

  /** Geometry section: the layered block (layers come from "Tissue"). */
  struct GeometryParameters
  {
    BlockSpec   block;
    std::string mesh_file;
    bool        bottom_fixed = true;
    std::string lateral      = "free"; // free | sliding | fixed

    static void
    declare_parameters(ParameterHandler &prm);
    /** Reads "Geometry" and the layer thicknesses of "Tissue". */
    void
    parse_parameters(ParameterHandler &prm);

    /** dim of the model type (3 or 2). */
    unsigned int
    dimension() const
    {
      return block.type == ModelType::three_d ? 3 : 2;
    }

    /**
     * Multiplicity of the meshed part: the full-model force is the meshed
     * force times this (2 for a half, 4 for a quarter model; 1 otherwise).
     */
    double
    multiplicity() const;
  };
} // namespace FasciaFE
