"""Exercises of notebook 12 tried as a student would, with the notebook's context rebuilt
from course_utils (penguins, the MLP) or made up (a learning-rate sweep)."""

import numpy as np
import pytest

import course_utils as cu
from course_utils.exercises import evaluate, get

FEATURES = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]


def test_torch_rmsprop_symbols():
    assert evaluate("12.1", [0.01, 0.99, 1e-8])
    assert evaluate("12.1", (0.01, 0.99, 1e-08))
    assert "alpha는 학습률이 아니라" in evaluate("12.1", [0.99, 0.01, 1e-8]).message
    assert "alpha는 학습률이 아니라" in evaluate("12.1", [0.99, 0.9, 1e-6]).message
    assert "기본값" in evaluate("12.1", [0.01, 0.99, 1e-7]).message
    assert "r에 남기는 몫" in evaluate("12.1", [0.01, 0.01, 1e-8]).message
    assert evaluate("12.1", [0.01, 0.99, None]).status == "unanswered"
    assert "shape" in evaluate("12.1", [0.01, 0.99]).message


def test_the_answer_builds_the_same_optimizer_as_torch_would():
    lr, rho, delta = get("12.1").expected()
    assert cu.RMSProp(lr=lr, rho=rho, delta=delta).hyperparameters() == {
        "lr": 0.01,
        "rho": 0.99,
        "delta": 1e-8,
    }


@pytest.fixture
def sweep():
    grid = 10.0 ** np.arange(-3, 1.01, 0.5)
    losses = [2.0, 1.0, 0.5, 0.1, 0.01, 0.03, 0.2, 1.5, np.inf]  # best at 10^-1
    return {"scores": {("momentum", lr): s for lr, s in zip(grid, losses)}, "LR_GRID": grid}


def test_best_lr_from_the_sweep(sweep):
    assert evaluate(
        "12.2", min(sweep["LR_GRID"], key=lambda lr: sweep["scores"]["momentum", lr]), sweep
    )
    assert evaluate("12.2", 0.1, sweep)  # read off the printout
    assert "인덱스" in evaluate("12.2", 4, sweep).message  # np.argmin without LR_GRID[...]
    assert "거듭제곱" in evaluate("12.2", -1.0, sweep).message
    assert "가장 큰 ε" in evaluate("12.2", 10.0, sweep).message
    assert evaluate("12.2", 0.316, sweep).status == "wrong"  # a neighbour on the grid
    assert evaluate("12.2", None, {"scores": None, "LR_GRID": None}).status == "unanswered"
    assert evaluate("12.2", 0.1).status == "unavailable"  # the sweep cell was not run


@pytest.fixture(scope="module")
def penguins():
    table = cu.data.load_penguins(columns=["species"] + FEATURES, dropna=False).dropna()
    species = sorted(table["species"].unique())
    labels = np.searchsorted(species, table["species"].to_numpy())
    train, _, _ = cu.nn.stratified_split(labels, (0.6, 0.2, 0.2), seed=0)
    (X_train,) = cu.nn.standardize(table[FEATURES].to_numpy()[train])
    model = cu.nn.MLP(n_inputs=4, n_hidden=8, n_classes=3, activation="tanh")
    return {"model": model, "X_train": X_train, "y_train": labels[train], "species": species}


def test_output_bias_gradient(penguins):
    model, X, y = penguins["model"], penguins["X_train"], penguins["y_train"]
    w = model.init(seed=0)
    P, Y = model.predict_proba(w, X), cu.nn.one_hot(y, 3)
    assert evaluate("12.3", (P - Y).mean(axis=0), penguins)
    assert "부호가 반대" in evaluate("12.3", (Y - P).mean(axis=0), penguins).message
    assert "합을 구했습니다" in evaluate("12.3", (P - Y).sum(axis=0), penguins).message
    assert "언제나 0" in evaluate("12.3", (P - Y).mean(), penguins).message
    assert "axis=1" in evaluate("12.3", (P - Y).mean(axis=1), penguins).message
    assert "P의 평균만" in evaluate("12.3", P.mean(axis=0), penguins).message


def test_output_bias_gradient_signs_of_the_answer_box(penguins):
    # "Adelie and Gentoo (more than 1/3 of the rows) negative, Chinstrap positive"
    grad = get("12.3").expected({k: penguins[k] for k in ("model", "X_train", "y_train")})
    signs = np.sign(grad[[penguins["species"].index(s) for s in ("Adelie", "Gentoo", "Chinstrap")]])
    assert signs.tolist() == [-1, -1, 1]
    assert np.bincount(penguins["y_train"]).tolist() == [91, 41, 74]  # 44 %, 20 %, 36 % of 206
