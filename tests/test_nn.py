"""The NumPy network of notebook 12: forward pass, backpropagation checked against
numerical gradients, data preparation and training through the course's optimizers."""

import numpy as np
import pytest

import course_utils as cu
from course_utils import nn


def toy_data(n=40, d=4, classes=3, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    y = rng.integers(0, classes, n)
    return X, y


# --- softmax, cross-entropy, one-hot -----------------------------------------


def test_softmax_rows_are_probabilities_even_for_huge_scores():
    Z = np.array([[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0], [-800.0, -800.0, -800.0]])
    P = nn.softmax(Z)  # no overflow warning (warnings are errors in this test suite)
    np.testing.assert_allclose(P.sum(axis=1), 1.0)
    np.testing.assert_allclose(P[0], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())
    np.testing.assert_allclose(P[1], [1.0, 0.0, 0.0], atol=1e-300)
    np.testing.assert_allclose(P[2], [1 / 3] * 3)


def test_cross_entropy_is_mean_negative_log_probability_and_stays_finite():
    Z = np.array([[0.5, -1.0, 2.0], [0.0, 0.0, 0.0]])
    labels = np.array([2, 1])
    expected = -np.mean(np.log(nn.softmax(Z)[[0, 1], labels]))
    assert nn.cross_entropy(Z, labels) == pytest.approx(expected)
    # a confidently wrong answer: log P underflows, the log-sum-exp form does not
    assert nn.cross_entropy(np.array([[1000.0, 0.0]]), np.array([1])) == pytest.approx(1000.0)


def test_one_hot():
    np.testing.assert_array_equal(nn.one_hot([2, 0], 3), [[0, 0, 1], [1, 0, 0]])


# --- the network --------------------------------------------------------------


def test_parameter_vector_layout_and_round_trip():
    model = nn.MLP(4, 8, 3)
    assert model.n_params == 4 * 8 + 8 + 8 * 3 + 3 == 67
    w = np.arange(67, dtype=float)
    W1, b1, W2, b2 = model.unpack(w)
    assert (W1.shape, b1.shape, W2.shape, b2.shape) == ((4, 8), (8,), (8, 3), (3,))
    assert W1[0, 0] == 0 and b1[0] == 32 and W2[0, 0] == 40 and b2[-1] == 66
    assert np.shares_memory(W1, w)  # views, no copy
    np.testing.assert_array_equal(model.pack(W1, b1, W2, b2), w)


def test_init_is_seeded_scaled_and_has_zero_biases():
    model = nn.MLP(4, 50, 3)
    w = model.init(seed=3)
    np.testing.assert_array_equal(w, model.init(seed=3))
    np.testing.assert_array_equal(w, model.init(np.random.default_rng(3)))
    assert not np.array_equal(w, model.init(seed=4))
    W1, b1, W2, b2 = model.unpack(w)
    assert np.all(b1 == 0) and np.all(b2 == 0)
    assert W1.std() == pytest.approx(1 / np.sqrt(4), rel=0.2)
    assert W2.std() == pytest.approx(1 / np.sqrt(50), rel=0.2)


def test_loss_is_the_forward_pass_written_out():
    X, y = toy_data()
    model = nn.MLP(4, 6, 3)
    w = model.init(seed=1)
    W1, b1, W2, b2 = model.unpack(w)
    Z = np.tanh(X @ W1 + b1) @ W2 + b2
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    assert model.loss(w, X, y) == pytest.approx(-np.mean(np.log(P[np.arange(len(y)), y])))
    np.testing.assert_allclose(model.predict_proba(w, X), P)
    np.testing.assert_array_equal(model.predict(w, X), np.argmax(P, axis=1))
    assert model.accuracy(w, X, y) == pytest.approx(np.mean(np.argmax(P, axis=1) == y))


def test_relu_forward_pass():
    X, y = toy_data()
    model = nn.MLP(4, 6, 3, activation="relu")
    w = model.init(seed=2)
    W1, b1, W2, b2 = model.unpack(w)
    np.testing.assert_allclose(model.logits(w, X), np.maximum(X @ W1 + b1, 0) @ W2 + b2)


def test_float_labels_as_passed_by_minibatch_descent_are_accepted():
    X, y = toy_data()
    model = nn.MLP(4, 5, 3)
    w = model.init(seed=0)
    assert model.loss(w, X, y.astype(float)) == model.loss(w, X, y)
    np.testing.assert_array_equal(model.gradient(w, X, y.astype(float)), model.gradient(w, X, y))


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_backpropagation_matches_numerical_gradient(activation):
    X, y = toy_data(n=30, seed=5)
    model = nn.MLP(4, 7, 3, activation=activation)
    rng = np.random.default_rng(0)
    points = [model.init(seed=s) + 0.3 * rng.standard_normal(model.n_params) for s in range(4)]
    worst = cu.calculus.gradient_check(
        lambda v: model.loss(v, X, y),
        lambda v: model.gradient(v, X, y),
        points,
        rtol=1e-5,
        atol=1e-8,
    )
    assert worst < 1e-7


def test_gradient_check_would_catch_a_wrong_backward_pass():
    X, y = toy_data(n=20)
    model = nn.MLP(4, 5, 3)
    w = model.init(seed=0)

    def wrong(v):  # forgets the tanh′ factor: a classic bug
        W1, b1, W2, b2 = model.unpack(v)
        H = np.tanh(X @ W1 + b1)
        dZ2 = (nn.softmax(H @ W2 + b2) - nn.one_hot(y, 3)) / len(X)
        dZ1 = dZ2 @ W2.T
        return np.concatenate([(X.T @ dZ1).ravel(), dZ1.sum(0), (H.T @ dZ2).ravel(), dZ2.sum(0)])

    with pytest.raises(AssertionError):
        cu.calculus.gradient_check(lambda v: model.loss(v, X, y), wrong, [w])


def test_gradient_of_output_bias_is_mean_of_p_minus_y():
    X, y = toy_data()
    model = nn.MLP(4, 6, 3)
    w = model.init(seed=0)
    expected = (model.predict_proba(w, X) - nn.one_hot(y, 3)).mean(axis=0)
    np.testing.assert_allclose(model.gradient(w, X, y)[-3:], expected)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(n_inputs=0, n_hidden=3, n_classes=2), "n_inputs"),
        (dict(n_inputs=2, n_hidden=2.5, n_classes=2), "n_hidden"),
        (dict(n_inputs=2, n_hidden=3, n_classes=1), "n_classes"),
        (dict(n_inputs=2, n_hidden=3, n_classes=2, activation="sigmoid"), "activation"),
    ],
)
def test_bad_architecture_is_rejected_by_name(kwargs, name):
    with pytest.raises(ValueError, match=f"`{name}`"):
        nn.MLP(**kwargs)


def test_bad_inputs_are_rejected_by_name():
    X, y = toy_data()
    model = nn.MLP(4, 5, 3)
    w = model.init(seed=0)
    with pytest.raises(ValueError, match="`w`"):
        model.loss(w[:-1], X, y)
    with pytest.raises(ValueError, match="`X`"):
        model.loss(w, X[:, :3], y)
    with pytest.raises(ValueError, match="`y`"):
        model.loss(w, X, np.full(len(X), 3))  # class 3 of 0..2
    with pytest.raises(ValueError, match="`y`"):
        model.gradient(w, X, np.full(len(X), 0.5))  # not a class index
    with pytest.raises(ValueError, match="`y`"):
        model.accuracy(w, X, y[:-1])
    with pytest.raises(ValueError, match="`b1`"):
        model.pack(*model.unpack(w)[:1], np.zeros(4), *model.unpack(w)[2:])


# --- data preparation -----------------------------------------------------------


def test_stratified_split_covers_every_row_once_keeps_class_shares_and_is_seeded():
    labels = np.array(["a"] * 50 + ["b"] * 30 + ["c"] * 20)
    parts = nn.stratified_split(labels, (0.6, 0.2, 0.2), seed=7)
    np.testing.assert_array_equal(np.sort(np.concatenate(parts)), np.arange(100))
    assert [len(p) for p in parts] == [60, 20, 20]
    for part, share in zip(parts, (0.6, 0.2, 0.2)):
        for value, size in (("a", 50), ("b", 30), ("c", 20)):
            assert abs(np.sum(labels[part] == value) - share * size) <= 1
    again = nn.stratified_split(labels, (0.6, 0.2, 0.2), seed=7)
    other = nn.stratified_split(labels, (0.6, 0.2, 0.2), seed=8)
    assert all(np.array_equal(p, q) for p, q in zip(parts, again))
    assert not np.array_equal(parts[0], other[0])


@pytest.mark.parametrize("fractions", [(0.5, 0.3), (1.0,), (0.7, -0.1, 0.4)])
def test_stratified_split_rejects_bad_fractions(fractions):
    with pytest.raises(ValueError, match="`fractions`"):
        nn.stratified_split(np.arange(10) % 2, fractions, seed=0)


def test_standardize_uses_training_statistics_only():
    rng = np.random.default_rng(0)
    train = rng.normal([10, -3], [2, 0.5], (200, 2))
    test = rng.normal([10, -3], [2, 0.5], (50, 2)) + 100
    train_s, test_s = nn.standardize(train, test)
    np.testing.assert_allclose(train_s.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(train_s.std(axis=0), 1)
    np.testing.assert_allclose(test_s, (test - train.mean(0)) / train.std(0))
    with pytest.raises(ValueError, match="`train`"):
        nn.standardize(np.ones((5, 2)))
    with pytest.raises(ValueError, match="others"):
        nn.standardize(train, test[:, :1])


def test_penguins_prepared_as_in_notebook_12():
    features = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
    table = cu.data.load_penguins(columns=["species"] + features, dropna=False)
    complete = table.dropna()
    assert len(table) - len(complete) == 2
    labels = np.searchsorted(sorted(complete["species"].unique()), complete["species"].to_numpy())
    parts = nn.stratified_split(labels, (0.6, 0.2, 0.2), seed=0)
    assert [len(p) for p in parts] == [206, 67, 69]


# --- training with the course's optimizers --------------------------------------


@pytest.fixture(scope="module")
def separable():
    rng = np.random.default_rng(1)
    centres = np.array([[2.0, 0, 0, 0], [0, 2.0, 0, 0], [0, 0, 2.0, 0]])
    y = np.repeat(np.arange(3), 30)
    X = centres[y] + 0.5 * rng.standard_normal((90, 4))
    return X, y


@pytest.mark.parametrize(
    "name, lr",
    [
        ("sgd", 0.5),
        ("momentum", 0.1),
        ("nesterov", 0.1),
        ("adagrad", 0.3),
        ("rmsprop", 0.01),
        ("adam", 0.03),
    ],
)
def test_every_optimizer_trains_the_network_through_minibatch_descent(separable, name, lr):
    X, y = separable
    model = nn.MLP(4, 8, 3)
    result = cu.minibatch_descent(
        model.loss,
        model.gradient,
        model.init(seed=0),
        X,
        y,
        cu.make_optimizer(name, lr=lr),
        batch_size=16,
        epochs=15,
        seed=0,
    )
    assert not result.diverged
    assert result.epoch_loss[-1] < 0.3 * result.epoch_loss[0]
    assert model.accuracy(result.w, X, y) > 0.9


def test_train_classifier_records_epochs_and_is_reproduced_by_its_seed(separable):
    X, y = separable
    model = nn.MLP(4, 8, 3)
    run = nn.train_classifier(
        model, cu.Adam(lr=0.05), X[:60], y[:60], X[60:], y[60:], epochs=5, batch_size=16, seed=3
    )
    np.testing.assert_array_equal(run.steps, [0, 4, 8, 12, 16, 20])  # ⌈60/16⌉ = 4 per epoch
    assert run.train_loss[-1] < run.train_loss[0] and not run.diverged
    assert run.val_loss[0] == pytest.approx(model.loss(model.init(seed=3), X[60:], y[60:]))
    assert run.val_accuracy[-1] == pytest.approx(model.accuracy(run.w, X[60:], y[60:]))
    again = nn.train_classifier(
        model, cu.Adam(lr=0.05), X[:60], y[:60], X[60:], y[60:], epochs=5, batch_size=16, seed=3
    )
    np.testing.assert_array_equal(run.train_loss, again.train_loss)
    np.testing.assert_array_equal(run.w, again.w)


def test_train_classifier_is_minibatch_descent_with_the_same_random_stream(separable):
    X, y = separable
    model = nn.MLP(4, 8, 3)
    run = nn.train_classifier(
        model, cu.RMSProp(lr=0.01), X, y, X, y, epochs=3, batch_size=32, seed=11
    )
    rng = np.random.default_rng(11)
    w0 = model.init(rng)
    direct = cu.minibatch_descent(
        model.loss, model.gradient, w0, X, y, cu.RMSProp(lr=0.01), batch_size=32, epochs=3, seed=rng
    )
    np.testing.assert_array_equal(run.w, direct.w)
    np.testing.assert_allclose(run.train_loss, direct.epoch_loss)
    # the unchecked fast path records what the public methods compute
    assert run.val_loss[-1] == pytest.approx(model.loss(run.w, X, y), rel=1e-12)
    assert run.val_accuracy[-1] == model.accuracy(run.w, X, y)


def test_train_classifier_every_update_and_divergence(separable):
    X, y = separable
    model = nn.MLP(4, 8, 3)
    run = nn.train_classifier(
        model, cu.SGD(lr=0.5), X, y, X, y, epochs=2, batch_size=32, seed=0, record_every=1
    )
    np.testing.assert_array_equal(run.steps, np.arange(7))  # ⌈90/32⌉ = 3 updates per epoch
    assert not np.any(np.isnan(run.train_loss))
    blown = nn.train_classifier(model, cu.SGD(lr=1e12), X, y, X, y, epochs=3, batch_size=32, seed=0)
    assert blown.diverged
    assert np.isnan(blown.train_loss[-1]) and np.isfinite(blown.train_loss[0])
    assert np.all(np.isfinite(blown.w))


def test_train_classifier_rejects_bad_arguments(separable):
    X, y = separable
    model = nn.MLP(4, 8, 3)
    args = (X, y, X, y)
    with pytest.raises(ValueError, match="`model`"):
        nn.train_classifier("mlp", cu.SGD(lr=0.1), *args, epochs=1, batch_size=8, seed=0)
    with pytest.raises(ValueError, match="`optimizer`"):
        nn.train_classifier(model, "sgd", *args, epochs=1, batch_size=8, seed=0)
    with pytest.raises(ValueError, match="`epochs`"):
        nn.train_classifier(model, cu.SGD(lr=0.1), *args, epochs=0, batch_size=8, seed=0)
    with pytest.raises(ValueError, match="`batch_size`"):
        nn.train_classifier(model, cu.SGD(lr=0.1), *args, epochs=1, batch_size=0, seed=0)
    for position, name in enumerate(["X_train", "y_train", "X_val", "y_val"]):
        bad = list(args)
        bad[position] = X[:, :3] if name.startswith("X") else np.full(len(y), 3)  # 3 classes
        with pytest.raises(ValueError, match=f"`{name}`"):
            nn.train_classifier(model, cu.SGD(lr=0.1), *bad, epochs=1, batch_size=8, seed=0)
    with pytest.raises(ValueError, match="`record_every`"):
        nn.train_classifier(
            model, cu.SGD(lr=0.1), *args, epochs=1, batch_size=8, seed=0, record_every=0
        )


def test_reachable_as_cu_nn():
    assert cu.nn is nn


def test_train_classifier_takes_a_schedule():
    import course_utils as cu

    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 3))
    y = (X[:, 0] > 0).astype(int)
    model = cu.nn.MLP(3, 4, 2)
    constant = cu.nn.train_classifier(
        model, cu.SGD(lr=0.5), X, y, X, y, epochs=3, batch_size=10, seed=1
    )
    same = cu.nn.train_classifier(
        model,
        cu.SGD(lr=0.5),
        X,
        y,
        X,
        y,
        epochs=3,
        batch_size=10,
        seed=1,
        schedule=cu.schedules.Constant(0.5),
    )
    decayed = cu.nn.train_classifier(
        model,
        cu.SGD(lr=0.5),
        X,
        y,
        X,
        y,
        epochs=3,
        batch_size=10,
        seed=1,
        schedule=cu.schedules.Exponential(0.5, gamma=0.5),
    )
    np.testing.assert_allclose(same.train_loss, constant.train_loss)
    assert not np.allclose(decayed.train_loss, constant.train_loss)


def test_minibatch_descent_hands_integer_labels_on_as_integers(separable):
    X, y = separable
    seen = []

    def grad(w, X_batch, y_batch):
        seen.append(y_batch.dtype.kind)
        return np.zeros_like(w)

    cu.minibatch_descent(
        lambda w, X, y: 0.0, grad, [0.0], X, y, cu.SGD(lr=0.1), batch_size=32, epochs=1
    )
    assert set(seen) == {"i"}
    cu.minibatch_descent(
        lambda w, X, y: 0.0,
        grad,
        [0.0],
        X,
        y.astype(float),
        cu.SGD(lr=0.1),
        batch_size=32,
        epochs=1,
    )
    assert seen[-1] == "f"
