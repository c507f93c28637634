#pragma once

#include <deal.II/base/symmetric_tensor.h>

#include <array>
#include <functional>

namespace FasciaFE
{
  using namespace dealii;

  /**
   * A Kirchhoff stress tau [Pa] and its spatial tangent c [Pa] in the
   * step-44 convention: for a perturbation dF with l = dF F^-1,
   *   d tau = c : sym(l) + l tau + tau l^T.
   */
  struct KirchhoffResponse
  {
    SymmetricTensor<2, 3> tau;
    SymmetricTensor<4, 3> c;
  };

  /**
   * Isochoric projection of a fictitious response (Holzapfel, Nonlinear
   * Solid Mechanics, 2000, section 6.6; deal.II step-44). Given the
   * fictitious Kirchhoff stress tau_bar = 2 F_bar dPsi/dC_bar F_bar^T and the
   * fictitious spatial tangent c_bar (push-forward with F_bar of
   * 4 d2Psi/dC_bar2), both computed with b_bar = J^(-2/3) b, returns
   *   tau_iso = P : tau_bar,
   *   c_iso   = P : c_bar : P + 2/3 tr(tau_bar) P
   *             - 2/3 (tau_iso x I + I x tau_iso),
   * with P = I4s - 1/3 I x I the deviatoric projector. c_iso is the tangent
   * of tau_iso in the convention of MaterialOutput (models/material.h).
   */
  KirchhoffResponse
  isochoric_projection(const SymmetricTensor<2, 3> &tau_bar,
                       const SymmetricTensor<4, 3> &c_bar);

  /**
   * Principal Kirchhoff stresses tau_a [Pa] of an isotropic hyperelastic
   * (or any isotropic) function of the principal stretches, and their
   * derivatives dtau[a][b] = d tau_a / d ln lambda_b [Pa].
   */
  struct PrincipalStresses
  {
    std::array<double, 3>                tau;
    std::array<std::array<double, 3>, 3> dtau;
  };

  /** A callable returning the principal response at stretches lambda_a. */
  using PrincipalFunction =
    std::function<PrincipalStresses(const std::array<double, 3> &lambda)>;

  /**
   * Kirchhoff stress and spatial tangent of an isotropic function of the
   * principal stretches lambda_a of b = sum_a lambda_a^2 n_a x n_a (pass
   * b_bar for the fictitious response), by the spectral formula of Simo and
   * Taylor (1991; Holzapfel 2000, eq. 6.200):
   *   tau = sum_a tau_a m_a,  m_a = n_a x n_a,
   *   c   = sum_ab (d tau_a / d ln lambda_b) m_a x m_b
   *         - 2 sum_a tau_a m_a x m_a
   *         + sum_{a != b} gamma_ab (m_ab x m_ab + m_ab x m_ba),
   *   m_ab = n_a x n_b,
   *   gamma_ab = (tau_a lambda_b^2 - tau_b lambda_a^2)
   *              / (lambda_a^2 - lambda_b^2).
   * The sum over a != b is assembled per pair as gamma_ab S x S with
   * S = m_ab + m_ba, which is minor-symmetric. For (nearly) equal stretches,
   * |ln lambda_a - ln lambda_b| < 1e-6, gamma_ab is replaced by its exact
   * L'Hopital limit
   *   gamma_ab -> 1/2 (d tau_a/d ln lambda_a - d tau_a/d ln lambda_b)
   *               - tau_a,
   * averaged over a and b: the average is symmetric in (a, b), so it
   * approximates gamma_ab to second order in the stretch difference, and
   * the cancellation of the quotient (roundoff ~ 1e-16 / 1e-6) is avoided.
   * The eigenvectors are computed by deal.II eigenvectors() with the Jacobi
   * method, which stays accurate for repeated eigenvalues; the result does
   * not depend on the choice of basis within a repeated eigenspace.
   */
  KirchhoffResponse
  spectral_response(const SymmetricTensor<2, 3> &b,
                    const PrincipalFunction     &principal);
} // namespace FasciaFE
