#include <solver/mesh_transfer.h>
#include <solver/simulation.h>

#include <cmath>

namespace FasciaFE
{
  /**
   * A cell is near the tip if its box [c - e, c + e] (c the centre, e half
   * its diameter) meets the region |x - x_tip| <= r (and |y - y_tip| <= r
   * in 3d), z >= -depth, in the reference configuration; its target level
   * is then that of the generated mesh plus Follow tip levels, else that
   * of the generated mesh. Refinement adds one level per mesh change, so
   * the marking is repeated until no cell is flagged.
   */
  template <int dim>
  bool
  Simulation<dim>::follow_tip(const double lateral)
  {
    const auto &d = settings.discretization;
    if (d.follow_levels == 0 ||
        (follow_done &&
         std::abs(lateral - follow_center) <= 0.25 * d.follow_radius))
      return false;
    follow_center              = lateral;
    follow_done                = true;
    const double       x_tip   = settings.tool.position_x() + lateral;
    const double       y_tip   = settings.tool.apex()[1];
    const unsigned int base    = settings.geometry.mesh_file.empty() ?
                                   settings.geometry.block.n_refinements :
                                   0;
    bool               changed = false;
    for (unsigned int pass = 0; pass <= d.follow_levels + 1; ++pass)
      {
        bool flagged = false;
        for (const auto &cell : triangulation.active_cell_iterators())
          if (cell->is_locally_owned())
            {
              const Point<3> c = Kinematics<dim>::embed(cell->center());
              const double   e = 0.5 * cell->diameter();
              const bool     near =
                std::abs(c[0] - x_tip) <= d.follow_radius + e &&
                (dim == 2 || std::abs(c[1] - y_tip) <= d.follow_radius + e) &&
                c[2] + e >= -d.follow_depth;
              const unsigned int target = base + (near ? d.follow_levels : 0);
              if (static_cast<unsigned int>(cell->level()) < target)
                cell->set_refine_flag(), flagged = true;
              else if (static_cast<unsigned int>(cell->level()) > target)
                cell->set_coarsen_flag(), flagged = true;
            }
        // Flags that the mesh rules (one level between neighbours, whole
        // families to coarsen) leave, if any.
        if (flagged)
          {
            triangulation.prepare_coarsening_and_refinement();
            flagged = false;
            for (const auto &cell : triangulation.active_cell_iterators())
              if (cell->is_locally_owned() &&
                  (cell->refine_flag_set() || cell->coarsen_flag_set()))
                flagged = true;
          }
        if (!Utilities::MPI::logical_or(flagged, comm))
          break;
        execute_mesh_change(*this);
        changed = true;
      }
    return changed;
  }



  template class Simulation<2>;
  template class Simulation<3>;
} // namespace FasciaFE
