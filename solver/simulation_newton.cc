#include <solver/simulation.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace FasciaFE
{
  /**
   * Newton-Raphson at fixed contact multipliers: K du = -R with the
   * consistent tangent, then a backtracking line search that halves the
   * step until the residual norm decreases, ||R(u + a du)|| <=
   * (1 - 1e-4 a) ||R(u)||, or rejects it. Converged when
   * ||R|| <= max(atol, rtol * max_k ||R_k||) (k over the whole step,
   * all augmentations) or, after the first
   * iteration, ||du|| <= utol max(||u||, h0).
   * A deformation with det F <= 0 anywhere fails the attempt.
   */
  template <int dim>
  StepResult
  Simulation<dim>::newton()
  {
    const auto                &prm = settings.newton;
    StepResult                 result;
    PETScWrappers::MPI::Vector update(locally_owned, comm);
    double                     r_ref = 0., update_norm = 0.;
    assemble(true);
    for (unsigned int it = 0;; ++it)
      {
        if (inverted)
          {
            result.failure = "det F <= 0 (element inverted)";
            return result;
          }
        const double r = residual.l2_norm();
        if (!std::isfinite(r))
          {
            result.failure = "non-finite residual";
            return result;
          }
        r_ref = std::max(r_ref, r);
        // Converged on the residual, or, once Newton has moved, on an
        // update at round-off level (the residual then sits on its
        // floor of about 1e-16 times the internal forces).
        const bool residual_ok =
          r <= absolute_tolerance ||
          (it > 0 && r <= prm.residual_tolerance * r_ref);
        // (relative to h0 while u is smaller: an unloaded block has a
        // residual at round-off but no displacement to compare with)
        const bool update_ok =
          it > 0 && update_norm <=
                      prm.update_tolerance * std::max(solution.l2_norm(), h0);
        if (residual_ok || update_ok)
          {
            result.converged = true;
            return result;
          }
        if (it == prm.max_iterations)
          {
            std::ostringstream msg;
            msg << "Newton did not converge in " << prm.max_iterations
                << " iterations (residual " << r << " N, reference " << r_ref
                << " N)";
            result.failure = msg.str();
            return result;
          }

        PETScWrappers::MPI::Vector rhs(residual);
        rhs *= -1.;
        const unsigned int n_linear =
          linear_solver->solve(system_matrix, update, rhs);
        result.linear_iterations += n_linear;
        const double assembly_time = last_assembly_time;
        constraints.distribute(update);
        ++result.newton_iterations;

        // Full step first; back-track with residual-only assemblies. If no
        // step length decreases the residual enough (typically while the
        // contact zone changes), the best one tried is taken.
        double alpha = 1.;
        solution.add(alpha, update);
        ghosted = solution;
        assemble(true);
        double       r_new      = inverted ? HUGE_VAL : residual.l2_norm();
        double       best_alpha = alpha, best_r = r_new;
        unsigned int n_ls = 0;
        while (prm.line_search && n_ls < prm.max_line_search &&
               !(r_new <= (1. - 1e-4 * alpha) * r) &&
               !(r_new <= absolute_tolerance))
          {
            solution.add(-0.5 * alpha, update);
            alpha *= 0.5;
            ghosted = solution;
            assemble(false);
            r_new = inverted ? HUGE_VAL : residual.l2_norm();
            if (r_new < best_r)
              {
                best_r     = r_new;
                best_alpha = alpha;
              }
            ++n_ls;
          }
        if (n_ls > 0 && !(r_new <= (1. - 1e-4 * alpha) * r) &&
            best_alpha != alpha)
          {
            solution.add(best_alpha - alpha, update);
            alpha   = best_alpha;
            r_new   = best_r;
            ghosted = solution;
          }
        if (n_ls > 0)
          assemble(true);
        update_norm = alpha * update.l2_norm();
        if (log && Utilities::MPI::this_mpi_process(comm) == 0)
          *log << "  newton " << it + 1 << ": |R| " << r << " N -> " << r_new
               << " N, step " << alpha << ", |du| " << update_norm
               << " m, linear " << n_linear << " its (setup "
               << linear_solver->last_setup_time << " s, solve "
               << linear_solver->last_solve_time << " s), assembly "
               << assembly_time << " s" << std::endl;
      }
  }



  template <int dim>
  StepResult
  Simulation<dim>::solve_step(const double t, const double step)
  {
    time                   = t;
    dt                     = step;
    const Protocol    &p   = settings.protocol;
    const unsigned int now = p.phase_index(t - 0.5 * step);
    if (now != phase)
      {
        phase             = now;
        phase_start_depth = depth_old;
        phase_start_force = force_old;
      }
    // The lateral offset is prescribed in every phase; a rolling tip turns
    // by the distance over its rolling radius (driven rolling, and the
    // first guess of free rolling).
    const double x     = p.lateral(now, t);
    double       theta = roll_angle_old;
    if (p.phases[now].rolling)
      theta += (x - lateral_old) / settings.tool.tip().rolling_radius();
    settings.tool.set_lateral(x, theta);
    if (p.force_controlled(now))
      return solve_at_force(p.force(now, t, phase_start_force),
                            depth_old == phase_start_depth);
    return solve_equilibrium(p.depth(now, t, phase_start_depth), true);
  }



  template <int dim>
  StepResult
  Simulation<dim>::solve_at_depth(const double depth, const bool predict)
  {
    depth_current = depth;
    settings.tool.set_depth(depth);
    // Penetration relative to the current depth; before the tip reaches
    // the surface, relative to 1e-3 h0.
    const double tolerance =
      settings.contact.penetration_tolerance * std::max(depth, 1e-3 * h0);

    // Predictor: a tip that moves laterally carries the last field along
    // (shift_predictor()); otherwise the last step's displacement
    // increment, scaled by the ratio of the depth increments (none in a
    // hold, and none after a lateral move: that increment is the moving
    // contact, not a change of depth). When the last step hardly changed
    // the depth (after a hold: a force hold creeps by microns) but this one
    // does, the field is scaled instead, u = u_old d / d_old (d / d_old
    // clamped to [0, 2]): the indentation of an unloading tip springs back
    // with it. From u_old alone, Newton's first step, without the contact
    // that lifted off, overshot the spring-back tenfold on the myofascial
    // preset and the unloading steps stalled.
    const double shift = settings.tool.lateral_offset() - lateral_old;
    // In a cyclic phase the field one cycle earlier is a far better guess
    // than the extrapolation of steps that move the tip by up to 40 % of
    // its depth (massage gun: 8 steps per cycle).
    if (predict && shift != 0.)
      shift_predictor(shift);
    else if (predict && periodic_predictor != nullptr)
      solution = *periodic_predictor;
    else if (predict)
      {
        solution               = solution_old;
        const double increment = depth - depth_old;
        const double last      = depth_old - depth_older;
        if (std::abs(last) >= 0.1 * std::abs(increment))
          {
            if (last != 0. && lateral_old == lateral_older)
              {
                const double ratio = std::clamp(increment / last, -1., 2.);
                solution.add(ratio, solution_old, -ratio, solution_older);
              }
          }
        else if (depth_old > 0.)
          solution *= std::clamp(depth / depth_old, 0., 2.);
      }
    if (predict)
      {
        ghosted                 = solution;
        step_residual_reference = 0.;
      }

    StepResult total;
    for (unsigned int aug = 0;; ++aug)
      {
        const StepResult r = newton();
        total.newton_iterations += r.newton_iterations;
        total.linear_iterations += r.linear_iterations;
        if (!r.converged)
          {
            total.failure = r.failure;
            return total;
          }
        const ContactSummary contact     = contact_summary();
        const double         penetration = contact.max_penetration;
        if (penetration <= tolerance)
          {
            total.force_z   = contact.force[2];
            total.converged = true;
            return total;
          }
        if (aug == settings.contact.max_augmentations)
          {
            std::ostringstream msg;
            msg << "contact: penetration " << penetration << " m still above "
                << tolerance << " m after " << aug
                << " augmentations (raise Contact/Penalty factor)";
            total.failure = msg.str();
            return total;
          }
        if (log && Utilities::MPI::this_mpi_process(comm) == 0)
          *log << "  augmentation " << aug + 1 << ": penetration "
               << penetration << " m > " << tolerance << " m" << std::endl;
        update_multipliers();
        ++total.augmentations;
      }
  }



  /**
   * Force control: find the depth d at which the tip's reaction force
   * F(d) equals the target F*, by secant iterations
   *   d_{i+1} = d_i + (F* - F_i) / k_i,  k_i = (F_i - F_{i-1}) / (d_i -
   * d_{i-1}), each a full equilibrium solve from the previous iterate, starting
   * from the last step's secant stiffness (or 1.5 F/d, the Hertz slope; with
   * neither, e.g. from first contact, a first trial 0.05 h0 deeper: deeper
   * trials into the undeformed myofascial preset failed and were halved
   * three times), with
   * the depth change per iteration limited to max(2 h0, |d|), each later
   * trial starting from the secant extrapolation of the converged fields
   * (docs/protocols.md). Converged when |F - F*| <= tol F*.
   */
  template <int dim>
  StepResult
  Simulation<dim>::solve_at_force(const double target, const bool first)
  {
    const double tol = settings.protocol.force_tolerance * target;
    double       d_a = depth_old, F_a = force_old;
    double       k_est = force_stiffness > 0.   ? force_stiffness :
                         (F_a > 0. && d_a > 0.) ? 1.5 * F_a / d_a :
                                                  0.;
    // The deepest the tip may go (Protocol/Maximum depth).
    const double d_max = settings.protocol.max_depth_limit > 0. ?
                           settings.protocol.max_depth_limit :
                           0.5 * settings.geometry.block.depth();
    auto         next  = [&](const double d, const double F) {
      double       change = k_est > 0. ? (target - F) / k_est : 0.05 * h0;
      const double limit = std::max(2. * h0, std::abs(d));
      return std::min(d + std::clamp(change, -limit, limit), d_max);
    };
    // Within a force hold, the first trial extrapolates the creep of the
    // last step, d_old + (d_old - d_older) dt / dt_old (not while the force
    // changes: the secant step already accounts for the last step's depth
    // increment, and adding it put the trials of a force ramp twice as deep
    // as needed).
    double d = next(d_a, F_a);
    if (!first && dt_old > 0. && std::abs(target - F_a) <= 2. * tol)
      d += std::clamp((depth_old - depth_older) * dt / dt_old, -h0, h0);
    StepResult                 total;
    PETScWrappers::MPI::Vector good = solution_old; // last converged iterate
    // The converged state before it, at d_previous: at first the last two
    // committed steps, unless the tip has moved laterally since (those
    // fields belong to other tip positions).
    PETScWrappers::MPI::Vector previous   = solution_older;
    double                     d_previous = depth_older;
    const bool moved         = settings.tool.lateral_offset() != lateral_old;
    bool       have_previous = !moved && lateral_old == lateral_older;
    // Every later trial starts from the secant extrapolation of the two
    // converged states to the new depth,
    //   u = u_a + (d - d_a) / (d_a - d_b) (u_a - u_b),
    // (u_a alone without a second one; the ratio clamped to [-1, 8]): the
    // field of a tip pressed deeper is close to a scaled one, and Newton
    // from the last iterate failed on the myofascial preset when the trial
    // went more than about 0.05 h0 deeper.
    auto predict_trial = [&](const double depth) {
      solution = good;
      if (have_previous && d_a != d_previous)
        {
          const double ratio =
            std::clamp((depth - d_a) / (d_a - d_previous), -1., 8.);
          solution.add(ratio, good, -ratio, previous);
        }
      ghosted = solution;
    };
    unsigned int halvings = 0, n_converged = 0;
    for (unsigned int it = 0; it < 40; ++it)
      {
        const bool predict = it == 0 && halvings == 0;
        if (!predict)
          predict_trial(d);
        const StepResult r = solve_equilibrium(d, predict);
        total.newton_iterations += r.newton_iterations;
        total.linear_iterations += r.linear_iterations;
        total.augmentations += r.augmentations;
        total.solves = it + 1;
        if (!r.converged)
          {
            // Back off halfway towards the last converged depth.
            if (++halvings > 6)
              {
                total.failure = r.failure;
                return total;
              }
            d = d_a + 0.5 * (d - d_a);
            continue;
          }
        if (n_converged > 0 || !moved)
          {
            previous      = good;
            d_previous    = d_a;
            have_previous = true;
          }
        good           = solution;
        const double F = r.force_z;
        if (log && Utilities::MPI::this_mpi_process(comm) == 0)
          *log << "  force control " << it + 1 << ": depth " << d
               << " m, force " << F << " N, target " << target << " N"
               << std::endl;
        if (std::abs(F - target) <= tol)
          {
            if (k_est > 0.)
              force_stiffness = k_est;
            total.converged = true;
            return total;
          }
        if (d >= d_max && F < target)
          {
            std::ostringstream msg;
            msg << "force control: the force " << target
                << " N cannot be reached: at the largest allowed depth "
                << d_max << " m (Protocol/Maximum depth) the force is only "
                << F << " N";
            total.failure = msg.str();
            total.fatal   = true;
            return total;
          }
        // Secant only between iterates of this time level: the committed
        // (d, F) of the last step belongs to another time (creep).
        if (n_converged++ > 0 && d != d_a && (F - F_a) / (d - d_a) > 0.)
          k_est = (F - F_a) / (d - d_a);
        else if (k_est <= 0. && F > 0. && d > 0.)
          k_est = 1.5 * F / d;
        d_a = d;
        F_a = F;
        d   = next(d, F);
      }
    std::ostringstream msg;
    msg << "force control: the force did not reach " << target
        << " N within 40 depth iterations (last depth " << d_a << " m, force "
        << F_a << " N)";
    total.failure = msg.str();
    return total;
  }



  template <int dim>
  void
  Simulation<dim>::commit_step()
  {
    solution_older      = solution_old;
    solution_old        = solution;
    depth_older         = depth_old;
    depth_old           = depth_current;
    force_old           = contact_summary().force[2];
    dt_old              = dt;
    pivot_angle_old     = settings.tool.pivot_angle();
    roll_angle_old      = settings.tool.rolled_angle();
    lateral_older       = lateral_old;
    lateral_old         = settings.tool.lateral_offset();
    const bool friction = settings.contact.friction_coefficient > 0.;
    for (const auto &cell : triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          for (auto &s : point_states.get_data(cell))
            {
              s->history_old = s->history_new;
              s->dissipated += s->dissipation_step;
            }
          if (cell->at_boundary())
            for (auto &s : contact_states.get_data(cell))
              {
                s->multiplier_old = s->multiplier;
                if (friction)
                  s->anchor_old = s->anchor_new;
              }
        }
  }



  template <int dim>
  void
  Simulation<dim>::revert_step()
  {
    solution = solution_old;
    ghosted  = solution;
    if (settings.tool.pivoted())
      settings.tool.set_pivot_angle(pivot_angle_old);
    for (const auto &cell : triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          for (auto &s : point_states.get_data(cell))
            s->history_new = s->history_old;
          if (cell->at_boundary())
            for (auto &s : contact_states.get_data(cell))
              s->multiplier = s->multiplier_old;
        }
  }



  template class Simulation<2>;
  template class Simulation<3>;
} // namespace FasciaFE
