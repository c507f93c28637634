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
        5. * numbers::PI / 180.,
        "pivot");
    // Free rolling: the turn about the rolling axis through (0, 0, r) of
    // the tip frame, in steps of a fraction of the contact-zone element
    // (a turn of h0 / r slides the contact by h0 if it sticks).
    const Protocol &p = settings.protocol;
    if (p.free_rolling && p.phases[phase].rolling &&
        settings.contact.friction_coefficient > 0.)
      {
        const double r = tool.tip().rolling_radius();
        return solve_free_rotation(
          depth,
          predict,
          [&]() { return tool.rolled_angle(); },
          [&](const double a) { tool.set_lateral(tool.lateral_offset(), a); },
          [&]() { return tool.from_material(Point<3>(0., 0., r)); },
          roll_stiffness,
          0.01 * h0 / r,
          0.5 * h0 / r,
          "rolling");
      }
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
   * per iterate limited to @p max_turn; once angles of both signs of M are
   * known, an iterate outside them is replaced by their midpoint (the
   * moment of a rolling tip with friction saturates at slip, where the
   * secant would overshoot). Converged when |M_y| <= 1e-4 |F| l (l the
   * larger of |P - apex| and the tip's lateral extent), or without
   * contact. Used by a pivoted tip (P the pivot) and by free rolling (P on
   * the rolling axis).
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
    const double                       max_turn,
    const std::string                 &what)
  {
    const Tool &tool = settings.tool;
    StepResult  total;
    double      psi_a = angle(), M_a = 0.;
    // Angles with M < 0 and M > 0, once found.
    bool   have_negative = false, have_positive = false;
    double psi_negative = 0., psi_positive = 0.;
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
        if (M < 0.)
          have_negative = true, psi_negative = psi;
        else
          have_positive = true, psi_positive = psi;
        double k = stiffness;
        if (it > 0 && psi != psi_a)
          k = (M - M_a) / (psi - psi_a);
        double change = k != 0. ? -M / k : (M > 0. ? 1. : -1.) * first_turn;
        change        = std::clamp(change, -max_turn, max_turn);
        if (it > 0 && k != 0.)
          stiffness = k;
        psi_a           = psi;
        M_a             = M;
        double psi_next = psi + change;
        if (have_negative && have_positive &&
            !(psi_next > std::min(psi_negative, psi_positive) &&
              psi_next < std::max(psi_negative, psi_positive)))
          psi_next = 0.5 * (psi_negative + psi_positive);
        set_angle(psi_next);
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
