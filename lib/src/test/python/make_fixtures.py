#!/usr/bin/python3
"""Generates gradnote's PyTorch parity fixtures (run once, commit the JSON; tests never need PyTorch).

    /usr/bin/python3 lib/src/test/python/make_fixtures.py   # Debian's python3-torch (1.13)

Everything is float64 so that the comparison measures the maths, not rounding.
"""
import json, math, os, sys
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")
os.makedirs(OUT, exist_ok=True)
g = torch.Generator().manual_seed(1234)


def rnd(*shape, lo=-1.0, hi=1.0):
    return (torch.rand(*shape, generator=g) * (hi - lo) + lo)


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def dump(name, obj):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, indent=1)
    print("wrote", name)


# ---------------------------------------------------------------- the seeds' two autograd examples
x = torch.ones(2, 2, requires_grad=True)
y = x + 2; z = y * y * 3; out = z.mean(); out.backward()
a = rnd(3, 4).requires_grad_(True)
(a ** 2).sum().backward()
dump("autograd.json", {
    "example1": {"out": out.item(), "x_grad": flat(x.grad)},
    "example2": {"a": flat(a), "shape": [3, 4], "a_grad": flat(a.grad)},
})

# ---------------------------------------------------------------- losses, value and gradient per reduction
def loss_case(name, fn, inp, target, extra=None):
    cases = {}
    for red in ("mean", "sum", "none"):
        i = inp.clone().requires_grad_(True)
        v = fn(i, target, red)
        v.backward(torch.ones_like(v) if red == "none" else None)
        cases[red] = {"value": flat(v), "grad": flat(i.grad)}
    d = {"input": flat(inp), "input_shape": list(inp.shape), "target": flat(target),
         "target_shape": list(target.shape), "cases": cases}
    if extra: d.update(extra)
    return d

logits = rnd(6, 4, lo=-3, hi=3)
labels = torch.tensor([0, 3, 1, 1, 2, 0])
probs = torch.sigmoid(rnd(5, 3, lo=-2, hi=2))
bin01 = (rnd(5, 3) > 0).double()
pm1 = bin01 * 2 - 1
reg_in, reg_t = rnd(4, 3, lo=-2, hi=2), rnd(4, 3, lo=-2, hi=2)
losses = {
    "mse": loss_case("mse", lambda i, t, r: F.mse_loss(i, t, reduction=r), reg_in, reg_t),
    "l1": loss_case("l1", lambda i, t, r: F.l1_loss(i, t, reduction=r), reg_in, reg_t),
    "huber": loss_case("huber", lambda i, t, r: F.huber_loss(i, t, reduction=r, delta=0.7), reg_in, reg_t, {"delta": 0.7}),
    "cross_entropy": loss_case("ce", lambda i, t, r: F.cross_entropy(i, t, reduction=r), logits, labels, {"classes": 4}),
    "cross_entropy_large_logits": loss_case("ce", lambda i, t, r: F.cross_entropy(i, t, reduction=r), logits * 300, labels, {"classes": 4}),
    "nll": loss_case("nll", lambda i, t, r: F.nll_loss(i, t, reduction=r), F.log_softmax(logits, 1), labels, {"classes": 4}),
    "bce": loss_case("bce", lambda i, t, r: F.binary_cross_entropy(i, t, reduction=r), probs, bin01),
    "bce_with_logits": loss_case("bcel", lambda i, t, r: F.binary_cross_entropy_with_logits(i, t, reduction=r), rnd(5, 3, lo=-4, hi=4), bin01),
    "hinge": loss_case("hinge", lambda i, t, r: {"mean": torch.mean, "sum": torch.sum, "none": lambda v: v}[r](torch.clamp(1 - i * t, min=0)), rnd(5, 3, lo=-2, hi=2), pm1),
    "logistic": loss_case("logistic", lambda i, t, r: F.soft_margin_loss(i, t, reduction=r), rnd(5, 3, lo=-2, hi=2), pm1),
}
dump("losses.json", losses)

# ---------------------------------------------------------------- optimizers: 20 steps on a quadratic and on an MLP
def nadam_step_torch2(params, state, lr, b1, b2, eps, wd, md):
    """torch 2.x's NAdam step. Debian's torch 1.13 computes mu_product_next = mu_product * mu * mu_next, a bug
    fixed in PyTorch 2.0 (mu_product * mu_next); gradnote follows the fixed rule, reproduced here op for op."""
    for p in params:
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

OPTIMIZERS = {
    "sgd": (lambda ps: torch.optim.SGD(ps, lr=0.1), {"lr": 0.1}),
    "sgd_momentum": (lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9), {"lr": 0.05, "momentum": 0.9}),
    "sgd_dampening_wd": (lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.01),
                         {"lr": 0.05, "momentum": 0.8, "dampening": 0.3, "weight_decay": 0.01}),
    "sgd_nesterov": (lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.001),
                     {"lr": 0.05, "momentum": 0.9, "weight_decay": 0.001, "nesterov": True}),
    "adagrad": (lambda ps: torch.optim.Adagrad(ps, lr=0.2, lr_decay=0.01, weight_decay=0.01, initial_accumulator_value=0.1),
                {"lr": 0.2, "lr_decay": 0.01, "weight_decay": 0.01, "initial_accumulator_value": 0.1, "eps": 1e-10}),
    "rmsprop": (lambda ps: torch.optim.RMSprop(ps, lr=0.01), {"lr": 0.01}),
    "rmsprop_centered_momentum": (lambda ps: torch.optim.RMSprop(ps, lr=0.01, alpha=0.9, momentum=0.5, centered=True, weight_decay=0.01),
                                  {"lr": 0.01, "alpha": 0.9, "momentum": 0.5, "centered": True, "weight_decay": 0.01}),
    "adam": (lambda ps: torch.optim.Adam(ps, lr=0.05), {"lr": 0.05}),
    "adam_amsgrad_wd": (lambda ps: torch.optim.Adam(ps, lr=0.05, betas=(0.8, 0.99), amsgrad=True, weight_decay=0.01),
                        {"lr": 0.05, "beta1": 0.8, "beta2": 0.99, "amsgrad": True, "weight_decay": 0.01}),
    "adamw": (lambda ps: torch.optim.AdamW(ps, lr=0.05, weight_decay=0.1), {"lr": 0.05, "weight_decay": 0.1}),
    "nadam": (None, {"lr": 0.05, "weight_decay": 0.01, "momentum_decay": 4e-3}),
}

def run_optimizer(name, make_params, loss_fn, steps=20):
    params = make_params()
    factory, hp = OPTIMIZERS[name]
    opt = factory(params) if factory else None
    state = {}
    traj, lossv = [], []
    for _ in range(steps):
        for p in params: p.grad = None
        loss = loss_fn(params); loss.backward(); lossv.append(loss.item())
        if opt: opt.step()
        else: nadam_step_torch2(params, state, hp["lr"], 0.9, 0.999, 1e-8, hp["weight_decay"], hp["momentum_decay"])
        traj.append([flat(p) for p in params])
    return {"hyper": hp, "loss": lossv, "trajectory": traj}

A = torch.tensor([1.0, 3.0, 0.5, 10.0, 2.0]); B = torch.tensor([0.5, -1.0, 2.0, 0.1, -0.3])
w0 = torch.tensor([1.0, -2.0, 0.5, 1.5, -1.0])
quad = lambda ps: (0.5 * A * ps[0] ** 2 + B * ps[0]).sum()

X = rnd(8, 4, lo=-2, hi=2); Y = torch.tensor([0, 1, 2, 1, 0, 2, 2, 1])
W1, b1, W2, b2 = rnd(5, 4), rnd(5), rnd(3, 5), rnd(3)
mlp_init = [W1, b1, W2, b2]
mlp = lambda ps: F.cross_entropy(F.linear(torch.tanh(F.linear(X, ps[0], ps[1])), ps[2], ps[3]), Y)

dump("optimizers.json", {
    "quadratic": {"A": flat(A), "B": flat(B), "w0": flat(w0),
                  "runs": {n: run_optimizer(n, lambda: [w0.clone().requires_grad_(True)], quad) for n in OPTIMIZERS}},
    "mlp": {"x": flat(X), "x_shape": [8, 4], "y": [int(v) for v in Y], "init": [flat(p) for p in mlp_init],
            "shapes": [list(p.shape) for p in mlp_init],
            "runs": {n: run_optimizer(n, lambda: [p.clone().requires_grad_(True) for p in mlp_init], mlp) for n in OPTIMIZERS}},
})

# ---------------------------------------------------------------- schedulers and gradient clipping
def lrs(make):
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=0.1); sch = make(opt); out = []
    for _ in range(12):
        opt.step(); sch.step(); out.append(opt.param_groups[0]["lr"])
    return out
L = torch.optim.lr_scheduler
grads = [rnd(3, 2, lo=-3, hi=3), rnd(4, lo=-3, hi=3)]
def clipped(fn):
    ps = [torch.zeros_like(gr, requires_grad=True) for gr in grads]
    for p, gr in zip(ps, grads): p.grad = gr.clone()
    norm = fn(ps)
    return {"norm": None if norm is None else float(norm), "grads": [flat(p.grad) for p in ps]}
dump("schedules.json", {
    "step": lrs(lambda o: L.StepLR(o, step_size=3, gamma=0.5)),
    "exponential": lrs(lambda o: L.ExponentialLR(o, gamma=0.9)),
    "cosine": lrs(lambda o: L.CosineAnnealingLR(o, T_max=10, eta_min=0.001)),
    "clip": {"grads": [flat(gr) for gr in grads], "shapes": [list(gr.shape) for gr in grads],
             "norm_1.5": clipped(lambda ps: torch.nn.utils.clip_grad_norm_(ps, 1.5)),
             "norm_inf_2": clipped(lambda ps: torch.nn.utils.clip_grad_norm_(ps, 2.0, norm_type=float("inf"))),
             "value_0.5": clipped(lambda ps: torch.nn.utils.clip_grad_value_(ps, 0.5))},
})

# ---------------------------------------------------------------- init gains and op forwards
ops_x = rnd(3, 4, lo=-2, hi=2)
dump("ops.json", {
    "x": flat(ops_x), "shape": [3, 4],
    "softmax1": flat(torch.softmax(ops_x, 1)), "log_softmax0": flat(torch.log_softmax(ops_x, 0)),
    "sigmoid": flat(torch.sigmoid(ops_x)), "tanh": flat(torch.tanh(ops_x)), "softplus": flat(F.softplus(ops_x)),
    "leaky_relu": flat(F.leaky_relu(ops_x, 0.2)), "var1": flat(ops_x.var(1)),
    "log1p_abs": flat(torch.log1p(ops_x.abs())),
    "tail_x": [-30.0, -60.0, -100.0, 1e-10], "softplus_tail": F.softplus(torch.tensor([-30.0, -60.0, -100.0, 1e-10], dtype=torch.float64)).tolist(),
    "log1p_tail": torch.log1p(torch.tensor([-30.0, -60.0, -100.0, 1e-10], dtype=torch.float64).exp()).tolist(),
    "gains": {k: torch.nn.init.calculate_gain(k) for k in ["linear", "conv2d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]},
    "gain_leaky_0.2": torch.nn.init.calculate_gain("leaky_relu", 0.2),
    "torch_version": torch.__version__,
})

# ---------------------------------------------------------------- the MLP lab's PyTorch result (tests/bench/pytorch/mlp_toy.py)
import subprocess
bench = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "tests", "bench", "pytorch", "mlp_toy.py")
res = json.loads(subprocess.run([sys.executable, bench, "200"], capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
dump("mlp_toy.json", {"epochs": 200, "dev_acc": res["dev_acc"], "loss": res["loss"], "torch_version": torch.__version__})
