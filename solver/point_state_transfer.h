#pragma once

/**
 * The pieces that mesh changes (solver/simulation_transfer.cc) and
 * checkpoints (solver/checkpoint.cc) share: access to the values of the
 * material points of a cell, ghosted copies of the solution vectors, and
 * PointStateTransfer, which carries the material-point history through
 * refinement, coarsening and repartitioning. See solver/mesh_transfer.h for
 * the functions that use them.
 */

#include <deal.II/base/quadrature.h>
#include <deal.II/base/quadrature_point_data.h>

#include <deal.II/distributed/tria.h>

#include <deal.II/fe/fe_dgq.h>

#include <deal.II/lac/full_matrix.h>

#include <solver/simulation.h>

#include <array>
#include <vector>

namespace FasciaFE
{
  namespace internal
  {
    /** The three displacement vectors of @p sim, newest first. */
    template <int dim>
    std::array<PETScWrappers::MPI::Vector *, 3>
    solution_vectors(Simulation<dim> &sim)
    {
      return {{&sim.solution, &sim.solution_old, &sim.solution_older}};
    }

    /** Ghosted copies of solution, solution_old, solution_older. */
    template <int dim>
    std::vector<PETScWrappers::MPI::Vector>
    ghosted_copies(const Simulation<dim> &sim)
    {
      std::vector<PETScWrappers::MPI::Vector> copies;
      for (const auto *v :
           {&sim.solution, &sim.solution_old, &sim.solution_older})
        {
          copies.emplace_back(sim.locally_owned,
                              sim.locally_relevant,
                              sim.comm);
          copies.back() = *v;
        }
      return copies;
    }

    /** Rows: points; columns: the values of PointState::pack_values(). */
    template <typename Storage, typename CellIterator>
    FullMatrix<double>
    point_values(const Storage &storage, const CellIterator &cell)
    {
      const auto          states = storage.get_data(cell);
      const unsigned int  n      = states[0]->number_of_values();
      FullMatrix<double>  values(states.size(), n);
      std::vector<double> row;
      for (unsigned int q = 0; q < states.size(); ++q)
        {
          states[q]->pack_values(row);
          for (unsigned int i = 0; i < n; ++i)
            values(q, i) = row[i];
        }
      return values;
    }

    /** The inverse of point_values(): unpack_values() at every point. */
    template <typename Storage, typename CellIterator>
    void
    set_point_values(Storage                  &storage,
                     const CellIterator       &cell,
                     const FullMatrix<double> &values)
    {
      const auto states = storage.get_data(cell);
      AssertThrow(values.m() == states.size(),
                  ExcMessage("history transfer: wrong number of points"));
      std::vector<double> row(values.n());
      for (unsigned int q = 0; q < states.size(); ++q)
        {
          for (unsigned int i = 0; i < values.n(); ++i)
            row[i] = values(q, i);
          states[q]->unpack_values(row);
        }
    }

    /**
     * The history transfer of ContinuousQuadratureDataTransfer (projection
     * onto FE_DGQ(n_q_1d - 1) at the Gauss points), extended to coarsening
     * (L2 projection of the children's point values onto the parent) and
     * exact (unprojected) on persisting cells.
     *
     * Use: construct, prepare() before
     * Triangulation::execute_coarsening_and_refinement(), then, once the
     * storage has been initialized on the new cells, unpack().
     */
    template <int dim>
    class PointStateTransfer
    {
    public:
      using Tria = parallel::distributed::Triangulation<dim>;
      using Storage =
        CellDataStorage<typename Triangulation<dim>::cell_iterator, PointState>;

      /** @p quadrature must be a tensor-product Gauss rule. */
      PointStateTransfer(const Quadrature<dim> &quadrature, Storage &storage);

      /** Attach the packing of every cell's values to @p tria. */
      void
      prepare(Tria &tria);

      /** Unpack into the storage, initialized on the new cells. */
      void
      unpack(Tria &tria);

    private:
      std::vector<char>
      pack(const typename Tria::cell_iterator &cell,
           const typename Tria::CellStatus     status) const;

      void
      unpack_cell(
        const typename Tria::cell_iterator                             &cell,
        const typename Tria::CellStatus                                 status,
        const boost::iterator_range<std::vector<char>::const_iterator> &data);

      const FE_DGQ<dim>  fe;
      Storage           &storage;
      FullMatrix<double> to_fe, to_points, children_to_fe;
      unsigned int       handle = numbers::invalid_unsigned_int;
    };
  } // namespace internal
} // namespace FasciaFE
