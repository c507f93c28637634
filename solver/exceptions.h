#pragma once

#include <stdexcept>
#include <string>

namespace FasciaFE
{
  /**
   * An error in the user's input (parameter file, --set option, mesh or tip
   * file, inconsistent settings). The message is one line that names the
   * culprit; the command line prints it as "fasciafe: error: <message>" and
   * exits with status 2 before any output is written.
   */
  class InputError : public std::runtime_error
  {
  public:
    explicit InputError(const std::string &message)
      : std::runtime_error(message)
    {}
  };

  /**
   * A step that could not be solved even after the allowed number of time
   * step cut-backs. The run is stopped cleanly (exit status 3): everything
   * written so far stays valid and run.json records status "failed".
   */
  class ConvergenceFailure : public std::runtime_error
  {
  public:
    explicit ConvergenceFailure(const std::string &message)
      : std::runtime_error(message)
    {}
  };

  /**
   * Throw an InputError with the given message unless the condition holds.
   */
  inline void
  check_input(const bool condition, const std::string &message)
  {
    if (!condition)
      throw InputError(message);
  }
} // namespace FasciaFE
