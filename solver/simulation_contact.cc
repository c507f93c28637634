#include <deal.II/fe/fe_values.h>

#include <deal.II/lac/full_matrix.h>

#include <solver/friction.h>
#include <solver/simulation.h>
#include <solver/top_surface_points.h>

namespace FasciaFE
{
  /**
   * Contact with the rigid tip on the top surface by the augmented
   * Lagrangian (Simo and Laursen 1992): with g = phi(x) the signed distance
   * of the current surface point to the tip, n = grad phi and H its
   * Hessian, the nominal pressure is lambda_N = max(0, lambda - eps g) and
   *   R_i  -= int lambda_N n . N_i dA0,
   *   K_ij += int [eps (n . N_i)(n . N_j) - lambda_N N_i . H N_j] dA0
   * (the second term only where lambda_N > 0). With friction (mu > 0) the
   * tangential traction t of coulomb_friction() (friction.h) adds
   *   R_i -= int t . N_i dA0,   K_ij -= int N_i . (dt/dx) N_j dA0,
   * the stick point of each surface point being a material point of the
   * tip (Tool::to_material()), so that a rolling tip and a sliding one
   * differ.
   */
  template <int dim>
  void
  Simulation<dim>::add_contact_terms(const bool with_matrix)
  {
    FEFaceValues<dim>                    fv(mapping,
                         fe,
                         face_quadrature,
                         update_values | update_gradients |
                           update_quadrature_points | update_JxW_values |
                           update_normal_vectors);
    const unsigned int                   n_dofs = fe.n_dofs_per_cell();
    const unsigned int                   n_q    = face_quadrature.size();
    const FEValuesExtractors::Vector     disp(0);
    FullMatrix<double>                   K(n_dofs, n_dofs);
    Vector<double>                       R(n_dofs);
    std::vector<types::global_dof_index> dofs(n_dofs);
    std::vector<Tensor<1, dim>>          u(n_q);
    std::vector<Tensor<2, dim>>          grad_u(n_q);
    std::vector<unsigned int>            c3(n_dofs);
    for (unsigned int i = 0; i < n_dofs; ++i)
      c3[i] = Kinematics<dim>::index3(fe.system_to_component_index(i).first);
    const Tool  &tool     = settings.tool;
    const double mu       = settings.contact.friction_coefficient;
    const double eps_T    = settings.contact.tangential_penalty_ratio * penalty;
    const bool   friction = mu > 0.;

    for (const auto &cell : dof_handler.active_cell_iterators())
      {
        if (!cell->is_locally_owned() || !cell->at_boundary())
          continue;
        for (const unsigned int f : cell->face_indices())
          {
            if (!cell->face(f)->at_boundary() ||
                cell->face(f)->boundary_id() != BoundaryId::top)
              continue;
            fv.reinit(cell, f);
            fv[disp].get_function_values(ghosted, u);
            fv[disp].get_function_gradients(ghosted, grad_u);
            const auto states = contact_states.get_data(cell);
            K                 = 0.;
            R                 = 0.;
            bool active       = false;
            for (unsigned int q = 0; q < n_q; ++q)
              {
                ContactPointState    &s = *states[f * n_q + q];
                const Point<dim>     &X = fv.quadrature_point(q);
                const Point<3>        x = Kinematics<dim>::embed(X + u[q]);
                SymmetricTensor<2, 3> H;
                s.gap      = settings.tool.signed_distance(x, &s.normal, &H);
                s.nominal  = std::max(0., s.multiplier - penalty * s.gap);
                s.position = x;
                s.area0    = fv.JxW(q) * kinematics.volume_factor(X);
                // Nanson: da = J |F^-T N| dA0.
                const Tensor<2, 3> F =
                  kinematics.deformation_gradient(grad_u[q], u[q], X);
                s.area = determinant(F) *
                         (transpose(invert(F)) *
                          Kinematics<dim>::embed(fv.normal_vector(q)))
                           .norm() *
                         s.area0;
                s.traction = Tensor<1, 3>();
                s.slip     = false;
                if (s.nominal <= 0.)
                  {
                    if (friction)
                      s.anchor_new = tool.to_material(x);
                    continue;
                  }
                active = true;
                // Traction on the tissue and its derivative d t / d x.
                Tensor<1, 3> t  = s.nominal * s.normal;
                Tensor<2, 3> dt = -penalty * outer_product(s.normal, s.normal) +
                                  s.nominal * Tensor<2, 3>(H);
                if (friction)
                  {
                    const FrictionResponse fr =
                      coulomb_friction(x,
                                       tool.from_material(s.anchor_old),
                                       s.normal,
                                       H,
                                       s.nominal,
                                       penalty,
                                       eps_T,
                                       mu);
                    s.traction   = fr.traction;
                    s.slip       = fr.slip;
                    s.anchor_new = tool.to_material(fr.anchor);
                    t += fr.traction;
                    dt += fr.tangent;
                  }
                for (unsigned int i = 0; i < n_dofs; ++i)
                  {
                    const double Ni = fv.shape_value(i, q);
                    R(i) -= t[c3[i]] * Ni * s.area0;
                    if (with_matrix)
                      for (unsigned int j = 0; j < n_dofs; ++j)
                        K(i, j) -= dt[c3[i]][c3[j]] * Ni *
                                   fv.shape_value(j, q) * s.area0;
                  }
              }
            if (!active)
              continue;
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
      }
  }



  template <int dim>
  void
  Simulation<dim>::initialize_stick_points()
  {
    if (settings.contact.friction_coefficient <= 0.)
      return;
    internal::for_each_top_point(
      *this,
      [&](ContactPointState &s, const Point<3> &, const Point<3> &x, double) {
        s.anchor_old = settings.tool.to_material(x);
        s.anchor_new = s.anchor_old;
      });
  }



  template <int dim>
  void
  Simulation<dim>::update_multipliers()
  {
    for (const auto &cell : triangulation.active_cell_iterators())
      if (cell->is_locally_owned() && cell->at_boundary())
        for (auto &s : contact_states.get_data(cell))
          s->multiplier = std::max(0., s->multiplier - penalty * s->gap);
  }



  template <int dim>
  ContactSummary
  Simulation<dim>::contact_summary() const
  {
    ContactSummary  summary;
    const Point<3> &apex         = settings.tool.apex();
    summary.apex                 = apex;
    const unsigned int n_q       = face_quadrature.size();
    const unsigned int n_1d      = settings.discretization.degree + 1;
    auto               radius_of = [&](const Point<3> &x) {
      const double dx = x[0] - apex[0];
      const double dy = dim == 3 ? x[1] - apex[1] : 0.;
      return std::sqrt(dx * dx + dy * dy);
    };
    for (const auto &cell : triangulation.active_cell_iterators())
      {
        if (!cell->is_locally_owned() || !cell->at_boundary())
          continue;
        const auto states = contact_states.get_data(cell);
        for (const unsigned int f : cell->face_indices())
          {
            if (!cell->face(f)->at_boundary() ||
                cell->face(f)->boundary_id() != BoundaryId::top)
              continue;
            for (unsigned int q = 0; q < n_q; ++q)
              {
                const ContactPointState &s = *states[f * n_q + q];
                summary.max_penetration =
                  std::max(summary.max_penetration, -s.gap);
                if (s.nominal <= 0.)
                  continue;
                summary.force -= (s.nominal * s.normal + s.traction) * s.area0;
                summary.friction -= s.traction * s.area0;
                summary.moment +=
                  cross_product_3d(s.position - apex,
                                   -(s.nominal * s.normal + s.traction) *
                                     s.area0);
                summary.n_points += 1;
                summary.n_slip += s.slip ? 1 : 0;
                summary.area += s.area;
                summary.max_pressure =
                  std::max(summary.max_pressure, s.nominal * s.area0 / s.area);
                summary.radius =
                  std::max(summary.radius, radius_of(s.position));
                // Edge of contact between two neighbouring points: linear
                // interpolation of the augmented pressure lambda - eps g.
                for (const unsigned int stride : {1u, n_1d})
                  for (const int sign : {-1, 1})
                    {
                      const int r =
                        static_cast<int>(q) + sign * static_cast<int>(stride);
                      if ((dim == 2 && stride != 1) || r < 0 ||
                          r >= static_cast<int>(n_q) ||
                          (stride == 1 && (r / n_1d != q / n_1d)))
                        continue;
                      const ContactPointState &t = *states[f * n_q + r];
                      const double sa = s.multiplier - penalty * s.gap;
                      const double sb = t.multiplier - penalty * t.gap;
                      if (sb >= 0.)
                        continue;
                      const double w = sa / (sa - sb);
                      summary.radius =
                        std::max(summary.radius,
                                 (1. - w) * radius_of(s.position) +
                                   w * radius_of(t.position));
                    }
              }
          }
      }
    const double m = settings.geometry.multiplicity();
    for (unsigned int d = 0; d < 3; ++d)
      {
        summary.force[d] = Utilities::MPI::sum(summary.force[d], comm) * m;
        summary.friction[d] =
          Utilities::MPI::sum(summary.friction[d], comm) * m;
        summary.moment[d] = Utilities::MPI::sum(summary.moment[d], comm) * m;
      }
    summary.n_points  = Utilities::MPI::sum(summary.n_points, comm);
    summary.n_slip    = Utilities::MPI::sum(summary.n_slip, comm);
    const auto &block = settings.geometry.block;
    // A force normal to a symmetry plane, and a moment about an axis in
    // it, cancel with the mirrored part.
    if (block.symmetric_x())
      summary.force[0] = summary.friction[0] = summary.moment[1] =
        summary.moment[2]                    = 0.;
    if (block.symmetric_y())
      summary.force[1] = summary.friction[1] = summary.moment[0] =
        summary.moment[2]                    = 0.;
    summary.area         = Utilities::MPI::sum(summary.area, comm) * m;
    summary.max_pressure = Utilities::MPI::max(summary.max_pressure, comm);
    summary.max_penetration =
      std::max(0., Utilities::MPI::max(summary.max_penetration, comm));
    summary.radius = Utilities::MPI::max(summary.radius, comm);
    return summary;
  }



  template <int dim>
  std::pair<double, double>
  Simulation<dim>::energies() const
  {
    FEValues<dim> fv(mapping,
                     fe,
                     quadrature,
                     update_quadrature_points | update_JxW_values);
    double        stored = 0., dissipated = 0.;
    for (const auto &cell : triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          fv.reinit(typename Triangulation<dim>::active_cell_iterator(cell));
          const auto states = point_states.get_data(cell);
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            {
              const double dV =
                fv.JxW(q) * kinematics.volume_factor(fv.quadrature_point(q));
              stored += states[q]->energy * dV;
              dissipated += states[q]->dissipated * dV;
            }
        }
    const double m = settings.geometry.multiplicity();
    return {Utilities::MPI::sum(stored, comm) * m,
            Utilities::MPI::sum(dissipated, comm) * m};
  }



  template class Simulation<2>;
  template class Simulation<3>;
} // namespace FasciaFE
