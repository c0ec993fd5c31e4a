"""cu.nn_landscape: filter normalisation per filter, batched losses equal to model.loss,
the line and the plane, and PCA directions of paths (orthonormal, exact for a path in their span)."""

import time

import numpy as np
import pytest

import course_utils as cu
from course_utils import nn_landscape as nl

pytestmark = pytest.mark.usefixtures("course_style")


@pytest.fixture(scope="module")
def setting():
    rng = np.random.default_rng(0)
    model = cu.nn.MLP(5, 4, 3, activation="relu")
    X = rng.standard_normal((40, 5))
    y = rng.integers(0, 3, 40)
    w = model.init(seed=1) + 0.3 * rng.standard_normal(model.n_params)
    return model, X, y, w


def test_filter_normalize_matches_each_incoming_weight_vector(setting):
    model, _, _, w = setting
    d = nl.random_direction(model, w, seed=7)
    D1, db1, D2, db2 = model.unpack(d)
    W1, _, W2, _ = model.unpack(w)
    # a filter = the weights into one neuron = a column of W (the MLP computes X @ W)
    assert np.allclose(np.linalg.norm(D1, axis=0), np.linalg.norm(W1, axis=0))
    assert np.allclose(np.linalg.norm(D2, axis=0), np.linalg.norm(W2, axis=0))
    assert not np.allclose(np.linalg.norm(D1, axis=1), np.linalg.norm(W1, axis=1))
    assert not db1.any() and not db2.any()
    # only the length of each filter changes, not its direction
    g = np.random.default_rng(7).standard_normal(model.n_params)
    G1 = model.unpack(g)[0]
    cos = np.sum(G1 * D1, axis=0) / (np.linalg.norm(G1, axis=0) * np.linalg.norm(D1, axis=0))
    assert np.allclose(cos, 1)
    assert np.allclose(nl.random_direction(model, w, seed=7), d)  # the seed is the only randomness


def test_filter_normalized_line_is_the_same_for_a_rescaled_relu_network(setting):
    model, X, y, w = setting
    W1, b1, W2, b2 = model.unpack(w)
    scaled = model.pack(3 * W1, 3 * b1, W2 / 3, b2)
    assert np.allclose(model.logits(w, X), model.logits(scaled, X))
    g = np.random.default_rng(2).standard_normal(model.n_params)
    s = np.linspace(-1, 1, 9)
    line = nl.batch_losses(model, w + s[:, None] * nl.filter_normalize(model, g, w), X, y)
    line_scaled = nl.batch_losses(
        model, scaled + s[:, None] * nl.filter_normalize(model, g, scaled), X, y
    )
    assert np.allclose(line, line_scaled)


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_batch_losses_equal_model_loss(activation, monkeypatch):
    rng = np.random.default_rng(3)
    model = cu.nn.MLP(6, 5, 4, activation=activation)
    X, y = rng.standard_normal((30, 6)), rng.integers(0, 4, 30)
    W = model.init(seed=0) + rng.standard_normal((7, model.n_params))
    expected = [model.loss(w, X, y) for w in W]
    assert np.allclose(nl.batch_losses(model, W, X, y), expected)
    monkeypatch.setattr(nl, "CHUNK_ENTRIES", 1)  # one parameter vector per chunk
    assert np.allclose(nl.batch_losses(model, W, X, y), expected)


def test_interpolation_and_slice(setting):
    # both use the first layer's linearity (_affine_losses); compared with model.loss point by point
    model, X, y, w = setting
    w0 = model.init(seed=5)
    t = np.array([-0.5, 0.0, 0.3, 1.0, 1.2])
    line = nl.interpolation_losses(model, w0, w, X, y, t)
    assert np.allclose(line, [model.loss((1 - ti) * w0 + ti * w, X, y) for ti in t])
    d1, d2 = nl.random_direction(model, w, 1), nl.random_direction(model, w, 2)
    alphas, betas = np.array([-1.0, 0.0, 0.5]), np.array([0.0, 2.0])
    grid = nl.slice_2d_losses(model, w, d1, d2, X, y, alphas, betas)
    assert grid.shape == (2, 3)  # rows β, columns α, as plt.contour(alphas, betas, grid)
    assert np.isclose(grid[1, 2], model.loss(w + 0.5 * d1 + 2.0 * d2, X, y))
    assert np.isclose(grid[0, 1], model.loss(w, X, y))


def test_a_25_by_25_slice_of_the_digits_is_fast():
    pixels, digits = cu.data.load_digits()
    X, y = pixels[:1258] / 16, digits[:1258]
    model = cu.nn.MLP(64, 16, 10, activation="relu")
    w = model.init(seed=0)
    d1, d2 = nl.random_direction(model, w, 1), nl.random_direction(model, w, 2)
    grid = np.linspace(-1, 1, 25)
    seconds = []
    for _ in range(3):  # the best of three: the machine may be shared
        start = time.perf_counter()
        nl.slice_2d_losses(model, w, d1, d2, X, y, grid, grid)
        seconds.append(time.perf_counter() - start)
    assert min(seconds) < 1.0  # 625 full-data losses; about 0.2 s on one core


def test_pca_directions_are_orthonormal_and_exact_for_a_path_in_their_span():
    rng = np.random.default_rng(4)
    center = rng.standard_normal(30)
    plane, _ = np.linalg.qr(rng.standard_normal((30, 2)))
    coords = np.cumsum(rng.standard_normal((50, 2)), axis=0)
    path = center + coords @ plane.T
    directions, explained = nl.pca_directions([path], center)
    assert np.allclose(directions @ directions.T, np.eye(2))
    assert np.isclose(explained.sum(), 1)  # nothing outside the plane
    projected = nl.project(path, center, directions)
    assert np.allclose(center + projected @ directions, path)
    # the same distances from the centre as the true coordinates (a rotation or reflection of them)
    assert np.allclose(np.linalg.norm(projected, axis=1), np.linalg.norm(coords, axis=1))


def test_explained_shares_are_squared_singular_values():
    path = np.array(
        [[0.0, 0.0, 0.0], [1.0, 2.0, 2.0], [3.0, 1.0, -2.0], [4.0, 4.0, 2.0], [6.0, 3.0, 0.0]]
    )
    _, explained = nl.pca_directions({"a": path}, path[-1])
    M = path - path[-1]
    eigen = np.sort(np.linalg.eigvalsh(M.T @ M))[::-1]
    assert np.allclose(explained, eigen[:2] / np.trace(M.T @ M))
    assert explained[0] > explained[1] > 0 and explained.sum() < 1


def test_plots(setting):
    import plotly.graph_objects as go

    alphas, betas = np.linspace(-1, 1, 5), np.linspace(-1, 1, 4)
    losses = 1 + np.add.outer(betas**2, alphas**2)
    ax = nl.plot_slice_contour(alphas, betas, losses)
    assert ax.collections and ax.get_aspect() == 1
    fig = nl.slice_surface(alphas, betas, losses, title="t")
    assert isinstance(fig, go.Figure) and fig.data[0].z.shape == (4, 5)


def test_bad_input_is_named_in_korean(setting):
    model, X, y, w = setting
    with pytest.raises(ValueError, match="`model`"):
        nl.random_direction("mlp", w, 0)
    with pytest.raises(ValueError, match="`w`"):
        nl.random_direction(model, w[:-1], 0)
    with pytest.raises(ValueError, match="`seed`"):
        nl.random_direction(model, w, 1.5)
    zero_filter = nl.random_direction(model, w, 0)
    zero_filter[model._slices["W1"]][::4] = 0.0  # column 0 of W1 (4 hidden units per row)
    with pytest.raises(ValueError, match="0벡터"):
        nl.filter_normalize(model, zero_filter, w)
    with pytest.raises(ValueError, match="`W`"):
        nl.batch_losses(model, w, X, y)  # one vector, not a stack
    with pytest.raises(ValueError, match="`t`"):
        nl.interpolation_losses(model, w, w, X, y, [[0.0, 1.0]])
    with pytest.raises(ValueError, match="`y`"):
        nl.interpolation_losses(model, w, w, X, y[:-1], [0.0])
    with pytest.raises(ValueError, match="`d2`"):
        nl.slice_2d_losses(model, w, w, np.full_like(w, np.nan), X, y, [0.0], [0.0])
    with pytest.raises(ValueError, match="`paths`"):
        nl.pca_directions(np.zeros((3, 4)), np.zeros(4))
    with pytest.raises(ValueError, match="`paths`"):
        nl.pca_directions([np.zeros((3, 4))], np.zeros(4))  # all points at the centre
    with pytest.raises(ValueError, match="paths\\[0\\]"):
        nl.pca_directions([np.zeros((3, 5))], np.zeros(4))
    with pytest.raises(ValueError, match="`directions`"):
        nl.project(np.zeros((3, 4)), np.zeros(4), np.ones((2, 4)))
    with pytest.raises(ValueError, match="`losses`"):
        nl.plot_slice_contour([0.0, 1.0], [0.0, 1.0], np.zeros((2, 2)))  # log of 0
    with pytest.raises(ValueError, match="`losses`"):
        nl.slice_surface([0.0, 1.0], [0.0, 1.0], np.ones((3, 2)))
