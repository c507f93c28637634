#pragma once

/**
 * The aggregated results of a sweep: DIR/summary.csv and DIR/summary.h5,
 * one row per case (docs/sweeps.md), computed from the history.csv and
 * run.json of every case that is done.
 */

#include <solver/sweep_definition.h>
#include <solver/sweep_manifest.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  /** The results of one case; NaN where there is none. */
  struct CaseResults
  {
    double peak_force         = 0.; ///< max force_z [N]
    double final_force        = 0.; ///< force_z of the last row [N]
    double force_drop_percent = 0.; ///< 100 (peak - final) / peak [%]
    /** First time with lambda_mean_target < threshold [s]; inf: never. */
    double release_time               = 0.;
    double released_volume_target_max = 0.; ///< [m^3]
    double lambda_min_target          = 0.; ///< [-]
    double dissipated_energy          = 0.; ///< last row [J]
    double newton_iterations          = 0.; ///< sum over the steps [-]
    double wall_time                  = 0.; ///< run.json wall_time_s [s]
  };

  /**
   * The results of the run in @p case_dir: from its history.csv and, for
   * the release threshold (`Target region/Release threshold`) and the wall
   * time, its run.json. Without a target region, release_time,
   * released_volume_target_max and lambda_min_target are NaN. Throws
   * std::runtime_error naming the file if one cannot be read.
   */
  CaseResults
  case_results(const std::string &case_dir);

  /**
   * The unit of a run parameter from its description (the last "[...]";
   * "-" and "1" give "1"), or "-" if the description states none.
   */
  std::string
  unit_from_description(const std::string &description);

  /**
   * Write DIR/summary.csv and DIR/summary.h5 (each atomically): the columns
   * case, status, one per axis (named by its parameter path), then the
   * CaseResults. Cases that are not done have empty cells (NaN in HDF5).
   * Returns the number of rows whose results could not be read (the case
   * is then marked failed in @p records with the reason).
   */
  unsigned int
  write_summary_files(const std::string       &dir,
                      const SweepDefinition   &definition,
                      const SweepPlan         &plan,
                      std::vector<CaseRecord> &records);
} // namespace FasciaFE
