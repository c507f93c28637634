#include <deal.II/base/exceptions.h>
#include <deal.II/base/utilities.h>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <solver/exceptions.h>
#include <solver/parameter_file.h>
#include <solver/tissue_preset.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace FasciaFE
{
  namespace ParameterFile
  {
    namespace
    {
      /** The message of a deal.II exception on one line. */
      std::string
      one_line(const ExceptionBase &e)
      {
        std::ostringstream s;
        e.print_info(s);
        std::string text = std::regex_replace(s.str(), std::regex("\\s+"), " ");
        text             = std::regex_replace(text, std::regex("^ +| +$"), "");
        return text;
      }

      /**
       * The subsection path in force at line @p line of a parameter file
       * (1-based), to name where an error is.
       */
      std::string
      section_at_line(const std::string &filename, const unsigned int line)
      {
        std::ifstream            in(filename);
        std::vector<std::string> path;
        std::string              text;
        for (unsigned int n = 1; n < line && std::getline(in, text); ++n)
          {
            text = Utilities::trim(text.substr(0, text.find('#')));
            if (text.rfind("subsection ", 0) == 0)
              path.push_back(Utilities::trim(text.substr(11)));
            else if (text == "end" && !path.empty())
              path.pop_back();
          }
        std::string joined;
        for (const auto &p : path)
          joined += (joined.empty() ? "" : "/") + p;
        return joined;
      }

      /**
       * "Line <N> of file <F>: message" -> ", line N (in subsection S):
       * message"; other messages -> ": message".
       */
      std::string
      locate(const std::string &filename, const std::string &message)
      {
        std::smatch m;
        if (!std::regex_search(message,
                               m,
                               std::regex(
                                 "^Line <([0-9]+)> of file <[^>]*>: (.*)$")))
          return ": " + message;
        const unsigned int line    = std::stoi(m[1].str());
        const std::string  section = section_at_line(filename, line);
        return ", line " + m[1].str() +
               (section.empty() ? "" : " (in subsection " + section + ")") +
               ": " + m[2].str();
      }

      void
      check_readable(const std::string &filename)
      {
        std::ifstream in(filename);
        check_input(static_cast<bool>(in),
                    "parameter file '" + filename +
                      "' cannot be opened (missing or unreadable)");
      }

      /** Split "A/B/Name=value" into path, name and value. */
      void
      split_option(const std::string        &option,
                   std::vector<std::string> &sections,
                   std::string              &name,
                   std::string              &value)
      {
        const auto eq = option.find('=');
        check_input(eq != std::string::npos && eq > 0,
                    "--set '" + option +
                      "': expected \"Section/Sub/Name=value\"");
        value    = Utilities::trim(option.substr(eq + 1));
        sections = Utilities::split_string_list(option.substr(0, eq), '/');
        name     = sections.back();
        sections.pop_back();
      }
    } // namespace



    void
    declare(ParameterHandler &prm, const unsigned int n_layers)
    {
      GeometryParameters::declare_parameters(prm);
      Tissue::declare_parameters(prm, n_layers);
      DiscretizationParameters::declare_parameters(prm);
      Tool::declare_parameters(prm);
      Protocol::declare_parameters(prm);
      ContactParameters::declare_parameters(prm);
      TimeSteppingParameters::declare_parameters(prm);
      NonlinearSolverParameters::declare_parameters(prm);
      LinearSolverParameters::declare_parameters(prm);
      OutputParameters::declare_parameters(prm);
      TargetRegion::declare_parameters(prm);
    }



    void
    apply_set_option(ParameterHandler &prm, const std::string &option)
    {
      std::vector<std::string> sections;
      std::string              name, value;
      split_option(option, sections, name, value);
      for (const auto &s : sections)
        prm.enter_subsection(s);
      try
        {
          prm.set(name, value);
        }
      catch (const ExceptionBase &e)
        {
          for (unsigned int i = 0; i < sections.size(); ++i)
            prm.leave_subsection();
          const std::string path = option.substr(0, option.find('='));
          if (std::string(e.get_exc_name()).find("Undeclared") !=
              std::string::npos)
            throw InputError("--set: unknown parameter '" + path + "'");
          throw InputError("--set: value '" + value + "' is not valid for '" +
                           path + "': " + one_line(e));
        }
      for (unsigned int i = 0; i < sections.size(); ++i)
        prm.leave_subsection();
    }



    void
    read(ParameterHandler               &prm,
         const std::string              &filename,
         const std::vector<std::string> &set_options)
    {
      check_readable(filename);
      auto parse = [&](ParameterHandler &handler, const bool skip_undefined) {
        try
          {
            handler.parse_input(filename, "", skip_undefined, false);
          }
        catch (const ExceptionBase &e)
          {
            throw InputError("parameter file '" + filename + "'" +
                             locate(filename, one_line(e)));
          }
      };

      // First pass: the number of tissue layers.
      ParameterHandler count;
      Tissue::declare_layer_count(count);
      parse(count, true);
      for (const auto &option : set_options)
        if (option.rfind("Tissue/Number of layers", 0) == 0 ||
            option.rfind("Tissue/Preset", 0) == 0)
          apply_set_option(count, option);
      count.enter_subsection("Tissue");
      unsigned int       n_layers      = count.get_integer("Number of layers");
      const std::string  preset        = count.get("Preset");
      const unsigned int preset_layers = TissuePreset::n_layers(preset);
      count.leave_subsection();
      if (preset_layers > 0)
        {
          check_input(n_layers == 1 || n_layers == preset_layers,
                      "Tissue/Number of layers = " + std::to_string(n_layers) +
                        " conflicts with Tissue/Preset = " + preset + " (" +
                        std::to_string(preset_layers) + " layers)");
          n_layers = preset_layers;
        }

      // Second pass: everything, strictly; a preset's values first, so
      // that the file and the --set options override them.
      declare(prm, n_layers);
      TissuePreset::apply(prm, preset);
      parse(prm, false);
      for (const auto &option : set_options)
        apply_set_option(prm, option);
    }



    void
    parse(ParameterHandler &prm, RunSettings &s)
    {
      s.tissue.parse_parameters(prm);
      s.geometry.parse_parameters(prm);
      s.discretization.parse_parameters(prm);
      s.tool.parse_parameters(prm);
      s.protocol.parse_parameters(prm);
      s.contact.parse_parameters(prm);
      s.time_stepping.parse_parameters(prm);
      s.newton.parse_parameters(prm);
      s.linear.parse_parameters(prm);
      s.output.parse_parameters(prm);
      s.target.parse_parameters(prm);

      std::ostringstream msg;
      const auto        &first = s.protocol.phases.front();
      msg << "Time stepping/Initial time step (" << s.time_stepping.initial_dt
          << " s) is longer than the first protocol phase '" << first.name
          << "' (" << first.t_end - first.t_start << " s)";
      check_input(s.time_stepping.initial_dt <=
                    first.t_end - first.t_start + 1e-14,
                  msg.str());
      msg.str("");
      msg << "Time stepping/Minimum time step (" << s.time_stepping.min_dt
          << " s) is longer than the shortest protocol phase ("
          << s.protocol.shortest_phase() << " s)";
      check_input(s.time_stepping.min_dt <= s.protocol.shortest_phase(),
                  msg.str());
    }



    namespace
    {
      /** Undo ParameterHandler's mangling of names ("_20" is a space). */
      std::string
      demangle(const std::string &s)
      {
        std::string out;
        for (unsigned int i = 0; i < s.size(); ++i)
          if (s[i] == '_' && i + 2 < s.size() + 0 && std::isxdigit(s[i + 1]) &&
              std::isxdigit(s[i + 2]))
            {
              out +=
                static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
              i += 2;
            }
          else
            out += s[i];
        return out;
      }

      void
      markdown_section(std::ostream                      &out,
                       const boost::property_tree::ptree &tree,
                       const std::string                 &path)
      {
        bool header = false;
        for (const auto &child : tree)
          if (child.second.get_optional<std::string>("value"))
            {
              if (!header)
                {
                  out << "\n## " << (path.empty() ? "(top level)" : path)
                      << "\n\n| entry | default | allowed values | "
                         "description |\n|---|---|---|---|\n";
                  header = true;
                }
              std::string doc = child.second.get<std::string>("documentation");
              std::string pattern =
                child.second.get<std::string>("pattern_description");
              for (auto *s : {&doc, &pattern})
                *s = std::regex_replace(std::regex_replace(*s,
                                                           std::regex("\\|"),
                                                           "\\|"),
                                        std::regex("\\s+"),
                                        " ");
              out << "| " << demangle(child.first) << " | `"
                  << child.second.get<std::string>("default_value") << "` | "
                  << pattern << " | " << doc << " |\n";
            }
        for (const auto &child : tree)
          if (!child.second.get_optional<std::string>("value"))
            markdown_section(out,
                             child.second,
                             (path.empty() ? "" : path + "/") +
                               demangle(child.first));
      }
    } // namespace



    void
    print_reference(std::ostream &out, const std::string &format)
    {
      ParameterHandler prm;
      declare(prm, 1);
      if (format == "prm")
        prm.print_parameters(out, ParameterHandler::PRM);
      else if (format == "json")
        prm.print_parameters(out, ParameterHandler::JSON);
      else
        {
          AssertThrow(format == "markdown",
                      ExcMessage("unknown format '" + format + "'"));
          out << "# FasciaFE parameter reference\n\n"
                 "Generated by `fasciafe print-parameters --format markdown`; "
                 "do not edit (a test checks that this file is current).\n"
                 "Units are SI and stated in each description. Sections "
                 "`Tissue/Layer k` repeat for k = 1 .. `Number of layers`; "
                 "only `Layer 1` is listed. Each layer and the tip hold one "
                 "subsection per registered model or shape; the selected one "
                 "is used.\n";
          print_markdown(out, prm);
        }
    }



    void
    print_markdown(std::ostream &out, const ParameterHandler &prm)
    {
      std::stringstream json;
      prm.print_parameters(json, ParameterHandler::JSON);
      boost::property_tree::ptree tree;
      boost::property_tree::read_json(json, tree);
      markdown_section(out, tree, "");
    }
  } // namespace ParameterFile
} // namespace FasciaFE
