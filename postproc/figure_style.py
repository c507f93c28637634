"""One figure style for every FasciaFE plot (docs/figures.md).

API (interface 3 of the project brief):

    apply()                                  set matplotlib's rcParams
    new_figure(columns=1, aspect=0.75)       -> (fig, ax), 3.5 in / 7.2 in wide
    save(fig, base_path)                     -> [base.png (300 dpi), base.pdf]

plus a few helpers used by the figure scripts: new_panels() for figures of
several axes, the Okabe-Ito colour cycle OKABE_ITO, the field colour maps
FIELD_CMAPS and label() for "quantity [unit]" axis labels.

The style: one sans-serif font family (DejaVu Sans, shipped with
matplotlib, so the same font on every machine), 8 pt text and 7 pt tick
labels (journal figures are printed at 1:1), the colour-blind-safe
Okabe-Ito qualitative cycle for curves (Okabe & Ito 2008, "Color universal
design"), and perceptually uniform colour maps for fields (viridis,
cividis). Fonts are embedded as TrueType (Type 42) in PDF, as most
journals require. The matplotlib backend is Agg (headless).
"""

import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)
from cycler import cycler  # noqa: E402

#: Figure widths in inches: one journal column, two columns (full width).
COLUMN_WIDTHS = {1: 3.5, 2: 7.2}

#: Raster resolution of the PNG files, dots per inch.
DPI = 300

#: Okabe-Ito colour-blind-safe qualitative colours, in cycle order (yellow
#: last: it is weak on white).
OKABE_ITO = [
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
]

#: The same cycle under the name the release-detection plots use.
COLOURS = OKABE_ITO

#: Colour maps of the fields: all perceptually uniform and readable with
#: the common colour-vision deficiencies.
FIELD_CMAPS = {
    "lambda": "cividis",
    "von_mises": "viridis",
    "contact_pressure": "viridis",
    "heatmap": "viridis",
}

#: Line styles cycled together with the colours, so that curves stay
#: distinguishable in grey-scale print.
_LINESTYLES = ["-", "--", "-.", ":", "-", "--", "-.", ":"]

FONT_FAMILY = "DejaVu Sans"
FONT_SIZE = 8.0


def apply():
    """Set matplotlib's rcParams to the FasciaFE figure style."""
    matplotlib.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [FONT_FAMILY],
            "mathtext.fontset": "dejavusans",
            "font.size": FONT_SIZE,
            "axes.titlesize": FONT_SIZE,
            "axes.labelsize": FONT_SIZE,
            "xtick.labelsize": FONT_SIZE - 1,
            "ytick.labelsize": FONT_SIZE - 1,
            "legend.fontsize": FONT_SIZE - 1,
            "legend.frameon": False,
            "figure.titlesize": FONT_SIZE + 1,
            "axes.prop_cycle": cycler(color=OKABE_ITO)
            + cycler(linestyle=_LINESTYLES),
            "axes.linewidth": 0.6,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "lines.linewidth": 1.2,
            "lines.markersize": 4,
            "xtick.major.width": 0.6,
            "ytick.major.width": 0.6,
            "xtick.direction": "out",
            "ytick.direction": "out",
            "image.cmap": "viridis",
            "figure.dpi": DPI,
            "savefig.dpi": DPI,
            "pdf.fonttype": 42,
            "ps.fonttype": 42,
            "svg.fonttype": "none",
            "figure.constrained_layout.use": True,
        }
    )


def figure_size(columns=1, aspect=0.75):
    """(width, height) in inches; the height is rounded to whole pixels
    at DPI, so that a PNG is exactly width*DPI x height*DPI pixels."""
    if columns not in COLUMN_WIDTHS:
        raise ValueError(f"columns must be 1 or 2, not {columns!r}")
    if not aspect > 0:
        raise ValueError(f"aspect must be > 0, not {aspect!r}")
    width = COLUMN_WIDTHS[columns]
    height = max(1, round(width * aspect * DPI)) / DPI
    return width, height


def new_figure(columns=1, aspect=0.75):
    """A new figure with one axes: (fig, ax). Width 3.5 in (columns=1) or
    7.2 in (columns=2), height = width * aspect."""
    return new_panels(columns, 1, 1, aspect)


def new_panels(columns=1, nrows=1, ncols=1, aspect=0.75, **kwargs):
    """A new figure with an nrows x ncols grid of axes: (fig, axes); axes
    is one Axes for a 1 x 1 grid, else an array like plt.subplots."""
    apply()
    fig, axes = plt.subplots(
        nrows, ncols, figsize=figure_size(columns, aspect), **kwargs
    )
    return fig, axes


def label(quantity, unit):
    """Axis label "quantity [unit]"; a dimensionless unit ("1", "-", "")
    gives "quantity [-]"."""
    if unit in ("1", "-", "", None):
        unit = "-"
    return f"{quantity} [{unit}]"


def save(fig, base_path):
    """Write base_path.png (DPI dots per inch) and base_path.pdf (vector),
    each under a temporary name renamed when complete, close the figure
    and return the two paths [png, pdf]."""
    paths = []
    for extension in ("png", "pdf"):
        path = f"{base_path}.{extension}"
        temporary = f"{path}.tmp.{os.getpid()}"
        try:
            fig.savefig(temporary, format=extension, dpi=DPI)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.remove(temporary)
        paths.append(path)
    plt.close(fig)
    return paths
