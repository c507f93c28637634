#pragma once

#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

#include <models/tip.h>

#include <string>

namespace FasciaFE
{
  /**
   * The signed distance [m] of @p tip turned by the rotation @p q about its
   * origin, at @p x (a rigid motion keeps distances):
   *   phi_Q(x) = phi(Q^T x),  grad phi_Q(x) = Q grad phi(Q^T x),
   *   H_Q(x) = Q H(Q^T x) Q^T,
   * the gradient and Hessian only when not null.
   */
  double
  rotated_signed_distance(const Tip             &tip,
                          const Tensor<2, 3>    &q,
                          const Point<3>        &x,
                          Tensor<1, 3>          *gradient = nullptr,
                          SymmetricTensor<2, 3> *hessian  = nullptr);

  /**
   * A tip turned about its apex (the origin of its frame) by the rotation
   * Q, the axis-angle rotation R(n, alpha) of Rodrigues' formula,
   *   R = cos(alpha) I + sin(alpha) [n]_x + (1 - cos(alpha)) n (x) n,
   * right-handed about the unit axis n; the turned tip's signed distance is
   * rotated_signed_distance() with Q = R. The apex stays at the origin; the
   * turned tip's lowest point need not be the apex any more (the depth is that
   * of the apex).
   */
  class TipRotation
  {
  public:
    /** The identity: the tip as defined in its own frame. */
    TipRotation() = default;

    /**
     * R(@p axis, @p angle) for an axis [-] of nonzero length (asserted;
     * parse_parameters() checks the input) and an angle [rad].
     */
    TipRotation(const Tensor<1, 3> &axis, const double angle);

    /**
     * Declare "Rotation axis" (x, y, z [-], default 0, 0, 1) and "Rotation
     * angle" [deg] (default 0) in the current subsection of @p prm; @p what
     * names the rotated body in their descriptions.
     */
    static void
    declare_parameters(ParameterHandler &prm, const std::string &what);

    /**
     * Read them from the current subsection; InputError naming
     * @p where (e.g. "Tip/Rotation axis") for an axis of zero length.
     */
    void
    parse_parameters(ParameterHandler &prm, const std::string &where);

    /** True unless the angle is 0 (the identity). */
    bool
    is_rotated() const
    {
      return alpha != 0.;
    }

    /**
     * True if it leaves the coordinate axis @p d (0: x, 1: y, 2: z) in
     * place: no rotation, or a rotation about that axis.
     */
    bool
    keeps_axis(const unsigned int d) const;

    /** The matrix Q [-]. */
    const Tensor<2, 3> &
    matrix() const
    {
      return q;
    }

    /** phi_Q(@p x) [m] and, when not null, its gradient and Hessian. */
    double
    signed_distance(const Tip             &tip,
                    const Point<3>        &x,
                    Tensor<1, 3>          *gradient = nullptr,
                    SymmetricTensor<2, 3> *hessian  = nullptr) const;

  private:
    Tensor<1, 3> n     = Tensor<1, 3>({0., 0., 1.});
    double       alpha = 0.;
    Tensor<2, 3> q     = unit_symmetric_tensor<3>();
  };
} // namespace FasciaFE
