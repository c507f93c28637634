#pragma once

/**
 * A small Simulation built from parameter text, for unit tests of the
 * solver (tangent checks, patch tests).
 */

#include <deal.II/base/parameter_handler.h>

#include <solver/parameter_file.h>
#include <solver/simulation.h>
#include <solver/tissue_preset.h>

#include <memory>
#include <random>
#include <string>

namespace FasciaFE
{
  namespace Testing
  {
    /** A 1 cm block with a coarse graded mesh and a sphere above it. */
    inline std::string
    small_block(const std::string &model_type,
                const std::string &symmetry,
                const std::string &formulation,
                const double       nu = 0.45)
    {
      return "subsection Geometry\n"
             "  set Model type = " +
             model_type +
             "\n"
             "  set Symmetry = " +
             symmetry +
             "\n"
             "  set Half width x = 0.01\n"
             "  set Half width y = 0.01\n"
             "  set Contact zone radius = 0.004\n"
             "  set Zone element size = 0.002\n"
             "  set Grading ratio = 1.5\n"
             "end\n"
             "subsection Tissue\n"
             "  subsection Layer 1\n"
             "    set Thickness = 0.01\n"
             "    subsection neo-Hookean\n"
             "      set Young's modulus = 1e4\n"
             "      set Poisson's ratio = " +
             std::to_string(nu) +
             "\n"
             "    end\n"
             "  end\n"
             "end\n"
             "subsection Discretization\n"
             "  set Formulation = " +
             formulation +
             "\n"
             "end\n"
             "subsection Tip\n"
             "  set Shape = sphere\n"
             "  subsection sphere\n"
             "    set Radius = 0.005\n"
             "  end\n"
             "end\n";
    }

    template <int dim>
    struct SolverFixture
    {
      /** From parameter text; with @p preset, its layers (Tissue/Preset)
       * first, which the text may then override. */
      explicit SolverFixture(const std::string &text,
                             const std::string &preset = "")
      {
        const unsigned int n = TissuePreset::n_layers(preset);
        ParameterFile::declare(prm, n > 0 ? n : 1);
        if (n > 0)
          TissuePreset::apply(prm, preset);
        prm.parse_input_from_string(text);
        ParameterFile::parse(prm, settings);
        sim = std::make_unique<Simulation<dim>>(settings, MPI_COMM_WORLD);
        sim->setup();
        sim->time = 0.1;
        sim->dt   = 0.1;
      }

      /** Fill v with random values in [-a, a], zero on constrained dofs. */
      void
      randomize(PETScWrappers::MPI::Vector &v,
                const double                a,
                const unsigned int          seed)
      {
        std::mt19937                           rng(seed);
        std::uniform_real_distribution<double> u(-a, a);
        for (const auto i : sim->locally_owned)
          v(i) = u(rng);
        v.compress(VectorOperation::insert);
        sim->constraints.set_zero(v);
      }

      /** Set the displacement and evaluate the residual (and matrix). */
      void
      set_state(const PETScWrappers::MPI::Vector &u, const bool matrix)
      {
        sim->solution = u;
        sim->ghosted  = u;
        sim->assemble(matrix);
      }

      /**
       * Relative error of the tangent assembled at @p u (set_state(u,
       * true) done by the caller) against central differences of the
       * residual along @p v:
       *   |(R(u + h v) - R(u - h v)) / (2 h) - K v| / |K v|.
       * Leaves the state at u - h v.
       */
      double
      tangent_error(const PETScWrappers::MPI::Vector &u,
                    const PETScWrappers::MPI::Vector &v,
                    const double                      h)
      {
        PETScWrappers::MPI::Vector Kv(sim->locally_owned, sim->comm),
          fd(sim->locally_owned, sim->comm), w(u);
        sim->system_matrix.vmult(Kv, v);
        w.add(h, v);
        set_state(w, false);
        fd = sim->residual;
        w  = u;
        w.add(-h, v);
        set_state(w, false);
        fd.add(-1., sim->residual);
        fd /= 2. * h;
        fd.add(-1., Kv);
        const double error = fd.l2_norm() / Kv.l2_norm();
        if (Utilities::MPI::this_mpi_process(sim->comm) == 0)
          std::cout << "  n_dofs " << sim->n_dofs() << ", |K v| "
                    << Kv.l2_norm() << ", relative error " << error
                    << std::endl;
        return error;
      }

      /**
       * tangent_error() at a random state u (entries in [-@p a, a], seed
       * @p seed; direction seed @p seed + 16) with the apex at @p depth,
       * after that state was committed (friction: the stick points where
       * the points are) and the tip then moved by @p shift along x,
       * turning by @p angle. @p slip_fraction: the share of contact
       * points that slip (-1 without contact); @p force_z the tip force.
       */
      double
      moved_tip_tangent_error(const double depth,
                              const double a,
                              unsigned int seed,
                              const double shift,
                              const double angle,
                              const double h,
                              double      &slip_fraction,
                              double      &force_z)
      {
        PETScWrappers::MPI::Vector u(sim->locally_owned, sim->comm),
          v(sim->locally_owned, sim->comm);
        seed += Utilities::MPI::this_mpi_process(sim->comm);
        randomize(u, a, seed);
        randomize(v, 1., seed + 16);
        settings.tool.set_depth(depth);
        set_state(u, false);
        sim->commit_step();
        settings.tool.set_lateral(shift, angle);
        set_state(u, true);
        const ContactSummary c = sim->contact_summary();
        slip_fraction = c.n_points > 0 ? double(c.n_slip) / c.n_points : -1.;
        force_z       = c.force[2];
        return tangent_error(u, v, h);
      }

      ParameterHandler                 prm;
      RunSettings                      settings;
      std::unique_ptr<Simulation<dim>> sim;
    };
  } // namespace Testing
} // namespace FasciaFE
