#include <deal.II/base/tensor.h>

#include <models/materials/isochoric.h>

#include <cmath>

namespace FasciaFE
{
  KirchhoffResponse
  isochoric_projection(const SymmetricTensor<2, 3> &tau_bar,
                       const SymmetricTensor<4, 3> &c_bar)
  {
    const SymmetricTensor<2, 3> I = unit_symmetric_tensor<3>();
    const SymmetricTensor<4, 3> P = deviator_tensor<3>();

    KirchhoffResponse r;
    r.tau = P * tau_bar;
    r.c   = P * c_bar * P + (2. / 3.) * trace(tau_bar) * P -
          (2. / 3.) * (outer_product(r.tau, I) + outer_product(I, r.tau));
    return r;
  }



  KirchhoffResponse
  spectral_response(const SymmetricTensor<2, 3> &b,
                    const PrincipalFunction     &principal)
  {
    const auto eigen =
      eigenvectors(b, SymmetricTensorEigenvectorMethod::jacobi);

    std::array<double, 3>                x; // lambda_a^2
    std::array<double, 3>                lambda;
    std::array<SymmetricTensor<2, 3>, 3> m; // n_a x n_a
    for (unsigned int a = 0; a < 3; ++a)
      {
        x[a]      = eigen[a].first;
        lambda[a] = std::sqrt(x[a]);
        m[a]      = symmetrize(outer_product(eigen[a].second, eigen[a].second));
      }

    const PrincipalStresses p = principal(lambda);

    KirchhoffResponse r;
    for (unsigned int a = 0; a < 3; ++a)
      {
        r.tau += p.tau[a] * m[a];
        for (unsigned int b = 0; b < 3; ++b)
          r.c += (p.dtau[a][b] - (a == b ? 2. * p.tau[a] : 0.)) *
                 outer_product(m[a], m[b]);
      }

    for (unsigned int a = 0; a < 3; ++a)
      for (unsigned int b = a + 1; b < 3; ++b)
        {
          double gamma;
          if (std::abs(std::log(x[a] / x[b])) < 2e-6)
            gamma = 0.25 * (p.dtau[a][a] - p.dtau[a][b] + p.dtau[b][b] -
                            p.dtau[b][a]) -
                    0.5 * (p.tau[a] + p.tau[b]);
          else
            gamma = (p.tau[a] * x[b] - p.tau[b] * x[a]) / (x[a] - x[b]);
          // S = n_a x n_b + n_b x n_a; S x S collects the four terms
          // m_ab x m_ab + m_ab x m_ba + m_ba x m_ba + m_ba x m_ab.
          const SymmetricTensor<2, 3> S =
            2. * symmetrize(outer_product(eigen[a].second, eigen[b].second));
          r.c += gamma * outer_product(S, S);
        }
    return r;
  }
} // namespace FasciaFE
