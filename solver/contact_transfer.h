#pragma once

/**
 * Carrying the committed contact state (Uzawa multiplier and friction
 * stick point) of the top surface through a mesh change; used by
 * execute_mesh_change() (solver/simulation_transfer.cc).
 *
 * The surface points of a changed mesh are not those of the old one, and
 * a contact point's state is not a field that the cells can interpolate,
 * so the transfer is by nearest point in the reference configuration: each
 * new point takes the multiplier of the old point nearest to it, and its
 * stick point is put where the old point's elastic tangential slip,
 *   d = x_tip_material(old point) - anchor_old(old point),
 * is reproduced at the new point's own current position:
 *   anchor_old(new) = x_tip_material(new point) - d.
 * A point on a cell that persists finds itself at distance 0 and keeps its
 * values (the anchor to rounding); after a refinement the children's points
 * take the values of the nearest parent point, and coarsening back restores
 * the parent's values (for the Gauss points of every allowed degree, 1 to 4,
 * each parent point is the nearest to the child point nearest to it). With
 * degree 1 each child point is nearest to the parent point on its side, so
 * the surface integrals of the multiplier and of the slip are kept
 * exactly. The multiplier is a
 * nominal pressure, so the copy keeps its meaning; the next augmentations
 * adjust it to the new mesh.
 */

#include <solver/simulation.h>

#include <array>
#include <vector>

namespace FasciaFE
{
  namespace internal
  {
    template <int dim>
    class ContactStateTransfer
    {
    public:
      /**
       * Record the committed state of every top-surface point of the
       * locally owned cells of @p sim and share it with all ranks. Call
       * before the mesh changes, with sim.ghosted the committed solution.
       */
      void
      prepare(const Simulation<dim> &sim);

      /**
       * Give the top-surface points of the new mesh the state of the old
       * points nearest to them. Call after the contact states have been
       * recreated and sim.ghosted holds the transferred solution.
       */
      void
      unpack(Simulation<dim> &sim) const;

      /** Number of old points recorded (over all ranks). */
      unsigned int
      n_points() const
      {
        return records.size();
      }

    private:
      /** Reference position [m], multiplier [Pa], slip d [m]. */
      struct Record
      {
        Point<3>     reference;
        double       multiplier;
        Tensor<1, 3> slip;
      };

      /** Sorted by reference x. */
      std::vector<Record> records;
    };
  } // namespace internal
} // namespace FasciaFE
