#!/usr/bin/python3
"""Generates fixtures/transformer.json: gradnote's attention layers and warm-up schedules against PyTorch (run once,
commit the JSON; tests never need PyTorch).

    /usr/bin/python3 lib/src/test/python/make_transformer_fixtures.py   # Debian's python3-torch (1.13)

- "mha": nn.MultiheadAttention in several modes (batch-first or not, self- or cross-attention, bool and float
  masks, key padding, weights averaged or per head, without biases): the state_dict, the inputs, upstream
  gradients for the output and the weights, PyTorch's output, weights and the gradients of every input and
  parameter.
- "encoder_layer", "decoder_layer": nn.TransformerEncoderLayer / nn.TransformerDecoderLayer, post- and pre-norm,
  relu and gelu, with a causal mask and padding masks; "encoder": a 2-layer nn.TransformerEncoder with a final norm;
  "transformer": a 1+1-layer nn.Transformer. Dropout is 0 so that the comparison is deterministic; the weights
  are re-drawn at random after construction so that stacked copies differ.
- "positional": the PyTorch tutorial's sinusoidal table and its sum with an input.
- "schedules": torch.optim.lr_scheduler.LambdaLR driven by the inverse-square-root (Noam) and warm-up + cosine
  formulas gradnote implements, two parameter groups with different rates.

Everything is float64 so that the comparison measures the maths, not rounding.
"""
import json, math, os
import torch
import torch.nn as nn

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")
g = torch.Generator().manual_seed(1917)


def rnd(*shape):
    return torch.rand(*shape, generator=g) * 2 - 1


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def tensor(t):
    return {"value": flat(t), "shape": list(t.shape)}


def bools(t):
    return {"value": [bool(v) for v in t.reshape(-1).tolist()], "shape": list(t.shape)}


def redraw(m):
    """Random weights (LayerNorm's around 1), so that zero biases and identical stacked copies hide nothing."""
    with torch.no_grad():
        for k, p in m.named_parameters():
            p.copy_(rnd(*p.shape) * 0.5 + (1.0 if k.endswith("norm1.weight") or k.endswith("norm2.weight")
                                              or k.endswith("norm3.weight") or k.endswith("norm.weight") else 0.0))


def params(m):
    return {k: {"value": flat(p), "shape": list(p.shape), "grad": flat(p.grad)} for k, p in m.named_parameters()}


def padding(n, s, pads):
    """Bool [n, s]: the last pads[i] positions of row i are padding."""
    m = torch.zeros(n, s, dtype=torch.bool)
    for i, p in enumerate(pads):
        if p:
            m[i, s - p:] = True
    return m


def causal(n):
    return nn.Transformer.generate_square_subsequent_mask(n)


# ---------------------------------------------------------------- MultiheadAttention
def mha_case(name, e=8, heads=2, n=3, l=4, s=4, batch_first=True, self_attn=True, kpm=None, attn=None,
             average=True, bias=True):
    m = nn.MultiheadAttention(e, heads, bias=bias, batch_first=batch_first)
    redraw(m)
    shape = lambda length: (n, length, e) if batch_first else (length, n, e)
    q = rnd(*shape(l)).requires_grad_(True)
    if self_attn:
        k = v = q
    else:
        k, v = rnd(*shape(s)).requires_grad_(True), rnd(*shape(s)).requires_grad_(True)
    out, w = m(q, k, v, key_padding_mask=kpm, need_weights=True, attn_mask=attn, average_attn_weights=average)
    assert not torch.isnan(out).any(), name + ": a fully masked row"
    g_out, g_w = rnd(*out.shape), rnd(*w.shape)
    # Masked weights are exactly 0 and their gradients do not flow: any finite upstream value is fine.
    ((out * g_out).sum() + (w * g_w).sum()).backward()
    d = {"name": name, "embed_dim": e, "num_heads": heads, "batch_first": batch_first, "self_attention": self_attn,
         "bias": bias, "average": average, "q": tensor(q), "q_grad": flat(q.grad),
         "output": tensor(out), "weights": tensor(w), "g_output": flat(g_out), "g_weights": flat(g_w),
         "params": params(m)}
    if not self_attn:
        d.update({"k": tensor(k), "v": tensor(v), "k_grad": flat(k.grad), "v_grad": flat(v.grad)})
    if kpm is not None:
        d["key_padding_mask"] = bools(kpm)
    if attn is not None:
        d["attn_mask"] = bools(attn) if attn.dtype == torch.bool else tensor(attn)
        d["attn_mask_bool"] = attn.dtype == torch.bool
    return d


float_mask = rnd(3 * 2, 4, 4)
float_mask[:, 0, 3] = float("-inf")
mha = [
    mha_case("self batch_first no masks"),
    mha_case("cross seq_first kpm bool-mask per-head", n=2, l=3, s=5, batch_first=False, self_attn=False,
             kpm=padding(2, 5, [0, 2]), attn=torch.rand(3, 5, generator=g) < 0.3, average=False),
    mha_case("self batch_first float-3d-mask kpm", kpm=padding(3, 4, [1, 0, 2]), attn=float_mask),
    mha_case("self seq_first causal no-bias", batch_first=False, attn=causal(4), bias=False),
    mha_case("cross batch_first 4 heads", e=8, heads=4, n=2, l=2, s=3, self_attn=False),
]


# ---------------------------------------------------------------- layers
def run_layer(kind, m, batch_first, n=2, t=4, s=5, e=8, masks=True):
    shape = lambda length: (n, length, e) if batch_first else (length, n, e)
    x = rnd(*shape(t)).requires_grad_(True)
    d = {"x": tensor(x)}
    kpm_t = padding(n, t, [0, 1]) if masks else None
    if kind == "decoder" or kind == "transformer":
        mem = rnd(*shape(s)).requires_grad_(True)
        d["memory"] = tensor(mem)
        kpm_m = padding(n, s, [2, 0]) if masks else None
        if kind == "decoder":
            y = m(x, mem, tgt_mask=causal(t) if masks else None, tgt_key_padding_mask=kpm_t,
                  memory_key_padding_mask=kpm_m)
        else:  # nn.Transformer(src=mem, tgt=x)
            y = m(mem, x, tgt_mask=causal(t) if masks else None, src_key_padding_mask=kpm_m,
                  tgt_key_padding_mask=kpm_t, memory_key_padding_mask=kpm_m)
        if masks:
            d["memory_key_padding_mask"] = bools(kpm_m)
    elif kind == "encoder":
        y = m(x, mask=causal(t) if masks else None, src_key_padding_mask=kpm_t)
    else:
        y = m(x, src_mask=causal(t) if masks else None, src_key_padding_mask=kpm_t)
    if masks:
        d["key_padding_mask"] = bools(kpm_t)
    g_y = rnd(*y.shape)
    (y * g_y).sum().backward()
    d.update({"masks": masks, "output": tensor(y), "g_output": flat(g_y), "x_grad": flat(x.grad), "params": params(m)})
    if "memory" in d:
        d["memory_grad"] = flat(mem.grad)
    return d


def layer_case(kind, norm_first, activation, batch_first, masks=True, e=8, heads=2, ff=16):
    cls = nn.TransformerEncoderLayer if kind == "encoder_layer" else nn.TransformerDecoderLayer
    m = cls(e, heads, dim_feedforward=ff, dropout=0.0, activation=activation, batch_first=batch_first,
            norm_first=norm_first)
    redraw(m)
    d = run_layer("decoder" if kind == "decoder_layer" else "layer", m, batch_first, e=e, masks=masks)
    d.update({"name": f"{kind} norm_first={norm_first} {activation} batch_first={batch_first} masks={masks}",
              "d_model": e, "nhead": heads, "dim_feedforward": ff, "activation": activation,
              "norm_first": norm_first, "batch_first": batch_first})
    return d


MODES = ((False, "relu", True), (False, "gelu", False), (True, "relu", False), (True, "gelu", True))
encoder_layer = [layer_case("encoder_layer", nf, act, bf) for nf, act, bf in MODES]
encoder_layer.append(layer_case("encoder_layer", False, "relu", True, masks=False))
decoder_layer = [layer_case("decoder_layer", nf, act, bf) for nf, act, bf in MODES]

enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16, 0.0, batch_first=True), 2, norm=nn.LayerNorm(8))
redraw(enc)
encoder = run_layer("encoder", enc, True)
encoder.update({"name": "encoder 2 layers + norm", "d_model": 8, "nhead": 2, "dim_feedforward": 16,
                "activation": "relu", "norm_first": False, "batch_first": True, "num_layers": 2})

tr = nn.Transformer(8, 2, 1, 1, 16, 0.0, batch_first=True, norm_first=True)
redraw(tr)
transformer = run_layer("transformer", tr, True)
transformer.update({"name": "transformer 1+1 pre-norm", "d_model": 8, "nhead": 2, "dim_feedforward": 16,
                    "activation": "relu", "norm_first": True, "batch_first": True})


# ---------------------------------------------------------------- positional encoding (the PyTorch tutorial's)
def tutorial_pe(max_len, d):
    position = torch.arange(max_len).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, d, 2) * (-math.log(10000.0) / d))
    pe = torch.zeros(max_len, d)
    pe[:, 0::2] = torch.sin(position * div_term)
    pe[:, 1::2] = torch.cos(position * div_term)
    return pe


pe_x = rnd(2, 5, 6)
positional = {"max_len": 7, "d_model": 6, "table": tensor(tutorial_pe(7, 6)), "x": tensor(pe_x),
              "output": tensor(pe_x + tutorial_pe(7, 6)[:5].unsqueeze(0))}


# ---------------------------------------------------------------- schedules
def noam(d_model, warmup):
    return lambda e: d_model ** -0.5 * min((e + 1) ** -0.5, (e + 1) * warmup ** -1.5)


def warmup_cosine(warmup, total, eta_min, base):
    def f(e):
        if e < warmup:
            return e / warmup
        progress = min(1.0, (e - warmup) / (total - warmup))
        return (eta_min + (base - eta_min) * 0.5 * (1 + math.cos(math.pi * progress))) / base
    return f


def sched(make_lambdas, steps):
    w = torch.zeros(2, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([{"params": [w]}, {"params": [b], "lr": 0.02}], lr=0.5)
    s = torch.optim.lr_scheduler.LambdaLR(opt, make_lambdas([grp["lr"] for grp in opt.param_groups]))
    lrs = [[grp["lr"] for grp in opt.param_groups]]
    for _ in range(steps):
        opt.step(); s.step()
        lrs.append([grp["lr"] for grp in opt.param_groups])
    return {"lrs": lrs}


schedules = {
    "noam": sched(lambda bases: noam(16, 4), 12),
    "warmup_cosine": sched(lambda bases: [warmup_cosine(3, 10, 0.0, b) for b in bases], 14),
    "warmup_cosine_min": sched(lambda bases: [warmup_cosine(4, 9, 0.001, b) for b in bases], 12),
}

with open(os.path.join(OUT, "transformer.json"), "w") as f:
    json.dump({"torch": torch.__version__, "mha": mha, "encoder_layer": encoder_layer,
               "decoder_layer": decoder_layer, "encoder": encoder, "transformer": transformer,
               "positional": positional, "schedules": schedules}, f)
print("wrote transformer.json")
