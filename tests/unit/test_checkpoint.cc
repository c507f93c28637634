/**
 * Checkpoints (save_checkpoint() and load_checkpoint() of
 * solver/mesh_transfer.h): a restart from a checkpoint of a locally refined
 * mesh reproduces the uninterrupted run, a checkpoint moves between
 * numbers of ranks, and a missing checkpoint is reported.
 *
 * Runs on any number of ranks; on 2 ranks the checkpoint written by 2
 * ranks is also loaded on 1, and the other way round.
 */
#include <deal.II/base/mpi.h>

#include <gtest/gtest.h>

#include "transfer_fixture.h"

#include <filesystem>
#include <set>

#include <unistd.h>

using namespace FasciaFE;
using namespace FasciaFE::Testing;

namespace
{
  /** A fresh directory seen by all ranks, removed at the end. */
  struct SharedTempDir
  {
    SharedTempDir()
    {
      std::string p;
      if (Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) == 0)
        {
          p = (std::filesystem::temp_directory_path() /
               ("fasciafe_checkpoint_" + std::to_string(::getpid())))
                .string();
          std::filesystem::create_directories(p);
        }
      path = Utilities::MPI::broadcast(MPI_COMM_WORLD, p, 0);
    }

    ~SharedTempDir()
    {
      MPI_Barrier(MPI_COMM_WORLD);
      if (Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) == 0)
        std::filesystem::remove_all(path);
    }

    std::string path;
  };

  /** Refine the cells near the tip (hanging nodes in what follows). */
  template <int dim>
  void
  refine_near_tip(Simulation<dim> &sim)
  {
    for (const auto &cell : sim.triangulation.active_cell_iterators())
      if (cell->is_locally_owned() && cell->center()[0] < 0.003 &&
          cell->center()[dim - 1] > -0.003)
        cell->set_refine_flag();
    execute_mesh_change(sim);
  }

  /** Solve and commit the steps to t = 0.1 n for n = first, ..., last. */
  template <int dim>
  void
  run_steps(Simulation<dim>   &sim,
            const unsigned int first,
            const unsigned int last)
  {
    for (unsigned int n = first; n <= last; ++n)
      {
        const StepResult r = sim.solve_step(0.1 * n, 0.1);
        ASSERT_TRUE(r.converged) << r.failure;
        sim.commit_step();
      }
  }
} // namespace

TEST(Checkpoint, RestartReproducesTheUninterruptedRun)
{
  const std::string   text = block_text("axisymmetric", "half");
  const SharedTempDir dir;
  const std::string   prefix = dir.path + "/checkpoint";

  SolverFixture<2> a(text);
  refine_near_tip(*a.sim);
  run_steps(*a.sim, 1, 2);
  save_checkpoint(*a.sim, prefix);
  const Records saved      = gather_records(*a.sim);
  const double  saved_time = a.sim->time;
  run_steps(*a.sim, 3, 4);
  const Records uninterrupted = gather_records(*a.sim);
  double        lambda_min = 1., multiplier_max = 0.;
  for (const auto &cell : a.sim->triangulation.active_cell_iterators())
    if (cell->is_locally_owned())
      {
        for (const auto &s : a.sim->point_states.get_data(cell))
          lambda_min = std::min(lambda_min, s->history_old[0]);
        if (cell->at_boundary())
          for (const auto &s : a.sim->contact_states.get_data(cell))
            multiplier_max = std::max(multiplier_max, s->multiplier_old);
      }
  lambda_min     = Utilities::MPI::min(lambda_min, a.sim->comm);
  multiplier_max = Utilities::MPI::max(multiplier_max, a.sim->comm);

  EXPECT_TRUE(checkpoint_exists(prefix));
  std::set<std::string> files; // no temporary file left behind
  for (const auto &entry : std::filesystem::directory_iterator(dir.path))
    files.insert(entry.path().filename().string());
  const std::set<std::string> expected = {"checkpoint.mesh",
                                          "checkpoint.mesh.info",
                                          "checkpoint.mesh_fixed.data",
                                          "checkpoint.mesh_variable.data",
                                          "checkpoint.state"};
  EXPECT_EQ(files, expected);
  SolverFixture<2> b(text);
  load_checkpoint(*b.sim, prefix);
  const double restore_error = max_difference(saved, gather_records(*b.sim));
  EXPECT_EQ(b.sim->time, saved_time);
  EXPECT_EQ(b.sim->n_dofs(), a.sim->n_dofs());
  run_steps(*b.sim, 3, 4);
  const double restart_error =
    max_difference(uninterrupted, gather_records(*b.sim));
  if (Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) == 0)
    std::cout << "  " << a.sim->n_active_cells() << " cells, "
              << a.sim->n_dofs() << " dofs; structure down to " << lambda_min
              << ", multipliers up to " << multiplier_max
              << " Pa; restored state relative error " << restore_error
              << ", restarted run relative error " << restart_error
              << std::endl;
  EXPECT_LT(lambda_min, 1.);
  EXPECT_GT(multiplier_max, 0.);
  EXPECT_EQ(restore_error, 0.);
  EXPECT_LE(restart_error, 1e-10);
}

TEST(Checkpoint, MovesBetweenNumbersOfRanks)
{
  // All ranks save (twice, after a mesh change: the second save replaces
  // the first); rank 0 alone loads, runs a step and saves; all ranks load.
  const std::string   text = block_text("axisymmetric", "half");
  const SharedTempDir dir;
  const std::string   all = dir.path + "/all", one = dir.path + "/one";
  SolverFixture<2>    a(text);
  run_steps(*a.sim, 1, 1);
  save_checkpoint(*a.sim, all);
  refine_near_tip(*a.sim);
  run_steps(*a.sim, 2, 2);
  save_checkpoint(*a.sim, all);
  const Records saved_by_all = gather_records(*a.sim);

  const unsigned int rank = Utilities::MPI::this_mpi_process(MPI_COMM_WORLD);
  MPI_Comm           self;
  MPI_Comm_split(MPI_COMM_WORLD, rank == 0 ? 0 : MPI_UNDEFINED, 0, &self);
  double  error_on_one = HUGE_VAL;
  Records saved_by_one;
  if (rank == 0)
    {
      ParameterHandler prm;
      RunSettings      settings;
      ParameterFile::declare(prm, 1);
      prm.parse_input_from_string(text);
      ParameterFile::parse(prm, settings);
      {
        Simulation<2> sim(settings, self);
        sim.setup();
        load_checkpoint(sim, all);
        error_on_one = max_difference(saved_by_all, gather_records(sim));
        run_steps(sim, 3, 3);
        save_checkpoint(sim, one);
        saved_by_one = gather_records(sim);
      }
      MPI_Comm_free(&self);
    }
  error_on_one = Utilities::MPI::broadcast(MPI_COMM_WORLD, error_on_one, 0);
  saved_by_one = Utilities::MPI::broadcast(MPI_COMM_WORLD, saved_by_one, 0);

  SolverFixture<2> c(text);
  load_checkpoint(*c.sim, one);
  const double error_on_all =
    max_difference(saved_by_one, gather_records(*c.sim));
  if (rank == 0)
    std::cout << "  " << Utilities::MPI::n_mpi_processes(MPI_COMM_WORLD)
              << " -> 1 rank: max relative error " << error_on_one << "; 1 -> "
              << Utilities::MPI::n_mpi_processes(MPI_COMM_WORLD)
              << " ranks: max relative error " << error_on_all << std::endl;
  EXPECT_EQ(error_on_one, 0.);
  EXPECT_EQ(error_on_all, 0.);
  EXPECT_EQ(c.sim->time, 0.1 * 3); // as run_steps() computes it
}

TEST(Checkpoint, MissingCheckpointIsReported)
{
  SolverFixture<2> f(block_text("axisymmetric", "half"));
  EXPECT_FALSE(checkpoint_exists("/nonexistent/checkpoint"));
  EXPECT_THROW(load_checkpoint(*f.sim, "/nonexistent/checkpoint"), InputError);
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
