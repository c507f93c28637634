#pragma once

#include <deal.II/base/point.h>
#include <deal.II/base/tensor.h>

#include <vtkSmartPointer.h>

#include <mutex>

class vtkImplicitPolyDataDistance;
class vtkPolyData;

namespace FasciaFE
{
  namespace Tips
  {
    using namespace dealii;

    /**
     * A closed triangulated surface (of an STL tip, or the tessellation of
     * a CAD tip) in the tip frame, with its exact signed distance.
     *
     * Construction merges coincident points (vtkCleanPolyData, with an
     * absolute tolerance), keeps the triangles (vtkTriangleFilter) and
     * counts the boundary edges (edges of a single triangle) and the
     * non-manifold edges (of three or more) with vtkFeatureEdges; the
     * surface is closed if both are zero. prepare_distance() then orients
     * the triangles consistently outwards (vtkPolyDataNormals with
     * auto-orientation, cell normals), computes the enclosed volume
     *   V = sum_T p_0 . (p_1 x p_2) / 6
     * and sets up vtkImplicitPolyDataDistance: the distance to the nearest
     * point p (cell locator), signed by the angle-weighted pseudonormal
     * (Baerentzen and Aanaes 2005), with the gradient (x - p) / phi (on the
     * surface itself, the pseudonormal). Queries are serialised by a mutex.
     */
    class TriangulatedSurface
    {
    public:
      TriangulatedSurface(vtkPolyData *mesh, const double merge_tolerance);

      ~TriangulatedSurface();

      vtkIdType
      n_boundary_edges() const;

      vtkIdType
      n_non_manifold_edges() const;

      bool
      is_closed() const;

      /**
       * Orient outwards and set up the distance (requires is_closed());
       * returns the enclosed volume V (> 0 for a proper solid).
       */
      double
      prepare_distance();

      /** Signed distance and unit gradient (after prepare_distance()). */
      double
      signed_distance(const Point<3> &x, Tensor<1, 3> *gradient) const;

      /** Bounding box corners. */
      Point<3>
      lower() const;

      Point<3>
      upper() const;

      /** Largest distance of a vertex from the z axis. */
      double
      lateral_extent() const;

      unsigned int
      n_triangles() const;

      double
      mean_edge_length() const;

    private:
      vtkSmartPointer<vtkPolyData>                 surface;
      vtkSmartPointer<vtkImplicitPolyDataDistance> distance;
      vtkIdType          n_boundary = 0, n_non_manifold = 0;
      double             size = 0.;
      mutable std::mutex mutex;
    };
  } // namespace Tips
} // namespace FasciaFE
