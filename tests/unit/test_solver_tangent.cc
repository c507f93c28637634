/**
 * The assembled tangent of the solver against central finite differences
 * of the assembled residual, K v = (R(u + h v) - R(u - h v)) / (2 h), for
 * every model type and both formulations, with the tip in contact; and
 * patch tests: a homogeneous deformation leaves no residual at interior
 * nodes of a graded mesh.
 */
#include <deal.II/base/mpi.h>

#include <deal.II/dofs/dof_tools.h>

#include <deal.II/numerics/vector_tools.h>

#include <gtest/gtest.h>

#include "solver_fixture.h"

using namespace FasciaFE;
using namespace FasciaFE::Testing;

namespace
{
  template <int dim>
  double
  tangent_error(const std::string &text,
                const double       depth,
                bool              &contact_active)
  {
    SolverFixture<dim>         f(text);
    auto                      &sim = *f.sim;
    PETScWrappers::MPI::Vector u(sim.locally_owned, sim.comm),
      v(sim.locally_owned, sim.comm);
    f.randomize(u, 2e-5, 1 + Utilities::MPI::this_mpi_process(sim.comm));
    f.randomize(v, 1., 17 + Utilities::MPI::this_mpi_process(sim.comm));
    f.settings.tool.set_depth(depth);
    f.set_state(u, true);
    contact_active = sim.contact_summary().force[2] > 0.;
    return f.tangent_error(u, v, 1e-9);
  }

  /** small_block with a thixotropic layer (non-symmetric tangent). */
  std::string
  thixotropic_block(const std::string &model_type,
                    const std::string &symmetry,
                    const std::string &formulation,
                    const std::string &driver,
                    const std::string &reference)
  {
    std::string       text  = small_block(model_type, symmetry, formulation);
    const std::string layer = "  subsection Layer 1\n";
    text.insert(text.find(layer) + layer.size(),
                "    set Material model = thixotropic viscoelastic\n"
                "    subsection thixotropic viscoelastic\n"
                "      set Young's modulus = 1e4\n"
                "      set Poisson's ratio = 0.45\n"
                "      set Prony shear moduli = 3000, 1000\n"
                "      set Prony relaxation times = 0.3, 3\n"
                "      set Breakdown rate = 2\n"
                "      set Breakdown exponent = 1.5\n"
                "      set Breakdown driver = " +
                  driver + "\n      set " + reference +
                  "\n"
                  "    end\n");
    return text;
  }

  template <int dim>
  double
  patch_test_residual(const std::string &text, const Tensor<2, dim> &grad)
  {
    SolverFixture<dim> f(text);
    auto              &sim = *f.sim;
    f.settings.tool.set_depth(-1.); // far away: no contact
    PETScWrappers::MPI::Vector u(sim.locally_owned, sim.comm);
    struct Linear : public Function<dim>
    {
      Linear(const Tensor<2, dim> &g)
        : Function<dim>(dim)
        , g(g)
      {}
      double
      value(const Point<dim> &p, const unsigned int c) const override
      {
        return (g * p)[c];
      }
      Tensor<2, dim> g;
    } linear(grad);
    VectorTools::interpolate(sim.mapping, sim.dof_handler, linear, u);
    f.set_state(u, false);
    const IndexSet boundary = DoFTools::extract_boundary_dofs(sim.dof_handler);
    double         interior = 0., total = sim.residual.l2_norm();
    for (const auto i : sim.locally_owned)
      if (!boundary.is_element(i))
        interior = std::max(interior, std::abs(sim.residual(i)));
    interior = Utilities::MPI::max(interior, sim.comm);
    if (Utilities::MPI::this_mpi_process(sim.comm) == 0)
      std::cout << "  n_dofs " << sim.n_dofs() << ", |R| " << total
                << ", max interior |R_i| / |R| " << interior / total
                << std::endl;
    return interior / total;
  }
} // namespace

TEST(SolverTangent, AxisymmetricThreeFieldMatchesFiniteDifferences)
{
  bool active = false;
  EXPECT_LT(tangent_error<2>(small_block("axisymmetric", "half", "three-field"),
                             5e-4,
                             active),
            1e-6);
  EXPECT_TRUE(active);
}

TEST(SolverTangent, AxisymmetricDisplacementMatchesFiniteDifferences)
{
  bool active = false;
  EXPECT_LT(
    tangent_error<2>(small_block("axisymmetric", "half", "displacement"),
                     5e-4,
                     active),
    1e-6);
  EXPECT_TRUE(active);
}

TEST(SolverTangent, PlaneStrainThreeFieldMatchesFiniteDifferences)
{
  bool active = false;
  EXPECT_LT(tangent_error<2>(small_block("plane strain", "full", "three-field"),
                             5e-4,
                             active),
            1e-6);
  EXPECT_TRUE(active);
}

TEST(SolverTangent, ThreeDQuarterThreeFieldMatchesFiniteDifferences)
{
  bool active = false;
  EXPECT_LT(tangent_error<3>(small_block("3d", "quarter", "three-field"),
                             5e-4,
                             active),
            1e-6);
  EXPECT_TRUE(active);
}

TEST(SolverTangent, ThixotropicNonSymmetricTangentMatchesFiniteDifferences)
{
  // Stress driver: lambda couples to F (non-symmetric c_iso); pressure
  // driver: lambda couples to J~ (the C^T M^-1 B term of the condensed
  // tangent); both formulations.
  for (const std::string formulation : {"three-field", "displacement"})
    for (const auto &[driver, reference] :
         std::vector<std::pair<std::string, std::string>>{
           {"stress", "Reference stress = 20"},
           {"pressure", "Reference pressure = 20"}})
      {
        bool active = false;
        EXPECT_LT(tangent_error<2>(thixotropic_block("axisymmetric",
                                                     "half",
                                                     formulation,
                                                     driver,
                                                     reference),
                                   5e-4,
                                   active),
                  1e-6)
          << formulation << ", " << driver;
        EXPECT_TRUE(active);
      }
  bool active = false;
  EXPECT_LT(tangent_error<3>(thixotropic_block("3d",
                                               "quarter",
                                               "three-field",
                                               "stress",
                                               "Reference stress = 20"),
                             5e-4,
                             active),
            1e-6);
}

namespace
{
  /**
   * The myofascial preset (six layers, 0.35 mm to 30 mm thick, skin with
   * nu = 0.495 on kPa-soft fat, fibred fascia, thixotropic glide layer,
   * Ogden muscle) under the foam roller of scenarios/clinical (R = 75 mm),
   * on the scenario's coarse mesh (4 mm elements: aspect ratios up to 11).
   * With @p mu > 0 the stick points are committed and the roller then
   * rolled by @p roll (turning by roll / R) before the tangent is checked.
   */
  double
  preset_roller_tangent_error(const double mu,
                              const double roll,
                              double      &slip_fraction)
  {
    const std::string text = "subsection Geometry\n"
                             "  set Model type = plane strain\n"
                             "  set Symmetry = full\n"
                             "  set Half width x = 0.1\n"
                             "  set Contact zone radius = 0.04\n"
                             "  set Zone element size = 0.004\n"
                             "  set Grading ratio = 1.3\n"
                             "end\n"
                             "subsection Tissue\n"
                             "  set Preset = myofascial\n"
                             "end\n"
                             "subsection Contact\n"
                             "  set Friction coefficient = " +
                             std::to_string(mu) +
                             "\n"
                             "end\n"
                             "subsection Tip\n"
                             "  set Shape = roller\n"
                             "  subsection roller\n"
                             "    set Radius = 0.075\n"
                             "  end\n"
                             "end\n";
    SolverFixture<2> f(text, "myofascial");
    double           force_z = 0.;
    const double     error   = f.moved_tip_tangent_error(2e-3,
                                                   2e-6,
                                                   3,
                                                   roll,
                                                   roll / 0.075,
                                                   1e-11,
                                                   slip_fraction,
                                                   force_z);
    EXPECT_GT(force_z, 0.);
    return error;
  }
} // namespace

TEST(SolverTangent, MyofascialPresetUnderRollerMatchesFiniteDifferences)
{
  double slip = 0.;
  EXPECT_LT(preset_roller_tangent_error(0., 0., slip), 1e-6);
  // Rolled with friction: the stick points move with the roller's
  // material points (mostly stick), and slid: all slip.
  EXPECT_LT(preset_roller_tangent_error(0.5, 0.002, slip), 1e-6);
  std::cout << "  rolled, slip fraction " << slip << std::endl;
}

TEST(PatchTest, HomogeneousDeformationLeavesNoInteriorResidual)
{
  Tensor<2, 2> g2;
  g2[0][0] = 0.05;
  g2[1][1] = -0.08;
  // Axisymmetric: u_r = a r, u_z = b z is exactly homogeneous.
  EXPECT_LT(
    patch_test_residual<2>(small_block("axisymmetric", "half", "three-field"),
                           g2),
    1e-10);
  g2[0][1] = 0.1;
  g2[1][0] = 0.03;
  EXPECT_LT(
    patch_test_residual<2>(small_block("plane strain", "full", "three-field"),
                           g2),
    1e-10);
  Tensor<2, 3> g3;
  g3[0][0] = 0.04;
  g3[1][1] = -0.02;
  g3[2][2] = -0.06;
  g3[0][2] = 0.05;
  g3[1][0] = 0.02;
  EXPECT_LT(patch_test_residual<3>(small_block("3d", "full", "three-field"),
                                   g3),
            1e-10);
}

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
