#include <deal.II/base/exceptions.h>
#include <deal.II/base/point.h>

#include <deal.II/grid/grid_generator.h>
#include <deal.II/grid/grid_tools.h>

#include <meshes/layered_block.h>
#include <solver/exceptions.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace FasciaFE
{
  namespace
  {
    /** A number as it appears in messages, e.g. "0.002" or "1e-05". */
    std::string
    to_text(const double value)
    {
      std::ostringstream stream;
      stream << value;
      return stream.str();
    }

    /** Throw an InputError if @p n_cells > BlockSpec::max_coarse_cells. */
    void
    check_cell_count(const double length, const double h, const double n_cells)
    {
      check_input(n_cells <= BlockSpec::max_coarse_cells,
                  "Geometry: dividing " + to_text(length) +
                    " m into cells of " + to_text(h) +
                    " m would need more than " +
                    std::to_string(BlockSpec::max_coarse_cells) +
                    " cells; increase the zone element size or the grading");
    }

    /** round(length / h) equal cells, or ceil(length / h) if @p at_most. */
    std::vector<double>
    uniform_steps(const double length, const double h, const bool at_most)
    {
      const double n = std::max(1.,
                                at_most ? std::ceil(length / h - 1e-9) :
                                          std::round(length / h));
      check_cell_count(length, h, n);
      return std::vector<double>(static_cast<unsigned int>(n), length / n);
    }

    /**
     * Append cells covering @p length after a cell of size @p h_prev: the
     * fewest cells that reach @p length growing by @p grading, with their
     * common ratio q <= grading solved so that they fit; equal cells no
     * larger than @p h_prev if @p length is too short to grow at all.
     */
    void
    append_graded(std::vector<double> &steps,
                  const double         length,
                  const double         h_prev,
                  const double         grading)
    {
      Assert(length > 0 && h_prev > 0 && grading >= 1, ExcInternalError());
      unsigned int m     = 0;
      double       reach = 0., h = h_prev;
      while (reach < length)
        {
          h *= grading;
          reach += h;
          ++m;
          check_cell_count(length, h_prev, m);
        }

      if (m * h_prev >= length)
        {
          const double n = std::max(1., std::ceil(length / h_prev - 1e-12));
          steps.insert(steps.end(), static_cast<unsigned int>(n), length / n);
          return;
        }

      // m * h_prev < length <= h_prev * sum_{k=1}^m grading^k: bisection
      // for h_prev * sum_{k=1}^m q^k = length with q in [1, grading].
      std::vector<double> graded(m);
      const auto          fill = [&](const double q) { // sizes, their sum
        double sum = 0., size = h_prev;
        for (double &step : graded)
          sum += (step = (size *= q));
        return sum;
      };
      double q_low = 1., q_high = grading;
      for (unsigned int i = 0; i < 200 && q_high - q_low > 1e-15; ++i)
        if (const double q = 0.5 * (q_low + q_high); fill(q) < length)
          q_low = q;
        else
          q_high = q;
      fill(0.5 * (q_low + q_high));
      steps.insert(steps.end(), graded.begin(), graded.end());
    }

    /** Make the last of @p steps take up the rest so they sum to @p length. */
    void
    fit_last_step(std::vector<double> &steps, const double length)
    {
      Assert(!steps.empty(), ExcInternalError());
      steps.back() =
        length - std::accumulate(steps.begin(), steps.end() - 1, 0.);
      Assert(steps.back() > 0, ExcInternalError());
    }

    /** Vertical steps, one vector per layer (top down), see depth_steps(). */
    std::vector<std::vector<double>>
    steps_per_layer(const BlockSpec &spec)
    {
      const double h0 = spec.zone_element_size, grading = spec.grading;
      std::vector<std::vector<double>> result;
      double                           top = 0., h_running = h0;
      for (const LayerSpec &layer : spec.layers)
        {
          const double        t    = layer.thickness;
          const double        fine = std::min(t, spec.zone_radius - top);
          std::vector<double> steps;
          if (grading == 1.)
            steps = uniform_steps(t, h0, false);
          else if (fine > 0.)
            {
              const double n_fine = std::max(1., std::ceil(fine / h0 - 1e-9));
              check_cell_count(fine, h0, n_fine);
              if (n_fine * h0 > t - 0.5 * h0) // all fine, cells <= h0
                steps = uniform_steps(t, h0, true);
              else
                {
                  steps.assign(static_cast<unsigned int>(n_fine), h0);
                  append_graded(steps, t - n_fine * h0, h0, grading);
                }
            }
          else
            append_graded(steps, t, h_running, grading);
          fit_last_step(steps, t);
          h_running = std::max(h_running, steps.back());
          top += t;
          result.push_back(std::move(steps));
        }
      return result;
    }

    /**
     * Mesh-line coordinates along a lateral axis: 0, partial sums of
     * graded_steps(), exactly @p w; mirrored exactly to [-w, w] if asked.
     */
    std::vector<double>
    lateral_lines(const BlockSpec &spec, const double w, const bool mirrored)
    {
      std::vector<double> lines(1, 0.);
      for (const double step : graded_steps(w,
                                            spec.zone_radius,
                                            spec.zone_element_size,
                                            spec.grading))
        lines.push_back(lines.back() + step);
      lines.back() = w;
      if (!mirrored)
        return lines;
      std::vector<double> all(lines.rbegin(), lines.rend() - 1);
      for (double &x : all)
        x = -x;
      all.insert(all.end(), lines.begin(), lines.end());
      return all;
    }

    /** The entry of sorted @p lines within @p tolerance of @p x, else x. */
    double
    snap(const std::vector<double> &lines, const double x, const double tol)
    {
      const auto above = std::lower_bound(lines.begin(), lines.end(), x);
      if (above != lines.end() && *above - x <= tol)
        return *above;
      if (above != lines.begin() && x - *(above - 1) <= tol)
        return *(above - 1);
      return x;
    }
  } // namespace



  double
  BlockSpec::depth() const
  {
    double depth = 0.;
    for (const LayerSpec &layer : layers)
      depth += layer.thickness;
    return depth;
  }



  void
  BlockSpec::validate() const
  {
    const bool   is_3d  = (type == ModelType::three_d);
    const bool   is_axi = (type == ModelType::axisymmetric);
    const double W = half_width_x, L = half_width_y, h0 = zone_element_size;
    const std::string w_name = is_axi ? "block radius" : "half width x";
    const std::string zone   = "contact zone radius";
    const auto        quoted = [](const std::string &what, const double x) {
      return "Geometry: " + what + " (" + to_text(x) + " m) must be ";
    };
    const auto check_positive = [&](const std::string &what, const double x) {
      check_input(x > 0. && std::isfinite(x), quoted(what, x) + "positive");
    };
    // "<what> (<a> m) must be smaller than the <than> (<b> m)"
    const auto check_smaller = [&](const std::string &what,
                                   const double       a,
                                   const std::string &than,
                                   const double       b) {
      check_input(a < b,
                  quoted(what, a) + "smaller than the " + than + " (" +
                    to_text(b) + " m)");
    };

    check_input(!layers.empty(), "Geometry: at least one layer is required");
    for (unsigned int i = 0; i < layers.size(); ++i)
      {
        const std::string name =
          "layer '" +
          (layers[i].name.empty() ? std::to_string(i + 1) : layers[i].name) +
          "'";
        check_positive(name + " thickness", layers[i].thickness);
        check_input(layers[i].material_id != numbers::invalid_material_id,
                    "Geometry: " + name + " material id (" +
                      std::to_string(layers[i].material_id) + ") is reserved");
      }
    check_positive(w_name, W);
    if (is_3d)
      check_positive("half width y", L);
    check_input(grading >= 1. && grading <= 3.,
                "Geometry: grading ratio (" + to_text(grading) +
                  ") must be in [1, 3]");
    check_positive(zone, zone_radius);
    check_smaller(zone, zone_radius, w_name, W);
    if (is_3d)
      check_smaller(zone, zone_radius, "half width y", L);
    check_positive("zone element size", h0);
    check_smaller("zone element size", h0, zone, zone_radius);
    check_input(is_3d || (symmetry != Symmetry::quarter &&
                          symmetry != Symmetry::half_y),
                std::string("Geometry: ") +
                  (symmetry == Symmetry::quarter ? "quarter" : "half y") +
                  " symmetry needs a 3D model, not " +
                  (is_axi ? "an axisymmetric one" : "a plane strain one"));
    check_input(!is_axi || symmetry == Symmetry::half,
                "Geometry: an axisymmetric model must use half symmetry (its "
                "axis is r = 0), not full symmetry");

    double n_cells = graded_steps(W, zone_radius, h0, grading).size() *
                     depth_steps(*this).size() * (symmetric_x() ? 1. : 2.);
    if (is_3d)
      n_cells *= graded_steps(L, zone_radius, h0, grading).size() *
                 (symmetric_y() ? 1. : 2.);
    check_input(n_cells <= max_coarse_cells,
                "Geometry: the coarse mesh would have " + to_text(n_cells) +
                  " cells (limit " + std::to_string(max_coarse_cells) +
                  "); increase the zone element size (" + to_text(h0) +
                  " m) or the grading ratio (" + to_text(grading) + ")");
  }



  std::vector<double>
  graded_steps(const double length,
               const double zone,
               const double h0,
               const double grading)
  {
    AssertThrow(length > 0. && h0 > 0. && zone >= 0. && grading >= 1.,
                ExcMessage("graded_steps needs length > 0, h0 > 0, "
                           "zone >= 0 and grading >= 1."));
    const double n_fine = std::max(1., std::ceil(zone / h0 - 1e-9));
    check_cell_count(length, h0, n_fine);
    std::vector<double> steps;
    if (grading == 1. || n_fine * h0 > length - 0.5 * h0)
      steps = uniform_steps(length, h0, false);
    else
      {
        steps.assign(static_cast<unsigned int>(n_fine), h0);
        append_graded(steps, length - n_fine * h0, h0, grading);
      }
    fit_last_step(steps, length);
    return steps;
  }



  std::vector<double>
  depth_steps(const BlockSpec &spec)
  {
    std::vector<double> steps;
    for (const std::vector<double> &layer : steps_per_layer(spec))
      steps.insert(steps.end(), layer.begin(), layer.end());
    return steps;
  }



  template <int dim>
  void
  make_layered_block(const BlockSpec                           &spec,
                     parallel::distributed::Triangulation<dim> &tria)
  {
    AssertThrow((dim == 3) == (spec.type == ModelType::three_d),
                ExcMessage("make_layered_block: dim must be 3 for a 3D model "
                           "and 2 for plane strain or axisymmetry."));
    AssertThrow(tria.n_cells() == 0,
                ExcMessage("make_layered_block needs an empty triangulation."));
    spec.validate();

    // Exact mesh-line coordinates per axis (z, the last axis, from the top
    // down with each interface at minus the summed thicknesses, as depth()
    // sums them), then the generator's steps between them.
    std::vector<std::vector<double>> lines(dim), steps(dim);
    lines[0] = lateral_lines(spec, spec.half_width_x, !spec.symmetric_x());
    if (dim == 3)
      lines[1] = lateral_lines(spec, spec.half_width_y, !spec.symmetric_y());
    const std::vector<std::vector<double>> layer_steps = steps_per_layer(spec);
    std::vector<double> interfaces(1, 0.), &z = lines[dim - 1];
    z.assign(1, 0.);
    for (unsigned int i = 0; i < layer_steps.size(); ++i)
      {
        for (const double step : layer_steps[i])
          z.push_back(z.back() - step);
        interfaces.push_back(interfaces.back() - spec.layers[i].thickness);
        z.back() = interfaces.back();
      }
    std::reverse(z.begin(), z.end());
    const double        depth = -z.front();
    Point<dim>          p1, p2;
    std::vector<double> tolerance(dim);
    for (unsigned int d = 0; d < dim; ++d)
      {
        p1[d] = lines[d].front();
        p2[d] = lines[d].back();
        for (unsigned int i = 1; i < lines[d].size(); ++i)
          steps[d].push_back(lines[d][i] - lines[d][i - 1]);
        tolerance[d] =
          1e-3 * *std::min_element(steps[d].begin(), steps[d].end());
      }
    GridGenerator::subdivided_hyper_rectangle(tria, steps, p1, p2, false);

    // Put the vertices exactly on the mesh lines (the generator sums steps
    // from p1, with round-off): exact interfaces, symmetry planes and top.
    GridTools::transform(
      [&](const Point<dim> &p) {
        Point<dim> q;
        for (unsigned int d = 0; d < dim; ++d)
          q[d] = snap(lines[d], p[d], tolerance[d]);
        return q;
      },
      tria);

    const bool   symmetric_x = spec.symmetric_x();
    const bool   symmetric_y = spec.symmetric_y();
    const double tol_z       = tolerance[dim - 1];
    for (const auto &cell : tria.active_cell_iterators())
      {
        const double z_center = cell->center()[dim - 1];
        unsigned int layer    = 0;
        while (layer + 1 < spec.layers.size() &&
               z_center < interfaces[layer + 1])
          ++layer;
        cell->set_material_id(spec.layers[layer].material_id);

        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary())
            {
              const Point<dim>   c  = cell->face(f)->center();
              types::boundary_id id = BoundaryId::lateral;
              if (std::abs(c[dim - 1]) <= tol_z)
                id = BoundaryId::top;
              else if (std::abs(c[dim - 1] + depth) <= tol_z)
                id = BoundaryId::bottom;
              else if (symmetric_x && std::abs(c[0]) <= tolerance[0])
                id = BoundaryId::symmetry_x;
              else if (symmetric_y && std::abs(c[1]) <= tolerance[1])
                id = BoundaryId::symmetry_y;
              cell->face(f)->set_boundary_id(id);
            }
      }

    tria.refine_global(spec.n_refinements);
  }



  template void
  make_layered_block<2>(const BlockSpec &,
                        parallel::distributed::Triangulation<2> &);
  template void
  make_layered_block<3>(const BlockSpec &,
                        parallel::distributed::Triangulation<3> &);
} // namespace FasciaFE
