#include <deal.II/base/utilities.h>

#include <models/materials/prony_series.h>
#include <models/materials/tensor_packing.h>
#include <models/materials/thixotropic_viscoelastic.h>
#include <solver/exceptions.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace FasciaFE
{
  namespace
  {
    const char *driver_names = "stress|pressure|dissipation|shear rate";

    const std::string assumed =
      " ASSUMPTION: no thixotropy constants of fascia have been measured "
      "(physics.md section 3); calibrate it.";


    ThixotropicViscoelastic::Driver
    to_driver(const std::string &name)
    {
      if (name == "pressure")
        return ThixotropicViscoelastic::Driver::pressure;
      if (name == "dissipation")
        return ThixotropicViscoelastic::Driver::dissipation;
      if (name == "shear rate")
        return ThixotropicViscoelastic::Driver::shear_rate;
      return ThixotropicViscoelastic::Driver::stress;
    }

    const char *reference_entry[4] = {"Reference stress",
                                      "Reference pressure",
                                      "Reference dissipation rate",
                                      "Reference shear rate"};
  } // namespace



  ThixotropicViscoelastic::ThixotropicViscoelastic(
    dealii::ParameterHandler &prm)
  {
    moduli.parse_parameters(prm);
    PronySeries prony;
    prony.parse_parameters(prm);
    prony_moduli   = prony.moduli;
    prony_times    = prony.times;
    initial_lambda = prm.get_double("Initial structure");
    kinetics.parse_parameters(prm);
    driver    = to_driver(prm.get("Breakdown driver"));
    reference = prm.get_double(reference_entry[static_cast<int>(driver)]);
    modulus_blend.parse_parameters(prm, "Modulus");
    viscosity_blend.parse_parameters(prm, "Viscosity");
    check();
  }



  ThixotropicViscoelastic::ThixotropicViscoelastic(
    const double               E,
    const double               nu,
    const std::vector<double> &moduli_a,
    const std::vector<double> &times,
    const ThixotropyKinetics  &kinetics,
    const Driver               driver,
    const double               reference,
    const StructureBlend      &modulus_blend,
    const StructureBlend      &viscosity_blend,
    const double               initial_lambda)
    : prony_moduli(moduli_a)
    , prony_times(times)
    , kinetics(kinetics)
    , driver(driver)
    , reference(reference)
    , modulus_blend(modulus_blend)
    , viscosity_blend(viscosity_blend)
    , initial_lambda(initial_lambda)
  {
    moduli.youngs_modulus = E;
    moduli.poisson_ratio  = nu;
    check();
  }



  void
  ThixotropicViscoelastic::check() const
  {
    PronySeries{prony_moduli, prony_times}.check(true);
    std::ostringstream msg;
    msg << "Initial structure must be in [0, 1] (got " << initial_lambda << ")";
    check_input(initial_lambda >= 0. && initial_lambda <= 1., msg.str());
    msg.str("");
    msg << reference_entry[static_cast<int>(driver)] << " must be > 0 (got "
        << reference << ")";
    check_input(reference > 0., msg.str());
  }



  void
  ThixotropicViscoelastic::declare_parameters(dealii::ParameterHandler &prm)
  {
    using dealii::Patterns::Double;
    ElasticModuli::declare_parameters(
      prm,
      5550,
      0.495,
      "Long-term modulus of the gel (lambda = 1). No modulus of the "
      "hyaluronan-rich glide layer has been measured (physics.md section "
      "1): default 5.55 kPa = 3 G_inf of gluteal fat in vivo (Then12), an "
      "assumption.");
    prm.declare_entry("Prony shear moduli",
                      "1183",
                      dealii::Patterns::List(Double(0.)),
                      "Gel shear moduli G_a of the Maxwell branches [Pa], "
                      "comma separated, any number of terms (may be empty). "
                      "Default: fat, relaxed fraction 0.39 (physics.md "
                      "section 2, Sims10), an assumption for the glide "
                      "layer.");
    prm.declare_entry("Prony relaxation times",
                      "700",
                      dealii::Patterns::List(Double(0.)),
                      "Gel relaxation times tau_a [s], one per term, each "
                      "> 0. Default 700 s, fat (physics.md section 2, "
                      "Sims10), an assumption for the glide layer.");
    prm.declare_entry("Initial structure",
                      "1",
                      Double(0., 1.),
                      "lambda at t = 0 [-] (1 gel, 0 sol).");
    ThixotropyKinetics::declare_parameters(prm);
    prm.declare_entry("Breakdown driver",
                      "stress",
                      dealii::Patterns::Selection(driver_names),
                      "D in the kinetics [-]: stress = equivalent deviatoric "
                      "Kirchhoff stress / Reference stress; pressure = "
                      "hydrostatic compression / Reference pressure; "
                      "dissipation = viscous dissipation rate / Reference "
                      "dissipation rate; shear rate = equivalent shear "
                      "strain rate / Reference shear rate (classical Moore: "
                      "no breakdown in a static hold, physics.md section "
                      "3).");
    prm.declare_entry(reference_entry[0],
                      "1000",
                      Double(0.),
                      "tau_ref of the stress driver [Pa], > 0." + assumed);
    prm.declare_entry(reference_entry[1],
                      "10000",
                      Double(0.),
                      "p_ref of the pressure driver [Pa], > 0." + assumed);
    prm.declare_entry(reference_entry[2],
                      "10",
                      Double(0.),
                      "w_ref of the dissipation driver [W/m^3], > 0." +
                        assumed);
    prm.declare_entry(reference_entry[3],
                      "0.1",
                      Double(0.),
                      "gamma_ref of the shear-rate driver [1/s], > 0." +
                        assumed);
    StructureBlend::declare_parameters(
      prm,
      "Modulus",
      "linear",
      0.5,
      "Applies to the long-term and Prony moduli. Default 0.5: fascia "
      "stiffens on rest and rehydration (physics.md section 3, Schleip12, "
      "qualitative)." +
        assumed);
    StructureBlend::declare_parameters(
      prm,
      "Viscosity",
      "exponential",
      0.1,
      "Applies to the branch viscosities eta_a = G_a tau_a. Default 0.1: "
      "hyaluronan solutions are strongly shear-thinning (physics.md "
      "section 3, Cowman15)." +
        assumed);
  }



  std::vector<std::string>
  ThixotropicViscoelastic::history_names() const
  {
    std::vector<std::string> names = {"lambda", "driver"};
    const char              *c[6]  = {"xx", "yy", "zz", "xy", "xz", "yz"};
    for (unsigned int k = 0; k < 6; ++k)
      names.push_back(std::string("S1_") + c[k]);
    for (unsigned int k = 0; k < 6; ++k)
      names.push_back(std::string("E_") + c[k]);
    for (unsigned int a = 0; a < prony_moduli.size(); ++a)
      for (unsigned int k = 0; k < 6; ++k)
        names.push_back("Q" + std::to_string(a + 1) + "_" + c[k]);
    return names;
  }



  void
  ThixotropicViscoelastic::initialize_history(ArrayView<double> h) const
  {
    std::fill(h.begin(), h.end(), 0.);
    h[0] = initial_lambda;
  }



  double
  ThixotropicViscoelastic::internal_stress_norm(
    const ArrayView<const double> &h) const
  {
    double norm = 0.;
    for (unsigned int a = 0; a < prony_moduli.size(); ++a)
      norm += unpack_symmetric(h, first_branch + 6 * a).norm();
    return norm;
  }



  void
  ThixotropicViscoelastic::bound_history(const ArrayView<double> &h) const
  {
    h[0] = std::clamp(h[0], 0., 1.);
    h[1] = std::max(h[1], 0.);
  }



  double
  ThixotropicViscoelastic::shear_modulus() const
  {
    double mu = moduli.shear_modulus();
    for (const double g : prony_moduli)
      mu += g;
    return mu;
  }

  FASCIAFE_REGISTER_MATERIAL(
    ThixotropicViscoelastic,
    "thixotropic viscoelastic",
    "Generalized Maxwell neo-Hookean solid whose moduli and viscosities "
    "follow a gel-sol structure parameter lambda with Moore/Houska "
    "kinetics and a selectable breakdown driver.")
} // namespace FasciaFE
