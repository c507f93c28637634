#pragma once

#include <deal.II/base/point.h>
#include <deal.II/base/tensor.h>

#include <meshes/layered_block.h>

namespace FasciaFE
{
  using namespace dealii;

  /**
   * Embedding of the dim-dimensional model in 3D kinematics. A 2D point or
   * vector (a, b) is the 3D (a, 0, b): x (or r) and z; the 3D index 1 is y
   * (or the hoop direction theta). In plane strain F_yy = 1; in axisymmetry
   * the hoop stretch is F_tt = 1 + u_r / R (R the reference radius), the
   * reference volume element is dV = 2 pi R dR dZ and the gradient of a
   * radial test function N e_r has the hoop entry N / R.
   */
  template <int dim>
  struct Kinematics
  {
    ModelType type = ModelType::three_d;

    /** 3D index of the dim-dimensional component c. */
    static constexpr unsigned int
    index3(const unsigned int c)
    {
      return dim == 3 ? c : (c == 0 ? 0 : 2);
    }

    static Point<3>
    embed(const Point<dim> &p)
    {
      Point<3> x;
      for (unsigned int c = 0; c < dim; ++c)
        x[index3(c)] = p[c];
      return x;
    }

    static Tensor<1, 3>
    embed(const Tensor<1, dim> &v)
    {
      Tensor<1, 3> x;
      for (unsigned int c = 0; c < dim; ++c)
        x[index3(c)] = v[c];
      return x;
    }

    bool
    axisymmetric() const
    {
      return type == ModelType::axisymmetric;
    }

    /** Factor turning a dim-dimensional JxW into a reference volume. */
    double
    volume_factor(const Point<dim> &X) const
    {
      return axisymmetric() ? 2. * numbers::PI * X[0] : 1.;
    }

    /** F = I + Grad u in 3D, given Grad u (dim x dim) and u at X. */
    Tensor<2, 3>
    deformation_gradient(const Tensor<2, dim> &grad_u,
                         const Tensor<1, dim> &u,
                         const Point<dim>     &X) const
    {
      Tensor<2, 3> F = unit_symmetric_tensor<3>();
      for (unsigned int a = 0; a < dim; ++a)
        for (unsigned int b = 0; b < dim; ++b)
          F[index3(a)][index3(b)] += grad_u[a][b];
      if (axisymmetric())
        F[1][1] += u[0] / X[0];
      return F;
    }

    /**
     * Reference gradient (3x3) of the vector shape function N e_c, with
     * scalar value N and gradient grad_N at X.
     */
    Tensor<2, 3>
    shape_gradient(const unsigned int    c,
                   const double          N,
                   const Tensor<1, dim> &grad_N,
                   const Point<dim>     &X) const
    {
      Tensor<2, 3> G;
      for (unsigned int b = 0; b < dim; ++b)
        G[index3(c)][index3(b)] = grad_N[b];
      if (axisymmetric() && c == 0)
        G[1][1] = N / X[0];
      return G;
    }
  };
} // namespace FasciaFE
