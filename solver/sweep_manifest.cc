#include <boost/date_time/posix_time/posix_time.hpp>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <solver/exceptions.h>
#include <solver/output/atomic_file.h>
#include <solver/sweep_manifest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace FasciaFE
{
  using boost::property_tree::ptree;

  namespace
  {
    /** A JSON array of strings. */
    ptree
    array(const std::vector<std::string> &values)
    {
      ptree a;
      for (const auto &v : values)
        a.push_back({"", ptree(v)});
      return a;
    }

    /** Add @p child under @p key without reading '.' as a path. */
    void
    add(ptree &tree, const std::string &key, const ptree &child)
    {
      tree.push_back({key, child});
    }

    /**
     * Write @p tree as JSON to @p file atomically. boost::property_tree
     * writes every value as a string; the keys in @p integer_keys are
     * written as JSON numbers.
     */
    void
    write_json_file(const std::string              &file,
                    const ptree                    &tree,
                    const std::vector<std::string> &integer_keys)
    {
      std::ostringstream text;
      boost::property_tree::write_json(text, tree, true);
      std::string json = text.str();
      for (const auto &key : integer_keys)
        json = std::regex_replace(json,
                                  std::regex("\"" + key + "\": \"([0-9]+)\""),
                                  "\"" + key + "\": $1");
      // An empty array is written as "": make it [].
      json = std::regex_replace(json,
                                std::regex("\"(overrides|values)\": \"\""),
                                "\"$1\": []");
      AtomicOutputFile out(file);
      out.stream() << json;
      out.commit();
    }

    /** The definition part of the manifest (what check_manifest compares). */
    ptree
    definition_tree(const SweepDefinition &d, const SweepPlan &plan)
    {
      ptree t;
      t.put("format", "fasciafe-sweep");
      t.put("format_version", "1");
      t.put("sweep_file", d.file);
      t.put("base", d.base);
      t.put("design", d.design);
      if (d.design == "latin hypercube")
        {
          t.put("seed", d.seed);
          t.put("samples", d.samples);
        }
      add(t, "overrides", array(d.overrides));
      ptree axes;
      for (unsigned int k = 0; k < d.axes.size(); ++k)
        {
          ptree a;
          a.put("parameter", d.axes[k].parameter);
          a.put("kind", d.axes[k].kind);
          add(a, "values", array(plan.axis_values[k]));
          axes.push_back({"", a});
        }
      add(t, "axes", axes);
      return t;
    }

    /** The "parameters" object of case @p c. */
    ptree
    parameters_tree(const SweepDefinition &d,
                    const SweepPlan       &plan,
                    const unsigned int     c)
    {
      ptree p;
      for (unsigned int k = 0; k < d.axes.size(); ++k)
        add(p, d.axes[k].parameter, ptree(plan.cases[c][k]));
      return p;
    }
  } // namespace



  std::string
  utc_now_precise()
  {
    return boost::posix_time::to_iso_extended_string(
             boost::posix_time::microsec_clock::universal_time()) +
           "Z";
  }



  std::string
  case_directory(const std::string &dir, const std::string &id)
  {
    return dir + "/cases/" + id;
  }



  CaseRecord
  read_case_record(const std::string &dir, const std::string &id)
  {
    CaseRecord        r;
    const std::string file = case_directory(dir, id) + "/case.json";
    if (!std::filesystem::exists(file))
      return r;
    try
      {
        ptree t;
        boost::property_tree::read_json(file, t);
        r.status     = t.get<std::string>("status");
        r.message    = t.get<std::string>("message", "");
        r.start_time = t.get<std::string>("start_time", "");
        r.end_time   = t.get<std::string>("end_time", "");
        r.wall_time  = t.get<double>("wall_time_s", 0.);
        r.session    = t.get<std::string>("session", "");
        r.n_ranks    = t.get<unsigned int>("n_mpi_ranks", 0);
      }
    catch (const std::exception &)
      {
        return CaseRecord();
      }
    return r;
  }



  void
  write_case_record(const std::string &dir,
                    const std::string &id,
                    const CaseRecord  &r)
  {
    const std::string d = case_directory(dir, id);
    std::filesystem::create_directories(d);
    ptree t;
    t.put("id", id);
    t.put("status", r.status);
    t.put("message", r.message);
    t.put("start_time", r.start_time);
    t.put("end_time", r.end_time);
    t.put("wall_time_s", r.wall_time);
    t.put("session", r.session);
    t.put("n_mpi_ranks", r.n_ranks);
    write_json_file(d + "/case.json", t, {"n_mpi_ranks"});
  }



  void
  check_manifest(const std::string     &dir,
                 const SweepDefinition &d,
                 const SweepPlan       &plan)
  {
    const std::string file = dir + "/sweep.json";
    if (!std::filesystem::exists(file))
      return;
    ptree old;
    try
      {
        boost::property_tree::read_json(file, old);
      }
    catch (const std::exception &e)
      {
        throw InputError("sweep manifest '" + file +
                         "' cannot be read: " + e.what());
      }
    const ptree now    = definition_tree(d, plan);
    std::string differ = "";
    for (const std::string key :
         {"base", "design", "seed", "samples", "overrides", "axes"})
      {
        const auto a = old.get_child_optional(key);
        const auto b = now.get_child_optional(key);
        if (bool(a) != bool(b) || (a && *a != *b))
          {
            differ = key;
            break;
          }
      }
    const auto cases = old.get_child_optional("cases");
    if (differ.empty() && (!cases || cases->size() != plan.cases.size()))
      differ = "number of cases";
    if (differ.empty())
      {
        unsigned int c = 0;
        for (const auto &entry : *cases)
          if (entry.second.get_child("parameters", ptree()) !=
              parameters_tree(d, plan, c++))
            {
              differ = "parameters of case " + plan.id(c - 1);
              break;
            }
      }
    check_input(differ.empty(),
                "sweep output directory '" + dir +
                  "' holds another sweep (its sweep.json differs in: " +
                  differ + "); use another --output, or delete that directory");
  }



  void
  write_manifest(const std::string             &dir,
                 const SweepDefinition         &d,
                 const SweepPlan               &plan,
                 const std::vector<CaseRecord> &records)
  {
    ptree t = definition_tree(d, plan);
    t.put("n_cases", plan.cases.size());
    ptree cases;
    for (unsigned int c = 0; c < plan.cases.size(); ++c)
      {
        ptree e;
        e.put("id", plan.id(c));
        e.put("dir", "cases/" + plan.id(c));
        add(e, "parameters", parameters_tree(d, plan, c));
        e.put("status", records[c].status);
        e.put("message", records[c].message);
        e.put("start_time", records[c].start_time);
        e.put("end_time", records[c].end_time);
        e.put("wall_time_s", records[c].wall_time);
        cases.push_back({"", e});
      }
    add(t, "cases", cases);
    std::filesystem::create_directories(dir);
    write_json_file(dir + "/sweep.json", t, {"format_version", "n_cases"});
  }
} // namespace FasciaFE
