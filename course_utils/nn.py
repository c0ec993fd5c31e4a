"""A small neural network in NumPy, trained by the course's own optimizers.

The network is a multilayer perceptron with one hidden layer and a softmax
output, for classification with the cross-entropy loss::

    H = φ(X W₁ + b₁),   P = softmax(H W₂ + b₂),   L = −(1/n) Σᵢ log P[i, yᵢ]

with φ = tanh or ReLU. Backpropagation is the chain rule written out by hand
(notebook 03 did it for one neuron)::

    ∂L/∂Z₂ = (P − Y)/n                         (Y: one-hot labels)
    ∂L/∂W₂ = Hᵀ ∂L/∂Z₂,     ∂L/∂b₂ = Σᵢ ∂L/∂Z₂
    ∂L/∂Z₁ = (∂L/∂Z₂ W₂ᵀ) ⊙ φ′(Z₁)
    ∂L/∂W₁ = Xᵀ ∂L/∂Z₁,     ∂L/∂b₁ = Σᵢ ∂L/∂Z₁

All parameters live in **one flat vector** w = (W₁, b₁, W₂, b₂), so the
network is just another f(w) to the optimizers: ``MLP.loss(w, X, y)`` and
``MLP.gradient(w, X, y)`` plug straight into
:func:`course_utils.minibatch_descent` with any of the six optimizers; there is
no second optimizer implementation here. ``tests/test_nn.py`` checks the
analytic gradient against :func:`course_utils.calculus.gradient`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _validate
from .optimizers import Optimizer, minibatch_descent

ACTIVATIONS = ("tanh", "relu")


def softmax(Z):
    """Row-wise softmax exp(z_c) / Σ_j exp(z_j), computed without overflow.

    Parameters
    ----------
    Z : ndarray
        Scores (logits), shape ``(n, classes)``.

    Returns
    -------
    ndarray
        Probabilities of the same shape; every row sums to 1.
    """
    Z = np.asarray(Z, dtype=float)
    # softmax(z) = softmax(z − max z): the largest exponent becomes 0, never inf
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def cross_entropy(Z, labels):
    """Mean cross-entropy −(1/n) Σᵢ log softmax(Zᵢ)[yᵢ], from the logits.

    Computed as log Σ_j exp(z_j) − z_y (log-sum-exp), which stays finite even
    when a probability underflows to 0.

    Parameters
    ----------
    Z : ndarray
        Logits, shape ``(n, classes)``.
    labels : ndarray of int
        Class indices yᵢ, shape ``(n,)``.

    Returns
    -------
    float
    """
    Z = np.asarray(Z, dtype=float)
    top = Z.max(axis=1)
    log_sum_exp = top + np.log(np.exp(Z - top[:, None]).sum(axis=1))
    return float(np.mean(log_sum_exp - Z[np.arange(len(Z)), labels]))


def one_hot(labels, n_classes):
    """One-hot rows: ``Y[i, yᵢ] = 1``, all else 0.

    Parameters
    ----------
    labels : array_like of int
        Class indices in ``[0, n_classes)``.
    n_classes : int
        Number of classes.

    Returns
    -------
    ndarray
        Shape ``(len(labels), n_classes)``.
    """
    n_classes = _validate.count("n_classes", n_classes, minimum=1)
    values = _validate.numeric_array("labels", labels)
    if (
        values.ndim != 1
        or not np.all(np.isfinite(values))
        or np.any(values != np.round(values))
        or np.any(values < 0)
        or np.any(values >= n_classes)
    ):
        _validate.fail(
            "labels", labels, f"0 … {n_classes - 1} 사이의 정수 라벨들(1차원)이어야 합니다."
        )
    return np.eye(n_classes)[values.astype(int)]


class MLP:
    """A one-hidden-layer network ``n_inputs → n_hidden → n_classes``.

    The object holds only the architecture; the parameters are the flat
    vector ``w`` passed to every method (as an optimizer sees them).

    Parameters
    ----------
    n_inputs : int
        Features per sample, ≥ 1.
    n_hidden : int
        Hidden units, ≥ 1.
    n_classes : int
        Output classes, ≥ 2.
    activation : {"tanh", "relu"}, default "tanh"
        Hidden-layer nonlinearity φ.
    """

    def __init__(self, n_inputs, n_hidden, n_classes, activation="tanh"):
        self.n_inputs = _validate.count("n_inputs", n_inputs, minimum=1)
        self.n_hidden = _validate.count("n_hidden", n_hidden, minimum=1)
        self.n_classes = _validate.count("n_classes", n_classes, minimum=2)
        self.activation = _validate.choice("activation", activation, ACTIVATIONS)
        self.shapes = {
            "W1": (self.n_inputs, self.n_hidden),
            "b1": (self.n_hidden,),
            "W2": (self.n_hidden, self.n_classes),
            "b2": (self.n_classes,),
        }
        sizes = [int(np.prod(shape)) for shape in self.shapes.values()]
        self.n_params = int(sum(sizes))
        bounds = np.cumsum([0] + sizes)
        self._slices = {name: slice(bounds[i], bounds[i + 1]) for i, name in enumerate(self.shapes)}

    def __repr__(self):
        return (
            f"MLP({self.n_inputs} → {self.n_hidden} → {self.n_classes}, "
            f"activation={self.activation!r}, n_params={self.n_params})"
        )

    # --- parameters as one vector ------------------------------------------

    def unpack(self, w):
        """Split the flat vector into ``(W1, b1, W2, b2)`` (views, no copy).

        Parameters
        ----------
        w : ndarray
            Parameters, shape ``(n_params,)``.

        Returns
        -------
        tuple of ndarray
            W₁ ``(n_inputs, n_hidden)``, b₁ ``(n_hidden,)``,
            W₂ ``(n_hidden, n_classes)``, b₂ ``(n_classes,)``.
        """
        w = _validate.numeric_array("w", w)
        if w.shape != (self.n_params,):
            _validate.same_shape("w", w, (self.n_params,))
        return self._unpack(w)

    def _unpack(self, w):
        return tuple(w[self._slices[name]].reshape(shape) for name, shape in self.shapes.items())

    def pack(self, W1, b1, W2, b2):
        """Join the four parameter arrays into one flat vector (inverse of :meth:`unpack`).

        Parameters
        ----------
        W1, b1, W2, b2 : array_like
            Weights and biases with the shapes of :meth:`unpack`.

        Returns
        -------
        ndarray
            Shape ``(n_params,)``.
        """
        parts = []
        for (name, shape), value in zip(self.shapes.items(), (W1, b1, W2, b2)):
            _validate.same_shape(name, value, shape)
            parts.append(np.asarray(value, dtype=float).ravel())
        return np.concatenate(parts)

    def init(self, seed):
        """Random initial parameters w⁽⁰⁾: weights ~ N(0, 1/fan_in), biases 0.

        The scale 1/fan_in (LeCun et al. 1998) keeps the pre-activations of
        order 1 for standardised inputs, so tanh starts in its steep part.

        Parameters
        ----------
        seed : int or numpy.random.Generator
            The only source of randomness.

        Returns
        -------
        ndarray
            Shape ``(n_params,)``.
        """
        rng = _validate.rng("seed", seed)
        W1 = rng.normal(0.0, 1.0 / np.sqrt(self.n_inputs), self.shapes["W1"])
        W2 = rng.normal(0.0, 1.0 / np.sqrt(self.n_hidden), self.shapes["W2"])
        return self.pack(W1, np.zeros(self.n_hidden), W2, np.zeros(self.n_classes))

    # --- forward and backward ----------------------------------------------

    def _phi(self, Z1):
        return np.tanh(Z1) if self.activation == "tanh" else np.maximum(Z1, 0.0)

    def _phi_prime(self, Z1, H):
        # tanh′(z) = 1 − tanh²(z);  ReLU′(z) = 1 if z > 0 else 0
        return 1.0 - H**2 if self.activation == "tanh" else (Z1 > 0).astype(float)

    def _inputs(self, X, name="X"):
        X = _validate.numeric_array(name, X)
        if X.ndim != 2 or X.shape[1] != self.n_inputs:
            _validate.same_shape(name, X, (len(X), self.n_inputs))
        return X

    def _labels(self, y, n, name="y"):
        if type(y) is np.ndarray and y.dtype.kind in "iu" and y.shape == (n,):
            # integer labels (the usual case, checked on every call): only the range
            if n == 0 or (y.min() >= 0 and y.max() < self.n_classes):
                return y
        labels, problem = _validate._float_array(y)
        # NaN and inf are refused before the cast to int, which would warn
        as_int = labels.astype(int) if problem is None and np.isfinite(labels).all() else None
        if (
            as_int is None
            or labels.shape != (n,)
            or np.any(as_int != labels)
            or np.any(as_int < 0)
            or np.any(as_int >= self.n_classes)
        ):
            raise ValueError(
                f"`{name}` 값이 올바르지 않습니다: {_validate.shown(y)} — 길이 {n}의 정수 라벨 "
                f"0 … {self.n_classes - 1} 이어야 합니다."
            )
        return as_int

    def logits(self, w, X):
        """Output scores Z₂ = φ(X W₁ + b₁) W₂ + b₂ (before the softmax).

        Parameters
        ----------
        w : ndarray
            Parameters, shape ``(n_params,)``.
        X : array_like
            Inputs, shape ``(n, n_inputs)``.

        Returns
        -------
        ndarray
            Shape ``(n, n_classes)``.
        """
        return self._logits(self._weights(w), self._inputs(X))

    def predict_proba(self, w, X):
        """Class probabilities P = softmax(Z₂), shape ``(n, n_classes)``.

        Parameters
        ----------
        w : ndarray
            Parameters, shape ``(n_params,)``.
        X : array_like
            Inputs, shape ``(n, n_inputs)``.

        Returns
        -------
        ndarray
        """
        return softmax(self.logits(w, X))

    def predict(self, w, X):
        """The most probable class of every row.

        Parameters
        ----------
        w : ndarray
            Parameters, shape ``(n_params,)``.
        X : array_like
            Inputs, shape ``(n, n_inputs)``.

        Returns
        -------
        ndarray of int
            Shape ``(n,)``.
        """
        return np.argmax(self.logits(w, X), axis=1)

    def accuracy(self, w, X, y):
        """Fraction of rows whose predicted class equals the label.

        Parameters
        ----------
        w : ndarray
            Parameters, shape ``(n_params,)``.
        X : array_like
            Inputs, shape ``(n, n_inputs)``.
        y : array_like
            Labels 0 … n_classes − 1, shape ``(n,)``.

        Returns
        -------
        float
        """
        X = self._inputs(X)
        return float(np.mean(self.predict(w, X) == self._labels(y, len(X))))

    def loss(self, w, X, y):
        """Mean cross-entropy L(w) over the rows of ``X``.

        Parameters
        ----------
        w : ndarray
            Parameters, shape ``(n_params,)``.
        X : array_like
            Inputs, shape ``(n, n_inputs)``.
        y : array_like
            Labels 0 … n_classes − 1 (floats such as 2.0 are accepted too),
            shape ``(n,)``.

        Returns
        -------
        float
        """
        X = self._inputs(X)
        return cross_entropy(self.logits(w, X), self._labels(y, len(X)))

    def gradient(self, w, X, y):
        """∇L(w) by backpropagation, as one flat vector shaped like ``w``.

        Parameters
        ----------
        w : ndarray
            Parameters, shape ``(n_params,)``.
        X : array_like
            Inputs, shape ``(n, n_inputs)``.
        y : array_like
            Labels 0 … n_classes − 1, shape ``(n,)``.

        Returns
        -------
        ndarray
            Shape ``(n_params,)``.
        """
        X = self._inputs(X)
        return self._gradient(self._weights(w), X, self._labels(y, len(X)))

    # The checked methods above validate their arguments on every call; a training
    # loop validates its data once and then calls these (a third of a 32-row step
    # went to checks that cannot fail twice).

    def _weights(self, w):
        w = _validate.numeric_array("w", w)
        if w.shape != (self.n_params,):
            _validate.same_shape("w", w, (self.n_params,))
        return w

    def _loss(self, w, X, labels):
        return cross_entropy(self._logits(w, X), labels.astype(int))

    def _logits(self, w, X):
        W1, b1, W2, b2 = self._unpack(w)
        return self._phi(X @ W1 + b1) @ W2 + b2

    def _gradient(self, w, X, labels):
        W1, b1, W2, b2 = self._unpack(w)
        n = len(X)
        Y = np.eye(self.n_classes)[labels.astype(int)]  # one-hot rows
        # forward pass, keeping what the backward pass needs
        Z1 = X @ W1 + b1
        H = self._phi(Z1)
        P = softmax(H @ W2 + b2)
        # backward pass: the chain rule, from the loss back to each parameter
        dZ2 = (P - Y) / n
        dW2 = H.T @ dZ2
        db2 = dZ2.sum(axis=0)
        dZ1 = (dZ2 @ W2.T) * self._phi_prime(Z1, H)
        dW1 = X.T @ dZ1
        db1 = dZ1.sum(axis=0)
        return np.concatenate([dW1.ravel(), db1, dW2.ravel(), db2])


# --- data preparation -------------------------------------------------------


def stratified_split(labels, fractions=(0.6, 0.2, 0.2), seed=None):
    """Split row indices into parts (e.g. train / validation / test), class by class.

    Every class is shuffled and cut in the given fractions, so each part has
    about the same class proportions as the whole (important for a small,
    unbalanced data set).

    Parameters
    ----------
    labels : array_like
        One label per row (any hashable values).
    fractions : sequence of float, default (0.6, 0.2, 0.2)
        Positive shares of the parts, summing to 1.
    seed : int or numpy.random.Generator, optional
        The only source of randomness.

    Returns
    -------
    tuple of ndarray of int
        Sorted row indices, one array per part; together they cover every row once.
    """
    labels = np.asarray(labels)
    if isinstance(fractions, (str, bytes)) or not hasattr(fractions, "__iter__"):
        _validate.fail("fractions", fractions, "(0.6, 0.2, 0.2)처럼 비율들의 목록이어야 합니다.")
    fractions = [_validate.positive("fractions", f) for f in fractions]
    if len(fractions) < 2 or not np.isclose(sum(fractions), 1.0):
        raise ValueError(
            f"`fractions` 값이 올바르지 않습니다: {tuple(fractions)!r} — 두 개 이상의 "
            "양수이고 합이 1이어야 합니다."
        )
    if labels.ndim != 1 or len(labels) < len(fractions):
        raise ValueError(
            f"`labels` 값이 올바르지 않습니다: 길이 {len(labels)} — 1차원이고 "
            f"나눌 부분 수 {len(fractions)} 이상이어야 합니다."
        )
    rng = _validate.rng("seed", seed)
    parts = [[] for _ in fractions]
    for value in np.unique(labels):
        rows = rng.permutation(np.flatnonzero(labels == value))
        cuts = np.round(np.cumsum(fractions)[:-1] * len(rows)).astype(int)
        for part, chunk in zip(parts, np.split(rows, cuts)):
            part.extend(chunk.tolist())
    return tuple(np.sort(np.array(part, dtype=int)) for part in parts)


def standardize(train, *others):
    """Scale features to mean 0, standard deviation 1 **using the training rows only**.

    The validation and test rows get the training mean and standard deviation,
    so nothing about them leaks into training.

    Parameters
    ----------
    train : array_like
        Training features, shape ``(n, d)``.
    *others : array_like
        Further feature arrays with ``d`` columns (validation, test).

    Returns
    -------
    tuple of ndarray
        The standardised ``train`` followed by the standardised ``others``.
    """
    train = _validate.finite_array("train", train)
    mean, std = train.mean(axis=0), train.std(axis=0)
    if np.any(std == 0):
        raise ValueError(
            f"`train` 값이 올바르지 않습니다: 표준편차 {std.tolist()} — 값이 모두 같은 "
            "열은 표준화할 수 없습니다."
        )
    scaled = [(train - mean) / std]
    for i, other in enumerate(others):
        other = _validate.finite_array(f"others[{i}]", other)
        _validate.same_shape(f"others[{i}]", other, (len(other), train.shape[1]))
        scaled.append((other - mean) / std)
    return tuple(scaled)


# --- training runs for comparisons ------------------------------------------


@dataclass
class TrainingCurves:
    """The record of one training run (what :func:`train_classifier` returns).

    Attributes
    ----------
    steps : ndarray of int
        Number of updates made before each recorded point (0 = before training).
    train_loss, val_loss, val_accuracy : ndarray
        Full training loss, validation loss and validation accuracy at those
        points; NaN after the run diverged.
    w : ndarray
        The final parameters.
    diverged : bool
        True if the parameters blew up (see :func:`course_utils.optimize`).
    """

    steps: np.ndarray
    train_loss: np.ndarray
    val_loss: np.ndarray
    val_accuracy: np.ndarray
    w: np.ndarray
    diverged: bool


def train_classifier(
    model,
    optimizer,
    X_train,
    y_train,
    X_val,
    y_val,
    epochs,
    batch_size,
    seed,
    record_every=None,
    schedule=None,
):
    """Initialise ``model`` and train it with :func:`course_utils.minibatch_descent`.

    One seed drives both the initial parameters and the mini-batch shuffles,
    so a run is reproduced exactly by its seed.

    Parameters
    ----------
    model : MLP
        The network.
    optimizer : Optimizer
        Any of the course's optimizers (reset before training).
    X_train, y_train : array_like
        Training inputs and labels.
    X_val, y_val : array_like
        Validation inputs and labels.
    epochs : int
        Passes over the training data (the budget), ≥ 1.
    batch_size : int
        Samples per mini-batch.
    seed : int or numpy.random.Generator
        Randomness for initialisation and shuffling.
    record_every : int, optional
        Record the losses and the validation accuracy after every
        ``record_every``-th update (and at the end of every epoch); default
        once per epoch. Recording costs a full pass over both data sets.
    schedule : callable, optional
        A learning-rate schedule (``course_utils.schedules``), passed to
        :func:`course_utils.minibatch_descent`: update k uses ε = ``schedule(k)``.

    Returns
    -------
    TrainingCurves
    """
    if not isinstance(model, MLP):
        raise ValueError(f"`model` 값이 올바르지 않습니다: {model!r} — cu.nn.MLP 객체여야 합니다.")
    if not isinstance(optimizer, Optimizer):
        raise ValueError(
            f"`optimizer` 값이 올바르지 않습니다: {optimizer!r} — Optimizer 객체여야 합니다."
        )
    # checked once here, so the training loop can use the model's unchecked methods
    X_train = model._inputs(X_train, "X_train")
    y_train = model._labels(y_train, len(X_train), "y_train")
    X_val = model._inputs(X_val, "X_val")
    y_val = model._labels(y_val, len(X_val), "y_val")
    epochs = _validate.count("epochs", epochs, minimum=1)
    batch_size = _validate.count("batch_size", batch_size, minimum=1)
    n = len(X_train)
    steps_per_epoch = -(-n // batch_size)
    record_every = (
        steps_per_epoch
        if record_every is None
        else _validate.count("record_every", record_every, minimum=1)
    )
    rng = _validate.rng("seed", seed)
    w0 = model.init(rng)
    result = minibatch_descent(
        model._loss,
        model._gradient,
        w0,
        X_train,
        y_train,
        optimizer,
        batch_size=batch_size,
        epochs=epochs,
        seed=rng,
        loss_every=record_every,
        schedule=schedule,
    )
    # where a complete run records: every record_every-th update and every epoch end
    total = epochs * steps_per_epoch
    expected = np.union1d(
        np.arange(0, total + 1, record_every), np.arange(0, total + 1, steps_per_epoch)
    )
    curves = np.full((3, len(expected)), np.nan)
    for index, k in enumerate(result.updates):
        position = np.searchsorted(expected, k)
        if position < len(expected) and expected[position] == k:
            w = np.asarray(result.path[index])
            curves[:, position] = (
                result.step_loss[index],
                model._loss(w, X_val, y_val),
                np.mean(np.argmax(model._logits(w, X_val), axis=1) == y_val),
            )
    return TrainingCurves(
        steps=expected,
        train_loss=curves[0],
        val_loss=curves[1],
        val_accuracy=curves[2],
        w=np.asarray(result.w),
        diverged=result.diverged,
    )
