#!/usr/bin/python3
"""Fixtures for ops between tensors of different dtypes where torch 1.13 promotes (cat, stack, where, the
regression losses between input and target), with values and gradients.

    /usr/bin/python3 lib/src/test/python/make_mixed_fixtures.py   # writes lib/src/test/resources/fixtures/mixed.json

Same case format as make_where_fixtures.py: inputs (values, shape, dtype, whether they require grad), outputs, and
the gradient of sum(out * w) with GradCheck's weights w_i = 0.5 + ((i * 7919) % 13) / 13. The Java test
(MixedDTypeTest) holds one lambda per case name; the ops torch refuses on mixed dtypes (matmul, linear,
convolutions, einsum, recurrent layers, norms) are checked there against gradnote's own messages.
"""
import json, os
import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures", "mixed.json")
D, S, L = torch.float64, torch.float32, torch.int64


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


# float32 values that are not exact in binary, so a float32 rounding on the way shows in the float64 result.
a32 = torch.tensor([[0.1, -1.3, 2.7], [3.3, -0.7, 1.9]], dtype=S)
b64 = torch.tensor([[-2.2, 4.1, 0.35], [1.05, 6.5, -3.15]], dtype=D)
i64 = torch.tensor([[1, -2, 3], [4, 0, -6]], dtype=L)
m23 = torch.tensor([[True, False, True], [False, False, True]])

case("cat_f32_f64", lambda x, y: torch.cat([x, y], 0), a32, b64, grad=[True, True])
case("cat_f64_f32_dim1", lambda x, y: torch.cat([x, y], 1), b64, a32, grad=[True, True])
case("cat_i64_f32", lambda x, y: torch.cat([x, y], 0), i64, a32, grad=[False, True])
case("cat_bool_i64", lambda x, y: torch.cat([x, y], 0), m23, i64, grad=[False, False])
case("stack_f32_f64", lambda x, y: torch.stack([x, y], -1), a32, b64, grad=[True, True])
case("where_f64_f32", torch.where, m23, b64, a32, grad=[False, True, True])
def promoted(loss):
    """The loss on both operands promoted first. torch 1.13 promotes in the forward of mse/l1/huber but its backward
    then fails ("Found dtype Float but expected Double"); promoting explicitly gives the same forward value (checked
    here) and the gradient that forward implies, cast back to the input's dtype by the autograd of .to()."""

    def fn(x, y):
        t = torch.promote_types(x.dtype, y.dtype)
        out = loss(x.to(t), y.to(t))
        direct = loss(x.detach(), y.detach())
        assert out.dtype == direct.dtype and torch.equal(out.detach(), direct), (out, direct)
        return out

    return fn


case("mse_f64_input_f32_target", promoted(F.mse_loss), b64, a32, grad=[True, False])
case("mse_f32_input_f64_target", promoted(F.mse_loss), a32, b64, grad=[True, False])
case("mse_f32_input_i64_target", promoted(F.mse_loss), a32, i64, grad=[True, False])
case("mse_sum_f32_f64", promoted(lambda x, y: F.mse_loss(x, y, reduction="sum")), a32, b64, grad=[True, False])
case("l1_f64_f32", promoted(F.l1_loss), b64, a32, grad=[True, False])
# huber with a float64 input: torch 1.13's huber_loss keeps a float32 input's dtype (target cast down), unlike its
# mse, l1 and smooth_l1; gradnote promotes as those do, so only the case where torch promotes too is a fixture.
case("huber_f64_f32", promoted(lambda x, y: F.huber_loss(x, y, delta=1.5)), b64, a32, grad=[True, False])

with open(OUT, "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=None, separators=(",", ":"))
print("wrote", OUT, len(cases), "cases")
