#pragma once

#include <mpi.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  /** What `fasciafe run` was asked to do. */
  struct RunOptions
  {
    std::string              parameter_file;
    std::vector<std::string> set_options;
    std::string              output_directory; ///< empty: from the file
    bool                     quiet = false;
    /**
     * Continue the run in the output directory from its last checkpoint
     * (run_checkpoint.h) instead of starting it anew.
     */
    bool        restart = false;
    std::string command_line;
  };

  /**
   * Run a simulation. Returns the exit status: 0 completed, 3 a step did
   * not converge (results up to the last converged step are kept and
   * run.json says "failed"). Throws InputError before anything is written
   * when the input is wrong, or, with RunOptions::restart, when there is no
   * checkpoint or it does not fit the input.
   */
  int
  run(const RunOptions &options, const MPI_Comm comm);
} // namespace FasciaFE
