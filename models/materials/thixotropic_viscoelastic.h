#pragma once

#include <models/material.h>
#include <models/materials/elastic_moduli.h>
#include <models/materials/structure_blend.h>
#include <models/thixotropy_kinetics.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  /**
   * Thixotropic finite-strain generalized Maxwell solid: the viscoelastic
   * neo-Hookean model of viscoelastic_neo_hookean.h whose moduli and
   * viscosities depend on a structure parameter lambda in [0, 1] (1 gel,
   * 0 sol) that breaks down under load and rebuilds at rest.
   *
   * Properties (f_mu, f_eta: StructureBlend laws, gel values given):
   *   mu(lambda) = mu_gel f_mu,  G_a(lambda) = G_a f_mu,
   *   eta_a(lambda) = G_a tau_a f_eta,  tau_a(lambda) = eta_a / G_a.
   * Stress (Simo 1987 internal variables driven by the unit-modulus
   * isochoric stress S1 = F^-1 dev(b_bar) F^-T):
   *   Q_a^{n+1} = e_a Q_a^n + g_a G_a (S1^{n+1} - S1^n),
   *   e_a = exp(-dt/tau_a), g_a = (1 - e_a) tau_a / dt,
   *   tau_iso = mu dev(b_bar) + F (sum_a Q_a^{n+1}) F^T,
   * with all properties at lambda^{n+1}.
   * Kinetics (physics.md section 3, Moore / Houska form), backward Euler:
   *   lambda^{n+1} - lambda^n = dt [k_b (1 - lambda^{n+1})^n
   *                                 - k_d lambda^{n+1} D^m],
   * with the breakdown driver D evaluated at the end of the step:
   *   stress:      D = tau_eq / tau_ref, tau_eq = sqrt(3/2 |dev tau_iso|^2)
   *   pressure:    D = max(0, -U'(J~)) / p_ref
   *   dissipation: D = w / w_ref, w = sum_a Q_a : Q_a / (2 eta_a)
   *   shear rate:  D = gamma_dot / gamma_ref,
   *                gamma_dot = sqrt(2 |dev(E^{n+1} - E^n)|^2) / dt,
   * (E the Green-Lagrange strain: an objective rate); the kinetics see the
   * overstress max(0, D - D_th) of an optional threshold D_th. For the
   * stress and dissipation drivers D depends on lambda through the moduli, and
   * the scalar equation is solved by safeguarded Newton in [0, 1] (its residual
   * is negative at 0 and positive at 1, so a root in [0, 1] always exists:
   * unconditionally stable, bounded). The consistent tangent adds to (mu + sum
   * g_a G_a) c_1 the term d tau / d lambda  x  d lambda / d sym(l), d lambda =
   * -(dr/dD dD) / (dr/dlambda) (implicit function theorem): it is not
   * major-symmetric. The pressure driver gives d tau_iso / d J~ instead.
   *
   * No thixotropy constants of fascia have been measured (physics.md
   * section 3): the rates, exponents, driver references and sol/gel ratios
   * are calibration parameters whose defaults are assumptions.
   */
  class ThixotropicViscoelastic : public Material
  {
  public:
    enum class Driver
    {
      stress,
      pressure,
      dissipation,
      shear_rate
    };

    explicit ThixotropicViscoelastic(dealii::ParameterHandler &prm);

    /** Direct construction (tests). */
    ThixotropicViscoelastic(const double               E,
                            const double               nu,
                            const std::vector<double> &moduli,
                            const std::vector<double> &times,
                            const ThixotropyKinetics  &kinetics,
                            const Driver               driver,
                            const double               reference,
                            const StructureBlend      &modulus_blend,
                            const StructureBlend      &viscosity_blend,
                            const double               initial_lambda = 1.);

    static void
    declare_parameters(dealii::ParameterHandler &prm);

    unsigned int
    n_history_variables() const override
    {
      return first_branch + 6 * prony_moduli.size();
    }

    std::vector<std::string>
    history_names() const override;

    void
    initialize_history(ArrayView<double> history) const override;

    void
    evaluate(const MaterialInput &in, MaterialOutput &out) const override;

    bool
    symmetric_tangent() const override
    {
      return kinetics.k_break == 0.;
    }

    double
    structure(const ArrayView<const double> &h) const override
    {
      return h[0];
    }

    double
    internal_stress_norm(const ArrayView<const double> &h) const override;

    void
    bound_history(const ArrayView<double> &h) const override;

    /** Instantaneous gel shear modulus mu_gel + sum G_a [Pa]. */
    double
    shear_modulus() const override;

    double
    bulk_modulus() const override
    {
      return moduli.bulk_modulus();
    }

    /** Driver value of the last evaluation stored in a history [-]. */
    static double
    driver_value(const ArrayView<const double> &h)
    {
      return h[1];
    }

  private:
    /** History layout: lambda, D, S1 (6), E (6), Q_a (6 each). */
    static constexpr unsigned int first_branch = 14;

    void
    check() const;

    ElasticModuli       moduli;
    std::vector<double> prony_moduli;
    std::vector<double> prony_times;
    ThixotropyKinetics  kinetics;
    Driver              driver    = Driver::stress;
    double              reference = 1.;
    StructureBlend      modulus_blend;
    StructureBlend      viscosity_blend;
    double              initial_lambda = 1.;
  };
} // namespace FasciaFE
