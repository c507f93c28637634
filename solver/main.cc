/**
 * The fasciafe command line:
 *   fasciafe run FILE.prm [--set "Section/Sub/Name=value"]... [--output DIR]
 *                [--restart] [--quiet]
 *   fasciafe sweep FILE.prm [--output DIR] ...   (sweep_command.cc)
 *   fasciafe print-parameters [--format prm|json|markdown]
 *   fasciafe calibrate ... | figures ...   (postproc/ Python tools)
 *   fasciafe --help | --version
 * Exit status: 0 success, 1 internal error, 2 bad input (nothing written),
 * 3 a step did not converge (results so far kept, run.json "failed").
 */
#include <deal.II/base/mpi.h>

#include <fasciafe_version.h>
#include <solver/exceptions.h>
#include <solver/parameter_file.h>
#include <solver/postproc_command.h>
#include <solver/run.h>
#include <solver/sweep_run.h>

#include <iostream>
#include <string>
#include <vector>

namespace
{
  const char *usage =
    "Usage:\n"
    "  fasciafe run FILE.prm [--set \"Section/Sub/Name=value\"]... "
    "[--output DIR]\n"
    "               [--restart] [--quiet]\n"
    "  fasciafe print-parameters [--format prm|json|markdown]\n"
    "  fasciafe sweep FILE.prm [--output DIR] ...  (fasciafe sweep --help)\n"
    "  fasciafe calibrate ARGS...   (fasciafe calibrate --help)\n"
    "  fasciafe figures ARGS...     (fasciafe figures --help)\n"
    "  fasciafe --help\n"
    "  fasciafe --version\n"
    "\n"
    "run               simulate the scenario in FILE.prm; results go to DIR\n"
    "                  (default: Output/Directory of the file). Runs under\n"
    "                  mpirun -np N; only rank 0 prints.\n"
    "  --set S=V       override one parameter, e.g.\n"
    "                  --set \"Protocol/Depth=0.002\" (repeatable)\n"
    "  --output DIR    output directory\n"
    "  --restart       continue the run in DIR from its last checkpoint\n"
    "                  (Checkpoint/Interval), e.g. after it was killed\n"
    "  --quiet         no progress line\n"
    "print-parameters  every parameter with default, range and unit\n"
    "sweep             run the cases of a parameter sweep (docs/sweeps.md)\n"
    "calibrate         release-detection calibration (postproc/calibrate.py)\n"
    "figures           figures of a run, sweep or calibration\n"
    "                  (postproc/figures.py)\n"
    "\n"
    "Exit status: 0 success, 2 bad input (nothing written), 3 a step did\n"
    "not converge (results up to it are kept), 1 internal error.\n";

  struct UsageError : public std::runtime_error
  {
    using std::runtime_error::runtime_error;
  };
} // namespace



int
main(int argc, char **argv)
{
  dealii::Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  const MPI_Comm                           comm = MPI_COMM_WORLD;
  const bool root = dealii::Utilities::MPI::this_mpi_process(comm) == 0;
  std::vector<std::string> args(argv + 1, argv + argc);
  try
    {
      if (args.empty() || args[0] == "--help" || args[0] == "-h")
        {
          if (root)
            std::cout << usage;
          return args.empty() ? 2 : 0;
        }
      if (args[0] == "--version")
        {
          if (root)
            std::cout << "fasciafe " << FASCIAFE_VERSION << " ("
                      << FASCIAFE_GIT_HASH << ")\n";
          return 0;
        }
      if (args[0] == "print-parameters")
        {
          std::string format = "prm";
          for (unsigned int i = 1; i < args.size(); ++i)
            if (args[i] == "--format" && i + 1 < args.size())
              format = args[++i];
            else
              throw UsageError("unknown option '" + args[i] + "'");
          if (format != "prm" && format != "json" && format != "markdown")
            throw UsageError("unknown format '" + format +
                             "' (prm, json or markdown)");
          if (root)
            FasciaFE::ParameterFile::print_reference(std::cout, format);
          return 0;
        }
      // Post-processing tools: Python scripts in postproc/, run once.
      for (const auto &[command, script] :
           {std::pair<std::string, std::string>{"calibrate", "calibrate.py"},
            {"figures", "figures.py"}})
        if (args[0] == command)
          {
            int status = 0;
            if (root)
              status = FasciaFE::run_postproc(
                script,
                std::vector<std::string>(args.begin() + 1, args.end()));
            return dealii::Utilities::MPI::broadcast(comm, status, 0);
          }
      if (args[0] == "sweep")
        return FasciaFE::sweep_command(
          std::vector<std::string>(args.begin() + 1, args.end()),
          comm);
      if (args[0] == "run")
        {
          FasciaFE::RunOptions options;
          for (const auto &a : args)
            options.command_line +=
              (options.command_line.empty() ? "" : " ") + a;
          options.command_line = "fasciafe " + options.command_line;
          for (unsigned int i = 1; i < args.size(); ++i)
            {
              const std::string &a = args[i];
              if ((a == "--set" || a == "--output") && i + 1 >= args.size())
                throw UsageError(a + " needs a value");
              if (a == "--set")
                options.set_options.push_back(args[++i]);
              else if (a == "--output")
                options.output_directory = args[++i];
              else if (a == "--quiet")
                options.quiet = true;
              else if (a == "--restart")
                options.restart = true;
              else if (a.rfind("--", 0) == 0)
                throw UsageError("unknown option '" + a + "'");
              else if (options.parameter_file.empty())
                options.parameter_file = a;
              else
                throw UsageError("unexpected argument '" + a + "'");
            }
          if (options.parameter_file.empty())
            throw UsageError("run needs a parameter file");
          return FasciaFE::run(options, comm);
        }
      throw UsageError("unknown command '" + args[0] + "'");
    }
  catch (const UsageError &e)
    {
      if (root)
        std::cerr << "fasciafe: error: " << e.what() << "\n" << usage;
      return 2;
    }
  catch (const FasciaFE::InputError &e)
    {
      if (root)
        std::cerr << "fasciafe: error: " << e.what() << std::endl;
      return 2;
    }
  catch (const std::exception &e)
    {
      std::cerr << "fasciafe: internal error: " << e.what() << std::endl;
      return 1;
    }
}
