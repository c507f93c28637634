/**
 * The command line of `fasciafe sweep` and the Slurm scripts it writes.
 */
#include <solver/exceptions.h>
#include <solver/output/atomic_file.h>
#include <solver/sweep_run.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include <sys/stat.h>

namespace FasciaFE
{
  const char *sweep_usage =
    "Usage:\n"
    "  fasciafe sweep FILE.prm [--output DIR] [--set \"Section/Name=value\"]...\n"
    "                 [--ranks-per-case N] [--cases A-B | --case ID]\n"
    "                 [--dry-run] [--aggregate] [--quiet]\n"
    "                 [--emit-slurm [--cases-per-task N] [--sbatch OPT]...]\n"
    "  fasciafe sweep --print-parameters\n"
    "\n"
    "Runs every case of the sweep FILE.prm (docs/sweeps.md) not done yet\n"
    "in DIR/cases/<id>/ (DIR: Sweep/Output directory of the file), on the\n"
    "MPI ranks it is given (mpirun -np N), Ranks per case at a time per\n"
    "case; DIR/sweep.json lists every case and its status, summary.csv\n"
    "and summary.h5 one row of results per case. Re-running it resumes.\n"
    "  --output DIR        sweep directory\n"
    "  --set S=V           override a run parameter in every case\n"
    "  --ranks-per-case N  MPI ranks per case (default: the file's)\n"
    "  --cases A-B         run only the cases A..B (ids or numbers)\n"
    "  --case ID           run only case ID\n"
    "  --dry-run           list the cases, run nothing\n"
    "  --aggregate         only rewrite sweep.json and summary.* from the\n"
    "                      case directories (e.g. after a Slurm array)\n"
    "  --emit-slurm        write DIR/sweep.json and DIR/slurm/ (job array,\n"
    "                      aggregation job, submit.sh), run nothing\n"
    "  --cases-per-task N  cases per array task (default 1)\n"
    "  --sbatch OPT        extra #SBATCH line, e.g. --sbatch --time=1:00:00\n"
    "  --print-parameters  the reference of the Sweep section (markdown)\n"
    "Exit status: 0 every case done, 3 some case failed, 2 bad input.\n";

  namespace
  {
    unsigned int
    case_number(const std::string &option, const std::string &text)
    {
      check_input(std::regex_match(text, std::regex("[0-9]{1,9}")),
                  option + ": '" + text + "' is not a case id or number");
      return std::stoul(text);
    }

    /** @p s in single quotes for the shell. */
    std::string
    quote(const std::string &s)
    {
      return "'" + std::regex_replace(s, std::regex("'"), "'\\''") + "'";
    }

    /** Write an executable script atomically. */
    void
    write_script(const std::string &file, const std::string &text)
    {
      AtomicOutputFile out(file);
      out.stream() << text;
      out.commit();
      chmod(file.c_str(), 0755);
    }
  } // namespace



  SweepOptions
  parse_sweep_arguments(const std::vector<std::string> &args)
  {
    SweepOptions o;
    auto         value = [&](unsigned int &i) -> const std::string         &{
      check_input(i + 1 < args.size(), "sweep: " + args[i] + " needs a value");
      return args[++i];
    };
    for (unsigned int i = 0; i < args.size(); ++i)
      {
        const std::string &a = args[i];
        if (a == "--output")
          o.output_directory = value(i);
        else if (a == "--set")
          o.set_options.push_back(value(i));
        else if (a == "--ranks-per-case")
          {
            o.ranks_per_case = case_number(a, value(i));
            check_input(o.ranks_per_case > 0, "sweep: --ranks-per-case 0");
          }
        else if (a == "--case")
          {
            o.select = true;
            o.first = o.last = case_number(a, value(i));
          }
        else if (a == "--cases")
          {
            const std::string &range = value(i);
            std::smatch        m;
            check_input(std::regex_match(range,
                                         m,
                                         std::regex("([0-9]+)-([0-9]+)")),
                        "sweep: --cases '" + range + "': expected A-B");
            o.select = true;
            o.first  = case_number(a, m[1].str());
            o.last   = case_number(a, m[2].str());
            check_input(o.first <= o.last,
                        "sweep: --cases '" + range + "': A > B");
          }
        else if (a == "--cases-per-task")
          {
            o.cases_per_task = case_number(a, value(i));
            check_input(o.cases_per_task > 0, "sweep: --cases-per-task 0");
          }
        else if (a == "--sbatch")
          o.slurm_options.push_back(value(i));
        else if (a == "--dry-run")
          o.dry_run = true;
        else if (a == "--aggregate")
          o.aggregate = true;
        else if (a == "--emit-slurm")
          o.emit_slurm = true;
        else if (a == "--quiet")
          o.quiet = true;
        else if (a.rfind("--", 0) == 0)
          throw InputError("sweep: unknown option '" + a +
                           "' (fasciafe sweep --help)");
        else if (o.sweep_file.empty())
          o.sweep_file = a;
        else
          throw InputError("sweep: unexpected argument '" + a + "'");
      }
    check_input(!o.sweep_file.empty(),
                "sweep: no sweep file given (fasciafe sweep --help)");
    check_input(int(o.dry_run) + int(o.aggregate) + int(o.emit_slurm) <= 1,
                "sweep: --dry-run, --aggregate and --emit-slurm exclude "
                "each other");
    check_input(!o.select || !(o.aggregate || o.emit_slurm),
                "sweep: --case/--cases cannot go with --aggregate or "
                "--emit-slurm");
    return o;
  }



  std::string
  write_slurm_scripts(const SweepOptions &o,
                      const std::string  &dir,
                      const unsigned int  n_cases,
                      const unsigned int  ranks_per_case)
  {
    namespace fs            = std::filesystem;
    const std::string exe   = fs::read_symlink("/proc/self/exe").string();
    const std::string file  = fs::absolute(o.sweep_file).lexically_normal();
    const std::string out   = fs::absolute(dir).lexically_normal();
    const std::string slurm = out + "/slurm";
    fs::create_directories(slurm);
    std::string common = quote(exe) + " sweep " + quote(file) + " --output " +
                         quote(out) + " --quiet";
    for (const auto &s : o.set_options)
      common += " --set " + quote(s);
    std::string extra;
    for (const auto &s : o.slurm_options)
      extra += "#SBATCH " + s + "\n";
    const unsigned int g     = o.cases_per_task;
    const unsigned int tasks = (n_cases + g - 1) / g;
    const std::string  head =
      "#!/bin/bash\n# Written by `fasciafe sweep --emit-slurm` for the sweep "
      "file\n# " +
      file + " (" + std::to_string(n_cases) + " cases) into\n# " + out + ".\n";

    write_script(
      slurm + "/sweep.sbatch",
      head + "# One array task per " + std::to_string(g) +
        " case(s); a task skips the cases that are done, so resubmitting\n"
        "# resumes the sweep. Cases need " +
        std::to_string(ranks_per_case) +
        " MPI rank(s) each.\n#SBATCH --job-name=fasciafe-sweep\n"
        "#SBATCH --array=0-" +
        std::to_string(tasks - 1) +
        "\n#SBATCH --ntasks=" + std::to_string(ranks_per_case) +
        "\n#SBATCH --output=" + slurm + "/case-%A_%a.out\n" + extra +
        "set -euo pipefail\n"
        "first=$(( SLURM_ARRAY_TASK_ID * " +
        std::to_string(g) + " ))\nlast=$(( first + " + std::to_string(g - 1) +
        " ))\nif [ \"$last\" -gt " + std::to_string(n_cases - 1) +
        " ]; then last=" + std::to_string(n_cases - 1) +
        "; fi\n"
        "# Exit status 3 (a case failed) must not fail the array task: the\n"
        "# failure is recorded in the case and the aggregation reports it.\n"
        "status=0\nsrun " +
        common + " --ranks-per-case " + std::to_string(ranks_per_case) +
        " --cases \"$first-$last\" || status=$?\n"
        "if [ \"$status\" -ne 0 ] && [ \"$status\" -ne 3 ]; then exit "
        "\"$status\"; fi\n");
    write_script(slurm + "/aggregate.sbatch",
                 head +
                   "# Collects the case records into sweep.json, summary.csv "
                   "and summary.h5.\n#SBATCH --job-name=fasciafe-sweep-"
                   "aggregate\n#SBATCH --ntasks=1\n#SBATCH --output=" +
                   slurm + "/aggregate-%j.out\n" + extra +
                   "set -euo pipefail\n" + common + " --aggregate\n");
    write_script(slurm + "/submit.sh",
                 head +
                   "# Submits the array, then the aggregation after it.\n"
                   "set -euo pipefail\ncd " +
                   quote(slurm) +
                   "\narray=$(sbatch --parsable sweep.sbatch)\n"
                   "sbatch --dependency=afterany:\"${array%%;*}\" "
                   "aggregate.sbatch\n");
    return slurm + "/sweep.sbatch";
  }
} // namespace FasciaFE
