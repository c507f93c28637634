#include <models/tips/ellipsoid_distance.h>

#include <algorithm>
#include <cmath>

namespace FasciaFE
{
  namespace Tips
  {
    namespace SDF
    {
      Ellipsoid::Ellipsoid(const Point<3>              &center,
                           const std::array<double, 3> &axes)
        : center(center)
        , axes(axes)
        , order({{0, 1, 2}})
      {
        std::stable_sort(order.begin(),
                         order.end(),
                         [&](const unsigned int i, const unsigned int j) {
                           return axes[i] > axes[j];
                         });
        for (unsigned int k = 0; k < 3; ++k)
          sorted[k] = axes[order[k]];
        for (unsigned int k = 0; k < 3; ++k)
          ratio[k] = (sorted[k] / sorted[2]) * (sorted[k] / sorted[2]);
      }



      double
      Ellipsoid::nearest_point(const std::array<double, 3> &y,
                               std::array<double, 3>       &nearest,
                               bool                        &degenerate) const
      {
        degenerate = false;
        std::array<double, 3> z, n;
        for (unsigned int k = 0; k < 3; ++k)
          {
            z[k] = y[k] / sorted[k];
            n[k] = ratio[k] * z[k];
          }

        // Degenerate case: inside on the plane of the shortest axis with
        // the nearest points off that plane (s = -1).
        if (y[2] == 0.)
          {
            bool   off_plane = true;
            double sum       = 0.;
            for (unsigned int k = 0; k < 2; ++k)
              if (y[k] > 0.)
                {
                  if (ratio[k] <= 1.)
                    off_plane = false;
                  else
                    sum += std::pow(n[k] / (ratio[k] - 1.), 2);
                }
            if (off_plane && sum < 1.)
              {
                degenerate = true;
                for (unsigned int k = 0; k < 2; ++k)
                  nearest[k] = ratio[k] * y[k] / (ratio[k] - 1.);
                nearest[2] = sorted[2] * std::sqrt(1. - sum);
                return -1.;
              }
          }

        // G(s) and G'(s) over the components with y_k > 0; m is the one
        // with the smallest ratio (the largest k).
        unsigned int m = 0;
        for (unsigned int k = 0; k < 3; ++k)
          if (y[k] > 0.)
            m = k;
        const auto G = [&](const double s, double *derivative) {
          double g = -1., dg = 0.;
          for (unsigned int k = 0; k < 3; ++k)
            if (y[k] > 0.)
              {
                const double q = n[k] / (s + ratio[k]);
                g += q * q;
                dg -= 2. * q * q / (s + ratio[k]);
              }
          if (derivative != nullptr)
            *derivative = dg;
          return g;
        };

        double       s  = 0.;
        const double g0 = z[0] * z[0] + z[1] * z[1] + z[2] * z[2] - 1.;
        if (g0 != 0.)
          {
            double s_low  = ratio[m] * (z[m] - 1.);
            double s_high = 0.;
            if (g0 > 0.)
              s_high =
                std::max(0.,
                         std::sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]) -
                           ratio[m]);
            for (unsigned int iteration = 0; iteration < 200; ++iteration)
              {
                // Newton from the left end: G convex decreasing, so the
                // step stays left of the root.
                double       dg;
                const double g = G(s_low, &dg);
                if (g <= 0.)
                  {
                    s_high = s_low;
                    break;
                  }
                double s_newton = s_low - g / dg;
                if (!(s_newton < s_high))
                  s_newton = 0.5 * (s_low + s_high);
                if (s_newton <= s_low)
                  break;
                const double g_newton = G(s_newton, nullptr);
                if (g_newton > 0.)
                  s_low = s_newton;
                else
                  s_high = s_newton;
                // Bisection, so the bracket at least halves.
                const double s_mid = 0.5 * (s_low + s_high);
                if (s_mid <= s_low || s_mid >= s_high)
                  break;
                const double g_mid = G(s_mid, nullptr);
                if (g_mid > 0.)
                  s_low = s_mid;
                else if (g_mid < 0.)
                  s_high = s_mid;
                else
                  {
                    s_low = s_high = s_mid;
                    break;
                  }
              }
            s = (std::abs(G(s_low, nullptr)) <= std::abs(G(s_high, nullptr)) ?
                   s_low :
                   s_high);
          }
        for (unsigned int k = 0; k < 3; ++k)
          nearest[k] = (y[k] > 0. ? ratio[k] * y[k] / (s + ratio[k]) : 0.);
        return s;
      }



      double
      Ellipsoid::signed_distance(const Point<3>        &x,
                                 Tensor<1, 3>          *gradient,
                                 SymmetricTensor<2, 3> *hessian) const
      {
        // Sorted first-octant coordinates and the signs to map back.
        std::array<double, 3> y, sign, nearest;
        for (unsigned int k = 0; k < 3; ++k)
          {
            const double d = x[order[k]] - center[order[k]];
            y[k]           = std::abs(d);
            sign[k]        = (d < 0. ? -1. : 1.);
          }
        bool         degenerate;
        const double s = nearest_point(y, nearest, degenerate);

        // Normal direction u ~ X_k / E_k^2 in the original axes; phi = s |v|
        // with v_k = y_k / (s + r_k) = E_2^2 u_k off the degenerate case.
        Tensor<1, 3> u;
        double       phi;
        if (degenerate)
          {
            Tensor<1, 3> difference;
            for (unsigned int k = 0; k < 3; ++k)
              {
                u[order[k]]   = sign[k] * nearest[k] / (sorted[k] * sorted[k]);
                difference[k] = y[k] - nearest[k];
              }
            phi = -difference.norm();
          }
        else
          {
            for (unsigned int k = 0; k < 3; ++k)
              u[order[k]] = sign[k] * (y[k] > 0. ? y[k] / (s + ratio[k]) : 0.) /
                            (sorted[2] * sorted[2]);
            phi = s * u.norm() * sorted[2] * sorted[2];
          }

        const double       u_norm = u.norm();
        const Tensor<1, 3> normal = u / u_norm;
        if (gradient != nullptr)
          *gradient = normal;
        if (hessian != nullptr)
          {
            // W = P diag(1 / e_i^2) P / |u|, Hess = W (I + phi W)^{-1}.
            Tensor<2, 3> P, D;
            for (unsigned int i = 0; i < 3; ++i)
              {
                D[i][i] = 1. / (axes[i] * axes[i] * u_norm);
                for (unsigned int j = 0; j < 3; ++j)
                  P[i][j] = (i == j ? 1. : 0.) - normal[i] * normal[j];
              }
            const Tensor<2, 3> W = P * D * P;
            const Tensor<2, 3> M =
              Tensor<2, 3>(unit_symmetric_tensor<3>()) + phi * W;
            if (determinant(M) > 1e-12)
              *hessian = symmetrize(Tensor<2, 3>(W * invert(M)));
            else
              *hessian = SymmetricTensor<2, 3>();
          }
        return phi;
      }
    } // namespace SDF
  }   // namespace Tips
} // namespace FasciaFE
