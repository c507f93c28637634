#pragma once

#include <deal.II/base/timer.h>

#include <solver/sweep_definition.h>
#include <solver/sweep_manifest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace FasciaFE
{
  /**
   * The view of a running sweep, kept by one process (world rank 0): a
   * thread that reads the case records every second and, when one has
   * changed, rewrites DIR/sweep.json (if @p write_manifest) and prints the
   * progress line: cases done out of the total, failed, running, elapsed
   * time and ETA (the elapsed time over the cases finished in this
   * session, times the cases left), and a line for every case that fails.
   * It makes no MPI call.
   */
  class SweepMonitor
  {
  public:
    SweepMonitor(const std::string     &dir,
                 const SweepDefinition &definition,
                 const SweepPlan       &plan,
                 const std::vector<int> selected,
                 const bool             write_manifest,
                 const bool             print);

    /** Stop the thread after a last update. */
    ~SweepMonitor();

    /** Stop the thread, update once more and return every record. */
    std::vector<CaseRecord>
    finish();

  private:
    /** Read the records; write and print if something changed. */
    void
    update(const bool final);

    const std::string       dir;
    const SweepDefinition  &definition;
    const SweepPlan        &plan;
    const std::vector<int>  selected;
    const bool              keep_manifest, print, tty;
    std::vector<CaseRecord> records;
    std::vector<bool>       settled;
    std::string             last_line;
    double                  last_print = -1e300;
    dealii::Timer           timer;
    std::atomic<bool>       stop{false};
    std::mutex              mutex;
    std::thread             thread;
  };
} // namespace FasciaFE
