"""The loss landscape of the course's MLP (:class:`course_utils.nn.MLP`), seen through lines and planes.

A network with d parameters has a loss L(w) on a d-dimensional space, which no
figure can show. What can be drawn are one- and two-dimensional cuts:

- the line from the initial to the trained parameters,
  L((1 − t) w₀ + t w*) (Goodfellow, Vinyals & Saxe 2015);
- a plane through the trained parameters along two random directions,
  L(w* + α δ + β η), with the directions *filter-normalised* so that the
  picture does not depend on the scale of the weights (Li et al. 2018, §4);
- the plane of the two principal directions of a training path, where the
  path itself can be drawn (Li et al. 2018, §7).

Every cut needs the full-data loss at many parameter vectors;
:func:`batch_losses` evaluates a whole stack of them with a few batched
matrix products instead of one Python call per point.

References
----------
Goodfellow, I. J., Vinyals, O. & Saxe, A. M. (2015). Qualitatively characterizing
neural network optimization problems. ICLR 2015.
Li, H., Xu, Z., Taylor, G., Studer, C. & Goldstein, T. (2018). Visualizing the
Loss Landscape of Neural Nets. NeurIPS 2018.
"""

from __future__ import annotations

import numpy as np

from . import _validate
from .nn import MLP

# entries of one chunk's largest intermediate array in batch_losses (about 16 MB of floats)
CHUNK_ENTRIES = 2_000_000


def _model(model):
    if not isinstance(model, MLP):
        _validate.fail("model", model, "cu.nn.MLP 객체여야 합니다.")
    return model


def _vector(model, name, w):
    w = _validate.finite_array(name, w)
    if w.shape != (model.n_params,):
        _validate.same_shape(name, w, (model.n_params,))
    return w


def _stack(model, name, W):
    W = _validate.numeric_array(name, W)
    if W.ndim != 2 or W.shape[1] != model.n_params:
        _validate.same_shape(name, W, (len(W) if W.ndim else 0, model.n_params))
    if not np.isfinite(W).all():
        _validate.fail(name, f"shape {W.shape}", "모든 값이 유한한 수(NaN, inf 아님)여야 합니다.")
    return W


def _grid(name, values):
    values = _validate.finite_array(name, values)
    if values.ndim != 1:
        _validate.fail(name, f"shape {values.shape}", "1차원 배열(좌표들)이어야 합니다.")
    return values


def _data(model, X, y):
    X = model._inputs(X)
    return X, model._labels(y, len(X))


# --- directions ---------------------------------------------------------------


def filter_normalize(model, direction, w):
    """Scale ``direction`` filter by filter to the norms of the filters of ``w`` (Li et al. 2018, §4).

    A *filter* of a fully connected layer is the incoming weight vector of one
    neuron: here a **column** of W₁ (the weights into hidden unit j, since
    H = φ(X W₁ + b₁)) and a column of W₂ (the weights into output c). Each
    filter of the direction becomes ``d_j ← d_j / ‖d_j‖ · ‖w_j‖``. The bias
    components of the direction are set to 0, as the authors' published code
    does by default for biases (its ``ignore='biasbn'``).

    Parameters
    ----------
    model : MLP
        The network (it knows where W₁, b₁, W₂, b₂ sit in the flat vector).
    direction : array_like
        A direction, shape ``(n_params,)``; every filter must be non-zero.
    w : array_like
        The parameters whose filter norms are copied, shape ``(n_params,)``.

    Returns
    -------
    ndarray
        The normalised direction, shape ``(n_params,)``.
    """
    model = _model(model)
    direction = _vector(model, "direction", direction)
    w = _vector(model, "w", w)
    D1, _, D2, _ = model.unpack(direction)
    W1, _, W2, _ = model.unpack(w)
    scaled = []
    for name, D, W in (("W1", D1, W1), ("W2", D2, W2)):
        d_norms = np.linalg.norm(D, axis=0)  # one norm per column = per neuron fed
        if np.any(d_norms == 0):
            _validate.fail(
                "direction",
                f"{name}의 열 {np.flatnonzero(d_norms == 0).tolist()}",
                "방향의 필터(열)가 0벡터이면 길이를 맞출 수 없습니다.",
            )
        scaled.append(D / d_norms * np.linalg.norm(W, axis=0))
    return model.pack(scaled[0], np.zeros(model.n_hidden), scaled[1], np.zeros(model.n_classes))


def random_direction(model, w, seed):
    """A random direction d ~ N(0, I), filter-normalised to ``w`` (:func:`filter_normalize`).

    Parameters
    ----------
    model : MLP
        The network.
    w : array_like
        The parameters the picture is centred on (usually the trained w*).
    seed : int or numpy.random.Generator
        The only source of randomness.

    Returns
    -------
    ndarray
        Shape ``(n_params,)``; biases 0, each filter as long as the filter of ``w``.
    """
    model = _model(model)
    w = _vector(model, "w", w)
    rng = _validate.rng("seed", seed)
    return filter_normalize(model, rng.standard_normal(model.n_params), w)


# --- losses at many parameter vectors -----------------------------------------


def _cross_entropy_of_outputs(Z2, labels):
    # mean cross-entropy of every stacked output (chunk, n, classes), by log-sum-exp
    top = Z2.max(axis=2)
    log_sum_exp = top + np.log(np.exp(Z2 - top[..., None]).sum(axis=2))
    return np.mean(log_sum_exp - Z2[:, np.arange(Z2.shape[1]), labels], axis=1)


def _second_layer(model, Z1, W2, b2):
    H = np.tanh(Z1) if model.activation == "tanh" else np.maximum(Z1, 0.0)
    return H @ W2 + b2[:, None, :]


def _chunk(model, n):
    return max(1, CHUNK_ENTRIES // (n * (model.n_hidden + model.n_classes)))


def batch_losses(model, W, X, y):
    """The full-data loss L(w) at every row of ``W``, with batched matrix products.

    Equal to ``[model.loss(w, X, y) for w in W]`` (a test checks), but one
    forward pass serves a whole chunk of parameter vectors.

    Parameters
    ----------
    model : MLP
        The network.
    W : array_like
        Parameter vectors, shape ``(m, n_params)``.
    X, y : array_like
        Inputs ``(n, n_inputs)`` and labels ``(n,)``.

    Returns
    -------
    ndarray
        Shape ``(m,)``.
    """
    model = _model(model)
    W = _stack(model, "W", W)
    X, labels = _data(model, X, y)
    s, h, c = model._slices, model.n_hidden, model.n_classes
    chunk = _chunk(model, len(X))
    out = np.empty(len(W))
    for start in range(0, len(W), chunk):
        part = W[start : start + chunk]
        Z1 = X @ part[:, s["W1"]].reshape(-1, model.n_inputs, h) + part[:, None, s["b1"]]
        Z2 = _second_layer(model, Z1, part[:, s["W2"]].reshape(-1, h, c), part[:, s["b2"]])
        out[start : start + chunk] = _cross_entropy_of_outputs(Z2, labels)
    return out


def _affine_losses(model, w, directions, coefficients, X, labels):
    """L(w + Σₖ cₖ dₖ) for every row c of ``coefficients``.

    The first layer is linear in the parameters, so X(W₁ + Σ cₖ Dₖ) + b = (XW₁ + b₁) + Σ cₖ (X Dₖ + dbₖ):
    a few products with X serve every point of a line or a plane (the largest cost otherwise).
    """
    s, h, c = model._slices, model.n_hidden, model.n_classes
    W1 = np.stack([v[s["W1"]].reshape(model.n_inputs, h) for v in (w, *directions)])
    b1 = np.stack([v[s["b1"]] for v in (w, *directions)])
    first = X @ W1 + b1[:, None, :]  # (1 + k, n, h)
    chunk = _chunk(model, len(X))
    out = np.empty(len(coefficients))
    for start in range(0, len(coefficients), chunk):
        part = coefficients[start : start + chunk]
        Z1 = first[0] + np.tensordot(part, first[1:], axes=1)
        points = w + part @ np.stack(directions)
        Z2 = _second_layer(model, Z1, points[:, s["W2"]].reshape(-1, h, c), points[:, s["b2"]])
        out[start : start + chunk] = _cross_entropy_of_outputs(Z2, labels)
    return out


def interpolation_losses(model, w_start, w_end, X, y, t):
    """L((1 − t) w_start + t w_end) for every t (Goodfellow, Vinyals & Saxe 2015).

    t = 0 is ``w_start``, t = 1 is ``w_end``; t < 0 and t > 1 continue the
    line beyond the two points.

    Parameters
    ----------
    model : MLP
        The network.
    w_start, w_end : array_like
        The two parameter vectors, shape ``(n_params,)``.
    X, y : array_like
        The data of the loss.
    t : array_like
        Positions on the line, shape ``(k,)``.

    Returns
    -------
    ndarray
        Shape ``(k,)``.
    """
    model = _model(model)
    w_start = _vector(model, "w_start", w_start)
    w_end = _vector(model, "w_end", w_end)
    t = _grid("t", t)
    X, labels = _data(model, X, y)
    # (1 − t) w_start + t w_end = w_start + t (w_end − w_start)
    return _affine_losses(model, w_start, [w_end - w_start], t[:, None], X, labels)


def slice_2d_losses(model, w, d1, d2, X, y, alphas, betas):
    """L(w + α d1 + β d2) on the grid of ``alphas`` × ``betas``.

    Parameters
    ----------
    model : MLP
        The network.
    w : array_like
        The centre of the plane, shape ``(n_params,)``.
    d1, d2 : array_like
        The two directions, shape ``(n_params,)``.
    X, y : array_like
        The data of the loss.
    alphas, betas : array_like
        Coordinates along ``d1`` and ``d2``, shapes ``(p,)`` and ``(q,)``.

    Returns
    -------
    ndarray
        Shape ``(q, p)``: row i is β = betas[i], column j is α = alphas[j]
        (the layout of ``np.meshgrid(alphas, betas)`` and ``plt.contour``).
    """
    model = _model(model)
    w = _vector(model, "w", w)
    d1 = _vector(model, "d1", d1)
    d2 = _vector(model, "d2", d2)
    alphas, betas = _grid("alphas", alphas), _grid("betas", betas)
    X, labels = _data(model, X, y)
    A, B = np.meshgrid(alphas, betas)
    coefficients = np.column_stack([A.ravel(), B.ravel()])
    return _affine_losses(model, w, [d1, d2], coefficients, X, labels).reshape(A.shape)


# --- principal directions of training paths -----------------------------------


def _paths(paths, d=None):
    items = (
        paths.items()
        if isinstance(paths, dict)
        else enumerate(paths)
        if isinstance(paths, (list, tuple))
        else None
    )
    if items is None:
        _validate.fail(
            "paths", paths, "경로들의 목록이나 {이름: 경로} dict여야 합니다 (경로는 (n, d) 배열)."
        )
    arrays = []
    for label, path in items:
        path = _validate.finite_array(f"paths[{label!r}]", path)
        if path.ndim != 2 or (d is not None and path.shape[1] != d):
            _validate.same_shape(f"paths[{label!r}]", path, (len(path), d or "d"))
        d = path.shape[1]
        arrays.append(path)
    if not arrays:
        _validate.fail("paths", paths, "경로가 하나 이상 있어야 합니다.")
    return arrays


def pca_directions(paths, center):
    """The two principal directions of the points of ``paths`` seen from ``center`` (Li et al. 2018, §7).

    The rows w_k − center of all paths are stacked into one matrix M; its
    singular value decomposition M = U Σ Vᵀ gives the directions (the first
    two rows of Vᵀ, orthonormal) and the share of Σₖ ‖w_k − center‖² that the
    plane they span keeps: σᵢ² / Σⱼ σⱼ².

    Parameters
    ----------
    paths : list or dict of array_like
        Training paths, each of shape ``(n_k, d)`` (one parameter vector per row).
    center : array_like
        The point the plane passes through, shape ``(d,)`` (Li et al.: the
        final parameters).

    Returns
    -------
    directions : ndarray
        Shape ``(2, d)``, orthonormal rows.
    explained : ndarray
        Shape ``(2,)``: σ₁²/Σσ², σ₂²/Σσ².
    """
    center = _validate.finite_array("center", center)
    if center.ndim != 1:
        _validate.fail("center", f"shape {center.shape}", "1차원 벡터여야 합니다.")
    M = np.concatenate(_paths(paths, len(center))) - center
    if len(M) < 2 or np.linalg.matrix_rank(M) < 2:
        _validate.fail(
            "paths",
            f"{len(M)}개의 점",
            "center에서 본 점들이 적어도 두 방향으로 퍼져 있어야 합니다.",
        )
    _, sigma, Vt = np.linalg.svd(M, full_matrices=False)
    energy = sigma**2
    return Vt[:2].copy(), energy[:2] / energy.sum()


def project(path, center, directions):
    """Coordinates of each point of ``path`` in the plane ``center + span(directions)``.

    With orthonormal ``directions`` (as :func:`pca_directions` returns), the
    coordinates are (w_k − center) · u₁ and (w_k − center) · u₂; a path that
    lies in the plane is rebuilt exactly by ``center + coords @ directions``.

    Parameters
    ----------
    path : array_like
        Shape ``(n, d)``.
    center : array_like
        Shape ``(d,)``.
    directions : array_like
        Shape ``(2, d)``, orthonormal rows.

    Returns
    -------
    ndarray
        Shape ``(n, 2)``.
    """
    center = _validate.finite_array("center", center)
    (path,) = _paths([path], len(center))
    directions = _validate.finite_array("directions", directions)
    _validate.same_shape("directions", directions, (2, len(center)))
    if not np.allclose(directions @ directions.T, np.eye(2), atol=1e-8):
        _validate.fail(
            "directions",
            "두 방향",
            "서로 수직인 단위벡터 두 개여야 합니다 (pca_directions의 결과처럼).",
        )
    return (path - center) @ directions.T


# --- pictures -----------------------------------------------------------------


def plot_slice_contour(
    alphas, betas, losses, ax=None, levels=20, log=True, colorbar=True, cmap="viridis"
):
    """Filled contour of a 2D slice (:func:`slice_2d_losses`), the centre (0, 0) marked ✕.

    Parameters
    ----------
    alphas, betas : array_like
        Grid coordinates, shapes ``(p,)`` and ``(q,)``.
    losses : array_like
        Shape ``(q, p)``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    levels : int, default 20
        Number of contour levels.
    log : bool, default True
        Levels evenly spaced in log L (the loss spans decades on a slice).
    colorbar : bool, default True
        Draw a colour bar.
    cmap : str, default "viridis"
        Colormap.

    Returns
    -------
    matplotlib.axes.Axes
    """
    alphas, betas = _grid("alphas", alphas), _grid("betas", betas)
    losses = _validate.finite_array("losses", losses)
    _validate.same_shape("losses", losses, (len(betas), len(alphas)))
    levels = _validate.count("levels", levels, minimum=2)
    if log and losses.min() <= 0:
        _validate.fail("losses", losses.min(), "log=True에는 양수인 손실이 필요합니다.")
    from .plots import get_ax

    ax = get_ax(ax, figsize=(5, 4))
    values = np.geomspace(losses.min(), losses.max(), levels) if log else levels
    filled = ax.contourf(
        alphas, betas, losses, levels=values, cmap=cmap, norm="log" if log else None
    )
    ax.contour(alphas, betas, losses, levels=values, colors="white", linewidths=0.4, alpha=0.6)
    ax.plot(0, 0, marker="X", color="tab:red", markersize=10, linestyle="none", zorder=5)
    if colorbar:
        bar = ax.figure.colorbar(filled, ax=ax, label="손실")
        if log:  # a few round labels instead of one per level in scientific notation
            bar.set_ticks(np.geomspace(losses.min(), losses.max(), 5))
            bar.set_ticklabels([f"{v:.3g}" for v in np.geomspace(losses.min(), losses.max(), 5)])
            bar.minorticks_off()
    ax.set_aspect("equal")
    return ax


def slice_surface(
    alphas, betas, losses, title=None, height=480, zlabel="손실", colorscale="Viridis"
):
    """A rotatable plotly surface of a 2D slice, the centre (0, 0) marked.

    Parameters
    ----------
    alphas, betas : array_like
        Grid coordinates, shapes ``(p,)`` and ``(q,)``.
    losses : array_like
        Shape ``(q, p)``.
    title : str, optional
        Figure title.
    height : int, default 480
        Height in pixels.
    zlabel : str, default "손실"
        Title of the vertical axis.
    colorscale : str, default "Viridis"
        Plotly colorscale.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    alphas, betas = _grid("alphas", alphas), _grid("betas", betas)
    losses = _validate.finite_array("losses", losses)
    _validate.same_shape("losses", losses, (len(betas), len(alphas)))
    height = _validate.count("height", height, minimum=100)
    import plotly.graph_objects as go

    from .webfont import apply_to_plotly

    apply_to_plotly()  # Hangul in the course web font, as the cu.plots plotly helpers do

    i, j = np.argmin(np.abs(betas)), np.argmin(np.abs(alphas))
    fig = go.Figure(
        go.Surface(x=alphas, y=betas, z=losses, colorscale=colorscale, showscale=False, name=zlabel)
    )
    fig.add_trace(
        go.Scatter3d(
            x=[alphas[j]],
            y=[betas[i]],
            z=[losses[i, j]],
            mode="markers",
            marker=dict(size=5, color="#d62728", symbol="x"),
            name="w*",
        )
    )
    fig.update_layout(
        title=title,
        height=height,
        margin=dict(l=0, r=0, t=40, b=0),
        scene=dict(xaxis_title="α", yaxis_title="β", zaxis_title=zlabel),
    )
    return fig
