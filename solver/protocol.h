#pragma once

#include <deal.II/base/parameter_handler.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  using namespace dealii;

  /**
   * A loading protocol: the prescribed indentation depth d(t) of the tip's
   * apex below the undeformed surface (d < 0: above it), as a sequence of
   * phases with piecewise-linear d(t). Time steps never cross a phase
   * boundary.
   *
   * Type "ramp-hold-unload": from d = -gap at t = 0 linearly to the depth
   * over the ramp time, held for the hold time, then back to -gap over the
   * unload time (phases with zero duration are skipped).
   * Type "table": the phases are the intervals of a table of (t, d) points.
   */
  class Protocol
  {
  public:
    struct Phase
    {
      std::string name;
      double      t_start = 0., t_end = 0.;
      double      d_start = 0., d_end = 0.;
    };

    static void
    declare_parameters(ParameterHandler &prm);
    void
    parse_parameters(ParameterHandler &prm);

    /** Direct construction from (t, d) points (tests). */
    void
    set_table(const std::vector<std::pair<double, double>> &points);

    /** Prescribed depth at time t [m]. */
    double
    depth(const double t) const;

    /** Index of the phase containing t (the later one at a boundary). */
    unsigned int
    phase_index(const double t) const;

    double
    end_time() const
    {
      return phases.back().t_end;
    }

    /** Largest depth over the protocol [m]. */
    double
    max_depth() const;

    /** Shortest phase duration [s]. */
    double
    shortest_phase() const;

    std::vector<Phase> phases;
  };
} // namespace FasciaFE
