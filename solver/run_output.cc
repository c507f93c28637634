#include <deal.II/base/mpi.h>

#include <solver/output/atomic_file.h>
#include <solver/run_output.h>

#include <algorithm>
#include <cctype>
#include <iomanip>
#include <sstream>

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
  } // namespace



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
      {"depth",
       "m",
       "apex depth below the undeformed surface (prescribed; under "
       "force control the depth reached)"},
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
      {"wall_time", "s", "wall time since the start of the run"},
      {"tip_rotation", "rad", "angle the tip has rolled about its axis"},
      {"friction_force_x", N, "tangential (friction) part of force_x"},
      {"friction_force_y", N, "tangential (friction) part of force_y"},
      {"friction_force_z", N, "tangential (friction) part of force_z"},
      {"slip_fraction",
       "1",
       "fraction of the contact points that slip (0 frictionless)"},
      {"tip_tilt",
       "rad",
       "tilt of the tip about y: Tip/Tilt angle + pivot angle (Tip/Rotation "
       "not included)"},
      {"moment_y",
       per_length ? "N" : "N m",
       "moment of the contact forces on the tip about its pivot point "
       "(the apex if not pivoted), y"}};
    for (const auto &c : columns)
      history.add_column(c[0], c[1], c[2]);
    const std::string V    = per_length ? "m^2" : "m^3";
    const auto        keys = layer_keys(tissue);
    for (unsigned int k = 0; k < keys.size(); ++k)
      {
        const std::string layer = " in layer " + std::to_string(k + 1) + " (" +
                                  tissue.layers[k].name + ")";
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
} // namespace FasciaFE
