#include <models/materials/structure_blend.h>
#include <solver/exceptions.h>

#include <cmath>
#include <sstream>

namespace FasciaFE
{
  StructureBlend::StructureBlend(const Law    law,
                                 const double ratio,
                                 const double exponent)
    : law(law)
    , ratio(ratio)
    , exponent(exponent)
  {
    check("blend");
  }



  void
  StructureBlend::declare_parameters(dealii::ParameterHandler &prm,
                                     const std::string        &what,
                                     const std::string        &default_law,
                                     const double              default_ratio,
                                     const std::string        &note)
  {
    prm.declare_entry(what + " blend law",
                      default_law,
                      dealii::Patterns::Selection("linear|power|exponential"),
                      "How the " + what +
                        " goes from its sol value (lambda = 0) to its gel "
                        "value (lambda = 1): linear r + (1-r) lambda; power "
                        "r + (1-r) lambda^q; exponential r^(1-lambda) "
                        "(physics.md section 3) [-].");
    prm.declare_entry(what + " sol/gel ratio",
                      std::to_string(default_ratio),
                      dealii::Patterns::Double(0., 1.),
                      "r = sol value / gel value of the " + what +
                        " [-], in (0, 1] (1: independent of lambda). " + note);
    prm.declare_entry(what + " blend exponent",
                      "1",
                      dealii::Patterns::Double(1.),
                      "q of the power law [-], >= 1 (so that df/dlambda "
                      "stays finite at lambda = 0).");
  }



  void
  StructureBlend::parse_parameters(dealii::ParameterHandler &prm,
                                   const std::string        &what)
  {
    const std::string name = prm.get(what + " blend law");
    law                    = name == "linear" ? Law::linear :
                             name == "power"  ? Law::power :
                                                Law::exponential;
    ratio                  = prm.get_double(what + " sol/gel ratio");
    exponent               = prm.get_double(what + " blend exponent");
    check(what);
  }



  void
  StructureBlend::check(const std::string &what) const
  {
    std::ostringstream msg;
    msg << what << " sol/gel ratio must be in (0, 1] (got " << ratio << ")";
    check_input(ratio > 0. && ratio <= 1., msg.str());
    msg.str("");
    msg << what << " blend exponent must be >= 1 (got " << exponent << ")";
    check_input(exponent >= 1., msg.str());
  }



  double
  StructureBlend::value(const double lambda) const
  {
    switch (law)
      {
        case Law::linear:
          return ratio + (1. - ratio) * lambda;
        case Law::power:
          return ratio + (1. - ratio) * std::pow(lambda, exponent);
        default:
          return std::pow(ratio, 1. - lambda);
      }
  }



  double
  StructureBlend::derivative(const double lambda) const
  {
    switch (law)
      {
        case Law::linear:
          return 1. - ratio;
        case Law::power:
          return (1. - ratio) * exponent * std::pow(lambda, exponent - 1.);
        default:
          return -std::log(ratio) * std::pow(ratio, 1. - lambda);
      }
  }
} // namespace FasciaFE
