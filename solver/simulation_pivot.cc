#include <solver/simulation.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace FasciaFE
{
  template <int dim>
  StepResult
  Simulation<dim>::solve_equilibrium(const double depth, const bool predict)
  {
    if (settings.tool.pivoted())
      return solve_at_pivot(depth, predict);
    return solve_at_depth(depth, predict);
  }



  /**
   * A tip free to turn about its pivot (Tool::pivoted()) settles where the
   * moment of the contact forces about the pivot point vanishes,
   * M_y(psi) = 0, psi the pivot angle. Secant iterations
   *   psi_{i+1} = psi_i - M_i / k_i,   k_i = (M_i - M_{i-1}) / (psi_i -
   *   psi_{i-1}),
   * each a full equilibrium solve at the prescribed pivot depth, from the
   * last step's angle and stiffness (or a trial turn of 0.5 deg against
   * the moment), with the change per iterate limited to 5 deg. Converged
   * when |M_y| <= 1e-4 |F| l (l the larger of the pivot height and the
   * tip's lateral extent), or without contact.
   */
  template <int dim>
  StepResult
  Simulation<dim>::solve_at_pivot(const double depth, const bool predict)
  {
    Tool        &tool     = settings.tool;
    const double lever    = std::max(tool.pivot_point()[2] - tool.apex()[2],
                                  tool.tip().lateral_extent());
    const double max_turn = 5. * numbers::PI / 180.;
    StepResult   total;
    double       psi_a = tool.pivot_angle(), M_a = 0.;
    for (unsigned int it = 0; it < 30; ++it)
      {
        const StepResult r = solve_at_depth(depth, predict && it == 0);
        total.newton_iterations += r.newton_iterations;
        total.linear_iterations += r.linear_iterations;
        total.augmentations += r.augmentations;
        if (!r.converged)
          {
            total.failure = r.failure;
            return total;
          }
        const ContactSummary c   = contact_summary();
        const double         M   = c.moment[1];
        const double         psi = tool.pivot_angle();
        if (log && Utilities::MPI::this_mpi_process(comm) == 0)
          *log << "  pivot " << it + 1 << ": angle " << psi << " rad, moment "
               << M << " N m" << std::endl;
        total.force_z = r.force_z;
        if (std::abs(M) <= 1e-4 * c.force.norm() * lever)
          {
            total.converged = true;
            return total;
          }
        double k = pivot_stiffness;
        if (it > 0 && psi != psi_a)
          k = (M - M_a) / (psi - psi_a);
        double change =
          k != 0. ? -M / k : (M > 0. ? 1. : -1.) * 0.5 * numbers::PI / 180.;
        change = std::clamp(change, -max_turn, max_turn);
        if (it > 0 && k != 0.)
          pivot_stiffness = k;
        psi_a = psi;
        M_a   = M;
        tool.set_pivot_angle(psi + change);
      }
    std::ostringstream msg;
    msg << "pivot: the moment about the pivot did not vanish within 30 "
           "angle iterations (last angle "
        << psi_a << " rad, moment " << M_a << " N m)";
    total.failure = msg.str();
    return total;
  }



  template class Simulation<2>;
  template class Simulation<3>;
} // namespace FasciaFE
