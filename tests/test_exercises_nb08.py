"""Notebook 08's exercises tried as a student would: right, rounded, typical slips, None, a string;
and the numbers the solutions quote."""

import math

import numpy as np
import pytest

from course_utils import data, regression
from course_utils.exercises import evaluate, get
from course_utils.optimizers import SGD, optimize


@pytest.fixture(scope="module")
def penguins():
    table = data.load_penguins(columns=["flipper_length_mm", "body_mass_g"])
    flipper_mm = table["flipper_length_mm"].to_numpy()
    mass_kg = table["body_mass_g"].to_numpy() / 1000
    z = (flipper_mm - flipper_mm.mean()) / flipper_mm.std()  # as the notebook standardizes
    return {"flipper_mm": flipper_mm, "mass_kg": mass_kg, "z": z}


# ---- 08.1: updates in one epoch


def test_08_1_count_is_the_ceiling_quoted_in_the_solution(penguins):
    n = len(penguins["z"])
    assert n == 342 and get("08.1").expected() == 7 == len(range(0, n, 50)) == -(-n // 50)
    assert n == 6 * 50 + 42  # "342 = 6 × 50 + 42"


@pytest.mark.parametrize("answer", [7, 7.0, np.int64(7), math.ceil(342 / 50)])
def test_08_1_right_answers_pass(answer):
    assert evaluate("08.1", answer).status == "correct"


def test_08_1_slips():
    assert "마지막 미니배치도 갱신 한 번" in evaluate("08.1", 6).message
    assert "올림" in evaluate("08.1", 342 / 50).message
    assert "샘플 수" in evaluate("08.1", 342).message
    assert evaluate("08.1", 8).status == "wrong"
    assert evaluate("08.1", None).status == "unanswered"
    assert evaluate("08.1", "7").status == "wrong"
    assert evaluate("08.1", True).status == "wrong"


# ---- 08.2: ∂L/∂b as a function, on the notebook's data (context)


def test_08_2_answers_and_slips(penguins):
    context = {"z": penguins["z"], "mass_kg": penguins["mass_kg"]}
    z, y = context["z"], context["mass_kg"]

    def right(w, b):
        return 2 * np.mean(w * z + b - y)

    def as_sum(w, b):
        return 2 / len(z) * np.sum(w * z + b - y)

    assert evaluate("08.2", right, context).status == "correct"
    assert evaluate("08.2", as_sum, context).status == "correct"

    assert (
        "2가 빠졌습니다" in evaluate("08.2", lambda w, b: np.mean(w * z + b - y), context).message
    )
    flipped = evaluate("08.2", lambda w, b: 2 * np.mean(y - w * z - b), context)
    assert "부호가 반대" in flipped.message
    summed = evaluate("08.2", lambda w, b: 2 * np.sum(w * z + b - y), context)
    assert "n으로 나누지 않았습니다" in summed.message
    dL_dw = evaluate("08.2", lambda w, b: 2 * np.mean((w * z + b - y) * z), context)
    assert dL_dw.status == "wrong"
    assert evaluate("08.2", lambda w, b: None, context).status == "unanswered"
    assert "인자 개수" in evaluate("08.2", lambda theta: 0.0, context).message
    # without the notebook's data the check says which cell to run, it does not crash
    assert evaluate("08.2", right).status == "unavailable"


# ---- 08.3: slope in g/mm


def test_08_3_numbers_quoted_in_the_solution(penguins):
    theta_star = regression.least_squares(penguins["z"], penguins["mass_kg"])
    std = regression.Standardizer.fit(penguins["flipper_mm"]).std
    assert round(theta_star[0], 3) == 0.698 and round(std, 2) == 14.04
    assert round(get("08.3").expected(), 1) == 49.7
    assert np.isclose(get("08.3").expected(), 1000 * theta_star[0] / std)


@pytest.mark.parametrize("answer", [49.7, 49.69, 49.715, 49.6856])
def test_08_3_quoted_precision_passes(answer):
    assert evaluate("08.3", answer).status == "correct"


def test_08_3_slips():
    assert "1000을 곱하세요" in evaluate("08.3", 0.04969).message
    assert "표준편차로 나누지 않았습니다" in evaluate("08.3", 697.64).message
    assert "표준편차를 곱했습니다" in evaluate("08.3", 9795.7).message
    almost = evaluate("08.3", 50)
    assert almost.status == "wrong" and "거의 맞았습니다" in almost.message
    assert "49.6" not in evaluate("08.3", 12.0).message  # never the expected number


# ---- 08.4: the one-step learning rate


def test_08_4_one_step_lands_on_the_minimum(penguins):
    z, y = penguins["z"], penguins["mass_kg"]
    lr = get("08.4").expected()
    one_step = optimize(
        lambda theta: regression.mse_gradient(theta, z, y), [-1.5, 1.0], SGD(lr=lr), 1
    )
    assert np.allclose(one_step.final, regression.least_squares(z, y))
    assert np.isclose(lr, 0.5) and np.allclose(np.linalg.eigvalsh(regression.mse_hessian(z)), 2.0)


def test_08_4_answers_and_slips():
    assert evaluate("08.4", 0.5).status == "correct"
    assert evaluate("08.4", 1 / 2).status == "correct"
    assert "1 − 2ε = 0" in evaluate("08.4", 1.0).message
    assert "고윳값" in evaluate("08.4", 2.0).message
    assert evaluate("08.4", 0.1).status == "wrong"
    assert evaluate("08.4", None).status == "unanswered"
    assert evaluate("08.4", "0.5").status == "wrong"
