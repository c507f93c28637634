#pragma once

#include <models/material.h>
#include <models/materials/elastic_moduli.h>

namespace FasciaFE
{
  /**
   * Compressible neo-Hookean solid with an isochoric-volumetric split
   * (Simo, Taylor and Pister 1985; deal.II step-44):
   *   Psi = mu/2 (I1_bar - 3) + U(J~),
   *   U(J~) = kappa/4 (J~^2 - 1 - 2 ln J~),
   * with I1_bar = J^(-2/3) tr(b). The Kirchhoff stress is
   *   tau_iso = mu dev(b_bar),  p = dU/dJ~ = kappa/2 (J~ - 1/J~),
   * and the isochoric spatial tangent (step-44, eq. for Jc_iso with the
   * fictitious tangent zero for neo-Hookean) is
   *   c_iso = 2/3 tr(tau_bar) P - 2/3 (tau_iso x I + I x tau_iso),
   * P = I4s - 1/3 I x I the deviatoric projector, tau_bar = mu b_bar.
   * Small-strain limit: shear modulus mu, bulk modulus kappa.
   */
  class NeoHookean : public Material
  {
  public:
    explicit NeoHookean(dealii::ParameterHandler &prm);

    /** Direct construction (tests): E [Pa], nu [-]. */
    NeoHookean(const double E, const double nu);

    static void
    declare_parameters(dealii::ParameterHandler &prm);

    void
    evaluate(const MaterialInput &in, MaterialOutput &out) const override;

    double
    shear_modulus() const override
    {
      return moduli.shear_modulus();
    }

    double
    bulk_modulus() const override
    {
      return moduli.bulk_modulus();
    }

  private:
    ElasticModuli moduli;
  };

  /**
   * The isochoric neo-Hookean response shared by every model built on it
   * (viscoelastic, thixotropic): fills tau_iso and c_iso of @p out for shear
   * modulus @p mu and returns the isochoric energy mu/2 (I1_bar - 3).
   */
  double
  neo_hookean_isochoric(const Tensor<2, 3> &F,
                        const double        mu,
                        MaterialOutput     &out);

  /**
   * The volumetric energy U(J) = kappa/4 (J^2 - 1 - 2 ln J): fills dU_dJ,
   * d2U_dJ2 of @p out and returns U.
   */
  double
  volumetric_log_quadratic(const double    J,
                           const double    kappa,
                           MaterialOutput &out);
} // namespace FasciaFE
