#pragma once

#include <deal.II/base/array_view.h>
#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

#include <models/registry.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  using namespace dealii;

  /**
   * What a material point receives. Kinematics are always three-dimensional:
   * the solver embeds plane strain (F_33 = 1) and axisymmetry
   * (F_33 = r / R, the hoop stretch) into a 3x3 deformation gradient, so a
   * model is written once and serves all three model types.
   */
  struct MaterialInput
  {
    /** Deformation gradient F = I + Grad u (dimensionless). */
    Tensor<2, 3> F;
    /**
     * Dilatation J~ used in the volumetric energy U(J~). In the three-field
     * (u, p, J~) formulation it is the L2 projection of det F onto the
     * discontinuous pressure space (Simo-Taylor-Pister 1985, step-44); in
     * the displacement formulation it is det F.
     */
    double J_tilde = 1.;
    /** Time at the end of the step and the step length [s]. */
    double time = 0.;
    double dt   = 0.;
    /** Reference position of the point [m] (3D embedding). */
    Point<3> position;
    /** History at the start of the step (read-only). */
    ArrayView<const double> history_old;
  };

  /**
   * What a material point returns. The Kirchhoff stress is split into an
   * isochoric part returned here and the volumetric part p J I that the
   * solver adds with the pressure p of the mixed formulation, p = dU/dJ~.
   */
  struct MaterialOutput
  {
    /** Isochoric Kirchhoff stress tau_iso [Pa]. */
    SymmetricTensor<2, 3> tau_iso;
    /**
     * Spatial tangent of tau_iso, "J c_iso" [Pa], in the convention of
     * deal.II step-44: for a perturbation dF with l = dF F^-1,
     *   d tau_iso = c_iso : sym(l) + l tau_iso + tau_iso l^T.
     */
    SymmetricTensor<4, 3> c_iso;
    /** dU/dJ~ and d2U/dJ~2 of the volumetric energy [Pa]. */
    double dU_dJ   = 0.;
    double d2U_dJ2 = 0.;
    /**
     * Derivative of tau_iso with respect to J~ at fixed F [Pa]. Zero for
     * every model whose isochoric response does not depend on the
     * volumetric state; a model whose history evolution is driven by the
     * pressure U'(J~) (thixotropy with a pressure driver) fills it, and the
     * solver adds the coupling to the condensed tangent.
     */
    SymmetricTensor<2, 3> dtau_iso_dJ;
    /** Stored energy density per reference volume [J/m^3]. */
    double energy = 0.;
    /** Energy dissipated during this step per reference volume [J/m^3]. */
    double dissipation = 0.;
    /** History at the end of the step (written by the model). */
    ArrayView<double> history_new;
  };

  /**
   * Interface of a constitutive model. A model is stateless apart from its
   * parameters; all state lives in the history array of each material point,
   * which the solver stores per quadrature point, carries across steps and
   * transfers through refinement and checkpoints.
   */
  class Material
  {
  public:
    virtual ~Material() = default;

    /** Number of history variables per material point. */
    virtual unsigned int
    n_history_variables() const
    {
      return 0;
    }

    /** Names of the history variables (used as output field names). */
    virtual std::vector<std::string>
    history_names() const
    {
      return {};
    }

    /** Set the history of a fresh (unloaded) material point. */
    virtual void
    initialize_history(ArrayView<double> /*history*/) const
    {}

    /** Evaluate stress, tangent and new history. */
    virtual void
    evaluate(const MaterialInput &in, MaterialOutput &out) const = 0;

    /**
     * Whether c_iso has the major symmetry and dtau_iso_dJ is zero, so
     * that the solver may assemble a symmetric tangent. Models whose
     * internal variables are driven by the current stress (thixotropy)
     * have a non-symmetric consistent tangent and return false.
     */
    virtual bool
    symmetric_tangent() const
    {
      return true;
    }

    /** Structure parameter lambda in [0, 1] (1 gel, 0 sol); 1 if none. */
    virtual double
    structure(const ArrayView<const double> & /*history*/) const
    {
      return 1.;
    }

    /** Active (tone) fibre stress T [Pa]; 0 if the model has none. */
    virtual double
    active_stress(const ArrayView<const double> & /*history*/) const
    {
      return 0.;
    }

    /**
     * Sum over the Maxwell branches of the Frobenius norms of the
     * internal (non-equilibrium) stresses |Q_a| [Pa]; 0 if none.
     */
    virtual double
    internal_stress_norm(const ArrayView<const double> & /*history*/) const
    {
      return 0.;
    }

    /**
     * Bring a history that was transferred to new quadrature points by
     * projection (mesh refinement) back into its admissible set, e.g.
     * lambda into [0, 1]. The default keeps it as it is.
     */
    virtual void
    bound_history(const ArrayView<double> & /*history*/) const
    {}

    /** Small-strain shear modulus [Pa]; scales contact penalties. */
    virtual double
    shear_modulus() const = 0;

    /** Small-strain bulk modulus [Pa]. */
    virtual double
    bulk_modulus() const = 0;
  };

  using MaterialRegistry = PluginRegistry<Material>;

  /** Register a material model from its own source file. */
#define FASCIAFE_REGISTER_MATERIAL(classname, name, description) \
  FASCIAFE_REGISTER_PLUGIN(::FasciaFE::Material, classname, name, description)
} // namespace FasciaFE
