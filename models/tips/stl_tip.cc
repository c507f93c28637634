#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkSTLReader.h>

#include <models/tips/stl_tip.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

namespace FasciaFE
{
  namespace Tips
  {
    namespace
    {
      /**
       * Throw an InputError unless @p file exists and looks like an STL
       * file: binary (84 + 50 n bytes, n the count at byte 80) or ASCII
       * (starts with "solid" and has a "facet" in its first kilobytes).
       */
      void
      check_stl_file(const std::string &file)
      {
        check_input(!file.empty(), "File: no STL file given");
        check_input(std::filesystem::is_regular_file(file),
                    "File '" + file + "' of the STL tip does not exist");
        std::ifstream in(file, std::ios::binary);
        check_input(static_cast<bool>(in),
                    "File '" + file + "' of the STL tip cannot be opened");
        const auto        size = std::filesystem::file_size(file);
        std::vector<char> head(std::min<std::uintmax_t>(size, 4096));
        in.read(head.data(), head.size());
        if (size >= 84)
          {
            std::uint32_t n;
            std::memcpy(&n, head.data() + 80, 4);
            if (size == 84 + 50 * static_cast<std::uintmax_t>(n) && n > 0)
              return;
          }
        const std::string text(head.begin(), head.end());
        const auto        start = text.find_first_not_of(" \t\r\n");
        check_input(start != std::string::npos &&
                      text.compare(start, 5, "solid") == 0 &&
                      text.find("facet") != std::string::npos,
                    "File '" + file +
                      "' is not an STL file (neither ASCII 'solid ... "
                      "facet' nor binary with 84 + 50 n bytes)");
      }

      /** Collects the messages of VTK errors instead of printing them. */
      struct ErrorCollector
      {
        static void
        callback(vtkObject *, unsigned long, void *client_data, void *call_data)
        {
          auto *self = static_cast<ErrorCollector *>(client_data);
          if (call_data != nullptr && self->message.empty())
            self->message = static_cast<const char *>(call_data);
          self->failed = true;
        }
        bool        failed = false;
        std::string message;
      };
    } // namespace



    StlTip::StlTip(ParameterHandler &prm)
      : SurfaceTip(prm, prm.get("File"))
    {
      check_stl_file(file);

      vtkNew<vtkSTLReader>       reader;
      ErrorCollector             errors;
      vtkNew<vtkCallbackCommand> observer;
      observer->SetCallback(&ErrorCollector::callback);
      observer->SetClientData(&errors);
      reader->AddObserver(vtkCommand::ErrorEvent, observer);
      reader->AddObserver(vtkCommand::WarningEvent, observer);
      reader->SetFileName(file.c_str());
      reader->MergingOn();
      reader->Update();
      check_input(!errors.failed && reader->GetOutput()->GetNumberOfPolys() > 0,
                  "File '" + file + "' could not be read as an STL file" +
                    (errors.message.empty() ? std::string() :
                                              ": " + errors.message));

      // Place: scale, rotate, move the lowest vertex to the origin (in
      // double precision; an STL file itself stores single precision).
      vtkPolyData          *mesh        = reader->GetOutput();
      vtkPoints            *file_points = mesh->GetPoints();
      std::vector<Point<3>> placed(file_points->GetNumberOfPoints());
      for (vtkIdType i = 0; i < file_points->GetNumberOfPoints(); ++i)
        {
          double p[3];
          file_points->GetPoint(i, p);
          placed[i] = place(Point<3>(p[0], p[1], p[2]));
        }
      const Point<3>    apex = lowest_point(placed);
      vtkNew<vtkPoints> points;
      points->SetDataTypeToDouble();
      points->SetNumberOfPoints(placed.size());
      for (vtkIdType i = 0; i < points->GetNumberOfPoints(); ++i)
        {
          const Point<3> p(placed[i] - apex);
          points->SetPoint(i, p[0], p[1], p[2]);
        }
      mesh->SetPoints(points);

      surface = std::make_unique<TriangulatedSurface>(mesh, 0.);
      check_input(surface->is_closed(),
                  "File '" + file + "' is not a closed manifold surface: " +
                    std::to_string(surface->n_boundary_edges()) +
                    " boundary and " +
                    std::to_string(surface->n_non_manifold_edges()) +
                    " non-manifold edges (vtkFeatureEdges); an STL tip must "
                    "be a closed, watertight solid");
      const double volume = surface->prepare_distance();
      const double size   = (surface->upper() - surface->lower()).norm();
      check_input(volume > 1e-12 * size * size * size,
                  "File '" + file +
                    "' encloses no positive volume after orienting its "
                    "triangles (volume " +
                    std::to_string(volume) + " m^3)");
      initialize(surface->lower(), surface->upper(), surface->lateral_extent());
    }



    StlTip::~StlTip() = default;



    void
    StlTip::declare_parameters(ParameterHandler &prm)
    {
      prm.declare_entry("File",
                        "",
                        Patterns::FileName(),
                        "STL file (ASCII or binary) of the tip: a closed, "
                        "manifold triangulated surface; relative paths are "
                        "relative to the working directory.");
      SurfaceTip::declare_parameters(prm, "48", "0");
    }



    double
    StlTip::exact_distance(const Point<3> &x, Tensor<1, 3> *gradient) const
    {
      return surface->signed_distance(x, gradient);
    }



    unsigned int
    StlTip::n_triangles() const
    {
      return surface->n_triangles();
    }



    double
    StlTip::mean_edge_length() const
    {
      return surface->mean_edge_length();
    }



    FASCIAFE_REGISTER_TIP(StlTip,
                          "STL",
                          "Rigid tip read from a closed STL surface (VTK), "
                          "lowest point at the apex, cached exact distance.")
  } // namespace Tips
} // namespace FasciaFE
