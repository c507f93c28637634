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
      "T F (force control, linear from the current force to F [N]); move "
      "T X (depth held, apex moved along x to the offset X [m] from "
      "Tip/Position x, without rotation); roll N L v [F] (N strokes of "
      "length L [m] back and forth along x, the first towards +x, at the "
      "speed v [m/s], so lasting N L / v [s]; the tip rolls without slip "
      "about its rolling axis (sphere, cylinder, roller); depth held, or "
      "force control at F [N]); slide N L v [F] (the same, translating "
      "without rotation).");
    prm.declare_entry("Maximum depth",
                      "0",
                      Double(0.),
                      "Force control: the deepest the apex may be pushed "
                      "to reach the target force; a force not reached "
                      "there stops the run with an error (0: half the "
                      "tissue thickness) [m].");
    prm.declare_entry("Lateral step factor",
                      "0.5",
                      Double(1e-3, 10.),
                      "Moving phases (move, roll, slide): largest lateral "
                      "move of the tip per time step, as a fraction of the "
                      "contact-zone element size (Geometry/Zone element "
                      "size) [-].");
    prm.declare_entry("Rolling",
                      "driven",
                      Selection("driven|free"),
                      "How a rolling tip (roll phases) turns. driven: by "
                      "the distance moved over its rolling radius, theta = "
                      "x / r (no slip of the undeformed radius; with "
                      "friction the deformed contact then carries a small "
                      "creep force); free: to the angle at which the "
                      "moment of the contact forces about the rolling axis "
                      "vanishes, a roller or ball turning freely on its "
                      "axle (secant iterations, several equilibrium solves "
                      "per step; with zero friction both are the same) "
                      "[-].");
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
    lateral_step_factor    = prm.get_double("Lateral step factor");
    free_rolling           = prm.get("Rolling") == "free";
    max_depth_limit        = prm.get_double("Maximum depth");
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
    double       t = 0., d = -gap, x = 0.;
    unsigned int k = 0;
    for (const auto &entry : Utilities::split_string_list(text, ';'))
      {
        ++k;
        std::istringstream  in(entry);
        std::string         kind;
        double              T = 0.;
        std::vector<double> values;
        in >> kind;
        const bool path = kind == "roll" || kind == "slide";
        if (!path)
          in >> T;
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
                                                              {"force-ramp", 1},
                                                              {"move", 1},
                                                              {"roll", 3},
                                                              {"slide", 3}};
        const auto                                it = n_values.find(kind);
        check_input(it != n_values.end(),
                    where + ": unknown kind (ramp, hold, unload, rest, cyclic, "
                            "force, force-ramp, move, roll, slide)");
        if (path)
          {
            check_input(values.size() == 3 || values.size() == 4,
                        where + ": '" + kind +
                          "' takes strokes N, stroke length L [m], speed v "
                          "[m/s] and optionally a force F [N]");
            check_input(values[0] >= 1. && values[0] == std::floor(values[0]),
                        where + ": the number of strokes must be a whole "
                                "number >= 1");
            check_input(values[1] > 0.,
                        where + ": the stroke length must be > 0 m");
            check_input(values[2] > 0.,
                        where +
                          ": the speed must be > 0 m/s (a speed of 0 "
                          "with " +
                          std::to_string(int(values[0])) +
                          " stroke(s) never ends)");
            T = values[0] * values[1] / values[2];
          }
        else
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
        p.constant = kind == "hold" || kind == "force" ||
                     kind == "force-ramp" || kind == "move" || path;
        p.x_start = x;
        p.x_end   = x;
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
        if (kind == "move")
          {
            p.x_end     = values[0];
            p.one_way   = true;
            p.stroke    = std::abs(p.x_end - x);
            p.n_strokes = p.stroke > 0. ? 1 : 0;
            p.speed     = p.stroke / T;
          }
        if (path)
          {
            p.n_strokes = static_cast<unsigned int>(values[0]);
            p.stroke    = values[1];
            p.speed     = values[2];
            p.rolling   = kind == "roll";
            p.x_end     = x + (p.n_strokes % 2 == 1 ? p.stroke : 0.);
            if (values.size() == 4)
              {
                p.control = Control::force;
                p.force   = values[3];
                check_input(p.force > 0., where + ": the force must be > 0 N");
              }
          }
        phases.push_back(p);
        t = p.t_end;
        d = p.d_end;
        x = p.x_end;
      }
    check_input(!phases.empty(), "Protocol/Phases: no phase given");
    phases.front().relative = false;
  }
} // namespace FasciaFE

namespace FasciaFE
{
  double
  Protocol::lateral(const unsigned int k, const double t) const
  {
    const Phase &p = phases[k];
    if (p.n_strokes == 0)
      return p.x_start;
    const double s =
      std::clamp(p.speed * (t - p.t_start) / p.stroke, 0., double(p.n_strokes));
    if (p.one_way)
      return p.x_start + s * (p.x_end - p.x_start);
    // Back and forth: the path parameter folded into [0, 1].
    const double folded = s - 2. * std::floor(0.5 * s);
    return p.x_start + p.stroke * (folded <= 1. ? folded : 2. - folded);
  }



  std::pair<double, double>
  Protocol::lateral_range() const
  {
    double lo = 0., hi = 0.;
    for (const auto &p : phases)
      {
        const double far = p.one_way ? p.x_end : p.x_start + p.stroke;
        lo               = std::min({lo, p.x_start, far});
        hi               = std::max({hi, p.x_start, far});
      }
    return {lo, hi};
  }



  bool
  Protocol::moves_laterally() const
  {
    return std::any_of(phases.begin(), phases.end(), [](const Phase &p) {
      return p.n_strokes > 0;
    });
  }



  bool
  Protocol::rolls() const
  {
    return std::any_of(phases.begin(), phases.end(), [](const Phase &p) {
      return p.rolling;
    });
  }
} // namespace FasciaFE
