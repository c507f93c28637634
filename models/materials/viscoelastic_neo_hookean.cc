#include <deal.II/base/utilities.h>

#include <models/materials/neo_hookean.h>
#include <models/materials/prony_series.h>
#include <models/materials/tensor_packing.h>
#include <models/materials/viscoelastic_neo_hookean.h>

#include <cmath>
#include <sstream>

namespace FasciaFE
{



  ViscoelasticNeoHookean::ViscoelasticNeoHookean(dealii::ParameterHandler &prm)
  {
    moduli.parse_parameters(prm);
    PronySeries prony;
    prony.parse_parameters(prm);
    prony_moduli = prony.moduli;
    prony_times  = prony.times;
    check();
  }



  ViscoelasticNeoHookean::ViscoelasticNeoHookean(
    const double               E,
    const double               nu,
    const std::vector<double> &moduli_a,
    const std::vector<double> &times)
    : prony_moduli(moduli_a)
    , prony_times(times)
  {
    moduli.youngs_modulus = E;
    moduli.poisson_ratio  = nu;
    check();
  }



  void
  ViscoelasticNeoHookean::check() const
  {
    PronySeries{prony_moduli, prony_times}.check(false);
  }



  void
  ViscoelasticNeoHookean::declare_parameters(dealii::ParameterHandler &prm)
  {
    // Long-term modulus: gluteal subcutaneous tissue G_inf = 1.85 kPa
    // (physics.md section 1, Then12): E = 3 mu for nu ~ 0.5.
    ElasticModuli::declare_parameters(
      prm,
      5550,
      0.495,
      "Long-term (relaxed) modulus. Default 5.55 kPa = 3 G_inf with "
      "G_inf = 1.85 kPa, gluteal fat in vivo (physics.md section 1, "
      "Then12).");
    // One Prony term: fat, alpha 0.39, tau 700 s (physics.md 2, Sims10):
    // G_1 = alpha / (1 - alpha) mu_inf = 0.639 * 1850 Pa.
    prm.declare_entry(
      "Prony shear moduli",
      "1183",
      dealii::Patterns::List(dealii::Patterns::Double()),
      "Shear moduli G_a of the Maxwell branches [Pa], comma separated, any "
      "number of terms; G(t) = mu_inf + sum G_a exp(-t/tau_a). Default: one "
      "term with relaxed fraction 0.39 of the instantaneous modulus, fat "
      "(physics.md section 2, Sims10).");
    prm.declare_entry("Prony relaxation times",
                      "700",
                      dealii::Patterns::List(dealii::Patterns::Double()),
                      "Relaxation times tau_a [s], comma separated, one per "
                      "term, each > 0. Default 700 s, fat (physics.md "
                      "section 2, Sims10).");
  }



  std::vector<std::string>
  ViscoelasticNeoHookean::history_names() const
  {
    std::vector<std::string> names;
    const char              *c[6] = {"xx", "yy", "zz", "xy", "xz", "yz"};
    for (unsigned int k = 0; k < 6; ++k)
      names.push_back(std::string("S_inf_") + c[k]);
    for (unsigned int a = 0; a < prony_moduli.size(); ++a)
      for (unsigned int k = 0; k < 6; ++k)
        names.push_back("Q" + std::to_string(a + 1) + "_" + c[k]);
    return names;
  }



  double
  ViscoelasticNeoHookean::internal_stress_norm(
    const ArrayView<const double> &h) const
  {
    double norm = 0.;
    for (unsigned int a = 0; a < prony_moduli.size(); ++a)
      norm += unpack_symmetric(h, 6 * (a + 1)).norm();
    return norm;
  }



  void
  ViscoelasticNeoHookean::evaluate(const MaterialInput &in,
                                   MaterialOutput      &out) const
  {
    const double mu_inf = moduli.shear_modulus();
    const double energy = neo_hookean_isochoric(in.F, mu_inf, out);
    out.energy =
      energy + volumetric_log_quadratic(in.J_tilde, bulk_modulus(), out);

    // S_inf = F^-1 tau_inf F^-T.
    const Tensor<2, 3>          F_inv = invert(in.F);
    const SymmetricTensor<2, 3> S_inf =
      symmetrize(F_inv * Tensor<2, 3>(out.tau_iso) * transpose(F_inv));
    const SymmetricTensor<2, 3> S_old = unpack_symmetric(in.history_old, 0);

    SymmetricTensor<2, 3> H;
    double                factor = 1., dissipation = 0.;
    pack_symmetric(S_inf, out.history_new, 0);
    for (unsigned int a = 0; a < prony_moduli.size(); ++a)
      {
        const double beta = prony_moduli[a] / mu_inf;
        const double xi   = in.dt / prony_times[a];
        const double e    = std::exp(-xi);
        const double g    = xi > 1e-12 ? (1. - e) / xi : 1. - 0.5 * xi;
        const SymmetricTensor<2, 3> Q_old =
          unpack_symmetric(in.history_old, 6 * (a + 1));
        const SymmetricTensor<2, 3> Q_new =
          e * Q_old + g * beta * (S_inf - S_old);
        pack_symmetric(Q_new, out.history_new, 6 * (a + 1));
        H += e * Q_old - g * beta * S_old;
        factor += g * beta;
        if (prony_moduli[a] > 0.)
          dissipation += in.dt * 0.5 * (Q_old * Q_old + Q_new * Q_new) /
                         (2. * prony_moduli[a] * prony_times[a]);
      }
    out.tau_iso = factor * out.tau_iso +
                  symmetrize(in.F * Tensor<2, 3>(H) * transpose(in.F));
    out.c_iso *= factor;
    out.dissipation = dissipation;
  }

  FASCIAFE_REGISTER_MATERIAL(
    ViscoelasticNeoHookean,
    "viscoelastic neo-Hookean",
    "Finite-strain generalized Maxwell solid on a neo-Hookean base, any "
    "number of Prony terms (Simo 1987, Holzapfel 2000).")
} // namespace FasciaFE
