#include <deal.II/base/exceptions.h>
#include <deal.II/base/hdf5.h>
#include <deal.II/base/mpi.h>

#include <boost/algorithm/string/classification.hpp>
#include <boost/algorithm/string/join.hpp>
#include <boost/algorithm/string/split.hpp>
#include <boost/algorithm/string/trim.hpp>

#include <solver/output/atomic_file.h>
#include <solver/output/history_writer.h>

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
