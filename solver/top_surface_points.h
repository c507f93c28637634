#pragma once

/**
 * The loop over the contact (surface quadrature) points of the top surface
 * that the set-up of friction stick points, the transfer of contact states
 * through mesh changes and their tests share.
 */

#include <deal.II/fe/fe_values.h>

#include <solver/simulation.h>

#include <vector>

namespace FasciaFE
{
  namespace internal
  {
    /**
     * Call @p f(state, X, x, JxW) at every top-surface contact point of the
     * locally owned cells of @p sim (a Simulation, const or not): its
     * ContactPointState, its reference and current position (embedded in
     * 3d, the current one from sim.ghosted) [m] and its reference area
     * weight [m^2, or m in plane strain].
     */
    template <int dim, typename SimType, typename Function>
    void
    for_each_top_point_of(SimType &sim, const Function &f)
    {
      FEFaceValues<dim>                fv(sim.mapping,
                           sim.fe,
                           sim.face_quadrature,
                           update_values | update_quadrature_points |
                             update_JxW_values);
      const FEValuesExtractors::Vector disp(0);
      const unsigned int               n_q = sim.face_quadrature.size();
      std::vector<Tensor<1, dim>>      u(n_q);
      for (const auto &cell : sim.dof_handler.active_cell_iterators())
        if (cell->is_locally_owned() && cell->at_boundary())
          {
            const auto states = sim.contact_states.get_data(cell);
            for (const unsigned int face : cell->face_indices())
              if (cell->face(face)->at_boundary() &&
                  cell->face(face)->boundary_id() == BoundaryId::top)
                {
                  fv.reinit(cell, face);
                  fv[disp].get_function_values(sim.ghosted, u);
                  for (unsigned int q = 0; q < n_q; ++q)
                    f(*states[face * n_q + q],
                      Kinematics<dim>::embed(fv.quadrature_point(q)),
                      Kinematics<dim>::embed(fv.quadrature_point(q) + u[q]),
                      fv.JxW(q));
                }
          }
    }

    template <int dim, typename Function>
    void
    for_each_top_point(Simulation<dim> &sim, const Function &f)
    {
      for_each_top_point_of<dim>(sim, f);
    }

    template <int dim, typename Function>
    void
    for_each_top_point(const Simulation<dim> &sim, const Function &f)
    {
      for_each_top_point_of<dim>(sim, f);
    }
  } // namespace internal
} // namespace FasciaFE
