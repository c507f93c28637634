"""FasciaFE figure style (interface 3 of the helpers' brief; the issue-8
version of this module replaces this minimal one when merged).

  apply()                                   rcParams: one font family,
                                            sizes, colour-blind-safe cycle
  new_figure(columns=1, aspect=0.75)        -> (fig, ax); width 3.5 in
                                            (1 column) or 7.2 in (2)
  save(fig, base_path)                      -> [base.png (300 dpi),
                                            base.pdf]
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# Okabe-Ito palette: distinguishable with the common colour-vision
# deficiencies.
COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
           "#56B4E9", "#F0E442", "#000000"]
WIDTHS = {1: 3.5, 2: 7.2}


def apply():
    plt.rcParams.update({
        "font.family": "DejaVu Sans",
        "font.size": 8,
        "axes.titlesize": 8,
        "axes.labelsize": 8,
        "legend.fontsize": 7,
        "xtick.labelsize": 7,
        "ytick.labelsize": 7,
        "lines.linewidth": 1.0,
        "axes.prop_cycle": matplotlib.cycler(color=COLOURS),
        "image.cmap": "viridis",
        "savefig.dpi": 300,
        "pdf.fonttype": 42,
    })


def new_figure(columns=1, aspect=0.75):
    apply()
    width = WIDTHS[columns]
    fig, ax = plt.subplots(figsize=(width, width * aspect))
    return fig, ax


def save(fig, base_path):
    paths = [base_path + ".png", base_path + ".pdf"]
    fig.savefig(paths[0], dpi=300, bbox_inches="tight")
    fig.savefig(paths[1], bbox_inches="tight", metadata={"CreationDate": None})
    plt.close(fig)
    return paths
