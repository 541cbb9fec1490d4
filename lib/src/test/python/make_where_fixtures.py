#!/usr/bin/python3
"""Fixtures for Tensor.where (infinities and NaN in either branch) and Tensor.stack (negative dims), from torch 1.13.

    /usr/bin/python3 lib/src/test/python/make_where_fixtures.py   # writes lib/src/test/resources/fixtures/where_stack.json

Same case format as make_ops_fixtures.py: inputs (values, shape, dtype, whether they require grad), outputs, and
the gradient of sum(out * w) with GradCheck's weights w_i = 0.5 + ((i * 7919) % 13) / 13. The Java test
(WhereStackParityTest) holds one lambda per case name.
"""
import json, os
import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures", "where_stack.json")
D = torch.float64
nan, inf = float("nan"), float("inf")


def weights(n):
    return torch.tensor([0.5 + ((i * 7919) % 13) / 13.0 for i in range(n)], dtype=D)


def enc(t):
    return {"v": [float(v) for v in t.detach().reshape(-1).tolist()], "shape": list(t.shape),
            "dtype": str(t.dtype).replace("torch.", "")}


cases = []


def case(name, fn, *inputs, grad):
    ins = [t.clone().detach().requires_grad_(f) for t, f in zip(inputs, grad)]
    out = fn(*ins)
    c = {"name": name, "inputs": [dict(enc(t), grad=f) for t, f in zip(inputs, grad)], "outputs": [enc(out)]}
    if any(grad):
        (out * weights(out.numel()).reshape(out.shape).to(out.dtype)).sum().backward()
        c["grads"] = [enc(t.grad if t.grad is not None else torch.zeros_like(t)) if f else None
                      for t, f in zip(ins, grad)]
    cases.append(c)


m23 = torch.tensor([[True, False, True], [False, False, True]])
x23 = torch.tensor([[0.5, -1.25, 2.0], [3.5, -0.75, 1.5]], dtype=D)
y23 = torch.tensor([[-2.0, 4.0, 0.25], [1.0, 6.5, -3.0]], dtype=D)

case("where_plain", torch.where, m23, x23, y23, grad=[False, True, True])
case("where_neginf_fill", lambda m, x: torch.where(m, torch.tensor(-inf, dtype=D), x), m23, x23, grad=[False, True])
case("where_inf_nan_branches", torch.where, m23,
     torch.tensor([[1.0, nan, -inf], [inf, 2.0, 3.0]], dtype=D),
     torch.tensor([[nan, 5.0, 7.0], [-inf, inf, nan]], dtype=D), grad=[False, True, True])
case("where_broadcast_f32", torch.where, torch.tensor([[True], [False], [True]]),
     torch.tensor([[1.5, -inf, 2.5, 0.0]], dtype=torch.float32),
     torch.tensor([4.0, 3.0, nan, -1.0], dtype=torch.float32), grad=[False, True, True])
case("where_int_branches", torch.where, m23, torch.tensor([[1, 2, 3], [4, 5, 6]]), torch.tensor([-1, -2, -3]),
     grad=[False, False, False])

parts = [x23, y23, x23 * 2 - y23]
for d in (-3, -2, -1, 0, 1, 2):
    case(f"stack_dim_{d}".replace("-", "m"), lambda a, b, c, d=d: torch.stack([a, b, c], d), *parts,
         grad=[True, True, True])

with open(OUT, "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=None, separators=(",", ":"))
print("wrote", OUT, len(cases), "cases")
