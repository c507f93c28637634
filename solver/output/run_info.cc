#include <deal.II/base/exceptions.h>
#include <deal.II/base/mpi.h>

#include <boost/date_time/posix_time/posix_time.hpp>
#include <boost/property_tree/json_parser.hpp>

#include <fasciafe_version.h>
#include <solver/output/atomic_file.h>
#include <solver/output/run_info.h>

#include <filesystem>
#include <sstream>

namespace FasciaFE
{
  using namespace dealii;

  namespace
  {
    /**
     * The current time in ISO 8601 UTC with a second resolution, e.g.
     * "2024-05-01T12:00:00Z".
     */
    std::string
    utc_now()
    {
      return boost::posix_time::to_iso_extended_string(
               boost::posix_time::second_clock::universal_time()) +
             "Z";
    }
  } // namespace



  std::string
  to_string(const RunStatus status)
  {
    switch (status)
      {
        case RunStatus::running:
          return "running";
        case RunStatus::completed:
          return "completed";
        case RunStatus::failed:
          return "failed";
      }
    return "unknown";
  }



  RunInfo::RunInfo(const std::string &output_directory,
                   const MPI_Comm     comm,
                   const std::string &command_line,
                   const std::string &parameters_json)
    : directory(output_directory)
    , mpi_communicator(comm)
    , started(false)
  {
    boost::property_tree::ptree parameters;
    if (parameters_json.find_first_not_of(" \t\r\n") != std::string::npos)
      {
        std::istringstream in(parameters_json);
        boost::property_tree::read_json(in, parameters);
      }

    info.put("fasciafe_version", FASCIAFE_VERSION);
    info.put("git_hash", FASCIAFE_GIT_HASH);
    info.put("command_line", command_line);
    info.put("n_mpi_ranks", Utilities::MPI::n_mpi_processes(comm));
    info.put("start_time", "");
    info.put("end_time", "");
    info.put("wall_time_s", 0.0);
    info.put("status", to_string(RunStatus::running));
    info.put("message", "");
    info.put("n_steps", 0u);
    info.add_child("parameters", parameters);
  }



  void
  RunInfo::start()
  {
    info.put("start_time", utc_now());
    info.put("end_time", "");
    info.put("wall_time_s", 0.0);
    info.put("status", to_string(RunStatus::running));
    info.put("message", "");
    info.put("n_steps", 0u);
    timer.reset();
    timer.start();
    started = true;
    write();
  }



  void
  RunInfo::finish(const RunStatus    status,
                  const std::string &message,
                  const unsigned int n_steps)
  {
    AssertThrow(started,
                ExcMessage("RunInfo::finish() called before RunInfo::start()"));
    info.put("end_time", utc_now());
    info.put("wall_time_s", timer.wall_time());
    info.put("status", to_string(status));
    info.put("message", message);
    info.put("n_steps", n_steps);
    write();
  }



  const boost::property_tree::ptree &
  RunInfo::tree() const
  {
    return info;
  }



  std::string
  RunInfo::file_name() const
  {
    return directory + "/run.json";
  }



  void
  RunInfo::write() const
  {
    if (Utilities::MPI::this_mpi_process(mpi_communicator) != 0)
      return;

    std::filesystem::create_directories(directory);
    AtomicOutputFile file(file_name());
    boost::property_tree::write_json(file.stream(), info, true);
    file.commit();
  }
} // namespace FasciaFE
