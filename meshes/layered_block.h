#pragma once

#include <deal.II/base/parameter_handler.h>

#include <deal.II/distributed/tria.h>

#include <string>
#include <vector>

namespace FasciaFE
{
  using namespace dealii;

  /** The three kinematic model types the engine solves. */
  enum class ModelType
  {
    three_d,      ///< 3D, dim = 3
    plane_strain, ///< 2D (x, z), per unit length in y, dim = 2
    axisymmetric  ///< 2D (r, z) about the z axis, dim = 2
  };

  /** Which part of the block is meshed (symmetry planes through the axis). */
  enum class Symmetry
  {
    full,    ///< x in [-W, W] (and y in [-L, L] in 3D)
    half,    ///< x in [0, W]; symmetry plane x = 0
    quarter, ///< x in [0, W], y in [0, L]; planes x = 0 and y = 0 (3D only)
    half_y   ///< x in [-W, W], y in [0, L]; symmetry plane y = 0 (3D only),
             ///< which a tip moved or rolled along x keeps
  };

  /** Boundary ids set by the generator. */
  namespace BoundaryId
  {
    constexpr types::boundary_id top        = 0; ///< free surface, contact
    constexpr types::boundary_id bottom     = 1; ///< z = -H
    constexpr types::boundary_id symmetry_x = 2; ///< x = 0 plane or r = 0
    constexpr types::boundary_id symmetry_y = 3; ///< y = 0 plane (3D)
    constexpr types::boundary_id lateral    = 4; ///< far sides
  }                                              // namespace BoundaryId

  /** One tissue layer, listed from the top surface downwards. */
  struct LayerSpec
  {
    std::string        name;
    double             thickness   = 0.; ///< [m]
    types::material_id material_id = 0;
  };

  /**
   * The layered block: the top surface is z = 0, the layers stack
   * downwards to z = -H with H the sum of their thicknesses, the tip axis is
   * the z axis. Elements are smallest (size h0) in the contact zone
   * |x|, |y| <= zone_radius near the top and grow geometrically by the
   * grading ratio away from it, laterally and with depth; every layer
   * interface is a mesh plane and each cell carries its layer's material_id.
   */
  struct BlockSpec
  {
    ModelType              type         = ModelType::axisymmetric;
    Symmetry               symmetry     = Symmetry::half;
    double                 half_width_x = 0.05; ///< W [m], also the radius
    double                 half_width_y = 0.05; ///< L [m], 3D only
    std::vector<LayerSpec> layers;
    double                 zone_radius       = 0.01; ///< [m]
    double                 zone_element_size = 1e-3; ///< h0 [m]
    double                 grading           = 1.25; ///< growth ratio >= 1
    unsigned int           n_refinements     = 0;    ///< global refinements

    /** Largest accepted number of coarse cells (see validate()). */
    static constexpr unsigned int max_coarse_cells = 1000000;

    /** Whether the plane x = 0 (the axis r = 0) bounds the meshed part. */
    bool
    symmetric_x() const
    {
      return symmetry == Symmetry::half || symmetry == Symmetry::quarter ||
             type == ModelType::axisymmetric;
    }

    /** Whether the plane y = 0 bounds the meshed part (3D). */
    bool
    symmetric_y() const
    {
      return type == ModelType::three_d &&
             (symmetry == Symmetry::quarter || symmetry == Symmetry::half_y);
    }

    /** Total depth H [m]. */
    double
    depth() const;

    /**
     * Check the specification; throws InputError naming the entry. Also
     * rejects a coarse mesh of more than max_coarse_cells cells (before the
     * global refinements), which p4est would hold on every rank.
     */
    void
    validate() const;
  };

  /**
   * Step sizes of a graded 1D subdivision of [0, length]: cells of size h0
   * up to @p zone (ceil(zone / h0) cells), then growing by the factor
   * @p grading (the sizes sum to @p length exactly).
   *
   * The graded part uses the fewest cells that can reach @p length with
   * growth @p grading; their common ratio q <= grading is then solved for so
   * that the sizes fit exactly, hence every ratio of neighbouring sizes is
   * at most @p grading. A remainder too short to grow (shorter than its
   * number of cells times the previous size) gets equal cells no larger
   * than the previous one. When the fine cells reach to within h0 / 2 of
   * @p length, or when @p grading == 1, the whole interval is divided into
   * round(length / h0) equal cells.
   */
  std::vector<double>
  graded_steps(double length, double zone, double h0, double grading);

  /**
   * Vertical step sizes of the block, from the top z = 0 downwards: size
   * h0 down to a depth of about zone_radius, then growing by the grading
   * ratio with depth, continued across layers. Every layer interface is a
   * cell boundary: the steps of each layer sum to its thickness (a layer
   * thinner than the running size gets one cell). A layer that ends within
   * h0 / 2 below the fine zone gets equal cells no larger than h0
   * (grading == 1: round(thickness / h0) equal cells). Does not validate
   * @p spec.
   */
  std::vector<double>
  depth_steps(const BlockSpec &spec);

  /**
   * Build the block on a distributed (p4est) triangulation, which must be
   * empty. Calls spec.validate() first, and checks that @p dim matches
   * spec.type (3 for three_d, 2 otherwise).
   */
  template <int dim>
  void
  make_layered_block(const BlockSpec                           &spec,
                     parallel::distributed::Triangulation<dim> &tria);

  /**
   * Read a gmsh (.msh) file into the triangulation: physical volume tags
   * become material_ids, physical surface tags boundary ids (use the ids
   * above). Boundary faces without a physical tag get id 0 (top), so tag
   * every boundary. The 2D file's (x, y) coordinates are the model's (x, z)
   * or (r, z). The triangulation must be empty. Throws InputError naming
   * the file when it is missing or bad.
   */
  template <int dim>
  void
  read_gmsh_mesh(const std::string                         &filename,
                 parallel::distributed::Triangulation<dim> &tria);
} // namespace FasciaFE
