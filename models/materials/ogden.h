#pragma once

#include <models/material.h>
#include <models/materials/neuromuscular_tone.h>

#include <vector>

namespace FasciaFE
{
  /**
   * Compressible Ogden solid with an isochoric-volumetric split (Ogden 1972;
   * Holzapfel, Nonlinear Solid Mechanics, 2000, section 6.5), 1 to 3 terms:
   *   Psi = sum_p mu_p / alpha_p (lb_1^alpha_p + lb_2^alpha_p
   *                               + lb_3^alpha_p - 3) + U(J~),
   *   U(J~) = kappa/4 (J~^2 - 1 - 2 ln J~)      (as neo-Hookean),
   * with lb_a = J^(-1/3) lambda_a the isochoric principal stretches. The
   * fictitious principal Kirchhoff stresses and their derivatives are
   *   tau_bar_a = sum_p mu_p lb_a^alpha_p,
   *   d tau_bar_a / d ln lb_b = delta_ab sum_p mu_p alpha_p lb_a^alpha_p,
   * turned into tau_bar, c_bar by the spectral formula and into tau_iso,
   * c_iso by the isochoric projection (models/materials/isochoric.h).
   *
   * Convention: mu_p is the coefficient of Psi = sum mu_p/alpha_p (...), so
   * the small-strain shear modulus is mu = 1/2 sum_p mu_p alpha_p (> 0
   * required) and one term with alpha = 2 is neo-Hookean with mu = mu_1.
   * The ABAQUS/Bosboom form Psi = 2 mu/alpha^2 (...), whose mu is the
   * shear modulus, corresponds to mu_p = 2 mu / alpha. In uniaxial
   * incompressible tension sigma = sum_p mu_p (lambda^alpha_p -
   * lambda^(-alpha_p/2)).
   *
   * Bulk modulus: kappa = 2 mu (1 + nu) / (3 (1 - 2 nu)) from the
   * small-strain shear modulus and the parameter "Poisson's ratio".
   *
   * Optional neuromuscular tone (subsection "Tone", off by default,
   * models/materials/neuromuscular_tone.h): its active Kirchhoff stress
   * T (F a0) x (F a0), not deviatoric, is added to tau_iso; history (T, p)
   * is appended when enabled.
   */
  class Ogden : public MaterialWithTone
  {
  public:
    explicit Ogden(dealii::ParameterHandler &prm);

    /** Direct construction (tests): mu_p [Pa], alpha_p [-], nu [-]. */
    Ogden(const std::vector<double> &moduli,
          const std::vector<double> &exponents,
          const double               poisson_ratio,
          const NeuromuscularTone   &tone = NeuromuscularTone());

    static void
    declare_parameters(dealii::ParameterHandler &prm);

    void
    evaluate(const MaterialInput &in, MaterialOutput &out) const override;

    /** mu = 1/2 sum_p mu_p alpha_p [Pa]. */
    double
    shear_modulus() const override;

    double
    bulk_modulus() const override;

  private:
    void
    check() const;

    std::vector<double> moduli;
    std::vector<double> exponents;
    double              poisson_ratio = 0.;
  };
} // namespace FasciaFE
