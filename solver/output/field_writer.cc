#include <deal.II/base/data_out_base.h>
#include <deal.II/base/exceptions.h>
#include <deal.II/base/geometry_info.h>
#include <deal.II/base/hdf5.h>
#include <deal.II/base/mpi.h>

#include <boost/serialization/string.hpp>
#include <boost/serialization/utility.hpp>
#include <boost/serialization/vector.hpp>

#include <solver/output/atomic_file.h>
#include <solver/output/field_writer.h>

#include <filesystem>
#include <iomanip>
#include <limits>
#include <locale>
#include <stdexcept>

namespace FasciaFE
{
  using namespace dealii;

  namespace
  {
    /**
     * Run @p f on every rank of @p comm, then throw std::runtime_error on
     * every rank if it threw on any of them, so that no rank goes on to a
     * collective operation that the others never reach. Also synchronizes
     * the ranks like a barrier.
     */
    template <typename Function>
    void
    run_checked_on_all_ranks(const MPI_Comm comm, const Function &f)
    {
      std::string error;
      try
        {
          f();
        }
      catch (const std::exception &e)
        {
          error = e.what();
          if (error.empty())
            error = "unknown error";
        }
      if (Utilities::MPI::max(error.empty() ? 0u : 1u, comm) != 0)
        throw std::runtime_error(error.empty() ? "FieldWriter: writing failed "
                                                 "on another MPI rank" :
                                                 error);
    }

    /**
     * The name of the VTU files of @p step without the rank and extension.
     */
    std::string
    vtu_base_name(const unsigned int step)
    {
      return "solution_" + Utilities::to_string(step, 5);
    }

    /**
     * The number of components stored for a data set of @p n components: in
     * 2D a vector (2 components) is padded with a zero z component and a
     * 2x2 tensor (4 components, row-major) is embedded in a 3x3 one, so that
     * XDMF readers see Vector and Tensor attributes; anything else is
     * stored as is.
     */
    template <int dim>
    unsigned int
    stored_components(const unsigned int n)
    {
      return dim != 2 ? n : n == 2 ? 3 : n == 4 ? 9 : n;
    }
  } // namespace



  template <int dim>
  FieldWriter<dim>::FieldWriter(const std::string &output_directory,
                                const MPI_Comm     comm)
    : directory(output_directory)
    , mpi_communicator(comm)
    , finalized(false)
  {}



  template <int dim>
  void
  FieldWriter<dim>::write(const DataOut<dim> &data_out,
                          const double        time,
                          const unsigned int  step)
  {
    AssertThrow(!finalized,
                ExcMessage("FieldWriter::write() called after finalize()"));
    AssertThrow(pvd_steps.empty() || step > pvd_steps.back(),
                ExcMessage("FieldWriter::write(): step " +
                           std::to_string(step) + " is not after step " +
                           std::to_string(pvd_steps.back())));

    const unsigned int rank =
      Utilities::MPI::this_mpi_process(mpi_communicator);
    if (steps.empty())
      run_checked_on_all_ranks(mpi_communicator, [&]() {
        if (rank == 0)
          {
            std::filesystem::create_directories(directory + "/vtu");
            std::filesystem::remove(hdf5_file_name());
          }
      });

    // Every rank writes its piece; the check also serves as the barrier
    // after which all pieces exist.
    run_checked_on_all_ranks(mpi_communicator, [&]() {
      AtomicOutputFile file(directory + "/vtu/" + vtu_base_name(step) + "." +
                            Utilities::to_string(rank, 4) + ".vtu");
      data_out.write_vtu(file.stream());
      file.commit();
    });

    steps.push_back(write_hdf5(data_out, time, step));
    pvd_records.emplace_back(time, "vtu/" + vtu_base_name(step) + ".pvtu");
    pvd_steps.push_back(step);
    run_checked_on_all_ranks(mpi_communicator, [&]() {
      if (rank == 0)
        write_records(data_out);
    });
  }



  template <int dim>
  typename FieldWriter<dim>::StepRecord
  FieldWriter<dim>::write_hdf5(const DataOut<dim> &data_out,
                               const double        time,
                               const unsigned int  step) const
  {
    const unsigned int rank =
      Utilities::MPI::this_mpi_process(mpi_communicator);

    // Without duplicate filtering each patch vertex is a node of its own.
    // The XDMF/HDF5 flag is not set: in deal.II 9.4 it pads 2D vectors to 3
    // components but also truncates every tensor to 3 components; padding
    // is done below instead (see stored_components()).
    DataOutBase::DataOutFilter filter(
      DataOutBase::DataOutFilterFlags(false, false));
    data_out.write_filtered_data(filter);
    const bool          has_cells   = !data_out.get_patches().empty();
    const std::uint64_t local_nodes = has_cells ? filter.n_nodes() : 0;
    const std::uint64_t local_cells = has_cells ? filter.n_cells() : 0;

    // Offsets of this rank's nodes and cells in the file's numbering.
    std::uint64_t local_counts[2] = {local_nodes, local_cells};
    std::uint64_t offsets[2]      = {0, 0};

    int ierr = MPI_Exscan(local_counts,
                          offsets,
                          2,
                          MPI_UINT64_T,
                          MPI_SUM,
                          mpi_communicator);
    AssertThrowMPI(ierr);
    if (rank == 0)
      offsets[0] = offsets[1] = 0;

    StepRecord record{step,
                      time,
                      Utilities::MPI::sum(local_nodes, mpi_communicator),
                      Utilities::MPI::sum(local_cells, mpi_communicator),
                      {}};
    AssertThrow(record.n_cells > 0,
                ExcMessage("FieldWriter::write(): the DataOut has no patches "
                           "on any rank (was build_patches() called?)"));
    AssertThrow(record.n_nodes <= std::numeric_limits<unsigned int>::max(),
                ExcMessage("FieldWriter::write(): too many nodes for "
                           "32-bit node numbers"));

    // A rank without cells has an empty filter: take the names and sizes of
    // the data sets from the first rank that has cells.
    std::vector<std::pair<std::string, unsigned int>> data_sets;
    for (unsigned int i = 0; i < filter.n_data_sets(); ++i)
      data_sets.emplace_back(filter.get_data_set_name(i),
                             stored_components<dim>(
                               filter.get_data_set_dim(i)));
    const unsigned int source_rank =
      Utilities::MPI::min(has_cells ? rank : numbers::invalid_unsigned_int,
                          mpi_communicator);
    record.data_sets =
      Utilities::MPI::broadcast(mpi_communicator, data_sets, source_rank);
    // A data set name is an HDF5 dataset name and an XML attribute value.
    for (const auto &data_set : record.data_sets)
      AssertThrow(data_set.first.find_first_of("/<>&\"") == std::string::npos &&
                    data_set.first != "nodes" && data_set.first != "cells" &&
                    !data_set.first.empty() && data_set.first != ".",
                  ExcMessage("FieldWriter: a data set cannot be named '" +
                             data_set.first + "'"));

    HDF5::File file(hdf5_file_name() + ".partial",
                    steps.empty() ? HDF5::File::FileAccessMode::create :
                                    HDF5::File::FileAccessMode::open,
                    mpi_communicator);
    if (steps.empty())
      {
        file.set_attribute("format", std::string("fasciafe-fields"));
        file.set_attribute("format_version", 1);
        file.set_attribute("unit_system", std::string("SI"));
        file.set_attribute("dim", dim);
      }
    HDF5::Group group =
      file.create_group("step_" + Utilities::to_string(step, 5));
    group.set_attribute("time", time);
    group.set_attribute("time_unit", std::string("s"));

    // Writes this rank's rows, values.size() / n_columns of them from row
    // rows.second on, of an n x n_columns dataset, n = rows.first (1-D if
    // n_columns is 1); ranks without rows take part all the same.
    const auto write_rows =
      [&](const std::string                             &name,
          const auto                                    &values,
          const unsigned int                             n_columns,
          const std::pair<std::uint64_t, std::uint64_t> &rows,
          const std::string                             &unit) {
        using Number = typename std::decay_t<decltype(values)>::value_type;
        std::vector<hsize_t> dimensions = {rows.first};
        std::vector<hsize_t> start      = {rows.second};
        std::vector<hsize_t> count      = {values.size() / n_columns};
        if (n_columns != 1)
          {
            dimensions.push_back(n_columns);
            start.push_back(0);
            count.push_back(n_columns);
          }
        HDF5::DataSet dataset = group.create_dataset<Number>(name, dimensions);
        if (!values.empty())
          dataset.write_hyperslab(values, start, count);
        else
          dataset.template write_none<Number>();
        dataset.set_attribute("unit", unit);
      };
    const std::pair<std::uint64_t, std::uint64_t> node_rows(record.n_nodes,
                                                            offsets[0]);

    // Nodes, padded to three coordinates.
    std::vector<double> node_data, nodes(3 * local_nodes, 0.0);
    if (has_cells)
      filter.fill_node_data(node_data);
    for (std::uint64_t n = 0; n < local_nodes; ++n)
      for (unsigned int d = 0; d < dim; ++d)
        nodes[3 * n + d] = node_data[dim * n + d];
    write_rows("nodes", nodes, 3, node_rows, "m");

    std::vector<unsigned int> cells;
    if (has_cells)
      filter.fill_cell_data(offsets[0], cells);
    write_rows("cells",
               cells,
               GeometryInfo<dim>::vertices_per_cell,
               std::make_pair(record.n_cells, offsets[1]),
               "1");

    for (unsigned int i = 0; i < record.data_sets.size(); ++i)
      {
        const std::string  &name     = record.data_sets[i].first;
        const unsigned int  n_stored = record.data_sets[i].second;
        std::vector<double> values(n_stored * local_nodes, 0.0);
        if (has_cells)
          {
            const unsigned int n_given = filter.get_data_set_dim(i);
            const double      *source  = filter.get_data_set(i);
            for (std::uint64_t n = 0; n < local_nodes; ++n)
              for (unsigned int c = 0; c < n_given; ++c)
                values[n_stored * n + (n_stored == 9 && n_given == 4 ?
                                         3 * (c / 2) + c % 2 :
                                         c)] = source[n_given * n + c];
          }
        const auto unit = units.find(name);
        write_rows(name,
                   values,
                   n_stored,
                   node_rows,
                   unit != units.end() ? unit->second : "unspecified");
      }
    return record;
  }



  template <int dim>
  void
  FieldWriter<dim>::write_records(const DataOut<dim> &data_out) const
  {
    const unsigned int n_ranks =
      Utilities::MPI::n_mpi_processes(mpi_communicator);
    const std::string        base = vtu_base_name(steps.back().step);
    std::vector<std::string> piece_names;
    for (unsigned int r = 0; r < n_ranks; ++r)
      piece_names.push_back(base + "." + Utilities::to_string(r, 4) + ".vtu");
    AtomicOutputFile pvtu(directory + "/" + pvd_records.back().second);
    data_out.write_pvtu_record(pvtu.stream(), piece_names);
    pvtu.commit();

    write_time_series();
  }



  template <int dim>
  void
  FieldWriter<dim>::finalize()
  {
    if (finalized)
      return;
    finalized = true;
    if (steps.empty())
      return;

    // Every rank closed the file in write() before the collective check
    // that ends write(), so no rank is still working on it.
    const std::string final_name = hdf5_file_name();
    run_checked_on_all_ranks(mpi_communicator, [&]() {
      if (Utilities::MPI::this_mpi_process(mpi_communicator) == 0)
        atomic_rename(final_name + ".partial", final_name);
    });
  }



  template class FieldWriter<2>;
  template class FieldWriter<3>;
} // namespace FasciaFE
