#include <solver/exceptions.h>
#include <solver/parameters.h>

namespace FasciaFE
{
  void
  GeometryParameters::declare_parameters(ParameterHandler &prm)
  {
    using namespace Patterns;
    prm.enter_subsection("Geometry");
    prm.declare_entry("Model type",
                      "axisymmetric",
                      Selection("3d|plane strain|axisymmetric"),
                      "3d: three-dimensional block; plane strain: 2D (x, z) "
                      "per unit length in y, forces in N/m; axisymmetric: "
                      "2D (r, z) about the tip axis with hoop terms, "
                      "forces of the full 3D body in N.");
    prm.declare_entry("Symmetry",
                      "half",
                      Selection("full|half|quarter|half y"),
                      "Meshed part: full; half (x >= 0, symmetry plane "
                      "x = 0; required for axisymmetric, where it is the "
                      "axis r = 0); quarter (x, y >= 0; 3d only); half y "
                      "(y >= 0, symmetry plane y = 0; 3d only: the plane "
                      "that a tip moved, rolled or slid along x keeps, "
                      "about half the unknowns of full). Reported forces, "
                      "areas, volumes and energies are those of the full "
                      "model.");
    prm.declare_entry("Half width x",
                      "0.05",
                      Double(0.),
                      "Lateral extent W from the tip axis to the side of the "
                      "block along x (the outer radius when axisymmetric) "
                      "[m].");
    prm.declare_entry("Half width y",
                      "0.05",
                      Double(0.),
                      "Lateral extent L from the tip axis along y (3d) [m].");
    prm.declare_entry("Contact zone radius",
                      "0.01",
                      Double(0.),
                      "Half width of the finely meshed zone around the tip "
                      "axis near the surface [m].");
    prm.declare_entry("Zone element size",
                      "0.001",
                      Double(0.),
                      "Element size h0 in the contact zone, before global "
                      "refinement [m].");
    prm.declare_entry("Grading ratio",
                      "1.25",
                      Double(1., 3.),
                      "Growth ratio of element sizes away from the contact "
                      "zone [-].");
    prm.declare_entry("Global refinements",
                      "0",
                      Integer(0, 8),
                      "Uniform refinements of the graded mesh (each halves "
                      "all element sizes) [-].");
    prm.declare_entry("Mesh file",
                      "",
                      Anything(),
                      "Optional gmsh .msh file used instead of the generated "
                      "block (physical volumes = material ids, physical "
                      "surfaces = boundary ids, see docs).");
    prm.declare_entry("Bottom boundary",
                      "fixed",
                      Selection("fixed|sliding"),
                      "z = -H: fixed (u = 0, bonded to bone) or sliding "
                      "(u_z = 0).");
    prm.declare_entry("Lateral boundary",
                      "free",
                      Selection("free|sliding|fixed"),
                      "Far sides: traction free, sliding (normal "
                      "displacement zero) or fixed.");
    prm.leave_subsection();
  }



  void
  GeometryParameters::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Geometry");
    const std::string type  = prm.get("Model type");
    block.type              = type == "3d"           ? ModelType::three_d :
                              type == "plane strain" ? ModelType::plane_strain :
                                                       ModelType::axisymmetric;
    const std::string sym   = prm.get("Symmetry");
    block.symmetry          = sym == "full"    ? Symmetry::full :
                              sym == "half"    ? Symmetry::half :
                              sym == "quarter" ? Symmetry::quarter :
                                                 Symmetry::half_y;
    block.half_width_x      = prm.get_double("Half width x");
    block.half_width_y      = prm.get_double("Half width y");
    block.zone_radius       = prm.get_double("Contact zone radius");
    block.zone_element_size = prm.get_double("Zone element size");
    block.grading           = prm.get_double("Grading ratio");
    block.n_refinements     = prm.get_integer("Global refinements");
    mesh_file               = prm.get("Mesh file");
    bottom_fixed            = prm.get("Bottom boundary") == "fixed";
    lateral                 = prm.get("Lateral boundary");
    prm.leave_subsection();
  }



  double
  GeometryParameters::multiplicity() const
  {
    if (block.type == ModelType::axisymmetric)
      return 1.;
    switch (block.symmetry)
      {
        case Symmetry::half:
        case Symmetry::half_y:
          return 2.;
        case Symmetry::quarter:
          return 4.;
        default:
          return 1.;
      }
  }
} // namespace FasciaFE
