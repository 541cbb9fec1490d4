#!/usr/bin/python3
"""Generates gradnote's dtype-promotion parity fixture (run once, commit the JSON; tests never need PyTorch).

    /usr/bin/python3 lib/src/test/python/make_promotion_fixtures.py   # Debian's python3-torch (1.13)

For every pair of {bool, int32, int64, float32, float64} tensors (1-D, or 0-D as the second operand) and for
every such tensor with a Python int or float, it records what add/sub/mul/div/pow/atan2 (and the scalar-on-the-left
forms rsub/rdiv) return: the result dtype and values, or that PyTorch refuses. The float unary ops likewise, per
dtype. Non-finite values are written as the strings "nan", "inf", "-inf" (strict JSON has no NaN).
"""
import json, math, os
import torch

torch.set_default_dtype(torch.float32)  # PyTorch's default, and gradnote's
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")
os.makedirs(OUT, exist_ok=True)

DTYPES = {"bool": torch.bool, "int32": torch.int32, "int64": torch.int64, "float32": torch.float32, "float64": torch.float64}
# Left and right operands: right has no zeros (integer division by zero is not what this checks).
LEFT = {"bool": [True, False, True, False], "int": [-3, 0, 2, 5], "float": [-1.5, 0.0, 2.25, 5.0]}
RIGHT = {"bool": [True, True, False, True], "int": [2, 1, 3, 4], "float": [2.0, 0.5, 3.0, 4.0]}
SCALARS = {"int": 2, "float": 2.5}
BINARY = ["add", "sub", "mul", "div", "pow", "atan2"]
UNARY = ["exp", "log", "log1p", "sqrt", "abs", "neg", "tanh", "sigmoid", "relu"]


def kind(name):
    return "bool" if name == "bool" else "int" if name.startswith("int") else "float"


def num(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def result(f):
    try:
        t = f()
    except Exception as e:  # PyTorch refuses: gradnote must refuse too, with its own message
        return {"error": str(e).splitlines()[0]}
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "values": [num(v) for v in t.reshape(-1).tolist()]}


def call(op, a, b):
    return getattr(torch, op)(a, b)


cases = []
for an, at in DTYPES.items():
    a = torch.tensor(LEFT[kind(an)], dtype=at)
    for bn, bt in DTYPES.items():
        for zero_dim in (False, True):
            vals = RIGHT[kind(bn)]
            b = torch.tensor(vals[0] if zero_dim else vals, dtype=bt)
            for op in BINARY:
                cases.append({"op": op, "a": an, "a_values": LEFT[kind(an)], "b": bn, "b_kind": "zero_dim" if zero_dim else "tensor",
                              "b_values": [vals[0]] if zero_dim else vals, **result(lambda: call(op, a, b))})
    for sk, s in SCALARS.items():
        for op in BINARY:
            if op == "atan2":
                continue  # torch.atan2 takes tensors only
            cases.append({"op": op, "a": an, "a_values": LEFT[kind(an)], "b": sk, "b_kind": "python", "b_values": [s],
                          **result(lambda: call(op, a, s))})
        # Scalar on the left: 2 - t and 2 / t.
        cases.append({"op": "rsub", "a": an, "a_values": LEFT[kind(an)], "b": sk, "b_kind": "python", "b_values": [s],
                      **result(lambda: s - a)})
        cases.append({"op": "rdiv", "a": an, "a_values": LEFT[kind(an)], "b": sk, "b_kind": "python", "b_values": [s],
                      **result(lambda: s / a)})

unary = []
for an, at in DTYPES.items():
    a = torch.tensor(LEFT[kind(an)], dtype=at)
    for op in UNARY:
        f = (lambda: torch.relu(a)) if op == "relu" else (lambda: getattr(torch, op)(a))
        unary.append({"op": op, "a": an, "a_values": LEFT[kind(an)], **result(f)})

# relu keeps NaN (and the rest of IEEE's specials), as the issue requires of every path.
special = torch.tensor([float("nan"), -0.0, 0.0, float("inf"), float("-inf"), -1.0, 1.0], dtype=torch.float64)
relu_special = {"x": [num(v) for v in special.tolist()], "relu": [num(v) for v in torch.relu(special).tolist()]}

with open(os.path.join(OUT, "promotion.json"), "w") as f:
    json.dump({"torch": torch.__version__, "binary": cases, "unary": unary, "relu_special": relu_special}, f, indent=0)
print("wrote promotion.json:", len(cases), "binary cases,", len(unary), "unary cases")
