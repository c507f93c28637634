#pragma once

#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

namespace FasciaFE
{
  using namespace dealii;

  /** Tangential traction of one contact point and its derivative. */
  struct FrictionResponse
  {
    Tensor<1, 3> traction; ///< on the tissue, nominal [Pa]
    Tensor<2, 3> tangent;  ///< d traction / d x [Pa/m]
    bool         slip = false;
    /** Where the stick point goes: x + t / eps_T on slip, else @p a. */
    Point<3> anchor;
  };

  /**
   * Coulomb friction by a penalty-regularized return mapping (Wriggers,
   * Computational Contact Mechanics, 2006, ch. 5; Laursen 2002). With x the
   * current tissue point, a the current position of its stick point on the
   * tip, n = grad phi(x) and H = Hess phi(x) the tip normal and curvature,
   * g = x - a, P = I - n (x) n, and the normal pressure
   * p_N = lambda - eps_N phi(x) > 0:
   *   trial   t_tr = -eps_T P g,
   *   stick   |t_tr| <= mu p_N:  t = t_tr,
   *   slip    otherwise:         t = mu p_N s,  s = t_tr / |t_tr|,
   * and the consistent derivative, with A = d(P g)/dx = P - n (x) (H g) -
   * (n . g) H,
   *   stick   dt/dx = -eps_T A,
   *   slip    dt/dx = -mu eps_N s (x) n - mu p_N eps_T / |t_tr| (I - s (x) s) A
   * (non-symmetric). On slip the stick point moves to a' = x + t / eps_T,
   * so that the elastic slip -t / eps_T is kept.
   */
  inline FrictionResponse
  coulomb_friction(const Point<3>              &x,
                   const Point<3>              &a,
                   const Tensor<1, 3>          &n,
                   const SymmetricTensor<2, 3> &H,
                   const double                 p_N,
                   const double                 eps_N,
                   const double                 eps_T,
                   const double                 mu)
  {
    FrictionResponse   r;
    const Tensor<1, 3> g  = x - a;
    const double       gn = n * g;
    Tensor<2, 3>       A  = unit_symmetric_tensor<3>();
    A -= outer_product(n, n);
    A -= outer_product(n, Tensor<1, 3>(H * g));
    A -= gn * Tensor<2, 3>(H);
    const Tensor<1, 3> trial = -eps_T * (g - gn * n);
    const double       norm  = trial.norm();
    r.anchor                 = a;
    if (norm <= mu * p_N)
      {
        r.traction = trial;
        r.tangent  = -eps_T * A;
        return r;
      }
    const Tensor<1, 3> s = trial / norm;
    r.slip               = true;
    r.traction           = mu * p_N * s;
    Tensor<2, 3> Q       = unit_symmetric_tensor<3>();
    Q -= outer_product(s, s);
    r.tangent =
      -mu * eps_N * outer_product(s, n) - mu * p_N * eps_T / norm * Q * A;
    r.anchor = x + r.traction / eps_T;
    return r;
  }
} // namespace FasciaFE
