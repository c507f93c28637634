#include <deal.II/base/utilities.h>

#include <solver/exceptions.h>
#include <solver/protocol.h>

#include <algorithm>
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
                      Selection("ramp-hold-unload|table"),
                      "Displacement control: ramp to depth, hold, unload; or "
                      "a table of (time, depth) points.");
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
    prm.leave_subsection();
  }



  void
  Protocol::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Protocol");
    const std::string type = prm.get("Type");
    if (type == "table")
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
    const Phase &p = phases[phase_index(t)];
    const double s =
      std::clamp((t - p.t_start) / (p.t_end - p.t_start), 0., 1.);
    return p.d_start + s * (p.d_end - p.d_start);
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
