/**
 * Mesh changes (execute_mesh_change() of solver/mesh_transfer.h): the
 * solution vectors, the material-point history, the accumulated
 * dissipation, the contact multipliers and the friction stick points
 * through a pure repartition, global and local refinement and coarsening
 * back; the history is brought
 * back into its admissible set after a projection. Checkpoints are tested
 * by test_checkpoint.
 *
 * Runs on any number of ranks; on 2 ranks the repartition moves cells.
 */
#include <deal.II/base/mpi.h>

#include <deal.II/fe/fe_values.h>

#include <deal.II/numerics/vector_tools.h>

#include <gtest/gtest.h>

#include "transfer_fixture.h"
#include <solver/top_surface_points.h>

#include <random>

using namespace FasciaFE;
using namespace FasciaFE::Testing;

namespace
{
  /** Call f(x, q, state) at every locally owned material point. */
  template <int dim, typename Function>
  void
  for_each_point(Simulation<dim> &sim, const Function &f)
  {
    FEValues<dim> fv(sim.mapping,
                     sim.fe,
                     sim.quadrature,
                     update_quadrature_points);
    for (const auto &cell : sim.dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          fv.reinit(cell);
          const auto states = sim.point_states.get_data(cell);
          for (unsigned int q = 0; q < states.size(); ++q)
            f(fv.quadrature_point(q), q, *states[q]);
        }
  }

  /**
   * Contact multipliers smooth in the reference position (with a random
   * part) and stick points at a random elastic slip of up to 1e-5 m from
   * each point's current position in the tip frame.
   */
  template <int dim>
  void
  set_contact_state(Simulation<dim> &sim, std::mt19937 &rng)
  {
    std::uniform_real_distribution<double> u(-1., 1.);
    FasciaFE::internal::for_each_top_point(
      sim,
      [&](ContactPointState &s, const Point<3> &X, const Point<3> &x, double) {
        s.multiplier_old = 1e3 * (1. + 50. * X[0]) + 100. * u(rng);
        s.multiplier     = s.multiplier_old;
        const Tensor<1, 3> d({1e-5 * u(rng), 1e-5 * u(rng), 1e-5 * u(rng)});
        s.anchor_old = sim.settings.tool.to_material(x) - d;
        s.anchor_new = s.anchor_old;
      });
  }

  /**
   * Over all ranks: the surface integrals of the multiplier and of the
   * elastic slip x_tip_material - anchor_old (components), and the area.
   */
  template <int dim>
  std::array<double, 5>
  contact_integrals(Simulation<dim> &sim)
  {
    std::array<double, 5> I{};
    FasciaFE::internal::for_each_top_point(
      sim,
      [&](ContactPointState &s,
          const Point<3> &,
          const Point<3> &x,
          const double    w) {
        const Tensor<1, 3> d = sim.settings.tool.to_material(x) - s.anchor_old;
        I[0] += w * s.multiplier_old;
        for (unsigned int c = 0; c < 3; ++c)
          I[1 + c] += w * d[c];
        I[4] += w;
      });
    for (double &v : I)
      v = Utilities::MPI::sum(v, sim.comm);
    return I;
  }

  /** The friction coefficient (and a degree) appended to a block_text(). */
  std::string
  with_friction(const std::string &text, const unsigned int degree = 2)
  {
    return text +
           "subsection Contact\n"
           "  set Friction coefficient = 0.3\n"
           "end\n"
           "subsection Discretization\n"
           "  set Polynomial degree = " +
           std::to_string(degree) +
           "\n"
           "end\n";
  }

  /** History fields linear in the position (structure within (0, 1)). */
  template <int dim>
  std::array<double, 3>
  linear_fields(const Point<dim> &x)
  {
    const double r = x[0], z = x[dim - 1];
    return {{0.4 + 20. * r - 10. * z,
             -1. + 100. * r + 50. * z,
             5. + 300. * r - 200. * z}};
  }

  /**
   * Displacement u_x = a x (z + H), u_y = a y (z + H) / 2 (3D),
   * u_z = b (z + H)(1 + x / W): quadratic, zero on the fixed bottom and
   * normal to the symmetry planes.
   */
  template <int dim>
  class Displacement : public Function<dim>
  {
  public:
    Displacement(const double a, const double b, const Simulation<dim> &sim)
      : Function<dim>(dim)
      , a(a)
      , b(b)
      , H(sim.settings.geometry.block.depth())
      , W(sim.settings.geometry.block.half_width_x)
    {}

    double
    value(const Point<dim> &p, const unsigned int c) const override
    {
      const double z = p[dim - 1] + H;
      if (c == dim - 1)
        return b * z * (1. + p[0] / W);
      return (c == 0 ? a : 0.5 * a) * p[c] * z;
    }

  private:
    const double a, b, H, W;
  };

  /** Interpolate Displacement(a / (k + 1), ...) into the k-th vector. */
  template <int dim>
  std::vector<PETScWrappers::MPI::Vector>
  polynomial_solutions(Simulation<dim> &sim)
  {
    std::vector<PETScWrappers::MPI::Vector> v;
    for (unsigned int k = 0; k < 3; ++k)
      {
        v.emplace_back(sim.locally_owned, sim.comm);
        VectorTools::interpolate(sim.mapping,
                                 sim.dof_handler,
                                 Displacement<dim>(1. / (k + 1),
                                                   0.5 / (k + 1),
                                                   sim),
                                 v.back());
        sim.constraints.distribute(v.back());
      }
    return v;
  }

  /** Largest |u - v| over the three solution vectors and the expected. */
  template <int dim>
  double
  solution_error(Simulation<dim> &sim)
  {
    const auto   expected = polynomial_solutions(sim);
    double       error    = 0.;
    unsigned int k        = 0;
    for (const auto *v :
         {&sim.solution, &sim.solution_old, &sim.solution_older})
      {
        PETScWrappers::MPI::Vector d(*v);
        d.add(-1., expected[k++]);
        error = std::max(error, d.linfty_norm());
      }
    return error;
  }
} // namespace

namespace
{
  /** Linear history fields and quadratic solutions; returns the records. */
  template <int dim>
  void
  set_linear_state(Simulation<dim> &sim)
  {
    for_each_point(sim, [](const Point<dim> &x, unsigned int, PointState &s) {
      const auto v  = linear_fields(x);
      s.history_old = {v[0], v[1]};
      s.history_new = s.history_old;
      s.dissipated  = v[2];
    });
    const auto u       = polynomial_solutions(sim);
    sim.solution       = u[0];
    sim.solution_old   = u[1];
    sim.solution_older = u[2];
    sim.ghosted        = sim.solution;
  }

  /** Largest deviation of the history from linear_fields(). */
  template <int dim>
  double
  linear_history_error(Simulation<dim> &sim)
  {
    double e = 0.;
    for_each_point(sim, [&](const Point<dim> &x, unsigned int, PointState &s) {
      const auto v = linear_fields(x);
      e            = std::max({e,
                               std::abs(s.history_old[0] - v[0]),
                               std::abs(s.history_old[1] - v[1]),
                               std::abs(s.dissipated - v[2])});
    });
    return Utilities::MPI::max(e, sim.comm);
  }

  template <int dim>
  void
  check_repartition_and_refinement(const std::string &text)
  {
    SolverFixture<dim> f(text);
    Simulation<dim>   &sim = *f.sim;
    set_linear_state(sim);
    const Records      before = gather_records(sim);
    const unsigned int owned = sim.triangulation.n_locally_owned_active_cells();

    // Pure repartition, made to move cells by heavy cells at the tip.
    using Tria      = Triangulation<dim>;
    auto connection = sim.triangulation.signals.weight.connect(
      [](const typename Tria::cell_iterator &cell,
         const typename Tria::CellStatus) -> unsigned int {
        return (cell->center()[0] < 0.003 && cell->center()[dim - 1] > -0.003) ?
                 50 :
                 1;
      });
    execute_mesh_change(sim);
    connection.disconnect();
    const unsigned int moved = Utilities::MPI::sum(
      owned != sim.triangulation.n_locally_owned_active_cells() ? 1 : 0,
      sim.comm);
    const double repartition_error =
      max_difference(before, gather_records(sim));

    for (const auto &cell : sim.triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        cell->set_refine_flag();
    execute_mesh_change(sim);
    const double history_error = linear_history_error(sim);
    const double solution_error =
      ::solution_error(sim) / sim.solution.linfty_norm();
    if (Utilities::MPI::this_mpi_process(sim.comm) == 0)
      std::cout << "  " << dim << "D: repartition (" << moved
                << " ranks changed) max relative error " << repartition_error
                << "; global refinement to " << sim.n_active_cells()
                << " cells: history error " << history_error
                << ", relative solution error " << solution_error << std::endl;
    EXPECT_LE(repartition_error, 1e-12);
    EXPECT_LE(history_error, 1e-10);
    EXPECT_LE(solution_error, 1e-10);
    if (Utilities::MPI::n_mpi_processes(sim.comm) > 1)
      {
        EXPECT_GT(moved, 0u);
      }
  }

  /** Refine near the tip, then coarsen back: everything is restored. */
  template <int dim>
  void
  check_refine_and_coarsen(const std::string &text)
  {
    SolverFixture<dim> f(text);
    Simulation<dim>   &sim = *f.sim;
    std::mt19937       rng(3 + Utilities::MPI::this_mpi_process(sim.comm));
    std::uniform_real_distribution<double> u(0., 1.);
    // Arbitrary (non-polynomial) data; the structure stays away from the
    // bounds so that bound_history() does not act.
    for_each_point(sim, [&](const Point<dim> &, unsigned int, PointState &s) {
      s.history_old = {0.45 + 0.1 * u(rng), 2. * u(rng) - 1.};
      s.history_new = s.history_old;
      s.dissipated  = u(rng);
    });
    f.randomize(sim.solution,
                1e-4,
                5 + Utilities::MPI::this_mpi_process(sim.comm));
    f.randomize(sim.solution_old,
                1e-4,
                7 + Utilities::MPI::this_mpi_process(sim.comm));
    f.randomize(sim.solution_older,
                1e-4,
                9 + Utilities::MPI::this_mpi_process(sim.comm));
    sim.ghosted = sim.solution;
    set_contact_state(sim, rng);
    const Records      before  = gather_records(sim);
    const unsigned int n_cells = sim.n_active_cells();

    for (const auto &cell : sim.triangulation.active_cell_iterators())
      if (cell->is_locally_owned() && cell->center()[0] < 0.004 &&
          cell->center()[dim - 1] > -0.004)
        cell->set_refine_flag();
    execute_mesh_change(sim);
    const unsigned int n_refined = sim.n_active_cells();
    // The transferred (conforming) field satisfies the hanging-node
    // constraints of the new mesh.
    PETScWrappers::MPI::Vector v(sim.solution);
    sim.constraints.distribute(v);
    v.add(-1., sim.solution);
    const double constraint_error =
      v.linfty_norm() / sim.solution.linfty_norm();

    for (const auto &cell : sim.triangulation.active_cell_iterators())
      if (cell->is_locally_owned() && cell->level() > 0)
        cell->set_coarsen_flag();
    execute_mesh_change(sim);
    const double error = max_difference(before, gather_records(sim));
    if (Utilities::MPI::this_mpi_process(sim.comm) == 0)
      std::cout << "  " << dim << "D: " << n_cells << " -> " << n_refined
                << " -> " << sim.n_active_cells()
                << " cells, relative hanging-node residual " << constraint_error
                << ", max relative error after coarsening back " << error
                << std::endl;
    EXPECT_GT(n_refined, n_cells);
    EXPECT_EQ(sim.n_active_cells(), n_cells);
    EXPECT_LE(constraint_error, 1e-13);
    EXPECT_LE(error, 1e-12);
  }
} // namespace

TEST(MeshTransfer, LinearHistorySurvivesRepartitionAndRefinement2D)
{
  check_repartition_and_refinement<2>(block_text("axisymmetric", "half"));
}

TEST(MeshTransfer, LinearHistorySurvivesRepartitionAndRefinement3D)
{
  check_repartition_and_refinement<3>(block_text("3d", "quarter"));
}

TEST(MeshTransfer, RefineThenCoarsenBackRestoresEverything2D)
{
  check_refine_and_coarsen<2>(
    with_friction(block_text("axisymmetric", "half")));
}

TEST(MeshTransfer, RefineThenCoarsenBackRestoresEverything3D)
{
  check_refine_and_coarsen<3>(with_friction(block_text("3d", "quarter")));
}

/**
 * A local refinement at the tip: every new surface point takes the
 * multiplier and elastic slip of the nearest old point, so the surface
 * integrals of both (the nominal contact force and the friction slip) are
 * kept; with 2 Gauss points per face direction (degree 1) each child point
 * is nearest to the parent point on its side and the integrals are exact.
 */
template <int dim>
void
check_contact_integrals(const std::string &text)
{
  SolverFixture<dim> f(text);
  Simulation<dim>   &sim = *f.sim;
  std::mt19937       rng(11 + Utilities::MPI::this_mpi_process(sim.comm));
  f.randomize(sim.solution,
              1e-4,
              13 + Utilities::MPI::this_mpi_process(sim.comm));
  sim.ghosted = sim.solution;
  set_contact_state(sim, rng);
  const auto before = contact_integrals(sim);
  for (const auto &cell : sim.triangulation.active_cell_iterators())
    if (cell->is_locally_owned() && cell->center()[0] < 0.004 &&
        cell->center()[dim - 1] > -0.004)
      cell->set_refine_flag();
  const unsigned int n_cells = sim.n_active_cells();
  execute_mesh_change(sim);
  const auto after = contact_integrals(sim);
  double     error = 0.;
  for (unsigned int i = 0; i < 4; ++i)
    error = std::max(error,
                     std::abs(after[i] - before[i]) /
                       (i == 0 ? std::abs(before[0]) : 1e-5 * before[4]));
  if (Utilities::MPI::this_mpi_process(sim.comm) == 0)
    std::cout << "  " << dim << "D: " << n_cells << " -> "
              << sim.n_active_cells() << " cells, contact force " << before[0]
              << " -> " << after[0]
              << ", max relative change of the contact integrals " << error
              << std::endl;
  EXPECT_GT(sim.n_active_cells(), n_cells);
  EXPECT_GT(before[0], 0.);
  EXPECT_LE(std::abs(after[4] - before[4]), 1e-12 * before[4]);
  EXPECT_LE(error, 1e-10);
}

TEST(MeshTransfer, ContactStateKeepsItsSurfaceIntegrals2D)
{
  check_contact_integrals<2>(
    with_friction(block_text("plane strain", "half"), 1));
}

TEST(MeshTransfer, ContactStateKeepsItsSurfaceIntegrals3D)
{
  check_contact_integrals<3>(with_friction(block_text("3d", "quarter"), 1));
}

TEST(MeshTransfer, BoundHistoryClampsTheProjectionOvershoot)
{
  SolverFixture<2> f(block_text("axisymmetric", "half"));
  auto            &sim = *f.sim;
  // Structure 0 at the first Gauss abscissa, 1 at the last, linear in the
  // reference x in between: the children's outer points lie beyond them,
  // where the (exact) projection gives values outside [0, 1]. The second
  // history variable holds the same field, unbounded.
  double xi_min = 1., xi_max = 0.;
  for (const auto &p : sim.quadrature.get_points())
    {
      xi_min = std::min(xi_min, p[0]);
      xi_max = std::max(xi_max, p[0]);
    }
  const auto field = [&](const double xi) {
    return (xi - xi_min) / (xi_max - xi_min);
  };
  for_each_point(sim, [&](const Point<2> &, unsigned int q, PointState &s) {
    const double v = field(sim.quadrature.point(q)[0]);
    s.history_old  = {v, v};
    s.history_new  = s.history_old;
  });
  for (const auto &cell : sim.triangulation.active_cell_iterators())
    if (cell->is_locally_owned())
      cell->set_refine_flag();
  execute_mesh_change(sim);

  double lambda_min = 1., lambda_max = 0., raw_min = 1., raw_max = 0.,
         mismatch = 0.;
  for_each_point(sim, [&](const Point<2> &, unsigned int, PointState &s) {
    lambda_min = std::min(lambda_min, s.history_old[0]);
    lambda_max = std::max(lambda_max, s.history_old[0]);
    raw_min    = std::min(raw_min, s.history_old[1]);
    raw_max    = std::max(raw_max, s.history_old[1]);
    mismatch   = std::max(mismatch,
                        std::abs(s.history_old[0] -
                                 std::clamp(s.history_old[1], 0., 1.)));
  });
  lambda_min = Utilities::MPI::min(lambda_min, sim.comm);
  raw_min    = Utilities::MPI::min(raw_min, sim.comm);
  lambda_max = Utilities::MPI::max(lambda_max, sim.comm);
  raw_max    = Utilities::MPI::max(raw_max, sim.comm);
  mismatch   = Utilities::MPI::max(mismatch, sim.comm);
  if (Utilities::MPI::this_mpi_process(sim.comm) == 0)
    std::cout << "  projected range [" << raw_min << ", " << raw_max
              << "], bounded [" << lambda_min << ", " << lambda_max
              << "], |lambda - clamp(raw)| " << mismatch << std::endl;
  EXPECT_LT(raw_min, -0.05);
  EXPECT_GT(raw_max, 1.05);
  EXPECT_EQ(lambda_min, 0.);
  EXPECT_EQ(lambda_max, 1.);
  EXPECT_LE(mismatch, 1e-12);
}

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  if (Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) != 0)
    delete ::testing::UnitTest::GetInstance()->listeners().Release(
      ::testing::UnitTest::GetInstance()->listeners().default_result_printer());
  return RUN_ALL_TESTS();
}
