#include <boost/algorithm/string/join.hpp>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <hdf5.h>

#include <solver/output/atomic_file.h>
#include <solver/output/history_writer.h>
#include <solver/sweep_summary.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <locale>
#include <numeric>
#include <regex>
#include <sstream>

namespace FasciaFE
{
  namespace
  {
    const double nan = std::numeric_limits<double>::quiet_NaN();

    /** The result columns: name, unit (plane strain unit), description. */
    const std::vector<std::array<std::string, 4>> result_columns = {
      {"peak_force", "N", "N/m", "largest force_z of the history"},
      {"final_force", "N", "N/m", "force_z of the last history row"},
      {"force_drop_percent", "%", "%", "100 (peak - final) / peak force"},
      {"release_time",
       "s",
       "s",
       "first time with lambda_mean_target < the release threshold; "
       "never: NaN (csv: never)"},
      {"released_volume_target_max",
       "m^3",
       "m^2",
       "largest released_volume_target"},
      {"lambda_min_target", "1", "1", "smallest lambda_min_target"},
      {"dissipated_energy", "J", "J/m", "dissipated_energy of the last row"},
      {"newton_iterations", "1", "1", "Newton iterations of all steps"},
      {"wall_time", "s", "s", "wall time of the case run (run.json)"}};

    std::vector<double>
    values_of(const CaseResults &r)
    {
      return {r.peak_force,
              r.final_force,
              r.force_drop_percent,
              r.release_time,
              r.released_volume_target_max,
              r.lambda_min_target,
              r.dissipated_energy,
              r.newton_iterations,
              r.wall_time};
    }

    /** A CSV field, quoted if it holds a comma or a quote (RFC 4180). */
    std::string
    csv_field(const std::string &s)
    {
      if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
      return "\"" + std::regex_replace(s, std::regex("\""), "\"\"") + "\"";
    }

    /** Whether every one of @p values is a number. */
    bool
    numeric(const std::vector<std::string> &values)
    {
      for (const auto &v : values)
        {
          char *end = nullptr;
          std::strtod(v.c_str(), &end);
          if (v.empty() || *end != '\0')
            return false;
        }
      return true;
    }

    /** A string attribute of an HDF5 object. */
    void
    string_attribute(const hid_t        object,
                     const std::string &name,
                     const std::string &value)
    {
      const hid_t type = H5Tcopy(H5T_C_S1);
      H5Tset_size(type, std::max<std::size_t>(1, value.size()));
      const hid_t space = H5Screate(H5S_SCALAR);
      const hid_t a =
        H5Acreate2(object, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT);
      H5Awrite(a, type, value.c_str());
      H5Aclose(a);
      H5Sclose(space);
      H5Tclose(type);
    }

    /**
     * A 1-D dataset @p name (a path: '/' makes groups) of doubles or, if
     * @p text is not empty, variable-length strings.
     */
    void
    dataset(const hid_t                     group,
            const std::string              &name,
            const std::vector<double>      &numbers,
            const std::vector<std::string> &text,
            const std::string              &unit,
            const std::string              &description)
    {
      const bool    is_text = !numbers.size();
      const hsize_t n       = is_text ? text.size() : numbers.size();
      const hid_t   space   = H5Screate_simple(1, &n, nullptr);
      const hid_t   lcpl    = H5Pcreate(H5P_LINK_CREATE);
      H5Pset_create_intermediate_group(lcpl, 1);
      hid_t type = H5Tcopy(is_text ? H5T_C_S1 : H5T_NATIVE_DOUBLE);
      if (is_text)
        H5Tset_size(type, H5T_VARIABLE);
      const hid_t d = H5Dcreate2(group,
                                 name.c_str(),
                                 type,
                                 space,
                                 lcpl,
                                 H5P_DEFAULT,
                                 H5P_DEFAULT);
      if (d < 0)
        throw std::runtime_error("cannot create the dataset '" + name + "'");
      std::vector<const char *> pointers;
      for (const auto &s : text)
        pointers.push_back(s.c_str());
      if (n > 0)
        H5Dwrite(d,
                 type,
                 H5S_ALL,
                 H5S_ALL,
                 H5P_DEFAULT,
                 is_text ? static_cast<const void *>(pointers.data()) :
                           static_cast<const void *>(numbers.data()));
      string_attribute(d, "unit", unit);
      string_attribute(d, "description", description);
      H5Dclose(d);
      H5Tclose(type);
      H5Pclose(lcpl);
      H5Sclose(space);
    }
  } // namespace



  std::string
  unit_from_description(const std::string &description)
  {
    std::smatch m;
    std::string unit = "-";
    for (auto it = description.cbegin();
         std::regex_search(it,
                           description.cend(),
                           m,
                           std::regex("\\[([^\\]\\[]*)\\]"));
         it = m.suffix().first)
      unit = m[1].str();
    return unit == "-" && description.find("[-]") != std::string::npos ? "1" :
                                                                         unit;
  }



  CaseResults
  case_results(const std::string &case_dir)
  {
    const auto history = read_history_csv(case_dir + "/history.csv");
    boost::property_tree::ptree run;
    boost::property_tree::read_json(case_dir + "/run.json", run);
    using Path = boost::property_tree::ptree::path_type;
    const double threshold =
      run.get<double>(Path("parameters|Target region|Release threshold|value",
                           '|'),
                      0.5);
    auto column = [&](const std::string &name) -> const std::vector<double> & {
      const auto c = history.find(name);
      if (c == history.end() || c->second.empty())
        throw std::runtime_error("'" + case_dir +
                                 "/history.csv' has no column '" + name + "'");
      return c->second;
    };
    CaseResults r;
    const auto &force = column("force_z");
    r.peak_force      = *std::max_element(force.begin(), force.end());
    r.final_force     = force.back();
    r.force_drop_percent =
      r.peak_force > 0. ? 100. * (r.peak_force - r.final_force) / r.peak_force :
                          0.;
    r.dissipated_energy = column("dissipated_energy").back();
    const auto &newton  = column("newton_iterations");
    r.newton_iterations = std::accumulate(newton.begin(), newton.end(), 0.);
    r.wall_time         = run.get<double>("wall_time_s");
    if (history.count("lambda_mean_target") == 0)
      {
        r.release_time = r.released_volume_target_max = r.lambda_min_target =
          nan;
        return r;
      }
    const auto &time = column("time"), &mean = column("lambda_mean_target");
    r.release_time = std::numeric_limits<double>::infinity();
    for (unsigned int i = 0; i < mean.size(); ++i)
      if (mean[i] < threshold)
        {
          r.release_time = time[i];
          break;
        }
    const auto &released = column("released_volume_target");
    const auto &lambda   = column("lambda_min_target");
    r.released_volume_target_max =
      *std::max_element(released.begin(), released.end());
    r.lambda_min_target = *std::min_element(lambda.begin(), lambda.end());
    return r;
  }



  unsigned int
  write_summary_files(const std::string       &dir,
                      const SweepDefinition   &d,
                      const SweepPlan         &plan,
                      std::vector<CaseRecord> &records)
  {
    const unsigned int       n = plan.cases.size();
    std::vector<CaseResults> results(n);
    std::vector<bool>        have(n, false);
    unsigned int             unreadable = 0;
    for (unsigned int c = 0; c < n; ++c)
      if (records[c].status == "done")
        try
          {
            results[c] = case_results(case_directory(dir, plan.id(c)));
            have[c]    = true;
          }
        catch (const std::exception &e)
          {
            records[c].status  = "failed";
            records[c].message = std::string("results: ") + e.what();
            ++unreadable;
          }

    // summary.csv
    std::vector<std::string> names = {"case", "status"}, units = {"-", "-"};
    for (unsigned int k = 0; k < d.axes.size(); ++k)
      {
        names.push_back(csv_field(d.axes[k].parameter));
        units.push_back(plan.axis_units[k]);
      }
    for (const auto &col : result_columns)
      {
        names.push_back(col[0]);
        units.push_back(plan.per_length ? col[2] : col[1]);
      }
    {
      AtomicOutputFile file(dir + "/summary.csv");
      auto            &out = file.stream();
      out.imbue(std::locale::classic());
      out.precision(17);
      out << "# units: " << boost::algorithm::join(units, ",") << "\n"
          << boost::algorithm::join(names, ",") << "\n";
      for (unsigned int c = 0; c < n; ++c)
        {
          out << plan.id(c) << "," << records[c].status;
          for (const auto &v : plan.cases[c])
            out << "," << csv_field(v);
          for (const double v : values_of(results[c]))
            {
              out << ",";
              if (have[c] && std::isinf(v))
                out << "never";
              else if (have[c] && !std::isnan(v))
                out << v;
            }
          out << "\n";
        }
      file.commit();
    }

    // summary.h5
    const std::string final_name = dir + "/summary.h5";
    const std::string tmp        = temporary_name(final_name);
    const hid_t       f =
      H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    if (f < 0)
      throw std::runtime_error("cannot write '" + tmp + "'");
    string_attribute(f, "format", "fasciafe-sweep-summary");
    string_attribute(f, "unit_system", "SI");
    {
      const int   version = 1;
      const hid_t space   = H5Screate(H5S_SCALAR);
      const hid_t a       = H5Acreate2(f,
                                 "format_version",
                                 H5T_NATIVE_INT,
                                 space,
                                 H5P_DEFAULT,
                                 H5P_DEFAULT);
      H5Awrite(a, H5T_NATIVE_INT, &version);
      H5Aclose(a);
      H5Sclose(space);
    }
    std::vector<std::string> plain_names = {"case", "status"};
    for (const auto &axis : d.axes)
      plain_names.push_back(axis.parameter);
    for (const auto &col : result_columns)
      plain_names.push_back(col[0]);
    string_attribute(f, "columns", boost::algorithm::join(plain_names, ","));
    const hid_t g =
      H5Gcreate2(f, "summary", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    std::vector<std::string> ids, status;
    for (unsigned int c = 0; c < n; ++c)
      {
        ids.push_back(plan.id(c));
        status.push_back(records[c].status);
      }
    dataset(g, "case", {}, ids, "-", "case id (DIR/cases/<id>)");
    dataset(g, "status", {}, status, "-", "pending, running, done, failed");
    for (unsigned int k = 0; k < d.axes.size(); ++k)
      {
        std::vector<std::string> text;
        for (unsigned int c = 0; c < n; ++c)
          text.push_back(plan.cases[c][k]);
        std::vector<double> numbers;
        if (numeric(text))
          for (const auto &v : text)
            numbers.push_back(std::strtod(v.c_str(), nullptr));
        dataset(g,
                d.axes[k].parameter,
                numbers,
                text,
                plan.axis_units[k],
                "swept parameter " + d.axes[k].parameter);
      }
    for (unsigned int j = 0; j < result_columns.size(); ++j)
      {
        std::vector<double> column;
        for (unsigned int c = 0; c < n; ++c)
          {
            const double v = values_of(results[c])[j];
            column.push_back(have[c] && std::isfinite(v) ? v : nan);
          }
        dataset(g,
                result_columns[j][0],
                column,
                {},
                plan.per_length ? result_columns[j][2] : result_columns[j][1],
                result_columns[j][3]);
      }
    H5Gclose(g);
    H5Fclose(f);
    atomic_rename(tmp, final_name);
    return unreadable;
  }
} // namespace FasciaFE
