#include <deal.II/base/numbers.h>
#include <deal.II/base/utilities.h>

#include <solver/exceptions.h>
#include <solver/protocol.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace FasciaFE
{
  void
  Protocol::declare_parameters(ParameterHandler &prm)
  {
    using namespace Patterns;
    prm.enter_subsection("Protocol");
    prm.declare_entry("Type",
                      "ramp-hold-unload",
                      Selection("ramp-hold-unload|table|phases"),
                      "Displacement control: ramp to depth, hold, unload; "
                      "a table of (time, depth) points; or phases: a list of "
                      "displacement- and force-controlled phases (entry "
                      "Phases) [-].");
    prm.declare_entry("Depth",
                      "0.001",
                      Double(0.),
                      "Indentation depth of the apex below the undeformed "
                      "surface at the end of the ramp [m].");
    prm.declare_entry("Initial gap",
                      "0",
                      Double(0.),
                      "Height of the apex above the surface at t = 0 [m].");
    prm.declare_entry("Ramp time", "1", Double(0.), "Ramp duration [s].");
    prm.declare_entry("Hold time", "0", Double(0.), "Hold duration [s].");
    prm.declare_entry("Unload time", "0", Double(0.), "Unload duration [s].");
    prm.declare_entry("Table",
                      "0 0; 1 0.001",
                      Anything(),
                      "Type table: 'time depth' pairs [s m] separated by "
                      "semicolons, times strictly increasing, starting at "
                      "t = 0.");
    prm.declare_entry(
      "Phases",
      "ramp 1 0.001; hold 10; unload 1",
      Anything(),
      "Type phases: 'kind duration [values]' separated by semicolons, each "
      "phase starting where the previous one ended: ramp T D (to depth D "
      "[m] in T [s]); hold T; unload T (back to -Initial gap); rest T (tip "
      "lifted to -Initial gap, recovery); cyclic T A f (depth oscillates "
      "with amplitude A [m] at f [Hz] about the start depth); force T F "
      "(force control: the depth is the unknown that holds the reaction "
      "force at F [N], e.g. body weight; the hold shows creep); force-ramp "
      "T F (force control, linear from the current force to F [N]).");
    prm.declare_entry("Force tolerance",
                      "1e-4",
                      Double(1e-12, 0.1),
                      "Force control: relative tolerance on the target "
                      "force [-].");
    prm.leave_subsection();
  }



  void
  Protocol::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Protocol");
    const std::string type = prm.get("Type");
    force_tolerance        = prm.get_double("Force tolerance");
    if (type == "phases")
      parse_phases(prm.get("Phases"), prm.get_double("Initial gap"));
    else if (type == "table")
      {
        std::vector<std::pair<double, double>> points;
        for (const auto &entry :
             Utilities::split_string_list(prm.get("Table"), ';'))
          {
            std::istringstream in(entry);
            double             t, d;
            std::string        rest;
            check_input(static_cast<bool>(in >> t >> d) && !(in >> rest),
                        "Protocol/Table: cannot read '" + entry +
                          "' as 'time depth'");
            points.emplace_back(t, d);
          }
        set_table(points);
      }
    else
      {
        const double gap = prm.get_double("Initial gap");
        const double d   = prm.get_double("Depth");
        const double tr  = prm.get_double("Ramp time");
        const double th  = prm.get_double("Hold time");
        const double tu  = prm.get_double("Unload time");
        check_input(tr > 0., "Protocol/Ramp time must be > 0 s");
        std::vector<std::pair<double, double>> points = {{0., -gap}, {tr, d}};
        if (th > 0.)
          points.emplace_back(tr + th, d);
        if (tu > 0.)
          points.emplace_back(tr + th + tu, -gap);
        set_table(points);
        const char  *names[] = {"ramp", "hold", "unload"};
        unsigned int k       = 0;
        for (auto &phase : phases)
          {
            while ((k == 1 && th <= 0.) || (k == 2 && tu <= 0.))
              ++k;
            phase.name = names[k++];
          }
      }
    prm.leave_subsection();
  }



  void
  Protocol::set_table(const std::vector<std::pair<double, double>> &points)
  {
    check_input(points.size() >= 2,
                "Protocol/Table needs at least two (time, depth) points");
    check_input(points.front().first == 0.,
                "Protocol/Table must start at time 0");
    phases.clear();
    for (unsigned int i = 1; i < points.size(); ++i)
      {
        check_input(points[i].first > points[i - 1].first,
                    "Protocol/Table: times must increase strictly (point " +
                      std::to_string(i + 1) + ")");
        phases.push_back(Phase{"segment " + std::to_string(i),
                               points[i - 1].first,
                               points[i].first,
                               points[i - 1].second,
                               points[i].second});
      }
  }



  unsigned int
  Protocol::phase_index(const double t) const
  {
    for (unsigned int i = 0; i < phases.size(); ++i)
      if (t < phases[i].t_end)
        return i;
    return phases.size() - 1;
  }



  double
  Protocol::depth(const double t) const
  {
    return depth(t, phases[phase_index(t)].d_start);
  }



  double
  Protocol::depth(const double t, const double start_depth) const
  {
    return depth(phase_index(t), t, start_depth);
  }



  double
  Protocol::depth(const unsigned int k,
                  const double       t,
                  const double       start_depth) const
  {
    const Phase &p  = phases[k];
    const double d0 = p.relative ? start_depth : p.d_start;
    const double s =
      std::clamp((t - p.t_start) / (p.t_end - p.t_start), 0., 1.);
    if (p.frequency > 0.)
      return d0 + p.amplitude *
                    std::sin(2. * numbers::PI * p.frequency * (t - p.t_start));
    if (p.constant)
      return d0;
    return d0 + s * (p.d_end - d0);
  }



  double
  Protocol::force(const unsigned int k,
                  const double       t,
                  const double       start_force) const
  {
    const Phase &p = phases[k];
    if (!p.ramp)
      return p.force;
    const double s =
      std::clamp((t - p.t_start) / (p.t_end - p.t_start), 0., 1.);
    return start_force + s * (p.force - start_force);
  }



  double
  Protocol::max_depth() const
  {
    double d = phases.front().d_start;
    for (const auto &p : phases)
      d = std::max({d, p.d_start, p.d_end});
    return d;
  }



  double
  Protocol::shortest_phase() const
  {
    double s = phases.front().t_end - phases.front().t_start;
    for (const auto &p : phases)
      s = std::min(s, p.t_end - p.t_start);
    return s;
  }
} // namespace FasciaFE

namespace FasciaFE
{
  void
  Protocol::parse_phases(const std::string &text, const double gap)
  {
    phases.clear();
    double       t = 0., d = -gap;
    unsigned int k = 0;
    for (const auto &entry : Utilities::split_string_list(text, ';'))
      {
        ++k;
        std::istringstream  in(entry);
        std::string         kind;
        double              T = 0.;
        std::vector<double> values;
        in >> kind >> T;
        const std::string where =
          "Protocol/Phases: phase " + std::to_string(k) + " ('" + entry + "')";
        check_input(static_cast<bool>(in) || in.eof(), where + ": cannot read");
        for (double v; in >> v;)
          values.push_back(v);
        check_input(in.eof(), where + ": cannot read a number");
        const std::map<std::string, unsigned int> n_values = {{"ramp", 1},
                                                              {"hold", 0},
                                                              {"unload", 0},
                                                              {"rest", 0},
                                                              {"cyclic", 2},
                                                              {"force", 1},
                                                              {"force-ramp",
                                                               1}};
        const auto                                it = n_values.find(kind);
        check_input(it != n_values.end(),
                    where + ": unknown kind (ramp, hold, unload, rest, cyclic, "
                            "force, force-ramp)");
        check_input(values.size() == it->second,
                    where + ": '" + kind + "' takes a duration and " +
                      std::to_string(it->second) + " value(s)");
        check_input(T > 0., where + ": the duration must be > 0 s");
        Phase p;
        p.name     = kind;
        p.t_start  = t;
        p.t_end    = t + T;
        p.d_start  = d;
        p.relative = true;
        p.constant = kind == "hold" || kind == "force" || kind == "force-ramp";
        if (kind == "ramp")
          p.d_end = values[0];
        else if (kind == "unload" || kind == "rest")
          p.d_end = -gap;
        else
          p.d_end = d;
        if (kind == "rest")
          p.d_start = -gap, p.relative = false;
        if (kind == "cyclic")
          {
            p.amplitude = values[0];
            p.frequency = values[1];
            check_input(p.frequency > 0.,
                        where + ": the frequency must be > 0");
          }
        if (kind == "force" || kind == "force-ramp")
          {
            p.control = Control::force;
            p.force   = values[0];
            p.ramp    = kind == "force-ramp";
            check_input(p.force > 0., where + ": the force must be > 0 N");
          }
        phases.push_back(p);
        t = p.t_end;
        d = p.d_end;
      }
    check_input(!phases.empty(), "Protocol/Phases: no phase given");
    phases.front().relative = false;
  }
} // namespace FasciaFE
