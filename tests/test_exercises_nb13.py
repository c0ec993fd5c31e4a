"""Exercises of notebook 13 tried as a student would; the numbers of the answer boxes."""

import numpy as np

import course_utils as cu
from course_utils.exercises import evaluate, get


def test_noise_floor():
    assert evaluate("13.1", 0.3 * 0.5**2 / (2 * (2 - 0.3 * 2)))
    assert evaluate("13.1", 0.02679)  # worked by hand, 4 digits
    assert evaluate("13.1", 0.0268)
    assert "근사식" in evaluate("13.1", 0.01875).message
    assert "표준편차" in evaluate("13.1", 0.1637).message
    assert "σ를 그대로" in evaluate("13.1", 0.05357).message
    assert "ε²σ²" in evaluate("13.1", 0.0225).message
    assert evaluate("13.1", None).status == "unanswered"
    assert evaluate("13.1", "0.0268").status == "wrong"


def test_noise_floor_box_numbers_and_simulation():
    want = get("13.1").expected()
    assert np.isclose(want, 0.075 / 2.8) and np.isclose(0.01875 / want, 0.7)  # "30 % smaller"
    grad = cu.noise.noisy_gradient(lambda x: 2.0 * x, sigma=0.5, seed=5)
    runs = np.asarray(cu.optimize(grad, np.zeros(4000), cu.SGD(lr=0.3), 200))
    assert np.isclose(np.mean(runs[50:] ** 2), want, rtol=0.03)


def test_range_test_schedule():
    assert evaluate("13.2", lambda k: 1e-4 * (1.0 / 1e-4) ** (k / 199))
    assert evaluate("13.2", lambda k: 1e-4 * 10 ** (4 * k / 199))  # an equivalent form
    assert "k/K로" in evaluate("13.2", lambda k: 1e-4 * 1e4 ** (k / 200)).message
    assert "선형" in evaluate("13.2", lambda k: 1e-4 + (1 - 1e-4) * k / 199).message
    assert "방향이 반대" in evaluate("13.2", lambda k: 1.0 * 1e-4 ** (k / 199)).message

    def no_return(k):
        1e-4 * 1e4 ** (k / 199)

    assert evaluate("13.2", no_return).status == "unanswered"  # the engine names the missing return
    # the box: the second update of a linear ramp is already 0.005
    assert np.isclose(1e-4 + (1 - 1e-4) / 199, 0.005, rtol=0.05)  # "약 0.005"


def test_warmup_lr():
    assert evaluate("13.3", 0.0046)
    assert evaluate("13.3", 0.01 * (0.1 + 0.9 * 40 / 100))
    assert "start_factor" in evaluate("13.3", 0.004).message
    assert "k = 41" in evaluate("13.3", 0.00469).message
    assert "(1 − f₀)" in evaluate("13.3", 0.005).message
    assert "배율" in evaluate("13.3", 0.46).message
    assert np.isclose(get("13.3").expected(), cu.schedules.Warmup(0.01, 100, 0.1).values(41)[40])
