#include <deal.II/base/exceptions.h>
#include <deal.II/base/hdf5.h>
#include <deal.II/base/mpi.h>

#include <boost/algorithm/string/classification.hpp>
#include <boost/algorithm/string/join.hpp>
#include <boost/algorithm/string/split.hpp>
#include <boost/algorithm/string/trim.hpp>
#include <boost/serialization/map.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>

#include <hdf5.h>

#include <solver/output/atomic_file.h>
#include <solver/output/history_writer.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <locale>
#include <stdexcept>

namespace FasciaFE
{
  using namespace dealii;

  HistoryWriter::HistoryWriter(const std::string &output_directory,
                               const MPI_Comm     comm)
    : directory(output_directory)
    , mpi_communicator(comm)
    , rows(0)
  {}



  void
  HistoryWriter::add_column(const std::string &name,
                            const std::string &unit,
                            const std::string &description)
  {
    AssertThrow(rows == 0,
                ExcMessage("HistoryWriter: column '" + name +
                           "' declared after the first row was added"));
    AssertThrow(!name.empty() &&
                  name.find_first_of(",/\n\r") == std::string::npos &&
                  boost::algorithm::trim_copy(name) == name && name != ".",
                ExcMessage("HistoryWriter: invalid column name '" + name +
                           "' (empty, or contains a comma, slash, line "
                           "break or surrounding blanks)"));
    AssertThrow(unit.find_first_of(",\n\r") == std::string::npos,
                ExcMessage("HistoryWriter: the unit '" + unit +
                           "' of column '" + name +
                           "' contains a comma or a line break"));
    for (const Column &column : columns)
      AssertThrow(column.name != name,
                  ExcMessage("HistoryWriter: column '" + name +
                             "' declared twice"));

    columns.push_back(Column{name, unit, description, {}});
  }



  void
  HistoryWriter::add_row(const std::vector<double> &values)
  {
    AssertThrow(values.size() == columns.size(),
                ExcMessage("HistoryWriter: a row has " +
                           std::to_string(values.size()) +
                           " values but there are " +
                           std::to_string(columns.size()) + " columns"));
    for (unsigned int c = 0; c < columns.size(); ++c)
      columns[c].values.push_back(values[c]);
    ++rows;
  }



  unsigned int
  HistoryWriter::n_rows() const
  {
    return rows;
  }



  unsigned int
  HistoryWriter::n_columns() const
  {
    return columns.size();
  }



  std::vector<std::string>
  HistoryWriter::column_names() const
  {
    std::vector<std::string> names;
    names.reserve(columns.size());
    for (const Column &column : columns)
      names.push_back(column.name);
    return names;
  }



  std::string
  HistoryWriter::hdf5_file_name() const
  {
    return directory + "/history.h5";
  }



  std::string
  HistoryWriter::csv_file_name() const
  {
    return directory + "/history.csv";
  }



  namespace
  {
    /**
     * The columns @p names of the group `/history` of the history.h5 file
     * @p file, which must hold no other column. Throws std::runtime_error.
     */
    std::map<std::string, std::vector<double>>
    read_history_hdf5(const std::string              &file,
                      const std::vector<std::string> &names)
    {
      // HDF5's own error stack would print to stderr: the caller reports.
      H5E_auto2_t handler;
      void       *data = nullptr;
      H5Eget_auto2(H5E_DEFAULT, &handler, &data);
      H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
      std::map<std::string, std::vector<double>> table;
      std::string                                error;
      const hid_t f = std::filesystem::exists(file) ?
                        H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT) :
                        -1;
      const hid_t g = f >= 0 ? H5Gopen2(f, "history", H5P_DEFAULT) : -1;
      H5G_info_t  info;
      if (g < 0 || H5Gget_info(g, &info) < 0)
        error = "cannot read '" + file + "'";
      else if (info.nlinks != names.size())
        error = "'" + file + "' has " + std::to_string(info.nlinks) +
                " columns instead of " + std::to_string(names.size());
      for (unsigned int c = 0; c < names.size() && error.empty(); ++c)
        {
          const hid_t d     = H5Dopen2(g, names[c].c_str(), H5P_DEFAULT);
          const hid_t space = d >= 0 ? H5Dget_space(d) : -1;
          hsize_t     n     = 0;
          if (space < 0 || H5Sget_simple_extent_ndims(space) != 1 ||
              H5Sget_simple_extent_dims(space, &n, nullptr) < 0)
            error = "'" + file + "' has no column '" + names[c] + "'";
          else
            {
              auto &values = table[names[c]];
              values.resize(n);
              if (n > 0 && H5Dread(d,
                                   H5T_NATIVE_DOUBLE,
                                   H5S_ALL,
                                   H5S_ALL,
                                   H5P_DEFAULT,
                                   values.data()) < 0)
                error =
                  "cannot read column '" + names[c] + "' of '" + file + "'";
            }
          if (space >= 0)
            H5Sclose(space);
          if (d >= 0)
            H5Dclose(d);
        }
      if (g >= 0)
        H5Gclose(g);
      if (f >= 0)
        H5Fclose(f);
      H5Eset_auto2(H5E_DEFAULT, handler, data);
      if (!error.empty())
        throw std::runtime_error(error);
      return table;
    }
  } // namespace



  unsigned int
  HistoryWriter::restore(const std::string &key, const double last)
  {
    AssertThrow(rows == 0,
                ExcMessage("HistoryWriter::restore() after add_row()"));
    std::map<std::string, std::vector<double>> table;
    std::string                                error;
    if (Utilities::MPI::this_mpi_process(mpi_communicator) == 0)
      try
        {
          try
            {
              table = read_history_csv(csv_file_name());
            }
          catch (const std::exception &e)
            {
              error = e.what();
              table = read_history_hdf5(hdf5_file_name(), column_names());
              error.clear();
            }
          const std::vector<std::string> names = column_names();
          bool                           same  = table.size() == names.size();
          for (const std::string &name : names)
            same = same && table.count(name) == 1 &&
                   table[name].size() == table.begin()->second.size();
          if (!same)
            throw std::runtime_error(
              "its columns differ from the columns of this run (" +
              boost::algorithm::join(names, ",") + ")");
          AssertThrow(table.count(key) == 1,
                      ExcMessage("HistoryWriter::restore(): no column '" + key +
                                 "'"));
        }
      catch (const std::exception &e)
        {
          error = (error.empty() ? "" : error + "; ") + e.what();
        }
    error = Utilities::MPI::broadcast(mpi_communicator, error, 0);
    if (!error.empty())
      throw std::runtime_error("cannot continue the history of '" + directory +
                               "': " + error);
    table = Utilities::MPI::broadcast(mpi_communicator, table, 0);

    const std::vector<double> &keys = table[key];
    for (unsigned int r = 0; r < keys.size() && keys[r] <= last; ++r)
      {
        std::vector<double> row;
        for (const Column &column : columns)
          row.push_back(table[column.name][r]);
        add_row(row);
      }
    return rows;
  }



  void
  HistoryWriter::write() const
  {
    if (Utilities::MPI::this_mpi_process(mpi_communicator) != 0)
      return;

    std::filesystem::create_directories(directory);
    write_hdf5();
    write_csv();
  }



  void
  HistoryWriter::write_hdf5() const
  {
    const std::string final_name = hdf5_file_name();
    const std::string tmp_name   = temporary_name(final_name);
    try
      {
        // The file is closed when the last object referring to it goes out
        // of scope, i.e. at the end of this block.
        HDF5::File file(tmp_name, HDF5::File::FileAccessMode::create);
        file.set_attribute("format", std::string("fasciafe-history"));
        file.set_attribute("format_version", 1);
        file.set_attribute("unit_system", std::string("SI"));
        file.set_attribute("columns",
                           boost::algorithm::join(column_names(), ","));

        HDF5::Group group = file.create_group("history");
        for (const Column &column : columns)
          {
            HDF5::DataSet dataset =
              group.create_dataset<double>(column.name,
                                           std::vector<hsize_t>{
                                             column.values.size()});
            if (!column.values.empty())
              dataset.write(column.values);
            dataset.set_attribute("unit", column.unit);
            dataset.set_attribute("description", column.description);
          }
      }
    catch (...)
      {
        std::remove(tmp_name.c_str());
        throw;
      }

    if (!std::filesystem::exists(tmp_name))
      throw std::runtime_error("cannot write '" + tmp_name +
                               "' (output file '" + final_name + "')");
    atomic_rename(tmp_name, final_name);
  }



  void
  HistoryWriter::write_csv() const
  {
    AtomicOutputFile file(csv_file_name());
    std::ofstream   &out = file.stream();
    out.imbue(std::locale::classic());
    out << std::setprecision(17);

    std::vector<std::string> units;
    for (const Column &column : columns)
      units.push_back(column.unit);
    out << "# units: " << boost::algorithm::join(units, ",") << '\n'
        << boost::algorithm::join(column_names(), ",") << '\n';

    for (unsigned int r = 0; r < rows; ++r)
      {
        for (unsigned int c = 0; c < columns.size(); ++c)
          out << (c == 0 ? "" : ",") << columns[c].values[r];
        out << '\n';
      }
    file.commit();
  }



  std::map<std::string, std::vector<double>>
  read_history_csv(const std::string &file)
  {
    std::ifstream in(file);
    if (!in)
      throw std::runtime_error("cannot open history file '" + file + "'");

    std::vector<std::string>                   names;
    std::map<std::string, std::vector<double>> result;
    std::string                                line;
    unsigned int                               line_number = 0;
    while (std::getline(in, line))
      {
        ++line_number;
        boost::algorithm::trim(line);
        if (line.empty() || line[0] == '#')
          continue;

        std::vector<std::string> fields;
        boost::algorithm::split(fields, line, boost::algorithm::is_any_of(","));
        for (std::string &field : fields)
          boost::algorithm::trim(field);

        const std::string where =
          "'" + file + "', line " + std::to_string(line_number);
        if (names.empty())
          {
            names = fields;
            for (const std::string &name : names)
              if (!result.emplace(name, std::vector<double>()).second)
                throw std::runtime_error("duplicate column '" + name + "' in " +
                                         where);
            continue;
          }

        if (fields.size() != names.size())
          throw std::runtime_error("wrong number of values in " + where + ": " +
                                   std::to_string(fields.size()) +
                                   " instead of " +
                                   std::to_string(names.size()));
        for (unsigned int c = 0; c < fields.size(); ++c)
          {
            // strtod reads every value that operator<< writes, including
            // "inf" and "nan", and is independent of the stream's locale.
            const char  *begin = fields[c].c_str();
            char        *end   = nullptr;
            const double value = std::strtod(begin, &end);
            if (fields[c].empty() || *end != '\0')
              throw std::runtime_error("invalid number '" + fields[c] +
                                       "' in " + where + ", column '" +
                                       names[c] + "'");
            result[names[c]].push_back(value);
          }
      }

    if (names.empty())
      throw std::runtime_error("history file '" + file +
                               "' has no header line");
    return result;
  }
} // namespace FasciaFE
