#include <deal.II/base/utilities.h>

#include <solver/tissue_preset.h>

namespace FasciaFE
{
  namespace TissuePreset
  {
    std::string
    names()
    {
      return "none|myofascial";
    }



    std::vector<std::pair<std::string, std::string>>
    entries(const std::string &preset)
    {
      if (preset != "myofascial")
        return {};
      const std::string hgo = "Holzapfel-Gasser-Ogden";
      return {
        {"Layer 1/Name", "skin"},
        {"Layer 1/Thickness", "0.002"},
        {"Layer 1/Material model", "neo-Hookean"},
        {"Layer 1/neo-Hookean/Young's modulus", "598000"},
        {"Layer 1/neo-Hookean/Poisson's ratio", "0.495"},
        {"Layer 2/Name", "fat"},
        {"Layer 2/Thickness", "0.006"},
        {"Layer 2/Material model", "viscoelastic neo-Hookean"},
        {"Layer 3/Name", "superficial fascia"},
        {"Layer 3/Thickness", "0.00035"},
        {"Layer 3/Material model", hgo},
        {"Layer 3/" + hgo + "/Fibre stiffness k1", "246625"},
        {"Layer 4/Name", "glide layer"},
        {"Layer 4/Thickness", "0.0005"},
        {"Layer 4/Material model", "thixotropic viscoelastic"},
        {"Layer 5/Name", "deep fascia"},
        {"Layer 5/Thickness", "0.001"},
        {"Layer 5/Material model", hgo},
        {"Layer 6/Name", "muscle"},
        {"Layer 6/Thickness", "0.03"},
        {"Layer 6/Material model", "Ogden"},
      };
    }



    unsigned int
    n_layers(const std::string &preset)
    {
      return preset == "myofascial" ? 6 : 0;
    }



    void
    apply(ParameterHandler &prm, const std::string &preset)
    {
      prm.enter_subsection("Tissue");
      for (const auto &[path, value] : entries(preset))
        {
          const auto parts = Utilities::split_string_list(path, '/');
          for (unsigned int i = 0; i + 1 < parts.size(); ++i)
            prm.enter_subsection(parts[i]);
          prm.set(parts.back(), value);
          for (unsigned int i = 0; i + 1 < parts.size(); ++i)
            prm.leave_subsection();
        }
      prm.leave_subsection();
    }
  } // namespace TissuePreset
} // namespace FasciaFE
