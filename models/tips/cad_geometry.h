#pragma once

#include <deal.II/base/config.h>

#ifdef DEAL_II_WITH_OPENCASCADE

#  include <deal.II/base/tensor.h>

#  include <vtkPolyData.h>
#  include <vtkSmartPointer.h>

#  include <string>

#  include <BRepAdaptor_Surface.hxx>
#  include <TopoDS_Shape.hxx>
#  include <gp_Pnt.hxx>

namespace FasciaFE
{
  namespace Tips
  {
    using namespace dealii;

    /**
     * OpenCASCADE helpers of the CAD tip (cad_tip.h).
     */
    namespace CAD
    {
      /**
       * The single solid of @p shape, or one made of its faces sewn
       * (BRepBuilderAPI_Sewing, tolerance 1e-6) into a closed shell and
       * oriented outwards; InputError naming @p file otherwise (several
       * solids, no faces, open shell).
       */
      TopoDS_Shape
      extract_solid(const TopoDS_Shape &shape, const std::string &file);

      /**
       * The triangles of the tessellation of @p shape
       * (BRepMesh_IncrementalMesh with the given chordal deflection),
       * oriented outwards by the orientation of each face, as VTK poly data
       * (points of adjacent faces are not merged).
       */
      vtkSmartPointer<vtkPolyData>
      tessellate(const TopoDS_Shape &shape, const double deflection);

      /**
       * Newton refinement of the foot point of @p x on a face, (u, v) with
       * S_u.(S - x) = S_v.(S - x) = 0: OpenCASCADE's extrema are accurate
       * in distance but less so along the surface, which the normal needs.
       * A move larger than @p max_step is rejected (u, v left as given).
       */
      void
      refine_on_face(const BRepAdaptor_Surface &surface,
                     const gp_Pnt              &x,
                     const double               max_step,
                     double                    &u,
                     double                    &v);

      /** The shape transformed by x -> A x + b (A a scaled rotation). */
      TopoDS_Shape
      transform(const TopoDS_Shape &shape,
                const Tensor<2, 3> &A,
                const Tensor<1, 3> &b);
    } // namespace CAD
  }   // namespace Tips
} // namespace FasciaFE

#endif
