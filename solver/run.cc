#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>

#include <solver/cycle_jump.h>
#include <solver/cycle_predictor.h>
#include <solver/exceptions.h>
#include <solver/output/atomic_file.h>
#include <solver/output/field_writer.h>
#include <solver/output/history_writer.h>
#include <solver/output/run_info.h>
#include <solver/parameter_file.h>
#include <solver/progress.h>
#include <solver/run.h>
#include <solver/run_checkpoint.h>
#include <solver/run_output.h>
#include <solver/simulation.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <sys/resource.h>

namespace FasciaFE
{
  namespace
  {
    /** The content of @p file, or "" if it cannot be read. */
    std::string
    read_text(const std::string &file)
    {
      std::ifstream      in(file);
      std::ostringstream text;
      if (in && text << in.rdbuf())
        return text.str();
      return "";
    }



    template <int dim>
    int
    run_dim(RunSettings       &settings,
            ParameterHandler  &prm,
            const RunOptions  &options,
            const std::string &dir,
            const MPI_Comm     comm)
    {
      Timer wall;
      // The state of the time loop: fresh, or that of the checkpoint.
      const auto  parameters = model_parameters(prm);
      RunProgress p;
      p.dt = settings.time_stepping.initial_dt;
      std::string checkpoint;
      if (options.restart)
        p = read_run_checkpoint(dir, comm, parameters, checkpoint);
      const double wall_offset = p.wall_time;

      Simulation<dim> sim(settings, comm);
      sim.setup(); // may still throw InputError: nothing written yet
      if (settings.target.active())
        check_input(sim.structure_summary().target_volume > 0.,
                    "Target region: the " + settings.target.shape +
                      " contains no material point of the mesh (check "
                      "Center, Half widths or Radius: the tissue lies at "
                      "z < 0, 2D models use y = 0)");
      HistoryWriter history(dir, comm);
      declare_history(history,
                      settings.geometry.block.type == ModelType::plane_strain,
                      settings.tissue,
                      settings.target);
      if (options.restart)
        {
          load_run_checkpoint(sim, checkpoint, p);
          unsigned int rows = 0;
          try
            {
              rows = history.restore("time", p.t);
            }
          catch (const std::runtime_error &e)
            {
              throw InputError(std::string("--restart: ") + e.what());
            }
          // One row per step, the initial state and each cycle jump.
          const unsigned int expected = p.step + 1 + p.jump_rows;
          check_input(rows == expected,
                      "--restart: the history of '" + dir + "' holds " +
                        std::to_string(rows) +
                        " rows up to the checkpoint time, " +
                        std::to_string(expected) + " expected");
        }

      const bool root = Utilities::MPI::this_mpi_process(comm) == 0;
      // A new run must not leave the checkpoint of an earlier one, which a
      // restart would take for its own.
      if (root)
        {
          std::filesystem::create_directories(dir);
          if (!options.restart)
            std::filesystem::remove_all(dir + "/checkpoint");
        }
      MPI_Barrier(comm);

      std::stringstream parameters_json;
      prm.print_parameters(parameters_json, ParameterHandler::JSON);
      RunInfo info(dir, comm, options.command_line, parameters_json.str());
      info.start();
      // The iteration log streams into log.txt.partial and becomes log.txt
      // when the run ends, so that no final name holds a truncated file.
      std::ofstream log;
      // A restart continues the log of the run.
      if (root)
        {
          std::string previous;
          if (options.restart)
            {
              previous = read_text(dir + "/log.txt.partial");
              if (previous.empty())
                previous = read_text(dir + "/log.txt");
            }
          log.open(dir + "/log.txt.partial");
          sim.log = &log;
          log << previous << options.command_line << "\n"
              << sim.n_active_cells() << " cells, " << sim.n_dofs()
              << " degrees of freedom, "
              << Utilities::MPI::n_mpi_processes(comm) << " MPI ranks"
              << std::endl;
          if (options.restart)
            log << "restart from the checkpoint " << checkpoint << " at step "
                << p.step << ", t = " << p.t << " s" << std::endl;
        }
      FieldWriter<dim> fields(dir, comm);
      for (const auto &[name, unit] : Simulation<dim>::field_units())
        fields.set_unit(name, unit);
      if (options.restart)
        {
          history.write();
          fields.restore(p.step);
        }
      const auto &ts       = settings.time_stepping;
      const auto &protocol = settings.protocol;
      Progress    progress(!options.quiet && root, protocol.end_time());

      double &t = p.t, &dt = p.dt, &max_force = p.max_force;
      double &max_area = p.max_area, &max_pressure = p.max_pressure;
      double &max_pen_ratio = p.max_pen_ratio, &max_released = p.max_released;
      double &min_lambda_target = p.min_lambda_target;
      unsigned int    &step = p.step, &total_newton = p.total_newton;
      unsigned int     cutbacks        = 0;
      StructureSummary final_structure = sim.structure_summary();
      StepResult       last;
      // A cycle jump's row gives the skipped time as its dt.
      auto record = [&](const StepResult &r, const double row_dt = -1.) {
        const ContactSummary   c     = sim.contact_summary();
        const auto             e     = sim.energies();
        const StructureSummary s     = sim.structure_summary();
        const Point<3>        &apex  = settings.tool.apex();
        const double           depth = sim.depth_current;
        std::vector<double>    row(
          {t,
              double(step),
              double(protocol.phase_index(t)),
              depth,
              apex[0],
              apex[1],
              apex[2],
              c.force[0],
              c.force[1],
              c.force[2],
              c.area,
              c.radius,
              c.max_pressure,
              c.max_penetration,
              e.first,
              e.second,
              double(r.newton_iterations),
              double(r.linear_iterations),
              double(r.augmentations),
              double(cutbacks),
           row_dt >= 0. ? row_dt : (step > 0 ? dt : 0.),
              wall_offset + wall.wall_time(),
              settings.tool.rolled_angle(),
              c.friction[0],
              c.friction[1],
              c.friction[2],
           c.n_points > 0 ? double(c.n_slip) / c.n_points : 0.,
              settings.tool.tilt(),
              c.moment[1]});
        for (unsigned int k = 0; k < s.layer_min.size(); ++k)
          {
            row.push_back(s.layer_min[k]);
            row.push_back(s.layer_mean[k]);
          }
        row.push_back(s.released_volume);
        if (settings.target.active())
          {
            row.push_back(s.target_min);
            row.push_back(s.target_mean);
            row.push_back(s.released_volume_target);
          }
        history.add_row(row);
        history.write();
        min_lambda_target = std::min(min_lambda_target, s.target_min);
        if (settings.target.active() && p.release_time < 0. &&
            s.target_mean < settings.target.release_threshold)
          p.release_time = t;
        max_released    = std::max(max_released, s.released_volume);
        final_structure = s;
        max_force       = std::max(max_force, c.force[2]);
        max_area        = std::max(max_area, c.area);
        max_pressure    = std::max(max_pressure, c.max_pressure);
        if (depth > 0.)
          max_pen_ratio = std::max(max_pen_ratio, c.max_penetration / depth);
      };
      auto write_fields = [&]() {
        DataOut<dim> data_out;
        sim.build_output(data_out);
        fields.write(data_out, t, step);
      };
      auto finish = [&](const RunStatus status, const std::string &message) {
        const ContactSummary c = sim.contact_summary();
        fields.finalize();
        write_summary(
          dir,
          comm,
          {{"status", to_string(status)},
           {"n_steps", std::to_string(step)},
           {"end_time", number(t)},
           {"n_dofs", std::to_string(sim.n_dofs())},
           {"max_force_z", number(max_force)},
           {"final_force_z", number(c.force[2])},
           {"max_contact_area", number(max_area)},
           {"max_contact_pressure", number(max_pressure)},
           {"max_penetration_ratio", number(max_pen_ratio)},
           {"total_newton_iterations", std::to_string(total_newton)},
           {"max_released_volume", number(max_released)},
           {"min_lambda_target", number(min_lambda_target)},
           {"final_lambda_mean_target", number(final_structure.target_mean)},
           {"release_time_target",
            p.release_time >= 0. ? number(p.release_time) : "never"}});
        info.finish(status, message, step);
        rusage usage;
        getrusage(RUSAGE_SELF, &usage);
        const double peak_mb =
          Utilities::MPI::sum(usage.ru_maxrss / 1024., comm);
        if (root)
          {
            log << "peak resident memory, all ranks: " << peak_mb << " MB"
                << std::endl;
            log << "end: " << to_string(status) << " " << message << std::endl;
            log.close();
            atomic_rename(dir + "/log.txt.partial", dir + "/log.txt");
          }
      };

      if (sim.follow_tip(protocol.lateral(t)) && root)
        log << "mesh refined around the tip: " << sim.n_active_cells()
            << " cells, " << sim.n_dofs() << " dofs" << std::endl;
      if (!options.restart)
        {
          record(last);
          write_fields();
        }
      const double   end = protocol.end_time();
      CycleJump<dim> cycle_jump(ts.cycle_jump, protocol);
      CyclePredictor cycle_predictor;
      try
        {
          while (t < end * (1. - 1e-12))
            {
              const unsigned int k     = protocol.phase_index(t);
              const auto        &phase = protocol.phases[k];
              double             h = std::min({dt, ts.max_dt, phase.t_end - t});
              double             boundary = phase.t_end;
              // A moving tip advances at most a fraction of h0 per step.
              if (phase.speed > 0.)
                h =
                  std::min(h,
                           protocol.lateral_step_factor * sim.h0 / phase.speed);
              // A cyclic phase's steps end on the same points of every
              // cycle; a step shortened to reach one does not shorten the
              // next.
              double h_free = h;
              if (phase.frequency > 0.)
                {
                  const double next = next_cycle_point(phase, t, ts.max_dt);
                  if (next - (t + h) < 0.25 * h)
                    h = next - t;
                  boundary = next;
                }
              if (phase.t_end - (t + h) < 0.25 * h)
                h = phase.t_end - t; // no sliver step before a phase end
              if (sim.follow_tip(protocol.lateral(t + h)) && root)
                log << "mesh re-made around the tip at x = "
                    << settings.tool.position_x() + protocol.lateral(t + h)
                    << " m: " << sim.n_active_cells() << " cells, "
                    << sim.n_dofs() << " dofs" << std::endl;
              if (root)
                log << "step " << step + 1 << ": t = " << t + h
                    << " s, dt = " << h << " s, phase " << phase.name
                    << std::endl;
              sim.periodic_predictor =
                cycle_predictor.lookup(protocol, k, t + h);
              const StepResult r     = sim.solve_step(t + h, h);
              sim.periodic_predictor = nullptr;
              if (root && !r.converged)
                log << "  failed: " << r.failure << "; cutting back"
                    << std::endl;
              if (!r.converged)
                {
                  sim.revert_step();
                  ++cutbacks;
                  if (r.fatal)
                    throw ConvergenceFailure(
                      "step from t = " + std::to_string(t) +
                      " s: " + r.failure);
                  if (cutbacks > ts.max_cutbacks ||
                      h * ts.cutback_factor < ts.min_dt)
                    {
                      std::ostringstream msg;
                      msg << "step from t = " << t
                          << " s did not converge after " << cutbacks - 1
                          << " cut-backs (last dt = " << h
                          << " s): " << r.failure;
                      throw ConvergenceFailure(msg.str());
                    }
                  dt = h * ts.cutback_factor;
                  continue;
                }
              sim.commit_step();
              t  = (boundary - (t + h) < 1e-12 * end) ? boundary : t + h;
              dt = (boundary == t && boundary < phase.t_end) ?
                     std::max(h, h_free) :
                     h;
              cycle_predictor.store(protocol, k, t, sim.solution);
              ++step;
              total_newton += r.newton_iterations;
              record(r);
              cutbacks                    = 0;
              const unsigned int interval = settings.output.field_interval;
              if (interval > 0 && step % interval == 0)
                write_fields();
              if (r.newton_iterations <= ts.easy_iterations * r.solves)
                dt = std::min(dt * ts.growth_factor, ts.max_dt);
              if (const unsigned int n = cycle_jump.after_step(sim, k, t))
                {
                  const double f = phase.frequency;
                  t              = phase.t_start +
                      double(std::lround((t - phase.t_start) * f) + n) / f;
                  if (root)
                    log << "  cycle jump: " << n << " cycles to t = " << t
                        << " s (" << cycle_jump.reason() << ")" << std::endl;
                  record(StepResult(), n / f);
                  ++p.jump_rows;
                }
              const unsigned int every = settings.output.checkpoint.interval;
              if (every > 0 && step % every == 0)
                {
                  p.wall_time = wall_offset + wall.wall_time();
                  write_run_checkpoint(sim, dir, p, parameters);
                  if (root)
                    log << "  checkpoint at step " << step << std::endl;
                }
              progress.update(phase.name,
                              t,
                              step,
                              r.newton_iterations,
                              r.linear_iterations);
            }
        }
      catch (const ConvergenceFailure &e)
        {
          progress.finish();
          finish(RunStatus::failed, e.what());
          if (root)
            std::cerr << "fasciafe: error: " << e.what()
                      << "; results up to t = " << t << " s are in " << dir
                      << std::endl;
          return 3;
        }
      if (fields.last_step_written() != step)
        write_fields();
      progress.update("done", t, step, 0, 0, true);
      progress.finish();
      finish(RunStatus::completed, "");
      return 0;
    }
  } // namespace



  int
  run(const RunOptions &options, const MPI_Comm comm)
  {
    ParameterHandler prm;
    ParameterFile::read(prm, options.parameter_file, options.set_options);
    RunSettings settings;
    ParameterFile::parse(prm, settings);
    const std::string dir = options.output_directory.empty() ?
                              settings.output.directory :
                              options.output_directory;
    if (settings.geometry.dimension() == 3)
      return run_dim<3>(settings, prm, options, dir, comm);
    return run_dim<2>(settings, prm, options, dir, comm);
  }
} // namespace FasciaFE
