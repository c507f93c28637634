#pragma once

/**
 * The records of a sweep on disk (docs/sweeps.md):
 * - DIR/cases/<id>/case.json, the record of one case, written by the rank
 *   that leads the case's group when the case starts and ends;
 * - DIR/sweep.json, the manifest: the definition and every case with its
 *   parameters and status, compiled from the case records by one process.
 * The case records are the truth: a sweep killed between a case's end and
 * the next manifest update loses nothing.
 */

#include <solver/sweep_definition.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  /** The record of one case (DIR/cases/<id>/case.json). */
  struct CaseRecord
  {
    /** pending, running, done or failed. */
    std::string status = "pending";
    /** Why the case failed (empty otherwise). */
    std::string message;
    /** ISO 8601 UTC with microseconds; empty before the case started. */
    std::string start_time, end_time;
    /** Wall time of the case [s]. */
    double wall_time = 0.;
    /** The `fasciafe sweep` invocation that ran the case. */
    std::string session;
    /** MPI ranks of the case. */
    unsigned int n_ranks = 0;
  };

  /** The current time, ISO 8601 UTC with microseconds. */
  std::string
  utc_now_precise();

  /** DIR/cases/<id>. */
  std::string
  case_directory(const std::string &dir, const std::string &id);

  /**
   * The record of case @p id, or a pending record if there is none (or it
   * cannot be read).
   */
  CaseRecord
  read_case_record(const std::string &dir, const std::string &id);

  /** Write the record of case @p id atomically (temp + rename). */
  void
  write_case_record(const std::string &dir,
                    const std::string &id,
                    const CaseRecord  &record);

  /**
   * Throw an InputError if DIR/sweep.json exists and describes another
   * sweep than @p definition and @p plan (another base scenario, design,
   * overrides, axes or case parameters), so that a rerun never mixes two
   * sweeps in one directory.
   */
  void
  check_manifest(const std::string     &dir,
                 const SweepDefinition &definition,
                 const SweepPlan       &plan);

  /**
   * Write DIR/sweep.json atomically: format "fasciafe-sweep",
   * format_version 1, base, design, overrides, axes (parameter, kind,
   * values), cases (id, dir, parameters, status, message, start_time,
   * end_time, wall_time_s) from @p records (one per case).
   */
  void
  write_manifest(const std::string             &dir,
                 const SweepDefinition         &definition,
                 const SweepPlan               &plan,
                 const std::vector<CaseRecord> &records);
} // namespace FasciaFE
