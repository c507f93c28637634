#pragma once

/**
 * Checkpoints of `fasciafe run` (Checkpoint/Interval) and the restart from
 * them (`fasciafe run FILE --restart`); see docs/output.md.
 *
 * The checkpoint of step S is the set of files `DIR/checkpoint/step_S.*`
 * (S on 5 digits, more if needed): those of save_checkpoint() (`.mesh*`,
 * `.state`: mesh, solution vectors, material-point and contact state) and
 * `.run` (the state of the time loop and the parameters that define the
 * model, as "key value" lines). `DIR/checkpoint/latest` names the last
 * complete checkpoint; it is written atomically after all the files of the
 * new checkpoint, and only then are the files of the previous checkpoint
 * removed. A run killed at any moment therefore leaves `latest` naming a
 * complete checkpoint (or no `latest` before the first one).
 */

#include <deal.II/base/parameter_handler.h>

#include <solver/simulation.h>

#include <map>
#include <string>

namespace FasciaFE
{
  /** The state of the time loop of a run, saved with each checkpoint. */
  struct RunProgress
  {
    /** Converged steps so far. */
    unsigned int step = 0;
    /** Newton iterations of all steps so far. */
    unsigned int total_newton = 0;
    /** History rows of cycle jumps so far (rows without a step). */
    unsigned int jump_rows = 0;
    /** Simulated time [s] and the length of the next step to try [s]. */
    double t = 0., dt = 0.;
    /** Running extrema of summary.txt [N, m^2, Pa, -, -, m^3]. */
    double max_force = 0., max_area = 0., max_pressure = 0.;
    double max_pen_ratio = 0., min_lambda_target = 1., max_released = 0.;
    /** First time the target's mean lambda fell below the release
     * threshold [s]; negative while it has not. */
    double release_time = -1.;
    /** Wall time of the run so far, over restarts [s]. */
    double wall_time = 0.;
    /**
     * The protocol's (nominal) depth at time t [m]: set by
     * write_run_checkpoint(), checked by load_run_checkpoint().
     */
    double protocol_depth = 0.;
  };

  /**
   * The entries of the sections that define the model and its mesh
   * (Geometry, Tissue, Discretization, Target region), as
   * "Section/Subsection/Entry" -> value. A restart requires them unchanged.
   */
  std::map<std::string, std::string>
  model_parameters(const ParameterHandler &prm);

  /**
   * Write the checkpoint of step @p progress.step of the run in @p dir
   * (see above) and remove the previous one. Collective; throws if a file
   * cannot be written.
   */
  template <int dim>
  void
  write_run_checkpoint(const Simulation<dim>                    &sim,
                       const std::string                        &dir,
                       const RunProgress                        &progress,
                       const std::map<std::string, std::string> &parameters);

  /**
   * Read the latest checkpoint of the run in @p dir: its time-loop state,
   * and in @p prefix the path of its files without extension (for
   * load_run_checkpoint()). Collective. Throws an InputError if there is
   * no checkpoint or its model parameters differ from @p parameters
   * (naming the entries).
   */
  RunProgress
  read_run_checkpoint(const std::string                        &dir,
                      const MPI_Comm                            comm,
                      const std::map<std::string, std::string> &parameters,
                      std::string                              &prefix);

  /**
   * Load the checkpoint @p prefix into @p sim, set up from the same
   * settings (load_checkpoint()), and check that the protocol gives the
   * same (nominal) depth at time @p progress.t as the protocol of the
   * checkpointed run (it may otherwise differ, e.g. be extended).
   * Collective; throws an InputError.
   */
  template <int dim>
  void
  load_run_checkpoint(Simulation<dim>   &sim,
                      const std::string &prefix,
                      const RunProgress &progress);
} // namespace FasciaFE
