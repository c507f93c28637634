#pragma once

#include <deal.II/base/parameter_handler.h>

#include <solver/simulation.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  /**
   * Reading a parameter file: a first pass reads Tissue/Number of layers
   * (from the file and the --set options), then every section is declared
   * and the file parsed strictly, then the --set options are applied.
   * Every problem (missing file, malformed line, unknown entry, value out
   * of its pattern) becomes an InputError naming file, line and entry.
   */
  namespace ParameterFile
  {
    /** Declare every section, with @p n_layers tissue layers. */
    void
    declare(ParameterHandler &prm, const unsigned int n_layers);

    /** Declare, read and override: the complete parameter set. */
    void
    read(ParameterHandler               &prm,
         const std::string              &filename,
         const std::vector<std::string> &set_options);

    /** Apply one "Section/Sub/Name=value" override. */
    void
    apply_set_option(ParameterHandler &prm, const std::string &option);

    /** Parse every section into @p settings (may throw InputError). */
    void
    parse(ParameterHandler &prm, RunSettings &settings);

    /**
     * Write the reference of all parameters: "prm", "json" or "markdown"
     * (the latter is docs/parameters.md).
     */
    void
    print_reference(std::ostream &out, const std::string &format);

    /**
     * The entries of @p prm as markdown tables, one per subsection
     * (entry, default, allowed values, description).
     */
    void
    print_markdown(std::ostream &out, const ParameterHandler &prm);
  } // namespace ParameterFile
} // namespace FasciaFE
