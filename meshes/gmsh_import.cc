#include <deal.II/base/exceptions.h>

#include <deal.II/grid/grid_in.h>
#include <deal.II/grid/tria.h>

#include <meshes/layered_block.h>
#include <solver/exceptions.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace FasciaFE
{
  namespace
  {
    /** @p text with every run of white space (newlines too) as one blank. */
    std::string
    one_line(const std::string &text)
    {
      std::istringstream in(text);
      std::string        word, result;
      while (in >> word)
        result += (result.empty() ? "" : " ") + word;
      return result;
    }

    /**
     * The reason a deal.II exception gives, on one line: its additional
     * information (for ExcMessage, the message), else its name.
     */
    std::string
    reason_of(const ExceptionBase &exception)
    {
      std::ostringstream info;
      exception.print_info(info);
      const std::string reason = one_line(info.str());
      return reason.empty() ? one_line(exception.get_exc_name()) : reason;
    }
  } // namespace



  template <int dim>
  void
  read_gmsh_mesh(const std::string                         &filename,
                 parallel::distributed::Triangulation<dim> &tria)
  {
    AssertThrow(tria.n_cells() == 0,
                ExcMessage("read_gmsh_mesh needs an empty triangulation."));
    const std::string culprit = "mesh file '" + filename + "': ";

    check_input(!std::filesystem::is_directory(filename),
                culprit + "is a directory");
    std::ifstream in(filename);
    check_input(static_cast<bool>(in),
                culprit + "cannot be opened (" + std::strerror(errno) + ")");

    // Read into a serial triangulation first: a parse error then cannot
    // leave the distributed one half built, and its cells can be checked.
    Triangulation<dim> serial;
    try
      {
        GridIn<dim> grid_in(serial);
        grid_in.read_msh(in);
      }
    catch (const ExceptionBase &exception)
      {
        throw InputError(culprit + reason_of(exception));
      }
    catch (const std::exception &exception)
      {
        throw InputError(culprit + one_line(exception.what()));
      }

    check_input(serial.n_active_cells() > 0, culprit + "contains no cells");
    check_input(serial.all_reference_cells_are_hyper_cube(),
                culprit + "contains triangles or tetrahedra; p4est needs " +
                  (dim == 2 ? "quadrilaterals" : "hexahedra"));

    try
      {
        tria.copy_triangulation(serial);
      }
    catch (const ExceptionBase &exception)
      {
        tria.clear();
        throw InputError(culprit + reason_of(exception));
      }
  }



  template void
  read_gmsh_mesh<2>(const std::string &,
                    parallel::distributed::Triangulation<2> &);
  template void
  read_gmsh_mesh<3>(const std::string &,
                    parallel::distributed::Triangulation<3> &);
} // namespace FasciaFE
