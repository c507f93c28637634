#include <deal.II/base/mpi.h>

#include <solver/cycle_jump.h>
#include <solver/simulation.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace FasciaFE
{
  template <int dim>
  CycleJump<dim>::CycleJump(const CycleJumpParameters &parameters,
                            const Protocol            &protocol)
    : parameters(parameters)
    , protocol(protocol)
  {}



  template <int dim>
  std::vector<double>
  CycleJump<dim>::snapshot(const Simulation<dim> &sim) const
  {
    std::vector<double> values;
    for (const auto &cell : sim.triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        for (const auto &s : sim.point_states.get_data(cell))
          {
            values.insert(values.end(),
                          s->history_old.begin(),
                          s->history_old.end());
            values.push_back(s->dissipated);
          }
    return values;
  }



  template <int dim>
  double
  CycleJump<dim>::allowed_cycles(const Simulation<dim>     &sim,
                                 const std::vector<double> &older,
                                 const std::vector<double> &newer)
  {
    // Per point: change of lambda and of |Q| over the cycle, and |Q|.
    double       d_lambda = 0., d_q = 0., q_max = 0.;
    unsigned int offset = 0;
    for (const auto &cell : sim.triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          const Material &model =
            sim.settings.tissue.material(cell->material_id());
          for (const auto &s : sim.point_states.get_data(cell))
            {
              const unsigned int            n = s->history_old.size();
              const ArrayView<const double> a(older.data() + offset, n);
              const ArrayView<const double> b(newer.data() + offset, n);
              d_lambda =
                std::max(d_lambda,
                         std::abs(model.structure(b) - model.structure(a)));
              const double qa = model.internal_stress_norm(a);
              const double qb = model.internal_stress_norm(b);
              d_q             = std::max(d_q, std::abs(qb - qa));
              q_max           = std::max(q_max, qb);
              offset += n + 1;
            }
        }
    AssertThrow(offset == newer.size(),
                ExcMessage("cycle jump: history records of another mesh"));
    const double local[3] = {d_lambda, d_q, q_max};
    double       global[3];
    Utilities::MPI::max(ArrayView<const double>(local, 3),
                        sim.comm,
                        ArrayView<double>(global, 3));

    const double inf = std::numeric_limits<double>::infinity();
    const double n_lambda =
      global[0] > 0. ? parameters.structure_tolerance / global[0] : inf;
    const double n_q = global[1] > 0. ? parameters.internal_stress_tolerance *
                                          global[2] / global[1] :
                                        inf;
    std::ostringstream why;
    why << "max |d lambda| = " << global[0] << " and max |d|Q|| = " << global[1]
        << " Pa (max |Q| = " << global[2] << " Pa) per cycle";
    last_reason = why.str();
    return std::min(n_lambda, n_q);
  }



  template <int dim>
  void
  CycleJump<dim>::apply(Simulation<dim>           &sim,
                        const std::vector<double> &older,
                        const std::vector<double> &newer,
                        const unsigned int         n) const
  {
    unsigned int offset = 0;
    for (const auto &cell : sim.triangulation.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          const Material &model =
            sim.settings.tissue.material(cell->material_id());
          for (auto &s : sim.point_states.get_data(cell))
            {
              const unsigned int m = s->history_old.size();
              for (unsigned int i = 0; i < m; ++i)
                s->history_old[i] = newer[offset + i] +
                                    n * (newer[offset + i] - older[offset + i]);
              model.bound_history(make_array_view(s->history_old));
              s->history_new = s->history_old;
              s->dissipated =
                newer[offset + m] + n * (newer[offset + m] - older[offset + m]);
              offset += m + 1;
            }
        }
  }



  template <int dim>
  unsigned int
  CycleJump<dim>::after_step(Simulation<dim>   &sim,
                             const unsigned int k,
                             const double       t)
  {
    const Protocol::Phase &phase = protocol.phases[k];
    if (!parameters.enabled || phase.frequency <= 0.)
      return 0;
    const double cycles = (t - phase.t_start) * phase.frequency;
    const long   m      = std::lround(cycles);
    if (std::abs(cycles - m) > 1e-6 || m == 0)
      return 0; // not at a cycle boundary
    const long left =
      std::lround(std::floor((phase.t_end - t) * phase.frequency + 1e-6));

    const unsigned int  cells  = sim.triangulation.n_global_active_cells();
    std::vector<double> record = snapshot(sim);
    const bool          consecutive =
      last_phase == k && last_cycle == m - 1 && last_cells == cells;
    if (!consecutive)
      settled = 0;
    ++settled;
    unsigned int n = 0;
    last_reason    = "";
    if (consecutive && !last.empty() && settled >= parameters.settle_cycles &&
        left > 1)
      {
        const double allowed = allowed_cycles(sim, last, record);
        const double cap =
          std::min<double>(parameters.max_cycles, double(left - 1));
        n = static_cast<unsigned int>(std::floor(std::min(allowed, cap)));
        if (n >= 1)
          apply(sim, last, record, n);
      }
    last_phase = k;
    last_cells = cells;
    if (n >= 1)
      {
        // The record one cycle after the jump (the settling cycle) starts
        // the next pair.
        last_cycle = -1;
        last.clear();
      }
    else
      {
        last_cycle = m;
        last.swap(record);
      }
    return n;
  }



  template class CycleJump<2>;
  template class CycleJump<3>;
} // namespace FasciaFE
