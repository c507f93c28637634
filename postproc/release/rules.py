"""Release-detection rules: one class per rule, and the registry RULES.

Each rule watches one channel of a Signal (signal.py) inside the detection
window (the hold phase) and returns the detection time [s] - the time of
the sample at which the device would signal "released" - or None. The
threshold is the scanned parameter; the other parameters are fixed per
rule. Causal: the decision at sample k uses samples <= k only.

Definitions (x_k the channel's samples in the window, t_k their times,
m = max(1, round(rate_window / dt))):

  force_drop   relative drop from the running peak
                 delta_k = (max_{j<=k} F_j - F_k) / max_{j<=k} F_j
               detection: the first k with delta_k >= threshold [1].
  force_rate   force-rate flattening
                 r_k = |F_k - F_{k-m}| / ((t_k - t_{k-m}) |F_k|)   [1/s]
               detection: the first k at which r_j < threshold has held
               for every j in a run of samples spanning t_k - t_start >=
               dwell (the dwell time) [1/s].
  creep_rate   creep-rate flattening under force control: the same on the
               depth channel, r_k = |d_k - d_{k-m}| / ((t_k - t_{k-m})
               |d_k|) [1/s].
  combined     force_rate with the additional condition delta_k >=
               min_drop: the force has flattened AND dropped by at least
               min_drop since its peak [1/s].
"""

import math

import numpy as np

from . import InputError


class Rule:
    """Base class. Subclasses set name, channel, threshold_unit,
    threshold_range (lo, hi, lo_open, hi_open), default_threshold,
    default_scan (min, max, count, 'lin'|'log'), parameters
    {name: (default, unit, lo, description)} and implement
    detect_many()."""

    name = ""
    channel = "force"
    threshold_unit = "1"
    threshold_range = (0., math.inf, True, True)
    default_threshold = None
    default_scan = None
    parameters = {}
    description = ""

    def __init__(self, **params):
        self.params = {}
        for key, (default, unit, lo, _) in self.parameters.items():
            value = float(params.pop(key, default))
            if not value >= lo:
                raise InputError(f"rules.{self.name}.{key}: {value} {unit} "
                                 f"is out of range [{lo}, inf)")
            self.params[key] = value
        if params:
            raise InputError(f"rules.{self.name}: unknown parameter(s) "
                             f"{', '.join(sorted(params))} (known: "
                             f"{', '.join(self.parameters) or 'none'})")

    @classmethod
    def check_threshold(cls, value, where):
        lo, hi, lo_open, hi_open = cls.threshold_range
        bad = (value < lo or value > hi or (lo_open and value == lo)
               or (hi_open and value == hi) or math.isnan(value))
        if bad:
            lb = "(" if lo_open else "["
            rb = ")" if hi_open else "]"
            raise InputError(f"{where}: threshold {value!r} "
                             f"{cls.threshold_unit} is out of range "
                             f"{lb}{lo:g}, {hi:g}{rb} for rule '{cls.name}'")

    def applies(self, signal):
        return getattr(signal, self.channel) is not None

    def detect(self, signal, threshold):
        """Detection time [s] at `threshold`, or None."""
        t = self.detect_many(signal, [threshold])[0]
        return None if math.isnan(t) else float(t)

    def detect_many(self, signal, thresholds):
        """Detection times [s] (NaN: none), one per threshold."""
        raise NotImplementedError

    def describe(self):
        p = ", ".join(f"{k} = {v:g} {self.parameters[k][1]}"
                      for k, v in self.params.items())
        return f"{self.name} ({p})" if p else self.name


def _window(signal, channel):
    mask = signal.in_window()
    return signal.t[mask], getattr(signal, channel)[mask]


def drop_from_peak(x):
    """delta_k = (running max - x_k) / running max (0 where max <= 0)."""
    peak = np.maximum.accumulate(x)
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.where(peak > 0., (peak - x) / peak, 0.)
    return d


def relative_rate(t, x, m):
    """r_k = |x_k - x_{k-m}| / ((t_k - t_{k-m}) |x_k|); inf for k < m or
    x_k = 0."""
    r = np.full(len(x), np.inf)
    if len(x) > m:
        num = np.abs(x[m:] - x[:-m])
        den = (t[m:] - t[:-m]) * np.abs(x[m:])
        with np.errstate(divide="ignore", invalid="ignore"):
            r[m:] = np.where(den > 0., num / den, np.inf)
    return r


def dwell_satisfied(t, cond, dwell, dt):
    """D_k: cond has held at every sample from some j to k with
    t_k - t_j >= dwell (to 1e-9 dt)."""
    n = len(cond)
    if n == 0:
        return cond
    idx = np.arange(n)
    last_false = np.maximum.accumulate(np.where(~cond, idx, -1))
    start = np.minimum(last_false + 1, n - 1)
    return cond & (t - t[start] >= dwell - 1e-9 * dt)


def first_time(t, mask):
    i = np.flatnonzero(mask)
    return float(t[i[0]]) if i.size else math.nan


class ForceDropRule(Rule):
    name = "force_drop"
    channel = "force"
    threshold_unit = "1"
    threshold_range = (0., 1., True, True)
    default_threshold = 0.1
    default_scan = (0.005, 0.5, 100, "lin")
    parameters = {}
    description = ("relative force drop from the running peak >= "
                   "threshold")

    def detect_many(self, signal, thresholds):
        t, f = _window(signal, "force")
        d = drop_from_peak(f)
        return np.array([first_time(t, d >= th) for th in thresholds])


class _RateRule(Rule):
    threshold_unit = "1/s"
    threshold_range = (0., math.inf, True, True)
    default_threshold = 0.01
    default_scan = (1e-4, 0.3, 100, "log")
    parameters = {
        "dwell": (1.0, "s", 0.,
                  "time the rate must stay below the threshold"),
        "rate_window": (1.0, "s", 0.,
                        "span of the backward difference (at least one "
                        "sample)"),
    }

    def _rate(self, signal):
        t, x = _window(signal, self.channel)
        m = max(1, int(round(self.params["rate_window"] / signal.dt)))
        return t, x, relative_rate(t, x, m)

    def _extra(self, t, x):
        return np.ones(len(t), dtype=bool)

    def detect_many(self, signal, thresholds):
        t, x, r = self._rate(signal)
        extra = self._extra(t, x)
        out = []
        for th in thresholds:
            ok = dwell_satisfied(t, r < th, self.params["dwell"], signal.dt)
            out.append(first_time(t, ok & extra))
        return np.array(out)


class ForceRateRule(_RateRule):
    name = "force_rate"
    channel = "force"
    description = ("|dF/dt| / F < threshold for the dwell time")


class CreepRateRule(_RateRule):
    name = "creep_rate"
    channel = "depth"
    default_threshold = 0.005
    description = ("|dd/dt| / d < threshold for the dwell time (force "
                   "control)")


class CombinedRule(_RateRule):
    name = "combined"
    channel = "force"
    parameters = dict(_RateRule.parameters)
    parameters["min_drop"] = (0.05, "1", 0.,
                              "smallest relative drop from the peak")
    description = ("|dF/dt| / F < threshold for the dwell time and the "
                   "force dropped >= min_drop from its peak")

    def __init__(self, **params):
        super().__init__(**params)
        if not self.params["min_drop"] < 1.:
            raise InputError(f"rules.combined.min_drop: "
                             f"{self.params['min_drop']} is out of range "
                             f"[0, 1)")

    def _extra(self, t, x):
        return drop_from_peak(x) >= self.params["min_drop"]


RULES = {cls.name: cls for cls in (ForceDropRule, ForceRateRule,
                                   CreepRateRule, CombinedRule)}


def make_rule(name, **params):
    """An instance of the registered rule `name`."""
    if name not in RULES:
        raise InputError(f"unknown rule '{name}' (known: "
                         f"{', '.join(RULES)})")
    return RULES[name](**params)


def scan_values(rule_cls, lo=None, hi=None, count=None, spacing=None):
    """Thresholds of a scan: `count` values from lo to hi, linear or
    logarithmic (the rule's default_scan for what is not given)."""
    d_lo, d_hi, d_n, d_sp = rule_cls.default_scan
    lo = d_lo if lo is None else lo
    hi = d_hi if hi is None else hi
    count = d_n if count is None else int(count)
    spacing = d_sp if spacing is None else spacing
    if count < 1:
        raise InputError(f"rules.{rule_cls.name}.count: {count} must be "
                         f">= 1")
    if spacing not in ("lin", "log"):
        raise InputError(f"rules.{rule_cls.name}.spacing: '{spacing}' is "
                         f"not lin or log")
    if hi < lo:
        raise InputError(f"rules.{rule_cls.name}: threshold_max {hi} < "
                         f"threshold_min {lo}")
    for v in (lo, hi):
        rule_cls.check_threshold(v, f"rules.{rule_cls.name}")
    if count == 1:
        return np.array([lo])
    if spacing == "log":
        return np.geomspace(lo, hi, count)
    return np.linspace(lo, hi, count)
