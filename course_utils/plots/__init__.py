"""Plot helpers, small ones composed into bigger ones.

Every helper takes ``ax=None`` (a new figure is made when it is None), returns
what it drew on and never calls ``plt.show()``. Matplotlib strings that mix
Hangul with ``$math$`` are avoided on purpose: mathtext has no font fallback,
so Hangul there would be a missing glyph. Use Unicode (ε, x₀, ∇) in Korean
labels, and ``$…$`` only in labels without Hangul.

Every helper renders Hangul even when ``cu.setup()`` was not called (it adds
the bundled font as a fallback, :func:`course_utils.style.use_korean_fallback`),
and checks the data it is given: a 2D path must have shape ``(n, 2)`` and is
never reshaped, a student's function must return numbers of the right shape.

The helpers live in modules by what they draw (``curves``, ``contours``,
``surfaces``, ``training``, ``diagrams``); every one is also ``cu.plots.<name>``.
"""

from ._common import (
    MARKER_LIMIT,
    PATH_COLORS,
    PATH_LABEL_LIMIT,
    _function_2d,  # noqa: F401  (used by course_utils.widgets)
    get_ax,
    signed,
)
from .contours import (
    plot_contour,
    plot_gradient_field,
    plot_momentum_step,
    plot_path_2d,
    plot_paths_2d,
    plot_paths_and_losses,
)
from .curves import (
    path_panels,
    plot_curve,
    plot_descent_1d,
    plot_path_1d,
    plot_tangent,
)
from .diagrams import (
    plot_family_tree,
)
from .surfaces import (
    animate_paths_2d,
    show,
    surface_3d,
)
from .training import (
    plot_bias_correction,
    plot_effective_lr,
    plot_loss_curves,
    plot_mean_band,
    plot_step_lengths,
    step_lengths,
)

__all__ = [
    "MARKER_LIMIT",
    "PATH_COLORS",
    "PATH_LABEL_LIMIT",
    "animate_paths_2d",
    "get_ax",
    "path_panels",
    "plot_bias_correction",
    "plot_contour",
    "plot_curve",
    "plot_descent_1d",
    "plot_effective_lr",
    "plot_family_tree",
    "plot_gradient_field",
    "plot_loss_curves",
    "plot_mean_band",
    "plot_momentum_step",
    "plot_path_1d",
    "plot_path_2d",
    "plot_paths_2d",
    "plot_paths_and_losses",
    "plot_step_lengths",
    "plot_tangent",
    "show",
    "signed",
    "step_lengths",
    "surface_3d",
]
