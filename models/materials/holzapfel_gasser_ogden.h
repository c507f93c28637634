#pragma once

#include <models/material.h>
#include <models/materials/neuromuscular_tone.h>

#include <vector>

namespace FasciaFE
{
  /**
   * Fibre-reinforced solid of Holzapfel, Gasser and Ogden (2000) with the
   * fibre dispersion of Gasser, Ogden and Holzapfel (2006): a neo-Hookean
   * matrix and one or two collagen fibre families in the layer plane,
   *   Psi = mu/2 (I1_bar - 3)
   *         + k1/(2 k2) sum_i [exp(k2 E_i^2) - 1]  (E_i > 0 only)
   *         + U(J~),
   *   E_i = kappa (I1_bar - 3) + (1 - 3 kappa)(I4i_bar - 1),
   *   I4i_bar = a_i . a_i,  a_i = F_bar a0_i,  F_bar = J^(-1/3) F,
   * with U(J~) = K/4 (J~^2 - 1 - 2 ln J~) as for neo-Hookean. Fibres carry
   * no compression: a family with E_i <= 0 contributes nothing (tension-only
   * switch). With psi(E) = k1/(2 k2)(exp(k2 E^2) - 1),
   *   psi'  = k1 E exp(k2 E^2),  psi'' = k1 (1 + 2 k2 E^2) exp(k2 E^2),
   * the fictitious stress and tangent of a loaded family are
   *   tau_bar_f = 2 psi'(E) h,  c_bar_f = 4 psi''(E) h x h,
   *   h = kappa b_bar + (1 - 3 kappa) a x a,
   * projected by isochoric_projection() (models/materials/isochoric.h) and
   * added to the neo-Hookean matrix response (tau_bar = mu b_bar, c_bar = 0,
   * neo_hookean_isochoric()); the projection is linear in (tau_bar, c_bar),
   * so this equals projecting the sum.
   *
   * Geometry: the layer plane is the x-y plane of the 3D embedding (x
   * in-plane, radial in axisymmetry; y out-of-plane in plane strain, hoop in
   * axisymmetry; z depth). a0_i = (cos theta_i, sin theta_i, 0) with
   * theta_{1,2} = theta_m +- phi/2, theta_m the mean direction and phi the
   * angle between the families; one family lies along theta_m.
   *
   * Small-strain moduli: shear modulus mu of the matrix (the fibres are
   * unloaded at F = I); bulk modulus K = 2 mu (1 + nu)/(3 (1 - 2 nu)). An
   * incompressible uniaxial stretch along one family (kappa = 0, the other
   * family shortened) has the small-strain tensile modulus 3 mu + 4 k1.
   *
   * Optional neuromuscular tone (subsection "Tone", off by default): its
   * active Kirchhoff stress, not deviatoric, is added to tau_iso.
   */
  class HolzapfelGasserOgden : public MaterialWithTone
  {
  public:
    /** Parameters in SI units, angles in degrees. */
    struct Parameters
    {
      double       shear_modulus  = 18e3;
      double       poisson_ratio  = 0.495;
      double       k1             = 1e6;
      double       k2             = 10.;
      double       angle_between  = 77.5;
      double       mean_direction = 0.;
      double       dispersion     = 0.;
      unsigned int n_families     = 2;
    };

    explicit HolzapfelGasserOgden(dealii::ParameterHandler &prm);

    /** Direct construction (tests). */
    explicit HolzapfelGasserOgden(
      const Parameters        &parameters,
      const NeuromuscularTone &tone = NeuromuscularTone());

    static void
    declare_parameters(dealii::ParameterHandler &prm);

    void
    evaluate(const MaterialInput &in, MaterialOutput &out) const override;

    double
    shear_modulus() const override
    {
      return parameters.shear_modulus;
    }

    double
    bulk_modulus() const override;

    /** Reference directions a0_i of the fibre families (unit vectors). */
    const std::vector<Tensor<1, 3>> &
    fibre_directions() const
    {
      return directions;
    }

  private:
    void
    check() const;

    /** a0_i = (cos theta_i, sin theta_i, 0) from the parameters. */
    std::vector<Tensor<1, 3>>
    compute_directions() const;

    Parameters                parameters;
    std::vector<Tensor<1, 3>> directions; // a0_i, set by the constructors
  };
} // namespace FasciaFE
