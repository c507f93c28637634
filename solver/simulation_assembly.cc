#include <deal.II/base/timer.h>

#include <deal.II/fe/fe_values.h>

#include <deal.II/lac/full_matrix.h>

#include <solver/simulation.h>

namespace FasciaFE
{
  namespace
  {
    /** c_vol = p J (I x I - 2 II): tangent of p J I at fixed p (step-44). */
    SymmetricTensor<4, 3>
    volumetric_tangent(const double pJ)
    {
      const SymmetricTensor<2, 3> I = unit_symmetric_tensor<3>();
      return pJ * (outer_product(I, I) - 2. * identity_tensor<3>());
    }
  } // namespace



  /**
   * Cell residual and tangent. With N_a the P_{k-1} basis,
   *   M_ab = int N_a N_b dV,  J~ = M^-1 int N J,  p = M^-1 int N U'(J~),
   *   R_i  = int G_i : (tau_iso + p J I) dV,   G_i = Grad(N_i) F^-1,
   *   K_ij = int [sym G_i : (c_iso + c_vol) : sym G_j + G_i : (G_j tau)] dV
   *          + (B^T M^-1 D M^-1 B)_ij,
   * B_aj = int N_a J tr(G_j) dV, D_ab = int N_a U''(J~) N_b dV: the static
   * condensation of the (u, p, J~) system of step-44. A model whose
   * isochoric stress depends on J~ (T = d tau_iso / d J~, a pressure-driven
   * internal variable) adds
   *   K += C^T M^-1 B,   C_ai = int N_a G_i : T dV,
   * (K_ij += int G_i : T J tr(G_j) dV in the displacement formulation).
   * Both that term and the thixotropic coupling in c_iso make K
   * non-symmetric: the full matrix is then assembled instead of its upper
   * triangle.
   */
  template <int dim>
  void
  Simulation<dim>::assemble(const bool with_matrix)
  {
    Timer timer;
    if (with_matrix)
      system_matrix = 0.;
    residual = 0.;
    inverted = false;

    const bool         three_field = settings.discretization.three_field;
    const bool         symmetric   = settings.tissue.symmetric_tangent();
    FEValues<dim>      fv(mapping,
                     fe,
                     quadrature,
                     update_values | update_gradients |
                       update_quadrature_points | update_JxW_values);
    FEValues<dim>      fv_p(mapping, fe_pressure, quadrature, update_values);
    const unsigned int n_dofs = fe.n_dofs_per_cell();
    const unsigned int n_q    = quadrature.size();
    const unsigned int n_p    = fe_pressure.n_dofs_per_cell();
    const FEValuesExtractors::Vector disp(0);

    FullMatrix<double>                   K(n_dofs, n_dofs);
    Vector<double>                       R(n_dofs);
    std::vector<types::global_dof_index> dofs(n_dofs);
    std::vector<Tensor<2, dim>>          grad_u(n_q);
    std::vector<Tensor<1, dim>>          u(n_q);
    std::vector<Tensor<2, 3>>            F(n_q);
    std::vector<double>         J(n_q), dV(n_q), J_tilde(n_q), p(n_q), d2U(n_q);
    std::vector<MaterialOutput> out(n_q);
    std::vector<std::vector<Tensor<2, 3>>> G(n_q,
                                             std::vector<Tensor<2, 3>>(n_dofs));
    std::vector<unsigned int>              component(n_dofs);
    for (unsigned int i = 0; i < n_dofs; ++i)
      component[i] = fe.system_to_component_index(i).first;
    FullMatrix<double> M(n_p, n_p), Minv(n_p, n_p), D(n_p, n_p), B(n_p, n_dofs),
      MB(n_p, n_dofs), DMB(n_p, n_dofs), MDMB(n_p, n_dofs), C(n_p, n_dofs);
    Vector<double>                     rhs(n_p), coef(n_p);
    std::vector<SymmetricTensor<2, 3>> cG(n_dofs), symG(n_dofs);
    std::vector<Tensor<2, 3>>          Gtau(n_dofs);
    const SymmetricTensor<2, 3>        I = unit_symmetric_tensor<3>();

    for (const auto &cell : dof_handler.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        fv.reinit(cell);
        fv_p.reinit(cell);
        fv[disp].get_function_gradients(ghosted, grad_u);
        fv[disp].get_function_values(ghosted, u);
        const Material &material =
          settings.tissue.material(cell->material_id());
        const auto states = point_states.get_data(cell);

        bool cell_inverted = false;
        for (unsigned int q = 0; q < n_q; ++q)
          {
            const Point<dim> &X = fv.quadrature_point(q);
            F[q]  = kinematics.deformation_gradient(grad_u[q], u[q], X);
            J[q]  = determinant(F[q]);
            dV[q] = fv.JxW(q) * kinematics.volume_factor(X);
            cell_inverted |= !(J[q] > 0.);
          }
        if (cell_inverted)
          {
            inverted = true;
            continue;
          }

        // Dilatation: L2 projection of J onto P_{k-1}.
        if (three_field)
          {
            M   = 0.;
            rhs = 0.;
            for (unsigned int q = 0; q < n_q; ++q)
              for (unsigned int a = 0; a < n_p; ++a)
                {
                  rhs(a) += fv_p.shape_value(a, q) * J[q] * dV[q];
                  for (unsigned int b = 0; b < n_p; ++b)
                    M(a, b) +=
                      fv_p.shape_value(a, q) * fv_p.shape_value(b, q) * dV[q];
                }
            Minv.invert(M);
            Minv.vmult(coef, rhs);
            for (unsigned int q = 0; q < n_q; ++q)
              {
                J_tilde[q] = 0.;
                for (unsigned int a = 0; a < n_p; ++a)
                  J_tilde[q] += coef(a) * fv_p.shape_value(a, q);
                cell_inverted |= !(J_tilde[q] > 0.);
              }
            if (cell_inverted)
              {
                inverted = true;
                continue;
              }
          }
        else
          J_tilde = J;

        // Material points.
        for (unsigned int q = 0; q < n_q; ++q)
          {
            MaterialInput in;
            in.F               = F[q];
            in.J_tilde         = J_tilde[q];
            in.time            = time;
            in.dt              = dt;
            in.position        = Kinematics<dim>::embed(fv.quadrature_point(q));
            in.history_old     = make_array_view(states[q]->history_old);
            out[q].history_new = make_array_view(states[q]->history_new);
            material.evaluate(in, out[q]);
            d2U[q] = out[q].d2U_dJ2;
          }

        // Pressure: L2 projection of U'(J~) (or U'(J) pointwise).
        if (three_field)
          {
            rhs = 0.;
            D   = 0.;
            for (unsigned int q = 0; q < n_q; ++q)
              for (unsigned int a = 0; a < n_p; ++a)
                {
                  rhs(a) += fv_p.shape_value(a, q) * out[q].dU_dJ * dV[q];
                  if (with_matrix)
                    for (unsigned int b = 0; b < n_p; ++b)
                      D(a, b) += fv_p.shape_value(a, q) * d2U[q] *
                                 fv_p.shape_value(b, q) * dV[q];
                }
            Minv.vmult(coef, rhs);
            for (unsigned int q = 0; q < n_q; ++q)
              {
                p[q] = 0.;
                for (unsigned int a = 0; a < n_p; ++a)
                  p[q] += coef(a) * fv_p.shape_value(a, q);
              }
          }
        else
          for (unsigned int q = 0; q < n_q; ++q)
            p[q] = out[q].dU_dJ;

        K            = 0.;
        R            = 0.;
        B            = 0.;
        C            = 0.;
        bool coupled = false;
        for (unsigned int q = 0; q < n_q; ++q)
          {
            const Point<dim>           &X    = fv.quadrature_point(q);
            const Tensor<2, 3>          Finv = invert(F[q]);
            const SymmetricTensor<2, 3> tau  = out[q].tau_iso + p[q] * J[q] * I;

            PointState &state      = *states[q];
            state.cauchy_stress    = tau / J[q];
            state.J                = J[q];
            state.pressure         = p[q];
            state.energy           = out[q].energy;
            state.dissipation_step = out[q].dissipation;

            for (unsigned int i = 0; i < n_dofs; ++i)
              {
                G[q][i] = kinematics.shape_gradient(component[i],
                                                    fv.shape_value(i, q),
                                                    fv.shape_grad(i, q),
                                                    X) *
                          Finv;
                R(i) += scalar_product(G[q][i], Tensor<2, 3>(tau)) * dV[q];
              }
            if (!with_matrix)
              continue;

            const SymmetricTensor<2, 3> &T     = out[q].dtau_iso_dJ;
            const bool                   has_T = !symmetric && T.norm() > 0.;
            coupled |= has_T;
            SymmetricTensor<4, 3> c =
              out[q].c_iso + volumetric_tangent(p[q] * J[q]);
            if (!three_field)
              c += J[q] * J[q] * d2U[q] * outer_product(I, I);
            for (unsigned int j = 0; j < n_dofs; ++j)
              {
                symG[j] = symmetrize(G[q][j]);
                cG[j]   = c * symG[j];
                Gtau[j] = G[q][j] * Tensor<2, 3>(tau);
                if (three_field)
                  for (unsigned int a = 0; a < n_p; ++a)
                    {
                      B(a, j) +=
                        fv_p.shape_value(a, q) * J[q] * trace(G[q][j]) * dV[q];
                      if (has_T)
                        C(a, j) +=
                          fv_p.shape_value(a, q) * (symG[j] * T) * dV[q];
                    }
              }
            for (unsigned int i = 0; i < n_dofs; ++i)
              for (unsigned int j = symmetric ? i : 0; j < n_dofs; ++j)
                K(i, j) +=
                  (symG[i] * cG[j] + scalar_product(G[q][i], Gtau[j])) * dV[q];
            if (has_T && !three_field)
              for (unsigned int i = 0; i < n_dofs; ++i)
                for (unsigned int j = 0; j < n_dofs; ++j)
                  K(i, j) += (symG[i] * T) * J[q] * trace(G[q][j]) * dV[q];
          }

        if (with_matrix)
          {
            if (three_field)
              {
                // K += B^T M^-1 D M^-1 B (upper triangle).
                Minv.mmult(MB, B);
                D.mmult(DMB, MB);
                Minv.mmult(MDMB, DMB);
                for (unsigned int i = 0; i < n_dofs; ++i)
                  for (unsigned int j = symmetric ? i : 0; j < n_dofs; ++j)
                    for (unsigned int a = 0; a < n_p; ++a)
                      K(i, j) += B(a, i) * MDMB(a, j);
                if (coupled) // K += C^T M^-1 B
                  for (unsigned int i = 0; i < n_dofs; ++i)
                    for (unsigned int j = 0; j < n_dofs; ++j)
                      for (unsigned int a = 0; a < n_p; ++a)
                        K(i, j) += C(a, i) * MB(a, j);
              }
            if (symmetric)
              for (unsigned int i = 0; i < n_dofs; ++i)
                for (unsigned int j = 0; j < i; ++j)
                  K(i, j) = K(j, i);
          }

        cell->get_dof_indices(dofs);
        if (with_matrix)
          constraints.distribute_local_to_global(K,
                                                 R,
                                                 dofs,
                                                 system_matrix,
                                                 residual);
        else
          constraints.distribute_local_to_global(R, dofs, residual);
      }

    add_contact_terms(with_matrix);
    if (with_matrix)
      system_matrix.compress(VectorOperation::add);
    residual.compress(VectorOperation::add);
    inverted           = Utilities::MPI::max(inverted ? 1 : 0, comm) == 1;
    last_assembly_time = timer.wall_time();
  }



  template class Simulation<2>;
  template class Simulation<3>;
} // namespace FasciaFE
