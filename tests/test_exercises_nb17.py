"""Exercises of notebook 17 tried as a student would, with the notebook's context rebuilt
from course_utils (a small MLP on the digits)."""

import numpy as np
import pytest

import course_utils as cu
from course_utils.exercises import evaluate, get

THETA = np.array([[3.0, 0.0], [4.0, 2.0]])
D = np.array([[1.0, -2.0], [1.0, 2.0]])
SMALL_PATH = np.array(
    [[0.0, 0.0, 0.0], [1.0, 2.0, 2.0], [3.0, 1.0, -2.0], [4.0, 4.0, 2.0], [6.0, 3.0, 0.0]]
)


def test_filter_normalization_by_hand():
    answer = D / np.linalg.norm(D, axis=0) * np.linalg.norm(THETA, axis=0)
    assert evaluate("17.1", answer)
    assert evaluate("17.1", [[3.5355, -1.4142], [3.5355, 1.4142]])  # by hand, 4 digits
    assert np.allclose(get("17.1").expected(), [[5 / 2**0.5, -(2**0.5)], [5 / 2**0.5, 2**0.5]])
    rows = (
        D / np.linalg.norm(D, axis=1, keepdims=True) * np.linalg.norm(THETA, axis=1, keepdims=True)
    )
    assert "행 단위" in evaluate("17.1", rows).message
    assert "길이를 1로만" in evaluate("17.1", D / np.linalg.norm(D, axis=0)).message
    assert "층 전체" in evaluate("17.1", D / np.linalg.norm(D) * np.linalg.norm(THETA)).message
    inverted = D / np.linalg.norm(THETA, axis=0) * np.linalg.norm(D, axis=0)
    assert "바뀌었습니다" in evaluate("17.1", inverted).message
    assert (
        evaluate("17.1", [[3.5, -1.4], [3.5, 1.4]]).status == "wrong"
    )  # two digits are not enough
    assert "shape" in evaluate("17.1", answer.ravel()).message


@pytest.fixture(scope="module")
def notebook():
    pixels, digits = cu.data.load_digits()
    train, val = cu.nn.stratified_split(digits, (0.7, 0.3), seed=0)
    model = cu.nn.MLP(64, 16, 10, activation="relu")
    w0 = model.init(seed=0)
    X_train, y_train = pixels[train] / 16, digits[train]
    result = cu.minibatch_descent(
        model.loss,
        model.gradient,
        w0,
        X_train,
        y_train,
        cu.Adam(lr=0.01),
        batch_size=32,
        epochs=2,
        seed=0,
    )
    return {
        "model": model,
        "w0": w0,
        "w_star": result.w,
        "X_train": X_train,
        "y_train": y_train,
        "X_val": pixels[val] / 16,
        "y_val": digits[val],
    }


def test_midpoint_of_the_line(notebook):
    model, w0, w_star = notebook["model"], notebook["w0"], notebook["w_star"]
    X, y = notebook["X_train"], notebook["y_train"]
    right = model.loss(0.5 * w0 + 0.5 * w_star, X, y)
    assert evaluate("17.2", right, notebook)
    assert evaluate("17.2", float(f"{right:.4g}"), notebook)  # read off a printout
    assert np.isclose(
        right, cu.nn_landscape.interpolation_losses(model, w0, w_star, X, y, [0.5])[0]
    )
    chord = 0.5 * model.loss(w0, X, y) + 0.5 * model.loss(w_star, X, y)
    assert right < chord  # the answer box: below the chord here too
    assert "두 끝 손실의 평균" in evaluate("17.2", chord, notebook).message
    val = model.loss(0.5 * w0 + 0.5 * w_star, notebook["X_val"], notebook["y_val"])
    assert "검증 데이터" in evaluate("17.2", val, notebook).message
    assert (
        "한가운데 점이 아닙니다"
        in evaluate("17.2", model.loss(w0 + w_star, X, y), notebook).message
    )
    assert evaluate("17.2", None, {k: None for k in notebook}).status == "unanswered"
    assert evaluate("17.2", right).status == "unavailable"  # the cells above were not run


def test_shares_of_the_principal_directions():
    M = SMALL_PATH - SMALL_PATH[-1]
    sigma = np.linalg.svd(M, compute_uv=False)
    right = sigma[:2] ** 2 / np.sum(sigma**2)
    assert evaluate("17.3", right)
    assert evaluate("17.3", list(np.round(right, 4)))
    assert np.allclose(right, cu.nn_landscape.pca_directions([SMALL_PATH], SMALL_PATH[-1])[1])
    assert "두 몫을 더한" in evaluate("17.3", right.sum()).message
    assert "제곱으로" in evaluate("17.3", sigma[:2] / sigma.sum()).message
    centred = np.linalg.svd(SMALL_PATH - SMALL_PATH.mean(axis=0), compute_uv=False)
    assert "평균에서" in evaluate("17.3", centred[:2] ** 2 / np.sum(centred**2)).message
    start = np.linalg.svd(SMALL_PATH - SMALL_PATH[0], compute_uv=False)
    assert "출발점에서" in evaluate("17.3", start[:2] ** 2 / np.sum(start**2)).message
    assert evaluate("17.3", right[::-1]).status == "wrong"
