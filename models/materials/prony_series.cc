#include <deal.II/base/utilities.h>

#include <models/materials/prony_series.h>
#include <solver/exceptions.h>

#include <sstream>

namespace FasciaFE
{
  void
  PronySeries::parse_parameters(dealii::ParameterHandler &prm)
  {
    using dealii::Utilities::split_string_list;
    using dealii::Utilities::string_to_double;
    moduli = string_to_double(split_string_list(prm.get("Prony shear moduli")));
    times =
      string_to_double(split_string_list(prm.get("Prony relaxation times")));
  }



  void
  PronySeries::check(const bool positive_moduli) const
  {
    check_input(moduli.size() == times.size(),
                "Prony shear moduli (" + std::to_string(moduli.size()) +
                  " values) and Prony relaxation times (" +
                  std::to_string(times.size()) +
                  " values) must have the same length");
    for (unsigned int a = 0; a < times.size(); ++a)
      {
        std::ostringstream msg;
        msg << "Prony relaxation times: term " << a + 1
            << " must be > 0 s (got " << times[a] << ")";
        check_input(times[a] > 0., msg.str());
        msg.str("");
        msg << "Prony shear moduli: term " << a + 1 << " must be "
            << (positive_moduli ? "> 0" : ">= 0") << " Pa (got " << moduli[a]
            << ")";
        check_input(positive_moduli ? moduli[a] > 0. : moduli[a] >= 0.,
                    msg.str());
      }
  }
} // namespace FasciaFE
