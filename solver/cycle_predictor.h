#pragma once

#include <deal.II/lac/petsc_vector.h>

#include <solver/protocol.h>

#include <map>

namespace FasciaFE
{
  using namespace dealii;

  /**
   * The next point after time @p t of the grid that the steps of cyclic
   * phase @p phase end on: each cycle divided into n = ceil(1 / (f
   * max_dt)) equal steps of at most @p max_dt [s], so that the cycle
   * boundaries are grid points (CycleJump) and every cycle is sampled at
   * the same points (CyclePredictor); capped by the phase end [s].
   */
  double
  next_cycle_point(const Protocol::Phase &phase,
                   const double           t,
                   const double           max_dt);

  /**
   * Step predictor of cyclic phases: the converged displacement at each
   * point of the cycle (the time in the cycle, (t - t_s) f mod 1, to 1e-6
   * of a cycle), kept from the last simulated cycle, so that the next
   * cycle's step to the same point starts from it:
   *   u_pred(t) = u(t - m / f),
   * m >= 1 the cycles since it was stored (1, or more after a cycle jump,
   * docs/protocols.md). Under periodic loading it differs from the
   * solution only by the slow drift of the history over those cycles;
   * the linear extrapolation of the last two steps fails where a step
   * moves the tip by a large fraction of its depth. Cleared on a change
   * of phase or of the number of dofs (a mesh change).
   */
  class CyclePredictor
  {
  public:
    /** The stored field for the end time @p t of a step in phase @p k,
     * or null. */
    const PETScWrappers::MPI::Vector *
    lookup(const Protocol &protocol, const unsigned int k, const double t);

    /** Store @p u, converged at time @p t in phase @p k. */
    void
    store(const Protocol                   &protocol,
          const unsigned int                k,
          const double                      t,
          const PETScWrappers::MPI::Vector &u);

  private:
    /** Point of the cycle, in 1e-6 cycles; -1 outside cyclic phases. */
    static long
    key(const Protocol::Phase &phase, const double t);

    std::map<long, PETScWrappers::MPI::Vector> fields;
    unsigned int                               phase = 0;
  };
} // namespace FasciaFE
