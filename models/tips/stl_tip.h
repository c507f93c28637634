#pragma once

#include <deal.II/base/parameter_handler.h>

#include <vtkSmartPointer.h>

#include <models/tips/surface_tip.h>
#include <models/tips/triangulated_surface.h>

#include <mutex>
#include <string>

class vtkImplicitPolyDataDistance;
class vtkPolyData;

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * A rigid tip read from an STL file (a scanned or CAD-exported tool):
     * a closed triangulated surface.
     *
     * Reading (vtkSTLReader; ASCII or binary): the file must exist, look
     * like STL (ASCII "solid ... facet ..." or binary of exactly 84 + 50 n
     * bytes for its n triangles) and be read by VTK without error;
     * duplicate points are merged and the surface must be closed and
     * manifold: vtkFeatureEdges finds no boundary edge (an edge of one
     * triangle only) and no non-manifold edge (of three or more), see
     * TriangulatedSurface. Otherwise an InputError names the file and the
     * defect. The triangles are oriented consistently outwards and the
     * enclosed volume must then be positive. STL stores single precision:
     * the geometry is exact to about 6e-8 of its size.
     *
     * Placement (SurfaceTip): scaled by the Scale factor, rotated by the
     * Rotation angles, then translated so that its lowest vertex is the apex
     * at the origin.
     *
     * Distance: the exact signed distance to the triangulated surface by
     * vtkImplicitPolyDataDistance (TriangulatedSurface), with the gradient
     * (x - p) / phi from the nearest point p (unit, exact up to
     * 1e-16 L / |phi|, L the size of the body; on the surface itself the
     * pseudonormal). The approximation of a smooth body by its facets
     * costs at most the sagitta, about l^2 / (8 R) for edges of length l
     * on a radius R. The cache and the Hessian are those of SurfaceTip.
     *
     * Parameters (subsection "STL"): File, and those of SurfaceTip.
     */
    class StlTip : public SurfaceTip
    {
    public:
      /** Build from the subsection "STL" of @p prm. */
      explicit StlTip(ParameterHandler &prm);

      ~StlTip() override;

      static void
      declare_parameters(ParameterHandler &prm);

      /** Number of triangles of the surface. */
      unsigned int
      n_triangles() const;

      /** Mean edge length [m] of the placed surface. */
      double
      mean_edge_length() const;

    private:
      double
      exact_distance(const Point<3> &x, Tensor<1, 3> *gradient) const override;

      std::unique_ptr<TriangulatedSurface> surface;
    };
  } // namespace Tips
} // namespace FasciaFE
