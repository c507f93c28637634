#include <deal.II/base/data_out_base.h>
#include <deal.II/base/geometry_info.h>
#include <deal.II/base/mpi.h>

#include <boost/serialization/string.hpp>

#include <hdf5.h>

#include <solver/output/atomic_file.h>
#include <solver/output/field_writer.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <locale>
#include <regex>
#include <sstream>
#include <stdexcept>

/**
 * The time-series records of FieldWriter (solution.pvd and fields.xdmf):
 * writing them, and reading them back to continue a run (restore()).
 */
namespace FasciaFE
{
  using namespace dealii;

  namespace
  {
    /**
     * The XDMF attribute type of a data set with @p n_components components.
     */
    std::string
    xdmf_attribute_type(const unsigned int n_components)
    {
      return n_components == 1 ? "Scalar" :
             n_components == 3 ? "Vector" :
             n_components == 9 ? "Tensor" :
                                 "Matrix";
    }

    /**
     * An XDMF DataItem for the HDF5 dataset @p path with @p rows rows and
     * @p columns columns (1-D if @p columns is 1) of doubles or, if
     * @p integer, of 32-bit unsigned integers.
     */
    std::string
    data_item(const std::uint64_t rows,
              const unsigned int  columns,
              const std::string  &path,
              const bool          integer = false)
    {
      return "          <DataItem Dimensions=\"" + std::to_string(rows) +
             (columns != 1 ? " " + std::to_string(columns) : "") +
             (integer ? "\" NumberType=\"UInt\" Precision=\"4\"" :
                        "\" NumberType=\"Float\" Precision=\"8\"") +
             " Format=\"HDF\">" + path + "</DataItem>\n";
    }

    /** The content of @p file, or "" if it cannot be read. */
    std::string
    read_text(const std::string &file)
    {
      std::ifstream      in(file);
      std::ostringstream text;
      if (in && text << in.rdbuf())
        return text.str();
      return "";
    }

    /**
     * The step number of a name "..._SSSSS" or "..._SSSSS.pvtu", or
     * numbers::invalid_unsigned_int.
     */
    unsigned int
    step_number(const std::string &name)
    {
      std::smatch m;
      if (std::regex_search(name, m, std::regex("_([0-9]+)(\\.pvtu)?$")))
        return std::stoul(m[1].str());
      return numbers::invalid_unsigned_int;
    }

    /**
     * Delete the groups of the steps after @p last_step from the field file
     * @p file; false if it cannot be opened or lacks a group of @p kept.
     */
    bool
    truncate_hdf5(const std::string               &file,
                  const std::vector<unsigned int> &kept,
                  const unsigned int               last_step)
    {
      H5E_auto2_t handler;
      void       *data = nullptr;
      H5Eget_auto2(H5E_DEFAULT, &handler, &data);
      H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
      const hid_t              f = std::filesystem::exists(file) ?
                                     H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT) :
                                     -1;
      H5G_info_t               info;
      bool                     ok = f >= 0 && H5Gget_info(f, &info) >= 0;
      std::vector<std::string> names;
      for (hsize_t i = 0; ok && i < info.nlinks; ++i)
        {
          char name[256] = "";
          ok             = H5Lget_name_by_idx(f,
                                  ".",
                                  H5_INDEX_NAME,
                                  H5_ITER_INC,
                                  i,
                                  name,
                                  256,
                                  H5P_DEFAULT) > 0;
          names.emplace_back(name);
        }
      for (const std::string &name : names)
        if (ok && name.rfind("step_", 0) == 0 && step_number(name) > last_step)
          ok = H5Ldelete(f, name.c_str(), H5P_DEFAULT) >= 0;
      for (const unsigned int step : kept)
        ok = ok && H5Lexists(f,
                             ("step_" + Utilities::to_string(step, 5)).c_str(),
                             H5P_DEFAULT) > 0;
      if (f >= 0)
        ok = H5Fclose(f) >= 0 && ok;
      H5Eset_auto2(H5E_DEFAULT, handler, data);
      return ok;
    }
  } // namespace



  template <int dim>
  void
  FieldWriter<dim>::write_time_series() const
  {
    AtomicOutputFile pvd(directory + "/solution.pvd");
    pvd.stream().imbue(std::locale::classic());
    pvd.stream() << std::setprecision(17);
    DataOutBase::write_pvd_record(pvd.stream(), pvd_records);
    pvd.commit();

    const std::string  topology = dim == 2 ? "Quadrilateral" : "Hexahedron";
    const unsigned int vertices_per_cell = GeometryInfo<dim>::vertices_per_cell;
    AtomicOutputFile   file(directory + "/fields.xdmf");
    std::ostream      &out = file.stream();
    out.imbue(std::locale::classic());
    out << std::setprecision(17);
    out << "<?xml version=\"1.0\" ?>\n<!DOCTYPE Xdmf SYSTEM \"Xdmf.dtd\" []>\n"
        << "<Xdmf Version=\"3.0\">\n  <Domain>\n    <Grid Name=\"fields\" "
        << "GridType=\"Collection\" CollectionType=\"Temporal\">\n";
    for (const StepRecord &record : steps)
      {
        const std::string group =
          "step_" + Utilities::to_string(record.step, 5);
        const std::string h5 = "fields.h5:/" + group + "/";
        out << "      <Grid Name=\"" << group << "\" GridType=\"Uniform\">\n"
            << "        <Time Value=\"" << record.time << "\"/>\n"
            << "        <Topology TopologyType=\"" << topology
            << "\" NumberOfElements=\"" << record.n_cells << "\">\n"
            << data_item(record.n_cells, vertices_per_cell, h5 + "cells", true)
            << "        </Topology>\n"
            << "        <Geometry GeometryType=\"XYZ\">\n"
            << data_item(record.n_nodes, 3, h5 + "nodes")
            << "        </Geometry>\n";
        for (const auto &data_set : record.data_sets)
          out << "        <Attribute Name=\"" << data_set.first
              << "\" AttributeType=\"" << xdmf_attribute_type(data_set.second)
              << "\" Center=\"Node\">\n"
              << data_item(record.n_nodes, data_set.second, h5 + data_set.first)
              << "        </Attribute>\n";
        out << "      </Grid>\n";
      }
    out << "    </Grid>\n  </Domain>\n</Xdmf>\n";
    file.commit();
  }



  template <int dim>
  void
  FieldWriter<dim>::restore(const unsigned int last_step)
  {
    AssertThrow(!finalized && pvd_steps.empty(),
                ExcMessage("FieldWriter::restore() after write()"));
    const bool  root = Utilities::MPI::this_mpi_process(mpi_communicator) == 0;
    std::string pvd, xdmf;
    if (root)
      {
        pvd  = read_text(directory + "/solution.pvd");
        xdmf = read_text(directory + "/fields.xdmf");
      }
    pvd  = Utilities::MPI::broadcast(mpi_communicator, pvd, 0);
    xdmf = Utilities::MPI::broadcast(mpi_communicator, xdmf, 0);

    const std::regex data_set("<DataSet\\s+timestep=\"([^\"]*)\"[^>]*"
                              "file=\"([^\"]*)\"");
    for (std::sregex_iterator m(pvd.begin(), pvd.end(), data_set), end;
         m != end;
         ++m)
      {
        const unsigned int step = step_number((*m)[2].str());
        if (step <= last_step)
          {
            pvd_records.emplace_back(std::stod((*m)[1].str()), (*m)[2].str());
            pvd_steps.push_back(step);
          }
      }

    const std::regex grid("<Grid Name=\"step_([0-9]+)\" GridType=\"Uniform\">"
                          "([\\s\\S]*?)</Grid>");
    const std::regex time("<Time Value=\"([^\"]*)\"");
    const std::regex cells("NumberOfElements=\"([0-9]+)\"");
    const std::regex nodes(
      "<Geometry[^>]*>\\s*<DataItem Dimensions=\"([0-9]+)");
    const std::regex attribute("<Attribute Name=\"([^\"]*)\"[^>]*>\\s*"
                               "<DataItem Dimensions=\"[0-9]+ ?([0-9]*)\"");
    std::smatch      t, c, n;
    for (std::sregex_iterator m(xdmf.begin(), xdmf.end(), grid), end; m != end;
         ++m)
      {
        const std::string  block = (*m)[2].str();
        const unsigned int step  = std::stoul((*m)[1].str());
        AssertThrow(std::regex_search(block, t, time) &&
                      std::regex_search(block, c, cells) &&
                      std::regex_search(block, n, nodes),
                    ExcMessage("cannot read step " + std::to_string(step) +
                               " of '" + directory + "/fields.xdmf'"));
        if (step > last_step)
          continue;
        StepRecord record{step,
                          std::stod(t[1].str()),
                          std::stoull(n[1].str()),
                          std::stoull(c[1].str()),
                          {}};
        for (std::sregex_iterator a(block.begin(), block.end(), attribute);
             a != end;
             ++a)
          record.data_sets.emplace_back((*a)[1].str(),
                                        (*a)[2].str().empty() ?
                                          1u :
                                          std::stoul((*a)[2].str()));
        steps.push_back(record);
      }

    // Rank 0 puts the files in order: the HDF5 file under its name while a
    // run is under way, without later steps, no vtu of a later step, and
    // the records of the steps kept.
    std::string error;
    bool        hdf5_ok = true;
    if (root)
      try
        {
          namespace fs             = std::filesystem;
          const std::string h5     = hdf5_file_name();
          const std::string active = h5 + ".partial";
          if (fs::exists(active))
            fs::remove(h5);
          else if (fs::exists(h5))
            atomic_rename(h5, active);
          std::vector<unsigned int> kept;
          for (const StepRecord &record : steps)
            kept.push_back(record.step);
          if (!kept.empty())
            hdf5_ok = truncate_hdf5(active, kept, last_step);
          if (!hdf5_ok && fs::exists(active))
            atomic_rename(active, h5 + ".damaged");
          if (!hdf5_ok)
            steps.clear();
          if (!pvd_records.empty())
            write_time_series();
          if (fs::is_directory(directory + "/vtu"))
            for (const auto &entry : fs::directory_iterator(directory + "/vtu"))
              {
                std::smatch       m;
                const std::string name = entry.path().filename().string();
                if (std::regex_match(name,
                                     m,
                                     std::regex("solution_([0-9]+)\\..*")) &&
                    std::stoul(m[1].str()) > last_step)
                  fs::remove(entry.path());
              }
        }
      catch (const std::exception &e)
        {
          error = e.what();
        }
    error   = Utilities::MPI::broadcast(mpi_communicator, error, 0);
    hdf5_ok = Utilities::MPI::broadcast(mpi_communicator, hdf5_ok, 0);
    if (!error.empty())
      throw std::runtime_error("cannot continue the fields of '" + directory +
                               "': " + error);
    if (!hdf5_ok)
      steps.clear();
  }



  template void
  FieldWriter<2>::write_time_series() const;
  template void
  FieldWriter<3>::write_time_series() const;
  template void
  FieldWriter<2>::restore(const unsigned int);
  template void
  FieldWriter<3>::restore(const unsigned int);
} // namespace FasciaFE
