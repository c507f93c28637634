#pragma once

#include <solver/parameters.h>
#include <solver/protocol.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  template <int dim>
  class Simulation;

  /**
   * Cycle jumping in cyclic phases (Time stepping/Cycle jump): the slow
   * internal state of a material point (the structure lambda, the Maxwell
   * internal stresses, the accumulated dissipation) is extrapolated over N
   * load cycles from its change over the last simulated cycle, instead of
   * resolving each of the N cycles in time (the cycle-jump method of fatigue
   * analysis; Cojocaru and Karlsson 2006, Int. J. Fatigue 28:1566).
   *
   * At cycle boundaries t_m = t_s + m / f of a cyclic phase the committed
   * history q of every point is recorded. After @p settle_cycles simulated
   * cycles (the first lets the displacement field re-equilibrate after the
   * previous jump), with q_m and q_{m-1} the last two records:
   *   q <- q_m + N (q_m - q_{m-1}),   t <- t_m + N / f,
   * the history brought back into its admissible set (Material::
   * bound_history(), lambda into [0, 1]). N is the largest whole number with
   *   N max_points |lambda_m - lambda_{m-1}|  <= structure tolerance,
   *   N max_points | |Q|_m - |Q|_{m-1} |      <= internal stress tolerance
   *                                               * max_points |Q|_m,
   *   N <= maximum cycles per jump and N < the cycles left in the phase,
   * and no jump is made when N < 1. The displacement, the contact state and
   * the step predictor are those of t_m, which the periodic loading repeats
   * at t_m + N / f. Valid when the history changes slowly over one cycle
   * (thixotropic time scales of seconds to minutes against percussion
   * periods of tens of milliseconds; docs/protocols.md).
   */
  template <int dim>
  class CycleJump
  {
  public:
    CycleJump(const CycleJumpParameters &parameters, const Protocol &protocol);

    /**
     * Call after each committed step that ended at time @p t in phase
     * @p k. At a cycle boundary of a cyclic phase records the history and,
     * when the criteria allow, extrapolates it over N cycles (collective).
     * Returns N (0: no jump); the caller advances the time by N / f.
     */
    unsigned int
    after_step(Simulation<dim> &sim, const unsigned int k, const double t);

    /** The per-cycle changes that set N at the last boundary with a pair
     * of records (for the log). */
    const std::string &
    reason() const
    {
      return last_reason;
    }

  private:
    /** Committed histories and dissipation of the locally owned points. */
    std::vector<double>
    snapshot(const Simulation<dim> &sim) const;

    /** Largest N allowed by the two tolerances (collective). */
    double
    allowed_cycles(const Simulation<dim>     &sim,
                   const std::vector<double> &older,
                   const std::vector<double> &newer);

    void
    apply(Simulation<dim>           &sim,
          const std::vector<double> &older,
          const std::vector<double> &newer,
          const unsigned int         n) const;

    const CycleJumpParameters parameters;
    const Protocol           &protocol;
    /** Record at the last cycle boundary, and the phase and cycle of it. */
    std::vector<double> last;
    unsigned int        last_phase = numbers::invalid_unsigned_int;
    long                last_cycle = -1;
    unsigned int        last_cells = 0;
    /** Cycles simulated since the phase start or the last jump. */
    unsigned int settled = 0;
    std::string  last_reason;
  };
} // namespace FasciaFE
