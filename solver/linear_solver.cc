#include <deal.II/base/timer.h>

#include <petscksp.h>

#include <solver/linear_solver.h>

namespace FasciaFE
{
  namespace
  {
    /** Abort with a readable message on a PETSc error code. */
    void
    check(const PetscErrorCode ierr, const char *call)
    {
      AssertThrow(ierr == 0,
                  ExcMessage(std::string("PETSc call ") + call +
                             " failed with error code " +
                             std::to_string(ierr)));
    }
    /**
     * Set a PETSc option unless the user already gave it, e.g. through
     * PETSC_OPTIONS="-fasciafe_pc_hypre_boomeramg_strong_threshold 0.7":
     * every option of FasciaFE's KSP carries the prefix "fasciafe_".
     */
    void
    set_default_option(const std::string &name, const std::string &value)
    {
      PetscBool set = PETSC_FALSE;
      PetscOptionsHasName(nullptr, nullptr, name.c_str(), &set);
      if (!set)
        PetscOptionsSetValue(nullptr, name.c_str(), value.c_str());
    }
  } // namespace



  LinearSolver::LinearSolver(const LinearSolverParameters &parameters,
                             const MPI_Comm                comm)
    : parameters(parameters)
    , comm(comm)
  {}



  LinearSolver::~LinearSolver()
  {
    if (direct_ksp != nullptr)
      KSPDestroy(&direct_ksp);
  }



  void
  LinearSolver::set_near_null_space(
    const std::vector<PETScWrappers::MPI::Vector> &modes)
  {
    // Copy-construct rather than copy-assign: assigning into the vectors
    // held so far fails when the mesh has been refined or repartitioned
    // (other sizes or another parallel layout).
    null_space.clear();
    null_space = modes;
  }



  unsigned int
  LinearSolver::solve(const PETScWrappers::MPI::SparseMatrix &A,
                      PETScWrappers::MPI::Vector             &x,
                      const PETScWrappers::MPI::Vector       &b)
  {
    bool               converged = false;
    const unsigned int its = solve_with(parameters.method, A, x, b, converged);
    if (converged)
      return its;
    ++n_fallbacks;
    const unsigned int direct_its = solve_with("direct", A, x, b, converged);
    AssertThrow(converged,
                ExcMessage("The direct (MUMPS) linear solve failed."));
    return its + direct_its;
  }



  unsigned int
  LinearSolver::solve_with(const std::string                      &method,
                           const PETScWrappers::MPI::SparseMatrix &A,
                           PETScWrappers::MPI::Vector             &x,
                           const PETScWrappers::MPI::Vector       &b,
                           bool                                   &converged)
  {
    if (method == "direct")
      return solve_direct(A, x, b, converged);
    Timer timer;
    KSP   ksp;
    PC    pc;
    Mat   mat = static_cast<Mat>(A);
    check(KSPCreate(comm, &ksp), "KSPCreate");
    check(KSPSetOperators(ksp, mat, mat), "KSPSetOperators");
    check(KSPGetPC(ksp, &pc), "KSPGetPC");
    check(KSPSetType(ksp, method == "cg" ? KSPCG : KSPGMRES), "KSPSetType");
    check(KSPSetTolerances(ksp,
                           parameters.tolerance,
                           PETSC_DEFAULT,
                           PETSC_DEFAULT,
                           parameters.max_iterations),
          "KSPSetTolerances");
    check(KSPSetNormType(ksp, KSP_NORM_UNPRECONDITIONED), "KSPSetNormType");
    const std::string dim_threshold = null_space.size() >= 6 ? "0.6" : "0.25";
    if (!null_space.empty())
      {
        std::vector<Vec> vecs;
        for (const auto &v : null_space)
          vecs.push_back(static_cast<const Vec &>(v));
        MatNullSpace nsp;
        check(
          MatNullSpaceCreate(comm, PETSC_FALSE, vecs.size(), vecs.data(), &nsp),
          "MatNullSpaceCreate");
        check(MatSetNearNullSpace(mat, nsp), "MatSetNearNullSpace");
        check(MatNullSpaceDestroy(&nsp), "MatNullSpaceDestroy");
      }
    check(KSPSetOptionsPrefix(ksp, "fasciafe_"), "KSPSetOptionsPrefix");
    // A longer GMRES restart than PETSc's 30: restarts stall on the
    // contact problems of large 3D meshes.
    if (method == "gmres")
      set_default_option("-fasciafe_ksp_gmres_restart", "150");
    if (parameters.preconditioner == "boomeramg")
      {
        check(PCSetType(pc, PCHYPRE), "PCSetType");
        check(PCHYPRESetType(pc, "boomeramg"), "PCHYPRESetType");
        // Elasticity settings: aggressive coarsening off, HMIS
        // coarsening with extended+i interpolation, strong threshold
        // suited to 3D vector problems (hypre user manual).
        set_default_option("-fasciafe_pc_hypre_boomeramg_strong_threshold",
                           dim_threshold);
        set_default_option("-fasciafe_pc_hypre_boomeramg_coarsen_type", "HMIS");
        set_default_option("-fasciafe_pc_hypre_boomeramg_interp_type", "ext+i");
        set_default_option("-fasciafe_pc_hypre_boomeramg_P_max", "4");
        set_default_option("-fasciafe_pc_hypre_boomeramg_agg_nl", "1");
        check(PCSetFromOptions(pc), "PCSetFromOptions");
      }
    else
      {
        check(PCSetType(pc, PCGAMG), "PCSetType");
        set_default_option("-fasciafe_pc_gamg_threshold", "0.01");
        set_default_option("-fasciafe_pc_gamg_square_graph", "1");
        check(PCSetFromOptions(pc), "PCSetFromOptions");
      }
    check(KSPSetFromOptions(ksp), "KSPSetFromOptions");
    x = 0.;
    check(KSPSetUp(ksp), "KSPSetUp");
    check(PCSetUp(pc), "PCSetUp");
    last_setup_time = timer.wall_time();
    timer.restart();
    check(KSPSolve(ksp,
                   static_cast<const Vec &>(b),
                   static_cast<const Vec &>(x)),
          "KSPSolve");
    last_solve_time = timer.wall_time();
    KSPConvergedReason reason;
    PetscInt           its = 0;
    check(KSPGetConvergedReason(ksp, &reason), "KSPGetConvergedReason");
    check(KSPGetIterationNumber(ksp, &its), "KSPGetIterationNumber");
    check(KSPDestroy(&ksp), "KSPDestroy");
    converged = reason > 0;
    return static_cast<unsigned int>(its);
  }



  unsigned int
  LinearSolver::solve_direct(const PETScWrappers::MPI::SparseMatrix &A,
                             PETScWrappers::MPI::Vector             &x,
                             const PETScWrappers::MPI::Vector       &b,
                             bool                                   &converged)
  {
    Timer timer;
    Mat   mat = static_cast<Mat>(A);
    // (The KSP holds a reference to its matrix, so a new matrix object
    // never reuses the old one's address while it is compared.)
    if (direct_ksp != nullptr && direct_matrix != mat)
      check(KSPDestroy(&direct_ksp), "KSPDestroy");
    const bool reused = direct_ksp != nullptr;
    if (direct_ksp == nullptr)
      {
        PC pc;
        check(KSPCreate(comm, &direct_ksp), "KSPCreate");
        check(KSPSetType(direct_ksp, KSPPREONLY), "KSPSetType");
        check(KSPGetPC(direct_ksp, &pc), "KSPGetPC");
        check(PCSetType(pc, PCLU), "PCSetType");
        check(PCFactorSetMatSolverType(pc, MATSOLVERMUMPS),
              "PCFactorSetMatSolverType");
        check(KSPSetOptionsPrefix(direct_ksp, "fasciafe_"),
              "KSPSetOptionsPrefix");
        check(KSPSetFromOptions(direct_ksp), "KSPSetFromOptions");
        direct_matrix = mat;
      }
    // Same matrix object with new values: PCSetUp refactors numerically.
    check(KSPSetOperators(direct_ksp, mat, mat), "KSPSetOperators");
    x = 0.;
    check(KSPSetUp(direct_ksp), "KSPSetUp");
    last_setup_time = timer.wall_time();
    timer.restart();
    check(KSPSolve(direct_ksp,
                   static_cast<const Vec &>(b),
                   static_cast<const Vec &>(x)),
          "KSPSolve");
    last_solve_time = timer.wall_time();
    KSPConvergedReason reason;
    check(KSPGetConvergedReason(direct_ksp, &reason), "KSPGetConvergedReason");
    converged = reason > 0;
    // A refactorization on the old analysis can fail where a fresh one
    // succeeds (delayed pivots needing more memory): retry once afresh.
    if (!converged && reused)
      {
        check(KSPDestroy(&direct_ksp), "KSPDestroy");
        return solve_direct(A, x, b, converged);
      }
    return 0;
  }
} // namespace FasciaFE
