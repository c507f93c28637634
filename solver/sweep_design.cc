/**
 * The designs of a sweep: the values of an axis and the expansion of the
 * axes into cases (full factorial, one-at-a-time, Latin hypercube).
 */
#include <deal.II/base/exceptions.h>
#include <deal.II/base/utilities.h>

#include <boost/math/distributions/normal.hpp>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <solver/exceptions.h>
#include <solver/parameter_file.h>
#include <solver/sweep_definition.h>
#include <solver/sweep_summary.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sstream>

namespace FasciaFE
{
  using namespace dealii;

  namespace
  {
    /** @p x with 15 significant digits (what --set receives). */
    std::string
    format(const double x)
    {
      char buffer[32];
      std::snprintf(buffer, sizeof(buffer), "%.15g", x);
      return buffer;
    }

    /** Whether two values are the same (numerically, else as text). */
    bool
    same_value(const std::string &a, const std::string &b)
    {
      char        *end_a = nullptr, *end_b = nullptr;
      const double x = std::strtod(a.c_str(), &end_a);
      const double y = std::strtod(b.c_str(), &end_b);
      if (!a.empty() && !b.empty() && *end_a == '\0' && *end_b == '\0')
        return std::abs(x - y) <= 1e-12 * std::max(std::abs(x), std::abs(y));
      return Utilities::trim(a) == Utilities::trim(b);
    }

    /**
     * The value of @p path in @p prm, or an InputError naming the axis if
     * it is not a parameter.
     */
    std::string
    get_value(ParameterHandler &prm, const std::string &path)
    {
      std::vector<std::string> sections =
        Utilities::split_string_list(path, '/');
      const std::string name = sections.back();
      sections.pop_back();
      for (const auto &s : sections)
        prm.enter_subsection(s);
      std::string value;
      bool        found = true;
      try
        {
          value = prm.get(name);
          // get() only asserts in debug mode; set() always checks that the
          // entry is declared (and the value is its own).
          prm.set(name, value);
        }
      catch (const ExceptionBase &)
        {
          found = false;
        }
      for (unsigned int i = 0; i < sections.size(); ++i)
        prm.leave_subsection();
      check_input(found, "no parameter '" + path + "'");
      return value;
    }

    /** The unit of parameter @p path of @p prm (its description). */
    std::string
    unit_of(const ParameterHandler &prm, const std::string &path)
    {
      std::stringstream json;
      prm.print_parameters(json, ParameterHandler::JSON);
      boost::property_tree::ptree tree;
      boost::property_tree::read_json(json, tree);
      const boost::property_tree::ptree *node = &tree;
      for (const auto &part : Utilities::split_string_list(path, '/'))
        {
          // ParameterHandler's JSON output has the plain entry names.
          const auto child = node->find(part);
          if (child == node->not_found())
            return "-";
          node = &child->second;
        }
      return unit_from_description(node->get<std::string>("documentation", ""));
    }

    /** A uniform double in [0, 1) from 53 bits of @p rng. */
    double
    uniform(std::mt19937_64 &rng)
    {
      return static_cast<double>(rng() >> 11) * 0x1.0p-53;
    }
  } // namespace



  std::string
  SweepAxis::value_at(const double u) const
  {
    if (kind == "list")
      return values[std::min<std::size_t>(values.size() - 1,
                                          std::floor(u * values.size()))];
    if (kind == "linear" || kind == "uniform")
      return format(from + u * (to - from));
    if (kind == "log")
      return format(from * std::pow(to / from, u));
    AssertThrow(kind == "normal", ExcMessage("unknown axis kind " + kind));
    if (deviation == 0.)
      return format(mean);
    const boost::math::normal normal(mean, deviation);
    return format(boost::math::quantile(normal, std::max(u, 1e-300)));
  }



  std::vector<std::string>
  SweepAxis::grid() const
  {
    if (kind == "list")
      return values;
    std::vector<std::string> g;
    for (unsigned int i = 0; i < count; ++i)
      if (kind == "linear" || kind == "log")
        {
          // Exact end points: From and To themselves.
          const double u = count == 1 ? 0. : double(i) / (count - 1);
          g.push_back(i + 1 == count && count > 1 ? format(to) : value_at(u));
        }
      else
        g.push_back(value_at((i + 0.5) / count));
    return g;
  }



  std::string
  SweepPlan::id(const unsigned int c) const
  {
    std::string s = std::to_string(c);
    return std::string(s.size() < 4 ? 4 - s.size() : 0, '0') + s;
  }



  SweepPlan
  expand(const SweepDefinition &d)
  {
    const std::string where = "sweep file '" + d.file + "'";
    ParameterHandler  prm;
    try
      {
        ParameterFile::read(prm, d.base, d.overrides);
      }
    catch (const InputError &e)
      {
        throw InputError(where + ": base scenario: " + e.what());
      }
    std::vector<std::string> baseline;
    for (unsigned int k = 0; k < d.axes.size(); ++k)
      try
        {
          baseline.push_back(get_value(prm, d.axes[k].parameter));
        }
      catch (const InputError &e)
        {
          throw InputError(where + ": Sweep/Axis " + std::to_string(k + 1) +
                           "/Parameter: the base scenario '" + d.base +
                           "' has " + e.what());
        }

    SweepPlan          plan;
    const unsigned int n_axes = d.axes.size();
    for (const auto &axis : d.axes)
      plan.axis_units.push_back(unit_of(prm, axis.parameter));
    plan.per_length = get_value(prm, "Geometry/Model type") == "plane strain";
    if (d.design == "latin hypercube")
      {
        std::mt19937_64    rng(d.seed);
        const unsigned int n = d.samples;
        plan.cases.assign(n, std::vector<std::string>(n_axes));
        for (unsigned int k = 0; k < n_axes; ++k)
          {
            // A random permutation of the strata (Fisher-Yates).
            std::vector<unsigned int> stratum(n);
            for (unsigned int i = 0; i < n; ++i)
              stratum[i] = i;
            for (unsigned int i = n; i > 1; --i)
              std::swap(
                stratum[i - 1],
                stratum[std::min<unsigned int>(i - 1, uniform(rng) * i)]);
            std::vector<std::string> drawn;
            for (unsigned int i = 0; i < n; ++i)
              {
                const double u   = (stratum[i] + uniform(rng)) / n;
                plan.cases[i][k] = d.axes[k].value_at(u);
                drawn.push_back(plan.cases[i][k]);
              }
            plan.axis_values.push_back(drawn);
          }
        return plan;
      }

    for (const auto &axis : d.axes)
      plan.axis_values.push_back(axis.grid());
    if (d.design == "one-at-a-time")
      {
        plan.cases.push_back(baseline);
        for (unsigned int k = 0; k < n_axes; ++k)
          for (const auto &v : plan.axis_values[k])
            if (!same_value(v, baseline[k]))
              {
                plan.cases.push_back(baseline);
                plan.cases.back()[k] = v;
              }
        return plan;
      }
    AssertThrow(d.design == "full factorial",
                ExcMessage("unknown design " + d.design));
    std::size_t n = 1;
    for (const auto &values : plan.axis_values)
      n *= values.size();
    check_input(n <= 1000000,
                where + ": the full factorial design has " + std::to_string(n) +
                  " cases (at most 1000000)");
    for (std::size_t c = 0; c < n; ++c)
      {
        std::vector<std::string> values(n_axes);
        std::size_t              rest = c;
        for (unsigned int k = n_axes; k-- > 0;)
          {
            values[k] = plan.axis_values[k][rest % plan.axis_values[k].size()];
            rest /= plan.axis_values[k].size();
          }
        plan.cases.push_back(values);
      }
    return plan;
  }
} // namespace FasciaFE
