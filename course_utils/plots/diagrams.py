"""Diagrams: the optimizers' family tree."""

from __future__ import annotations

from ._common import get_ax


def plot_family_tree(nodes, edges, ax=None, figsize=(10, 7), fontsize=8.5):
    """A family tree drawn with boxes and arrows (e.g. of the optimizers).

    Parameters
    ----------
    nodes : dict
        ``{name: {"xy": (x, y), "text": str, "highlight": bool}}``: the box's centre
        in axes coordinates (0–1), the lines under the name (separated by
        ``"\\n"``; no ``$math$`` if they contain Hangul), and whether to fill the
        box in colour (e.g. the methods a lecture covers).
    edges : iterable of tuple
        ``(parent, child)`` pairs of node names; an arrow points to the child.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure of size ``figsize`` when None.
    figsize : tuple of float, default (10, 7)
        Size of a new figure in inches.
    fontsize : float, default 8.5
        Font size of the box texts.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.patches import FancyArrowPatch

    ax = get_ax(ax, figsize=figsize)
    edges = list(edges)
    for parent, child in edges:
        for end in (parent, child):
            if end not in nodes:
                raise ValueError(
                    f"`edges` 값이 올바르지 않습니다: {end!r} — nodes에 없는 이름입니다."
                )
    boxes = {}
    for name, node in nodes.items():
        x, y = node["xy"]
        highlight = node.get("highlight", False)
        boxes[name] = ax.text(
            x,
            y,
            f"{name}\n{node.get('text', '')}".strip(),
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=fontsize,
            linespacing=1.35,
            zorder=3,
            bbox=dict(
                boxstyle="round,pad=0.45",
                linewidth=1.2,
                facecolor="#dbe9f6" if highlight else "#f2f2f2",
                edgecolor="tab:blue" if highlight else "0.5",
            ),
        )
    # the boxes' sizes are known only after a layout pass; the arrows are clipped against them
    ax.figure.draw_without_rendering()
    for parent, child in edges:
        arrow = FancyArrowPatch(
            posA=nodes[parent]["xy"],
            posB=nodes[child]["xy"],
            transform=ax.transAxes,
            patchA=boxes[parent].get_bbox_patch(),
            patchB=boxes[child].get_bbox_patch(),
            arrowstyle="-|>",
            mutation_scale=14,
            linewidth=1.3,
            color="0.3",
            zorder=2,
            shrinkA=2,
            shrinkB=2,
        )
        ax.add_patch(arrow)
    ax.set_axis_off()
    ax.set(xlim=(0, 1), ylim=(0, 1))
    return ax
