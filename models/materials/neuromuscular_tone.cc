#include <models/materials/neuromuscular_tone.h>
#include <solver/exceptions.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace FasciaFE
{
  NeuromuscularTone::NeuromuscularTone(const double resting_stress,
                                       const double relaxed_fraction,
                                       const double pressure_threshold,
                                       const double relaxation_time,
                                       const double recovery_time,
                                       const double angle_deg)
    : enabled(true)
    , resting_stress(resting_stress)
    , relaxed_fraction(relaxed_fraction)
    , pressure_threshold(pressure_threshold)
    , relaxation_time(relaxation_time)
    , recovery_time(recovery_time)
    , angle_deg(angle_deg)
  {
    check();
  }



  void
  NeuromuscularTone::declare_parameters(dealii::ParameterHandler &prm)
  {
    using dealii::Patterns::Double;
    const std::string assumed =
      " ASSUMPTION: no measured value exists (physics.md has none); the "
      "tone model is a hypothesis to switch on, compare and fit.";
    prm.enter_subsection("Tone");
    prm.declare_entry("Enable",
                      "false",
                      dealii::Patterns::Bool(),
                      "Add the neuromuscular tone: an active fibre stress "
                      "S_a = T a0 x a0 that relaxes under sustained "
                      "compression and recovers after unloading. Off by "
                      "default (passive tissue).");
    prm.declare_entry("Resting tone stress",
                      "1000",
                      Double(),
                      "T0, the active second Piola-Kirchhoff fibre stress "
                      "at rest [Pa], >= 0. Default 1 kPa: the order of the "
                      "in-vivo muscle shear modulus 0.9-1.3 kPa (physics.md "
                      "section 1, Hirsch16), so that tone is noticeable but "
                      "not dominant." +
                        assumed);
    prm.declare_entry("Relaxed fraction",
                      "0.5",
                      Double(),
                      "f in [0, 1] [-]: the tone relaxes toward f T0 under "
                      "compression. Default 0.5; measured stiffness changes "
                      "after sustained loading are small and mixed "
                      "(physics.md section 6, Reiner21, Vatovec24)." +
                        assumed);
    prm.declare_entry("Pressure threshold",
                      "10000",
                      Double(),
                      "Hydrostatic compression -U'(J~) above which the tone "
                      "relaxes [Pa], >= 0. Default 10 kPa: below the "
                      "33-52 kPa mean foam-roller contact pressure "
                      "(physics.md section 5, Curran08), so that typical "
                      "manual loads trigger it." +
                        assumed);
    prm.declare_entry("Relaxation time constant",
                      "60",
                      Double(),
                      "tau_n of the relaxation toward f T0 [s], > 0. Default "
                      "60 s: 86 % of the release after a 2 min hold, the "
                      "clinical claim of release within 1-3 min (physics.md "
                      "section 6) to be tested." +
                        assumed);
    prm.declare_entry("Recovery time constant",
                      "300",
                      Double(),
                      "Time constant of the return toward T0 after "
                      "unloading [s], > 0. Default 300 s: recovery over "
                      "minutes at rest, as for fascia after loading "
                      "(physics.md section 3, Schleip12, qualitative)." +
                        assumed);
    prm.declare_entry("Fibre direction angle",
                      "0",
                      Double(),
                      "Angle of the tone fibre direction a0 in the x-y "
                      "(layer) plane, measured from x toward y [deg]; x is "
                      "in-plane (radial in axisymmetry), y out-of-plane "
                      "(hoop in axisymmetry). Default 0 (along x)." +
                        assumed);
    prm.leave_subsection();
  }



  void
  NeuromuscularTone::parse_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Tone");
    enabled            = prm.get_bool("Enable");
    resting_stress     = prm.get_double("Resting tone stress");
    relaxed_fraction   = prm.get_double("Relaxed fraction");
    pressure_threshold = prm.get_double("Pressure threshold");
    relaxation_time    = prm.get_double("Relaxation time constant");
    recovery_time      = prm.get_double("Recovery time constant");
    angle_deg          = prm.get_double("Fibre direction angle");
    prm.leave_subsection();
    check();
  }



  void
  NeuromuscularTone::check() const
  {
    auto require = [](const bool         ok,
                      const std::string &name,
                      const double       v,
                      const std::string &what) {
      std::ostringstream msg;
      msg << "Tone/" << name << " must be " << what << " (got " << v << ")";
      check_input(ok, msg.str());
    };
    require(resting_stress >= 0. && std::isfinite(resting_stress),
            "Resting tone stress",
            resting_stress,
            ">= 0 Pa");
    require(relaxed_fraction >= 0. && relaxed_fraction <= 1.,
            "Relaxed fraction",
            relaxed_fraction,
            "in [0, 1]");
    require(pressure_threshold >= 0. && std::isfinite(pressure_threshold),
            "Pressure threshold",
            pressure_threshold,
            ">= 0 Pa");
    require(relaxation_time > 0. && std::isfinite(relaxation_time),
            "Relaxation time constant",
            relaxation_time,
            "> 0 s");
    require(recovery_time > 0. && std::isfinite(recovery_time),
            "Recovery time constant",
            recovery_time,
            "> 0 s");
    require(std::isfinite(angle_deg),
            "Fibre direction angle",
            angle_deg,
            "finite");
  }



  std::vector<std::string>
  NeuromuscularTone::history_names() const
  {
    if (!enabled)
      return {};
    return {"tone_stress", "tone_pressure"};
  }



  void
  NeuromuscularTone::initialize_history(const ArrayView<double> &history,
                                        const unsigned int       offset) const
  {
    if (!enabled)
      return;
    history[offset]     = resting_stress;
    history[offset + 1] = 0.;
  }



  double
  NeuromuscularTone::update(const double T_old,
                            const double p_old,
                            const double dt) const
  {
    const bool   relaxing = p_old > pressure_threshold;
    const double target =
      relaxing ? relaxed_fraction * resting_stress : resting_stress;
    const double t_c = relaxing ? relaxation_time : recovery_time;
    return target + (T_old - target) * std::exp(-dt / t_c);
  }



  Tensor<1, 3>
  NeuromuscularTone::direction() const
  {
    const double theta = angle_deg * M_PI / 180.;
    Tensor<1, 3> a0;
    a0[0] = std::cos(theta);
    a0[1] = std::sin(theta);
    return a0;
  }



  void
  NeuromuscularTone::evaluate(const MaterialInput &in,
                              MaterialOutput      &out,
                              const unsigned int   offset) const
  {
    if (!enabled)
      return;
    const double T =
      update(in.history_old[offset], in.history_old[offset + 1], in.dt);
    const Tensor<1, 3> a = in.F * direction();
    out.tau_iso += T * symmetrize(outer_product(a, a));
    out.history_new[offset]     = T;
    out.history_new[offset + 1] = -out.dU_dJ;
  }



  double
  NeuromuscularTone::stress(const ArrayView<const double> &history,
                            const unsigned int             offset) const
  {
    return enabled ? history[offset] : 0.;
  }



  void
  NeuromuscularTone::bound_history(const ArrayView<double> &history,
                                   const unsigned int       offset) const
  {
    if (!enabled)
      return;
    const double lo = std::min(relaxed_fraction, 1.) * resting_stress;
    history[offset] = std::clamp(history[offset], lo, resting_stress);
  }
} // namespace FasciaFE
