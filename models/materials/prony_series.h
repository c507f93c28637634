#pragma once

#include <deal.II/base/parameter_handler.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  /**
   * The Prony terms of a generalized Maxwell model, G(t) = mu_inf +
   * sum_a G_a exp(-t / tau_a): the comma-separated lists "Prony shear
   * moduli" [Pa] and "Prony relaxation times" [s] of a model's subsection,
   * read and checked once for every viscoelastic model.
   */
  struct PronySeries
  {
    std::vector<double> moduli; ///< G_a [Pa]
    std::vector<double> times;  ///< tau_a [s]

    /** Read both lists from the current subsection of @p prm. */
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /**
     * Equal lengths, every tau_a > 0 and every G_a >= 0 (> 0 when
     * @p positive_moduli); throws InputError naming the list and term.
     */
    void
    check(const bool positive_moduli) const;
  };
} // namespace FasciaFE
