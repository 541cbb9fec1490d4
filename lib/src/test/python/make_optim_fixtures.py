#!/usr/bin/python3
"""Generates fixtures/optim_groups.json: parameter groups and the newer schedulers against torch.optim (run once,
commit the JSON; tests never need PyTorch).

    /usr/bin/python3 lib/src/test/python/make_optim_fixtures.py   # Debian's python3-torch (1.13)

- "groups": for each optimizer, 10 steps on a small regression with two parameter groups (different lr and weight
  decay, one more option overridden) and a frozen parameter (requires_grad=False) in the first group, which torch
  leaves untouched; the weights after every step.
- "schedules": learning rates (and OneCycleLR's momentum or beta1) after construction and after every step, two
  groups; ReduceLROnPlateau driven by a given metric sequence.

Everything is float64 so that the comparison measures the maths, not rounding.
"""
import json, math, os
import torch

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")
g = torch.Generator().manual_seed(4321)


def rnd(*shape, lo=-1.0, hi=1.0):
    return torch.rand(*shape, generator=g) * (hi - lo) + lo


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


# ---------------------------------------------------------------- parameter groups
X = rnd(6, 4, lo=-2, hi=2)
Y = rnd(6, 3, lo=-1, hi=1)
W0, B0, C0 = rnd(3, 4), rnd(3), rnd(3)


def loss_fn(w, b, c):
    return ((torch.tanh(X @ w.T + b + c) - Y) ** 2).mean()


def nadam_torch2(groups, state):
    """torch 2.x's NAdam rule (gradnote follows it; torch 1.13 has the mu_product_next bug, see make_fixtures.py)."""
    for grp in groups:
        lr, (b1, b2), eps, wd, md = grp["lr"], grp["betas"], grp["eps"], grp["weight_decay"], grp["momentum_decay"]
        for p in grp["params"]:
            if p.grad is None:
                continue
            s = state.setdefault(id(p), {"step": 0, "mu_product": 1.0, "m": torch.zeros_like(p), "v": torch.zeros_like(p)})
            s["step"] += 1; t = s["step"]
            grad = p.grad if wd == 0 else p.grad + wd * p
            bc2 = 1 - b2 ** t
            mu = b1 * (1. - 0.5 * (0.96 ** (t * md)))
            mu_next = b1 * (1. - 0.5 * (0.96 ** ((t + 1) * md)))
            s["mu_product"] *= mu
            mu_product_next = s["mu_product"] * mu_next
            s["m"].mul_(b1).add_(grad, alpha=1 - b1)
            s["v"].mul_(b2).addcmul_(grad, grad, value=1 - b2)
            denom = s["v"].div(bc2).sqrt().add_(eps)
            with torch.no_grad():
                p.addcdiv_(grad, denom, value=-lr * (1. - mu) / (1. - s["mu_product"]))
                p.addcdiv_(s["m"], denom, value=-lr * mu_next / (1. - mu_product_next))


# name -> (torch class or None for NAdam, defaults, group 0 options, group 1 options); option names as gradnote's.
O = torch.optim
GROUPS = {
    "sgd": (O.SGD, {"lr": 0.1, "momentum": 0.9}, {"lr": 0.05, "weight_decay": 0.01}, {"momentum": 0.5}),
    "sgd_nesterov": (O.SGD, {"lr": 0.1, "momentum": 0.9, "nesterov": True}, {"lr": 0.03, "weight_decay": 0.02}, {"weight_decay": 0.0}),
    "sgd_dampening": (O.SGD, {"lr": 0.1, "momentum": 0.8, "dampening": 0.2}, {"lr": 0.2, "weight_decay": 0.01}, {"dampening": 0.0}),
    # Adagrad: torch starts every accumulator at the constructor's initial_accumulator_value, whatever a group says.
    "adagrad": (O.Adagrad, {"lr": 0.1, "initial_accumulator_value": 0.2}, {"lr": 0.3, "weight_decay": 0.01, "lr_decay": 0.05}, {"eps": 1e-6}),
    "rmsprop": (O.RMSprop, {"lr": 0.01, "momentum": 0.5}, {"lr": 0.02, "weight_decay": 0.01, "centered": True}, {"alpha": 0.9}),
    "adam": (O.Adam, {"lr": 0.01}, {"lr": 0.05, "weight_decay": 0.01}, {"betas": (0.8, 0.99)}),
    "adam_amsgrad": (O.Adam, {"lr": 0.01, "amsgrad": True}, {"lr": 0.05, "weight_decay": 0.01}, {"eps": 1e-6}),
    "adamw": (O.AdamW, {"lr": 0.01}, {"lr": 0.05, "weight_decay": 0.1}, {"weight_decay": 0.0, "amsgrad": True}),
    "nadam": (None, {"lr": 0.01, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0, "momentum_decay": 4e-3},
              {"lr": 0.03, "weight_decay": 0.01}, {"momentum_decay": 8e-3}),
}


def run_groups(name, steps=10):
    cls, defaults, o0, o1 = GROUPS[name]
    w = W0.clone().requires_grad_(True)
    b = B0.clone().requires_grad_(True)
    c = C0.clone()  # frozen: requires_grad False, in group 0 all the same
    groups = [dict(params=[w, c], **o0), dict(params=[b], **o1)]
    if cls is not None:
        opt = cls(groups, **defaults)
    else:
        opt = None
        for grp in groups:
            for k, v in defaults.items():
                grp.setdefault(k, v)
        state = {}
    traj = []
    for _ in range(steps):
        w.grad = None; b.grad = None
        loss_fn(w, b, c).backward()
        if opt is not None:
            opt.step()
        else:
            nadam_torch2(groups, state)
        traj.append({"w": flat(w), "b": flat(b), "c": flat(c)})
    return {"trajectory": traj}


def options(d):
    """Options as gradnote names them: betas split in beta1/beta2, flags as 0/1."""
    out = {}
    for k, v in d.items():
        if k == "betas":
            out["beta1"], out["beta2"] = v
        else:
            out[k] = float(v)
    return out


groups_fx = {"x": flat(X), "x_shape": [6, 4], "y": flat(Y), "y_shape": [6, 3], "w0": flat(W0), "b0": flat(B0), "c0": flat(C0),
             "runs": {}}
for n in GROUPS:
    r = run_groups(n)
    r["defaults"] = options(GROUPS[n][1])
    r["group0"] = options(GROUPS[n][2])
    r["group1"] = options(GROUPS[n][3])
    groups_fx["runs"][n] = r

# ---------------------------------------------------------------- schedulers
L = torch.optim.lr_scheduler


def two_groups(cls=torch.optim.SGD, **kw):
    p, q = torch.zeros(1, requires_grad=True), torch.zeros(1, requires_grad=True)
    return cls([{"params": [p], "lr": 0.1}, {"params": [q], "lr": 0.01}], **kw)


def sched(make, steps, cls=torch.optim.SGD, momentum_key=None, **kw):
    opt = two_groups(cls, **kw)
    s = make(opt)
    lrs, moms = [], []

    def record():
        lrs.append([grp["lr"] for grp in opt.param_groups])
        if momentum_key == "betas":
            moms.append([grp["betas"][0] for grp in opt.param_groups])
        elif momentum_key:
            moms.append([grp[momentum_key] for grp in opt.param_groups])

    record()
    for _ in range(steps):
        opt.step(); s.step(); record()
    out = {"lrs": lrs}
    if momentum_key:
        out["momenta"] = moms
    return out


def plateau(metrics, **kw):
    opt = two_groups()
    s = L.ReduceLROnPlateau(opt, **kw)
    lrs, bad = [], []
    for m in metrics:
        opt.step(); s.step(m)
        lrs.append([grp["lr"] for grp in opt.param_groups]); bad.append(s.num_bad_epochs)
    return {"metrics": metrics, "lrs": lrs, "num_bad_epochs": bad, "best": s.best}


losses = [1.0, 0.9, 0.95, 0.92, 0.91, 0.95, 0.96, 0.97, 0.85, 0.86, 0.87, 0.88, 0.89, 0.9, 0.91, 0.80, 0.80, 0.80, 0.80, 0.80]
accs = [0.5, 0.6, 0.6, 0.61, 0.65, 0.64, 0.66, 0.66, 0.7, 0.69, 0.69, 0.69, 0.71, 0.71, 0.71, 0.71]
schedules = {
    "linear": sched(lambda o: L.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=4), 8),
    "linear_decay": sched(lambda o: L.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=5), 8),
    # gradnote's test uses the same functions: 0.95^e for both groups, then per group 0.9^e and 1/(1+e).
    "lambda": sched(lambda o: L.LambdaLR(o, lambda e: 0.95 ** e), 8),
    "lambda_per_group": sched(lambda o: L.LambdaLR(o, [lambda e: 0.9 ** e, lambda e: 1.0 / (1 + e)]), 8),
    "onecycle_sgd": sched(lambda o: L.OneCycleLR(o, max_lr=[0.5, 0.05], total_steps=20), 20, momentum_key="momentum", momentum=0.9),
    "onecycle_linear_adam": sched(lambda o: L.OneCycleLR(o, max_lr=0.01, total_steps=15, anneal_strategy="linear", pct_start=0.4,
                                                         div_factor=10, final_div_factor=100), 15, cls=torch.optim.Adam, momentum_key="betas"),
    "onecycle_three_phase": sched(lambda o: L.OneCycleLR(o, max_lr=0.2, total_steps=24, three_phase=True, base_momentum=0.8,
                                                         max_momentum=0.9), 24, momentum_key="momentum", momentum=0.9),
    "plateau_min": plateau(losses, mode="min", factor=0.5, patience=2),
    "plateau_min_cooldown_minlr": plateau(losses, mode="min", factor=0.5, patience=1, cooldown=2, min_lr=[0.02, 0.004]),
    "plateau_min_abs": plateau(losses, mode="min", factor=0.3, patience=1, threshold=0.05, threshold_mode="abs"),
    "plateau_max_rel": plateau(accs, mode="max", factor=0.5, patience=1, threshold=0.02),
    "plateau_max_abs_eps": plateau(accs, mode="max", factor=0.9, patience=0, threshold=0.0, threshold_mode="abs", eps=0.005),
}

with open(os.path.join(OUT, "optim_groups.json"), "w") as f:
    json.dump({"torch": torch.__version__, "groups": groups_fx, "schedules": schedules}, f, indent=1)
print("wrote optim_groups.json")
