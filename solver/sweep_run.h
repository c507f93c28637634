#pragma once

/**
 * `fasciafe sweep`: run the cases of a sweep file over the MPI ranks it is
 * given (docs/sweeps.md).
 */

#include <mpi.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  /** What `fasciafe sweep` was asked to do. */
  struct SweepOptions
  {
    std::string              sweep_file;
    std::string              output_directory; ///< empty: from the file
    std::vector<std::string> set_options;      ///< extra base overrides
    /** Run only the cases first..last (ids), against DIR/sweep.json. */
    bool         select = false;
    unsigned int first = 0, last = 0;
    /** 0: Sweep/Ranks per case of the file. */
    unsigned int ranks_per_case = 0;
    bool         dry_run        = false;    ///< list the cases, run nothing
    bool         aggregate      = false;    ///< only sweep.json and summary.*
    bool         emit_slurm     = false;    ///< write DIR/slurm/*, run nothing
    unsigned int cases_per_task = 1;        ///< Slurm: cases per array task
    std::vector<std::string> slurm_options; ///< extra #SBATCH lines
    bool                     quiet = false;
  };

  /**
   * Parse the arguments after `sweep` (see the usage in sweep_command.cc).
   * Throws InputError naming the bad option.
   */
  SweepOptions
  parse_sweep_arguments(const std::vector<std::string> &args);

  /** The usage text of `fasciafe sweep`. */
  extern const char *sweep_usage;

  /**
   * Run the sweep: every case not done yet (or the selected ones) on
   * groups of Ranks per case ranks split off @p comm, each case a
   * FasciaFE::run() on its group's communicator in DIR/cases/<id>/. World
   * rank 0 keeps DIR/sweep.json and the progress line up to date (not with
   * a selection, which leaves that to --aggregate), and at the end writes
   * summary.csv and summary.h5. Returns 0 if every case is done, 3 if some
   * failed. Throws InputError (before anything is written) for a bad sweep
   * file, base scenario or output directory.
   */
  int
  run_sweep(const SweepOptions &options, const MPI_Comm comm);

  /**
   * `fasciafe sweep ARGS...`: --help, --print-parameters, or parse the
   * arguments and run_sweep(). Returns the exit status.
   */
  int
  sweep_command(const std::vector<std::string> &args, const MPI_Comm comm);

  /**
   * Write the Slurm scripts DIR/slurm/sweep.sbatch (a job array, one task
   * per @p options.cases_per_task cases, each `fasciafe sweep FILE
   * --output DIR --cases A-B` under srun), DIR/slurm/aggregate.sbatch
   * (`--aggregate`) and DIR/slurm/submit.sh (submits both, the second
   * after the array). Returns the path of sweep.sbatch.
   */
  std::string
  write_slurm_scripts(const SweepOptions &options,
                      const std::string  &dir,
                      const unsigned int  n_cases,
                      const unsigned int  ranks_per_case);
} // namespace FasciaFE
