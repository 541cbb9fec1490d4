#!/usr/bin/python3
"""Generates gradnote's dtype-promotion parity fixture (run once, commit the JSON; tests never need PyTorch).

    /usr/bin/python3 lib/src/test/python/make_promotion_fixtures.py   # Debian's python3-torch (1.13)

For every pair of {bool, int32, int64, float32, float64} tensors (1-D, or 0-D as the second operand) and for
every such tensor with a Python int or float, it records what add/sub/mul/div/pow/atan2 (and the scalar-on-the-left
forms rsub/rdiv) return: the result dtype and values, or that PyTorch refuses. The float unary ops likewise, per
dtype. Non-finite values are written as the strings "nan", "inf", "-inf" (strict JSON has no NaN). The "table" section
has every other entry of gradnote's op tables (see TABLE below).
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

# Every entry of gradnote's op tables but the binary ones (UnaryOp, ReduceOp, SelectOp, DimOp: OpTableTest calls the
# entry named here): its torch call and the arguments the entry takes, on a [2, 3] tensor of each dtype; the result
# (every output) or torch's refusal, and for float64 the gradient of sum(out * w) with GradCheck's weights. A new
# table entry needs its line here; OpTableTest fails for an entry without one.
import torch.nn.functional as F
TABLE_VALUES = {"bool": [[True, False, True], [False, False, True]], "int": [[-3, 0, 2], [5, -1, 2]],
                "float": [[-1.5, 0.0, 2.25], [5.0, -0.5, 2.25]]}
TABLE = [
    ("exp", torch.exp, {}), ("log", torch.log, {}), ("log1p", torch.log1p, {}), ("expm1", torch.expm1, {}),
    ("sqrt", torch.sqrt, {}),
    ("abs", torch.abs, {}), ("neg", torch.neg, {}), ("tanh", torch.tanh, {}), ("sigmoid", torch.sigmoid, {}),
    ("relu", torch.relu, {}), ("leakyRelu", lambda a: F.leaky_relu(a, 0.1), {"p": 0.1}),
    ("clamp", lambda a: torch.clamp(a, -1, 2), {"min": -1, "max": 2, "integral": True}),
    ("clamp", lambda a: torch.clamp(a, -0.5, 2.0), {"min": -0.5, "max": 2.0, "integral": False}),
    ("clamp", lambda a: torch.clamp(a, min=0), {"min": 0, "integral": True}),
    ("softmax", lambda a: torch.softmax(a, 1), {"dim": 1}),
    ("logSoftmax", lambda a: torch.log_softmax(a, 0), {"dim": 0}),
    ("sum", lambda a: torch.sum(a, 1), {"dim": 1}), ("sum", torch.sum, {}),
    ("mean", lambda a: torch.mean(a, 0), {"dim": 0}), ("mean", torch.mean, {}),
    ("var", lambda a: torch.var(a, 1), {"dim": 1, "correction": 1}),
    ("std", lambda a: torch.std(a, 1, unbiased=False), {"dim": 1, "correction": 0}),
    ("amax", lambda a: torch.amax(a, 1), {"dim": 1}), ("amax", torch.amax, {}),
    ("amin", lambda a: torch.amin(a, 0), {"dim": 0}),
    ("prod", lambda a: torch.prod(a, 1), {"dim": 1}), ("prod", torch.prod, {}),
    ("max", lambda a: torch.max(a, 1), {"dim": 1}), ("min", lambda a: torch.min(a, 0), {"dim": 0}),
    ("argmax", lambda a: torch.argmax(a, 1), {"dim": 1}), ("argmax", torch.argmax, {}),
    ("argmin", lambda a: torch.argmin(a, 0), {"dim": 0}),
]


def outputs(r):
    return [{"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape),
             "values": [num(v) for v in t.reshape(-1).tolist()]} for t in (r if isinstance(r, tuple) else (r,))]


table = []
for op, f, args in TABLE:
    for an, at in DTYPES.items():
        a = torch.tensor(TABLE_VALUES[kind(an)], dtype=at, requires_grad=at.is_floating_point)
        c = {"op": op, "args": args, "a": an, "a_values": [v for row in TABLE_VALUES[kind(an)] for v in row], "a_shape": [2, 3]}
        try:
            r = f(a)
        except Exception as e:
            table.append({**c, "error": str(e).splitlines()[0]})
            continue
        c["outputs"] = outputs(r)
        first = r[0] if isinstance(r, tuple) else r
        if at == torch.float64 and first.requires_grad:
            w = torch.tensor([0.5 + ((i * 7919) % 13) / 13.0 for i in range(first.numel())], dtype=first.dtype)
            (first * w.reshape(first.shape)).sum().backward()
            c["grad"] = [num(v) for v in a.grad.reshape(-1).tolist()]
        table.append(c)

# relu keeps NaN (and the rest of IEEE's specials), as the issue requires of every path.
special = torch.tensor([float("nan"), -0.0, 0.0, float("inf"), float("-inf"), -1.0, 1.0], dtype=torch.float64)
relu_special = {"x": [num(v) for v in special.tolist()], "relu": [num(v) for v in torch.relu(special).tolist()]}

with open(os.path.join(OUT, "promotion.json"), "w") as f:
    json.dump({"torch": torch.__version__, "binary": cases, "unary": unary, "table": table, "relu_special": relu_special},
              f, indent=0)
print("wrote promotion.json:", len(cases), "binary cases,", len(unary), "unary cases,", len(table), "table cases")
