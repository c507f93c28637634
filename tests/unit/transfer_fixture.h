#pragma once

/**
 * Shared by test_mesh_transfer and test_checkpoint: a test material with
 * a bounded and an unbounded history variable, the small block of
 * solver_fixture.h made of it, and the comparison of everything the cells
 * of two simulations carry, independently of dof numbering and partition.
 * Include it from one source file per executable (it registers the
 * material).
 */
#include <deal.II/base/mpi.h>

#include <boost/serialization/map.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>

#include "solver_fixture.h"
#include <models/materials/neo_hookean.h>
#include <solver/mesh_transfer.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace FasciaFE
{
  /**
   * A neo-Hookean solid softened by a structure parameter lambda in [0, 1]
   * (shear modulus mu (1 + lambda_old) / 2) that breaks down with the
   * isochoric strain, lambda_new = lambda_old exp(-r dt (tr b_bar - 3)),
   * plus an unbounded accumulated strain measure. bound_history() clamps
   * lambda into [0, 1].
   */
  class TransferTestMaterial : public Material
  {
  public:
    explicit TransferTestMaterial(ParameterHandler &prm)
      : mu(prm.get_double("Shear modulus"))
      , kappa(prm.get_double("Bulk modulus"))
      , rate(prm.get_double("Rate"))
    {}

    static void
    declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("Shear modulus", "3e3", Patterns::Double(0.), "[Pa]");
      prm.declare_entry("Bulk modulus", "3e4", Patterns::Double(0.), "[Pa]");
      prm.declare_entry("Rate", "1e2", Patterns::Double(0.), "[1/s]");
    }

    unsigned int
    n_history_variables() const override
    {
      return 2;
    }

    void
    initialize_history(ArrayView<double> history) const override
    {
      history[0] = 1.;
      history[1] = 0.;
    }

    void
    evaluate(const MaterialInput &in, MaterialOutput &out) const override
    {
      const double lambda = in.history_old[0];
      const double mu_eff = 0.5 * mu * (1. + lambda);
      const double psi    = neo_hookean_isochoric(in.F, mu_eff, out);
      out.energy = psi + volumetric_log_quadratic(in.J_tilde, kappa, out);
      const double strain = 2. * psi / mu_eff; // tr b_bar - 3 >= 0
      out.history_new[0]  = lambda * std::exp(-rate * in.dt * strain);
      out.history_new[1]  = in.history_old[1] + strain;
      out.dissipation     = 0.5 * mu * (lambda - out.history_new[0]);
    }

    void
    bound_history(const ArrayView<double> &history) const override
    {
      history[0] = std::clamp(history[0], 0., 1.);
    }

    double
    shear_modulus() const override
    {
      return mu;
    }

    double
    bulk_modulus() const override
    {
      return kappa;
    }

  private:
    double mu, kappa, rate;
  };

  FASCIAFE_REGISTER_MATERIAL(TransferTestMaterial,
                             "mesh-transfer-test",
                             "Test material of test_mesh_transfer and "
                             "test_checkpoint.")

  namespace Testing
  {
    /** The small block of solver_fixture.h with the test material. */
    inline std::string
    block_text(const std::string &model_type, const std::string &symmetry)
    {
      return small_block(model_type, symmetry, "three-field") +
             "subsection Tissue\n"
             "  subsection Layer 1\n"
             "    set Material model = mesh-transfer-test\n"
             "  end\n"
             "end\n"
             "subsection Linear solver\n"
             "  set Method = direct\n"
             "end\n";
    }

    /**
     * Everything a cell carries, over all ranks, by "CellId/quantity": the
     * local dof values of the three solution vectors (u), each value of the
     * points' pack_values() (h0, h1, ...), the committed contact
     * multipliers (c) and friction stick points (a); independent of dof
     * numbering and partition.
     */
    using Records = std::map<std::string, std::vector<double>>;

    template <int dim>
    Records
    gather_records(const Simulation<dim> &sim)
    {
      Records                                 local;
      std::vector<PETScWrappers::MPI::Vector> vectors;
      for (const auto *v :
           {&sim.solution, &sim.solution_old, &sim.solution_older})
        {
          vectors.emplace_back(sim.locally_owned,
                               sim.locally_relevant,
                               sim.comm);
          vectors.back() = *v;
        }
      Vector<double>      dofs(sim.fe.n_dofs_per_cell());
      std::vector<double> values;
      for (const auto &cell : sim.dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          {
            const std::string id = cell->id().to_string() + '/';
            for (const auto &v : vectors)
              {
                cell->get_dof_values(v, dofs);
                local[id + 'u'].insert(local[id + 'u'].end(),
                                       dofs.begin(),
                                       dofs.end());
              }
            for (const auto &s : sim.point_states.get_data(cell))
              {
                s->pack_values(values);
                for (unsigned int i = 0; i < values.size(); ++i)
                  local[id + 'h' + std::to_string(i)].push_back(values[i]);
              }
            if (cell->at_boundary())
              for (const auto &s : sim.contact_states.get_data(cell))
                {
                  local[id + 'c'].push_back(s->multiplier_old);
                  local[id + 'a'].insert(local[id + 'a'].end(),
                                         s->anchor_old.begin_raw(),
                                         s->anchor_old.end_raw());
                }
          }
      Records all;
      for (const Records &r : Utilities::MPI::all_gather(sim.comm, local))
        all.insert(r.begin(), r.end());
      return all;
    }

    /**
     * Largest |a - b| relative to the largest |a| of the same quantity (dofs,
     * each history value, multipliers), over the quantities; infinite if the
     * cells differ.
     */
    inline double
    max_difference(const Records &a, const Records &b)
    {
      if (a.size() != b.size())
        return HUGE_VAL;
      std::map<std::string, std::pair<double, double>> quantity;
      for (const auto &[key, values] : a)
        {
          const auto it = b.find(key);
          if (it == b.end() || it->second.size() != values.size())
            return HUGE_VAL;
          auto &[diff, size] = quantity[key.substr(key.find('/'))];
          for (unsigned int i = 0; i < values.size(); ++i)
            {
              diff = std::max(diff, std::abs(values[i] - it->second[i]));
              size = std::max(size, std::abs(values[i]));
            }
        }
      double d = 0.;
      for (const auto &[name, q] : quantity)
        d = std::max(d, q.first / std::max(q.second, 1e-300));
      return d;
    }
  } // namespace Testing
} // namespace FasciaFE
