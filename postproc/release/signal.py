"""Device signal model: what a device on the tip would record of a run.

From the history (docs/output.md) the model takes the tip reaction force
`force_z` [N] (what a load cell measures under displacement control) and
the apex depth `depth` [m] (what a displacement sensor measures under
force control) and turns them into a sampled sensor record:

  1. sampling at `sampling_rate` f_s [Hz]: t_k = t_0 + k / f_s over the
     run, the history linearly interpolated between its rows;
  2. drift: + drift_rate (t_k - t_0)  [N/s or m/s];
  3. sensor noise: + N(0, noise_std^2), independent per sample, from
     numpy's default_rng seeded by (seed, crc32(key)), key the last
     component of the run's directory, so the same seed and run give the
     same record wherever the runs lie;
  4. quantisation (ADC): round(x / q) q, q the step [N or m] (0: none);
  5. optional first-order low-pass filter (firmware), the backward-Euler
     discretisation of tau dy/dt + y = x:
         y_k = y_{k-1} + a (x_k - y_{k-1}),  a = dt / (tau + dt),
     y_0 = x_0, dt = 1 / f_s. On a ramp x = r t its steady-state lag is
     exactly tau (see ramp_lag()); an exponential exp(-t/T) is delayed by
     T ln c, c = a q / (q - 1 + a), q = exp(-dt/T) (exponential_delay()),
     which tends to tau for tau << T.

The detection window is the hold phase of the protocol (the device knows
its own protocol): from the phase's first history row to the first row of
the next phase (docs/release_detection.md).
"""

import math
import zlib

import numpy as np

from . import InputError

MEASURES = ("auto", "force", "depth", "both")


def ramp_lag(tau, dt):
    """Steady-state lag [s] of the filter on a ramp: exactly tau."""
    a = dt / (tau + dt)
    return (1. - a) * dt / a


def exponential_delay(tau, dt, decay_time):
    """Delay [s] of the filtered exp(-t/T) (T = decay_time) against the
    unfiltered one, after the filter's start-up transient has died out:
    the particular solution is c exp(-t/T) with c = a q / (q - 1 + a)."""
    if tau <= 0.:
        return 0.
    a = dt / (tau + dt)
    q = math.exp(-dt / decay_time)
    return decay_time * math.log(a * q / (q - 1. + a))


def low_pass(x, dt, tau):
    """First-order low-pass filter (backward Euler), y_0 = x_0."""
    x = np.asarray(x, dtype=float)
    if tau <= 0. or x.size == 0:
        return x.copy()
    a = dt / (tau + dt)
    y = np.empty_like(x)
    acc = x[0]
    for k, v in enumerate(x):
        acc += a * (v - acc)
        y[k] = acc
    return y


class Channel:
    """Sensor parameters of one channel (force [N] or depth [m])."""

    def __init__(self, noise_std=0., quantisation=0., drift=0.):
        self.noise_std = float(noise_std)
        self.quantisation = float(quantisation)
        self.drift = float(drift)


class Signal:
    """A sampled device record: t [s]; force [N] and/or depth [m] (None if
    not measured); the noise-free values `true_force`, `true_depth`;
    window = (t_start, t_end) [s] of the hold phase; control
    'displacement' or 'force'; dt = 1 / f_s [s]."""

    def __init__(self, name, t, dt, force, depth, true_force, true_depth,
                 window, control):
        self.name = name
        self.t = t
        self.dt = dt
        self.force = force
        self.depth = depth
        self.true_force = true_force
        self.true_depth = true_depth
        self.window = window
        self.control = control

    def in_window(self):
        """Boolean mask of the samples inside the detection window."""
        return (self.t >= self.window[0] - 1e-9 * self.dt) & (
            self.t <= self.window[1] + 1e-9 * self.dt)


class SignalModel:
    """The device's sensor model (parameters in SI units, see module doc).

    measure               'auto' (force under displacement control, depth
                          under force control), 'force', 'depth', 'both'
    sampling_rate         f_s [Hz] > 0
    force, depth          Channel: noise_std, quantisation, drift
    filter_time_constant  tau [s] >= 0 (0: no filter)
    seed                  integer seed of the noise
    hold_phase            index of the protocol phase to watch, or None
                          (auto, see hold_phase_of())
    force_column          history column of the force (force_z)
    """

    def __init__(self, measure="auto", sampling_rate=100., force=None,
                 depth=None, filter_time_constant=0., seed=12345,
                 hold_phase=None, force_column="force_z"):
        if measure not in MEASURES:
            raise InputError(f"signal.measure: '{measure}' is not one of "
                             f"{', '.join(MEASURES)}")
        if not sampling_rate > 0.:
            raise InputError(f"signal.sampling_rate: {sampling_rate} Hz is "
                             f"out of range (0, inf)")
        if not filter_time_constant >= 0.:
            raise InputError(f"signal.filter_time_constant: "
                             f"{filter_time_constant} s is out of range "
                             f"[0, inf)")
        self.measure = measure
        self.sampling_rate = float(sampling_rate)
        self.force = force or Channel()
        self.depth = depth or Channel()
        for label, ch in (("force", self.force), ("depth", self.depth)):
            if ch.noise_std < 0. or ch.quantisation < 0.:
                raise InputError(f"signal.{label}_noise_std and "
                                 f"signal.{label}_quantisation must be >= 0")
        self.filter_time_constant = float(filter_time_constant)
        self.seed = int(seed)
        self.hold_phase = hold_phase
        self.force_column = force_column

    @property
    def dt(self):
        return 1. / self.sampling_rate

    def rng(self, name):
        """The noise generator of the run with key `name`: seeded by
        (seed, crc32(name))."""
        return np.random.default_rng([self.seed & 0xffffffff,
                                      zlib.crc32(name.encode())])

    def process(self, t, x, channel, rng):
        """Steps 2-5 of the model on the sampled true values x(t)."""
        y = np.asarray(x, dtype=float) + channel.drift * (t - t[0])
        noise = rng.standard_normal(len(t))
        if channel.noise_std > 0.:
            y = y + channel.noise_std * noise
        if channel.quantisation > 0.:
            y = np.round(y / channel.quantisation) * channel.quantisation
        return low_pass(y, self.dt, self.filter_time_constant)

    def sample_times(self, t0, t1):
        n = int(math.floor((t1 - t0) * self.sampling_rate * (1. + 1e-12)))
        return t0 + np.arange(n + 1) * self.dt

    def sample(self, run):
        """The Signal of `run` (history.Run)."""
        phase, control = hold_phase_of(run, self.hold_phase,
                                       self.force_column)
        measure = self.measure
        if measure == "auto":
            measure = "depth" if control == "force" else "force"
        need = ["phase", "depth"]
        if measure in ("force", "both"):
            need.append(self.force_column)
        run.require(need, f"the device signal (measure '{measure}')")
        window = phase_window(run, phase)
        time = run.time
        t = self.sample_times(time[0], time[-1])
        rng = self.rng(run.noise_key)
        true_depth = np.interp(t, time, run.columns["depth"])
        true_force = (np.interp(t, time, run.columns[self.force_column])
                      if self.force_column in run.columns else None)
        # Both channels always draw their noise (force first), so that the
        # choice of measure does not change a channel's record.
        force = depth = None
        if true_force is not None:
            f = self.process(t, true_force, self.force, rng)
            force = f if measure in ("force", "both") else None
        d = self.process(t, true_depth, self.depth, rng)
        depth = d if measure in ("depth", "both") else None
        return Signal(run.name, t, self.dt, force, depth, true_force,
                      true_depth, window, control)


def _phase_kinds(run):
    """Kinds of the protocol phases from run.json, or None if unknown."""
    ptype = run.parameter("Protocol/Type")
    if ptype == "phases":
        text = run.parameter("Protocol/Phases", "") or ""
        return [e.split()[0] for e in text.split(";") if e.split()]
    if ptype == "ramp-hold-unload":
        kinds = ["ramp"]
        try:
            if float(run.parameter("Protocol/Hold time", "0")) > 0.:
                kinds.append("hold")
        except ValueError:
            pass
        return kinds + ["unload"]
    if ptype == "table":
        text = run.parameter("Protocol/Table", "") or ""
        pts = []
        for e in text.split(";"):
            w = e.split()
            if len(w) == 2:
                pts.append(float(w[1]))
        kinds = []
        for a, b in zip(pts[:-1], pts[1:]):
            kinds.append("hold" if a == b and a > 0. else
                         ("ramp" if b > a else "unload"))
        return kinds
    return None


def hold_phase_of(run, requested=None, force_column="force_z"):
    """(phase index, control) of the phase the device watches.

    requested: an explicit phase index, else the first `force` phase of a
    phase list (force control), else its first `hold` phase (ramp-hold-
    unload: the hold; table: the first constant segment at positive
    depth), else the phase of the row of the largest force."""
    kinds = _phase_kinds(run)
    if requested is not None:
        control = ("force" if kinds and requested < len(kinds)
                   and kinds[requested] in ("force", "force-ramp")
                   else "displacement")
        return int(requested), control
    if kinds:
        for i, k in enumerate(kinds):
            if k == "force":
                return i, "force"
        for i, k in enumerate(kinds):
            if k == "hold":
                return i, "displacement"
    run.require(["phase", force_column], "finding the hold phase")
    i = int(np.argmax(run.columns[force_column]))
    return int(run.columns["phase"][i]), "displacement"


def phase_window(run, phase):
    """(t_start, t_end) [s]: the first history row of `phase` to the first
    row of a later phase (the phase's end; the last row if none)."""
    ph = run.column("phase", "the detection window")
    rows = np.flatnonzero(ph == phase)
    if rows.size == 0:
        raise InputError(f"run '{run.name}': its history has no row of "
                         f"protocol phase {phase} (the hold phase to watch)")
    t = run.time
    later = np.flatnonzero(ph > phase)
    later = later[later > rows[0]]
    t_end = t[later[0]] if later.size else t[-1]
    return float(t[rows[0]]), float(t_end)
