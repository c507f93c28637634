#include <deal.II/base/qprojector.h>
#include <deal.II/base/utilities.h>

#include <deal.II/fe/fe_tools.h>

#include <solver/point_state_transfer.h>

#include <cmath>

namespace FasciaFE
{
  namespace internal
  {
    template <int dim>
    PointStateTransfer<dim>::PointStateTransfer(
      const Quadrature<dim> &quadrature,
      Storage               &storage)
      : fe(std::lround(std::pow(quadrature.size(), 1. / dim)) - 1)
      , storage(storage)
    {
      AssertThrow(Utilities::fixed_power<dim>(fe.degree + 1u) ==
                    quadrature.size(),
                  ExcMessage("history transfer needs a tensor Gauss rule"));
      const unsigned int n = fe.n_dofs_per_cell();
      to_fe.reinit(n, quadrature.size());
      FETools::compute_projection_from_quadrature_points_matrix(fe,
                                                                quadrature,
                                                                quadrature,
                                                                to_fe);
      to_points.reinit(quadrature.size(), n);
      FETools::compute_interpolation_to_quadrature_points_matrix(fe,
                                                                 quadrature,
                                                                 to_points);
      const Quadrature<dim> children = QProjector<dim>::project_to_all_children(
        ReferenceCells::get_hypercube<dim>(),
        quadrature);
      children_to_fe.reinit(n, children.size());
      FETools::compute_projection_from_quadrature_points_matrix(fe,
                                                                quadrature,
                                                                children,
                                                                children_to_fe);
    }



    template <int dim>
    void
    PointStateTransfer<dim>::prepare(Tria &tria)
    {
      handle = tria.register_data_attach(
        [this](const typename Tria::cell_iterator &cell,
               const typename Tria::CellStatus     status) {
          return pack(cell, status);
        },
        /*returns_variable_size_data=*/true);
    }



    template <int dim>
    void
    PointStateTransfer<dim>::unpack(Tria &tria)
    {
      tria.notify_ready_to_unpack(
        handle,
        [this](const typename Tria::cell_iterator &cell,
               const typename Tria::CellStatus     status,
               const boost::iterator_range<std::vector<char>::const_iterator>
                 &data) { unpack_cell(cell, status, data); });
    }



    template <int dim>
    std::vector<char>
    PointStateTransfer<dim>::pack(const typename Tria::cell_iterator &cell,
                                  const typename Tria::CellStatus status) const
    {
      FullMatrix<double> out;
      if (status == Tria::CELL_PERSIST)
        out = point_values(storage, cell);
      else if (status == Tria::CELL_REFINE)
        {
          const FullMatrix<double> values = point_values(storage, cell);
          out.reinit(fe.n_dofs_per_cell(), values.n());
          to_fe.mmult(out, values);
        }
      else // CELL_COARSEN: cell is the parent of active children
        {
          const unsigned int n_q = to_points.m();
          FullMatrix<double> stacked;
          for (unsigned int c = 0; c < cell->n_children(); ++c)
            {
              const FullMatrix<double> v =
                point_values(storage, cell->child(c));
              if (c == 0)
                stacked.reinit(cell->n_children() * n_q, v.n());
              AssertThrow(v.n() == stacked.n(),
                          ExcMessage("cannot coarsen cells whose points "
                                     "carry different histories"));
              stacked.fill(v, c * n_q, 0);
            }
          out.reinit(fe.n_dofs_per_cell(), stacked.n());
          children_to_fe.mmult(out, stacked);
        }
      return Utilities::pack(out, /*allow_compression=*/false);
    }



    template <int dim>
    void
    PointStateTransfer<dim>::unpack_cell(
      const typename Tria::cell_iterator                             &cell,
      const typename Tria::CellStatus                                 status,
      const boost::iterator_range<std::vector<char>::const_iterator> &data)
    {
      const FullMatrix<double> in =
        Utilities::unpack<FullMatrix<double>>(data.begin(),
                                              data.end(),
                                              /*allow_compression=*/false);
      FullMatrix<double> values(to_points.m(), in.n());
      if (status == Tria::CELL_PERSIST)
        set_point_values(storage, cell, in);
      else if (status == Tria::CELL_COARSEN)
        {
          to_points.mmult(values, in);
          set_point_values(storage, cell, values);
        }
      else // CELL_REFINE: cell is now the parent
        {
          FullMatrix<double> child_dofs(in.m(), in.n());
          for (unsigned int c = 0; c < cell->n_children(); ++c)
            if (cell->child(c)->is_locally_owned())
              {
                fe.get_prolongation_matrix(c, cell->refinement_case())
                  .mmult(child_dofs, in);
                to_points.mmult(values, child_dofs);
                set_point_values(storage, cell->child(c), values);
              }
        }
    }



    template class PointStateTransfer<2>;
    template class PointStateTransfer<3>;
  } // namespace internal
} // namespace FasciaFE
