#include <vtkCleanPolyData.h>
#include <vtkFeatureEdges.h>
#include <vtkIdList.h>
#include <vtkImplicitPolyDataDistance.h>
#include <vtkMath.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataNormals.h>
#include <vtkTriangleFilter.h>

#include <models/tips/triangulated_surface.h>

#include <algorithm>
#include <cmath>

namespace FasciaFE
{
  namespace Tips
  {
    namespace
    {
      /** Number of cells of vtkFeatureEdges with one kind of edge on. */
      vtkIdType
      count_edges(vtkPolyData *surface, const bool boundary)
      {
        vtkNew<vtkFeatureEdges> edges;
        edges->SetInputData(surface);
        edges->FeatureEdgesOff();
        edges->ManifoldEdgesOff();
        edges->SetBoundaryEdges(boundary);
        edges->SetNonManifoldEdges(!boundary);
        edges->Update();
        return edges->GetOutput()->GetNumberOfCells();
      }
    } // namespace



    TriangulatedSurface::TriangulatedSurface(vtkPolyData *mesh,
                                             const double merge_tolerance)
    {
      vtkNew<vtkCleanPolyData> clean;
      clean->SetInputData(mesh);
      clean->PointMergingOn();
      clean->ToleranceIsAbsoluteOn();
      clean->SetAbsoluteTolerance(merge_tolerance);
      clean->SetOutputPointsPrecision(vtkAlgorithm::DOUBLE_PRECISION);
      vtkNew<vtkTriangleFilter> triangles;
      triangles->SetInputConnection(clean->GetOutputPort());
      triangles->PassLinesOff();
      triangles->PassVertsOff();
      triangles->Update();
      surface        = triangles->GetOutput();
      n_boundary     = count_edges(surface, true);
      n_non_manifold = count_edges(surface, false);
      size           = (upper() - lower()).norm();
    }



    TriangulatedSurface::~TriangulatedSurface() = default;



    vtkIdType
    TriangulatedSurface::n_boundary_edges() const
    {
      return n_boundary;
    }



    vtkIdType
    TriangulatedSurface::n_non_manifold_edges() const
    {
      return n_non_manifold;
    }



    bool
    TriangulatedSurface::is_closed() const
    {
      return n_boundary == 0 && n_non_manifold == 0 &&
             surface->GetNumberOfCells() > 0;
    }



    double
    TriangulatedSurface::prepare_distance()
    {
      vtkNew<vtkPolyDataNormals> normals;
      normals->SetInputData(surface);
      normals->SplittingOff();
      normals->ConsistencyOn();
      normals->AutoOrientNormalsOn();
      normals->ComputeCellNormalsOn();
      normals->SetOutputPointsPrecision(vtkAlgorithm::DOUBLE_PRECISION);
      normals->Update();
      surface = normals->GetOutput();

      double            volume = 0.;
      vtkNew<vtkIdList> ids;
      for (vtkIdType c = 0; c < surface->GetNumberOfCells(); ++c)
        {
          surface->GetCellPoints(c, ids);
          double a[3], b[3], d[3], bxd[3];
          surface->GetPoint(ids->GetId(0), a);
          surface->GetPoint(ids->GetId(1), b);
          surface->GetPoint(ids->GetId(2), d);
          vtkMath::Cross(b, d, bxd);
          volume += vtkMath::Dot(a, bxd) / 6.;
        }
      distance = vtkSmartPointer<vtkImplicitPolyDataDistance>::New();
      distance->SetInput(surface);
      return volume;
    }



    double
    TriangulatedSurface::signed_distance(const Point<3> &x,
                                         Tensor<1, 3>   *gradient) const
    {
      double                      q[3] = {x[0], x[1], x[2]};
      double                      nearest[3];
      std::lock_guard<std::mutex> lock(mutex);
      const double                phi =
        distance->EvaluateFunctionAndGetClosestPoint(q, nearest);
      if (gradient != nullptr)
        {
          if (std::abs(phi) > 1e-9 * size)
            for (unsigned int d = 0; d < 3; ++d)
              (*gradient)[d] = (x[d] - nearest[d]) / phi;
          else
            {
              double g[3];
              distance->EvaluateGradient(q, g);
              *gradient = Tensor<1, 3>({g[0], g[1], g[2]});
            }
          *gradient /= gradient->norm();
        }
      return phi;
    }



    Point<3>
    TriangulatedSurface::lower() const
    {
      const double *b = surface->GetBounds();
      return Point<3>(b[0], b[2], b[4]);
    }



    Point<3>
    TriangulatedSurface::upper() const
    {
      const double *b = surface->GetBounds();
      return Point<3>(b[1], b[3], b[5]);
    }



    double
    TriangulatedSurface::lateral_extent() const
    {
      double extent = 0.;
      for (vtkIdType i = 0; i < surface->GetNumberOfPoints(); ++i)
        {
          double p[3];
          surface->GetPoint(i, p);
          extent = std::max(extent, std::hypot(p[0], p[1]));
        }
      return extent;
    }



    unsigned int
    TriangulatedSurface::n_triangles() const
    {
      return surface->GetNumberOfCells();
    }



    double
    TriangulatedSurface::mean_edge_length() const
    {
      double            sum = 0.;
      vtkNew<vtkIdList> ids;
      for (vtkIdType c = 0; c < surface->GetNumberOfCells(); ++c)
        {
          surface->GetCellPoints(c, ids);
          for (unsigned int e = 0; e < 3; ++e)
            {
              double a[3], b[3];
              surface->GetPoint(ids->GetId(e), a);
              surface->GetPoint(ids->GetId((e + 1) % 3), b);
              sum += std::sqrt(vtkMath::Distance2BetweenPoints(a, b));
            }
        }
      return sum / (3. * surface->GetNumberOfCells());
    }
  } // namespace Tips
} // namespace FasciaFE
