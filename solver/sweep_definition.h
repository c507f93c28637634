#pragma once

/**
 * The definition of a parameter sweep (docs/sweeps.md): the `Sweep`
 * section of a sweep file, read with deal.II's ParameterHandler in two
 * passes (first `Number of axes`, then the axis subsections), and its
 * expansion into cases.
 */

#include <deal.II/base/parameter_handler.h>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace FasciaFE
{
  /** One swept parameter: a path of the run parameters and its values. */
  struct SweepAxis
  {
    /** "Section/Sub/Name", e.g. "Protocol/Hold time". */
    std::string parameter;
    /** list, linear, log, uniform or normal. */
    std::string kind;
    /** Kind list: the values as written. */
    std::vector<std::string> values;
    /** Kinds linear, log, uniform: the interval [from, to]. */
    double from = 0., to = 0.;
    /** Kind normal: mean and standard deviation. */
    double mean = 0., deviation = 0.;
    /** Number of values (grid points or quantiles) in the grid designs. */
    unsigned int count = 1;

    /**
     * The value of this axis at the probability u in [0, 1): for a list
     * the value number floor(u n), for linear and uniform from + u (to -
     * from), for log from (to / from)^u, for normal the quantile of u
     * (boost::math).
     */
    std::string
    value_at(const double u) const;

    /**
     * The values of the grid designs: the list, the Count grid points of
     * linear and log (from and to included), or the quantiles at
     * (i + 1/2) / Count of uniform and normal.
     */
    std::vector<std::string>
    grid() const;
  };

  /** The Sweep section of a sweep file. */
  struct SweepDefinition
  {
    /** The sweep file itself. */
    std::string file;
    /** The base scenario, resolved relative to the sweep file. */
    std::string base;
    /** "Section/Name=value" settings applied to every case. */
    std::vector<std::string> overrides;
    /** full factorial, one-at-a-time or latin hypercube. */
    std::string  design;
    unsigned int seed    = 1;
    unsigned int samples = 10;
    /** MPI ranks per case: the size of each sub-communicator. */
    unsigned int ranks_per_case = 1;
    /** Default output directory (relative to the working directory). */
    std::string            output_directory;
    std::vector<SweepAxis> axes;

    /**
     * Declare the Sweep section with @p n_axes axis subsections, with
     * patterns, defaults and units.
     */
    static void
    declare(dealii::ParameterHandler &prm, const unsigned int n_axes);

    /**
     * Read @p file (two passes) and then @p extra_overrides (the --set
     * options of `fasciafe sweep`, appended to Base overrides). Throws
     * InputError naming the file, line and entry.
     */
    static SweepDefinition
    read(const std::string              &file,
         const std::vector<std::string> &extra_overrides);

    /** The markdown reference of the Sweep section (docs/sweeps.md). */
    static void
    print_reference(std::ostream &out);
  };

  /** The cases of a sweep, in the order of their ids. */
  struct SweepPlan
  {
    /** Per axis: its values as the design uses them (the grid or draws). */
    std::vector<std::vector<std::string>> axis_values;
    /** Per case: one value per axis, in axis order. */
    std::vector<std::vector<std::string>> cases;
    /** Per axis: the unit of its parameter (from its description). */
    std::vector<std::string> axis_units;
    /** Plane strain base: forces, volumes, energies per unit length. */
    bool per_length = false;

    /** The id of case @p c: zero-padded to 4 digits (more if needed). */
    std::string
    id(const unsigned int c) const;
  };

  /**
   * Check that every axis names a parameter of the base scenario (with the
   * overrides), and expand the design: full factorial (every combination,
   * the last axis varying fastest), one-at-a-time (the baseline, then each
   * axis through its grid with the others at their base values; values
   * equal to the baseline are skipped) or Latin hypercube (Number of
   * samples cases; each axis stratified into that many equally probable
   * intervals, one random point per interval, strata permuted at random
   * per axis, all drawn from a std::mt19937_64 seeded with Seed). Throws
   * InputError if the base scenario cannot be read or an axis parameter is
   * not one of its parameters.
   */
  SweepPlan
  expand(const SweepDefinition &definition);
} // namespace FasciaFE
