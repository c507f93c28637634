"""Ground truth: the time at which the target region of a run releases.

The true tissue state is in the history (docs/output.md):
`lambda_mean_target` (reference-volume mean of the structure parameter in
the target region, 1) and `released_volume_target` (reference volume of
the target with lambda below the run's release threshold, m^3). The
release time is the FIRST HISTORY TIME t_i at which the chosen criterion
holds (no interpolation between rows, as in the sweep summary):

  lambda  lambda_mean_target(t_i) < lambda_level
  volume  released_volume_target(t_i) > volume_level
  both    both of the above at the same row

`lambda_level` defaults to the run's `Target region/Release threshold`
(run.json), the default definition of the sweep interface. A region that
never meets the criterion has release time None ("never").
"""

import numpy as np

from . import InputError

CRITERIA = ("lambda", "volume", "both")


class GroundTruth:
    """Release-time definition.

    criterion     'lambda', 'volume' or 'both'
    lambda_level  level of lambda_mean_target [1], in (0, 1]; None: the
                  run's Target region/Release threshold
    volume_level  level of released_volume_target [m^3], >= 0
    """

    def __init__(self, criterion="lambda", lambda_level=None,
                 volume_level=0.):
        if criterion not in CRITERIA:
            raise InputError(f"ground_truth.criterion: '{criterion}' is not "
                             f"one of {', '.join(CRITERIA)}")
        if lambda_level is not None and not 0. < lambda_level <= 1.:
            raise InputError(f"ground_truth.lambda_level: {lambda_level} is "
                             f"out of range (0, 1]")
        if not volume_level >= 0.:
            raise InputError(f"ground_truth.volume_level: {volume_level} m^3 "
                             f"is out of range [0, inf)")
        self.criterion = criterion
        self.lambda_level = lambda_level
        self.volume_level = volume_level

    def columns(self):
        """History columns the definition needs."""
        c = []
        if self.criterion in ("lambda", "both"):
            c.append("lambda_mean_target")
        if self.criterion in ("volume", "both"):
            c.append("released_volume_target")
        return c

    def level_for(self, run):
        """lambda level used for `run` [1]."""
        if self.lambda_level is not None:
            return self.lambda_level
        value = run.parameter("Target region/Release threshold")
        if value is None:
            raise InputError(f"run '{run.name}': run.json has no parameter "
                             f"'Target region/Release threshold' (set "
                             f"ground_truth.lambda_level)")
        try:
            return float(value)
        except ValueError:
            raise InputError(f"run '{run.name}': Target region/Release "
                             f"threshold '{value}' is not a number")

    def mask(self, run):
        """Boolean array: criterion holds at each history row."""
        run.require(self.columns(),
                    f"the ground truth (criterion '{self.criterion}')")
        ok = np.ones(len(run.time), dtype=bool)
        if self.criterion in ("lambda", "both"):
            ok &= run.columns["lambda_mean_target"] < self.level_for(run)
        if self.criterion in ("volume", "both"):
            ok &= run.columns["released_volume_target"] > self.volume_level
        return ok

    def release_time(self, run):
        """First history time [s] at which the criterion holds, or None."""
        ok = self.mask(run)
        idx = np.flatnonzero(ok)
        return float(run.time[idx[0]]) if idx.size else None

    def describe(self):
        parts = []
        if self.criterion in ("lambda", "both"):
            level = ("the run's Target region/Release threshold"
                     if self.lambda_level is None else repr(self.lambda_level))
            parts.append(f"lambda_mean_target < {level}")
        if self.criterion in ("volume", "both"):
            parts.append(f"released_volume_target > {self.volume_level!r} "
                         f"m^3")
        return " and ".join(parts)
