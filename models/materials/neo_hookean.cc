#include <deal.II/base/symmetric_tensor.h>

#include <models/materials/neo_hookean.h>

#include <cmath>

namespace FasciaFE
{
  NeoHookean::NeoHookean(dealii::ParameterHandler &prm)
  {
    moduli.parse_parameters(prm);
  }



  NeoHookean::NeoHookean(const double E, const double nu)
  {
    moduli.youngs_modulus = E;
    moduli.poisson_ratio  = nu;
  }



  void
  NeoHookean::declare_parameters(dealii::ParameterHandler &prm)
  {
    // Default: soft tissue of 10 kPa, nearly incompressible; physics.md
    // section 1 (subcutaneous fat to skin span 1-370 kPa, K/mu ~ 100).
    ElasticModuli::declare_parameters(
      prm,
      1e4,
      0.495,
      "Default 10 kPa with nu = 0.495 (K/mu ~ 100): a mid-range soft "
      "tissue (physics.md section 1).");
  }



  double
  neo_hookean_isochoric(const Tensor<2, 3> &F,
                        const double        mu,
                        MaterialOutput     &out)
  {
    const double                J       = determinant(F);
    const SymmetricTensor<2, 3> b       = symmetrize(F * transpose(F));
    const SymmetricTensor<2, 3> b_bar   = std::pow(J, -2. / 3.) * b;
    const SymmetricTensor<2, 3> tau_bar = mu * b_bar;
    const SymmetricTensor<2, 3> I       = unit_symmetric_tensor<3>();
    const SymmetricTensor<4, 3> P       = deviator_tensor<3>();

    out.tau_iso = P * tau_bar;
    out.c_iso   = (2. / 3.) * trace(tau_bar) * P -
                (2. / 3.) * (outer_product(out.tau_iso, I) +
                             outer_product(I, out.tau_iso));
    return 0.5 * mu * (trace(b_bar) - 3.);
  }



  double
  volumetric_log_quadratic(const double    J,
                           const double    kappa,
                           MaterialOutput &out)
  {
    out.dU_dJ   = 0.5 * kappa * (J - 1. / J);
    out.d2U_dJ2 = 0.5 * kappa * (1. + 1. / (J * J));
    return 0.25 * kappa * (J * J - 1. - 2. * std::log(J));
  }



  void
  NeoHookean::evaluate(const MaterialInput &in, MaterialOutput &out) const
  {
    out.energy = neo_hookean_isochoric(in.F, shear_modulus(), out) +
                 volumetric_log_quadratic(in.J_tilde, bulk_modulus(), out);
    out.dissipation = 0.;
  }

  FASCIAFE_REGISTER_MATERIAL(NeoHookean,
                             "neo-Hookean",
                             "Compressible neo-Hookean solid (isochoric/"
                             "volumetric split, Simo-Taylor-Pister 1985).")
} // namespace FasciaFE
