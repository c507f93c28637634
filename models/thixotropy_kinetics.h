#pragma once

#include <deal.II/base/parameter_handler.h>

namespace FasciaFE
{
  /**
   * Kinetics of the thixotropic structure parameter lambda in [0, 1]
   * (1 gel, 0 sol), Moore form with the Houska/Coussot exponents
   * (physics.md section 3, Mewis-Wagner 2009):
   *   d lambda / dt = k_build (1 - lambda)^n - k_break lambda D^m,
   * with D >= 0 the (dimensionless) breakdown driver, replaced by the
   * overstress <D - D_th> = max(0, D - D_th) when a threshold D_th is set:
   * no breakdown below the threshold, and a rate that stays continuous in
   * D (a jump at the threshold would stall Newton's convergence wherever a
   * point sits at it). Integrated by backward Euler,
   *   lambda_1 - lambda_0 = dt [k_build (1 - lambda_1)^n
   *                             - k_break lambda_1 D^m],
   * whose residual is strictly increasing in lambda_1 with a root in
   * [0, 1] for every dt > 0: the update is unconditionally stable and
   * keeps lambda in [0, 1] (solved by safeguarded Newton).
   *
   * No thixotropy rate constants of fascia have been measured (physics.md
   * section 3): k_build, k_break, n and m are calibration parameters and
   * their defaults are assumptions, not measurements.
   */
  class ThixotropyKinetics
  {
  public:
    ThixotropyKinetics() = default;
    ThixotropyKinetics(const double k_build,
                       const double k_break,
                       const double n,
                       const double m,
                       const double threshold = 0.);

    static void
    declare_parameters(dealii::ParameterHandler &prm);
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /** Driver after the threshold: max(0, D - threshold). */
    double
    effective_driver(const double D) const;

    /** d lambda / dt at lambda for driver D [1/s]. */
    double
    rate(const double lambda, const double D) const;

    /** lambda after a step dt [s] from lambda_old under driver D. */
    double
    update(const double lambda_old, const double D, const double dt) const;

    double k_build   = 1. / 60.;
    double k_break   = 1. / 30.;
    double n         = 1.;
    double m         = 1.;
    double threshold = 0.;

  private:
    void
    check() const;
  };
} // namespace FasciaFE
