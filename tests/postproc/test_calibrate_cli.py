"""fasciafe calibrate (postproc/calibrate.py) on synthetic runs whose
answers are known in closed form (synthetic.py): the recommended
force-drop threshold against the analytic boundary, the output schema,
reproducibility, and the bad-input errors."""

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from synthetic import ROOT, history, release_time, write_run  # noqa: E402

SCRIPT = os.path.join(ROOT, "postproc", "calibrate.py")
DEPTHS = (0.0015, 0.0025)
HOLDS = (5.0, 30.0)
RELAX, T_RELAX, RAMP = 0.3, 10.0, 1.0


def calibrate(*args):
    p = subprocess.run(["/usr/bin/python3", SCRIPT, *args],
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


class Calibrate(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="calibrate_test_")
        cls.runs = []
        cls.truth = {}
        for i, (d, h) in enumerate([(d, h) for d in DEPTHS for h in HOLDS]):
            path = os.path.join(cls.tmp, f"run_{i}")
            cols = history(d, h, relax=RELAX, t_relax=T_RELAX, ramp=RAMP)
            write_run(path, cols, h, fmt="h5" if i % 2 else "csv")
            cls.runs.append(path)
            cls.truth[path] = (d, h, release_time(cols))
        cls.edges = "0.001,0.002,0.003"

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def out(self, name):
        return os.path.join(self.tmp, name)

    def test_recommended_force_drop_threshold_is_the_analytic_boundary(self):
        """Per depth class (one short hold that never releases, one long
        hold that does): the drop 0.3 (1 - exp(-s / 10 s)) reaches the value
        delta* it has at the true release t_r; a threshold below delta*
        detects early, so the recommendation is the first scanned
        threshold >= delta* (scan step 0.005), with latency
        -10 ln(1 - delta / 0.3) + t_ramp - t_r (0.02 s: the 100 Hz
        sampling and the linear interpolation of the 0.1 s history)."""
        out = self.out("main")
        rc, so, se = calibrate(*self.runs, "--output", out, "--set",
                               f"depth_classes={self.edges}")
        self.assertEqual(rc, 0, se)
        with open(os.path.join(out, "calibration.json")) as f:
            doc = json.load(f)
        rows = {(r["depth_min"], r["rule"]): r for r in doc["table"]}
        step = (0.5 - 0.005) / 99
        for d in DEPTHS:
            t_r = [v[2] for v in self.truth.values()
                   if v[0] == d and v[2] is not None][0]
            delta_star = RELAX * (1. - math.exp(-(t_r - RAMP) / T_RELAX))
            key = (0.001, "force_drop") if d < 0.002 else (0.002,
                                                           "force_drop")
            row = rows[key]
            print(f"depth {d} m: t_r {t_r} s, delta* {delta_star:.4f}, "
                  f"recommended {row['threshold']:.4f}, latency "
                  f"{row['expected_latency']:.4f} s")
            self.assertGreaterEqual(row["threshold"], delta_star - 1e-3)
            self.assertLess(row["threshold"], delta_star + step + 1e-3)
            lat = -T_RELAX * math.log(1. - row["threshold"] / RELAX) \
                + RAMP - t_r
            self.assertAlmostEqual(row["expected_latency"], lat, delta=0.02)
            self.assertEqual(row["early_rate"], 0.)
            self.assertEqual(row["miss_rate"], 0.)
            self.assertEqual(row["tip"], "sphere")
            self.assertEqual(row["threshold_unit"], "1")
        # every rule that applies (force under displacement control) has a
        # row per depth class; creep_rate needs the depth channel
        self.assertEqual(sorted({r["rule"] for r in doc["table"]}),
                         ["combined", "force_drop", "force_rate"])
        self.assertEqual(len(doc["table"]), 6)
        with open(os.path.join(out, "calibration.csv")) as f:
            lines = f.read().splitlines()
        self.assertTrue(lines[0].startswith("# units: -,m,m,-,"))
        self.assertEqual(lines[1].split(",")[:9], [
            "tip", "depth_min", "depth_max", "rule", "threshold",
            "threshold_unit", "expected_latency", "miss_rate", "early_rate"])
        self.assertEqual(len(lines), 2 + 6)
        with h5py.File(os.path.join(out, "calibration.h5")) as f:
            for rule in ("force_drop", "force_rate", "combined"):
                g = f["roc"][rule]
                for ds in ("threshold", "true_positive_rate",
                           "false_positive_rate", "mean_latency",
                           "early_rate", "miss_rate"):
                    self.assertEqual(g[ds].shape, (100,))
                self.assertIn("threshold_unit", g.attrs)
                self.assertEqual(g["mean_latency"].attrs["unit"], "s")
            self.assertNotIn("creep_rate", f["roc"])
            np.testing.assert_array_equal(
                np.isnan(f["runs/release_time"][:]),
                [v[2] is None for v in self.truth.values()])
        figs = sorted(os.listdir(os.path.join(out, "figures")))
        self.assertIn("roc.png", figs)
        self.assertIn("roc.pdf", figs)
        self.assertEqual(len([x for x in figs if x.startswith("run_")]), 8)
        self.assertFalse([x for x in os.listdir(out) if ".tmp." in x])

    def test_same_input_and_seed_give_the_same_output(self):
        args = [*self.runs, "--no-figures", "--set",
                "signal.force_noise_std=1e-4", "--set",
                "signal.filter_time_constant=0.5"]
        a, b, c = self.out("rep_a"), self.out("rep_b"), self.out("rep_c")
        for o, seed in ((a, 1), (b, 1), (c, 2)):
            rc, _, se = calibrate(*args, "--output", o, "--set",
                                  f"signal.seed={seed}")
            self.assertEqual(rc, 0, se)
        for name in ("calibration.json", "calibration.csv"):
            with open(os.path.join(a, name)) as f, \
                    open(os.path.join(b, name)) as g:
                self.assertEqual(f.read(), g.read(), name)

        def datasets(path):
            out = {}
            with h5py.File(path) as f:
                f.visititems(lambda n, o: out.__setitem__(n, o[()])
                             if isinstance(o, h5py.Dataset) else None)
            return out
        da = datasets(os.path.join(a, "calibration.h5"))
        db = datasets(os.path.join(b, "calibration.h5"))
        dc = datasets(os.path.join(c, "calibration.h5"))
        self.assertEqual(sorted(da), sorted(db))
        for k in da:
            np.testing.assert_array_equal(da[k], db[k], err_msg=k)
        self.assertFalse(np.array_equal(da["detections/force_rate"],
                                        dc["detections/force_rate"],
                                        equal_nan=True))
        # the same runs elsewhere: the same noise, the same detections
        moved = []
        for r in self.runs:
            m = os.path.join(self.tmp, "moved", os.path.basename(r))
            shutil.copytree(r, m)
            moved.append(m)
        d = self.out("rep_d")
        rc, _, se = calibrate(*moved, *args[len(self.runs):], "--output", d,
                              "--set", "signal.seed=1")
        self.assertEqual(rc, 0, se)
        dd = datasets(os.path.join(d, "calibration.h5"))
        for k in da:
            if k != "runs/name":
                np.testing.assert_array_equal(da[k], dd[k], err_msg=k)

    def test_json_and_key_value_config_agree(self):
        j = self.out("cfg.json")
        with open(j, "w") as f:
            json.dump({"signal": {"sampling_rate": 50},
                       "rules": {"use": ["force_drop", "force_rate"],
                                 "force_rate": {"dwell": 2.0, "count": 20}},
                       "depth_classes": [0.001, 0.002, 0.003]}, f)
        k = self.out("cfg.txt")
        with open(k, "w") as f:
            f.write("# same as cfg.json\nsignal.sampling_rate = 50\n"
                    "rules.use = force_drop, force_rate\n"
                    "rules.force_rate.dwell = 2.0\n"
                    "rules.force_rate.count = 20\n"
                    "depth_classes = 0.001, 0.002, 0.003\n")
        outs = []
        for cfg in (j, k):
            o = self.out("cfg_" + os.path.basename(cfg))
            rc, _, se = calibrate(*self.runs, "--output", o, "--config",
                                  cfg, "--no-figures")
            self.assertEqual(rc, 0, se)
            with open(os.path.join(o, "calibration.csv")) as f:
                outs.append(f.read())
        self.assertEqual(outs[0], outs[1])
        self.assertEqual(len(outs[0].splitlines()), 2 + 4)

    def test_sweep_directory(self):
        sweep = self.out("sweep")
        cases = []
        for i, r in enumerate(self.runs + [None]):
            cid = f"{i:04d}"
            if r:
                shutil.copytree(r, os.path.join(sweep, "cases", cid))
            cases.append({"id": cid, "dir": f"cases/{cid}", "parameters": {},
                          "status": "done" if r else "failed",
                          "message": ""})
        with open(os.path.join(sweep, "sweep.json"), "w") as f:
            json.dump({"format": "fasciafe-sweep", "format_version": 1,
                       "base": "x.prm", "design": "grid", "axes": [],
                       "cases": cases}, f)
        o = self.out("sweep_out")
        rc, so, se = calibrate(sweep, "--output", o, "--no-figures")
        self.assertEqual(rc, 0, se)
        self.assertIn("skipping case", so)
        with open(os.path.join(o, "calibration.json")) as f:
            doc = json.load(f)
        self.assertEqual(len(doc["runs"]), 4)
        self.assertTrue(doc["runs"][0]["name"].endswith("sweep/0000"))

    def check_error(self, args, pattern, out=None):
        out = out or self.out("never_written")
        rc, so, se = calibrate(*args, "--output", out)
        self.assertEqual(rc, 2, se)
        self.assertRegex(se, r"\Afasciafe calibrate: error: " + pattern)
        self.assertEqual(len(se.strip().splitlines()), 1, se)
        if out == self.out("never_written"):
            self.assertFalse(os.path.exists(out))
        return se

    def test_history_without_needed_columns_names_the_run(self):
        bad = self.out("bad_run")
        write_run(bad, history(0.002, 30.), 30.,
                  drop=("lambda_mean_target",))
        self.check_error([self.runs[0], bad],
                         r"run '[^']*bad_run': its history lacks the "
                         r"column\(s\) lambda_mean_target")
        bad2 = self.out("bad_run_force")
        write_run(bad2, history(0.002, 30.), 30., drop=("force_z",))
        self.check_error([bad2, "--set", "signal.measure=force"],
                         r"run '[^']*bad_run_force'.*force_z")

    def test_empty_set_of_runs(self):
        self.check_error([], "no runs given")
        sweep = self.out("empty_sweep")
        os.makedirs(sweep)
        with open(os.path.join(sweep, "sweep.json"), "w") as f:
            json.dump({"format": "fasciafe-sweep", "format_version": 1,
                       "cases": [{"id": "0000", "dir": "cases/0000",
                                  "status": "failed"}]}, f)
        self.check_error([sweep], "the set of runs is empty")

    def test_thresholds_out_of_range(self):
        self.check_error([*self.runs, "--set",
                          "rules.force_drop.threshold_max=1.5"],
                         r".*rules.force_drop: threshold 1.5 1 is out of "
                         r"range \(0, 1\) for rule 'force_drop'")
        self.check_error([*self.runs, "--set",
                          "rules.force_rate.thresholds=0.01,-0.1"],
                         r".*rules.force_rate.thresholds: threshold -0.1")

    def test_other_bad_input_keeps_existing_output(self):
        out = self.out("keep")
        os.makedirs(out)
        with open(os.path.join(out, "calibration.json"), "w") as f:
            f.write("previous")
        self.check_error([*self.runs, "--set", "signal.nonsense=1"],
                         "--set: unknown key 'signal.nonsense'", out=out)
        self.check_error([*self.runs, "--config", self.out("missing.cfg")],
                         "config file '[^']*missing.cfg' cannot be read",
                         out=out)
        self.check_error([self.out("no_such_run")],
                         "run '[^']*no_such_run': directory", out=out)
        self.check_error([*self.runs, "--bogus"], "unrecognized arguments",
                         out=out)
        with open(os.path.join(out, "calibration.json")) as f:
            self.assertEqual(f.read(), "previous")

    def test_help(self):
        rc, so, _ = calibrate("--help")
        self.assertEqual(rc, 0)
        self.assertIn("fasciafe calibrate", so)
        self.assertIn("--config", so)


if __name__ == "__main__":
    unittest.main()
