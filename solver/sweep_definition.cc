#include <deal.II/base/exceptions.h>
#include <deal.II/base/utilities.h>

#include <solver/exceptions.h>
#include <solver/parameter_file.h>
#include <solver/sweep_definition.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace FasciaFE
{
  using namespace dealii;

  namespace
  {
    /** The message of a deal.II exception on one line. */
    std::string
    one_line(const ExceptionBase &e)
    {
      std::ostringstream s;
      e.print_info(s);
      return std::regex_replace(std::regex_replace(s.str(),
                                                   std::regex("\\s+"),
                                                   " "),
                                std::regex("^ +| +$"),
                                "");
    }

    /** Parse @p file into @p prm, errors as InputError naming the file. */
    void
    parse(ParameterHandler  &prm,
          const std::string &file,
          const bool         skip_undefined)
    {
      try
        {
          prm.parse_input(file, "", skip_undefined, false);
        }
      catch (const ExceptionBase &e)
        {
          throw InputError("sweep file '" + file + "': " + one_line(e));
        }
    }
  } // namespace



  void
  SweepDefinition::declare(ParameterHandler &prm, const unsigned int n_axes)
  {
    using namespace Patterns;
    prm.enter_subsection("Sweep");
    prm.declare_entry("Base scenario",
                      "",
                      Anything(),
                      "Parameter file of the scenario every case starts "
                      "from, relative to the sweep file (or absolute).");
    prm.declare_entry("Base overrides",
                      "",
                      Anything(),
                      "Settings 'Section/Name=value' applied to every case "
                      "on top of the base scenario, separated by '|'; "
                      "values in the parameter's own unit.");
    prm.declare_entry("Design",
                      "full factorial",
                      Selection("full factorial|one-at-a-time|latin hypercube"),
                      "full factorial: every combination of the axis "
                      "values; one-at-a-time: the base case, then each axis "
                      "through its values with the others at their base "
                      "value; latin hypercube: Number of samples cases, "
                      "each axis stratified (McKay, Beckman and Conover "
                      "1979).");
    prm.declare_entry("Seed",
                      "1",
                      Integer(0),
                      "Seed of the random draws of the Latin hypercube [-].");
    prm.declare_entry("Number of samples",
                      "10",
                      Integer(1, 100000),
                      "Cases of the Latin hypercube design [-].");
    prm.declare_entry("Ranks per case",
                      "1",
                      Integer(1, 100000),
                      "MPI ranks that run one case together; the ranks of "
                      "`fasciafe sweep` are split into groups of this size, "
                      "each running one case at a time [-].");
    prm.declare_entry("Output directory",
                      "results/sweep",
                      Anything(),
                      "Directory of the sweep (sweep.json, cases/, "
                      "summary.*), relative to the working directory; "
                      "--output overrides it.");
    prm.declare_entry("Number of axes",
                      "1",
                      Integer(1, 32),
                      "Number of swept parameters, each in a subsection "
                      "'Axis k' [-].");
    for (unsigned int k = 1; k <= n_axes; ++k)
      {
        prm.enter_subsection("Axis " + std::to_string(k));
        prm.declare_entry("Parameter",
                          "",
                          Anything(),
                          "Path of the swept run parameter, "
                          "'Section/Sub/Name' as for --set, e.g. "
                          "'Protocol/Hold time'.");
        prm.declare_entry("Kind",
                          "list",
                          Selection("list|linear|log|uniform|normal"),
                          "list: the Values; linear, log: Count points "
                          "evenly spaced (log: geometrically) from From to "
                          "To; uniform on [From, To] or normal (Mean, "
                          "Standard deviation): Count quantiles in the grid "
                          "designs, stratified draws in the Latin "
                          "hypercube.");
        prm.declare_entry("Values",
                          "",
                          Anything(),
                          "Kind list: the values, separated by Separator, "
                          "in the parameter's own unit.");
        prm.declare_entry("Separator",
                          "comma",
                          Selection("comma|semicolon|bar"),
                          "Separator of Values: ',' (comma), ';' (semicolon) "
                          "or '|' (bar, for values that hold commas or "
                          "semicolons).");
        prm.declare_entry("From",
                          "0",
                          Double(),
                          "Kinds linear, log, uniform: first value, in the "
                          "parameter's unit (log: > 0).");
        prm.declare_entry("To",
                          "1",
                          Double(),
                          "Kinds linear, log, uniform: last value, in the "
                          "parameter's unit (log: > 0).");
        prm.declare_entry("Count",
                          "3",
                          Integer(1, 100000),
                          "Kinds linear, log, uniform, normal: number of "
                          "values in the grid designs [-].");
        prm.declare_entry("Mean",
                          "0",
                          Double(),
                          "Kind normal: mean, in the parameter's unit.");
        prm.declare_entry("Standard deviation",
                          "1",
                          Double(0.),
                          "Kind normal: standard deviation, in the "
                          "parameter's unit.");
        prm.leave_subsection();
      }
    prm.leave_subsection();
  }



  SweepDefinition
  SweepDefinition::read(const std::string              &file,
                        const std::vector<std::string> &extra_overrides)
  {
    check_input(static_cast<bool>(std::ifstream(file)),
                "sweep file '" + file +
                  "' cannot be opened (missing or unreadable)");
    ParameterHandler count;
    count.enter_subsection("Sweep");
    count.declare_entry("Number of axes", "1", Patterns::Integer(1, 32));
    count.leave_subsection();
    parse(count, file, true);
    count.enter_subsection("Sweep");
    const unsigned int n_axes = count.get_integer("Number of axes");
    count.leave_subsection();

    ParameterHandler prm;
    declare(prm, n_axes);
    parse(prm, file, false);

    SweepDefinition d;
    d.file = file;
    prm.enter_subsection("Sweep");
    const std::string base = Utilities::trim(prm.get("Base scenario"));
    check_input(!base.empty(),
                "sweep file '" + file + "': Sweep/Base scenario is empty");
    std::filesystem::path base_path(base);
    if (base_path.is_relative())
      base_path = std::filesystem::path(file).parent_path() / base_path;
    d.base = base_path.lexically_normal().string();
    for (const auto &o :
         Utilities::split_string_list(prm.get("Base overrides"), '|'))
      if (!o.empty())
        d.overrides.push_back(o);
    d.overrides.insert(d.overrides.end(),
                       extra_overrides.begin(),
                       extra_overrides.end());
    d.design           = prm.get("Design");
    d.seed             = prm.get_integer("Seed");
    d.samples          = prm.get_integer("Number of samples");
    d.ranks_per_case   = prm.get_integer("Ranks per case");
    d.output_directory = prm.get("Output directory");
    for (unsigned int k = 1; k <= n_axes; ++k)
      {
        const std::string where =
          "sweep file '" + file + "': Sweep/Axis " + std::to_string(k);
        prm.enter_subsection("Axis " + std::to_string(k));
        SweepAxis a;
        a.parameter                 = Utilities::trim(prm.get("Parameter"));
        a.kind                      = prm.get("Kind");
        a.from                      = prm.get_double("From");
        a.to                        = prm.get_double("To");
        a.count                     = prm.get_integer("Count");
        a.mean                      = prm.get_double("Mean");
        a.deviation                 = prm.get_double("Standard deviation");
        const std::string separator = prm.get("Separator");
        const std::string values    = prm.get("Values");
        prm.leave_subsection();
        check_input(!a.parameter.empty(), where + "/Parameter is empty");
        for (const auto &previous : d.axes)
          check_input(previous.parameter != a.parameter,
                      where + ": '" + a.parameter + "' is swept twice");
        if (a.kind == "list")
          {
            a.values = Utilities::split_string_list(values,
                                                    separator == "comma" ? ',' :
                                                    separator == "bar"   ? '|' :
                                                                           ';');
            check_input(!a.values.empty(),
                        where + "/Values: kind list needs at least one value");
            for (const auto &v : a.values)
              check_input(!v.empty(), where + "/Values: an empty value");
          }
        else if (a.kind == "log")
          check_input(a.from > 0. && a.to > 0.,
                      where + ": kind log needs From > 0 and To > 0 (got " +
                        std::to_string(a.from) + ", " + std::to_string(a.to) +
                        ")");
        if (a.kind == "normal" && d.design != "latin hypercube")
          check_input(a.deviation > 0. || a.count == 1,
                      where + ": kind normal needs Standard deviation > 0");
        d.axes.push_back(a);
      }
    prm.leave_subsection();
    return d;
  }



  void
  SweepDefinition::print_reference(std::ostream &out)
  {
    ParameterHandler prm;
    declare(prm, 1);
    out << "# FasciaFE sweep parameter reference\n\n"
           "Generated by `fasciafe sweep --print-parameters`; do not edit "
           "(a test checks that this file is current). The subsection "
           "`Sweep/Axis k` repeats for k = 1 .. `Number of axes`; only "
           "`Axis 1` is listed. See docs/sweeps.md.\n";
    ParameterFile::print_markdown(out, prm);
  }
} // namespace FasciaFE
