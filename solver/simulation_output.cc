#include <deal.II/numerics/data_out.h>

#include <solver/simulation.h>

namespace FasciaFE
{
  /**
   * Fields written for every output step: the displacement u [m] (nodal)
   * and cell averages over the quadrature points of the Cauchy stress
   * sigma [Pa] (components in the 3D embedding: in 2D, yy is the
   * out-of-plane or hoop stress), the von Mises stress
   * sqrt(3/2 dev(sigma):dev(sigma)) [Pa], the hydrostatic pressure
   * -tr(sigma)/3 [Pa], J = det F [-], the stored and dissipated energy
   * densities [J/m^3], the largest contact pressure on the cell's top face
   * [Pa], the material id and the MPI rank that owns the cell; and the
   * cell averages of the models' internal state: the structure parameter
   * lambda [-] (1 where the model has none), the active tone stress T [Pa]
   * and the sum of the norms of the Prony internal stresses |Q_a| [Pa].
   */
  template <int dim>
  std::vector<std::pair<std::string, std::string>>
  Simulation<dim>::field_units()
  {
    std::vector<std::pair<std::string, std::string>> units = {
      {"displacement", "m"},
      {"von_mises", "Pa"},
      {"hydrostatic_pressure", "Pa"},
      {"J", "1"},
      {"energy_density", "J/m^3"},
      {"dissipated_energy_density", "J/m^3"},
      {"contact_pressure", "Pa"},
      {"material_id", "1"},
      {"lambda", "1"},
      {"tone_stress", "Pa"},
      {"prony_stress_norm", "Pa"},
      {"partition", "1"}};
    for (const char *c : {"xx", "yy", "zz", "xy", "xz", "yz"})
      units.emplace_back(std::string("stress_") + c, "Pa");
    return units;
  }



  template <int dim>
  void
  Simulation<dim>::build_output(DataOut<dim> &data_out) const
  {
    const unsigned int n_cells   = triangulation.n_active_cells();
    const char        *names3[6] = {"xx", "yy", "zz", "xy", "xz", "yz"};
    const unsigned int idx[6][2] =
      {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
    std::vector<Vector<double>> sigma(6, Vector<double>(n_cells));
    Vector<double> von_mises(n_cells), hydrostatic(n_cells), J(n_cells),
      energy(n_cells), dissipated(n_cells), contact(n_cells), material(n_cells),
      partition(n_cells), lambda(n_cells), tone(n_cells), prony(n_cells);
    const unsigned int n_face_q = face_quadrature.size();

    for (const auto &cell : triangulation.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        const unsigned int k      = cell->active_cell_index();
        const auto         states = point_states.get_data(cell);
        const Material &model = settings.tissue.material(cell->material_id());
        SymmetricTensor<2, 3> s;
        for (const auto &st : states)
          {
            const double w = 1. / states.size();
            const auto   h = make_array_view(st->history_old);
            s += w * st->cauchy_stress;
            J(k) += w * st->J;
            energy(k) += w * st->energy;
            dissipated(k) += w * st->dissipated;
            lambda(k) += w * model.structure(h);
            tone(k) += w * model.active_stress(h);
            prony(k) += w * model.internal_stress_norm(h);
          }
        for (unsigned int c = 0; c < 6; ++c)
          sigma[c](k) = s[idx[c][0]][idx[c][1]];
        const SymmetricTensor<2, 3> dev = deviator(s);
        von_mises(k)                    = std::sqrt(1.5 * (dev * dev));
        hydrostatic(k)                  = -trace(s) / 3.;
        material(k)                     = cell->material_id();
        partition(k) = triangulation.locally_owned_subdomain();
        if (cell->at_boundary())
          {
            const auto cs = contact_states.get_data(cell);
            for (const unsigned int f : cell->face_indices())
              if (cell->face(f)->at_boundary() &&
                  cell->face(f)->boundary_id() == BoundaryId::top)
                for (unsigned int q = 0; q < n_face_q; ++q)
                  {
                    const ContactPointState &c = *cs[f * n_face_q + q];
                    if (c.nominal > 0.)
                      contact(k) =
                        std::max(contact(k), c.nominal * c.area0 / c.area);
                  }
          }
      }

    data_out.attach_dof_handler(dof_handler);
    std::vector<DataComponentInterpretation::DataComponentInterpretation>
      vector_interpretation(
        dim,
        DataComponentInterpretation::component_is_part_of_vector);
    data_out.add_data_vector(ghosted,
                             std::vector<std::string>(dim, "displacement"),
                             DataOut<dim>::type_dof_data,
                             vector_interpretation);
    for (unsigned int c = 0; c < 6; ++c)
      if (dim == 3 || (c != 3 && c != 5))
        data_out.add_data_vector(sigma[c],
                                 std::string("stress_") + names3[c],
                                 DataOut<dim>::type_cell_data);
    data_out.add_data_vector(von_mises,
                             "von_mises",
                             DataOut<dim>::type_cell_data);
    data_out.add_data_vector(hydrostatic,
                             "hydrostatic_pressure",
                             DataOut<dim>::type_cell_data);
    data_out.add_data_vector(J, "J", DataOut<dim>::type_cell_data);
    data_out.add_data_vector(energy,
                             "energy_density",
                             DataOut<dim>::type_cell_data);
    data_out.add_data_vector(dissipated,
                             "dissipated_energy_density",
                             DataOut<dim>::type_cell_data);
    data_out.add_data_vector(contact,
                             "contact_pressure",
                             DataOut<dim>::type_cell_data);
    data_out.add_data_vector(material,
                             "material_id",
                             DataOut<dim>::type_cell_data);
    data_out.add_data_vector(lambda, "lambda", DataOut<dim>::type_cell_data);
    data_out.add_data_vector(tone, "tone_stress", DataOut<dim>::type_cell_data);
    data_out.add_data_vector(prony,
                             "prony_stress_norm",
                             DataOut<dim>::type_cell_data);
    data_out.add_data_vector(partition,
                             "partition",
                             DataOut<dim>::type_cell_data);
    const unsigned int n_sub = settings.output.subdivisions > 0 ?
                                 settings.output.subdivisions :
                                 settings.discretization.degree;
    data_out.build_patches(mapping, n_sub);
  }



  template class Simulation<2>;
  template class Simulation<3>;
} // namespace FasciaFE
