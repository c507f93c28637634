#include <models/materials/elastic_moduli.h>
#include <solver/exceptions.h>

#include <sstream>

namespace FasciaFE
{
  void
  ElasticModuli::declare_parameters(dealii::ParameterHandler &prm,
                                    const double              default_E,
                                    const double              default_nu,
                                    const std::string        &source)
  {
    using dealii::Patterns::Double;
    prm.declare_entry("Young's modulus",
                      std::to_string(default_E),
                      Double(0.),
                      "Small-strain Young's modulus E [Pa]; must be > 0. " +
                        source);
    prm.declare_entry("Poisson's ratio",
                      std::to_string(default_nu),
                      Double(-1., 0.5),
                      "Small-strain Poisson's ratio nu [-], in (-1, 0.5). "
                      "Values up to 0.4999 are handled without locking by "
                      "the three-field formulation.");
  }



  void
  ElasticModuli::parse_parameters(dealii::ParameterHandler &prm)
  {
    youngs_modulus = prm.get_double("Young's modulus");
    poisson_ratio  = prm.get_double("Poisson's ratio");
    std::ostringstream value;
    value << youngs_modulus;
    check_input(youngs_modulus > 0.,
                "Young's modulus must be > 0 Pa (got " + value.str() + ")");
    value.str("");
    value << poisson_ratio;
    check_input(poisson_ratio < 0.5 && poisson_ratio > -1.,
                "Poisson's ratio must lie in (-1, 0.5) (got " + value.str() +
                  ")");
  }
} // namespace FasciaFE
