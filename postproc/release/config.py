"""Calibration configuration: a JSON file (nested objects) or a text file
of `key = value` lines (`#` comments), plus `--set key=value` overrides.
Keys are dotted paths; JSON objects are flattened to them and JSON lists
joined by commas. Every key, its unit and default: KEYS below and
docs/release_detection.md."""

import json

from . import InputError
from .ground_truth import GroundTruth
from .rules import RULES, make_rule, scan_values
from .signal import Channel, SignalModel

# key: (kind, default, unit, description)
KEYS = {
    "ground_truth.criterion": ("str", "lambda", "-",
                               "lambda, volume or both"),
    "ground_truth.lambda_level": ("float?", None, "1",
                                  "release when lambda_mean_target < this; "
                                  "default: the run's Target region/Release "
                                  "threshold"),
    "ground_truth.volume_level": ("float", 0., "m^3",
                                  "release when released_volume_target > "
                                  "this"),
    "signal.measure": ("str", "auto", "-", "auto, force, depth or both"),
    "signal.sampling_rate": ("float", 100., "Hz", "sampling rate"),
    "signal.force_noise_std": ("float", 0., "N", "force noise std"),
    "signal.force_quantisation": ("float", 0., "N", "force ADC step"),
    "signal.force_drift": ("float", 0., "N/s", "force drift rate"),
    "signal.depth_noise_std": ("float", 0., "m", "depth noise std"),
    "signal.depth_quantisation": ("float", 0., "m", "depth ADC step"),
    "signal.depth_drift": ("float", 0., "m/s", "depth drift rate"),
    "signal.filter_time_constant": ("float", 0., "s",
                                    "first-order low-pass tau (0: none)"),
    "signal.seed": ("int", 12345, "-", "noise seed"),
    "signal.hold_phase": ("int?", None, "-",
                          "protocol phase to watch (default: auto)"),
    "signal.force_column": ("str", "force_z", "-", "force history column"),
    "rules.use": ("list", ",".join(RULES), "-", "rules to calibrate"),
    "depth_classes": ("floats", "", "m",
                      "edges of the depth classes (default: one class)"),
}
RULE_SCAN_KEYS = {
    "threshold_min": ("float", "rule's threshold unit", "first threshold"),
    "threshold_max": ("float", "rule's threshold unit", "last threshold"),
    "count": ("int", "-", "number of thresholds"),
    "spacing": ("str", "-", "lin or log"),
    "thresholds": ("floats", "rule's threshold unit",
                   "explicit list (overrides min/max/count)"),
}


def _flatten(obj, prefix, out):
    for k, v in obj.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            _flatten(v, key + ".", out)
        elif isinstance(v, list):
            out[key] = ",".join(str(x) for x in v)
        elif v is None:
            out[key] = ""
        else:
            out[key] = str(v)


def read_config_file(path):
    """Flat {key: string} from a JSON or key=value file."""
    try:
        with open(path) as f:
            text = f.read()
    except OSError as e:
        raise InputError(f"config file '{path}' cannot be read "
                         f"({e.strerror})")
    out = {}
    if text.lstrip().startswith("{"):
        try:
            obj = json.loads(text)
        except ValueError as e:
            raise InputError(f"config file '{path}': not valid JSON ({e})")
        _flatten(obj, "", out)
        return out
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "=" not in line:
            raise InputError(f"config file '{path}', line {n}: expected "
                             f"'key = value', got '{line}'")
        k, v = line.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def parse_set(items):
    out = {}
    for item in items or []:
        if "=" not in item:
            raise InputError(f"--set '{item}': expected key=value")
        k, v = item.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def _convert(kind, value, where):
    try:
        if kind.endswith("?"):
            if value in ("", "auto", "none", "None"):
                return None
            kind = kind[:-1]
        if kind == "float":
            return float(value)
        if kind == "int":
            return int(value)
        if kind == "str":
            return value
        if kind == "list":
            return [w.strip() for w in value.split(",") if w.strip()]
        if kind == "floats":
            return [float(w) for w in value.split(",") if w.strip()]
    except ValueError:
        raise InputError(f"{where}: '{value}' is not a valid "
                         f"{kind.replace('floats', 'list of numbers')}")
    raise AssertionError(kind)


class Config:
    """The parsed configuration: ground_truth, signal_model, rules (list
    of (rule, thresholds)), depth_classes (list of edges [m] or [])."""

    def __init__(self, flat, source="configuration"):
        values = {k: v[1] for k, v in KEYS.items()}
        rule_opts = {}
        for key, raw in flat.items():
            where = f"{source}: key '{key}'"
            if key in KEYS:
                kind = KEYS[key][0]
                values[key] = _convert(kind, raw, where)
                continue
            parts = key.split(".")
            if len(parts) == 3 and parts[0] == "rules" and parts[1] in RULES:
                rule_opts.setdefault(parts[1], {})[parts[2]] = (raw, where)
                continue
            raise InputError(f"{source}: unknown key '{key}' (see "
                             f"docs/release_detection.md)")
        if isinstance(values["rules.use"], str):
            values["rules.use"] = _convert("list", values["rules.use"], "")
        if isinstance(values["depth_classes"], str):
            values["depth_classes"] = []
        self.values = values
        self.ground_truth = GroundTruth(values["ground_truth.criterion"],
                                        values["ground_truth.lambda_level"],
                                        values["ground_truth.volume_level"])
        self.signal_model = SignalModel(
            measure=values["signal.measure"],
            sampling_rate=values["signal.sampling_rate"],
            force=Channel(values["signal.force_noise_std"],
                          values["signal.force_quantisation"],
                          values["signal.force_drift"]),
            depth=Channel(values["signal.depth_noise_std"],
                          values["signal.depth_quantisation"],
                          values["signal.depth_drift"]),
            filter_time_constant=values["signal.filter_time_constant"],
            seed=values["signal.seed"],
            hold_phase=values["signal.hold_phase"],
            force_column=values["signal.force_column"])
        if not values["rules.use"]:
            raise InputError(f"{source}: key 'rules.use': no rule given")
        self.rules = []
        for name in values["rules.use"]:
            if name not in RULES:
                raise InputError(f"{source}: key 'rules.use': unknown rule "
                                 f"'{name}' (known: {', '.join(RULES)})")
            opts = rule_opts.pop(name, {})
            self.rules.append(self._rule(name, opts, source))
        if rule_opts:
            name = sorted(rule_opts)[0]
            raise InputError(f"{source}: options for rule '{name}' but it "
                             f"is not in rules.use")
        edges = values["depth_classes"]
        if edges and (len(edges) < 2 or any(
                b <= a for a, b in zip(edges[:-1], edges[1:]))
                or edges[0] < 0.):
            raise InputError(f"{source}: key 'depth_classes': need at least "
                             f"two increasing edges >= 0 m, got {edges}")
        self.depth_classes = edges

    @staticmethod
    def _rule(name, opts, source):
        cls = RULES[name]
        scan, params = {}, {}
        for k, (raw, where) in opts.items():
            if k in RULE_SCAN_KEYS:
                scan[k] = _convert(RULE_SCAN_KEYS[k][0], raw, where)
            elif k in cls.parameters:
                params[k] = _convert("float", raw, where)
            else:
                raise InputError(f"{where}: unknown option '{k}' of rule "
                                 f"'{name}' (known: "
                                 f"{', '.join(list(RULE_SCAN_KEYS) + list(cls.parameters))})")
        rule = make_rule(name, **params)
        where = f"{source}: rules.{name}"
        if "thresholds" in scan:
            values = sorted(scan["thresholds"])
            if not values:
                raise InputError(f"{where}.thresholds: empty list")
            for v in values:
                cls.check_threshold(v, where + ".thresholds")
            import numpy as np
            thresholds = np.array(values, dtype=float)
        else:
            thresholds = scan_values(cls, scan.get("threshold_min"),
                                     scan.get("threshold_max"),
                                     scan.get("count"), scan.get("spacing"))
        return rule, thresholds

    def as_dict(self):
        """The effective configuration, JSON-serialisable."""
        d = dict(self.values)
        d["rules"] = {r.name: {"parameters": r.params,
                               "threshold_unit": r.threshold_unit,
                               "threshold_min": float(th[0]),
                               "threshold_max": float(th[-1]),
                               "count": int(len(th))}
                      for r, th in self.rules}
        return d


def load_config(path=None, sets=None):
    flat = {}
    source = "defaults"
    if path:
        flat.update(read_config_file(path))
        source = f"config file '{path}'"
    over = parse_set(sets)
    if over:
        source = source + " and --set" if path else "--set"
    flat.update(over)
    return Config(flat, source)
