/**
 * The "myofascial" tissue preset: six layers in the documented order with
 * thicknesses inside the literature ranges of physics.md section 1, the
 * thixotropic model in the glide layer, values that the parameter file and
 * --set override, and a clear error when Number of layers contradicts it.
 */
#include <deal.II/base/mpi.h>

#include <gtest/gtest.h>

#include <solver/exceptions.h>
#include <solver/parameter_file.h>

#include <cstdio>
#include <fstream>
#include <string>

#include <unistd.h>

using namespace FasciaFE;

namespace
{
  /** Read a parameter text through the full two-pass reader. */
  RunSettings
  read(const std::string &text, const std::vector<std::string> &set = {})
  {
    // One file per call and process: ctest runs the cases in parallel.
    static unsigned int n    = 0;
    const std::string   file = "test_tissue_preset_" +
                             std::to_string(::getpid()) + "_" +
                             std::to_string(n++) + ".prm";
    std::ofstream(file) << text;
    ParameterHandler prm;
    ParameterFile::read(prm, file, set);
    RunSettings settings;
    ParameterFile::parse(prm, settings);
    std::remove(file.c_str());
    return settings;
  }

  const std::string preset = "subsection Tissue\n"
                             "  set Preset = myofascial\n"
                             "end\n";
} // namespace

TEST(TissuePreset, MyofascialHasSixLayersWithinLiteratureRanges)
{
  const RunSettings s = read(preset);
  ASSERT_EQ(s.tissue.n_layers(), 6u);
  // name, model, thickness range [m] (physics.md section 1; the glide
  // layer and the muscle depth are documented assumptions).
  const struct
  {
    const char *name, *model;
    double      t_min, t_max;
  } expected[6] = {
    {"skin", "neo-Hookean", 1.5e-3, 2.5e-3},
    {"fat", "viscoelastic neo-Hookean", 4e-3, 8e-3},
    {"superficial fascia", "Holzapfel-Gasser-Ogden", 0.13e-3, 0.56e-3},
    {"glide layer", "thixotropic viscoelastic", 40e-6, 1e-3},
    {"deep fascia", "Holzapfel-Gasser-Ogden", 0.6e-3, 1.9e-3},
    {"muscle", "Ogden", 10e-3, 50e-3}};
  for (unsigned int k = 0; k < 6; ++k)
    {
      const auto &layer = s.tissue.layers[k];
      EXPECT_EQ(layer.name, expected[k].name);
      EXPECT_EQ(layer.model, expected[k].model);
      EXPECT_GE(layer.thickness, expected[k].t_min) << layer.name;
      EXPECT_LE(layer.thickness, expected[k].t_max) << layer.name;
    }
  // Skin: C10 in 60-370 kPa (mu = 2 C10) and bulk modulus in 5-30 MPa.
  const Material &skin = s.tissue.material(0);
  EXPECT_GE(skin.shear_modulus(), 2 * 60e3);
  EXPECT_LE(skin.shear_modulus(), 2 * 370e3);
  EXPECT_GE(skin.bulk_modulus(), 5e6);
  EXPECT_LE(skin.bulk_modulus(), 30e6);
  // Only the glide layer is thixotropic (non-symmetric tangent).
  for (unsigned int k = 0; k < 6; ++k)
    EXPECT_EQ(s.tissue.material(k).symmetric_tangent(), k != 3) << k;
}

TEST(TissuePreset, FileAndSetOptionsOverrideThePreset)
{
  const RunSettings s =
    read(preset + "subsection Tissue\n"
                  "  subsection Layer 2\n"
                  "    set Thickness = 0.0045\n"
                  "  end\n"
                  "end\n",
         {"Tissue/Layer 4/Material model=viscoelastic neo-Hookean"});
  EXPECT_DOUBLE_EQ(s.tissue.layers[1].thickness, 0.0045);
  EXPECT_EQ(s.tissue.layers[3].model, "viscoelastic neo-Hookean");
  EXPECT_EQ(s.tissue.layers[3].name, "glide layer");
  // The preset can also be chosen on the command line.
  const RunSettings t = read("", {"Tissue/Preset=myofascial"});
  EXPECT_EQ(t.tissue.n_layers(), 6u);
}

TEST(TissuePreset, ContradictingLayerCountIsRejected)
{
  try
    {
      read(preset + "subsection Tissue\n  set Number of layers = 4\nend\n");
      FAIL();
    }
  catch (const InputError &e)
    {
      EXPECT_NE(std::string(e.what()).find(
                  "Tissue/Number of layers = 4 conflicts with Tissue/Preset "
                  "= myofascial (6 layers)"),
                std::string::npos)
        << e.what();
    }
}

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
