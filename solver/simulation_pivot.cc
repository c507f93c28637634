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
    Tool &tool = settings.tool;
    if (tool.pivoted())
      return solve_free_rotation(
        depth,
        predict,
        [&]() { return tool.pivot_angle(); },
        [&](const double a) { tool.set_pivot_angle(a); },
        [&]() { return tool.pivot_point(); },
        pivot_stiffness,
        0.5 * numbers::PI / 180.,
        "pivot");
    return solve_at_depth(depth, predict);
  }



  /**
   * Free rotation (a pivoted tip):
   * the tip settles where the moment of the contact forces about the axis
   * parallel to y through P vanishes, M_y(psi) = 0. Secant iterations
   *   psi_{i+1} = psi_i - M_i / k_i,   k_i = (M_i - M_{i-1}) / (psi_i -
   *   psi_{i-1}),
   * each a full equilibrium solve at the prescribed depth, from the last
   * step's stiffness (or a first trial turn against the moment), the change
   * per iterate limited to 5 deg. Converged when |M_y| <= 1e-4 |F| l (l the
   * larger of |P - apex| and the tip's lateral extent), or without
   * contact.
   */
  template <int dim>
  StepResult
  Simulation<dim>::solve_free_rotation(
    const double                       depth,
    const bool                         predict,
    const std::function<double()>     &angle,
    const std::function<void(double)> &set_angle,
    const std::function<Point<3>()>   &centre,
    double                            &stiffness,
    const double                       first_turn,
    const std::string                 &what)
  {
    const Tool  &tool     = settings.tool;
    const double max_turn = 5. * numbers::PI / 180.;
    StepResult   total;
    double       psi_a = angle(), M_a = 0.;
    for (unsigned int it = 0; it < 30; ++it)
      {
        const StepResult r = solve_at_depth(depth, predict && it == 0);
        total.newton_iterations += r.newton_iterations;
        total.linear_iterations += r.linear_iterations;
        total.augmentations += r.augmentations;
        total.solves = it + 1;
        if (!r.converged)
          {
            total.failure = r.failure;
            return total;
          }
        const ContactSummary c   = contact_summary();
        const Point<3>       P   = centre();
        const double         M   = c.moment_about(P)[1];
        const double         psi = angle();
        const double         lever =
          std::max((P - tool.apex()).norm(), tool.tip().lateral_extent());
        if (log && Utilities::MPI::this_mpi_process(comm) == 0)
          *log << "  " << what << " " << it + 1 << ": angle " << psi
               << " rad, moment " << M << " N m" << std::endl;
        total.force_z = r.force_z;
        if (std::abs(M) <= 1e-4 * c.force.norm() * lever)
          {
            total.converged = true;
            return total;
          }
        double k = stiffness;
        if (it > 0 && psi != psi_a)
          k = (M - M_a) / (psi - psi_a);
        double change = k != 0. ? -M / k : (M > 0. ? 1. : -1.) * first_turn;
        change        = std::clamp(change, -max_turn, max_turn);
        if (it > 0 && k != 0.)
          stiffness = k;
        psi_a = psi;
        M_a   = M;
        set_angle(psi + change);
      }
    std::ostringstream msg;
    msg << what
        << ": the moment about the axis did not vanish within 30 angle "
           "iterations (last angle "
        << psi_a << " rad, moment " << M_a << " N m)";
    total.failure = msg.str();
    return total;
  }



  template class Simulation<2>;
  template class Simulation<3>;
} // namespace FasciaFE
