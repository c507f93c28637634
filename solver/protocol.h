#pragma once

#include <deal.II/base/parameter_handler.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  using namespace dealii;

  /**
   * A loading protocol: the prescribed indentation depth d(t) of the tip's
   * apex below the undeformed surface (d < 0: above it), as a sequence of
   * phases with piecewise-linear d(t). Time steps never cross a phase
   * boundary.
   *
   * Type "ramp-hold-unload": from d = -gap at t = 0 linearly to the depth
   * over the ramp time, held for the hold time, then back to -gap over the
   * unload time (phases with zero duration are skipped).
   * Type "table": the phases are the intervals of a table of (t, d) points.
   * Type "phases": a sequence of named phases (see parse_phases()), each
   * starting from the state the previous one reached: displacement
   * control (ramp, hold, unload, cyclic, rest) or force control (force,
   * force-ramp), where the depth is the unknown that makes the tip's
   * reaction force equal the target.
   */
  class Protocol
  {
  public:
    enum class Control
    {
      displacement,
      force
    };

    struct Phase
    {
      std::string name;
      double      t_start = 0., t_end = 0.;
      /** Nominal depths at the ends [m] (for relative phases, those
       * reached when every earlier phase ends where it is nominally). */
      double  d_start = 0., d_end = 0.;
      Control control = Control::displacement;
      /** Depth at the start taken from the run (after force control). */
      bool relative = false;
      /** Force control: target force at the end [N]; ramped linearly from
       * the force at the phase start when @p ramp, constant otherwise. */
      double force = 0.;
      bool   ramp  = false;
      /** The depth stays at its start value (hold, force control). */
      bool constant = false;
      /** Cyclic phases: d = d_start + amplitude sin(2 pi frequency t'). */
      double amplitude = 0., frequency = 0.;
      /**
       * Lateral motion of the tip along x (move, roll, slide): the apex
       * offset goes from x_start, @p n_strokes passes of length
       * @p stroke [m] back and forth (the first towards +x) at the speed
       * @p speed [m/s]; a move is one pass from x_start to x_end. Other
       * phases keep x_end = x_start.
       */
      double       x_start = 0., x_end = 0.;
      double       stroke = 0., speed = 0.;
      unsigned int n_strokes = 0;
      /** The tip rolls (roll) instead of translating. */
      bool rolling = false;
      /** One pass from x_start to x_end (move), not back and forth. */
      bool one_way = false;
    };

    static void
    declare_parameters(ParameterHandler &prm);
    void
    parse_parameters(ParameterHandler &prm);

    /** Direct construction from (t, d) points (tests). */
    void
    set_table(const std::vector<std::pair<double, double>> &points);

    /**
     * Prescribed depth at time t [m] for a run whose current phase started
     * at depth @p start_depth (used by relative phases); without it the
     * nominal depth.
     */
    double
    depth(const double t) const;
    double
    depth(const double t, const double start_depth) const;
    /** The same within phase @p k (t may be its end point). */
    double
    depth(const unsigned int k, const double t, const double start_depth) const;

    /**
     * Lateral offset of the apex along x at time t in phase @p k [m]
     * (added to Tip/Position x): piecewise linear, back and forth for
     * rolling and sliding phases,
     *   x(t) = x_s + L tri(v (t - t_s) / L),  tri(s) = s - 2 floor(s / 2)
     *   folded into [0, 1] (s in [0,1] forward, [1,2] back, ...).
     */
    double
    lateral(const unsigned int k, const double t) const;
    double
    lateral(const double t) const
    {
      return lateral(phase_index(t), t);
    }

    /** Smallest and largest lateral offset over the protocol [m]. */
    std::pair<double, double>
    lateral_range() const;

    /** Whether any phase moves the tip laterally, or rolls it. */
    bool
    moves_laterally() const;
    bool
    rolls() const;

    /** Whether phase @p k is force-controlled. */
    bool
    force_controlled(const unsigned int k) const
    {
      return phases[k].control == Control::force;
    }

    /** Target force at time t [N], the phase having started at force
     * @p start_force [N]. */
    double
    force(const unsigned int k, const double t, const double start_force) const;

    /**
     * Parse a phase list "kind duration [values]; ..." (type "phases"):
     *   ramp T D          depth linearly to D [m] over T [s]
     *   hold T            depth held
     *   unload T          depth linearly back to -gap
     *   rest T            tip lifted to -gap at once, held (recovery)
     *   cyclic T A f      d_start + A sin(2 pi f t'), A [m], f [Hz]
     *   force T F         force control at the constant force F [N]
     *   force-ramp T F    force control, linear from the force at the
     *                     phase start to F
     *   move T X          depth held, apex moved along x to the offset
     *                     X [m] (translation, no rotation)
     *   roll N L v [F]    N strokes of length L [m] back and forth along
     *                     x at the speed v [m/s] (duration N L / v),
     *                     rolling without slip; depth held, or force
     *                     control at F [N]
     *   slide N L v [F]   the same, translating without rotation
     * Throws InputError naming the phase.
     */
    void
    parse_phases(const std::string &text, const double gap);

    /** Force control: the deepest the apex may go [m] (0: half the
     * tissue thickness). */
    double max_depth_limit = 0.;

    /** Largest lateral move per step over the zone element size [-]. */
    double lateral_step_factor = 0.5;
    /**
     * Protocol/Rolling = free: a rolling tip turns to where the moment of
     * the contact forces about its rolling axis vanishes (a freely turning
     * roller or ball, with friction) instead of by the distance over its
     * rolling radius (driven).
     */
    bool free_rolling = false;

    /** Relative tolerance of force control on the target force [-]. */
    double force_tolerance = 1e-4;

    /** Index of the phase containing t (the later one at a boundary). */
    unsigned int
    phase_index(const double t) const;

    double
    end_time() const
    {
      return phases.back().t_end;
    }

    /** Largest depth over the protocol [m]. */
    double
    max_depth() const;

    /** Shortest phase duration [s]. */
    double
    shortest_phase() const;

    std::vector<Phase> phases;
  };
} // namespace FasciaFE
