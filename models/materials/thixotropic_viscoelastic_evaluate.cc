#include <models/materials/neo_hookean.h>
#include <models/materials/tensor_packing.h>
#include <models/materials/thixotropic_viscoelastic.h>

#include <algorithm>
#include <cmath>

namespace FasciaFE
{
  namespace
  {

    /** g(xi) = (1 - e^-xi) / xi and its derivative (series near 0). */
    double
    g_of(const double xi)
    {
      return xi > 1e-4 ? -std::expm1(-xi) / xi : 1. - xi / 2. + xi * xi / 6.;
    }

    double
    dg_dxi(const double xi)
    {
      return xi > 1e-4 ? (xi * std::exp(-xi) + std::expm1(-xi)) / (xi * xi) :
                         -0.5 + xi / 3. - xi * xi / 8.;
    }

    /** Everything of the stress that depends on lambda, at one lambda. */
    struct LambdaState
    {
      double                             factor = 0.;     // mu + sum g_a G_a
      SymmetricTensor<2, 3>              tau, dtau;       // tau_iso, d/dlambda
      std::vector<SymmetricTensor<2, 3>> Q;               // Q_a^{n+1}
      std::vector<double>                eta;             // eta_a [Pa s]
      double                             w = 0., dw = 0.; // dissipation rate
      SymmetricTensor<2, 3>              W; // sum g G / eta F^-T Q F^-1
      double                             D = 0., dD = 0.; // driver, d/dl
    };
  } // namespace



  void
  ThixotropicViscoelastic::evaluate(const MaterialInput &in,
                                    MaterialOutput      &out) const
  {
    const unsigned int             nb     = prony_moduli.size();
    const double                   dt     = std::max(in.dt, 0.);
    const double                   mu_gel = moduli.shear_modulus();
    const ArrayView<const double> &h      = in.history_old;

    // Unit-modulus isochoric neo-Hookean response: tau_1, c_1, energy.
    MaterialOutput unit;
    const double   e1 = neo_hookean_isochoric(in.F, 1., unit);
    const double U = volumetric_log_quadratic(in.J_tilde, bulk_modulus(), out);
    const Tensor<2, 3>          F  = in.F;
    const Tensor<2, 3>          Fi = invert(F);
    const SymmetricTensor<2, 3> S1 =
      symmetrize(Fi * Tensor<2, 3>(unit.tau_iso) * transpose(Fi));
    const SymmetricTensor<2, 3> dS1 = S1 - unpack_symmetric(h, 2);
    const SymmetricTensor<2, 3> E =
      0.5 * (symmetrize(transpose(F) * F) - unit_symmetric_tensor<3>());
    const SymmetricTensor<2, 3> dE   = deviator(E - unpack_symmetric(h, 8));
    auto                        push = [&](const SymmetricTensor<2, 3> &A) {
      return symmetrize(F * Tensor<2, 3>(A) * transpose(F));
    };

    const bool depends =
      driver == Driver::stress || driver == Driver::dissipation;
    const double shear_rate = dt > 0. ? std::sqrt(2. * (dE * dE)) / dt : 0.;

    auto at = [&](const double lambda, LambdaState &s) {
      const double fm  = modulus_blend.value(lambda);
      const double dfm = modulus_blend.derivative(lambda);
      const double fe  = viscosity_blend.value(lambda);
      const double dfe = viscosity_blend.derivative(lambda);
      s.factor         = mu_gel * fm;
      s.Q.resize(nb);
      s.eta.resize(nb);
      s.w = s.dw = 0.;
      s.W        = SymmetricTensor<2, 3>();
      SymmetricTensor<2, 3> Qsum, dQsum;
      for (unsigned int a = 0; a < nb; ++a)
        {
          const double G    = prony_moduli[a] * fm;
          const double dG   = prony_moduli[a] * dfm;
          const double eta  = prony_moduli[a] * prony_times[a] * fe;
          const double deta = prony_moduli[a] * prony_times[a] * dfe;
          const double xi   = dt * G / eta;
          const double dxi  = -xi * (dfe / fe - dfm / fm);
          const double e    = std::exp(-xi);
          const double g    = g_of(xi);
          const SymmetricTensor<2, 3> Q_old =
            unpack_symmetric(h, first_branch + 6 * a);
          const SymmetricTensor<2, 3> Q = e * Q_old + g * G * dS1;
          const SymmetricTensor<2, 3> dQ =
            -e * dxi * Q_old + (dg_dxi(xi) * dxi * G + g * dG) * dS1;
          s.Q[a]   = Q;
          s.eta[a] = eta;
          Qsum += Q;
          dQsum += dQ;
          s.factor += g * G;
          if (driver == Driver::dissipation) // only this driver needs them
            {
              s.w += (Q * Q) / (2. * eta);
              s.dw += (Q * dQ) / eta - (Q * Q) * deta / (2. * eta * eta);
              s.W += (g * G / eta) *
                     symmetrize(transpose(Fi) * Tensor<2, 3>(Q) * Fi);
            }
        }
      s.tau  = mu_gel * fm * unit.tau_iso + push(Qsum);
      s.dtau = mu_gel * dfm * unit.tau_iso + push(dQsum);
      s.dD   = 0.;
      switch (driver)
        {
          case Driver::stress:
            {
              const SymmetricTensor<2, 3> dev = deviator(s.tau);
              const double                teq = std::sqrt(1.5 * (dev * dev));
              s.D                             = teq / reference;
              if (teq > 0.)
                s.dD = 1.5 * (dev * s.dtau) / (teq * reference);
              break;
            }
          case Driver::pressure:
            s.D = std::max(0., -out.dU_dJ) / reference;
            break;
          case Driver::dissipation:
            s.D  = s.w / reference;
            s.dD = s.dw / reference;
            break;
          case Driver::shear_rate:
            s.D = shear_rate / reference;
            break;
        }
    };

    // Backward-Euler kinetics r(lambda) = 0, solved in [0, 1].
    const double lambda0 = h[0];
    const double a       = dt * kinetics.k_build;
    const double b       = dt * kinetics.k_break;
    const double n = kinetics.n, m = kinetics.m;
    auto residual = [&](const double lambda, const LambdaState &s, double &dr) {
      const double De = kinetics.effective_driver(s.D);
      const double Dm = De > 0. ? std::pow(De, m) : 0.;
      dr =
        1. + a * n * std::pow(std::max(1. - lambda, 1e-300), n - 1.) + b * Dm;
      if (De > 0.)
        dr += b * lambda * m * std::pow(De, m - 1.) * s.dD;
      return lambda - lambda0 - a * std::pow(1. - lambda, n) + b * lambda * Dm;
    };

    LambdaState s;
    double      lambda = lambda0;
    at(lambda, s);
    if (dt > 0. && !depends)
      {
        lambda = kinetics.update(lambda0, s.D, dt);
        at(lambda, s);
      }
    else if (dt > 0.)
      {
        double lo = 0., hi = 1.;
        for (unsigned int it = 0; it < 100; ++it)
          {
            double       dr;
            const double r = residual(lambda, s, dr);
            if (std::abs(r) < 1e-15)
              break;
            (r > 0. ? hi : lo) = lambda;
            double next        = dr > 0. ? lambda - r / dr : 0.5 * (lo + hi);
            if (!(next >= lo && next <= hi))
              next = 0.5 * (lo + hi);
            const bool done = std::abs(next - lambda) < 1e-16;
            lambda          = next;
            at(lambda, s);
            if (done)
              break;
          }
      }

    // Stress and consistent tangent.
    out.tau_iso     = s.tau;
    out.c_iso       = s.factor * unit.c_iso;
    out.dtau_iso_dJ = SymmetricTensor<2, 3>();
    const double De = kinetics.effective_driver(s.D);
    if (dt > 0. && b > 0. && De > 0.)
      {
        double       dr;
        const double r_unused = residual(lambda, s, dr);
        (void)r_unused;
        const double dr_dD = b * lambda * m * std::pow(De, m - 1.) / dr;
        SymmetricTensor<2, 3> dD_dd;
        double                dD_dJ = 0.;
        switch (driver)
          {
            case Driver::stress:
              {
                const SymmetricTensor<2, 3> dev = deviator(s.tau);
                const double                teq = std::sqrt(1.5 * (dev * dev));
                dD_dd =
                  (1.5 / (teq * reference)) *
                  (dev * out.c_iso +
                   2. * symmetrize(Tensor<2, 3>(dev) * Tensor<2, 3>(s.tau)));
                break;
              }
            case Driver::pressure:
              dD_dJ = -out.d2U_dJ2 / reference;
              break;
            case Driver::dissipation:
              dD_dd = (s.W * unit.c_iso) / reference;
              break;
            case Driver::shear_rate:
              dD_dd = (2. / (shear_rate * dt * dt * reference)) *
                      symmetrize(F * Tensor<2, 3>(dE) * transpose(F));
              break;
          }
        out.c_iso -= dr_dD * outer_product(s.dtau, dD_dd);
        out.dtau_iso_dJ = -dr_dD * dD_dJ * s.dtau;
      }

    // Energy, dissipation (trapezoidal rule on Q:Q / 2 eta) and history.
    out.energy      = mu_gel * modulus_blend.value(lambda) * e1 + U;
    out.dissipation = 0.;
    for (unsigned int k = 0; k < nb; ++k)
      {
        const SymmetricTensor<2, 3> Q_old =
          unpack_symmetric(h, first_branch + 6 * k);
        out.dissipation +=
          dt * 0.25 * (Q_old * Q_old + s.Q[k] * s.Q[k]) / s.eta[k];
        pack_symmetric(s.Q[k], out.history_new, first_branch + 6 * k);
      }
    out.history_new[0] = lambda;
    out.history_new[1] = s.D;
    pack_symmetric(S1, out.history_new, 2);
    pack_symmetric(E, out.history_new, 8);
  }
} // namespace FasciaFE
