#pragma once

#include <deal.II/base/config.h>

#ifdef DEAL_II_WITH_OPENCASCADE

#  include <deal.II/base/parameter_handler.h>

#  include <models/tips/surface_tip.h>

#  include <memory>
#  include <mutex>
#  include <string>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * A rigid tip read from a STEP or IGES file with OpenCASCADE (through
     * deal.II's OpenCASCADE::read_STEP / read_IGES): the exact B-rep of a
     * CAD solid, without tessellation error.
     *
     * Reading: the file must exist and end in .step/.stp or .iges/.igs
     * (any case); it must contain a solid, or faces that sew
     * (BRepBuilderAPI_Sewing) into a closed shell, made a solid. Otherwise
     * an InputError names the file and the defect.
     *
     * Placement (SurfaceTip): scaled, rotated, and translated so that its
     * lowest point is the apex at the origin; the lowest point is the
     * exact extremum between the solid and a plane below it
     * (BRepExtrema_DistShapeShape).
     *
     * Distance: the nearest point p of the solid's boundary by
     * BRepExtrema_DistShapeShape (faces, edges and vertices, respecting the
     * trimming of the faces; deal.II's OpenCASCADE::closest_point projects
     * on the untrimmed surfaces and is not used), the sign by
     * BRepClass3d_SolidClassifier (inside: phi < 0), and the gradient
     * the face's outward normal at p where p lies inside a face
     * (BRepLProp_SLProps, exact even for phi -> 0), (x - p) / phi on
     * edges and vertices. Accuracy: OpenCASCADE's extrema tolerance,
     * about 1e-7 of the length unit of the file. The Hessian is that of
     * SurfaceTip (central differences of the gradient or zero).
     *
     * Cost and cache: an exact query takes of the order of 0.1-1 ms, so
     * the cache of SurfaceTip is filled from a tessellation of the solid
     * (BRepMesh_IncrementalMesh, deflection "Tessellation tolerance"),
     * distances by vtkImplicitPolyDataDistance; it is used only farther
     * than 3 h outside, where the tessellation error (the deflection,
     * << h) does not matter. If the tessellation is not a closed manifold
     * the cache is not built (exact queries everywhere).
     *
     * Parameters (subsection "CAD"): File, Tessellation tolerance [m], and
     * those of SurfaceTip.
     */
    class CadTip : public SurfaceTip
    {
    public:
      /** Build from the subsection "CAD" of @p prm. */
      explicit CadTip(ParameterHandler &prm);

      ~CadTip() override;

      static void
      declare_parameters(ParameterHandler &prm);

    private:
      double
      exact_distance(const Point<3> &x, Tensor<1, 3> *gradient) const override;

      double
      cache_distance(const Point<3> &x, Tensor<1, 3> *gradient) const override;

      /** OpenCASCADE and VTK objects, hidden from the header's users. */
      struct Implementation;
      std::unique_ptr<Implementation> impl;
      mutable std::mutex              mutex;
    };
  } // namespace Tips
} // namespace FasciaFE

#endif
