#!/usr/bin/python3
"""Generates the PyTorch parity fixtures of gradnote's recurrent cells and attention (run once, commit the JSON).

    /usr/bin/python3 lib/src/test/python/make_cell_fixtures.py   # Debian's python3-torch (1.13)

Writes cells.json: for GRUCell and LSTMCell (with and without biases and initial states) and for Bahdanau
(additive) and Luong (dot) attention with a padding mask, the parameters (state_dict), fixed inputs and upstream
gradients, and PyTorch's outputs and the gradients of every input and parameter, all in float64. PyTorch has no
attention module of this form, so it is written here from nn.Linear layers named as gradnote's parameters.
"""
import json, os
import torch
import torch.nn as nn

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "fixtures")
os.makedirs(OUT, exist_ok=True)
g = torch.Generator().manual_seed(2025)


def rnd(*shape):
    return torch.rand(*shape, generator=g) * 2 - 1


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def tensor(t):
    return {"value": flat(t), "shape": list(t.shape)}


def params(m):
    return {k: {"value": flat(p), "shape": list(p.shape), "grad": flat(p.grad)} for k, p in m.named_parameters()}


def cell_case(kind, bias, with_state, n=3, inp=3, hidden=4):
    torch.manual_seed(10 * bias + with_state + (100 if kind == "lstm" else 0))
    m = (nn.LSTMCell if kind == "lstm" else nn.GRUCell)(inp, hidden, bias=bias)
    x = rnd(n, inp).requires_grad_(True)
    h0 = (rnd(n, hidden) * 0.5).requires_grad_(True) if with_state else None
    c0 = (rnd(n, hidden) * 0.5).requires_grad_(True) if with_state and kind == "lstm" else None
    d = {"kind": kind, "input_size": inp, "hidden_size": hidden, "bias": bias, "x": tensor(x),
         "name": f"{kind} bias={bias} state={with_state}"}
    if kind == "lstm":
        h, c = m(x, (h0, c0)) if with_state else m(x)
        g_h, g_c = rnd(*h.shape), rnd(*c.shape)
        ((h * g_h).sum() + (c * g_c).sum()).backward()
        d.update({"h": flat(h), "c": flat(c), "g_h": flat(g_h), "g_c": flat(g_c)})
    else:
        h = m(x, h0) if with_state else m(x)
        g_h = rnd(*h.shape)
        (h * g_h).sum().backward()
        d.update({"h": flat(h), "g_h": flat(g_h)})
    d["x_grad"] = flat(x.grad)
    if with_state:
        d.update({"h0": tensor(h0), "h0_grad": flat(h0.grad)})
        if c0 is not None:
            d.update({"c0": tensor(c0), "c0_grad": flat(c0.grad)})
    d["params"] = params(m)
    return d


class Additive(nn.Module):
    """Bahdanau: score = v . tanh(W_q q + W_k k + b)."""

    def __init__(self, dq, dk, a):
        super().__init__()
        self.query_proj = nn.Linear(dq, a, bias=False)
        self.key_proj = nn.Linear(dk, a)
        self.v = nn.Linear(a, 1, bias=False)

    def scores(self, q, k):
        return self.v(torch.tanh(self.key_proj(k) + self.query_proj(q).unsqueeze(1))).squeeze(2)


def attention_case(kind, masked, n=3, t=5, dq=4, dk=4, dv=3, a=6):
    torch.manual_seed(7 + masked + (10 if kind == "dot" else 0))
    m = Additive(dq, dk, a) if kind == "additive" else None
    q = rnd(n, dq).requires_grad_(True)
    k = rnd(n, t, dk).requires_grad_(True)
    v = rnd(n, t, dv).requires_grad_(True)
    lengths = [5, 3, 1]
    mask = torch.tensor([[j < L for j in range(t)] for L in lengths]) if masked else None
    s = m.scores(q, k) if m is not None else torch.bmm(k, q.unsqueeze(2)).squeeze(2)
    if mask is not None:
        s = s.masked_fill(~mask, float("-inf"))
    w = torch.softmax(s, dim=1)
    ctx = torch.bmm(w.unsqueeze(1), v).squeeze(1)
    g_ctx, g_w = rnd(*ctx.shape), rnd(*w.shape)
    ((ctx * g_ctx).sum() + (w * g_w).sum()).backward()
    d = {"kind": kind, "name": f"attention {kind} masked={masked}", "dims": [dq, dk, a],
         "query": tensor(q), "keys": tensor(k), "values": tensor(v), "lengths": lengths if masked else None,
         "context": flat(ctx), "weights": flat(w), "g_context": flat(g_ctx), "g_weights": flat(g_w),
         "query_grad": flat(q.grad), "keys_grad": flat(k.grad), "values_grad": flat(v.grad),
         "params": params(m) if m is not None else {}}
    return d


cells = [cell_case(kind, b, s) for kind in ("gru", "lstm") for b in (True, False) for s in (True, False)]
attention = [attention_case(kind, masked) for kind in ("additive", "dot") for masked in (False, True)]
with open(os.path.join(OUT, "cells.json"), "w") as f:
    json.dump({"cells": cells, "attention": attention}, f, indent=1)
print("wrote cells.json")
