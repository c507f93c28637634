"""Device signal model: filter lag, noise statistics and seed, drift,
quantisation, sampling, the hold window."""

import os
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from synthetic import history, write_run  # noqa: E402

from release import InputError  # noqa: E402
from release.history import load_run  # noqa: E402
from release.signal import (Channel, SignalModel,  # noqa: E402
                            exponential_delay, low_pass, ramp_lag)


class Filter(unittest.TestCase):
    def test_ramp_lag_is_tau(self):
        """y of x = r t lags x by exactly tau (backward-Euler
        coefficient a): y_k = r (t_k - tau) + r tau (1 - a)^k, the last
        term the start-up transient (y_0 = x_0), to 1e-9 r tau."""
        dt, tau, r = 0.01, 0.5, 2.0
        t = np.arange(1001) * dt
        y = low_pass(r * t, dt, tau)
        a = dt / (tau + dt)
        exact = r * (t - tau) + r * tau * (1. - a) ** np.arange(len(t))
        self.assertLess(np.max(np.abs(y - exact)), 1e-9 * r * tau)
        self.assertAlmostEqual(ramp_lag(tau, dt), tau, places=12)

    def test_exponential_delay(self):
        """Filtered exp(-t/T) equals exp(-(t - delay)/T) after the
        transient, to 1e-9."""
        dt, tau, T = 0.01, 1.0, 10.0
        t = np.arange(0., 60., dt)
        y = low_pass(np.exp(-t / T), dt, tau)
        delay = exponential_delay(tau, dt, T)
        late = t > 30 * tau
        np.testing.assert_allclose(y[late], np.exp(-(t[late] - delay) / T),
                                   rtol=1e-9)
        self.assertGreater(delay, tau)
        self.assertLess(delay, tau * (1. + tau / T))

    def test_no_filter_is_identity(self):
        x = np.array([1., 3., 2.])
        np.testing.assert_array_equal(low_pass(x, 0.1, 0.), x)


class Sensor(unittest.TestCase):
    def test_noise_std_and_reproducibility(self):
        m = SignalModel(sampling_rate=1000., force=Channel(noise_std=0.01),
                        seed=7)
        t = m.sample_times(0., 20.)
        a = m.process(t, np.zeros_like(t), m.force, m.rng("run a"))
        b = m.process(t, np.zeros_like(t), m.force, m.rng("run a"))
        c = m.process(t, np.zeros_like(t), m.force, m.rng("run b"))
        np.testing.assert_array_equal(a, b)
        self.assertFalse(np.array_equal(a, c))
        # sample std of 20001 values: within 3 % (5 standard errors)
        self.assertAlmostEqual(np.std(a) / 0.01, 1., delta=0.03)
        self.assertLess(abs(np.mean(a)), 5 * 0.01 / np.sqrt(len(a)))

    def test_filtered_noise_variance(self):
        """Filtered white noise has variance a / (2 - a) sigma^2."""
        m = SignalModel(sampling_rate=100., force=Channel(noise_std=1.),
                        filter_time_constant=0.1, seed=3)
        t = m.sample_times(0., 2000.)
        y = m.process(t, np.zeros_like(t), m.force, m.rng("x"))
        a = m.dt / (0.1 + m.dt)
        self.assertAlmostEqual(np.var(y[100:]) / (a / (2. - a)), 1.,
                               delta=0.05)

    def test_drift_and_quantisation(self):
        m = SignalModel(sampling_rate=10., force=Channel(
            quantisation=0.5, drift=0.1))
        t = m.sample_times(0., 10.)
        y = m.process(t, np.full(len(t), 1.0), m.force, m.rng("x"))
        np.testing.assert_allclose(y, np.round((1. + 0.1 * t) / 0.5) * 0.5)
        self.assertEqual(len(t), 101)
        self.assertAlmostEqual(t[-1], 10.)

    def test_bad_parameters(self):
        with self.assertRaisesRegex(InputError, "signal.sampling_rate"):
            SignalModel(sampling_rate=0.)
        with self.assertRaisesRegex(InputError, "signal.measure"):
            SignalModel(measure="pressure")
        with self.assertRaisesRegex(InputError, "filter_time_constant"):
            SignalModel(filter_time_constant=-1.)


class FromRun(unittest.TestCase):
    def test_window_is_the_hold_and_force_is_interpolated(self):
        with tempfile.TemporaryDirectory() as d:
            cols = history(0.002, 10.)
            write_run(d, cols, 10.)
            run = load_run(d, "r")
            sig = SignalModel(sampling_rate=50.).sample(run)
            self.assertEqual(sig.control, "displacement")
            self.assertAlmostEqual(sig.window[0], 1.0)
            self.assertAlmostEqual(sig.window[1], 11.0)
            self.assertIsNone(sig.depth)
            np.testing.assert_allclose(
                sig.force, np.interp(sig.t, cols["time"], cols["force_z"]))
            both = SignalModel(measure="both").sample(run)
            self.assertIsNotNone(both.depth)

    def test_force_controlled_phase_is_watched_by_depth(self):
        """A phase list with a `force` phase: force control, auto measure
        = depth, the window is that phase; creep_rate applies, the force
        rules do not."""
        import json
        from release.rules import CreepRateRule, ForceRateRule
        with tempfile.TemporaryDirectory() as d:
            cols = history(0.002, 20.)
            write_run(d, cols, 20.)
            with open(os.path.join(d, "run.json")) as f:
                info = json.load(f)
            info["parameters"]["Protocol"] = {
                "Type": {"value": "phases"},
                "Phases": {"value": "force-ramp 1 0.05; force 20 0.05; "
                                    "unload 1"}}
            with open(os.path.join(d, "run.json"), "w") as f:
                json.dump(info, f)
            sig = SignalModel().sample(load_run(d, "r"))
            self.assertEqual(sig.control, "force")
            self.assertIsNone(sig.force)
            self.assertIsNotNone(sig.depth)
            self.assertEqual(sig.window, (1.0, 21.0))
            self.assertTrue(CreepRateRule().applies(sig))
            self.assertFalse(ForceRateRule().applies(sig))

    def test_missing_force_column_names_the_run(self):
        with tempfile.TemporaryDirectory() as d:
            write_run(d, history(0.002, 10.), 10., drop=("force_z",))
            run = load_run(d, "my run")
            with self.assertRaisesRegex(InputError,
                                        "run 'my run'.*force_z"):
                SignalModel(measure="force").sample(run)


if __name__ == "__main__":
    unittest.main()
