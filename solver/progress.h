#pragma once

#include <deal.II/base/timer.h>

#include <cstdio>
#include <iostream>
#include <string>

#include <unistd.h>

namespace FasciaFE
{
  /** A duration [s] as hh:mm:ss (progress lines). */
  inline std::string
  clock(const double seconds)
  {
    const long s = static_cast<long>(seconds + 0.5);
    char       buf[32];
    std::snprintf(buf,
                  sizeof(buf),
                  "%02ld:%02ld:%02ld",
                  s / 3600,
                  (s / 60) % 60,
                  s % 60);
    return buf;
  }


  /**
   * The progress line of a run, printed by rank 0 unless --quiet: phase,
   * simulated time against end time, step, Newton and linear iterations,
   * and the ETA from the elapsed wall time. On a terminal the line is
   * rewritten in place; otherwise one line is printed at most every
   * 2 seconds (and at the end).
   */
  class Progress
  {
  public:
    Progress(const bool enabled, const double end_time)
      : enabled(enabled)
      , end_time(end_time)
      , tty(isatty(fileno(stdout)))
    {}

    void
    update(const std::string &phase,
           const double       t,
           const unsigned int step,
           const unsigned int newton,
           const unsigned int linear,
           const bool         force = false)
    {
      if (!enabled)
        return;
      const double elapsed = timer.wall_time();
      if (!tty && !force && elapsed - last_print < 2.)
        return;
      last_print       = elapsed;
      const double eta = t > 0. ? elapsed * (end_time - t) / t : 0.;
      char         line[256];
      std::snprintf(line,
                    sizeof(line),
                    "[%s] t = %.4g / %.4g s | step %u | Newton %u | linear %u"
                    " | elapsed %s | ETA %s",
                    phase.c_str(),
                    t,
                    end_time,
                    step,
                    newton,
                    linear,
                    clock(elapsed).c_str(),
                    clock(eta).c_str());
      std::cout << (tty ? "\r\033[K" : "") << line << (tty ? "" : "\n")
                << std::flush;
    }

    void
    finish()
    {
      if (enabled && tty)
        std::cout << std::endl;
    }

  private:
    bool          enabled;
    double        end_time;
    bool          tty;
    double        last_print = -1e300;
    dealii::Timer timer;
  };
} // namespace FasciaFE
