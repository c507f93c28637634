#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>

#include <solver/exceptions.h>
#include <solver/output/atomic_file.h>
#include <solver/output/field_writer.h>
#include <solver/output/history_writer.h>
#include <solver/output/run_info.h>
#include <solver/parameter_file.h>
#include <solver/progress.h>
#include <solver/run.h>
#include <solver/simulation.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

#include <sys/resource.h>

namespace FasciaFE
{
  namespace
  {
    /** A layer name as part of a column name: [a-z0-9_] only. */
    std::vector<std::string>
    layer_keys(const Tissue &tissue)
    {
      std::vector<std::string> keys;
      for (unsigned int k = 0; k < tissue.n_layers(); ++k)
        {
          std::string key;
          for (const char c : tissue.layers[k].name)
            key += std::isalnum(static_cast<unsigned char>(c)) ?
                     static_cast<char>(std::tolower(c)) :
                     '_';
          if (key.empty() ||
              std::find(keys.begin(), keys.end(), key) != keys.end())
            key += "_" + std::to_string(k + 1);
          keys.push_back(key);
        }
      return keys;
    }

    /** Columns of history.h5/csv; units depend on the model type. */
    void
    declare_history(HistoryWriter      &history,
                    const bool          per_length,
                    const Tissue       &tissue,
                    const TargetRegion &target)
    {
      const std::string                           N = per_length ? "N/m" : "N";
      const std::string                           A = per_length ? "m" : "m^2";
      const std::string                           E = per_length ? "J/m" : "J";
      const std::vector<std::vector<std::string>> columns = {
        {"time", "s", "simulated time"},
        {"step", "1", "converged step number"},
        {"phase", "1", "protocol phase index (0-based)"},
        {"depth", "m", "prescribed apex depth below the undeformed surface"},
        {"tip_x", "m", "apex position x"},
        {"tip_y", "m", "apex position y"},
        {"tip_z", "m", "apex position z"},
        {"force_x", N, "reaction force on the tip, x (full model)"},
        {"force_y", N, "reaction force on the tip, y (full model)"},
        {"force_z", N, "reaction force on the tip, z, > 0 resisting"},
        {"contact_area", A, "current contact area (full model)"},
        {"contact_radius", "m", "largest distance of contact from the axis"},
        {"max_contact_pressure", "Pa", "largest Cauchy contact pressure"},
        {"max_penetration", "m", "largest penetration of the tip"},
        {"stored_energy", E, "stored strain energy (full model)"},
        {"dissipated_energy", E, "accumulated dissipated energy"},
        {"newton_iterations", "1", "Newton iterations of the step"},
        {"linear_iterations", "1", "Krylov iterations of the step"},
        {"augmentations", "1", "Uzawa contact augmentations of the step"},
        {"cutbacks", "1", "failed attempts before this step converged"},
        {"dt", "s", "time step"},
        {"wall_time", "s", "wall time since the start of the run"}};
      for (const auto &c : columns)
        history.add_column(c[0], c[1], c[2]);
      const std::string V    = per_length ? "m^2" : "m^3";
      const auto        keys = layer_keys(tissue);
      for (unsigned int k = 0; k < keys.size(); ++k)
        {
          const std::string layer = " in layer " + std::to_string(k + 1) +
                                    " (" + tissue.layers[k].name + ")";
          history.add_column("lambda_min_" + keys[k],
                             "1",
                             "minimum structure lambda" + layer);
          history.add_column("lambda_mean_" + keys[k],
                             "1",
                             "volume-weighted mean structure lambda" + layer);
        }
      history.add_column("released_volume",
                         V,
                         "tissue volume with lambda below the release "
                         "threshold (full model)");
      if (target.active())
        {
          history.add_column("lambda_min_target",
                             "1",
                             "minimum structure lambda in the target region");
          history.add_column("lambda_mean_target",
                             "1",
                             "volume-weighted mean lambda in the target "
                             "region");
          history.add_column("released_volume_target",
                             V,
                             "target-region volume with lambda below the "
                             "release threshold (full model)");
        }
    }

    void
    write_summary(const std::string                                      &dir,
                  const MPI_Comm                                          comm,
                  const std::vector<std::pair<std::string, std::string>> &kv)
    {
      if (Utilities::MPI::this_mpi_process(comm) != 0)
        return;
      AtomicOutputFile file(dir + "/summary.txt");
      file.stream() << "# FasciaFE run summary (key value), SI units\n";
      for (const auto &[k, v] : kv)
        file.stream() << k << ' ' << v << '\n';
      file.commit();
    }

    std::string
    number(const double x)
    {
      std::ostringstream s;
      s << std::setprecision(10) << x;
      return s.str();
    }



    template <int dim>
    int
    run_dim(RunSettings       &settings,
            ParameterHandler  &prm,
            const RunOptions  &options,
            const std::string &dir,
            const MPI_Comm     comm)
    {
      Timer           wall;
      Simulation<dim> sim(settings, comm);
      sim.setup(); // may still throw InputError: nothing written yet
      if (settings.target.active())
        check_input(sim.structure_summary().target_volume > 0.,
                    "Target region: the " + settings.target.shape +
                      " contains no material point of the mesh (check "
                      "Center, Half widths or Radius: the tissue lies at "
                      "z < 0, 2D models use y = 0)");

      const bool root = Utilities::MPI::this_mpi_process(comm) == 0;
      if (root)
        std::filesystem::create_directories(dir);
      MPI_Barrier(comm);

      std::stringstream parameters_json;
      prm.print_parameters(parameters_json, ParameterHandler::JSON);
      RunInfo info(dir, comm, options.command_line, parameters_json.str());
      info.start();
      // The iteration log streams into log.txt.partial and becomes log.txt
      // when the run ends, so that no final name holds a truncated file.
      std::ofstream log;
      if (root)
        {
          log.open(dir + "/log.txt.partial");
          sim.log = &log;
          log << options.command_line << "\n"
              << sim.n_active_cells() << " cells, " << sim.n_dofs()
              << " degrees of freedom, "
              << Utilities::MPI::n_mpi_processes(comm) << " MPI ranks"
              << std::endl;
        }
      HistoryWriter history(dir, comm);
      declare_history(history,
                      settings.geometry.block.type == ModelType::plane_strain,
                      settings.tissue,
                      settings.target);
      FieldWriter<dim> fields(dir, comm);
      for (const auto &[name, unit] : Simulation<dim>::field_units())
        fields.set_unit(name, unit);
      const auto &ts       = settings.time_stepping;
      const auto &protocol = settings.protocol;
      Progress    progress(!options.quiet && root, protocol.end_time());

      double           t = 0., dt = ts.initial_dt, max_force = 0.;
      double           max_area = 0., max_pressure = 0., max_pen_ratio = 0.;
      double           min_lambda_target = 1., max_released = 0.;
      StructureSummary final_structure;
      unsigned int     step = 0, cutbacks = 0, total_newton = 0;
      StepResult       last;
      auto             record = [&](const StepResult &r) {
        const ContactSummary   c     = sim.contact_summary();
        const auto             e     = sim.energies();
        const StructureSummary s     = sim.structure_summary();
        const Point<3>        &apex  = settings.tool.apex();
        const double           depth = protocol.depth(t);
        std::vector<double>    row({t,
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
                                 step > 0 ? dt : 0.,
                                    wall.wall_time()});
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
           {"final_lambda_mean_target", number(final_structure.target_mean)}});
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

      record(last);
      write_fields();
      const double end = protocol.end_time();
      try
        {
          while (t < end * (1. - 1e-12))
            {
              const auto &phase = protocol.phases[protocol.phase_index(t)];
              double      h     = std::min({dt, ts.max_dt, phase.t_end - t});
              if (phase.t_end - (t + h) < 0.25 * h)
                h = phase.t_end - t; // no sliver step before a phase end
              if (root)
                log << "step " << step + 1 << ": t = " << t + h
                    << " s, dt = " << h
                    << " s, depth = " << protocol.depth(t + h) << " m"
                    << std::endl;
              const StepResult r = sim.solve_step(t + h, h);
              if (root && !r.converged)
                log << "  failed: " << r.failure << "; cutting back"
                    << std::endl;
              if (!r.converged)
                {
                  sim.revert_step();
                  ++cutbacks;
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
              t  = (phase.t_end - (t + h) < 1e-12 * end) ? phase.t_end : t + h;
              dt = h;
              ++step;
              total_newton += r.newton_iterations;
              record(r);
              cutbacks                    = 0;
              const unsigned int interval = settings.output.field_interval;
              if (interval > 0 && step % interval == 0)
                write_fields();
              if (r.newton_iterations <= ts.easy_iterations)
                dt = std::min(h * ts.growth_factor, ts.max_dt);
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
      if (settings.output.field_interval == 0 ||
          step % settings.output.field_interval != 0)
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
