#include <models/materials/holzapfel_gasser_ogden.h>
#include <models/materials/isochoric.h>
#include <models/materials/neo_hookean.h>
#include <solver/exceptions.h>

#include <cmath>
#include <sstream>

namespace FasciaFE
{
  HolzapfelGasserOgden::HolzapfelGasserOgden(dealii::ParameterHandler &prm)
    : MaterialWithTone(NeuromuscularTone())
  {
    parameters.shear_modulus  = prm.get_double("Shear modulus");
    parameters.poisson_ratio  = prm.get_double("Poisson's ratio");
    parameters.k1             = prm.get_double("Fibre stiffness k1");
    parameters.k2             = prm.get_double("Fibre nonlinearity k2");
    parameters.angle_between  = prm.get_double("Fibre angle between families");
    parameters.mean_direction = prm.get_double("Fibre mean direction");
    parameters.dispersion     = prm.get_double("Fibre dispersion kappa");
    const long n              = prm.get_integer("Number of fibre families");
    check_input(n == 1 || n == 2,
                "Number of fibre families must be 1 or 2 (got " +
                  std::to_string(n) + ")");
    parameters.n_families = n;
    tone.parse_parameters(prm);
    check();
    directions = compute_directions();
  }



  HolzapfelGasserOgden::HolzapfelGasserOgden(const Parameters        &p,
                                             const NeuromuscularTone &tone)
    : MaterialWithTone(tone)
    , parameters(p)
  {
    check();
    directions = compute_directions();
  }



  void
  HolzapfelGasserOgden::check() const
  {
    auto require = [](const bool         ok,
                      const std::string &name,
                      const double       v,
                      const std::string &what) {
      std::ostringstream msg;
      msg << name << " must be " << what << " (got " << v << ")";
      check_input(ok, msg.str());
    };
    const Parameters &p = parameters;
    require(p.shear_modulus > 0. && std::isfinite(p.shear_modulus),
            "Shear modulus",
            p.shear_modulus,
            "> 0 Pa");
    require(p.poisson_ratio > -1. && p.poisson_ratio < 0.5,
            "Poisson's ratio",
            p.poisson_ratio,
            "in (-1, 0.5)");
    require(p.k1 >= 0. && std::isfinite(p.k1),
            "Fibre stiffness k1",
            p.k1,
            ">= 0 Pa");
    require(p.k2 > 0. && std::isfinite(p.k2),
            "Fibre nonlinearity k2",
            p.k2,
            "> 0");
    require(p.angle_between >= 0. && p.angle_between <= 180.,
            "Fibre angle between families",
            p.angle_between,
            "in [0, 180] deg");
    require(std::isfinite(p.mean_direction),
            "Fibre mean direction",
            p.mean_direction,
            "finite");
    require(p.dispersion >= 0. && p.dispersion <= 1. / 3.,
            "Fibre dispersion kappa",
            p.dispersion,
            "in [0, 1/3]");
    require(p.n_families == 1 || p.n_families == 2,
            "Number of fibre families",
            p.n_families,
            "1 or 2");
  }



  void
  HolzapfelGasserOgden::declare_parameters(dealii::ParameterHandler &prm)
  {
    using dealii::Patterns::Double;
    prm.declare_entry("Shear modulus",
                      "18000",
                      Double(),
                      "Shear modulus mu of the neo-Hookean matrix [Pa], > 0. "
                      "Default 18 kPa: deep fascia, in-vivo shear-wave "
                      "elastography (physics.md section 1, Wilke22).");
    prm.declare_entry("Poisson's ratio",
                      "0.495",
                      Double(),
                      "Small-strain Poisson's ratio nu of the matrix [-] in "
                      "(-1, 0.5); bulk modulus K = 2 mu (1 + nu) / "
                      "(3 (1 - 2 nu)) [Pa]. Default 0.495, K/mu ~ 100: "
                      "nearly incompressible (physics.md section 1).");
    prm.declare_entry(
      "Fibre stiffness k1",
      "986500",
      Double(),
      "k1 of psi = k1/(2 k2) (exp(k2 E^2) - 1) [Pa], >= 0. Default: the "
      "small-strain modulus of an incompressible uniaxial stretch along one "
      "family, 3 mu + 4 k1, equals the 4 MPa measured along the fibres of "
      "fascia lata (physics.md section 1, Aparici25): k1 = (4 MPa - 3 * "
      "18 kPa) / 4 = 986.5 kPa. The 0.6 MPa across the fibres (Aparici25) "
      "is not a fit target: across, the two-family response depends on the "
      "lateral constraint.");
    prm.declare_entry(
      "Fibre nonlinearity k2",
      "10",
      Double(),
      "k2 [-], > 0: the exponential stiffening of the fibres (the small-"
      "strain modulus does not depend on it). Default 10: the fibre "
      "tangent modulus doubles at about 8 % fibre stretch. ASSUMPTION: no "
      "measured value in physics.md (section 1 gives only the small-strain "
      "moduli, Aparici25); fit it to tensile curves.");
    prm.declare_entry("Fibre angle between families",
                      "77.5",
                      Double(),
                      "Angle phi between the two families [deg], in "
                      "[0, 180]; they lie at theta_m +- phi/2. Default "
                      "77.5: fascia lata, 75-80 deg (physics.md section 1, "
                      "Bonaldi23). Ignored for one family.");
    prm.declare_entry("Fibre mean direction",
                      "0",
                      Double(),
                      "Mean direction theta_m of the families in the x-y "
                      "(layer) plane, from x toward y [deg]; x is in-plane "
                      "(radial in axisymmetry), y out-of-plane (hoop in "
                      "axisymmetry), z depth. Default 0: families "
                      "symmetric about x, so the material is orthotropic "
                      "in the model axes (the in-vivo orientation is "
                      "site-specific, physics.md section 1, Bonaldi23).");
    prm.declare_entry("Fibre dispersion kappa",
                      "0",
                      Double(),
                      "Dispersion kappa [-] in [0, 1/3] of Gasser-Ogden-"
                      "Holzapfel 2006: 0 perfectly aligned, 1/3 isotropic. "
                      "Default 0. ASSUMPTION: no measured dispersion of "
                      "fascia in physics.md (section 1 reports only the "
                      "family angle, Bonaldi23).");
    prm.declare_entry("Number of fibre families",
                      "2",
                      dealii::Patterns::Integer(),
                      "1 (one family along the mean direction) or 2 [-]. "
                      "Default 2: fascia lata (physics.md section 1, "
                      "Bonaldi23).");
    NeuromuscularTone::declare_parameters(prm);
  }



  double
  HolzapfelGasserOgden::bulk_modulus() const
  {
    const double nu = parameters.poisson_ratio;
    return 2. * parameters.shear_modulus * (1. + nu) / (3. * (1. - 2. * nu));
  }



  std::vector<Tensor<1, 3>>
  HolzapfelGasserOgden::compute_directions() const
  {
    const double        deg = M_PI / 180.;
    std::vector<double> angles;
    if (parameters.n_families == 1)
      angles = {parameters.mean_direction};
    else
      angles = {parameters.mean_direction + 0.5 * parameters.angle_between,
                parameters.mean_direction - 0.5 * parameters.angle_between};
    std::vector<Tensor<1, 3>> a0(angles.size());
    for (unsigned int i = 0; i < angles.size(); ++i)
      {
        a0[i][0] = std::cos(angles[i] * deg);
        a0[i][1] = std::sin(angles[i] * deg);
      }
    return a0;
  }



  void
  HolzapfelGasserOgden::evaluate(const MaterialInput &in,
                                 MaterialOutput      &out) const
  {
    // Matrix: the shared neo-Hookean helper (tau_bar = mu b_bar, c_bar = 0).
    // The projection being linear in (tau_bar, c_bar), the fibres are
    // projected separately and added: without loaded fibres the result is
    // the neo-Hookean one to the last bit.
    const double energy_matrix =
      neo_hookean_isochoric(in.F, parameters.shear_modulus, out);

    const double                kappa = parameters.dispersion;
    const double                k1 = parameters.k1, k2 = parameters.k2;
    const double                J = determinant(in.F);
    const SymmetricTensor<2, 3> b_bar =
      std::pow(J, -2. / 3.) * symmetrize(in.F * transpose(in.F));
    const double I1 = trace(b_bar);

    SymmetricTensor<2, 3> tau_bar;
    SymmetricTensor<4, 3> c_bar;
    double                energy_fibres = 0.;
    bool                  loaded        = false;
    for (const Tensor<1, 3> &a0 : fibre_directions())
      {
        const Tensor<1, 3> a  = std::pow(J, -1. / 3.) * (in.F * a0);
        const double       I4 = a * a;
        const double E = kappa * (I1 - 3.) + (1. - 3. * kappa) * (I4 - 1.);
        if (!(E > 0.))
          continue; // tension-only: a compressed family carries nothing
        const double                e = std::exp(k2 * E * E);
        const SymmetricTensor<2, 3> h =
          kappa * b_bar + (1. - 3. * kappa) * symmetrize(outer_product(a, a));
        tau_bar += 2. * k1 * E * e * h;
        c_bar += 4. * k1 * (1. + 2. * k2 * E * E) * e * outer_product(h, h);
        energy_fibres += 0.5 * k1 / k2 * (e - 1.);
        loaded = true;
      }
    if (loaded)
      {
        const KirchhoffResponse fibres = isochoric_projection(tau_bar, c_bar);
        out.tau_iso += fibres.tau;
        out.c_iso += fibres.c;
      }

    out.energy = energy_matrix + energy_fibres +
                 volumetric_log_quadratic(in.J_tilde, bulk_modulus(), out);
    out.dissipation = 0.;
    tone.evaluate(in, out, 0);
  }

  FASCIAFE_REGISTER_MATERIAL(HolzapfelGasserOgden,
                             "Holzapfel-Gasser-Ogden",
                             "Neo-Hookean matrix with one or two tension-only "
                             "fibre families and dispersion (Holzapfel-"
                             "Gasser-Ogden 2000, Gasser-Ogden-Holzapfel "
                             "2006), optional neuromuscular tone.")
} // namespace FasciaFE
