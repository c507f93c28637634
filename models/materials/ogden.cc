#include <deal.II/base/utilities.h>

#include <models/materials/isochoric.h>
#include <models/materials/neo_hookean.h>
#include <models/materials/ogden.h>
#include <solver/exceptions.h>

#include <cmath>
#include <sstream>

namespace FasciaFE
{
  namespace
  {
    std::vector<double>
    read_list(dealii::ParameterHandler &prm, const std::string &name)
    {
      return dealii::Utilities::string_to_double(
        dealii::Utilities::split_string_list(prm.get(name)));
    }
  } // namespace



  Ogden::Ogden(dealii::ParameterHandler &prm)
    : MaterialWithTone(NeuromuscularTone())
  {
    moduli        = read_list(prm, "Ogden moduli");
    exponents     = read_list(prm, "Ogden exponents");
    poisson_ratio = prm.get_double("Poisson's ratio");
    tone.parse_parameters(prm);
    check();
  }



  Ogden::Ogden(const std::vector<double> &moduli,
               const std::vector<double> &exponents,
               const double               poisson_ratio,
               const NeuromuscularTone   &tone)
    : MaterialWithTone(tone)
    , moduli(moduli)
    , exponents(exponents)
    , poisson_ratio(poisson_ratio)
  {
    check();
  }



  void
  Ogden::check() const
  {
    check_input(!moduli.empty() && moduli.size() <= 3,
                "Ogden moduli: between 1 and 3 terms are required (got " +
                  std::to_string(moduli.size()) + ")");
    check_input(moduli.size() == exponents.size(),
                "Ogden moduli (" + std::to_string(moduli.size()) +
                  " values) and Ogden exponents (" +
                  std::to_string(exponents.size()) +
                  " values) must have the same length");
    for (unsigned int p = 0; p < exponents.size(); ++p)
      {
        std::ostringstream msg;
        msg << "Ogden exponents: term " << p + 1
            << " must be nonzero and finite (got " << exponents[p] << ")";
        check_input(exponents[p] != 0. && std::isfinite(exponents[p]),
                    msg.str());
        msg.str("");
        msg << "Ogden moduli: term " << p + 1 << " must be finite (got "
            << moduli[p] << ")";
        check_input(std::isfinite(moduli[p]), msg.str());
      }
    std::ostringstream msg;
    msg << "Ogden moduli and Ogden exponents: the small-strain shear modulus "
           "1/2 sum mu_p alpha_p must be > 0 Pa (got "
        << shear_modulus() << ")";
    check_input(shear_modulus() > 0., msg.str());
    msg.str("");
    msg << "Poisson's ratio must lie in (-1, 0.5) (got " << poisson_ratio
        << ")";
    check_input(poisson_ratio > -1. && poisson_ratio < 0.5, msg.str());
  }



  void
  Ogden::declare_parameters(dealii::ParameterHandler &prm)
  {
    using dealii::Patterns::Double;
    using dealii::Patterns::List;
    // Bosboom01 (physics.md section 1): rat muscle in vivo, mu 15.6 kPa,
    // alpha 21.4, read as the shear modulus of Psi = 2 mu/alpha^2 (...):
    // mu_1 = 2 * 15.6 kPa / 21.4 = 1457.94 Pa in our convention.
    prm.declare_entry(
      "Ogden moduli",
      "1457.94",
      List(Double(), 0),
      "Coefficients mu_p of Psi = sum mu_p/alpha_p (lb_1^alpha_p + "
      "lb_2^alpha_p + lb_3^alpha_p - 3) [Pa], comma separated, 1 to 3 "
      "terms; the small-strain shear modulus is 1/2 sum mu_p alpha_p and "
      "must be > 0. Default: one term, skeletal muscle (rat, in vivo) with "
      "mu 15.6 kPa, alpha 21.4 (physics.md section 1, Bosboom01), taking "
      "that mu as the small-strain shear modulus of the form "
      "2 mu/alpha^2 (...): mu_1 = 2 * 15.6 kPa / 21.4 = 1457.94 Pa, shear "
      "modulus 15.6 kPa.");
    prm.declare_entry("Ogden exponents",
                      "21.4",
                      List(Double(), 0),
                      "Exponents alpha_p [-], comma separated, one per "
                      "term, each nonzero. Default 21.4 (physics.md "
                      "section 1, Bosboom01).");
    prm.declare_entry("Poisson's ratio",
                      "0.495",
                      Double(),
                      "Small-strain Poisson's ratio nu [-] in (-1, 0.5); "
                      "bulk modulus kappa = 2 mu (1 + nu) / (3 (1 - 2 nu)) "
                      "[Pa] with mu the small-strain shear modulus. Default "
                      "0.495, K/mu ~ 100: nearly incompressible soft tissue "
                      "(physics.md section 1).");
    NeuromuscularTone::declare_parameters(prm);
  }



  double
  Ogden::shear_modulus() const
  {
    double mu = 0.;
    for (unsigned int p = 0; p < moduli.size() && p < exponents.size(); ++p)
      mu += 0.5 * moduli[p] * exponents[p];
    return mu;
  }



  double
  Ogden::bulk_modulus() const
  {
    return 2. * shear_modulus() * (1. + poisson_ratio) /
           (3. * (1. - 2. * poisson_ratio));
  }



  void
  Ogden::evaluate(const MaterialInput &in, MaterialOutput &out) const
  {
    const double                J = determinant(in.F);
    const SymmetricTensor<2, 3> b_bar =
      std::pow(J, -2. / 3.) * symmetrize(in.F * transpose(in.F));

    double                  energy = 0.;
    const PrincipalFunction principal =
      [&](const std::array<double, 3> &lambda) {
        PrincipalStresses s = {};
        for (unsigned int a = 0; a < 3; ++a)
          for (unsigned int p = 0; p < moduli.size(); ++p)
            {
              const double l = std::pow(lambda[a], exponents[p]);
              s.tau[a] += moduli[p] * l;
              s.dtau[a][a] += moduli[p] * exponents[p] * l;
              energy += moduli[p] / exponents[p] * (l - 1.);
            }
        return s;
      };

    const KirchhoffResponse bar = spectral_response(b_bar, principal);
    const KirchhoffResponse iso = isochoric_projection(bar.tau, bar.c);
    out.tau_iso                 = iso.tau;
    out.c_iso                   = iso.c;
    out.energy =
      energy + volumetric_log_quadratic(in.J_tilde, bulk_modulus(), out);
    out.dissipation = 0.;
    tone.evaluate(in, out, 0);
  }

  FASCIAFE_REGISTER_MATERIAL(Ogden,
                             "Ogden",
                             "Compressible Ogden solid, 1 to 3 terms "
                             "(isochoric/volumetric split), optional "
                             "neuromuscular tone.")
} // namespace FasciaFE
