#pragma once

#include <deal.II/base/parameter_handler.h>

#include <string>

namespace FasciaFE
{
  /**
   * How a material property X depends on the structure parameter lambda in
   * [0, 1], between its sol value X_sol = r X_gel (lambda = 0) and its gel
   * value X_gel (lambda = 1). The blend returns f(lambda) = X / X_gel:
   *   linear:       f = r + (1 - r) lambda,
   *   power:        f = r + (1 - r) lambda^q,
   *   exponential:  f = r^(1 - lambda),  i.e. X = X_sol (X_gel/X_sol)^lambda,
   * the last being the viscosity law eta = eta_inf (eta_0/eta_inf)^lambda
   * and the power law with r = 0 the modulus law G = G_0 lambda^q of the
   * structural-kinetics literature (physics.md section 3, RheoJAX docs;
   * Mewis-Wagner 2009).
   */
  class StructureBlend
  {
  public:
    enum class Law
    {
      linear,
      power,
      exponential
    };

    StructureBlend() = default;
    StructureBlend(const Law law, const double ratio, const double exponent);

    /**
     * Declare "<what> blend law", "<what> sol/gel ratio" and
     * "<what> blend exponent" with the given defaults and source note.
     */
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const std::string        &what,
                       const std::string        &default_law,
                       const double              default_ratio,
                       const std::string        &note);

    void
    parse_parameters(dealii::ParameterHandler &prm, const std::string &what);

    /** f(lambda) = X(lambda) / X_gel. */
    double
    value(const double lambda) const;

    /** df/dlambda. */
    double
    derivative(const double lambda) const;

    Law    law      = Law::linear;
    double ratio    = 1.;
    double exponent = 1.;

  private:
    void
    check(const std::string &what) const;
  };
} // namespace FasciaFE
