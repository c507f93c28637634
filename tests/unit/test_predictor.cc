/**
 * The predictor of a moving tip (Simulation::shift_predictor(),
 * solver/simulation_predictor.cc): the last field carried along with the
 * tip, u(X) <- u_old(X - dx e_x); exact for a field the elements hold
 * exactly, and u_old(X) where X - dx e_x leaves the block. Runs on any
 * number of ranks (shifted points are found on other ranks).
 */
#include <deal.II/base/mpi.h>

#include <deal.II/dofs/dof_tools.h>

#include <deal.II/fe/component_mask.h>

#include <deal.II/numerics/vector_tools.h>

#include <gtest/gtest.h>

#include "solver_fixture.h"

#include <cmath>
#include <map>

using namespace FasciaFE;
using namespace FasciaFE::Testing;

namespace
{
  /** u_c = (z - z0) (a_c + b_c x): bilinear (the elements hold it
   * exactly) and zero on the clamped bottom z = z0. */
  template <int dim>
  struct Bilinear : public Function<dim>
  {
    explicit Bilinear(const double z0)
      : Function<dim>(dim)
      , z0(z0)
    {}
    double
    value(const Point<dim> &p, const unsigned int c) const override
    {
      const double a[3] = {2e-3, -1e-3, 5e-4}, b[3] = {0.3, 0.2, -0.1};
      return (p[dim - 1] - z0) * (a[c] + b[c] * p[0]);
    }
    double z0;
  };

  /**
   * Largest |u_pred(X_i) - expected_i| over the dofs, relative to max |u|,
   * with expected u(X - dx e_x) where that point is on the block, else
   * u(X); and the share of dofs whose point left the block.
   */
  template <int dim>
  double
  shift_error(const std::string &text, const double dx, double &left)
  {
    SolverFixture<dim> f(text);
    auto              &sim = *f.sim;
    double             z0 = 0., x_min = 0.;
    for (const auto &v : sim.triangulation.get_vertices())
      {
        z0    = std::min(z0, v[dim - 1]);
        x_min = std::min(x_min, v[0]);
      }
    const Bilinear<dim> u(z0);
    VectorTools::interpolate(sim.mapping, sim.dof_handler, u, sim.solution_old);
    sim.shift_predictor(dx);

    std::map<types::global_dof_index, Point<dim>> support;
    DoFTools::map_dofs_to_support_points(sim.mapping, sim.dof_handler, support);
    std::vector<IndexSet> component(dim);
    for (unsigned int c = 0; c < dim; ++c)
      {
        ComponentMask mask(dim, false);
        mask.set(c, true);
        component[c] = DoFTools::extract_dofs(sim.dof_handler, mask);
      }
    double       error = 0., scale = 0.;
    unsigned int n = 0, n_left = 0;
    for (const auto &[i, X] : support)
      if (sim.locally_owned.is_element(i))
        {
          unsigned int c = 0;
          while (!component[c].is_element(i))
            ++c;
          Point<dim> from = X;
          from[0] -= dx;
          const bool inside = from[0] >= x_min - 1e-12;
          error =
            std::max(error,
                     std::abs(sim.solution(i) - u.value(inside ? from : X, c)));
          scale = std::max(scale, std::abs(u.value(X, c)));
          ++n;
          n_left += inside ? 0 : 1;
        }
    left = double(Utilities::MPI::sum(n_left, sim.comm)) /
           Utilities::MPI::sum(n, sim.comm);
    const double relative = Utilities::MPI::max(error, sim.comm) /
                            Utilities::MPI::max(scale, sim.comm);
    if (Utilities::MPI::this_mpi_process(sim.comm) == 0)
      std::cout << "  dim " << dim << ", dx " << dx << " m: relative error "
                << relative << ", share of points off the block " << left
                << std::endl;
    return relative;
  }
} // namespace

TEST(ShiftPredictor, CarriesTheFieldAlongWithTheTip)
{
  // Plane strain (quadratic elements, graded mesh) and 3D, shifted by a
  // fraction of an element and by several elements; some support points
  // then leave the block (x < -half width) and keep their value.
  for (const double dx : {3e-4, 5e-3})
    {
      double left = 0.;
      EXPECT_LT(
        shift_error<2>(small_block("plane strain", "full", "three-field"),
                       dx,
                       left),
        1e-10)
        << "dx = " << dx;
      EXPECT_GT(left, 0.);
      EXPECT_LT(shift_error<3>(small_block("3d", "full", "three-field"),
                               dx,
                               left),
                1e-10)
        << "dx = " << dx;
      EXPECT_GT(left, 0.);
    }
}

TEST(ShiftPredictor, NoShiftKeepsTheField)
{
  double left = 1.;
  EXPECT_LT(shift_error<2>(small_block("plane strain", "full", "three-field"),
                           0.,
                           left),
            1e-12);
  EXPECT_EQ(left, 0.);
}

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
