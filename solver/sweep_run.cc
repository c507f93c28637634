#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <solver/exceptions.h>
#include <solver/run.h>
#include <solver/sweep_definition.h>
#include <solver/sweep_manifest.h>
#include <solver/sweep_monitor.h>
#include <solver/sweep_run.h>
#include <solver/sweep_summary.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace FasciaFE
{
  using namespace dealii;

  namespace
  {
    /**
     * Claim case @p id for this session: create DIR/.claims/SESSION/ID
     * exclusively (O_EXCL), so that of the group leaders that try, one
     * wins. A new session (a rerun) ignores the claims of earlier ones.
     */
    bool
    claim(const std::string &claims, const std::string &id)
    {
      const int fd =
        open((claims + "/" + id).c_str(), O_CREAT | O_EXCL | O_WRONLY, 0644);
      if (fd < 0)
        return false;
      close(fd);
      return true;
    }

    /**
     * Run case @p c on @p group (collective on it); its leader writes the
     * case record at the start and the end. A failure of the case (bad
     * input, no convergence, any other error) is recorded, not thrown.
     */
    void
    run_case(const std::string     &dir,
             const SweepDefinition &d,
             const SweepPlan       &plan,
             const unsigned int     c,
             const std::string     &session,
             const MPI_Comm         group)
    {
      const bool        leader = Utilities::MPI::this_mpi_process(group) == 0;
      const std::string id     = plan.id(c);
      const std::string cdir   = case_directory(dir, id);
      CaseRecord        r;
      r.status     = "running";
      r.start_time = utc_now_precise();
      r.session    = session;
      r.n_ranks    = Utilities::MPI::n_mpi_processes(group);
      if (leader)
        {
          // A failed or interrupted earlier attempt: start afresh.
          std::filesystem::remove_all(cdir);
          write_case_record(dir, id, r);
        }
      MPI_Barrier(group);

      RunOptions options;
      options.parameter_file   = d.base;
      options.set_options      = d.overrides;
      options.output_directory = cdir;
      options.quiet            = true;
      for (unsigned int k = 0; k < d.axes.size(); ++k)
        options.set_options.push_back(d.axes[k].parameter + "=" +
                                      plan.cases[c][k]);
      options.command_line = "fasciafe run " + d.base;
      for (const auto &s : options.set_options)
        options.command_line += " --set \"" + s + "\"";
      options.command_line += " --output " + cdir + "  # sweep case " + id;

      Timer wall;
      int   status = 1;
      try
        {
          status = run(options, group);
          if (status == 3)
            {
              boost::property_tree::ptree info;
              boost::property_tree::read_json(cdir + "/run.json", info);
              r.message =
                "did not converge: " + info.get<std::string>("message", "");
            }
        }
      catch (const InputError &e)
        {
          r.message = std::string("bad input: ") + e.what();
        }
      catch (const std::exception &e)
        {
          r.message = std::string("error: ") + e.what();
        }
      r.status    = status == 0 ? "done" : "failed";
      r.end_time  = utc_now_precise();
      r.wall_time = wall.wall_time();
      if (leader)
        write_case_record(dir, id, r);
    }
  } // namespace



  int
  run_sweep(const SweepOptions &o, const MPI_Comm comm)
  {
    const unsigned int rank = Utilities::MPI::this_mpi_process(comm);
    const unsigned int size = Utilities::MPI::n_mpi_processes(comm);
    const bool         root = rank == 0;
    SweepDefinition    d = SweepDefinition::read(o.sweep_file, o.set_options);
    if (o.ranks_per_case > 0)
      d.ranks_per_case = o.ranks_per_case;
    const SweepPlan   plan = expand(d);
    const std::string dir =
      o.output_directory.empty() ? d.output_directory : o.output_directory;
    const unsigned int n = plan.cases.size();

    std::vector<int> selected;
    for (unsigned int c = 0; c < n; ++c)
      if (!o.select || (c >= o.first && c <= o.last))
        selected.push_back(c);
    check_input(!selected.empty(),
                "sweep: --cases " + std::to_string(o.first) + "-" +
                  std::to_string(o.last) + " selects none of the " +
                  std::to_string(n) + " cases of '" + o.sweep_file + "'");
    check_input(d.ranks_per_case <= size && size % d.ranks_per_case == 0,
                "sweep: Ranks per case = " + std::to_string(d.ranks_per_case) +
                  " does not divide the " + std::to_string(size) +
                  " MPI ranks");
    check_manifest(dir, d, plan);
    check_input(!o.select || std::filesystem::exists(dir + "/sweep.json"),
                "sweep: --cases needs the manifest '" + dir +
                  "/sweep.json' (write it with --emit-slurm)");
    const unsigned int groups = size / d.ranks_per_case;
    if (root && !o.quiet)
      {
        std::cout << "sweep " << o.sweep_file << ": " << d.design << ", "
                  << d.axes.size() << " axes (";
        for (unsigned int k = 0; k < d.axes.size(); ++k)
          std::cout << (k ? " x " : "") << plan.axis_values[k].size();
        std::cout << " values), " << n << " cases";
        if (o.select)
          std::cout << ", running " << selected.size() << " of them";
        std::cout << "; " << groups << " group(s) of " << d.ranks_per_case
                  << " MPI rank(s); output " << dir << std::endl;
      }
    if (o.dry_run)
      {
        if (root)
          for (const int c : selected)
            {
              std::cout << plan.id(c);
              for (unsigned int k = 0; k < d.axes.size(); ++k)
                std::cout << "  " << d.axes[k].parameter << "="
                          << plan.cases[c][k];
              std::cout << "  [" << read_case_record(dir, plan.id(c)).status
                        << "]\n";
            }
        return 0;
      }

    int status = 0;
    if (o.emit_slurm || o.aggregate)
      {
        if (root)
          {
            std::vector<CaseRecord> records;
            for (unsigned int c = 0; c < n; ++c)
              records.push_back(read_case_record(dir, plan.id(c)));
            if (o.aggregate)
              write_summary_files(dir, d, plan, records);
            write_manifest(dir, d, plan, records);
            if (o.emit_slurm)
              std::cout << "wrote " << dir << "/sweep.json and "
                        << write_slurm_scripts(o, dir, n, d.ranks_per_case)
                        << " (submit with " << dir << "/slurm/submit.sh)\n";
            unsigned int failed = 0, done = 0;
            for (const auto &r : records)
              {
                failed += r.status == "failed";
                done += r.status == "done";
              }
            if (o.aggregate && !o.quiet)
              std::cout << "sweep: " << done << " / " << n << " done, "
                        << failed << " failed; wrote " << dir
                        << "/summary.csv, summary.h5\n";
            // --aggregate: 3 unless every case is done.
            status = o.aggregate && (failed > 0 || done < n) ? 3 : 0;
          }
        return Utilities::MPI::broadcast(comm, status, 0);
      }

    // One session per invocation; claims of earlier ones are ignored.
    std::string session;
    if (root)
      session = utc_now_precise() + "-" + std::to_string(getpid());
    session            = Utilities::MPI::broadcast(comm, session, 0);
    std::string claims = dir + "/.claims/";
    for (const char ch : session)
      claims += std::isalnum(ch) ? ch : '_';
    std::unique_ptr<SweepMonitor> monitor;
    if (root)
      {
        std::filesystem::create_directories(claims);
        monitor = std::make_unique<SweepMonitor>(dir,
                                                 d,
                                                 plan,
                                                 selected,
                                                 !o.select,
                                                 !o.quiet);
      }
    MPI_Barrier(comm);

    MPI_Comm group;
    MPI_Comm_split(comm, rank / d.ranks_per_case, rank, &group);
    const bool leader = Utilities::MPI::this_mpi_process(group) == 0;
    for (unsigned int next = 0;;)
      {
        // The leader claims the next case not done; the group follows.
        int c = -1;
        if (leader)
          for (; next < selected.size() && c < 0; ++next)
            if (read_case_record(dir, plan.id(selected[next])).status !=
                  "done" &&
                claim(claims, plan.id(selected[next])))
              c = selected[next];
        c = Utilities::MPI::broadcast(group, c, 0);
        if (c < 0)
          break;
        run_case(dir, d, plan, c, session, group);
      }
    MPI_Comm_free(&group);
    MPI_Barrier(comm);

    if (root)
      {
        std::vector<CaseRecord> records = monitor->finish();
        monitor.reset();
        std::filesystem::remove_all(claims);
        std::error_code ignore;
        std::filesystem::remove(dir + "/.claims", ignore); // if empty
        if (!o.select)
          {
            write_summary_files(dir, d, plan, records);
            write_manifest(dir, d, plan, records);
          }
        unsigned int failed = 0;
        for (const int c : selected)
          if (records[c].status != "done")
            {
              ++failed;
              if (!o.quiet)
                std::cout << "[sweep] case " << plan.id(c) << " "
                          << records[c].status << ": " << records[c].message
                          << "\n";
            }
        if (!o.quiet)
          std::cout << "[sweep] " << selected.size() - failed << " / "
                    << selected.size() << " cases done"
                    << (o.select ? "" : "; results in " + dir + "/summary.csv")
                    << std::endl;
        status = failed > 0 ? 3 : 0;
      }
    return Utilities::MPI::broadcast(comm, status, 0);
  }



  int
  sweep_command(const std::vector<std::string> &args, const MPI_Comm comm)
  {
    const bool root = Utilities::MPI::this_mpi_process(comm) == 0;
    if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h"))
      {
        if (root)
          std::cout << sweep_usage;
        return 0;
      }
    if (args.size() == 1 && args[0] == "--print-parameters")
      {
        if (root)
          SweepDefinition::print_reference(std::cout);
        return 0;
      }
    return run_sweep(parse_sweep_arguments(args), comm);
  }
} // namespace FasciaFE
