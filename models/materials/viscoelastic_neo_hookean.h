#pragma once

#include <models/material.h>
#include <models/materials/elastic_moduli.h>

#include <vector>

namespace FasciaFE
{
  /**
   * Finite-strain generalized Maxwell solid (Simo 1987; Holzapfel,
   * Nonlinear Solid Mechanics, 2000, section 6.10) on a neo-Hookean base,
   * with any number of Prony terms. The isochoric second Piola-Kirchhoff
   * stress is S_iso = S_inf + sum_a Q_a, where S_inf derives from the
   * long-term neo-Hookean energy (shear modulus mu_inf) and each internal
   * variable follows
   *   dQ_a/dt + Q_a / tau_a = beta_a dS_inf/dt,   beta_a = G_a / mu_inf,
   * integrated exactly for S_inf linear in time over a step:
   *   Q_a^{n+1} = e^{-xi} Q_a^n + g(xi) beta_a (S_inf^{n+1} - S_inf^n),
   *   xi = dt / tau_a,  g = (1 - e^{-xi}) / xi.
   * Small-strain shear relaxation modulus G(t) = mu_inf + sum_a G_a
   * e^{-t/tau_a}. The Kirchhoff stress is
   *   tau_iso = (1 + sum_a g beta_a) tau_inf + F H F^T,
   *   H = sum_a [e^{-xi} Q_a^n - g beta_a S_inf^n],
   * and, H being fixed within the step, the consistent spatial tangent is
   * (1 + sum_a g beta_a) c_inf. History per point: S_inf^n and Q_a^n
   * (6 components each). The dissipated energy per step is approximated by
   * the trapezoidal rule on sum_a Q_a : Q_a / (2 G_a tau_a).
   */
  class ViscoelasticNeoHookean : public Material
  {
  public:
    explicit ViscoelasticNeoHookean(dealii::ParameterHandler &prm);

    /** Direct construction: long-term E, nu; Prony G_a [Pa], tau_a [s]. */
    ViscoelasticNeoHookean(const double               E,
                           const double               nu,
                           const std::vector<double> &moduli,
                           const std::vector<double> &times);

    static void
    declare_parameters(dealii::ParameterHandler &prm);

    unsigned int
    n_history_variables() const override
    {
      return 6 * (1 + prony_moduli.size());
    }

    std::vector<std::string>
    history_names() const override;

    void
    evaluate(const MaterialInput &in, MaterialOutput &out) const override;

    /** Sum of the Frobenius norms of the Q_a [Pa]. */
    double
    internal_stress_norm(const ArrayView<const double> &h) const override;

    double
    shear_modulus() const override
    {
      double mu = moduli.shear_modulus();
      for (const double g : prony_moduli)
        mu += g;
      return mu; // instantaneous
    }

    double
    bulk_modulus() const override
    {
      return moduli.bulk_modulus();
    }

  private:
    void
    check() const;

    ElasticModuli       moduli;
    std::vector<double> prony_moduli;
    std::vector<double> prony_times;
  };
} // namespace FasciaFE
