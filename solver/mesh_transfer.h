#pragma once

/**
 * Mesh changes and checkpoints of a Simulation: the displacement vectors
 * and the material-point history are carried through adaptive refinement,
 * coarsening and repartitioning, and saved to and restored from disk
 * (possibly on another number of MPI ranks).
 *
 * Typical use between two accepted steps:
 * @code
 * for (const auto &cell : sim.triangulation.active_cell_iterators())
 *   if (cell->is_locally_owned() && wants_refinement(cell))
 *     cell->set_refine_flag();
 * execute_mesh_change(sim);
 * ...
 * save_checkpoint(sim, output_dir + "/checkpoint");
 * @endcode
 * and, to restart, on a Simulation built from the same settings:
 * @code
 * sim.setup();
 * load_checkpoint(sim, output_dir + "/checkpoint");
 * @endcode
 *
 * Mesh changes are implemented in simulation_transfer.cc (the history
 * transfer in point_state_transfer.h), checkpoints in checkpoint.cc; the
 * checkpoints of `fasciafe run` are in run_checkpoint.h.
 */

#include <solver/simulation.h>

#include <string>

namespace FasciaFE
{
  /**
   * Refine, coarsen and repartition the mesh of @p sim according to the
   * refine/coarsen flags the caller has set on locally owned cells (none:
   * a pure repartition, weighted by whatever is connected to
   * triangulation.signals.weight), carrying the state across.
   *
   * - solution, solution_old and solution_older are transferred by
   *   parallel::distributed::SolutionTransfer (interpolation to children,
   *   restriction to parents), then the new constraints (hanging nodes and
   *   boundary conditions) are distributed into them; ghosted is updated.
   * - The committed history and accumulated dissipation of every material
   *   point are transferred as in
   *   parallel::distributed::ContinuousQuadratureDataTransfer: on a refined
   *   cell they are L2-projected onto FE_DGQ(n_q_1d - 1) (with the Gauss
   *   points of the cell, an interpolation) and evaluated at the children's
   *   points; on a coarsened family the children's point values are
   *   L2-projected onto the parent's FE_DGQ(n_q_1d - 1) (deal.II 9.4's class
   *   does not implement coarsening); a cell that persists (also one that
   *   moves to another rank) keeps its values bit for bit. A polynomial of
   *   degree <= n_q_1d - 1 per direction (of the reference coordinates,
   *   so of the position on the generated block's affine cells) is
   *   reproduced exactly, and so is any data after a refinement followed
   *   by the coarsening back. The projection can leave the admissible set
   *   (overshoot near a front), so Material::bound_history() is applied at
   *   every point afterwards. The accumulated dissipation is not bounded
   *   (its integral is what the projection preserves).
   * - Dofs, constraints, sparsity, matrix and vectors are rebuilt
   *   (Simulation::setup_system()), and the linear solver's near-null space
   *   (Simulation::rebuild_linear_solver()).
   * - Contact states are created afresh on the new boundary cells and
   *   given the committed Uzawa multiplier and friction slip of the nearest
   *   old top-surface point (internal::ContactStateTransfer, solver/
   *   contact_transfer.h); persisting cells keep theirs. Output quantities
   *   of the points (stress, J, ...) are those of the next assembly.
   *
   * Call it between steps (after commit_step()), on all ranks.
   */
  template <int dim>
  void
  execute_mesh_change(Simulation<dim> &sim);

  /**
   * Write a checkpoint of @p sim under @p prefix (a path without extension;
   * the directory must exist and be shared by all ranks): the mesh
   * (triangulation.save()) to `<prefix>.mesh*`, with the three solution
   * vectors (SolutionTransfer::prepare_for_serialization()) and, per cell,
   * the exact committed state of every material point (pack_values()) and
   * the committed contact multipliers (parallel::distributed::
   * CellDataTransfer) attached to it; then the scalars (time, dt,
   * depth_old, depth_older, and the numbers of cells and dofs and a
   * fingerprint of the coarse mesh to check the restart) to
   * `<prefix>.state`, written atomically by rank 0 as the last file.
   *
   * The mesh files are first written under a temporary prefix and renamed;
   * an existing `<prefix>.state` is removed before the renaming, so that a
   * save interrupted at any point leaves either the previous complete
   * checkpoint or no `<prefix>.state` at all, never a mixture that
   * load_checkpoint() would accept. Call it after commit_step(), on all
   * ranks.
   */
  template <int dim>
  void
  save_checkpoint(const Simulation<dim> &sim, const std::string &prefix);

  /**
   * Restore the state saved by save_checkpoint() under @p prefix into
   * @p sim, which must have been built from the same settings and set up
   * (Simulation::setup()); the number of MPI ranks may differ from the
   * one of the save. The mesh of @p sim is replaced by the coarse mesh
   * (the generated block without its global refinements, or the gmsh
   * file) refined as saved; the solution vectors, histories, accumulated
   * dissipation, contact multipliers, time, dt and depths are restored
   * exactly, so that continuing the run reproduces the uninterrupted one;
   * the tool is put at depth_old, and the linear solver gets the new
   * near-null space.
   *
   * Throws an InputError naming the file, on all ranks, if the checkpoint
   * is missing or does not match the settings (dimension, coarse mesh,
   * number of cells or dofs, history sizes of the materials). Once the
   * state file has been read and checked the mesh of @p sim is replaced,
   * so after a later failure @p sim must be set up again.
   */
  template <int dim>
  void
  load_checkpoint(Simulation<dim> &sim, const std::string &prefix);

  /**
   * Whether a complete checkpoint exists under @p prefix, as seen from the
   * calling rank (save_checkpoint() writes `<prefix>.state` last).
   */
  bool
  checkpoint_exists(const std::string &prefix);
} // namespace FasciaFE
