"""Ground truth: release time by lambda level, released volume, both."""

import math
import os
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from synthetic import history, write_run  # noqa: E402

from release import InputError  # noqa: E402
from release.ground_truth import GroundTruth  # noqa: E402
from release.history import load_run  # noqa: E402


class Definitions(unittest.TestCase):
    def run_of(self, d, hold=30., fmt="csv", **kw):
        cols = history(0.002, hold, **kw)
        write_run(d, cols, hold, fmt=fmt)
        return load_run(d, "r"), cols

    def test_lambda_level_matches_closed_form(self):
        """lambda = 1 - (1 - l_ss)(1 - e^{-k s}) < L from s = -ln(1 -
        (1 - L)/(1 - l_ss)) / k after the ramp: the first history row
        (dt 0.1 s) at or after it."""
        for fmt in ("csv", "h5"):
            with tempfile.TemporaryDirectory() as d:
                run, _ = self.run_of(d, fmt=fmt)
                for level in (0.5, 0.8):
                    s = -math.log(1. - (1. - level) / 0.7) / 0.1
                    got = GroundTruth("lambda", level).release_time(run)
                    self.assertGreaterEqual(got, 1.0 + s - 1e-9)
                    self.assertLess(got, 1.0 + s + 0.1 + 1e-9)
                # the run's Release threshold (0.5) is the default level
                self.assertEqual(GroundTruth().release_time(run),
                                 GroundTruth("lambda", 0.5).release_time(run))

    def test_never(self):
        with tempfile.TemporaryDirectory() as d:
            run, _ = self.run_of(d, hold=3.)
            self.assertIsNone(GroundTruth().release_time(run))

    def test_volume_and_both(self):
        with tempfile.TemporaryDirectory() as d:
            run, cols = self.run_of(d)
            v = cols["released_volume_target"]
            level = 0.5 * v.max()
            expect = cols["time"][np.flatnonzero(v > level)[0]]
            self.assertEqual(GroundTruth("volume", None, level)
                             .release_time(run), expect)
            both = GroundTruth("both", 0.45, 0.).release_time(run)
            lam = GroundTruth("lambda", 0.45).release_time(run)
            self.assertEqual(both, max(lam, GroundTruth(
                "volume").release_time(run)))

    def test_missing_column_names_the_run(self):
        with tempfile.TemporaryDirectory() as d:
            cols = history(0.002, 30.)
            write_run(d, cols, 30., drop=("lambda_mean_target",))
            run = load_run(d, "run X")
            with self.assertRaisesRegex(InputError, "run 'run X'.*"
                                        "lambda_mean_target"):
                GroundTruth().release_time(run)

    def test_bad_definition(self):
        with self.assertRaisesRegex(InputError, "criterion"):
            GroundTruth("area")
        with self.assertRaisesRegex(InputError, "lambda_level"):
            GroundTruth("lambda", 1.5)
        with self.assertRaisesRegex(InputError, "volume_level"):
            GroundTruth("volume", None, -1.)


if __name__ == "__main__":
    unittest.main()
