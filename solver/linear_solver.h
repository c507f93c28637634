#pragma once

#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <petscksp.h>

#include <solver/parameters.h>

#include <vector>

namespace FasciaFE
{
  /**
   * The linear solves of Newton's method through PETSc's KSP: CG or GMRES
   * preconditioned by hypre BoomerAMG or PETSc GAMG, both given the
   * rigid-body modes as near-null space (MatSetNearNullSpace), or MUMPS LU.
   * A Krylov solve that does not converge is repeated with MUMPS, and the
   * fallback is counted.
   */
  class LinearSolver
  {
  public:
    LinearSolver(const LinearSolverParameters &parameters, const MPI_Comm comm);

    ~LinearSolver();

    LinearSolver(const LinearSolver &) = delete;
    LinearSolver &
    operator=(const LinearSolver &) = delete;

    /** Near-null space vectors (rigid-body modes) in the matrix layout. */
    void
    set_near_null_space(const std::vector<PETScWrappers::MPI::Vector> &modes);

    /**
     * Solve A x = b with the configured method; returns the number of
     * Krylov iterations (0 for a direct solve).
     */
    unsigned int
    solve(const PETScWrappers::MPI::SparseMatrix &A,
          PETScWrappers::MPI::Vector             &x,
          const PETScWrappers::MPI::Vector       &b);

    /** Wall time of the last solve's preconditioner set-up and solve [s]. */
    double last_setup_time = 0.;
    double last_solve_time = 0.;
    /** Number of Krylov failures rescued by MUMPS. */
    unsigned int n_fallbacks = 0;

  private:
    unsigned int
    solve_with(const std::string                      &method,
               const PETScWrappers::MPI::SparseMatrix &A,
               PETScWrappers::MPI::Vector             &x,
               const PETScWrappers::MPI::Vector       &b,
               bool                                   &converged);

    /**
     * MUMPS LU, kept from solve to solve while the matrix object stays the
     * same: its symbolic analysis (ordering, elimination tree) is done
     * once per mesh, and every Newton iteration only refactors the new
     * values numerically (PETSc's SAME_NONZERO_PATTERN path).
     */
    unsigned int
    solve_direct(const PETScWrappers::MPI::SparseMatrix &A,
                 PETScWrappers::MPI::Vector             &x,
                 const PETScWrappers::MPI::Vector       &b,
                 bool                                   &converged);

    /** The MUMPS solver and the matrix it was set up for (or null). */
    KSP direct_ksp    = nullptr;
    Mat direct_matrix = nullptr;

    LinearSolverParameters                  parameters;
    MPI_Comm                                comm;
    std::vector<PETScWrappers::MPI::Vector> null_space;
  };
} // namespace FasciaFE
