"""Learning-rate schedules equal torch.optim.lr_scheduler, stepped once per update.

The references below transcribe PyTorch's own *recursive* ``get_lr`` rules
(torch/optim/lr_scheduler.py: each step multiplies or adds to the previous
group["lr"]), so the course's closed forms are checked against a different
formulation, not against themselves.
"""

import math

import numpy as np
import pytest

from course_utils import schedules


def torch_step_lr(lr, step_size, gamma, n):
    out, current = [], lr
    for epoch in range(n):
        if epoch != 0 and epoch % step_size == 0:
            current *= gamma
        out.append(current)
    return out


def torch_exponential_lr(lr, gamma, n):
    out, current = [], lr
    for epoch in range(n):
        if epoch != 0:
            current *= gamma
        out.append(current)
    return out


def torch_cosine_annealing_lr(lr, T_max, eta_min, n):
    out, current = [], lr
    for epoch in range(n):
        if epoch == 0:
            pass
        elif (epoch - 1 - T_max) % (2 * T_max) == 0:
            current = current + (lr - eta_min) * (1 - math.cos(math.pi / T_max)) / 2
        else:
            current = (1 + math.cos(math.pi * epoch / T_max)) / (
                1 + math.cos(math.pi * (epoch - 1) / T_max)
            ) * (current - eta_min) + eta_min
        out.append(current)
    return out


def torch_linear_lr(lr, start_factor, total_iters, n, end_factor=1.0):
    out, current = [], lr
    for epoch in range(n):
        if epoch == 0:
            current = lr * start_factor
        elif epoch <= total_iters:
            current = current * (
                1.0
                + (end_factor - start_factor)
                / (total_iters * start_factor + (epoch - 1) * (end_factor - start_factor))
            )
        out.append(current)
    return out


def torch_one_cycle_lr(max_lr, total_steps, pct_start, div_factor, final_div_factor, n):
    initial = max_lr / div_factor
    phases = [
        (float(pct_start * total_steps) - 1, initial, max_lr),
        (total_steps - 1, max_lr, initial / final_div_factor),
    ]
    cos = lambda start, end, pct: end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)  # noqa: E731
    out = []
    for step_num in range(n):
        start_step = 0.0
        for i, (end_step, start_lr, end_lr) in enumerate(phases):
            if step_num <= end_step or i == len(phases) - 1:
                out.append(cos(start_lr, end_lr, (step_num - start_step) / (end_step - start_step)))
                break
            start_step = end_step
    return out


@pytest.mark.parametrize(
    "schedule, reference",
    [
        (schedules.StepDecay(0.1, step_size=7, gamma=0.5), torch_step_lr(0.1, 7, 0.5, 60)),
        (schedules.Exponential(0.3, gamma=0.97), torch_exponential_lr(0.3, 0.97, 60)),
        (schedules.Cosine(0.1, T_max=25), torch_cosine_annealing_lr(0.1, 25, 0.0, 60)),
        (
            schedules.Cosine(0.5, T_max=10, eta_min=0.01),
            torch_cosine_annealing_lr(0.5, 10, 0.01, 60),
        ),
        (
            schedules.Warmup(0.01, warmup_steps=10, start_factor=0.1),
            torch_linear_lr(0.01, 0.1, 10, 60),
        ),
        (
            schedules.Warmup(1.0, warmup_steps=5, start_factor=1 / 3),
            torch_linear_lr(1.0, 1 / 3, 5, 60),
        ),
        (
            schedules.OneCycle(0.1, total_steps=100),
            torch_one_cycle_lr(0.1, 100, 0.3, 25.0, 1e4, 101),
        ),
        (
            schedules.OneCycle(
                2.0, total_steps=37, pct_start=0.25, div_factor=10, final_div_factor=100
            ),
            torch_one_cycle_lr(2.0, 37, 0.25, 10, 100, 38),
        ),
    ],
    ids=[
        "step",
        "exponential",
        "cosine",
        "cosine-eta-min",
        "warmup",
        "warmup-default",
        "onecycle",
        "onecycle-odd",
    ],
)
def test_schedules_equal_pytorch(schedule, reference):
    ours = schedule.values(len(reference))
    assert np.allclose(ours, reference, rtol=1e-10, atol=1e-14)


def test_inverse_time_and_constant():
    schedule = schedules.InverseTime(0.5, decay=0.1)
    assert schedule(0) == 0.5 and schedule(10) == pytest.approx(0.25)
    assert schedules.Constant(0.2).values(3).tolist() == [0.2, 0.2, 0.2]


def test_landmarks():
    cosine = schedules.Cosine(0.1, T_max=100)
    assert (
        cosine(0) == 0.1 and cosine(50) == pytest.approx(0.05) and cosine(100) == pytest.approx(0)
    )
    one_cycle = schedules.OneCycle(0.1, total_steps=100)
    assert one_cycle(0) == pytest.approx(0.004) and one_cycle(29) == pytest.approx(0.1)
    assert one_cycle(99) == pytest.approx(0.004 / 1e4)
    with pytest.raises(ValueError, match="`k`"):
        one_cycle(101)


@pytest.mark.parametrize(
    "make, name",
    [
        (lambda: schedules.StepDecay(0.1, step_size=0, gamma=0.5), "step_size"),
        (lambda: schedules.StepDecay(0.1, step_size=3, gamma=1.5), "gamma"),
        (lambda: schedules.Exponential(-0.1, gamma=0.9), "lr"),
        (lambda: schedules.Cosine(0.1, T_max=10, eta_min=0.2), "eta_min"),
        (lambda: schedules.Warmup(0.1, warmup_steps=5, start_factor=0.0), "start_factor"),
        (lambda: schedules.OneCycle(0.1, total_steps=100, pct_start=1.2), "pct_start"),
        (lambda: schedules.OneCycle(0.1, total_steps=2, pct_start=0.3), "pct_start"),
        (lambda: schedules.InverseTime(0.1, decay="0.1"), "decay"),
        (lambda: schedules.Constant(0.1)(-1), "k"),
        (lambda: schedules.Constant(0.1)(1.5), "k"),
        (lambda: schedules.as_schedule(0.1), "schedule"),
    ],
)
def test_bad_input_is_named_in_korean(make, name):
    with pytest.raises(ValueError, match=f"`{name}` 값이 올바르지 않습니다"):
        make()
