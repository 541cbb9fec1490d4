#!/usr/bin/python3
"""Generates fixtures/numbers.json: the numbers a PyTorch user checks first (run once, commit the JSON).

    /usr/bin/python3 lib/src/test/python/make_numbers_fixtures.py   # Debian's python3-torch (1.13)

Large reductions store only their results: the inputs are patterns both sides build exactly (a constant, or
(i % 1013) / 1024, a dyadic fraction every float32 holds exactly), and the exact answers are computed here with
Python integers and fractions so the tests can measure the error against the truth as well as against torch.
NaN and +-inf are written as the JSON extensions NaN/Infinity, which Gson reads.
"""
import json, os
from fractions import Fraction
import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")
os.makedirs(OUT, exist_ok=True)
nan, inf = float("nan"), float("inf")


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def longs(t):
    return [int(v) for v in t.reshape(-1).tolist()]


def pattern(n, dtype):
    """(i % 1013) / 1024 for i < n: exact in float32 and float64."""
    return ((torch.arange(n, dtype=torch.int64) % 1013).to(torch.float64) / 1024).to(dtype)


def exact_pattern_stats(n):
    """Exact sum, mean and unbiased/biased variance of the pattern, from integer counts of each residue."""
    full, rest = divmod(n, 1013)
    s = s2 = 0
    for r in range(1013):
        c = full + (1 if r < rest else 0)
        s += c * r
        s2 += c * r * r
    total = Fraction(s, 1024)
    squares = Fraction(s2, 1024 * 1024)
    mean = total / n
    m2 = squares - n * mean * mean
    return {"sum": float(total), "mean": float(mean), "var": float(m2 / (n - 1)), "var_biased": float(m2 / n),
            "std": float(m2 / (n - 1)) ** 0.5}


fx = {}

# ---------------------------------------------------------------- large reductions
N = 10_000_000
c = torch.full((N,), 0.1, dtype=torch.float32)
fx["const"] = {"n": N, "value": 0.1, "sum": c.sum().item(), "mean": c.mean().item(), "var": c.var().item(),
               "std": c.std().item(), "exact_sum": float(Fraction(float(torch.tensor(0.1, dtype=torch.float32))) * N)}
for name, dt in (("pattern32", torch.float32), ("pattern64", torch.float64)):
    p = pattern(N, dt)
    fx[name] = {"n": N, "sum": p.sum().item(), "mean": p.mean().item(), "var": p.var().item(),
                "var_biased": p.var(unbiased=False).item(), "std": p.std().item(), "exact": exact_pattern_stats(N)}
# The kept-inner layout: [2_500_000, 4] summed over dim 0 (column j holds pattern elements 4i + j).
p = pattern(N, torch.float32).reshape(2_500_000, 4)
fx["pattern32_dim0"] = {"rows": 2_500_000, "cols": 4, "sum0": flat(p.sum(0)), "mean0": flat(p.mean(0)),
                        "var0": flat(p.var(0))}
fx["ones_2_20M"] = {"sum1": flat(torch.ones(2, 20_000_000).sum(1))}

# ---------------------------------------------------------------- batch norm statistics of an ImageNet-sized batch
x = pattern(64 * 3 * 224 * 224, torch.float32).reshape(64, 3, 224, 224)
bn = torch.nn.BatchNorm2d(3, momentum=1.0)
with torch.no_grad():
    y = bn(x)
d = x.to(torch.float64)
fx["batchnorm"] = {"shape": [64, 3, 224, 224], "running_mean": flat(bn.running_mean), "running_var": flat(bn.running_var),
                   "exact_mean": flat(d.mean((0, 2, 3))), "exact_var": flat(d.var((0, 2, 3))),
                   "out_first": flat(y.reshape(-1)[:5]), "out_last": flat(y.reshape(-1)[-5:])}

# ---------------------------------------------------------------- NaN and infinities
m = torch.tensor([[1, nan, 3, 2], [-inf, 2, inf, 0], [nan, nan, 0, -1], [5, 5, 1, 5]], dtype=torch.float64)
mx1, mn1, mx0, mn0 = m.max(1), m.min(1), m.max(0), m.min(0)
fx["nan"] = {"x": flat(m), "shape": [4, 4], "max": m.max().item(), "min": m.min().item(),
             "argmax": m.argmax().item(), "argmin": m.argmin().item(),
             "max1_values": flat(mx1.values), "max1_indices": longs(mx1.indices),
             "min1_values": flat(mn1.values), "min1_indices": longs(mn1.indices),
             "max0_values": flat(mx0.values), "max0_indices": longs(mx0.indices),
             "min0_values": flat(mn0.values), "min0_indices": longs(mn0.indices),
             "argmax1": longs(m.argmax(1)), "argmin0": longs(m.argmin(0)),
             "amax1": flat(torch.amax(m, 1)), "amin0": flat(torch.amin(m, 0))}
finite = torch.tensor([[1.0, -inf, 3.0], [inf, 2.0, -1.0]], dtype=torch.float64)
fx["inf"] = {"x": flat(finite), "shape": [2, 3], "max": finite.max().item(), "min": finite.min().item(),
             "sum": finite.sum().item(), "sum1": flat(finite.sum(1)), "argmax": finite.argmax().item(),
             "argmin": finite.argmin().item()}
cx = torch.tensor([nan, -5.0, 0.5, 5.0, inf, -inf, -1.0, 2.0], dtype=torch.float64, requires_grad=True)
cl = cx.clamp(-1, 2)
cl.backward(torch.arange(1.0, 9.0, dtype=torch.float64))
fx["clamp"] = {"x": flat(cx), "lo": -1.0, "hi": 2.0, "out": flat(cl), "grad": flat(cx.grad),
               "clamp_min0": flat(cx.detach().clamp_min(0)), "clamp_lo_above_hi": flat(cx.detach().clamp(3, 1))}

pool_in = torch.arange(16, dtype=torch.float64).reshape(1, 1, 4, 4)
pool_in[0, 0, 0, 1] = nan
pool_in[0, 0, 2, 2] = -inf
pool_in[0, 0, 3, 0] = nan
pool_in[0, 0, 3, 1] = inf
cases = {}
for name, kw in (("k2", dict(kernel_size=2)), ("k3s1p1", dict(kernel_size=3, stride=1, padding=1))):
    for dt, tag in ((torch.float64, "64"), (torch.float32, "32")):
        xi = pool_in.clone().to(dt).requires_grad_(True)
        out = F.max_pool2d(xi, **kw)
        w = torch.arange(1.0, out.numel() + 1, dtype=dt).reshape(out.shape)
        out.backward(w)
        cases[name + "_" + tag] = {"out": flat(out), "out_shape": list(out.shape), "grad": flat(xi.grad)}
ai = pool_in.clone()
cases["avg_k2"] = {"out": flat(F.avg_pool2d(ai, 2))}
fx["pool"] = {"x": flat(pool_in), "shape": [1, 1, 4, 4], **cases}

# ---------------------------------------------------------------- max(dim)/min(dim): ties, gradients to the index
t = torch.tensor([[1.0, 3.0, 3.0, 0.0], [2.0, 2.0, 2.0, 2.0], [0.0, -1.0, -1.0, 5.0]], dtype=torch.float64)
ties = {"x": flat(t), "shape": [3, 4]}
for dim in (0, 1):
    for op in ("max", "min"):
        xi = t.clone().requires_grad_(True)
        r = getattr(xi, op)(dim)
        w = torch.arange(1.0, r.values.numel() + 1, dtype=torch.float64).reshape(r.values.shape)
        r.values.backward(w)
        ties[f"{op}{dim}"] = {"values": flat(r.values), "indices": longs(r.indices), "grad": flat(xi.grad)}
for op in ("max", "min"):
    xi = t.clone().requires_grad_(True)
    getattr(xi, op)().backward()
    ties[op + "_all_grad"] = flat(xi.grad)
    xi = t.clone().requires_grad_(True)
    getattr(torch, "a" + op)(xi, 1).backward(torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64))
    ties["a" + op + "1_grad"] = flat(xi.grad)
xi = m.clone().requires_grad_(True)
xi.max().backward()
ties["max_all_nan_grad"] = flat(xi.grad)
fx["ties"] = ties

# ---------------------------------------------------------------- binary cross-entropy at the edges
pv = [0.0, 1.0, 0.0, 1.0, 0.5, 0.2, 0.0, 1.0, 1e-8, 1 - 1e-7]
yv = [0.0, 1.0, 1.0, 0.0, 0.3, 1.0, 0.5, 0.25, 0.0, 1.0]
xv = [0.0, 0.0, 0.0, 2.0, -3.0, 50.0, -50.0, 100.0, -100.0, 0.5]
zv = [0.0, 1.0, 0.5, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.7]
bce = {"p": pv, "y": yv, "x": xv, "z": zv}
for dt, tag in ((torch.float64, "64"), (torch.float32, "32")):
    for red in ("none", "mean", "sum"):
        p_ = torch.tensor(pv, dtype=dt, requires_grad=True)
        y_ = torch.tensor(yv, dtype=dt, requires_grad=True)
        v = F.binary_cross_entropy(p_, y_, reduction=red)
        v.backward(torch.ones_like(v))
        bce[f"bce_{red}_{tag}"] = {"value": flat(v), "grad": flat(p_.grad), "target_grad": flat(y_.grad)}
        x_ = torch.tensor(xv, dtype=dt, requires_grad=True)
        z_ = torch.tensor(zv, dtype=dt, requires_grad=True)
        v = F.binary_cross_entropy_with_logits(x_, z_, reduction=red)
        v.backward(torch.ones_like(v))
        bce[f"logits_{red}_{tag}"] = {"value": flat(v), "grad": flat(x_.grad), "target_grad": flat(z_.grad)}
fx["bce"] = bce

# ---------------------------------------------------------------- empty tensors, integer and bool sums
e = torch.zeros(0)
e03 = torch.zeros(0, 3)
fx["empty"] = {"sum": e.sum().item(), "mean": e.mean().item(), "sum0_of_0x3": flat(e03.sum(0)),
               "mean0_of_0x3": flat(e03.mean(0)), "sum1_of_0x3_shape": list(e03.sum(1).shape),
               "max1_of_0x3_shape": list(e03.max(1).values.shape)}
big = torch.tensor([2 ** 53 + 1, 1, 2 ** 40], dtype=torch.int64)
fx["integers"] = {"values": longs(big), "sum": big.sum().item(), "sum_dtype": str(big.sum().dtype),
                  "bool_sum": torch.tensor([True, False, True, True]).sum().item(),
                  "bool_sum_dtype": str(torch.tensor([True]).sum().dtype),
                  "int32_sum_dtype": str(torch.tensor([1, 2], dtype=torch.int32).sum().dtype)}

fx["torch_version"] = torch.__version__
with open(os.path.join(OUT, "numbers.json"), "w") as f:
    json.dump(fx, f, indent=1)
print("wrote numbers.json")
