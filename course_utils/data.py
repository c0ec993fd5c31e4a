"""The course's data sets, loaded from the repository's ``data/`` folder.

The path is resolved from this file, so loading works from any working
directory (the package is installed in editable mode by requirements.txt).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import _validate

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PENGUIN_COLUMNS = (
    "species",
    "island",
    "bill_length_mm",
    "bill_depth_mm",
    "flipper_length_mm",
    "body_mass_g",
    "sex",
    "year",
)


def data_path(name):
    """Absolute path of a file in ``data/``; a clear error if it is missing.

    Parameters
    ----------
    name : str
        File name, e.g. ``"penguins.csv"``.

    Returns
    -------
    pathlib.Path
    """
    if not isinstance(name, str) or not name or "/" in name or "\\" in name:
        _validate.fail(
            "name", name, 'data/ 폴더 안의 파일 이름(예: "penguins.csv") 문자열이어야 합니다.'
        )
    path = DATA_DIR / name
    if not path.is_file():
        raise ValueError(
            f"`name` 값이 올바르지 않습니다: {name!r} — {DATA_DIR} 에 그런 파일이 없습니다. "
            "저장소를 통째로 받고 `pip install -e .`로 설치했는지 확인하세요."
        )
    return path


def load_penguins(columns=None, dropna=True, verbose=False):
    """The Palmer penguins table (344 rows, CC0), see ``data/README.md``.

    Parameters
    ----------
    columns : sequence of str, optional
        Columns to keep; default all.
    dropna : bool, default True
        Drop rows with a missing value (``NA``) in any of ``columns``.
    verbose : bool, default False
        Print how many rows were dropped.

    Returns
    -------
    pandas.DataFrame
    """
    import pandas as pd

    if isinstance(columns, str):
        _validate.fail(
            "columns", columns, f"열 이름의 목록이어야 합니다 (열 하나라면 [{columns!r}])."
        )
    try:
        columns = list(PENGUIN_COLUMNS if columns is None else columns)
    except TypeError:
        _validate.fail("columns", columns, '열 이름의 목록(예: ["body_mass_g"])이어야 합니다.')
    if not columns:
        _validate.fail("columns", columns, "열이 하나 이상 있어야 합니다.")
    for column in columns:
        _validate.choice("columns", column, PENGUIN_COLUMNS)
    if len(set(columns)) != len(columns):
        _validate.fail("columns", columns, "같은 열이 두 번 들어 있습니다.")
    dropna = _validate.boolean("dropna", dropna)
    verbose = _validate.boolean("verbose", verbose)
    table = pd.read_csv(data_path("penguins.csv"), na_values=["NA"])[columns]
    if dropna:
        before = len(table)
        table = table.dropna().reset_index(drop=True)
        if verbose:
            print(f"결측값(NA)이 있는 {before - len(table)}행을 제외했습니다: {len(table)}행 사용.")
    return table


def load_digits():
    """The 8×8 handwritten digits (1,797 images, UCI, CC BY 4.0), see ``data/README.md``.

    Returns
    -------
    X : ndarray
        Pixels, shape ``(1797, 64)``, floats 0–16 (each row an 8×8 image, row by row).
    y : ndarray
        The digits 0–9, shape ``(1797,)``, integers.
    """
    table = np.loadtxt(data_path("digits.csv.gz"), delimiter=",")
    return table[:, :64].copy(), table[:, 64].astype(int)


def make_linear_sample(n_samples, slope=0.7, intercept=4.2, noise=0.4, seed=None):
    """A large synthetic regression sample: x ~ N(0, 1), y = slope·x + intercept + noise·N(0, 1).

    The defaults mimic the penguins of notebook 08 (body mass in kg against
    standardized flipper length), so the same learning rates work on both; use
    it where the point is the cost of many samples, not the data itself.

    Parameters
    ----------
    n_samples : int
        Number of rows, ≥ 1.
    slope, intercept : float, default 0.7, 4.2
        The true line.
    noise : float, default 0.4
        Standard deviation of the Gaussian noise, ≥ 0.
    seed : int or numpy.random.Generator, optional
        The same seed gives the same sample.

    Returns
    -------
    x, y : ndarray
        Both of shape ``(n_samples,)``.
    """
    n_samples = _validate.count("n_samples", n_samples, minimum=1)
    slope = _validate.real_number("slope", slope)
    intercept = _validate.real_number("intercept", intercept)
    noise = _validate.real_number("noise", noise)
    if noise < 0:
        _validate.fail("noise", noise, "0 이상이어야 합니다.")
    rng = _validate.rng("seed", seed)
    x = rng.standard_normal(n_samples)
    y = slope * x + intercept + noise * rng.standard_normal(n_samples)
    return x, y
