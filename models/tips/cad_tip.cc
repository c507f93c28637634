#include <models/tips/cad_tip.h>

#ifdef DEAL_II_WITH_OPENCASCADE

#  include <deal.II/opencascade/utilities.h>

#  include <vtkCellArray.h>
#  include <vtkNew.h>
#  include <vtkPoints.h>
#  include <vtkPolyData.h>

#  include <models/tips/cad_geometry.h>
#  include <models/tips/triangulated_surface.h>

#  include <algorithm>
#  include <cctype>
#  include <filesystem>
#  include <limits>
#  include <tuple>
#  include <vector>

#  include <BRepAdaptor_Surface.hxx>
#  include <BRepBndLib.hxx>
#  include <BRepBuilderAPI_MakeFace.hxx>
#  include <BRepBuilderAPI_MakeSolid.hxx>
#  include <BRepBuilderAPI_MakeVertex.hxx>
#  include <BRepBuilderAPI_Sewing.hxx>
#  include <BRepBuilderAPI_Transform.hxx>
#  include <BRepClass3d_SolidClassifier.hxx>
#  include <BRepExtrema_DistShapeShape.hxx>
#  include <BRepLProp_SLProps.hxx>
#  include <BRepMesh_IncrementalMesh.hxx>
#  include <BRep_Builder.hxx>
#  include <BRep_Tool.hxx>
#  include <Bnd_Box.hxx>
#  include <Geom2d_Curve.hxx>
#  include <Poly_Triangulation.hxx>
#  include <TopExp.hxx>
#  include <TopExp_Explorer.hxx>
#  include <TopLoc_Location.hxx>
#  include <TopTools_IndexedDataMapOfShapeListOfShape.hxx>
#  include <TopoDS.hxx>
#  include <TopoDS_Compound.hxx>
#  include <TopoDS_Edge.hxx>
#  include <TopoDS_Face.hxx>
#  include <TopoDS_Shell.hxx>
#  include <TopoDS_Solid.hxx>
#  include <gp_Pln.hxx>
#  include <gp_Pnt2d.hxx>
#  include <gp_Trsf.hxx>

namespace FasciaFE
{
  namespace Tips
  {
    struct CadTip::Implementation
    {
      TopoDS_Shape                              solid;
      TopTools_IndexedDataMapOfShapeListOfShape edge_faces;
      BRepExtrema_DistShapeShape                extrema;
      BRepClass3d_SolidClassifier               classifier;
      std::unique_ptr<TriangulatedSurface>      tessellation;
      double                                    tolerance = 0.;
    };



    CadTip::CadTip(ParameterHandler &prm)
      : SurfaceTip(prm, prm.get("File"))
      , impl(std::make_unique<Implementation>())
    {
      check_input(!file.empty(), "File: no STEP or IGES file given");
      check_input(std::filesystem::is_regular_file(file),
                  "File '" + file + "' of the CAD tip does not exist");
      std::string extension = std::filesystem::path(file).extension();
      std::transform(extension.begin(),
                     extension.end(),
                     extension.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      const bool step = (extension == ".step" || extension == ".stp");
      const bool iges = (extension == ".iges" || extension == ".igs");
      check_input(step || iges,
                  "File '" + file +
                    "' of the CAD tip must end in .step, .stp, .iges or .igs");

      TopoDS_Shape shape;
      try
        {
          shape = step ? OpenCASCADE::read_STEP(file, 1.) :
                         OpenCASCADE::read_IGES(file, 1.);
        }
      catch (const std::exception &)
        {
          throw InputError("File '" + file + "' could not be read as " +
                           (step ? "STEP" : "IGES"));
        }
      check_input(!shape.IsNull(), "File '" + file + "' contains no shape");
      shape = CAD::extract_solid(shape, file);

      // Scale and rotate (SurfaceTip::place), then move the lowest point,
      // the extremum towards a plane below the body, to the origin.
      Tensor<2, 3> A;
      for (unsigned int j = 0; j < 3; ++j)
        {
          Point<3> e;
          e[j]                   = 1.;
          const Tensor<1, 3> col = place(e);
          for (unsigned int i = 0; i < 3; ++i)
            A[i][j] = col[i];
        }
      shape = CAD::transform(shape, A, Tensor<1, 3>());
      Bnd_Box box;
      BRepBndLib::Add(shape, box);
      double x0, y0, z0, x1, y1, z1;
      box.Get(x0, y0, z0, x1, y1, z1);
      const double size = std::sqrt(
        (x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0) + (z1 - z0) * (z1 - z0));
      const TopoDS_Face below =
        BRepBuilderAPI_MakeFace(gp_Pln(gp_Pnt(0., 0., z0 - 0.1 * size),
                                       gp_Dir(0., 0., 1.)),
                                x0 - size,
                                x1 + size,
                                y0 - size,
                                y1 + size);
      BRepExtrema_DistShapeShape lowest(shape, below);
      check_input(lowest.IsDone() && lowest.NbSolution() > 0,
                  "File '" + file +
                    "': the lowest point of the solid was "
                    "not found");
      gp_Pnt apex = lowest.PointOnShape1(1);
      shape       = CAD::transform(shape,
                             unit_symmetric_tensor<3>(),
                             Tensor<1, 3>({-apex.X(), -apex.Y(), -apex.Z()}));

      impl->solid     = shape;
      impl->tolerance = 1e-7 * size;
      // The boundary: a compound of the faces (the extrema of a solid and
      // an inner point would be 0).
      TopoDS_Compound boundary;
      BRep_Builder    builder;
      builder.MakeCompound(boundary);
      for (TopExp_Explorer e(shape, TopAbs_FACE); e.More(); e.Next())
        builder.Add(boundary, e.Current());
      impl->extrema.LoadS1(boundary);
      impl->classifier.Load(shape);
      TopExp::MapShapesAndAncestors(shape,
                                    TopAbs_EDGE,
                                    TopAbs_FACE,
                                    impl->edge_faces);

      // Tessellation: bounding box, lateral extent and the cache.
      const double deflection = prm.get_double("Tessellation tolerance");
      check_input(deflection > 0.,
                  "Tessellation tolerance (" + std::to_string(deflection) +
                    " m) of the CAD tip must be positive");
      impl->tessellation =
        std::make_unique<TriangulatedSurface>(CAD::tessellate(shape,
                                                              deflection),
                                              1e-3 * deflection);
      const bool closed = impl->tessellation->is_closed();
      if (closed)
        impl->tessellation->prepare_distance();
      initialize(impl->tessellation->lower(),
                 impl->tessellation->upper(),
                 impl->tessellation->lateral_extent() + deflection,
                 closed);
    }



    CadTip::~CadTip() = default;



    void
    CadTip::declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("File",
                        "",
                        Patterns::FileName(),
                        "STEP (.step, .stp) or IGES (.iges, .igs) file of the "
                        "tip: one closed solid (or faces that sew into a "
                        "closed shell); relative paths are relative to the "
                        "working directory.");
      prm.declare_entry("Tessellation tolerance",
                        "1e-5",
                        Patterns::Double(0.),
                        "Chordal deflection [m] of the tessellation that "
                        "fills the distance cache and gives the lateral "
                        "extent (the contact zone uses the exact B-rep).");
      SurfaceTip::declare_parameters(prm, "32", "1e-6");
    }



    double
    CadTip::exact_distance(const Point<3> &x, Tensor<1, 3> *gradient) const
    {
      std::lock_guard<std::mutex> lock(mutex);
      const gp_Pnt                q(x[0], x[1], x[2]);
      impl->extrema.LoadS2(BRepBuilderAPI_MakeVertex(q).Vertex());
      impl->extrema.Perform();
      const double d = impl->extrema.Value();
      const gp_Pnt p = impl->extrema.PointOnShape1(1);

      // Candidate faces for the foot point: the supporting face, or the
      // faces along the supporting edge (the foot of a point near a seam or
      // a smooth edge lies on one of them). On each, the foot is refined by
      // Newton's method and accepted if it reproduces the distance d: then
      // the gradient is the face's outward normal there.
      std::vector<std::tuple<TopoDS_Face, double, double>> candidates;
      const auto support = impl->extrema.SupportTypeShape1(1);
      if (support == BRepExtrema_IsInFace)
        {
          double u, v;
          impl->extrema.ParOnFaceS1(1, u, v);
          candidates
            .emplace_back(TopoDS::Face(impl->extrema.SupportOnShape1(1)), u, v);
        }
      else if (support == BRepExtrema_IsOnEdge)
        {
          const TopoDS_Edge edge =
            TopoDS::Edge(impl->extrema.SupportOnShape1(1));
          double t;
          impl->extrema.ParOnEdgeS1(1, t);
          const int index = impl->edge_faces.FindIndex(edge);
          if (index > 0)
            for (const TopoDS_Shape &f : impl->edge_faces(index))
              {
                double first, last;
                const Handle(Geom2d_Curve) pcurve =
                  BRep_Tool::CurveOnSurface(edge, TopoDS::Face(f), first, last);
                if (!pcurve.IsNull())
                  {
                    const gp_Pnt2d uv = pcurve->Value(t);
                    candidates.emplace_back(TopoDS::Face(f), uv.X(), uv.Y());
                  }
              }
        }
      Tensor<1, 3> normal;
      bool         in_face = false;
      Point<3>     nearest(p.X(), p.Y(), p.Z());
      for (auto &[face, u, v] : candidates)
        {
          BRepAdaptor_Surface surface(face);
          CAD::refine_on_face(surface, q, 1e5 * impl->tolerance, u, v);
          const gp_Pnt foot = surface.Value(u, v);
          if (std::abs(foot.Distance(q) - d) > 1e-2 * impl->tolerance)
            continue;
          BRepLProp_SLProps props(surface, u, v, 1, impl->tolerance);
          if (!props.IsNormalDefined())
            continue;
          gp_Dir n = props.Normal();
          if (face.Orientation() == TopAbs_REVERSED)
            n.Reverse();
          normal  = Tensor<1, 3>({n.X(), n.Y(), n.Z()});
          nearest = Point<3>(foot.X(), foot.Y(), foot.Z());
          // The foot must see x along the normal.
          if (d > impl->tolerance &&
              cross_product_3d(x - nearest, normal).norm() > 1e-6 * d)
            continue;
          in_face = true;
          break;
        }

      double sign;
      if (in_face && d > impl->tolerance)
        sign = ((x - nearest) * normal >= 0. ? 1. : -1.);
      else
        {
          impl->classifier.Perform(q, impl->tolerance);
          sign = (impl->classifier.State() == TopAbs_IN ? -1. : 1.);
        }
      const double phi = sign * d;

      if (gradient != nullptr)
        {
          if (in_face)
            *gradient = normal;
          else if (d > 0.)
            *gradient = (x - nearest) / phi;
          else
            *gradient = Tensor<1, 3>({0., 0., -1.});
        }
      return phi;
    }



    double
    CadTip::cache_distance(const Point<3> &x, Tensor<1, 3> *gradient) const
    {
      return impl->tessellation->signed_distance(x, gradient);
    }



    FASCIAFE_REGISTER_TIP(CadTip,
                          "CAD",
                          "Rigid tip read from a STEP or IGES solid "
                          "(OpenCASCADE), lowest point at the apex, exact "
                          "B-rep distance.")
  } // namespace Tips
} // namespace FasciaFE

#endif
