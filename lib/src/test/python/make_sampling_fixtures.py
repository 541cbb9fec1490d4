#!/usr/bin/python3
"""Generates gradnote's sampling parity fixture (run once, commit the JSON; tests never need PyTorch).

    /usr/bin/python3 lib/src/test/python/make_sampling_fixtures.py   # Debian's python3-torch (1.13)

Random draws cannot match PyTorch's bits (another generator), so this records what does not depend on the
generator: for each call of bernoulli, multinomial, normal, Normal.rsample, randint, rand_like and randn_like, the
result's dtype and shape and whether it requires grad, or that PyTorch refuses the arguments. SamplingParityTest
replays every case through gradnote's Sampling; the statistics themselves are SamplingTest's job.
"""
import json, os
import torch

torch.set_default_dtype(torch.float32)  # PyTorch's default, and gradnote's
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")
os.makedirs(OUT, exist_ok=True)
DT = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64}


def tensor(spec):
    """spec: {"dtype", "shape", "fill"} or {"dtype", "values"} (values row-major, shape given)."""
    t = torch.tensor(spec["values"], dtype=DT[spec["dtype"]]).reshape(spec["shape"])
    return t.requires_grad_(spec.get("grad", False))


def run(case):
    op, a = case["op"], case["args"]
    if op == "bernoulli":
        return torch.bernoulli(tensor(a["p"]))
    if op == "multinomial":
        return torch.multinomial(tensor(a["weights"]), a["n"], a["replacement"])
    if op == "normal":
        return torch.normal(tensor(a["mean"]), tensor(a["std"]))
    if op == "rsample":
        return torch.distributions.Normal(tensor(a["mean"]), tensor(a["std"]), validate_args=False).rsample()
    if op == "randint":
        return torch.randint(a["low"], a["high"], tuple(a["shape"]))
    if op == "randLike":
        return torch.rand_like(tensor(a["t"]))
    if op == "randnLike":
        return torch.randn_like(tensor(a["t"]))
    raise ValueError(op)


def t(dtype, shape, values, grad=False):
    return {"dtype": dtype, "shape": shape, "values": values, "grad": grad}


CASES = [
    ("bernoulli", {"p": t("float32", [2, 3], [0, 0.2, 0.5, 0.7, 0.9, 1])}),
    ("bernoulli", {"p": t("float64", [3], [0.1, 0.5, 1])}),
    ("bernoulli", {"p": t("int64", [2], [1, 0])}),
    ("bernoulli", {"p": t("float32", [2], [0.5, 1.5])}),
    ("bernoulli", {"p": t("float32", [1], [-0.1])}),
    ("bernoulli", {"p": t("float32", [1], [float("nan")])}),
    ("multinomial", {"weights": t("float32", [3], [1, 2, 3]), "n": 5, "replacement": True}),
    ("multinomial", {"weights": t("float32", [2, 3], [1, 2, 3, 1, 1, 1]), "n": 2, "replacement": False}),
    ("multinomial", {"weights": t("float64", [3], [1, 2, 3]), "n": 3, "replacement": False}),
    ("multinomial", {"weights": t("int64", [3], [1, 2, 3]), "n": 2, "replacement": True}),
    ("multinomial", {"weights": t("float32", [3], [1, -2, 3]), "n": 2, "replacement": True}),
    ("multinomial", {"weights": t("float32", [2], [1, float("inf")]), "n": 1, "replacement": True}),
    ("multinomial", {"weights": t("float32", [2], [0, 0]), "n": 1, "replacement": True}),
    ("multinomial", {"weights": t("float32", [3], [1, 1, 1]), "n": 4, "replacement": False}),
    ("multinomial", {"weights": t("float32", [3], [1, 1, 1]), "n": 0, "replacement": True}),
    ("multinomial", {"weights": t("float32", [1, 2, 2], [1, 1, 1, 1]), "n": 1, "replacement": True}),
    ("normal", {"mean": t("float32", [3], [0, 1, 2]), "std": t("float32", [3], [1, 1, 1])}),
    ("normal", {"mean": t("float32", [2, 3], [0] * 6), "std": t("float32", [3], [1, 2, 3])}),
    ("normal", {"mean": t("float32", [2], [0, 0]), "std": t("float64", [2], [1, 1])}),
    ("normal", {"mean": t("float32", [2], [0, 0], True), "std": t("float32", [2], [1, 1])}),
    ("normal", {"mean": t("float32", [2], [0, 0]), "std": t("float32", [2], [1, -1])}),
    ("rsample", {"mean": t("float32", [3], [0, 1, 2], True), "std": t("float32", [3], [1, 1, 1])}),
    ("rsample", {"mean": t("float32", [2, 3], [0] * 6), "std": t("float32", [3], [1, 2, 3], True)}),
    ("rsample", {"mean": t("float32", [2], [0, 0]), "std": t("float64", [2], [1, 1])}),
    ("rsample", {"mean": t("float32", [2], [0, 0]), "std": t("float32", [3], [1, 1, 1])}),
    ("randint", {"low": -2, "high": 3, "shape": [4, 5]}),
    ("randint", {"low": 3, "high": 3, "shape": [2]}),
    ("randLike", {"t": t("float64", [2, 2], [0] * 4)}),
    ("randLike", {"t": t("int64", [2], [1, 2])}),
    ("randnLike", {"t": t("float32", [3], [0, 0, 0])}),
    ("randnLike", {"t": t("int64", [2], [1, 2])}),
]


def num(v):
    return "nan" if v != v else v


cases = []
for op, args in CASES:
    case = {"op": op, "args": args}
    try:
        r = run(case)
        case["expect"] = {"dtype": str(r.dtype).replace("torch.", ""), "shape": list(r.shape),
                          "requires_grad": r.requires_grad}
    except RuntimeError as e:
        case["expect"] = {"error": str(e).splitlines()[0]}
    for spec in args.values():
        if isinstance(spec, dict):
            spec["values"] = [num(v) for v in spec["values"]]
    cases.append(case)

with open(os.path.join(OUT, "sampling.json"), "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
    f.write("\n")
print(len(cases), "cases ->", os.path.join(OUT, "sampling.json"))
