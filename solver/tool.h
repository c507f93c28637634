#pragma once

#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

#include <models/tip.h>

#include <memory>
#include <string>

namespace FasciaFE
{
  /**
   * A rigid tip placed in the tissue frame: its shape (a registered Tip),
   * its orientation (the tip axis tilted from the surface normal -z by an
   * angle about the y axis) and the position of its apex, which the loading
   * protocol moves. Global signed distance:
   *   phi(x) = phi_tip(Q^T (x - c)),  grad = Q grad_tip,  H = Q H_tip Q^T.
   */
  class Tool
  {
  public:
    static void
    declare_parameters(ParameterHandler &prm);
    void
    parse_parameters(ParameterHandler &prm);

    /** Use the given shape directly (tests). */
    void
    set_tip(std::unique_ptr<Tip> tip, const std::string &name);

    /** Move the apex to (x0, y0, -depth). */
    void
    set_depth(const double depth);

    double
    signed_distance(const Point<3>        &x,
                    Tensor<1, 3>          *gradient = nullptr,
                    SymmetricTensor<2, 3> *hessian  = nullptr) const;

    const Point<3> &
    apex() const
    {
      return position;
    }

    const Tip &
    tip() const
    {
      return *shape;
    }

    const std::string &
    shape_name() const
    {
      return name;
    }

  private:
    std::unique_ptr<Tip> shape;
    std::string          name;
    Tensor<2, 3>         rotation = unit_symmetric_tensor<3>();
    Point<3>             position;
    double               x0 = 0., y0 = 0.;
  };
} // namespace FasciaFE
