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
    std::string              command_line;
  };

  /**
   * Run a simulation. Returns the exit status: 0 completed, 3 a step did
   * not converge (results up to the last converged step are kept and
   * run.json says "failed"). Throws InputError before anything is written
   * when the input is wrong.
   */
  int
  run(const RunOptions &options, const MPI_Comm comm);
} // namespace FasciaFE
