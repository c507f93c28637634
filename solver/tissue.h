#pragma once

#include <deal.II/base/parameter_handler.h>

#include <meshes/layered_block.h>
#include <models/material.h>

#include <memory>
#include <string>
#include <vector>

namespace FasciaFE
{
  /**
   * The tissue: a stack of layers, each with a thickness and a constitutive
   * model chosen by name from the material registry. Layer k (from the top,
   * k = 1..n) has material_id k - 1.
   *
   * The number of layers is read in a first pass over the input, then one
   * subsection "Layer k" per layer is declared, holding the layer's name,
   * thickness, model name and the parameter subsections of every registered
   * model (only the selected one is used).
   */
  class Tissue
  {
  public:
    static constexpr unsigned int max_layers = 16;

    /** Declare "Tissue/Number of layers" only (first pass). */
    static void
    declare_layer_count(ParameterHandler &prm);

    /** Declare all entries for @p n_layers layers (second pass). */
    static void
    declare_parameters(ParameterHandler &prm, const unsigned int n_layers);

    /** Read the layers and build their models. */
    void
    parse_parameters(ParameterHandler &prm);

    unsigned int
    n_layers() const
    {
      return layers.size();
    }

    const Material &
    material(const types::material_id id) const;

    /** Layer specifications for the mesh generator. */
    std::vector<LayerSpec>
    layer_specs() const;

    /** Whether every layer's model has a symmetric consistent tangent. */
    bool
    symmetric_tangent() const;

    /** Largest small-strain shear modulus over the layers [Pa]. */
    double
    max_shear_modulus() const;

    struct Layer
    {
      std::string               name;
      double                    thickness = 0.;
      std::string               model;
      std::unique_ptr<Material> material;
    };

    std::vector<Layer> layers;
  };
} // namespace FasciaFE
