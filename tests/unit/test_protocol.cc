/**
 * Loading protocols: the phase list (type "phases"): phase times, nominal
 * and run-time (relative) depths, the cyclic and rest phases, force
 * targets of force and force-ramp phases, and errors naming the phase;
 * the ramp-hold-unload and table types keep their depths; the cycle
 * boundaries that the steps of a cyclic phase end on.
 */
#include <deal.II/base/mpi.h>
#include <deal.II/base/numbers.h>

#include <gtest/gtest.h>

#include <solver/cycle_predictor.h>
#include <solver/exceptions.h>
#include <solver/protocol.h>

#include <cmath>

using namespace FasciaFE;

TEST(Protocol, PhaseListTimesAndDepths)
{
  Protocol p;
  p.parse_phases("ramp 2 0.003; hold 10; cyclic 4 0.001 0.5; unload 1; "
                 "rest 5",
                 0.001);
  ASSERT_EQ(p.phases.size(), 5u);
  EXPECT_DOUBLE_EQ(p.end_time(), 22.);
  EXPECT_DOUBLE_EQ(p.phases[2].t_start, 12.);
  // Ramp from -gap to 3 mm.
  EXPECT_DOUBLE_EQ(p.depth(0.), -0.001);
  EXPECT_DOUBLE_EQ(p.depth(1.), 0.001);
  EXPECT_DOUBLE_EQ(p.depth(0, 2., 0.), 0.003);
  // Hold: the start depth of the run (relative), nominally 3 mm.
  EXPECT_DOUBLE_EQ(p.depth(5.), 0.003);
  EXPECT_DOUBLE_EQ(p.depth(1, 5., 0.0025), 0.0025);
  // Cyclic about the start depth: d0 + A sin(2 pi f t').
  EXPECT_NEAR(p.depth(2, 12.5, 0.003),
              0.003 + 0.001 * std::sin(2. * numbers::PI * 0.5 * 0.5),
              1e-15);
  // Unload from the start depth to -gap; rest lifted at once.
  EXPECT_DOUBLE_EQ(p.depth(3, 16.5, 0.002), 0.0005);
  EXPECT_DOUBLE_EQ(p.depth(4, 16.1, 0.002), -0.001);
  for (unsigned int k = 0; k < 5; ++k)
    EXPECT_FALSE(p.force_controlled(k));
}

TEST(Protocol, CyclicStepsEndOnTheSamePointsOfEveryCycle)
{
  Protocol p;
  p.parse_phases("ramp 0.5 0.002; cyclic 1.05 0.0005 10", 0.);
  const Protocol::Phase &c = p.phases[1];
  // Largest step 0.03 s: each 0.1 s cycle in n = 4 steps of 0.025 s.
  EXPECT_NEAR(next_cycle_point(c, 0.5, 0.03), 0.525, 1e-15);
  EXPECT_NEAR(next_cycle_point(c, 0.51, 0.03), 0.525, 1e-15);
  // Up to rounding on a point, the next one.
  EXPECT_NEAR(next_cycle_point(c, 0.6 - 1e-13, 0.03), 0.625, 1e-15);
  // A largest step that divides the cycle: exactly it (n = 8).
  EXPECT_NEAR(next_cycle_point(c, 1.4, 0.0125), 1.4125, 1e-15);
  // The phase end caps the last point.
  EXPECT_NEAR(next_cycle_point(c, 1.54, 0.03), 1.55, 1e-15);
  // No larger than one cycle.
  EXPECT_NEAR(next_cycle_point(c, 0.5, 1.), 0.6, 1e-15);
}

TEST(Protocol, ForcePhasesGiveTargets)
{
  Protocol p;
  p.parse_phases("force-ramp 2 47; force 180 47; unload 2", 0.);
  EXPECT_TRUE(p.force_controlled(0));
  EXPECT_TRUE(p.force_controlled(1));
  EXPECT_FALSE(p.force_controlled(2));
  EXPECT_DOUBLE_EQ(p.force(0, 1., 0.), 23.5);
  EXPECT_DOUBLE_EQ(p.force(0, 1., 10.), 28.5);
  EXPECT_DOUBLE_EQ(p.force(1, 100., 0.), 47.);
  // The depth of a force phase is the run's; unloading starts from it.
  EXPECT_DOUBLE_EQ(p.depth(1, 100., 0.004), 0.004);
  EXPECT_DOUBLE_EQ(p.depth(2, 183., 0.004), 0.002);
}

namespace
{
  /** Each phase list must be rejected with a message containing its text. */
  void
  expect_errors(const std::vector<std::pair<std::string, std::string>> &cases)
  {
    Protocol p;
    for (const auto &[text, message] : cases)
      try
        {
          p.parse_phases(text, 0.);
          ADD_FAILURE() << text;
        }
      catch (const InputError &e)
        {
          EXPECT_NE(std::string(e.what()).find(message), std::string::npos)
            << e.what();
        }
  }
} // namespace

TEST(Protocol, BadPhasesNameThePhase)
{
  expect_errors(
    {{"ramp 1 0.001; push 2", "phase 2 ('push 2'): unknown kind"},
     {"ramp 1", "phase 1 ('ramp 1'): 'ramp' takes a duration and 1"},
     {"hold 0", "phase 1 ('hold 0'): the duration must be > 0 s"},
     {"force 1 -5", "phase 1 ('force 1 -5'): the force must be > 0 N"},
     {"cyclic 1 0.001 0", "the frequency must be > 0"},
     {"ramp 1 abc", "cannot read a number"}});
}

TEST(Protocol, TableKeepsItsDepths)
{
  Protocol p;
  p.set_table({{0., 0.}, {1., 0.002}, {3., 0.002}, {4., 0.}});
  EXPECT_DOUBLE_EQ(p.depth(0.5), 0.001);
  EXPECT_DOUBLE_EQ(p.depth(2.), 0.002);
  EXPECT_DOUBLE_EQ(p.depth(3.5, 123.), 0.001); // not relative
  EXPECT_FALSE(p.force_controlled(1));
}

TEST(Protocol, RollingStrokesGoBackAndForth)
{
  Protocol p;
  // 3 strokes of 10 mm at 5 mm/s: 6 s, x: 0 -> 10 -> 0 -> 10 mm.
  p.parse_phases("ramp 1 0.002; move 2 -0.005; roll 3 0.01 0.005; "
                 "slide 2 0.004 0.002 12",
                 0.);
  ASSERT_EQ(p.phases.size(), 4u);
  EXPECT_DOUBLE_EQ(p.phases[2].t_end - p.phases[2].t_start, 6.);
  EXPECT_DOUBLE_EQ(p.phases[3].t_end - p.phases[3].t_start, 4.);
  EXPECT_DOUBLE_EQ(p.lateral(0.5), 0.);
  EXPECT_DOUBLE_EQ(p.lateral(2.), -0.0025);
  EXPECT_DOUBLE_EQ(p.lateral(3.), -0.005);
  EXPECT_NEAR(p.lateral(4.), -0.005 + 0.005, 1e-15);
  EXPECT_NEAR(p.lateral(5.), 0.005, 1e-15);
  EXPECT_NEAR(p.lateral(6.), 0.0, 1e-15);
  EXPECT_NEAR(p.lateral(7.), -0.005, 1e-15);
  EXPECT_NEAR(p.lateral(9.), 0.005, 1e-15);
  // The depth is held while the tip moves.
  EXPECT_DOUBLE_EQ(p.depth(2, 5., 0.002), 0.002);
  // Slide back and forth: 0.005 -> 0.009 -> 0.005, under force control.
  EXPECT_NEAR(p.lateral(11.), 0.009, 1e-15);
  EXPECT_NEAR(p.lateral(13.), 0.005, 1e-15);
  EXPECT_TRUE(p.force_controlled(3));
  EXPECT_DOUBLE_EQ(p.force(3, 11., 0.), 12.);
  EXPECT_FALSE(p.force_controlled(2));
  const auto [lo, hi] = p.lateral_range();
  EXPECT_DOUBLE_EQ(lo, -0.005);
  EXPECT_DOUBLE_EQ(hi, 0.009);
  EXPECT_TRUE(p.moves_laterally());
  EXPECT_TRUE(p.rolls());
  EXPECT_DOUBLE_EQ(p.phases[2].speed, 0.005);
}

TEST(Protocol, BadMovingPhasesNameThePhase)
{
  expect_errors(
    {{"ramp 1 0.001; roll 4 0.01 0",
      "phase 2 ('roll 4 0.01 0'): the speed must be > 0 m/s (a speed of "
      "0 with 4 stroke(s) never ends)"},
     {"roll 0 0.01 0.01", "whole number >= 1"},
     {"roll 1.5 0.01 0.01", "whole number >= 1"},
     {"slide 2 -0.01 0.01", "the stroke length must be > 0 m"},
     {"roll 2 0.01", "takes strokes N, stroke length L [m], speed v"},
     {"slide 2 0.01 0.01 -3", "the force must be > 0 N"},
     {"move 1", "'move' takes a duration and 1 value(s)"}});
}



int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
