#pragma once

#include <deal.II/base/mpi.h>

#include <deal.II/numerics/data_out.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace FasciaFE
{
  /**
   * Writes the fields of a run (displacement, stresses, contact pressure,
   * cell data, ...) at the output steps, in two forms:
   *
   * - for ParaView: `DIR/vtu/solution_<step>.<rank>.vtu` (one file per MPI
   *   rank, step on 5 and rank on 4 digits), `DIR/vtu/solution_<step>.pvtu`
   *   (the record of the ranks' files) and `DIR/solution.pvd` (the time
   *   series: every step so far with its time, paths relative to DIR);
   * - for programs: one HDF5 file written with parallel HDF5, one group
   *   `/step_<step>` per step holding the datasets `nodes` (n_nodes x 3
   *   doubles, z = 0 in 2D, unit "m"), `cells` (n_cells x 2^dim unsigned
   *   ints: node numbers within the step, counted from 0, in VTK/XDMF
   *   vertex order, unit "1"), and one dataset per data set of the DataOut,
   *   named after it, with its `unit` (see set_unit()): n_nodes doubles for
   *   a scalar, n_nodes x 3 for a vector (z = 0 in 2D), n_nodes x 9 for a
   *   tensor (row-major; a 2D tensor is embedded in a 3x3 one with zeros),
   *   n_nodes x components otherwise; plus the group attributes `time`
   *   (double) and `time_unit` ("s"). The file's root carries the
   *   attributes `format = "fasciafe-fields"`, `format_version = 1`,
   *   `unit_system = "SI"` and `dim`. `DIR/fields.xdmf` is an XDMF 3
   *   temporal collection that describes that file for ParaView or VisIt.
   *
   * Nodes are not shared between cells (every cell has its own 2^dim nodes,
   * as with DataOutBase::DataOutFilter without duplicate filtering), so
   * discontinuous fields are represented exactly. Values are those of the
   * DataOut patches, i.e. single precision stored as doubles. With
   * build_patches(n_subdivisions), each cell gives several output cells.
   *
   * While the run is under way the HDF5 file is called
   * `DIR/fields.h5.partial`: a killed run may leave it truncated, and it
   * never appears as fields.h5. finalize() renames it to `DIR/fields.h5`, so
   * <b>fields.xdmf, which refers to fields.h5, is valid once finalize() has
   * run</b>. The solver calls finalize() at every normal end of a run and
   * after a step that failed. Every other file is written under a temporary
   * name and renamed (see AtomicOutputFile), so it is complete whenever it
   * exists.
   *
   * write() and finalize() are collective over the communicator. Step
   * numbers must increase from one write() to the next. A data set name is
   * used as HDF5 dataset name and XML attribute value: it must not be
   * "nodes" or "cells" nor contain any of / < > & ".
   */
  template <int dim>
  class FieldWriter
  {
  public:
    /**
     * Constructor. Nothing is written or created until the first write().
     */
    FieldWriter(const std::string &output_directory, const MPI_Comm comm);

    /**
     * Declare the unit of a data set (by its name in the DataOut, e.g.
     * "displacement" with unit "m"): it becomes the `unit` attribute of the
     * data set's HDF5 datasets. Data sets without a declared unit get the
     * unit "unspecified".
     */
    void
    set_unit(const std::string &data_set_name, const std::string &unit)
    {
      units[data_set_name] = unit;
    }

    /**
     * Write step @p step at time @p time (in s). @p data_out must have had
     * build_patches() called; on each rank it holds the patches of that
     * rank's locally owned cells. On the first call, the directories
     * `DIR` and `DIR/vtu` are created, a `fields.h5` left in DIR by an
     * earlier run is removed and `fields.h5.partial` is created; later calls
     * append to it. Throws dealii::ExceptionBase if @p step is not larger
     * than the previous one or finalize() has already run, and
     * std::runtime_error (on every rank) if a file cannot be written.
     */
    void
    write(const dealii::DataOut<dim> &data_out,
          const double                time,
          const unsigned int          step);

    /**
     * Rename `fields.h5.partial` to `fields.h5` (on rank 0, after a barrier)
     * so that fields.xdmf becomes valid. Does nothing if no step was
     * written or finalize() already ran; no step may be written afterwards.
     */
    void
    finalize();

    /**
     * Continue the fields of an earlier run in the same directory (a
     * restart), before the first write(): keep its output steps up to
     * @p last_step and drop the later ones. The steps kept are read back
     * from `solution.pvd` and `fields.xdmf`; `fields.h5` (or, if the run was
     * killed, `fields.h5.partial`) becomes `fields.h5.partial` again, and
     * the groups of later steps are deleted from it; the pvtu and vtu files
     * of later steps are deleted; solution.pvd and fields.xdmf are
     * rewritten. If the HDF5 file cannot be opened or lacks a step kept
     * (a run killed while writing it), it is renamed to
     * `fields.h5.damaged` and fields.h5 starts anew with the next step,
     * while solution.pvd keeps every step. Collective; throws
     * std::runtime_error (on every rank) if a file cannot be read or
     * written.
     */
    void
    restore(const unsigned int last_step);

    /**
     * The number of the last step written (also by the run restore()
     * continued), or numbers::invalid_unsigned_int if none.
     */
    unsigned int
    last_step_written() const
    {
      return pvd_steps.empty() ? dealii::numbers::invalid_unsigned_int :
                                 pvd_steps.back();
    }

    /**
     * Number of steps written so far.
     */
    unsigned int
    n_steps_written() const
    {
      return steps.size();
    }

    /**
     * The final name of the HDF5 field file, `DIR/fields.h5`.
     */
    std::string
    hdf5_file_name() const
    {
      return directory + "/fields.h5";
    }

  private:
    /**
     * What fields.xdmf needs to know about one written step.
     */
    struct StepRecord
    {
      unsigned int  step;
      double        time;
      std::uint64_t n_nodes;
      std::uint64_t n_cells;
      /** Name and number of components of every data set. */
      std::vector<std::pair<std::string, unsigned int>> data_sets;
    };

    /**
     * Append the group of one step to fields.h5.partial (collective) and
     * return what fields.xdmf needs about it.
     */
    StepRecord
    write_hdf5(const dealii::DataOut<dim> &data_out,
               const double                time,
               const unsigned int          step) const;

    /**
     * On rank 0, write the pvtu record of the last step and rewrite
     * solution.pvd and fields.xdmf.
     */
    void
    write_records(const dealii::DataOut<dim> &data_out) const;

    /** On rank 0, rewrite solution.pvd and fields.xdmf. */
    void
    write_time_series() const;

    const std::string                           directory;
    const MPI_Comm                              mpi_communicator;
    std::map<std::string, std::string>          units;
    std::vector<StepRecord>                     steps;
    std::vector<std::pair<double, std::string>> pvd_records;
    /** The step numbers of pvd_records. */
    std::vector<unsigned int> pvd_steps;
    bool                      finalized;
  };
} // namespace FasciaFE
