#pragma once

/**
 * Generic checks of a constitutive model at one material point, shared by
 * the tests of every model: the consistent tangent against central finite
 * differences of the Kirchhoff stress, and objectivity.
 */

#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

#include <models/material.h>

#include <random>
#include <vector>

namespace FasciaFE
{
  namespace Testing
  {
    /** Evaluate a model at F (J~ = det F) from a copy of the history. */
    inline MaterialOutput
    evaluate(const Material            &m,
             const Tensor<2, 3>        &F,
             const std::vector<double> &history_old,
             std::vector<double>       &history_new,
             const double               dt = 0.1)
    {
      MaterialInput in;
      in.F           = F;
      in.J_tilde     = determinant(F);
      in.dt          = dt;
      in.time        = dt;
      in.history_old = make_array_view(history_old);
      history_new.resize(history_old.size());
      MaterialOutput out;
      out.history_new = make_array_view(history_new);
      m.evaluate(in, out);
      return out;
    }

    /** Total Kirchhoff stress tau_iso + J~ U'(J~) I with J~ = det F. */
    inline SymmetricTensor<2, 3>
    kirchhoff(const MaterialOutput &out, const double J)
    {
      return out.tau_iso + J * out.dU_dJ * unit_symmetric_tensor<3>();
    }

    /**
     * Largest relative error of the isochoric tangent over the 9
     * directions dF = e_a x e_b: the finite difference of tau_iso against
     * c_iso : sym(l) + l tau_iso + tau_iso l^T
     *         + dtau_iso_dJ J tr(l),  l = dF F^-1,
     * by central differences with step h (J~ = det F follows F, so the
     * J~-coupling of pressure-driven models is checked too).
     */
    inline double
    tangent_error(const Material            &m,
                  const Tensor<2, 3>        &F,
                  const std::vector<double> &history,
                  const double               h = 1e-6)
    {
      std::vector<double>  hn;
      const MaterialOutput out = evaluate(m, F, history, hn);
      double max_error = 0., scale = out.c_iso.norm() + out.tau_iso.norm();
      for (unsigned int a = 0; a < 3; ++a)
        for (unsigned int b = 0; b < 3; ++b)
          {
            Tensor<2, 3> dF;
            dF[a][b] = 1.;
            const SymmetricTensor<2, 3> tp =
              evaluate(m, F + h * dF, history, hn).tau_iso;
            const SymmetricTensor<2, 3> tm =
              evaluate(m, F - h * dF, history, hn).tau_iso;
            const Tensor<2, 3> fd = Tensor<2, 3>(tp - tm) / (2. * h);
            const Tensor<2, 3> l  = dF * invert(F);
            const Tensor<2, 3> an =
              Tensor<2, 3>(out.c_iso * symmetrize(l)) +
              l * Tensor<2, 3>(out.tau_iso) +
              Tensor<2, 3>(out.tau_iso) * transpose(l) +
              Tensor<2, 3>(out.dtau_iso_dJ) * determinant(F) * trace(l);
            max_error = std::max(max_error, (fd - an).norm() / scale);
          }
      return max_error;
    }

    /** A random rotation (from a random unit quaternion). */
    inline Tensor<2, 3>
    random_rotation(std::mt19937 &rng)
    {
      std::normal_distribution<double> n;
      double                           q[4], s = 0.;
      for (double &x : q)
        {
          x = n(rng);
          s += x * x;
        }
      for (double &x : q)
        x /= std::sqrt(s);
      const double w = q[0], x = q[1], y = q[2], z = q[3];
      Tensor<2, 3> R;
      R[0][0] = 1 - 2 * (y * y + z * z);
      R[0][1] = 2 * (x * y - z * w);
      R[0][2] = 2 * (x * z + y * w);
      R[1][0] = 2 * (x * y + z * w);
      R[1][1] = 1 - 2 * (x * x + z * z);
      R[1][2] = 2 * (y * z - x * w);
      R[2][0] = 2 * (x * z - y * w);
      R[2][1] = 2 * (y * z + x * w);
      R[2][2] = 1 - 2 * (x * x + y * y);
      return R;
    }

    /** A random deformation gradient near I with det F > 0. */
    inline Tensor<2, 3>
    random_deformation(std::mt19937 &rng, const double amplitude = 0.3)
    {
      std::uniform_real_distribution<double> u(-amplitude, amplitude);
      Tensor<2, 3>                           F = unit_symmetric_tensor<3>();
      for (unsigned int a = 0; a < 3; ++a)
        for (unsigned int b = 0; b < 3; ++b)
          F[a][b] += u(rng);
      return F;
    }

    /** Uniaxial stretch (isochoric lateral contraction) and simple shear. */
    inline Tensor<2, 3>
    uniaxial(const double stretch)
    {
      Tensor<2, 3> F;
      F[0][0] = stretch;
      F[1][1] = F[2][2] = 1. / std::sqrt(stretch);
      return F;
    }

    inline Tensor<2, 3>
    simple_shear(const double gamma)
    {
      Tensor<2, 3> F = unit_symmetric_tensor<3>();
      F[0][1]        = gamma;
      return F;
    }
  } // namespace Testing
} // namespace FasciaFE
