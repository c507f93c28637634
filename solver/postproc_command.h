#pragma once

#include <string>
#include <vector>

namespace FasciaFE
{
  /**
   * Directory of the post-processing scripts (postproc/ of the source tree
   * the binary was built from), or the environment variable
   * FASCIAFE_POSTPROC_DIR when it is set.
   */
  std::string
  postproc_directory();

  /**
   * Run the post-processing tool postproc/@p script with Debian's
   * /usr/bin/python3 (numpy, h5py, matplotlib) and the arguments @p args,
   * and return its exit status (127 if it could not be started). The
   * commands `fasciafe calibrate` and `fasciafe figures` are such tools;
   * they run on one process (rank 0 under mpirun; the others wait).
   */
  int
  run_postproc(const std::string &script, const std::vector<std::string> &args);
} // namespace FasciaFE
