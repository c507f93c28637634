// Unit tests of the output layer (solver/output/): atomic files, the history
// (HDF5 + CSV), run.json and the field files (PVD/PVTU/VTU, HDF5 + XDMF).
// Run on one rank and under mpirun -np 2: the FieldWriter tests then use a
// distributed mesh, the others one rank each.

#include <deal.II/base/function.h>
#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <deal.II/distributed/tria.h>

#include <deal.II/dofs/dof_handler.h>

#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_system.h>

#include <deal.II/grid/grid_generator.h>

#include <deal.II/lac/vector.h>

#include <deal.II/numerics/data_out.h>
#include <deal.II/numerics/data_postprocessor.h>
#include <deal.II/numerics/vector_tools.h>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <gtest/gtest.h>

#include <hdf5.h>

#include <fasciafe_version.h>
#include <solver/output/atomic_file.h>
#include <solver/output/field_writer.h>
#include <solver/output/history_writer.h>
#include <solver/output/run_info.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <stdlib.h>

using namespace dealii;
using namespace FasciaFE;

namespace
{
  /**
   * A fresh folder under the system's temporary directory, shared by the
   * ranks of a communicator and removed (with its content) at the end.
   */
  class ScratchDirectory
  {
  public:
    explicit ScratchDirectory(const MPI_Comm comm = MPI_COMM_SELF)
      : comm(comm)
    {
      std::string name;
      if (Utilities::MPI::this_mpi_process(comm) == 0)
        {
          std::string pattern =
            (std::filesystem::temp_directory_path() / "fasciafe-output-XXXXXX")
              .string();
          if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("mkdtemp failed for " + pattern);
          name = pattern;
        }
      path = Utilities::MPI::broadcast(comm, name, 0);
    }

    ~ScratchDirectory()
    {
      MPI_Barrier(comm);
      if (Utilities::MPI::this_mpi_process(comm) == 0)
        std::filesystem::remove_all(path);
    }

    std::string
    operator/(const std::string &file) const
    {
      return path + "/" + file;
    }

    const MPI_Comm comm;
    std::string    path;
  };

  bool
  exists(const std::string &file)
  {
    return std::filesystem::exists(file);
  }

  std::string
  read_text(const std::string &file)
  {
    std::ifstream      in(file);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
  }

  /**
   * The files under @p directory (recursively) whose name holds ".tmp.".
   */
  std::vector<std::string>
  temporary_files(const std::string &directory)
  {
    std::vector<std::string> result;
    for (const auto &entry :
         std::filesystem::recursive_directory_iterator(directory))
      if (entry.path().filename().string().find(".tmp.") != std::string::npos)
        result.push_back(entry.path().string());
    return result;
  }

  /**
   * A string attribute of an HDF5 object, read with the HDF5 C API.
   */
  std::string
  string_attribute(const hid_t object, const std::string &name)
  {
    const hid_t attribute = H5Aopen(object, name.c_str(), H5P_DEFAULT);
    EXPECT_GE(attribute, 0) << name;
    const hid_t type   = H5Aget_type(attribute);
    std::string result = "<not a variable-length string>";
    if (H5Tis_variable_str(type) > 0)
      {
        char *value = nullptr;
        H5Aread(attribute, type, &value);
        result = value;
        H5free_memory(value);
      }
    H5Tclose(type);
    H5Aclose(attribute);
    return result;
  }

  /**
   * A numeric attribute of an HDF5 object, read as double.
   */
  double
  number_attribute(const hid_t object, const std::string &name)
  {
    const hid_t attribute = H5Aopen(object, name.c_str(), H5P_DEFAULT);
    EXPECT_GE(attribute, 0) << name;
    double value = std::numeric_limits<double>::quiet_NaN();
    H5Aread(attribute, H5T_NATIVE_DOUBLE, &value);
    H5Aclose(attribute);
    return value;
  }

  /**
   * The dimensions of a dataset and its content converted to @p T.
   */
  template <typename T>
  std::vector<T>
  read_dataset(const hid_t           file,
               const std::string    &path,
               std::vector<hsize_t> &dimensions)
  {
    const hid_t dataset = H5Dopen2(file, path.c_str(), H5P_DEFAULT);
    EXPECT_GE(dataset, 0) << path;
    const hid_t space = H5Dget_space(dataset);
    dimensions.resize(H5Sget_simple_extent_ndims(space));
    H5Sget_simple_extent_dims(space, dimensions.data(), nullptr);
    std::vector<T> values(H5Sget_simple_extent_npoints(space));
    const hid_t    type =
      std::is_same<T, double>::value ? H5T_NATIVE_DOUBLE : H5T_NATIVE_UINT;
    if (!values.empty())
      H5Dread(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
    H5Sclose(space);
    H5Dclose(dataset);
    return values;
  }
} // namespace



TEST(AtomicOutputFile, UncommittedFileLeavesNothingUnderFinalName)
{
  const ScratchDirectory dir;
  const std::string      name = dir / "result.txt";
  {
    AtomicOutputFile file(name);
    file.stream() << "half-written";
    EXPECT_TRUE(exists(temporary_name(name)));
    EXPECT_FALSE(exists(name));
  }
  EXPECT_FALSE(exists(name));
  EXPECT_TRUE(temporary_files(dir.path).empty());
}

TEST(AtomicOutputFile, CommitLeavesNoTemporaryAndReplacesOldContent)
{
  const ScratchDirectory dir;
  const std::string      name = dir / "result.txt";
  std::ofstream(name) << "old";
  {
    AtomicOutputFile file(name);
    file.stream() << "new";
    EXPECT_EQ(read_text(name), "old");
    file.commit();
    EXPECT_TRUE(file.committed());
    EXPECT_THROW(file.commit(), std::logic_error);
  }
  EXPECT_EQ(read_text(name), "new");
  EXPECT_TRUE(temporary_files(dir.path).empty());
  EXPECT_EQ(temporary_name(name).rfind(name + ".tmp.", 0), 0u);
}

TEST(AtomicOutputFile, MissingDirectoryThrowsWithPath)
{
  const ScratchDirectory dir;
  try
    {
      AtomicOutputFile file(dir / "no/such/folder/result.txt");
      FAIL() << "no exception";
    }
  catch (const std::runtime_error &e)
    {
      EXPECT_NE(std::string(e.what()).find("no/such/folder/result.txt"),
                std::string::npos);
    }
  EXPECT_THROW(atomic_rename(dir / "missing", dir / "target"),
               std::runtime_error);
}

TEST(HistoryWriter, CsvRoundTripKeepsFullPrecision)
{
  const ScratchDirectory dir;
  HistoryWriter          history(dir / "out", MPI_COMM_SELF);
  history.add_column("time", "s", "Time");
  history.add_column("force", "N", "Contact force on the tip");
  history.add_column("energy", "J", "Strain energy");
  const std::vector<std::vector<double>> rows = {
    {0.1, 1.0 / 3.0, -12345.678901234567},
    {std::nextafter(1.0, 2.0), 2.0e-300 / 3.0, 6.02214076e23},
    {4.9e-324, -0.0, std::numeric_limits<double>::max()}};
  for (const auto &row : rows)
    {
      history.add_row(row);
      history.write();
    }
  EXPECT_EQ(history.n_rows(), 3u);
  EXPECT_EQ(history.n_columns(), 3u);
  EXPECT_EQ(history.column_names(),
            (std::vector<std::string>{"time", "force", "energy"}));

  const std::string csv = dir / "out/history.csv";
  EXPECT_EQ(read_text(csv).rfind("# units: s,N,J\ntime,force,energy\n", 0), 0u);
  const auto columns = read_history_csv(csv);
  ASSERT_EQ(columns.size(), 3u);
  const std::vector<std::string> names = history.column_names();
  for (unsigned int c = 0; c < names.size(); ++c)
    {
      ASSERT_EQ(columns.at(names[c]).size(), rows.size());
      for (unsigned int r = 0; r < rows.size(); ++r)
        EXPECT_EQ(columns.at(names[c])[r], rows[r][c]) << names[c] << r;
    }
  EXPECT_TRUE(temporary_files(dir.path).empty());
}

TEST(HistoryWriter, Hdf5HasOneDatasetPerColumnWithUnitAttribute)
{
  const ScratchDirectory dir;
  HistoryWriter          history(dir.path, MPI_COMM_SELF);
  history.add_column("time", "s", "Time");
  history.add_column("force", "N", "Contact force on the tip");
  history.add_row({0.5, 1.25});
  history.add_row({1.0, 1.0 / 3.0});
  history.write();

  const hid_t file =
    H5Fopen((dir / "history.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  EXPECT_EQ(string_attribute(file, "format"), "fasciafe-history");
  EXPECT_EQ(number_attribute(file, "format_version"), 1.0);
  EXPECT_EQ(string_attribute(file, "unit_system"), "SI");
  EXPECT_EQ(string_attribute(file, "columns"), "time,force");

  std::vector<hsize_t> dimensions;
  EXPECT_EQ(read_dataset<double>(file, "/history/force", dimensions),
            (std::vector<double>{1.25, 1.0 / 3.0}));
  EXPECT_EQ(dimensions, std::vector<hsize_t>{2});
  EXPECT_EQ(read_dataset<double>(file, "/history/time", dimensions),
            (std::vector<double>{0.5, 1.0}));

  const hid_t force = H5Dopen2(file, "/history/force", H5P_DEFAULT);
  EXPECT_EQ(string_attribute(force, "unit"), "N");
  EXPECT_EQ(string_attribute(force, "description"), "Contact force on the tip");
  H5Dclose(force);
  H5Fclose(file);
}

TEST(HistoryWriter, RejectsWrongRowSizeAndLateOrInvalidColumns)
{
  const ScratchDirectory dir;
  HistoryWriter          history(dir.path, MPI_COMM_SELF);
  EXPECT_ANY_THROW(history.add_column("a,b", "m", "comma in name"));
  EXPECT_ANY_THROW(history.add_column("a/b", "m", "slash in name"));
  history.add_column("time", "s", "Time");
  EXPECT_ANY_THROW(history.add_column("time", "s", "twice"));
  EXPECT_ANY_THROW(history.add_row({1.0, 2.0}));
  history.add_row({1.0});
  EXPECT_ANY_THROW(history.add_column("late", "m", "after a row"));
}

TEST(RunInfo, RunJsonParsesBackWithParametersSubtree)
{
  const ScratchDirectory dir;
  ParameterHandler       prm;
  prm.enter_subsection("Output");
  prm.declare_entry("Directory", "results", Patterns::Anything(), "Folder.");
  prm.declare_entry("Interval", "5", Patterns::Integer(1), "Steps.");
  prm.leave_subsection();
  std::ostringstream parameters;
  prm.print_parameters(parameters, ParameterHandler::JSON);

  RunInfo info(dir.path, MPI_COMM_SELF, "fasciafe run x.prm", parameters.str());
  EXPECT_ANY_THROW(info.finish(RunStatus::completed, "", 0));
  info.start();

  boost::property_tree::ptree tree;
  boost::property_tree::read_json(dir / "run.json", tree);
  EXPECT_EQ(tree.get<std::string>("status"), "running");
  EXPECT_EQ(tree.get<std::string>("command_line"), "fasciafe run x.prm");
  EXPECT_EQ(tree.get<unsigned int>("n_mpi_ranks"), 1u);
  EXPECT_EQ(tree.get<std::string>("fasciafe_version"), FASCIAFE_VERSION);
  EXPECT_EQ(tree.get<std::string>("git_hash"), FASCIAFE_GIT_HASH);
  EXPECT_EQ(tree.get<std::string>("start_time").back(), 'Z');

  info.finish(RunStatus::completed, "end time reached", 12);
  tree.clear();
  boost::property_tree::read_json(dir / "run.json", tree);
  EXPECT_EQ(tree.get<std::string>("status"), "completed");
  EXPECT_EQ(tree.get<std::string>("message"), "end time reached");
  EXPECT_EQ(tree.get<unsigned int>("n_steps"), 12u);
  EXPECT_GE(tree.get<double>("wall_time_s"), 0.0);
  EXPECT_EQ(tree.get<std::string>("end_time").size(), 20u);
  EXPECT_EQ(tree.get<std::string>("parameters.Output.Directory.value"),
            "results");
  EXPECT_EQ(tree.get<std::string>("parameters.Output.Interval.value"), "5");
  EXPECT_TRUE(temporary_files(dir.path).empty());
  EXPECT_ANY_THROW(RunInfo(dir.path, MPI_COMM_SELF, "", "{ not json"));
}



namespace
{
  /**
   * The gradient G of the test displacement u(x) = s G x (row: component).
   */
  constexpr double gradient[3][3] = {{0.1, 0.2, 0.0},
                                     {-0.3, 0.0, 0.05},
                                     {0.0, 0.4, 0.0}};

  /**
   * The test displacement u(x) = s G x: linear, so its Q1 interpolant is
   * exact at the nodes and its gradient is s G.
   */
  template <int dim>
  class LinearDisplacement : public Function<dim>
  {
  public:
    explicit LinearDisplacement(const double scale)
      : Function<dim>(dim)
      , scale(scale)
    {}

    double
    value(const Point<dim> &p, const unsigned int component) const override
    {
      double u = 0;
      for (unsigned int e = 0; e < dim; ++e)
        u += scale * gradient[component][e] * p[e];
      return u;
    }

    const double scale;
  };

  /**
   * The displacement gradient, a dim x dim tensor data set.
   */
  template <int dim>
  class DisplacementGradient : public DataPostprocessorTensor<dim>
  {
  public:
    DisplacementGradient()
      : DataPostprocessorTensor<dim>("grad_u", update_gradients)
    {}

    void
    evaluate_vector_field(const DataPostprocessorInputs::Vector<dim> &inputs,
                          std::vector<Vector<double>> &computed) const override
    {
      for (unsigned int q = 0; q < computed.size(); ++q)
        for (unsigned int d = 0; d < dim; ++d)
          for (unsigned int e = 0; e < dim; ++e)
            computed[q][Tensor<2, dim>::component_to_unrolled_index(
              TableIndices<2>(d, e))] = inputs.solution_gradients[q][d][e];
    }
  };

  /**
   * Write steps 1 and 2 (times 0.5 and 1, displacement scaled by the step)
   * of a Q1 displacement and a cell-wise scalar (the owning rank) on the
   * unit hyper cube refined @p n_refinements times, then check fields.h5
   * against the displacement function. Returns the number of cells.
   */
  template <int dim>
  unsigned int
  write_and_check_fields(const ScratchDirectory &dir,
                         const unsigned int      n_refinements)
  {
    const MPI_Comm                            comm = MPI_COMM_WORLD;
    parallel::distributed::Triangulation<dim> triangulation(comm);
    GridGenerator::hyper_cube(triangulation);
    triangulation.refine_global(n_refinements);
    const FESystem<dim> fe(FE_Q<dim>(1), dim);
    DoFHandler<dim>     dof_handler(triangulation);
    dof_handler.distribute_dofs(fe);

    FieldWriter<dim> writer(dir.path, comm);
    writer.set_unit("displacement", "m");
    for (unsigned int step = 1; step <= 2; ++step)
      {
        Vector<double> displacement(dof_handler.n_dofs());
        VectorTools::interpolate(dof_handler,
                                 LinearDisplacement<dim>(step),
                                 displacement);
        Vector<float> rank(triangulation.n_active_cells());
        rank = Utilities::MPI::this_mpi_process(comm);

        DataOut<dim> data_out;
        data_out.attach_dof_handler(dof_handler);
        data_out.add_data_vector(
          displacement,
          std::vector<std::string>(dim, "displacement"),
          DataOut<dim>::type_dof_data,
          std::vector<DataComponentInterpretation::DataComponentInterpretation>(
            dim,
            DataComponentInterpretation::component_is_part_of_vector));
        data_out.add_data_vector(rank, "rank", DataOut<dim>::type_cell_data);
        const DisplacementGradient<dim> gradient;
        data_out.add_data_vector(displacement, gradient);
        data_out.build_patches();
        writer.write(data_out, 0.5 * step, step);
      }
    EXPECT_ANY_THROW(writer.write(DataOut<dim>(), 3.0, 2));
    EXPECT_TRUE(exists(dir / "fields.h5.partial"));
    EXPECT_FALSE(exists(dir / "fields.h5"));
    MPI_Barrier(comm);
    writer.finalize();
    EXPECT_EQ(writer.n_steps_written(), 2u);
    EXPECT_ANY_THROW(writer.write(DataOut<dim>(), 3.0, 3));

    const unsigned int n_cells = triangulation.n_global_active_cells();
    const std::vector<unsigned int> n_owned_cells =
      Utilities::MPI::all_gather(comm,
                                 triangulation.n_locally_owned_active_cells());
    if (Utilities::MPI::this_mpi_process(comm) != 0)
      return n_cells;

    EXPECT_FALSE(exists(dir / "fields.h5.partial"));
    const hid_t file =
      H5Fopen((dir / "fields.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    EXPECT_GE(file, 0);
    EXPECT_EQ(string_attribute(file, "format"), "fasciafe-fields");
    const unsigned int n_vertices = GeometryInfo<dim>::vertices_per_cell;
    const unsigned int n_nodes    = n_vertices * n_cells;
    for (unsigned int step = 1; step <= 2; ++step)
      {
        const std::string group    = "/step_0000" + std::to_string(step);
        const hid_t       group_id = H5Gopen2(file, group.c_str(), H5P_DEFAULT);
        EXPECT_EQ(number_attribute(group_id, "time"), 0.5 * step);
        EXPECT_EQ(string_attribute(group_id, "time_unit"), "s");
        H5Gclose(group_id);

        std::vector<hsize_t> dims;
        const auto nodes = read_dataset<double>(file, group + "/nodes", dims);
        EXPECT_EQ(dims, (std::vector<hsize_t>{n_nodes, 3}));
        const auto cells =
          read_dataset<unsigned int>(file, group + "/cells", dims);
        EXPECT_EQ(dims, (std::vector<hsize_t>{n_cells, n_vertices}));
        // Every node belongs to exactly one cell.
        EXPECT_EQ(std::set<unsigned int>(cells.begin(), cells.end()).size(),
                  n_nodes);
        EXPECT_EQ(*std::max_element(cells.begin(), cells.end()), n_nodes - 1);

        // The displacement is stored with 3 components, its gradient as a
        // 3x3 tensor, also in 2D; patches hold single-precision values.
        const auto u =
          read_dataset<double>(file, group + "/displacement", dims);
        EXPECT_EQ(dims, (std::vector<hsize_t>{n_nodes, 3}));
        const auto grad = read_dataset<double>(file, group + "/grad_u", dims);
        EXPECT_EQ(dims, (std::vector<hsize_t>{n_nodes, 9}));
        for (unsigned int n = 0; n < n_nodes && u.size() == 3 * n_nodes &&
                                 grad.size() == 9 * n_nodes;
             ++n)
          for (unsigned int d = 0; d < 3; ++d)
            {
              double exact = 0;
              for (unsigned int e = 0; e < dim; ++e)
                {
                  exact += step * gradient[d][e] * nodes[3 * n + e];
                  EXPECT_NEAR(grad[9 * n + 3 * d + e],
                              d < dim ? step * gradient[d][e] : 0.0,
                              1e-6);
                }
              EXPECT_NEAR(u[3 * n + d], d < dim ? exact : 0.0, 1e-7);
              EXPECT_TRUE(d < dim || nodes[3 * n + d] == 0.0);
              if (dim == 2)
                {
                  EXPECT_EQ(grad[9 * n + 3 * d + 2], 0.0);
                }
            }
        const auto rank = read_dataset<double>(file, group + "/rank", dims);
        EXPECT_EQ(dims, (std::vector<hsize_t>{n_nodes}));
        // Each rank's cells, and so nodes, were written in their place.
        for (unsigned int r = 0; r < n_owned_cells.size(); ++r)
          EXPECT_EQ(std::count(rank.begin(), rank.end(), r),
                    n_vertices * n_owned_cells[r]);
      }
    const hid_t u = H5Dopen2(file, "/step_00002/displacement", H5P_DEFAULT);
    EXPECT_EQ(string_attribute(u, "unit"), "m");
    H5Dclose(u);
    H5Fclose(file);
    return n_cells;
  }

  /**
   * Check solution.pvd, the pvtu and vtu files and fields.xdmf.
   */
  void
  check_paraview_files(const ScratchDirectory &dir, const std::string &shape)
  {
    if (Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) != 0)
      return;
    const std::string pvd = read_text(dir / "solution.pvd");
    for (const std::string step : {"00001", "00002"})
      {
        EXPECT_NE(pvd.find("file=\"vtu/solution_" + step + ".pvtu\""),
                  std::string::npos);
        const std::string pvtu =
          read_text(dir / ("vtu/solution_" + step + ".pvtu"));
        for (unsigned int r = 0;
             r < Utilities::MPI::n_mpi_processes(MPI_COMM_WORLD);
             ++r)
          {
            const std::string piece = "solution_" + step + "." +
                                      Utilities::int_to_string(r, 4) + ".vtu";
            EXPECT_NE(pvtu.find(piece), std::string::npos) << piece;
            EXPECT_TRUE(exists(dir / ("vtu/" + piece))) << piece;
          }
      }
    EXPECT_NE(pvd.find("timestep=\"0.5\""), std::string::npos) << pvd;

    boost::property_tree::ptree xdmf;
    boost::property_tree::read_xml(dir / "fields.xdmf", xdmf);
    const auto &collection = xdmf.get_child("Xdmf.Domain.Grid");
    EXPECT_EQ(collection.get<std::string>("<xmlattr>.CollectionType"),
              "Temporal");
    std::vector<std::string> names;
    for (const auto &grid : collection)
      if (grid.first == "Grid")
        {
          names.push_back(grid.second.get<std::string>("<xmlattr>.Name"));
          EXPECT_EQ(grid.second.get<std::string>(
                      "Topology.<xmlattr>.TopologyType"),
                    shape);
          EXPECT_EQ(grid.second.get<std::string>("Geometry.DataItem"),
                    "fields.h5:/" + names.back() + "/nodes");
        }
    EXPECT_EQ(names, (std::vector<std::string>{"step_00001", "step_00002"}));
    EXPECT_NE(
      read_text(dir / "fields.xdmf").find("fields.h5:/step_00002/displacement"),
      std::string::npos);
    EXPECT_TRUE(temporary_files(dir.path).empty());
  }
} // namespace



TEST(FieldWriter, DistributedMesh2dWritesPvdPvtuHdf5AndXdmf)
{
  const ScratchDirectory dir(MPI_COMM_WORLD);
  EXPECT_EQ(write_and_check_fields<2>(dir, 2), 16u);
  check_paraview_files(dir, "Quadrilateral");
}

TEST(FieldWriter, DistributedMesh3dWritesHexahedra)
{
  const ScratchDirectory dir(MPI_COMM_WORLD);
  EXPECT_EQ(write_and_check_fields<3>(dir, 2), 64u);
  check_paraview_files(dir, "Hexahedron");
}

TEST(FieldWriter, RankWithoutCellsTakesPart)
{
  // One cell: on several ranks all but one own nothing.
  const ScratchDirectory dir(MPI_COMM_WORLD);
  EXPECT_EQ(write_and_check_fields<2>(dir, 0), 1u);
  check_paraview_files(dir, "Quadrilateral");
}



int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
