#pragma once

#include <deal.II/base/array_view.h>
#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/tensor.h>

#include <models/material.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  /**
   * Neuromuscular tone: an active fibre stress that the nervous system
   * lowers under sustained compression ("the nervous system lets go") and
   * restores after unloading. A component, not a registered material: the
   * Ogden and Holzapfel-Gasser-Ogden models own one each, declared in their
   * subsection "Tone", and switched off by default.
   *
   * Active stress. A second Piola-Kirchhoff stress along the fibre
   * direction a0 = (cos theta, sin theta, 0) in the x-y (layer) plane,
   *   S_a = T a0 x a0,  tau_a = F S_a F^T = T (F a0) x (F a0),
   * with the tone T [Pa] a history variable. At fixed T its Lie derivative
   * vanishes, d tau_a = l tau_a + tau_a l^T, so it adds nothing to c_iso.
   * tau_a is added to tau_iso although it is NOT deviatoric: it carries its
   * own trace T |F a0|^2, which the solver treats like any other part of
   * tau_iso (the pressure p = U'(J~) is unaffected). It stores no elastic
   * energy, and the model's energy output does not include it.
   *
   * Kinetics. Let p_n = -U'(J~) be the hydrostatic compression [Pa] of the
   * previous converged step (stored in the history; the update is staggered
   * by one step, so the tone at step n+1 depends only on the committed
   * history and dt and the consistent tangent stays zero). Over a step dt,
   * with target and time constant
   *   p_n >  threshold:  T_inf = f T0,  t_c = tau_n (relaxation),
   *   p_n <= threshold:  T_inf = T0,    t_c = tau_r (recovery),
   * T follows dT/dt = (T_inf - T)/t_c, integrated exactly for the constant
   * target: T_{n+1} = T_inf + (T_n - T_inf) exp(-dt / t_c). Under a held
   * compression that starts with step 1, T(t) = f T0 + (1 - f) T0
   * exp(-t / tau_n) with t counted from the end of step 1. History per
   * point: T [Pa] and p_n [Pa]; initially T = T0, p = 0.
   *
   * All constants are ASSUMPTIONS: no measured values of a resting tone
   * stress, of its relaxed fraction, of a pressure threshold or of the time
   * constants exist in the project's reference (physics.md). The model is a
   * hypothesis that users can switch on, compare with the passive models
   * and fit; its defaults are never measurements.
   */
  class NeuromuscularTone
  {
  public:
    NeuromuscularTone() = default;

    /** Direct construction (tests); angle in degrees, enabled. */
    NeuromuscularTone(const double resting_stress,
                      const double relaxed_fraction,
                      const double pressure_threshold,
                      const double relaxation_time,
                      const double recovery_time,
                      const double angle_deg);

    /** Declare the subsection "Tone" and its entries. */
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /** Read and check the subsection "Tone"; throws InputError. */
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /** 2 (T, p) if enabled, else 0. */
    unsigned int
    n_history_variables() const
    {
      return enabled ? 2 : 0;
    }

    std::vector<std::string>
    history_names() const;

    /** T = T0, p = 0 at @p offset of @p history (if enabled). */
    void
    initialize_history(const ArrayView<double> &history,
                       const unsigned int       offset) const;

    /** Tone T after a step dt [s] from T_old under the compression p_old. */
    double
    update(const double T_old, const double p_old, const double dt) const;

    /**
     * Add the active stress to out.tau_iso and write T_{n+1} and the
     * current compression -out.dU_dJ at @p offset of out.history_new. Call
     * after the volumetric part (dU_dJ) has been filled. No-op if disabled.
     */
    void
    evaluate(const MaterialInput &in,
             MaterialOutput      &out,
             const unsigned int   offset) const;

    /** T [Pa] stored at @p offset; 0 if disabled. */
    double
    stress(const ArrayView<const double> &history,
           const unsigned int             offset) const;

    /** Clamp a projected T into [min(f T0, T0), T0]. */
    void
    bound_history(const ArrayView<double> &history,
                  const unsigned int       offset) const;

    /** The reference fibre direction a0 (unit, in the x-y plane). */
    Tensor<1, 3>
    direction() const;

    bool   enabled            = false;
    double resting_stress     = 1000.;
    double relaxed_fraction   = 0.5;
    double pressure_threshold = 10000.;
    double relaxation_time    = 60.;
    double recovery_time      = 300.;
    double angle_deg          = 0.;

  private:
    void
    check() const;
  };



  /**
   * A material whose history is the tone's (at offset 0): the history and
   * tone plumbing shared by the models that carry an optional tone (Ogden,
   * Holzapfel-Gasser-Ogden). A derived model adds tone.evaluate() to its
   * stress.
   */
  class MaterialWithTone : public Material
  {
  public:
    explicit MaterialWithTone(const NeuromuscularTone &tone)
      : tone(tone)
    {}

    unsigned int
    n_history_variables() const override
    {
      return tone.n_history_variables();
    }

    std::vector<std::string>
    history_names() const override
    {
      return tone.history_names();
    }

    void
    initialize_history(ArrayView<double> history) const override
    {
      tone.initialize_history(history, 0);
    }

    double
    active_stress(const ArrayView<const double> &history) const override
    {
      return tone.stress(history, 0);
    }

    void
    bound_history(const ArrayView<double> &history) const override
    {
      tone.bound_history(history, 0);
    }

  protected:
    NeuromuscularTone tone;
  };
} // namespace FasciaFE
