#pragma once

#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>

#include <boost/property_tree/ptree.hpp>

#include <string>

namespace FasciaFE
{
  /**
   * The state of a run as recorded in run.json.
   */
  enum class RunStatus
  {
    /** The run has started and has not ended (or was killed). */
    running,
    /** The run reached its end time. */
    completed,
    /** The run stopped on an error (e.g. a step that did not converge). */
    failed
  };

  /**
   * The lower-case name of @p status as written to run.json: "running",
   * "completed" or "failed".
   */
  std::string
  to_string(const RunStatus status);

  /**
   * The record of a run, `DIR/run.json`, written with boost::property_tree's
   * JSON writer (so every value is a JSON string) on MPI rank 0 under a
   * temporary name and renamed. Its keys:
   * - `fasciafe_version`, `git_hash`: FASCIAFE_VERSION and FASCIAFE_GIT_HASH
   *   of the generated header fasciafe_version.h;
   * - `command_line`: as given to the constructor;
   * - `n_mpi_ranks`: size of the communicator;
   * - `start_time`, `end_time`: ISO 8601 UTC (`2024-05-01T12:00:00Z`),
   *   `end_time` empty while running;
   * - `wall_time_s`: wall-clock seconds since start() (0 while running);
   * - `status`: `running`, `completed` or `failed` (see RunStatus);
   * - `message`: empty, or why the run failed;
   * - `n_steps`: number of steps done (0 while running);
   * - `parameters`: the full parameter set, as the tree printed by
   *   `ParameterHandler::print_parameters(out, ParameterHandler::JSON)`.
   *
   * The solver calls start() once the output directory is set up and
   * finish() when the run ends, whether normally or not. A run that is
   * killed keeps the status `running`.
   */
  class RunInfo
  {
  public:
    /**
     * Constructor. @p parameters_json is the JSON text printed by
     * ParameterHandler::print_parameters(out, ParameterHandler::JSON); it is
     * parsed here (an empty string gives an empty `parameters` tree) and a
     * boost::property_tree::json_parser_error is thrown if it is not valid
     * JSON. Nothing is written yet.
     */
    RunInfo(const std::string &output_directory,
            const MPI_Comm     comm,
            const std::string &command_line,
            const std::string &parameters_json);

    /**
     * Record the start time, start the wall-clock timer and write run.json
     * with status `running`. @p output_directory is created if needed.
     */
    void
    start();

    /**
     * Record the end time, the wall time since start(), @p status, @p message
     * and @p n_steps, and rewrite run.json. May be called more than once
     * (the last call wins). Throws if start() was not called.
     */
    void
    finish(const RunStatus    status,
           const std::string &message,
           const unsigned int n_steps);

    /**
     * The tree that is written to run.json (on every rank).
     */
    const boost::property_tree::ptree &
    tree() const;

    /**
     * Path of run.json.
     */
    std::string
    file_name() const;

  private:
    /**
     * Write the tree to run.json on rank 0 (tmp + rename).
     */
    void
    write() const;

    const std::string           directory;
    const MPI_Comm              mpi_communicator;
    boost::property_tree::ptree info;
    dealii::Timer               timer;
    bool                        started;
  };
} // namespace FasciaFE
