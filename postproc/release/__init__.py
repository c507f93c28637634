"""Release detection for FasciaFE runs (docs/release_detection.md).

Modules:
  ground_truth  the true release time of a run from its tissue state;
  history       reading a run (history.h5 / history.csv, run.json);
  signal        the device's sensor model: sampling, noise, quantisation,
                drift and a first-order low-pass filter;
  rules         detection rules, one class each, and their registry;
  calibration   threshold scans, ROC, recommendation, output files;
  config        the calibration configuration (JSON or key=value);
  plots         the figures (matplotlib, headless).
"""


class InputError(Exception):
    """Bad input: reported as `fasciafe calibrate: error: ...`, exit 2."""
