#pragma once

#include <deal.II/base/parameter_handler.h>

#include <string>

namespace FasciaFE
{
  /**
   * Small-strain isotropic moduli declared and checked once for every model
   * that is parameterised by Young's modulus E [Pa] and Poisson's ratio nu:
   *   mu = E / (2 (1 + nu)),  kappa = E / (3 (1 - 2 nu)).
   * nu must lie in (-1, 0.5): the mixed formulation does not lock up to
   * nu = 0.4999, but nu = 0.5 (kappa infinite) is rejected.
   */
  struct ElasticModuli
  {
    double youngs_modulus = 0.;
    double poisson_ratio  = 0.;

    double
    shear_modulus() const
    {
      return youngs_modulus / (2. * (1. + poisson_ratio));
    }

    double
    bulk_modulus() const
    {
      return youngs_modulus / (3. * (1. - 2. * poisson_ratio));
    }

    /** Declare "Young's modulus" and "Poisson's ratio" with defaults. */
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const double              default_E,
                       const double              default_nu,
                       const std::string        &source);

    /** Read and check them; throws InputError naming the entry. */
    void
    parse_parameters(dealii::ParameterHandler &prm);
  };
} // namespace FasciaFE
