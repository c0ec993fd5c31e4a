"""Exercises of notebook 08 (SGD on the penguins' linear regression)."""

from functools import lru_cache

import numpy as np

from ..checks import near, sign_flipped
from ..data import load_penguins
from ..optimizers import SGD, minibatch_descent
from ..regression import Standardizer, least_squares, mse_gradient, mse_hessian, mse_loss
from . import function, number


@lru_cache(maxsize=1)
def _penguins():
    """Flipper length (mm) and body mass (kg) of the 342 penguins measured, as in the notebook."""
    table = load_penguins(columns=["flipper_length_mm", "body_mass_g"])
    return table["flipper_length_mm"].to_numpy(), table["body_mass_g"].to_numpy() / 1000


def _standardized():
    flipper_mm, mass_kg = _penguins()
    return Standardizer.fit(flipper_mm).transform(flipper_mm), mass_kg


def _updates_in_one_epoch(batch_size=50):
    z, mass_kg = _standardized()
    run = minibatch_descent(
        mse_loss,
        mse_gradient,
        [0.0, 0.0],
        z,
        mass_kg,
        SGD(lr=0.1),
        batch_size=batch_size,
        epochs=1,
        seed=0,
    )
    return len(run.path) - 1


def _slope_g_per_mm():
    flipper_mm, mass_kg = _penguins()
    return 1000 * least_squares(flipper_mm, mass_kg)[0]


def _flipper_std():
    return Standardizer.fit(_penguins()[0]).std


def _one_step_lr():
    z, _ = _standardized()
    return 1 / np.linalg.eigvalsh(mse_hessian(z)).max()


EXERCISES = (
    number(
        "08.1",
        _updates_in_one_epoch,
        rtol=0.0,
        atol=1e-9,  # a count: exact
        hints=(
            near(
                6,
                "6은 50개가 꽉 찬 미니배치의 수입니다. 남은 42개짜리 마지막 미니배치도 갱신 한 번입니다.",
            ),
            near(
                342 / 50,
                "342/50은 갱신 횟수가 아닙니다. 횟수는 정수이고, 남는 샘플도 한 번의 갱신이 되므로 올림합니다.",
            ),
            near(
                lambda want: len(_penguins()[0]),
                "그것은 샘플 수, 곧 B = 1일 때의 갱신 횟수입니다. 이번에는 B = 50입니다.",
            ),
        ),
    ),
    function(
        "08.2",
        lambda w, b, z, mass_kg: mse_gradient([w, b], z, mass_kg)[1],
        points=((0.0, 0.0), (0.7, 4.2), (-1.5, 1.0), (2.0, -1.0)),
        context=("z", "mass_kg"),
        # a formula typed as code: only float rounding (mean vs. sum/n) may differ
        rtol=1e-9,
        atol=1e-12,
        hints=(
            near(lambda want: want / 2, "2가 빠졌습니다. 바깥 함수 r²의 미분은 2r입니다."),
            sign_flipped(
                "부호가 반대입니다. 잔차는 r = wz + b − y (예측 − 정답)이고, 이것을 미분합니다."
            ),
            near(
                lambda want: len(_penguins()[0]) * want,
                "n으로 나누지 않았습니다. 손실이 평균이므로 그래디언트도 평균입니다 (np.sum 대신 np.mean).",
            ),
        ),
    ),
    number(
        "08.3",
        _slope_g_per_mm,
        # the notebook quotes 49.7 g/mm (3 significant digits); 1e-3 accepts it and 49.69, 49.715
        rtol=1e-3,
        atol=0.0,
        hints=(  # recognised at the precision the answer itself is accepted
            near(
                lambda want: want / 1000,
                "그것은 kg/mm 단위입니다. 1 kg = 1000 g이므로 1000을 곱하세요.",
                rtol=1e-3,
            ),
            near(
                lambda want: want * _flipper_std(),
                "표준편차로 나누지 않았습니다. z = (x − x̄)/s_x이므로 x의 계수는 w/s_x입니다.",
                rtol=1e-3,
            ),
            near(
                lambda want: want * _flipper_std() ** 2,
                "표준편차를 곱했습니다. z = (x − x̄)/s_x이므로 x의 계수는 w를 s_x로 나눈 w/s_x입니다.",
                rtol=1e-3,
            ),
        ),
    ),
    number(
        "08.4",
        _one_step_lr,
        rtol=1e-6,
        atol=0.0,  # 1/2 exactly, typed by hand
        hints=(
            near(
                1.0,
                "ε = 1은 발산하지 않는 학습률의 경계 2/λ입니다 (1 − 2ε = −1: 최솟점을 사이에 두고 영원히 오갑니다). "
                "한 걸음에 닿으려면 1 − 2ε = 0이어야 합니다.",
            ),
            near(
                2.0,
                "2는 헤세 행렬의 고윳값 λ입니다. 갱신식 θ⁽¹⁾ − θ* = (1 − 2ε)(θ⁽⁰⁾ − θ*)에서 ε을 구하세요.",
            ),
        ),
    ),
)
