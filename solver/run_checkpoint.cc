#include <deal.II/base/mpi.h>
#include <deal.II/base/utilities.h>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <solver/exceptions.h>
#include <solver/mesh_transfer.h>
#include <solver/output/atomic_file.h>
#include <solver/run_checkpoint.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace FasciaFE
{
  namespace
  {
    const char *format = "FasciaFE-run-checkpoint-1";

    /** The sections whose entries define the model and its mesh. */
    const std::vector<std::string> model_sections = {"Geometry",
                                                     "Tissue",
                                                     "Discretization",
                                                     "Target region"};

    /** Undo ParameterHandler's mangling of names ("_20" is a space). */
    std::string
    demangle(const std::string &s)
    {
      std::string out;
      for (unsigned int i = 0; i < s.size(); ++i)
        if (s[i] == '_' && i + 2 < s.size() && std::isxdigit(s[i + 1]) &&
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

    /** Every entry (a node with a "value") under @p tree, by path. */
    void
    flatten(const boost::property_tree::ptree  &tree,
            const std::string                  &path,
            std::map<std::string, std::string> &entries)
    {
      for (const auto &[name, child] : tree)
        {
          const std::string child_path = path + "/" + demangle(name);
          if (const auto value = child.get_optional<std::string>("value"))
            entries[child_path] = *value;
          else
            flatten(child, child_path, entries);
        }
    }

    /** The content of @p file on rank 0, on every rank ("" if unreadable). */
    std::string
    read_on_root(const std::string &file, const MPI_Comm comm)
    {
      std::string text;
      if (Utilities::MPI::this_mpi_process(comm) == 0)
        {
          std::ifstream      in(file);
          std::ostringstream content;
          if (in && content << in.rdbuf())
            text = content.str();
        }
      return Utilities::MPI::broadcast(comm, text, 0);
    }

    /** A number as the .run file holds it: exactly. */
    std::string
    exact(const double x)
    {
      std::ostringstream s;
      s << std::setprecision(17) << x;
      return s.str();
    }
  } // namespace



  std::map<std::string, std::string>
  model_parameters(const ParameterHandler &prm)
  {
    std::stringstream json;
    prm.print_parameters(json, ParameterHandler::JSON);
    boost::property_tree::ptree tree;
    boost::property_tree::read_json(json, tree);
    std::map<std::string, std::string> entries;
    for (const auto &[name, child] : tree)
      if (std::find(model_sections.begin(),
                    model_sections.end(),
                    demangle(name)) != model_sections.end())
        flatten(child, demangle(name), entries);
    return entries;
  }



  template <int dim>
  void
  write_run_checkpoint(const Simulation<dim>                    &sim,
                       const std::string                        &dir,
                       const RunProgress                        &p,
                       const std::map<std::string, std::string> &parameters)
  {
    namespace fs             = std::filesystem;
    const std::string folder = dir + "/checkpoint";
    const std::string name   = "step_" + Utilities::to_string(p.step, 5);
    const bool        root   = Utilities::MPI::this_mpi_process(sim.comm) == 0;
    std::string       error;
    const auto        on_root = [&](const auto &f) {
      if (root)
        try
          {
            f();
          }
        catch (const std::exception &e)
          {
            error = e.what();
          }
      error = Utilities::MPI::broadcast(sim.comm, error, 0);
      AssertThrow(error.empty(),
                  ExcMessage("cannot write the checkpoint '" + folder + "/" +
                             name + "': " + error));
    };

    on_root([&]() { fs::create_directories(folder); });
    save_checkpoint(sim, folder + "/" + name);
    on_root([&]() {
      AtomicOutputFile run(folder + "/" + name + ".run");
      run.stream() << "format " << format << '\n'
                   << "step " << p.step << '\n'
                   << "total_newton " << p.total_newton << '\n'
                   << "jump_rows " << p.jump_rows << '\n'
                   << "time " << exact(p.t) << '\n'
                   << "dt " << exact(p.dt) << '\n'
                   << "max_force " << exact(p.max_force) << '\n'
                   << "max_area " << exact(p.max_area) << '\n'
                   << "max_pressure " << exact(p.max_pressure) << '\n'
                   << "max_pen_ratio " << exact(p.max_pen_ratio) << '\n'
                   << "min_lambda_target " << exact(p.min_lambda_target) << '\n'
                   << "max_released " << exact(p.max_released) << '\n'
                   << "release_time " << exact(p.release_time) << '\n'
                   << "wall_time " << exact(p.wall_time) << '\n'
                   << "protocol_depth "
                   << exact(sim.settings.protocol.depth(p.t)) << '\n';
      for (const auto &[path, value] : parameters)
        run.stream() << "parameter\t" << path << '\t' << value << '\n';
      run.commit();
      AtomicOutputFile latest(folder + "/latest");
      latest.stream() << name << '\n';
      latest.commit();
      // Only now is the previous checkpoint (and whatever a killed save
      // left) no longer needed.
      for (const auto &entry : fs::directory_iterator(folder))
        {
          const std::string file = entry.path().filename().string();
          if (file != "latest" && file.rfind(name + ".", 0) != 0)
            fs::remove_all(entry.path());
        }
    });
  }



  RunProgress
  read_run_checkpoint(const std::string                        &dir,
                      const MPI_Comm                            comm,
                      const std::map<std::string, std::string> &parameters,
                      std::string                              &prefix)
  {
    const std::string folder = dir + "/checkpoint";
    const std::string name =
      Utilities::trim(read_on_root(folder + "/latest", comm));
    check_input(!name.empty(),
                "--restart: no checkpoint in '" + folder +
                  "' (the run wrote none: set Checkpoint/Interval, or it "
                  "stopped before its first checkpoint)");
    prefix                                  = folder + "/" + name;
    const std::string                  file = "checkpoint '" + prefix + ".run'";
    std::istringstream                 in(read_on_root(prefix + ".run", comm));
    std::map<std::string, std::string> state, saved;
    std::string                        line;
    while (std::getline(in, line))
      {
        const std::vector<std::string> fields =
          Utilities::split_string_list(line, '\t');
        std::istringstream words(line);
        std::string        key, value;
        if (line.rfind("parameter\t", 0) == 0 && fields.size() >= 2)
          saved[fields[1]] = line.substr(11 + fields[1].size());
        else if (words >> key >> value)
          state[key] = value;
      }
    check_input(state["format"] == format,
                file + " is missing or not a FasciaFE run checkpoint");

    std::string  differences;
    unsigned int n_differences = 0;
    for (const auto &[path, value] : parameters)
      if (saved.count(path) == 0 || saved[path] != value)
        if (++n_differences <= 3)
          differences +=
            std::string(n_differences > 1 ? "; " : "") + "'" + path + "' is '" +
            value + "' (the checkpoint: " +
            (saved.count(path) ? "'" + saved[path] + "'" : "no such entry") +
            ")";
    for (const auto &[path, value] : saved)
      if (parameters.count(path) == 0 && ++n_differences <= 3)
        differences += std::string(n_differences > 1 ? "; " : "") + "'" + path +
                       "' of the checkpoint ('" + value +
                       "') is not in the parameter file";
    check_input(n_differences == 0,
                "--restart: the model (mesh, tissue) differs from the one of " +
                  file + " in " + std::to_string(n_differences) +
                  " entries: " + differences);

    RunProgress p;
    try
      {
        p.step         = std::stoul(state.at("step"));
        p.total_newton = std::stoul(state.at("total_newton"));
        // Absent from checkpoints written before cycle jumping.
        p.jump_rows =
          state.count("jump_rows") > 0 ? std::stoul(state.at("jump_rows")) : 0;
        p.t                 = std::stod(state.at("time"));
        p.dt                = std::stod(state.at("dt"));
        p.max_force         = std::stod(state.at("max_force"));
        p.max_area          = std::stod(state.at("max_area"));
        p.max_pressure      = std::stod(state.at("max_pressure"));
        p.max_pen_ratio     = std::stod(state.at("max_pen_ratio"));
        p.min_lambda_target = std::stod(state.at("min_lambda_target"));
        p.max_released      = std::stod(state.at("max_released"));
        p.release_time      = std::stod(state.at("release_time"));
        p.wall_time         = std::stod(state.at("wall_time"));
        p.protocol_depth    = std::stod(state.at("protocol_depth"));
      }
    catch (const std::exception &)
      {
        throw InputError(file + " is incomplete or damaged");
      }
    return p;
  }



  template <int dim>
  void
  load_run_checkpoint(Simulation<dim>   &sim,
                      const std::string &prefix,
                      const RunProgress &progress)
  {
    load_checkpoint(sim, prefix);
    const Protocol    &protocol = sim.settings.protocol;
    const double       depth    = protocol.depth(progress.t);
    std::ostringstream message;
    message << "--restart: at the time of the checkpoint (t = " << progress.t
            << " s) the protocol prescribes the depth " << depth
            << " m, the protocol of the checkpointed run "
            << progress.protocol_depth << " m";
    check_input(std::abs(depth - progress.protocol_depth) <=
                  1e-9 * std::max(protocol.max_depth(), 1e-6),
                message.str());
  }



  template void
  write_run_checkpoint(const Simulation<2> &,
                       const std::string &,
                       const RunProgress &,
                       const std::map<std::string, std::string> &);
  template void
  write_run_checkpoint(const Simulation<3> &,
                       const std::string &,
                       const RunProgress &,
                       const std::map<std::string, std::string> &);
  template void
  load_run_checkpoint(Simulation<2> &,
                      const std::string &,
                      const RunProgress &);
  template void
  load_run_checkpoint(Simulation<3> &,
                      const std::string &,
                      const RunProgress &);
} // namespace FasciaFE
