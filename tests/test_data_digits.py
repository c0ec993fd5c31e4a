"""The bundled digits data (data/digits.csv.gz)."""

import numpy as np

import course_utils as cu


def test_load_digits():
    X, y = cu.data.load_digits()
    assert X.shape == (1797, 64) and y.shape == (1797,)
    assert X.min() == 0 and X.max() == 16 and np.all(X == np.round(X))
    assert sorted(set(y.tolist())) == list(range(10))
    assert 170 <= np.bincount(y).min() and np.bincount(y).max() <= 190  # about balanced
