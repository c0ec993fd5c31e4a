"""course_utils: the helper package of the course "딥러닝을 위한 미분과 최적화".

Notebooks start with::

    import course_utils as cu
    cu.setup()

Importing the package changes nothing (no style, no fonts) until ``setup()`` is
called. The light modules (functions, calculus, optimizers, checks) load at
once; ``plots`` (matplotlib) and ``widgets`` (ipywidgets) load on first use,
and plotly and sympy only inside the functions that need them, so the import
stays fast.
"""

from importlib import import_module
from pathlib import Path

from . import calculus, functions, nn_landscape, noise, optimizers, schedules, second_order
from .checks import check_function, check_number
from .exercises import check
from .optimizers import (
    SGD,
    Adagrad,
    Adam,
    AdamW,
    Momentum,
    Nesterov,
    RMSProp,
    make_optimizer,
    minibatch_descent,
    optimize,
)
from .style import setup

__version__ = "0.1.0"

# Heavier modules load on first attribute access (cu.plots, cu.widgets, ...).
_LAZY_MODULES = ("plots", "widgets", "data", "nn", "landscapes", "regression")

__all__ = [
    "setup",
    "calculus",
    "functions",
    "optimizers",
    "schedules",
    "noise",
    "second_order",
    "nn_landscape",
    "plots",
    "widgets",
    "data",
    "check",
    "check_function",
    "check_number",
    "optimize",
    "minibatch_descent",
    "make_optimizer",
    "SGD",
    "Momentum",
    "Nesterov",
    "Adagrad",
    "RMSProp",
    "Adam",
    "AdamW",
]


def __getattr__(name):
    here = Path(__file__).parent
    if name in _LAZY_MODULES and (
        (here / f"{name}.py").exists() or (here / name / "__init__.py").exists()
    ):
        module = import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY_MODULES))
