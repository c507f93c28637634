#include <deal.II/base/mpi.h>

#include <solver/contact_transfer.h>
#include <solver/top_surface_points.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace FasciaFE
{
  namespace internal
  {
    template <int dim>
    void
    ContactStateTransfer<dim>::prepare(const Simulation<dim> &sim)
    {
      const bool friction = sim.settings.contact.friction_coefficient > 0.;
      std::vector<double> local;
      for_each_top_point(
        sim,
        [&](const ContactPointState &s,
            const Point<3>          &X,
            const Point<3>          &x,
            double) {
          const Tensor<1, 3> d =
            friction ? sim.settings.tool.to_material(x) - s.anchor_old :
                       Tensor<1, 3>();
          local.insert(local.end(),
                       {X[0], X[1], X[2], s.multiplier_old, d[0], d[1], d[2]});
        });
      records.clear();
      for (const auto &values : Utilities::MPI::all_gather(sim.comm, local))
        for (unsigned int i = 0; i + 7 <= values.size(); i += 7)
          records.push_back(
            {Point<3>(values[i], values[i + 1], values[i + 2]),
             values[i + 3],
             Tensor<1, 3>({values[i + 4], values[i + 5], values[i + 6]})});
      // Ties in x broken by the other coordinates, so that every rank (and
      // every partition) finds the same nearest point.
      std::sort(records.begin(),
                records.end(),
                [](const Record &a, const Record &b) {
                  return std::lexicographical_compare(a.reference.begin_raw(),
                                                      a.reference.end_raw(),
                                                      b.reference.begin_raw(),
                                                      b.reference.end_raw());
                });
    }



    template <int dim>
    void
    ContactStateTransfer<dim>::unpack(Simulation<dim> &sim) const
    {
      if (records.empty())
        return;
      const bool friction = sim.settings.contact.friction_coefficient > 0.;
      const auto nearest  = [&](const Point<3> &X) -> const Record  &{
        // Scan outwards from the first record at or after X in x, until
        // the x distance alone exceeds the best distance found.
        auto          it     = std::lower_bound(records.begin(),
                                   records.end(),
                                   X[0],
                                   [](const Record &r, const double x) {
                                     return r.reference[0] < x;
                                   });
        const Record *best   = nullptr;
        double        best_d = std::numeric_limits<double>::infinity();
        const auto    visit  = [&](const Record &r) {
          const double d = r.reference.distance_square(X);
          if (d < best_d)
            best_d = d, best = &r;
        };
        for (auto up = it; up != records.end(); ++up)
          {
            const double dx = up->reference[0] - X[0];
            if (dx * dx > best_d)
              break;
            visit(*up);
          }
        for (auto down = it; down != records.begin();)
          {
            --down;
            const double dx = X[0] - down->reference[0];
            if (dx * dx > best_d)
              break;
            visit(*down);
          }
        return *best;
      };
      for_each_top_point(sim,
                         [&](ContactPointState &s,
                             const Point<3>    &X,
                             const Point<3>    &x,
                             double) {
                           const Record &r  = nearest(X);
                           s.multiplier_old = r.multiplier;
                           s.multiplier     = r.multiplier;
                           if (friction)
                             {
                               s.anchor_old =
                                 sim.settings.tool.to_material(x) - r.slip;
                               s.anchor_new = s.anchor_old;
                             }
                         });
    }



    template class ContactStateTransfer<2>;
    template class ContactStateTransfer<3>;
  } // namespace internal
} // namespace FasciaFE
