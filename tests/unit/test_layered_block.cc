#include <deal.II/base/mpi.h>

#include <deal.II/distributed/tria.h>

#include <gtest/gtest.h>

#include <meshes/layered_block.h>
#include <solver/exceptions.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numeric>

namespace
{
  using namespace FasciaFE;

  /**
   * Skin not a multiple of h0, fascia thinner than h0 in the fine zone, deep
   * fascia thinner than the running size; zone / h0 and widths not round.
   */
  BlockSpec
  layered_spec(const ModelType type, const Symmetry symmetry)
  {
    BlockSpec spec;
    spec.type              = type;
    spec.symmetry          = symmetry;
    spec.half_width_x      = 0.03;
    spec.half_width_y      = 0.025;
    spec.layers            = {{"skin", 0.0023, 3},
                              {"fascia", 0.0005, 5},
                              {"muscle", 0.02, 7},
                              {"deep fascia", 0.001, 9},
                              {"deep muscle", 0.0117, 11}};
    spec.zone_radius       = 0.009;
    spec.zone_element_size = 2e-3;
    spec.grading           = 1.3;
    return spec;
  }

  /** Area of the horizontal cross-section (per unit length in plane strain). */
  double
  cross_section(const BlockSpec &spec)
  {
    const double W = spec.half_width_x, L = spec.half_width_y;
    const bool   half_y = (spec.symmetry == Symmetry::half_y);
    const double x = (spec.symmetry == Symmetry::full || half_y ? 2 * W : W);
    if (spec.type == ModelType::axisymmetric)
      return numbers::PI * W * W;
    return spec.type == ModelType::plane_strain ?
             x :
             x * (spec.symmetry == Symmetry::quarter || half_y ? L : 2 * L);
  }

  /**
   * Volume of the locally owned cells with material id @p id (all if
   * invalid), summed over ranks. Axisymmetric: the integral of 2 pi r by
   * the midpoint rule, exact since r is linear on these rectangular cells.
   */
  template <int dim>
  double
  volume(const parallel::distributed::Triangulation<dim> &tria,
         const bool                                       axisymmetric,
         const types::material_id id = numbers::invalid_material_id)
  {
    double local = 0.;
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned() &&
          (id == numbers::invalid_material_id || cell->material_id() == id))
        local += cell->measure() *
                 (axisymmetric ? 2 * numbers::PI * cell->center()[0] : 1.);
    return Utilities::MPI::sum(local, tria.get_communicator());
  }

  /** Counts faces per boundary id and faces with the wrong id. */
  template <int dim>
  void
  check_boundary_ids(const BlockSpec &spec)
  {
    parallel::distributed::Triangulation<dim> tria(MPI_COMM_WORLD);
    make_layered_block(spec, tria);
    const double H = spec.depth(), W = spec.half_width_x, L = spec.half_width_y,
                 tol = 1e-10 * W;
    // The planes of each variant, spelled out (not BlockSpec::symmetric_x/y).
    const bool plane_x = (spec.symmetry == Symmetry::half ||
                          spec.symmetry == Symmetry::quarter),
               plane_y = (spec.symmetry == Symmetry::quarter ||
                          spec.symmetry == Symmetry::half_y);
    std::vector<unsigned int> count(6, 0); // ids 0..4, then wrong ones
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned())
        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary())
            {
              const Point<dim> c = cell->face(f)->center();
              const double     x = std::abs(c[0]), y = std::abs(c[dim - 2]);
              const double     z = c[dim - 1]; // (in 2D, y is x again)
              const types::boundary_id expected =
                std::abs(z) < tol     ? BoundaryId::top :
                std::abs(z + H) < tol ? BoundaryId::bottom :
                plane_x && x < tol    ? BoundaryId::symmetry_x :
                plane_y && y < tol    ? BoundaryId::symmetry_y :
                std::abs(x - W) < tol || (dim == 3 && std::abs(y - L) < tol) ?
                                     BoundaryId::lateral :
                                     255;
              const types::boundary_id id = cell->face(f)->boundary_id();
              ++count[id == expected && id <= 4 ? id : 5];
            }
    Utilities::MPI::sum(count, MPI_COMM_WORLD, count);
    EXPECT_EQ(count[5], 0u) << "faces with a wrong boundary id";
    for (const unsigned int id : {0, 1, 4}) // top, bottom, lateral
      EXPECT_GT(count[id], 0u) << "boundary id " << id;
    EXPECT_EQ(count[BoundaryId::symmetry_x] > 0, plane_x);
    EXPECT_EQ(count[BoundaryId::symmetry_y] > 0, dim == 3 && plane_y);
    EXPECT_EQ(spec.symmetric_x(), plane_x);
    EXPECT_EQ(spec.symmetric_y(), dim == 3 && plane_y);
  }

  /**
   * Total and layer volumes are analytic; every cell lies between the
   * interfaces of its material's layer (so none straddles an interface).
   */
  template <int dim>
  void
  check_layers(const BlockSpec &spec)
  {
    parallel::distributed::Triangulation<dim> tria(MPI_COMM_WORLD);
    make_layered_block(spec, tria);
    const bool   axi   = (spec.type == ModelType::axisymmetric);
    const double total = cross_section(spec) * spec.depth();
    EXPECT_NEAR(volume(tria, axi), total, 1e-12 * total);
    for (const LayerSpec &layer : spec.layers)
      {
        const double expected = cross_section(spec) * layer.thickness;
        EXPECT_NEAR(volume(tria, axi, layer.material_id),
                    expected,
                    1e-12 * expected)
          << "layer " << layer.name;
      }

    std::vector<double> interfaces(1, 0.);
    for (const LayerSpec &layer : spec.layers)
      interfaces.push_back(interfaces.back() - layer.thickness);
    const double       tol   = 1e-12 * spec.depth();
    const unsigned int n     = spec.layers.size();
    unsigned int       wrong = 0;
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          const auto [low, high] = cell->bounding_box().get_boundary_points();
          const double z_min = low[dim - 1], z_max = high[dim - 1];
          // The cell must lie between the interfaces of its material's layer.
          unsigned int i = 0;
          while (i < n && spec.layers[i].material_id != cell->material_id())
            ++i;
          wrong += (i == n || z_min < interfaces[i + 1] - tol ||
                    z_max > interfaces[i] + tol);
        }
    EXPECT_EQ(Utilities::MPI::sum(wrong, MPI_COMM_WORLD), 0u);
  }

  template <int dim>
  void
  check_fine_zone(const BlockSpec &spec)
  {
    parallel::distributed::Triangulation<dim> tria(MPI_COMM_WORLD);
    make_layered_block(spec, tria);
    const double r        = spec.zone_radius;
    double       smallest = 1e300, largest_in_zone = 0.;
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          const Point<dim> c = cell->center();
          smallest           = std::min(smallest, cell->diameter());
          // Cells in the fine box |x|, |y| < r, z > -r:
          if (std::max(std::abs(c[0]), std::abs(c[dim - 2])) < r &&
              c[dim - 1] > -r)
            largest_in_zone = std::max(largest_in_zone, cell->diameter());
        }
    smallest        = Utilities::MPI::min(smallest, MPI_COMM_WORLD);
    largest_in_zone = Utilities::MPI::max(largest_in_zone, MPI_COMM_WORLD);
    // Fine cells are h0 cubes up to round-off (vertices are snapped to exact
    // sums of h0 steps): 1e-10 relative is ample. No cell is smaller.
    const double h = spec.zone_element_size * std::sqrt(dim) /
                     std::pow(2., spec.n_refinements);
    EXPECT_NEAR(smallest, h, 1e-10 * h);
    EXPECT_NEAR(largest_in_zone, h, 1e-10 * h);
  }

  /** One model variant: type and symmetry. */
  struct Variant
  {
    const char *name;
    ModelType   type;
    Symmetry    symmetry;
  };

  class LayeredBlockVariant : public ::testing::TestWithParam<Variant>
  {};

  /** Run check_2d(spec) or check_3d(spec) by the model type. */
  void
  run(const BlockSpec &spec,
      void (*check_2d)(const BlockSpec &),
      void (*check_3d)(const BlockSpec &))
  {
    (spec.type == ModelType::three_d ? check_3d : check_2d)(spec);
  }

  TEST_P(LayeredBlockVariant, BoundaryFacesHaveExpectedIdsAfterRefinement)
  {
    BlockSpec spec     = layered_spec(GetParam().type, GetParam().symmetry);
    spec.n_refinements = 1;
    run(spec, check_boundary_ids<2>, check_boundary_ids<3>);
  }

  TEST_P(LayeredBlockVariant, LayerInterfacesAreMeshPlanesAndVolumesMatch)
  {
    const BlockSpec spec = layered_spec(GetParam().type, GetParam().symmetry);
    run(spec, check_layers<2>, check_layers<3>);
  }

  TEST_P(LayeredBlockVariant, SmallestCellsNearOriginHaveSizeH0)
  {
    // One layer, zone / h0 an integer: the fine box is made of h0 cubes.
    BlockSpec spec   = layered_spec(GetParam().type, GetParam().symmetry);
    spec.layers      = {{"tissue", 0.03, 1}};
    spec.zone_radius = 0.01;
    for (; spec.n_refinements < 2; ++spec.n_refinements)
      run(spec, check_fine_zone<2>, check_fine_zone<3>);
  }

  INSTANTIATE_TEST_SUITE_P(
    AllModels,
    LayeredBlockVariant,
    ::testing::Values(
      Variant{"ThreeDFull", ModelType::three_d, Symmetry::full},
      Variant{"ThreeDHalf", ModelType::three_d, Symmetry::half},
      Variant{"ThreeDQuarter", ModelType::three_d, Symmetry::quarter},
      Variant{"ThreeDHalfY", ModelType::three_d, Symmetry::half_y},
      Variant{"PlaneStrainFull", ModelType::plane_strain, Symmetry::full},
      Variant{"PlaneStrainHalf", ModelType::plane_strain, Symmetry::half},
      Variant{"Axisymmetric", ModelType::axisymmetric, Symmetry::half}),
    [](const auto &info) { return std::string(info.param.name); });

  /** @p f must throw a one-line InputError whose message has @p part. */
  void
  expect_input_error(const std::function<void()> &f, const std::string &part)
  {
    std::string what = "(no InputError)";
    try
      {
        f();
      }
    catch (const InputError &error)
      {
        what = error.what();
      }
    EXPECT_NE(what.find(part), std::string::npos) << part << " not in " << what;
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
  }

  TEST(GradedSteps, SumExactlyStartWithH0AndGrowByAtMostGrading)
  {
    // (length, zone, h0, grading), with remainders that do not fit evenly.
    const double cases[][4] = {{0.05, 0.01, 1e-3, 1.25},
                               {0.03, 0.009, 2e-3, 1.3},
                               {1.7, 0.1, 0.03, 3.},
                               {0.0115, 0.01, 1e-3, 1.2},
                               {0.02, 0.003, 1e-3, 1.01}};
    for (const auto &[length, zone, h0, grading] : cases)
      {
        const std::vector<double> s = graded_steps(length, zone, h0, grading);
        EXPECT_DOUBLE_EQ(std::accumulate(s.begin(), s.end(), 0.), length);
        const unsigned int n_fine = std::ceil(zone / h0 - 1e-9);
        ASSERT_GT(s.size(), n_fine);
        for (unsigned int i = 0; i < n_fine; ++i)
          EXPECT_EQ(s[i], h0) << "cell " << i;
        for (unsigned int i = 1; i < s.size(); ++i)
          EXPECT_LE(s[i] / s[i - 1], grading * (1 + 1e-12)) << "cell " << i;
      }
  }

  TEST(GradedSteps, UniformRoundedCellsWhenGradingIsOne)
  {
    const std::vector<double> s = graded_steps(0.0503, 0.01, 1e-3, 1.);
    ASSERT_EQ(s.size(), 50u);
    for (const double step : s)
      EXPECT_NEAR(step, 0.0503 / 50, 1e-15);
  }

  TEST(DepthSteps, EachLayerIsSubdividedExactlyAndThinLayersGetOneCell)
  {
    const BlockSpec spec = layered_spec(ModelType::three_d, Symmetry::half);
    const std::vector<double> s = depth_steps(spec);
    double                    z = 0., top = 0.;
    unsigned int              i = 0;
    for (const LayerSpec &layer : spec.layers)
      {
        const unsigned int first  = i;
        const double       bottom = top + layer.thickness * (1 - 1e-12);
        for (; i < s.size() && z < bottom; z += s[i++]) // fine zone: <= h0
          EXPECT_TRUE(z >= spec.zone_radius ||
                      s[i] <= spec.zone_element_size * (1 + 1e-12));
        top += layer.thickness;
        EXPECT_NEAR(z, top, 1e-15) << layer.name;
        const bool thin = layer.name.find("fascia") != std::string::npos;
        EXPECT_TRUE(!thin || i == first + 1) << layer.name;
      }
    EXPECT_EQ(i, s.size());
  }

  TEST(BlockSpecValidate, AcceptsAValidSpecAndThrowsOnEachBadInput)
  {
    const BlockSpec good = layered_spec(ModelType::three_d, Symmetry::quarter);
    EXPECT_NO_THROW(good.validate());
    EXPECT_DOUBLE_EQ(good.depth(), 0.0355);
    const std::vector<std::pair<std::function<void(BlockSpec &)>, std::string>>
      bad = {
        {[](BlockSpec &s) { s.layers.clear(); }, "at least one layer"},
        {[](BlockSpec &s) { s.layers[1].thickness = 0; }, "'fascia' thickness"},
        {[](BlockSpec &s) { s.half_width_x = -1; }, "half width x (-1 m)"},
        {[](BlockSpec &s) { s.half_width_y = 0; }, "half width y (0 m)"},
        {[](BlockSpec &s) { s.grading = 0.9; }, "grading ratio (0.9)"},
        {[](BlockSpec &s) { s.grading = 3.5; }, "grading ratio (3.5)"},
        {[](BlockSpec &s) { s.zone_radius = 0; }, "zone radius (0 m)"},
        {[](BlockSpec &s) { s.zone_radius = 0.026; }, "half width y (0.025"},
        {[](BlockSpec &s) { s.zone_radius = 0.031; }, "half width x (0.03"},
        {[](BlockSpec &s) { s.zone_element_size = 0; }, "element size (0 m)"},
        {[](BlockSpec &s) { s.zone_element_size = 1e-9; }, "would need more"},
        {[](BlockSpec &s) { s.zone_element_size = 1e-5; }, "coarse mesh"},
        {[](BlockSpec &s) { s.type = ModelType::plane_strain; }, "quarter"},
        {[](BlockSpec &s) { s.type = ModelType::axisymmetric; }, "quarter"},
        {[](BlockSpec &s) {
           s.type     = ModelType::plane_strain;
           s.symmetry = Symmetry::half_y;
         },
         "half y symmetry needs a 3D model, not a plane strain one"},
        {[](BlockSpec &s) {
           s.type     = ModelType::axisymmetric;
           s.symmetry = Symmetry::full;
         },
         "axisymmetric model must use half symmetry"},
        {[](BlockSpec &s) { s.zone_element_size = 0.0095; },
         "Geometry: zone element size (0.0095 m) must be smaller than the "
         "contact zone radius (0.009 m)"}};
    for (const auto &[change, message] : bad)
      {
        BlockSpec spec = good;
        change(spec);
        expect_input_error([&]() { spec.validate(); }, message);
      }
  }

  TEST(LayeredBlock, WrongDimensionForModelTypeIsRejected)
  {
    parallel::distributed::Triangulation<2> tria(MPI_COMM_WORLD);
    const BlockSpec spec = layered_spec(ModelType::three_d, Symmetry::half);
    EXPECT_THROW(make_layered_block(spec, tria), ExceptionBase);
  }

  TEST(GmshImport, ReadsQuadsWithMaterialAndBoundaryIds)
  {
    parallel::distributed::Triangulation<2> tria(MPI_COMM_WORLD);
    read_gmsh_mesh(FASCIAFE_SOURCE_DIR "/tests/data/two_layer_quads.msh", tria);
    EXPECT_EQ(tria.n_global_active_cells(), 4u);
    EXPECT_NEAR(volume(tria, false, 1), 2e-4, 1e-16);
    EXPECT_NEAR(volume(tria, false, 2), 2e-4, 1e-16);
    std::vector<unsigned int> count(5, 0), expected = {2, 2, 2, 0, 2};
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned())
        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary())
            ++count.at(cell->face(f)->boundary_id());
    Utilities::MPI::sum(count, MPI_COMM_WORLD, count);
    EXPECT_EQ(count, expected);
  }

  TEST(GmshImport, MissingOrMalformedFileThrowsInputErrorNamingTheFile)
  {
    parallel::distributed::Triangulation<2> tria(MPI_COMM_WORLD);
    expect_input_error([&]() { read_gmsh_mesh("no/such/mesh.msh", tria); },
                       "mesh file 'no/such/mesh.msh': ");
    const unsigned int rank = Utilities::MPI::this_mpi_process(MPI_COMM_WORLD);
    const std::string  name = std::filesystem::temp_directory_path() /
                             ("fasciafe_bad_" + std::to_string(rank) + ".msh");
    std::ofstream(name) << "$MeshFormat\n2.2 0 8\n$EndMeshFormat\n"
                        << "$Nodes\n3\n1 0 0 0\n2 oops\n";
    expect_input_error([&]() { read_gmsh_mesh(name, tria); },
                       "mesh file '" + name + "': ");
    std::filesystem::remove(name);
  }
} // namespace



int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  // Checks are summed over ranks: rank 0 reports for all.
  if (Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) != 0)
    {
      auto &listeners = ::testing::UnitTest::GetInstance()->listeners();
      delete listeners.Release(listeners.default_result_printer());
    }
  return RUN_ALL_TESTS();
}
