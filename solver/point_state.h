#pragma once

#include <deal.II/base/quadrature_point_data.h>
#include <deal.II/base/symmetric_tensor.h>

#include <vector>

namespace FasciaFE
{
  using namespace dealii;

  /**
   * State of one material (volume quadrature) point: the model's history at
   * the start of the step (committed) and at the current iterate, plus
   * quantities kept for output. Only the committed history is transferred
   * through refinement, repartitioning and checkpoints.
   */
  struct PointState : public TransferableQuadraturePointData
  {
    std::vector<double> history_old;
    std::vector<double> history_new;

    /** Output of the last evaluation. */
    SymmetricTensor<2, 3> cauchy_stress;         ///< [Pa]
    double                J                = 1.; ///< det F [-]
    double                pressure         = 0.; ///< p = dU/dJ~ [Pa]
    double                energy           = 0.; ///< [J/m^3]
    double                dissipated       = 0.; ///< accumulated [J/m^3]
    double                dissipation_step = 0.; ///< this step [J/m^3]

    unsigned int
    number_of_values() const override
    {
      return history_old.size() + 1;
    }

    void
    pack_values(std::vector<double> &values) const override
    {
      values.assign(history_old.begin(), history_old.end());
      values.push_back(dissipated);
    }

    void
    unpack_values(const std::vector<double> &values) override
    {
      history_old.assign(values.begin(), values.end() - 1);
      history_new = history_old;
      dissipated  = values.back();
    }
  };

  /**
   * State of one contact (surface quadrature) point: the Uzawa multiplier
   * (nominal contact pressure, per reference area), the friction stick
   * point and the last evaluation.
   */
  struct ContactPointState
  {
    /**
     * Friction: the stick point, a material point of the tip in its own
     * frame (Tool::to_material()) at the last commit, and its update from
     * the last evaluation (moved on slip, the point's own position out of
     * contact); set by Simulation::initialize_stick_points().
     */
    Point<3>     anchor_old, anchor_new;
    Tensor<1, 3> traction; ///< tangential nominal traction on the tissue [Pa]
    bool         slip           = false;
    double       multiplier     = 0.; ///< lambda [Pa], nominal, iterate
    double       multiplier_old = 0.; ///< lambda at the last commit [Pa]
    double       gap            = 0.; ///< signed distance to the tip [m]
    double       nominal        = 0.; ///< max(0, lambda - eps g) [Pa]
    double       area0          = 0.; ///< reference area weight [m^2]
    double       area           = 0.; ///< current area weight [m^2]
    Tensor<1, 3> normal;              ///< tip normal at the point [-]
    Point<3>     position;            ///< current position [m]
  };
} // namespace FasciaFE
