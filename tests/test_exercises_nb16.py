"""Exercises of notebook 16 as a student meets them: right, rounded and slipped answers."""

import numpy as np

import course_utils as cu
from course_utils.exercises import evaluate, nb16


def said(exercise_id, answer, context=None):
    outcome = evaluate(exercise_id, answer, context)
    assert not outcome
    return outcome.text + " ".join(outcome.hints)


def penguin_per_sample():
    raw = cu.data.load_penguins(columns=["flipper_length_mm", "body_mass_g"], dropna=True)
    x = raw["flipper_length_mm"].to_numpy()
    z = cu.regression.Standardizer.fit(x).transform(x)
    residual = -raw["body_mass_g"].to_numpy() / 1000  # θ⁽⁰⁾ = (0, 0)
    return 2 * residual[:, None] * np.column_stack([z, np.ones(len(z))])


def test_16_1_formula_rounded_and_slips():
    per_sample = penguin_per_sample()
    context = {"per_sample": per_sample}
    sigma2 = np.mean(np.sum((per_sample - per_sample.mean(axis=0)) ** 2, axis=1))
    assert bool(evaluate("16.1", sigma2 / 64 * 278 / 341, context))
    assert bool(evaluate("16.1", 86.947 / 64 * 278 / 341, context))  # σ² as printed
    for wrong, words in [
        (sigma2 / 64, "(n − B)/(n − 1)"),
        (sigma2 / 64 * 278 / 342, "n − 1"),
        (sigma2 / 8 * 278 / 341, "√B"),
        (sigma2 * 64 * 278 / 341, "곱했습니다"),
    ]:
        outcome = evaluate("16.1", wrong, context)
        assert not outcome and words in outcome.text + " ".join(outcome.hints)


def test_16_2_exact_count_and_slips():
    assert nb16.LARGEST_BATCH == 79
    assert bool(evaluate("16.2", 79)) and bool(evaluate("16.2", 79.0))
    assert "엄격" in said("16.2", 80)
    assert "2입니다" in said("16.2", 40) and "2입니다" in said("16.2", 39)
    assert "배치 크기" in said("16.2", 0.2)


def test_16_3_average_and_slips():
    run = nb16._one_run()
    assert run.shape == (3001, 2)
    assert bool(evaluate("16.3", run[300:].mean(axis=0)))
    assert bool(evaluate("16.3", list(run[300:].mean(axis=0))))
    assert "번인" in said("16.3", run.mean(axis=0))
    assert "마지막" in said("16.3", run[-1])
    assert "한 칸" in said("16.3", run[301:].mean(axis=0))
    # the average is much closer to the minimum than the last iterate
    assert np.linalg.norm(run[300:].mean(axis=0)) < np.linalg.norm(run[-1])
