#include <solver/output/atomic_file.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <unistd.h>

namespace FasciaFE
{
  std::string
  temporary_name(const std::string &final_path)
  {
    return final_path + ".tmp." + std::to_string(::getpid());
  }



  void
  atomic_rename(const std::string &tmp, const std::string &final_path)
  {
    if (std::rename(tmp.c_str(), final_path.c_str()) != 0)
      {
        const int error = errno;
        throw std::runtime_error("cannot rename '" + tmp + "' to '" +
                                 final_path + "': " + std::strerror(error));
      }
  }



  AtomicOutputFile::AtomicOutputFile(const std::string       &final_path,
                                     const std::ios::openmode mode)
    : final_name(final_path)
    , tmp_name(temporary_name(final_path))
    , out(tmp_name, mode | std::ios::out)
    , is_committed(false)
  {
    if (!out)
      {
        const int error = errno;
        throw std::runtime_error("cannot open '" + tmp_name +
                                 "' for writing (output file '" + final_name +
                                 "'): " + std::strerror(error));
      }
  }



  AtomicOutputFile::~AtomicOutputFile()
  {
    if (!is_committed)
      {
        if (out.is_open())
          out.close();
        std::remove(tmp_name.c_str());
      }
  }



  std::ofstream &
  AtomicOutputFile::stream()
  {
    if (is_committed)
      throw std::logic_error("AtomicOutputFile::stream() called after "
                             "commit() for '" +
                             final_name + "'");
    return out;
  }



  void
  AtomicOutputFile::commit()
  {
    if (is_committed)
      throw std::logic_error("AtomicOutputFile::commit() called twice for '" +
                             final_name + "'");

    out.flush();
    const bool write_ok = static_cast<bool>(out);
    out.close();
    if (!write_ok || out.fail())
      throw std::runtime_error("error while writing '" + tmp_name +
                               "' (output file '" + final_name + "')");

    atomic_rename(tmp_name, final_name);
    is_committed = true;
  }



  bool
  AtomicOutputFile::committed() const
  {
    return is_committed;
  }



  const std::string &
  AtomicOutputFile::final_path() const
  {
    return final_name;
  }



  const std::string &
  AtomicOutputFile::temporary_path() const
  {
    return tmp_name;
  }
} // namespace FasciaFE
