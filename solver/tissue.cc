#include <solver/exceptions.h>
#include <solver/tissue.h>
#include <solver/tissue_preset.h>

#include <algorithm>

namespace FasciaFE
{
  void
  Tissue::declare_layer_count(ParameterHandler &prm)
  {
    prm.enter_subsection("Tissue");
    prm.declare_entry(
      "Number of layers",
      "1",
      Patterns::Integer(1, max_layers),
      "Number of tissue layers, counted from the top "
      "surface down; each has a subsection \"Layer k\" "
      "[-]. With a preset it must be 1 (the default) or the preset's count.");
    prm.declare_entry("Preset",
                      "none",
                      Patterns::Selection(TissuePreset::names()),
                      "A built-in stack of layers whose names, thicknesses, "
                      "models and parameters become the values of the "
                      "\"Layer k\" entries (the file and --set can still "
                      "change any of them). myofascial: skin, subcutaneous "
                      "fat, superficial fascia, glide layer (thixotropic), "
                      "deep fascia, muscle, defaults from physics.md (see "
                      "docs/models.md) [-].");
    prm.leave_subsection();
  }



  void
  Tissue::declare_parameters(ParameterHandler &prm, const unsigned int n)
  {
    declare_layer_count(prm);
    const auto &registry = MaterialRegistry::instance();
    prm.enter_subsection("Tissue");
    for (unsigned int k = 1; k <= n; ++k)
      {
        prm.enter_subsection("Layer " + std::to_string(k));
        prm.declare_entry("Name",
                          "layer " + std::to_string(k),
                          Patterns::Anything(),
                          "Layer name used in output [-].");
        prm.declare_entry("Thickness",
                          "0.05",
                          Patterns::Double(0.),
                          "Layer thickness [m]; must be > 0.");
        prm.declare_entry("Material model",
                          "neo-Hookean",
                          Patterns::Selection(registry.selection()),
                          "Constitutive model of the layer; its parameters "
                          "are in the subsection of the same name.");
        registry.declare_all(prm);
        prm.leave_subsection();
      }
    prm.leave_subsection();
  }



  void
  Tissue::parse_parameters(ParameterHandler &prm)
  {
    layers.clear();
    prm.enter_subsection("Tissue");
    const unsigned int preset_layers =
      TissuePreset::n_layers(prm.get("Preset"));
    const unsigned int n =
      preset_layers > 0 ? preset_layers : prm.get_integer("Number of layers");
    for (unsigned int k = 1; k <= n; ++k)
      {
        const std::string section = "Layer " + std::to_string(k);
        prm.enter_subsection(section);
        Layer layer;
        layer.name      = prm.get("Name");
        layer.thickness = prm.get_double("Thickness");
        layer.model     = prm.get("Material model");
        check_input(layer.thickness > 0.,
                    "Tissue/" + section + "/Thickness must be > 0 m");
        try
          {
            layer.material =
              MaterialRegistry::instance().create(layer.model, prm);
          }
        catch (const InputError &e)
          {
            throw InputError("Tissue/" + section + "/" + layer.model + ": " +
                             e.what());
          }
        prm.leave_subsection();
        layers.push_back(std::move(layer));
      }
    prm.leave_subsection();
  }



  const Material &
  Tissue::material(const types::material_id id) const
  {
    AssertThrow(id < layers.size(),
                ExcMessage("material_id " + std::to_string(id) +
                           " has no layer (the tissue has " +
                           std::to_string(layers.size()) + " layers)"));
    return *layers[id].material;
  }



  std::vector<LayerSpec>
  Tissue::layer_specs() const
  {
    std::vector<LayerSpec> specs;
    for (unsigned int k = 0; k < layers.size(); ++k)
      specs.push_back(LayerSpec{layers[k].name,
                                layers[k].thickness,
                                static_cast<types::material_id>(k)});
    return specs;
  }



  bool
  Tissue::symmetric_tangent() const
  {
    for (const auto &layer : layers)
      if (!layer.material->symmetric_tangent())
        return false;
    return true;
  }



  double
  Tissue::max_shear_modulus() const
  {
    double mu = 0.;
    for (const auto &layer : layers)
      mu = std::max(mu, layer.material->shear_modulus());
    return mu;
  }
} // namespace FasciaFE
