#include <deal.II/fe/fe_values.h>

#include <solver/simulation.h>

#include <limits>
#include <utility>

namespace FasciaFE
{
  /**
   * Over the committed history of every volume quadrature point, with the
   * reference volume weights dV (2 pi R included when axisymmetric):
   *   min lambda, mean lambda = sum lambda dV / sum dV
   * per layer and in the target region, and the released volumes
   *   V_rel = sum_{lambda < lambda_rel} dV
   * of the whole tissue and of the target region, scaled to the full model.
   */
  template <int dim>
  StructureSummary
  Simulation<dim>::structure_summary() const
  {
    const unsigned int  n_layers = settings.tissue.n_layers();
    const auto         &target   = settings.target;
    const double        max      = std::numeric_limits<double>::max();
    std::vector<double> layer_min(n_layers, max), layer_sum(n_layers, 0.),
      layer_volume(n_layers, 0.);
    double target_min = max, target_sum = 0., target_volume = 0.;
    double released = 0., released_target = 0.;

    FEValues<dim> fv(mapping,
                     fe,
                     quadrature,
                     update_quadrature_points | update_JxW_values);
    for (const auto &cell : triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          fv.reinit(typename Triangulation<dim>::active_cell_iterator(cell));
          const auto      states   = point_states.get_data(cell);
          const auto      k        = cell->material_id();
          const Material &material = settings.tissue.material(k);
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            {
              const Point<dim> &X  = fv.quadrature_point(q);
              const double      dV = fv.JxW(q) * kinematics.volume_factor(X);
              const double      lambda =
                material.structure(make_array_view(states[q]->history_old));
              layer_min[k] = std::min(layer_min[k], lambda);
              layer_sum[k] += lambda * dV;
              layer_volume[k] += dV;
              const bool is_released = lambda < target.release_threshold;
              if (is_released)
                released += dV;
              if (target.contains(Kinematics<dim>::embed(X)))
                {
                  target_min = std::min(target_min, lambda);
                  target_sum += lambda * dV;
                  target_volume += dV;
                  if (is_released)
                    released_target += dV;
                }
            }
        }

    StructureSummary s;
    const double     m = settings.geometry.multiplicity();
    s.layer_min.resize(n_layers);
    Utilities::MPI::min(make_array_view(std::as_const(layer_min)),
                        comm,
                        make_array_view(s.layer_min));
    for (auto *v : {&layer_sum, &layer_volume})
      {
        const std::vector<double> local = *v;
        Utilities::MPI::sum(make_array_view(local), comm, make_array_view(*v));
      }
    s.layer_mean.resize(n_layers);
    for (unsigned int k = 0; k < n_layers; ++k)
      s.layer_mean[k] =
        layer_volume[k] > 0. ? layer_sum[k] / layer_volume[k] : 1.;
    target_min        = Utilities::MPI::min(target_min, comm);
    target_sum        = Utilities::MPI::sum(target_sum, comm);
    target_volume     = Utilities::MPI::sum(target_volume, comm);
    s.target_min      = target_volume > 0. ? target_min : 1.;
    s.target_mean     = target_volume > 0. ? target_sum / target_volume : 1.;
    s.target_volume   = target_volume * m;
    s.released_volume = Utilities::MPI::sum(released, comm) * m;
    s.released_volume_target = Utilities::MPI::sum(released_target, comm) * m;
    return s;
  }



  template class Simulation<2>;
  template class Simulation<3>;
} // namespace FasciaFE
