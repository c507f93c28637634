#pragma once

#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

#include <models/tip.h>
#include <models/tip_rotation.h>

#include <memory>
#include <string>

namespace FasciaFE
{
  /**
   * A rigid tip placed in the tissue frame: its shape (a registered Tip),
   * its orientation and the position c of its apex, which the loading
   * protocol moves. The orientation is Q = R_y(tilt + psi) R(n, alpha):
   * first the axis-angle rotation R(n, alpha) of Tip/Rotation axis and
   * Tip/Rotation angle about the apex (any orientation, TipRotation), then
   * the tilt of the tip axis from the surface normal -z about the y axis
   * (Tip/Tilt angle, plus the pivot angle psi of a pivoted tip). Global
   * signed distance:
   *   phi(x) = phi_tip(Q^T (x - c)),  grad = Q grad_tip,  H = Q H_tip Q^T.
   *
   * The tip is a rigid body: besides its shape it has material points,
   * which friction needs (the stick point of a tissue point is a point of
   * the tip). In the tip frame a material point xi sits at
   *   y = R_theta (xi - z_r) + z_r,   x = c + Q y,
   * with theta the angle the tip has rolled about its rolling axis (the
   * tip-frame y axis through z_r = (0, 0, r), r = Tip::rolling_radius());
   * rolling does not change phi, since a rolling tip is a body of
   * revolution about that axis.
   *
   * A pivoted tip (Tip/Pivot) turns freely about the axis parallel to y
   * through its pivot point P, on the tip axis at Pivot height h_p above
   * the apex: Q = R_y(tilt + psi) R(n, alpha) with psi the pivot angle, and
   * the apex is c = P - R_y(tilt + psi) (0, 0, h_p), where
   * P = (x0 + lateral, y0, -depth + h_p) is moved by the protocol (depth
   * then means that of P minus h_p): the base turns about the pivot and
   * R(n, alpha) turns the tip on its base, about the apex.
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

    /** Move the apex to (x0 + lateral, y0, -depth). */
    void
    set_depth(const double depth);

    /**
     * Set the lateral offset of the apex along x [m] and the rolled angle
     * [rad] about the rolling axis (positive: rolling towards +x).
     */
    void
    set_lateral(const double lateral, const double rolled_angle);

    /** Whether the tip turns freely about its pivot (Tip/Pivot). */
    bool
    pivoted() const
    {
      return pivot;
    }

    /** The pivot point P (the apex when not pivoted) [m]. */
    Point<3>
    pivot_point() const;

    /** Turn a pivoted tip to the pivot angle @p psi [rad] about P. */
    void
    set_pivot_angle(const double psi);

    double
    pivot_angle() const
    {
      return psi;
    }

    /** Angle of the tip axis from -z, tilt plus pivot angle [rad]. */
    double
    tilt() const
    {
      return tilt_angle + psi;
    }

    /** Tip-frame material coordinates of the spatial point @p x [m]. */
    Point<3>
    to_material(const Point<3> &x) const;

    /** Spatial position of the tip's material point @p xi [m]. */
    Point<3>
    from_material(const Point<3> &xi) const;

    /** Tip/Position x, the lateral offset's origin [m]. */
    double
    position_x() const
    {
      return x0;
    }

    /** Lateral offset of the apex [m]. */
    double
    lateral_offset() const
    {
      return lateral;
    }

    /** Rolled angle theta [rad]. */
    double
    rolled_angle() const
    {
      return angle;
    }

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

    /** The rotation R(n, alpha) of the tip about its apex. */
    const TipRotation &
    orientation() const
    {
      return turn;
    }

  private:
    std::unique_ptr<Tip> shape;
    std::string          name;
    Tensor<2, 3>         rotation = unit_symmetric_tensor<3>();
    TipRotation          turn;
    Point<3>             position;
    double               x0 = 0., y0 = 0.;
    double               lateral = 0., depth = 0., angle = 0.;
    double               tilt_angle = 0., psi = 0.;
    bool                 pivot        = false;
    double               pivot_height = 0.;
    /** Place the apex and the rotation from the current pose. */
    void
    update_pose();
  };
} // namespace FasciaFE
