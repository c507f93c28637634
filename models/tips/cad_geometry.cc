#include <models/tips/cad_geometry.h>

#ifdef DEAL_II_WITH_OPENCASCADE

#  include <vtkCellArray.h>
#  include <vtkNew.h>
#  include <vtkPoints.h>

#  include <solver/exceptions.h>

#  include <utility>

#  include <BRepBuilderAPI_MakeSolid.hxx>
#  include <BRepBuilderAPI_Sewing.hxx>
#  include <BRepBuilderAPI_Transform.hxx>
#  include <BRepClass3d_SolidClassifier.hxx>
#  include <BRepMesh_IncrementalMesh.hxx>
#  include <BRep_Tool.hxx>
#  include <Poly_Triangulation.hxx>
#  include <TopExp_Explorer.hxx>
#  include <TopLoc_Location.hxx>
#  include <TopoDS.hxx>
#  include <TopoDS_Face.hxx>
#  include <TopoDS_Shell.hxx>
#  include <TopoDS_Solid.hxx>
#  include <gp_Trsf.hxx>

namespace FasciaFE
{
  namespace Tips
  {
    namespace CAD
    {
      /** The single solid of @p shape, or one sewn from its faces. */
      TopoDS_Shape
      extract_solid(const TopoDS_Shape &shape, const std::string &file)
      {
        unsigned int n_solids = 0;
        TopoDS_Shape solid;
        for (TopExp_Explorer e(shape, TopAbs_SOLID); e.More(); e.Next())
          {
            solid = e.Current();
            ++n_solids;
          }
        check_input(n_solids <= 1,
                    "File '" + file + "' contains " + std::to_string(n_solids) +
                      " solids; a CAD tip must be one solid");
        if (n_solids == 1)
          return solid;

        check_input(TopExp_Explorer(shape, TopAbs_FACE).More(),
                    "File '" + file + "' contains no faces");
        BRepBuilderAPI_Sewing sewing(1e-6);
        sewing.Add(shape);
        sewing.Perform();
        const TopoDS_Shape sewn = sewing.SewedShape();
        TopExp_Explorer    shells(sewn, TopAbs_SHELL);
        check_input(shells.More() &&
                      BRep_Tool::IsClosed(TopoDS::Shell(shells.Current())),
                    "File '" + file +
                      "' contains no solid and its faces do not sew into a "
                      "closed shell; a CAD tip must be a closed solid");
        BRepBuilderAPI_MakeSolid make_solid(TopoDS::Shell(shells.Current()));
        solid = make_solid.Solid();
        // A shell oriented inwards gives an infinite solid: reverse it.
        BRepClass3d_SolidClassifier classifier(solid);
        classifier.PerformInfinitePoint(1e-7);
        if (classifier.State() == TopAbs_IN)
          solid.Reverse();
        return solid;
      }



      vtkSmartPointer<vtkPolyData>
      tessellate(const TopoDS_Shape &shape, const double deflection)
      {
        BRepMesh_IncrementalMesh mesher(shape, deflection);
        vtkNew<vtkPoints>        points;
        points->SetDataTypeToDouble();
        vtkNew<vtkCellArray> triangles;
        for (TopExp_Explorer e(shape, TopAbs_FACE); e.More(); e.Next())
          {
            const TopoDS_Face face = TopoDS::Face(e.Current());
            TopLoc_Location   location;
            const Handle(Poly_Triangulation) &mesh =
              BRep_Tool::Triangulation(face, location);
            if (mesh.IsNull())
              continue;
            const vtkIdType offset = points->GetNumberOfPoints();
            for (int i = 1; i <= mesh->NbNodes(); ++i)
              {
                const gp_Pnt p =
                  mesh->Node(i).Transformed(location.Transformation());
                points->InsertNextPoint(p.X(), p.Y(), p.Z());
              }
            for (int i = 1; i <= mesh->NbTriangles(); ++i)
              {
                int n1, n2, n3;
                mesh->Triangle(i).Get(n1, n2, n3);
                if (face.Orientation() == TopAbs_REVERSED)
                  std::swap(n2, n3);
                const vtkIdType ids[3] = {offset + n1 - 1,
                                          offset + n2 - 1,
                                          offset + n3 - 1};
                triangles->InsertNextCell(3, ids);
              }
          }
        vtkNew<vtkPolyData> polydata;
        polydata->SetPoints(points);
        polydata->SetPolys(triangles);
        return polydata;
      }



      void
      refine_on_face(const BRepAdaptor_Surface &surface,
                     const gp_Pnt              &x,
                     const double               max_step,
                     double                    &u,
                     double                    &v)
      {
        double u0 = u, v0 = v;
        for (unsigned int iteration = 0; iteration < 4; ++iteration)
          {
            gp_Pnt P;
            gp_Vec Su, Sv, Suu, Svv, Suv;
            surface.D2(u, v, P, Su, Sv, Suu, Svv, Suv);
            const gp_Vec r(x, P);
            const double f1 = Su.Dot(r), f2 = Sv.Dot(r);
            const double a   = Su.Dot(Su) + Suu.Dot(r);
            const double b   = Su.Dot(Sv) + Suv.Dot(r);
            const double c   = Sv.Dot(Sv) + Svv.Dot(r);
            const double det = a * c - b * b;
            if (!(det > 0.) || !(a > 0.))
              break;
            u -= (c * f1 - b * f2) / det;
            v -= (a * f2 - b * f1) / det;
          }
        if (!(surface.Value(u, v).Distance(surface.Value(u0, v0)) < max_step))
          {
            u = u0;
            v = v0;
          }
      }

      /** The shape transformed by x -> A x + b. */
      TopoDS_Shape
      transform(const TopoDS_Shape &shape,
                const Tensor<2, 3> &A,
                const Tensor<1, 3> &b)
      {
        gp_Trsf trsf;
        trsf.SetValues(A[0][0],
                       A[0][1],
                       A[0][2],
                       b[0],
                       A[1][0],
                       A[1][1],
                       A[1][2],
                       b[1],
                       A[2][0],
                       A[2][1],
                       A[2][2],
                       b[2]);
        return BRepBuilderAPI_Transform(shape, trsf, Standard_True).Shape();
      }
    } // namespace CAD
  }   // namespace Tips
} // namespace FasciaFE

#endif
