#pragma once

#include <deal.II/base/parameter_handler.h>

#include <string>
#include <utility>
#include <vector>

namespace FasciaFE
{
  using namespace dealii;

  /**
   * Built-in tissue presets: named stacks of layers whose entries are set
   * in the "Tissue" section before the parameter file is read, so that the
   * file and --set options can still change any of them.
   *
   * "myofascial" (top down; defaults from ../shared/reference/physics.md,
   * key per layer):
   *   1 skin, 2 mm (1.5-2.5 mm), neo-Hookean C10 = 100 kPa (60-370 kPa in
   *     vivo, TranTh), i.e. mu = 200 kPa, nu 0.495: bulk 19.9 MPa (5-30 MPa,
   *     Tran07);
   *   2 subcutaneous fat, 6 mm (4-8 mm, DSS19), viscoelastic neo-Hookean
   *     with its defaults (G_inf 1.85 kPa, Then12; alpha 0.39, tau 700 s,
   *     Sims10);
   *   3 superficial fascia, 0.35 mm (0.13-0.56 mm, Pirri21/22),
   *     Holzapfel-Gasser-Ogden as deep fascia but with a quarter of its
   *     fibre stiffness ("lower fibre content", physics.md section 1;
   *     the factor is an assumption);
   *   4 glide layer, 0.5 mm, thixotropic viscoelastic with its defaults
   *     (no modulus measured; the hyaluronan-rich loose layer is ~40 um
   *     between fascial sub-layers and thicker at the interfaces,
   *     Benetazzo11, Stecco11: 0.5 mm lumps it into a resolvable layer, an
   *     assumption; its thixotropy constants are assumptions);
   *   5 deep fascia, 1 mm (0.6-1.9 mm, Pirri21, Stecco11),
   *     Holzapfel-Gasser-Ogden with its defaults (families 77.5 deg apart,
   *     Bonaldi23; fibre modulus ~4 MPa, Aparici25; matrix 18 kPa, Wilke22);
   *   6 muscle, 30 mm, Ogden with its defaults (Bosboom01), tone available
   *     but off.
   */
  namespace TissuePreset
  {
    /** Names for the "Tissue/Preset" selection, "none" first. */
    std::string
    names();

    /** Number of layers of a preset (0 for "none"). */
    unsigned int
    n_layers(const std::string &preset);

    /** The (path below "Tissue", value) pairs of a preset. */
    std::vector<std::pair<std::string, std::string>>
    entries(const std::string &preset);

    /** Set the entries of @p preset in @p prm (declared with n_layers). */
    void
    apply(ParameterHandler &prm, const std::string &preset);
  } // namespace TissuePreset
} // namespace FasciaFE
