"""A transcription of torch.optim's update rules, shared by the parity tests.

torch/optim/sgd.py, adagrad.py, rmsprop.py, adam.py, adamw.py (dampening 0,
maximize False): weight decay as ``grad = grad + weight_decay * param``, AdamW as
``param *= 1 - lr * weight_decay``, the learning rate read at every step.
"""

import numpy as np


def torch_style(name, grad, w0, lrs, weight_decay=0.0, **hp):
    """torch.optim's update rules; ``lrs[t-1]`` is the learning rate of step t."""
    p = np.array(w0, dtype=float)
    out = [p.copy()]
    buf = state_sum = square_avg = exp_avg = exp_avg_sq = None
    for t, lr in enumerate(lrs, start=1):
        g = grad(p)
        if name != "adamw":
            g = g + weight_decay * p
        if name == "sgd":
            p = p - lr * g
        elif name in ("momentum", "nesterov"):
            mu = hp["alpha"]
            buf = g.copy() if buf is None else mu * buf + g
            p = p - lr * (g + mu * buf if name == "nesterov" else buf)
        elif name == "adagrad":
            state_sum = (0 if state_sum is None else state_sum) + g * g
            p = p - lr * g / (np.sqrt(state_sum) + hp["delta"])
        elif name == "rmsprop":
            square_avg = (0 if square_avg is None else square_avg) * hp["rho"] + (
                1 - hp["rho"]
            ) * g * g
            p = p - lr * g / (np.sqrt(square_avg) + hp["delta"])
        elif name in ("adam", "adamw"):
            if name == "adamw":
                p = p * (1 - lr * weight_decay)
            b1, b2 = hp["rho1"], hp["rho2"]
            exp_avg = (0 if exp_avg is None else exp_avg) * b1 + (1 - b1) * g
            exp_avg_sq = (0 if exp_avg_sq is None else exp_avg_sq) * b2 + (1 - b2) * g * g
            denom = np.sqrt(exp_avg_sq) / np.sqrt(1 - b2**t) + hp["delta"]
            p = p - (lr / (1 - b1**t)) * exp_avg / denom
        out.append(p.copy())
    return np.array(out)
