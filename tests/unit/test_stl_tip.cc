// Unit tests of the tips read from files: the STL tip (VTK) against the
// analytic sphere and box, its placement (scale, rotation, apex), its
// distance cache, and the rejection of open, missing and non-STL files; the
// CAD tip (OpenCASCADE, STEP and IGES) against the exact sphere and a sewn,
// rotated box, its tessellation-based cache, and bad files.

#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <gtest/gtest.h>

#include <models/tip.h>
#include <models/tips/stl_tip.h>

#ifdef DEAL_II_WITH_OPENCASCADE
#  include <deal.II/opencascade/utilities.h>

#  include <BRepBuilderAPI_MakeFace.hxx>
#  include <BRepPrimAPI_MakeBox.hxx>
#  include <BRepPrimAPI_MakeSphere.hxx>
#  include <gp_Pln.hxx>
#endif

#include <array>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace dealii;
using namespace FasciaFE;
using namespace FasciaFE::Tips;

namespace
{
  using Triangle = std::array<Point<3>, 3>;

  const std::string data_dir = FASCIAFE_SOURCE_DIR "/tests/data/tips/";

  /** A scratch directory in the build tree. */
  std::string
  scratch(const std::string &name)
  {
    const std::filesystem::path dir =
      std::filesystem::path(FASCIAFE_BINARY_DIR) / "test_stl_tip_files";
    std::filesystem::create_directories(dir);
    return (dir / name).string();
  }

  /** Write @p triangles as an ASCII STL file (outward normals). */
  void
  write_ascii_stl(const std::string &file, const std::vector<Triangle> &tris)
  {
    std::ofstream out(file);
    out.precision(17);
    out << "solid test\n";
    for (const Triangle &t : tris)
      {
        Tensor<1, 3> n = cross_product_3d(t[1] - t[0], t[2] - t[0]);
        n /= n.norm();
        out << " facet normal " << n << "\n  outer loop\n";
        for (const Point<3> &p : t)
          out << "   vertex " << p << "\n";
        out << "  endloop\n endfacet\n";
      }
    out << "endsolid test\n";
  }

  /**
   * Icosphere of radius R about the origin with vertices at both poles,
   * @p n subdivisions (20 4^n triangles), outward oriented.
   */
  std::vector<Triangle>
  icosphere(const unsigned int n, const double R)
  {
    const double          z = 1. / std::sqrt(5.), r = 2. / std::sqrt(5.);
    std::vector<Point<3>> top{Point<3>(0, 0, 1)}, bottom{Point<3>(0, 0, -1)};
    std::vector<Triangle> tris;
    std::vector<Point<3>> upper_ring, lower_ring;
    for (unsigned int k = 0; k < 5; ++k)
      {
        const double a = 2 * numbers::PI * k / 5, b = a + numbers::PI / 5;
        upper_ring.emplace_back(r * std::cos(a), r * std::sin(a), z);
        lower_ring.emplace_back(r * std::cos(b), r * std::sin(b), -z);
      }
    for (unsigned int k = 0; k < 5; ++k)
      {
        const Point<3> &u0 = upper_ring[k], &u1 = upper_ring[(k + 1) % 5];
        const Point<3> &l0 = lower_ring[k], &l1 = lower_ring[(k + 1) % 5];
        tris.push_back(Triangle{{top[0], u0, u1}});
        tris.push_back(Triangle{{bottom[0], l1, l0}});
        tris.push_back(Triangle{{u0, l0, u1}});
        tris.push_back(Triangle{{u1, l0, l1}});
      }
    const auto unit = [](const Point<3> &p) { return Point<3>(p / p.norm()); };
    for (unsigned int s = 0; s < n; ++s)
      {
        std::vector<Triangle> finer;
        for (const Triangle &t : tris)
          {
            const Point<3> ab = unit(t[0] + t[1]), bc = unit(t[1] + t[2]),
                           ca = unit(t[2] + t[0]);
            finer.push_back(Triangle{{t[0], ab, ca}});
            finer.push_back(Triangle{{t[1], bc, ab}});
            finer.push_back(Triangle{{t[2], ca, bc}});
            finer.push_back(Triangle{{ab, bc, ca}});
          }
        tris = finer;
      }
    for (Triangle &t : tris)
      {
        for (Point<3> &p : t)
          p *= R;
        if (cross_product_3d(t[1] - t[0], t[2] - t[0]) * (t[0] + t[1] + t[2]) <
            0.)
          std::swap(t[1], t[2]);
      }
    return tris;
  }

  /**
   * Box [0, a] x [0, b] x [0, c] with a centre vertex on every face (4
   * triangles per face), so that its lowest point is the bottom centre.
   */
  std::vector<Triangle>
  box(const double a, const double b, const double c)
  {
    std::vector<Triangle> tris;
    const Point<3>        center(a / 2, b / 2, c / 2);
    const double          size[3] = {a, b, c};
    for (unsigned int d = 0; d < 3; ++d)
      for (const double side : {0., 1.})
        {
          const unsigned int e = (d + 1) % 3, f = (d + 2) % 3;
          Point<3>           corner[4], mid;
          for (unsigned int q = 0; q < 4; ++q)
            {
              corner[q][d] = side * size[d];
              corner[q][e] = ((q == 1 || q == 2) ? size[e] : 0.);
              corner[q][f] = (q >= 2 ? size[f] : 0.);
            }
          mid    = corner[0] + 0.5 * (corner[2] - corner[0]);
          mid[d] = side * size[d];
          for (unsigned int q = 0; q < 4; ++q)
            {
              Triangle t{{mid, corner[q], corner[(q + 1) % 4]}};
              if (cross_product_3d(t[1] - t[0], t[2] - t[0]) * (mid - center) <
                  0.)
                std::swap(t[1], t[2]);
              tris.push_back(t);
            }
        }
    return tris;
  }

  /** The tip @p shape ("STL", "CAD") of @p file with the given settings. */
  std::unique_ptr<Tip>
  make_file_tip(const std::string                                      &shape,
                const std::string                                      &file,
                const std::vector<std::pair<std::string, std::string>> &set)
  {
    ParameterHandler prm;
    TipRegistry::instance().declare_all(prm);
    prm.enter_subsection(shape);
    prm.set("File", file);
    for (const auto &[entry, value] : set)
      prm.set(entry, value);
    prm.leave_subsection();
    return TipRegistry::instance().create(shape, prm);
  }

  /** The STL tip of @p file with the given settings of its subsection. */
  std::unique_ptr<Tip>
  make_stl_tip(const std::string                                      &file,
               const std::vector<std::pair<std::string, std::string>> &set = {})
  {
    return make_file_tip("STL", file, set);
  }

  /** Creating the tip @p shape of @p file throws an InputError naming it. */
  void
  expect_rejected(const std::string &file,
                  const std::string &what,
                  const std::string &shape = "STL")
  {
    try
      {
        make_file_tip(shape, file, {});
        ADD_FAILURE() << "no InputError for " << file;
      }
    catch (const InputError &e)
      {
        const std::string message = e.what();
        EXPECT_NE(message.find(file), std::string::npos) << message;
        EXPECT_NE(message.find(what), std::string::npos) << message;
        std::cout << "    " << message << std::endl;
      }
  }

  /** Random points in [lower, upper]. */
  std::vector<Point<3>>
  random_points(const Point<3>    &lower,
                const Point<3>    &upper,
                const unsigned int n,
                const unsigned int seed = 1)
  {
    std::mt19937                           random(seed);
    std::uniform_real_distribution<double> u(0., 1.);
    std::vector<Point<3>>                  points(n);
    for (Point<3> &x : points)
      for (unsigned int d = 0; d < 3; ++d)
        x[d] = lower[d] + u(random) * (upper[d] - lower[d]);
    return points;
  }
} // namespace

TEST(StlTip, CommittedBinaryIcosphereMatchesTheSphere)
{
  // 320 triangles, radius 10 mm in the file, scale 0.001: R = 0.01 m.
  const std::unique_ptr<Tip> tip =
    make_stl_tip(data_dir + "icosphere_r10mm.stl", {{"Cache resolution", "0"}});
  const double   R = 0.01;
  const Point<3> c(0., 0., R);
  EXPECT_FALSE(tip->is_axisymmetric());
  EXPECT_LE(tip->lateral_extent(), R * (1. + 1e-6));
  EXPECT_GT(tip->lateral_extent(), 0.95 * R);

  // The lowest vertex (the pole) is the apex.
  EXPECT_NEAR(tip->signed_distance(Point<3>()), 0., 1e-15);
  EXPECT_NEAR(tip->signed_distance(Point<3>(0., 0., -0.002)), 0.002, 1e-15);
  // The tessellation error: the largest gap between sphere and facets.
  const double sagitta = R + tip->signed_distance(c);
  EXPECT_GT(sagitta, 0.);
  EXPECT_LT(sagitta, 0.02 * R);

  double max_error = 0., max_gradient_error = 0.;
  for (const Point<3> &x : random_points(Point<3>(-2 * R, -2 * R, -R),
                                         Point<3>(2 * R, 2 * R, 3 * R),
                                         2000))
    {
      Tensor<1, 3> g;
      const double phi        = tip->signed_distance(x, &g);
      const double phi_sphere = x.distance(c) - R;
      EXPECT_LE(std::abs(phi - phi_sphere), sagitta * (1. + 1e-9)) << x;
      if (phi_sphere > 0.)
        {
          EXPECT_GE(phi, phi_sphere - 1e-15) << x;
        }
      EXPECT_NEAR(g.norm(), 1., 1e-12);
      max_error = std::max(max_error, std::abs(phi - phi_sphere));
      if (x.distance(c) > 0.5 * R)
        max_gradient_error =
          std::max(max_gradient_error, (g - (x - c) / x.distance(c)).norm());
    }
  EXPECT_LT(max_gradient_error, 0.35);
  std::cout << "    320 triangles: sagitta " << sagitta << " m (" << sagitta / R
            << " R), max |phi - phi_sphere| " << max_error
            << " m, max |grad - n_sphere| " << max_gradient_error << std::endl;
}

TEST(StlTip, FineAsciiIcosphereAccuracyAndHessian)
{
  // 5120 triangles written in mm at run time (ASCII).
  const double      R_mm = 10., R = 0.01;
  const std::string file = scratch("icosphere_fine.stl");
  write_ascii_stl(file, icosphere(4, R_mm));
  const double step = 0.0008; // about the edge length
  const auto   tip  = make_stl_tip(file,
                                {{"Cache resolution", "0"},
                                    {"Hessian step", std::to_string(step)}});
  const auto  *stl  = dynamic_cast<const StlTip *>(tip.get());
  ASSERT_NE(stl, nullptr);
  EXPECT_EQ(stl->n_triangles(), 5120u);
  const Point<3> c(0., 0., R);
  const double   sagitta = R + tip->signed_distance(c);
  EXPECT_LT(sagitta, 0.003 * R);

  double max_error = 0., max_gradient_error = 0., max_hessian_error = 0.,
         mean_hessian_error = 0.;
  unsigned int n_near       = 0;
  for (const Point<3> &x : random_points(Point<3>(-1.5 * R, -1.5 * R, -0.5 * R),
                                         Point<3>(1.5 * R, 1.5 * R, 2.5 * R),
                                         1000,
                                         2))
    {
      Tensor<1, 3>          g;
      SymmetricTensor<2, 3> H;
      const double          phi  = tip->signed_distance(x, &g, &H);
      const double          dist = x.distance(c);
      EXPECT_LE(std::abs(phi - (dist - R)), sagitta * (1. + 1e-9)) << x;
      max_error = std::max(max_error, std::abs(phi - (dist - R)));
      if (dist > 0.5 * R)
        {
          const Tensor<1, 3> n = (x - c) / dist;
          max_gradient_error   = std::max(max_gradient_error, (g - n).norm());
        }
      // Near the surface outside: the FD Hessian against the sphere's
      // (I - n n) / |x - c|.
      if (phi > 0. && phi < 0.3 * R)
        {
          const Tensor<1, 3>    n = (x - c) / dist;
          SymmetricTensor<2, 3> H_sphere;
          for (unsigned int i = 0; i < 3; ++i)
            for (unsigned int j = i; j < 3; ++j)
              H_sphere[i][j] = ((i == j ? 1. : 0.) - n[i] * n[j]) / dist;
          const double e    = (H - H_sphere).norm() / H_sphere.norm();
          max_hessian_error = std::max(max_hessian_error, e);
          mean_hessian_error += e;
          ++n_near;
        }
    }
  mean_hessian_error /= n_near;
  EXPECT_LT(max_gradient_error, 0.1);
  EXPECT_LT(mean_hessian_error, 0.5);
  std::cout << "    5120 triangles (mean edge " << stl->mean_edge_length()
            << " m): sagitta " << sagitta << " m, max |phi - phi_sphere| "
            << max_error << " m, max |grad - n_sphere| " << max_gradient_error
            << "; FD Hessian (step " << step << " m) vs sphere, " << n_near
            << " points within 0.3 R outside: mean rel. error "
            << mean_hessian_error << ", max " << max_hessian_error << std::endl;
}

TEST(StlTip, BoxDistanceIsExactAndPlacementRotates)
{
  // Box 10 x 20 x 30 mm: placed with its bottom centre at the origin.
  const std::string file = scratch("box.stl");
  write_ascii_stl(file, box(10., 20., 30.));
  const double a = 0.01, b = 0.02, c = 0.03;
  const auto   box_distance = [](const Point<3> &x, const Tensor<1, 3> &half) {
    Tensor<1, 3> q;
    for (unsigned int d = 0; d < 3; ++d)
      q[d] = std::abs(x[d]) - half[d];
    Tensor<1, 3> outside;
    for (unsigned int d = 0; d < 3; ++d)
      outside[d] = std::max(q[d], 0.);
    return outside.norm() + std::min(std::max({q[0], q[1], q[2]}), 0.);
  };

  const auto tip = make_stl_tip(file, {{"Cache resolution", "0"}});
  EXPECT_NEAR(tip->lateral_extent(), std::hypot(a / 2, b / 2), 1e-15);
  double max_error = 0.;
  for (const Point<3> &x : random_points(Point<3>(-a, -b, -0.01),
                                         Point<3>(a, b, c + 0.01),
                                         2000,
                                         3))
    {
      Tensor<1, 3> g;
      const double phi   = tip->signed_distance(x, &g);
      const double exact = box_distance(Point<3>(x - Point<3>(0., 0., c / 2)),
                                        Tensor<1, 3>({a / 2, b / 2, c / 2}));
      EXPECT_NEAR(phi, exact, 1e-15) << x;
      max_error = std::max(max_error, std::abs(phi - exact));
      // Gradient: central differences of the exact box distance.
      Tensor<1, 3> fd;
      for (unsigned int d = 0; d < 3; ++d)
        {
          Point<3> xp = x, xm = x;
          xp[d] += 1e-8;
          xm[d] -= 1e-8;
          fd[d] = (box_distance(Point<3>(xp - Point<3>(0., 0., c / 2)),
                                Tensor<1, 3>({a / 2, b / 2, c / 2})) -
                   box_distance(Point<3>(xm - Point<3>(0., 0., c / 2)),
                                Tensor<1, 3>({a / 2, b / 2, c / 2}))) /
                  2e-8;
        }
      if (std::abs(fd.norm() - 1.) < 1e-6) // not on the medial set
        {
          EXPECT_LT((g - fd).norm(), 1e-6) << x;
        }
    }
  std::cout << "    box: max |phi - phi_box| " << max_error << " m"
            << std::endl;

  // Rotated by 90 deg about x: y and z extents swap, the bottom centre is
  // again the apex.
  const auto rotated =
    make_stl_tip(file, {{"Cache resolution", "0"}, {"Rotation", "90, 0, 0"}});
  EXPECT_NEAR(rotated->lateral_extent(), std::hypot(a / 2, c / 2), 1e-15);
  EXPECT_NEAR(rotated->signed_distance(Point<3>(0., 0., -0.001)), 0.001, 1e-15);
  EXPECT_NEAR(rotated->signed_distance(Point<3>(0., 0., b + 0.001)),
              0.001,
              1e-15);
  EXPECT_NEAR(rotated->signed_distance(Point<3>(0., c / 2 + 0.002, b / 2)),
              0.002,
              1e-15);
  // Scale 1: the file read in m (a 10 m box).
  const auto unscaled =
    make_stl_tip(file, {{"Cache resolution", "0"}, {"Scale factor", "1"}});
  EXPECT_NEAR(unscaled->signed_distance(Point<3>(0., 0., 15.)), -5., 1e-12);
}

TEST(StlTip, CacheAgreesWithTheExactQuery)
{
  const auto tip =
    make_stl_tip(data_dir + "icosphere_r10mm.stl",
                 {{"Cache resolution", "48"}, {"Cache padding", "0.01"}});
  const auto *stl = dynamic_cast<const StlTip *>(tip.get());
  ASSERT_NE(stl, nullptr);
  const double h = stl->cache().spacing();
  EXPECT_NEAR(h, 0.04 / 48, 1e-12);
  double       max_error = 0.;
  unsigned int n_cached  = 0;
  const auto   points    = random_points(Point<3>(-0.025, -0.025, -0.015),
                                    Point<3>(0.025, 0.025, 0.035),
                                    20000,
                                    4);
  for (const Point<3> &x : points)
    {
      Tensor<1, 3> g, g_exact;
      const double phi   = tip->signed_distance(x, &g);
      const double exact = stl->exact_signed_distance(x, &g_exact);
      if (phi != exact)
        {
          ++n_cached;
          EXPECT_GT(phi, 3. * h);
          EXPECT_GT(exact, (3. - std::sqrt(3.)) * h);
          EXPECT_LE(std::abs(phi - exact), std::sqrt(3.) * h) << x;
          max_error = std::max(max_error, std::abs(phi - exact));
        }
      else
        EXPECT_LT((g - g_exact).norm(), 1e-14);
    }
  EXPECT_GT(n_cached, points.size() / 3);

  // Timing of a cached and an exact query.
  using clock    = std::chrono::steady_clock;
  const auto t0  = clock::now();
  double     sum = 0.;
  for (const Point<3> &x : points)
    sum += tip->signed_distance(x);
  const auto t1 = clock::now();
  for (const Point<3> &x : points)
    sum += stl->exact_signed_distance(x);
  const auto t2 = clock::now();
  std::cout << "    cache h = " << h << " m, " << stl->cache().n_nodes()
            << " nodes; " << n_cached << " of " << points.size()
            << " points cached, max |phi_cache - phi| " << max_error << " m ("
            << max_error / h << " h); time per query: cache/exact mix "
            << std::chrono::duration<double, std::micro>(t1 - t0).count() /
                 points.size()
            << " us, exact "
            << std::chrono::duration<double, std::micro>(t2 - t1).count() /
                 points.size()
            << " us" << (sum == 0. ? " " : "") << std::endl;
}

TEST(StlTip, RejectsOpenMissingAndNonStlFiles)
{
  expect_rejected(data_dir + "icosphere_r10mm_open.stl",
                  "not a closed manifold surface: 5 boundary");
  expect_rejected(data_dir + "no_such_tip.stl", "does not exist");
  expect_rejected(data_dir + "not_an_stl.stl", "is not an STL file");
  // Truncated binary STL: the triangle count promises more than the file.
  const std::string truncated = scratch("truncated.stl");
  {
    std::ifstream in(data_dir + "icosphere_r10mm.stl", std::ios::binary);
    std::string   bytes((std::istreambuf_iterator<char>(in)),
                      std::istreambuf_iterator<char>());
    std::ofstream(truncated, std::ios::binary) << bytes.substr(0, 1000);
  }
  expect_rejected(truncated, "is not an STL file");
  try
    {
      make_stl_tip("");
      ADD_FAILURE() << "no InputError for an empty File";
    }
  catch (const InputError &e)
    {
      EXPECT_NE(std::string(e.what()).find("File"), std::string::npos);
    }
}

TEST(StlTip, IsRegistered)
{
  const auto names = TipRegistry::instance().names();
  EXPECT_NE(std::find(names.begin(), names.end(), "STL"), names.end());
#ifdef DEAL_II_WITH_OPENCASCADE
  EXPECT_NE(std::find(names.begin(), names.end(), "CAD"), names.end());
#endif
}

#ifdef DEAL_II_WITH_OPENCASCADE
TEST(CadTip, StepSphereIsTheExactSphere)
{
  // A sphere of radius 10 mm about (5, -3, 2) mm, written as STEP.
  const std::string file = scratch("sphere.step");
  OpenCASCADE::write_STEP(
    BRepPrimAPI_MakeSphere(gp_Pnt(5., -3., 2.), 10.).Shape(),
    file);
  const auto     tip = make_file_tip("CAD", file, {{"Cache resolution", "0"}});
  const double   R   = 0.01;
  const Point<3> c(0., 0., R);
  EXPECT_NEAR(tip->signed_distance(Point<3>(0., 0., -0.002)), 0.002, 1e-9);
  EXPECT_NEAR(tip->signed_distance(Point<3>()), 0., 1e-9);
  EXPECT_NEAR(tip->signed_distance(c), -R, 1e-9);
  EXPECT_NEAR(tip->lateral_extent(), R, 2e-5);
  EXPECT_FALSE(tip->is_axisymmetric());

  double     max_error = 0., max_gradient_error = 0.;
  const auto points = random_points(Point<3>(-2 * R, -2 * R, -R),
                                    Point<3>(2 * R, 2 * R, 3 * R),
                                    300,
                                    5);
  const auto start  = std::chrono::steady_clock::now();
  for (const Point<3> &x : points)
    {
      Tensor<1, 3> g;
      const double phi  = tip->signed_distance(x, &g);
      const double dist = x.distance(c);
      EXPECT_NEAR(phi, dist - R, 1e-9) << x;
      max_error = std::max(max_error, std::abs(phi - (dist - R)));
      if (dist > 0.1 * R)
        {
          EXPECT_LT((g - (x - c) / dist).norm(), 1e-6) << x;
          max_gradient_error =
            std::max(max_gradient_error, (g - (x - c) / dist).norm());
        }
    }
  const double time = std::chrono::duration<double, std::micro>(
                        std::chrono::steady_clock::now() - start)
                        .count() /
                      points.size();
  std::cout << "    STEP sphere: max |phi - phi_sphere| " << max_error
            << " m, max |grad - n| " << max_gradient_error << ", " << time
            << " us per exact query" << std::endl;

  // The default Hessian: central differences (step 1e-6 m) of the exact
  // gradient, against (I - n n) / |x - c| (away from the centre).
  double max_hessian_error = 0.;
  for (const Point<3> &x : random_points(Point<3>(-2 * R, -2 * R, -R),
                                         Point<3>(2 * R, 2 * R, 3 * R),
                                         100,
                                         8))
    {
      const double dist = x.distance(c);
      if (dist < 0.2 * R)
        continue;
      Tensor<1, 3>          g;
      SymmetricTensor<2, 3> H, H_sphere;
      tip->signed_distance(x, &g, &H);
      const Tensor<1, 3> n = (x - c) / dist;
      for (unsigned int i = 0; i < 3; ++i)
        for (unsigned int j = i; j < 3; ++j)
          H_sphere[i][j] = ((i == j ? 1. : 0.) - n[i] * n[j]) / dist;
      const double e = (H - H_sphere).norm() / H_sphere.norm();
      EXPECT_LT(e, 1e-4) << x;
      max_hessian_error = std::max(max_hessian_error, e);
    }
  std::cout << "    STEP sphere: FD Hessian (step 1e-6 m) max rel. error "
            << max_hessian_error << std::endl;
}

TEST(CadTip, IgesBoxIsSewnRotatedAndExact)
{
  // IGES holds the box's faces only: they are sewn into a solid.
  const double      a = 10., b = 20., c = 30.; // mm
  const std::string file = scratch("box.igs");
  OpenCASCADE::write_IGES(BRepPrimAPI_MakeBox(a, b, c).Shape(), file);
  const auto tip =
    make_file_tip("CAD",
                  file,
                  {{"Cache resolution", "0"}, {"Rotation", "30, 20, 10"}});

  // The same placement by hand: Q = Q_z Q_y Q_x, lowest corner to 0.
  const auto rotation = [](const unsigned int axis, const double degrees) {
    Tensor<2, 3>       Q;
    const double       t = degrees * numbers::PI / 180.;
    const unsigned int i = (axis + 1) % 3, j = (axis + 2) % 3;
    Q[axis][axis] = 1.;
    Q[i][i] = Q[j][j] = std::cos(t);
    Q[i][j]           = -std::sin(t);
    Q[j][i]           = std::sin(t);
    return Q;
  };
  const Tensor<2, 3> Q = rotation(2, 10.) * rotation(1, 20.) * rotation(0, 30.);
  Point<3>           apex(0., 0., 1e9);
  for (unsigned int k = 0; k < 8; ++k)
    {
      const Point<3> corner(
        Q * Point<3>((k & 1) * a, ((k >> 1) & 1) * b, ((k >> 2) & 1) * c) *
        0.001);
      if (corner[2] < apex[2])
        apex = corner;
    }
  const auto box_distance = [&](const Point<3> &x) {
    // In the file frame [mm], about the box centre.
    const Tensor<1, 3> p =
      transpose(Q) * (x + apex) / 0.001 - Tensor<1, 3>({a / 2, b / 2, c / 2});
    Tensor<1, 3> q, outside;
    for (unsigned int d = 0; d < 3; ++d)
      {
        q[d]       = std::abs(p[d]) - Tensor<1, 3>({a / 2, b / 2, c / 2})[d];
        outside[d] = std::max(q[d], 0.);
      }
    return 0.001 *
           (outside.norm() + std::min(std::max({q[0], q[1], q[2]}), 0.));
  };
  EXPECT_NEAR(tip->signed_distance(Point<3>(0., 0., -0.001)), 0.001, 1e-9);
  double max_error = 0.;
  for (const Point<3> &x : random_points(Point<3>(-0.04, -0.04, -0.01),
                                         Point<3>(0.04, 0.04, 0.04),
                                         300,
                                         6))
    {
      const double phi = tip->signed_distance(x);
      EXPECT_NEAR(phi, box_distance(x), 1e-9) << x;
      max_error = std::max(max_error, std::abs(phi - box_distance(x)));
    }
  std::cout << "    IGES box (sewn, rotated): max |phi - phi_box| " << max_error
            << " m" << std::endl;
}

TEST(CadTip, CacheFromTheTessellationAgreesWithTheExactQuery)
{
  const std::string file = scratch("sphere_cache.step");
  OpenCASCADE::write_STEP(BRepPrimAPI_MakeSphere(gp_Pnt(), 10.).Shape(), file);
  const auto  tip = make_file_tip("CAD", file, {{"Cache resolution", "16"}});
  const auto *cad = dynamic_cast<const SurfaceTip *>(tip.get());
  ASSERT_NE(cad, nullptr);
  ASSERT_FALSE(cad->cache().empty());
  const double h         = cad->cache().spacing();
  double       max_error = 0.;
  unsigned int n_cached  = 0;
  for (const Point<3> &x : random_points(Point<3>(-0.02, -0.02, -0.01),
                                         Point<3>(0.02, 0.02, 0.03),
                                         300,
                                         7))
    {
      const double phi   = tip->signed_distance(x);
      const double exact = cad->exact_signed_distance(x);
      if (phi != exact)
        {
          ++n_cached;
          EXPECT_GT(exact, 0.);
          EXPECT_LE(std::abs(phi - exact), std::sqrt(3.) * h + 1e-5);
          max_error = std::max(max_error, std::abs(phi - exact));
        }
    }
  EXPECT_GT(n_cached, 30u);
  std::cout << "    CAD cache h = " << h << " m: " << n_cached
            << " of 300 points cached, max |phi_cache - phi| " << max_error
            << " m" << std::endl;
}

TEST(CadTip, RejectsMissingMalformedAndOpenFiles)
{
  expect_rejected(scratch("no_such_tip.step"), "does not exist", "CAD");
  expect_rejected(data_dir + "icosphere_r10mm.stl", "must end in", "CAD");
  const std::string text = scratch("not_a_step.step");
  std::ofstream(text) << "This is not a STEP file.\n";
  expect_rejected(text, "could not be read as STEP", "CAD");
  // A single face: no solid, no closed shell.
  const std::string face = scratch("face.step");
  OpenCASCADE::write_STEP(BRepBuilderAPI_MakeFace(gp_Pln(gp_Pnt(),
                                                         gp_Dir(0., 0., 1.)),
                                                  0.,
                                                  1.,
                                                  0.,
                                                  1.)
                            .Face(),
                          face);
  expect_rejected(face, "closed shell", "CAD");
}
#endif

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
