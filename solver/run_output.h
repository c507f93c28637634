#pragma once

/**
 * The outputs of `fasciafe run` that are neither fields nor the run record:
 * the columns of the history and summary.txt (docs/output.md).
 */

#include <deal.II/base/mpi.h>

#include <solver/output/history_writer.h>
#include <solver/target_region.h>
#include <solver/tissue.h>

#include <string>
#include <utility>
#include <vector>

namespace FasciaFE
{
  /**
   * Declare the columns of history.h5/csv: time, tip, contact, energies,
   * iterations, then lambda per layer and in the target region. Units of
   * forces, areas, energies and volumes are per unit length if
   * @p per_length (plane strain).
   */
  void
  declare_history(HistoryWriter      &history,
                  const bool          per_length,
                  const Tissue       &tissue,
                  const TargetRegion &target);

  /** Write DIR/summary.txt (`key value` lines) on rank 0, atomically. */
  void
  write_summary(const std::string                                      &dir,
                const MPI_Comm                                          comm,
                const std::vector<std::pair<std::string, std::string>> &kv);

  /** @p x with 10 significant digits, as summary.txt holds it. */
  std::string
  number(const double x);
} // namespace FasciaFE
