#!/usr/bin/python3
"""Fixtures for the ops a PyTorch user expects (ShapeOps, SortOps, LogicalOps, ScanOps, NormOps, ElementOps,
ActivationOps, Einsum, WeightedLosses, KlDiv): forward values and gradients from torch 1.13.

    /usr/bin/python3 lib/src/test/python/make_ops_fixtures.py   # writes lib/src/test/resources/fixtures/ops_more.json
                                                                # and ops_more_birnn.json

Each case names inputs (values, shape, dtype, whether they require grad); outputs (a list: ops like split and sort
give several); and, when any input requires grad, the gradient of sum_k sum(out_k * w_k) with the fixed weights
w_i = 0.5 + ((i * 7919) % 13) / 13 (GradCheck's), so every output element's gradient is checked. The Java test
(OpsMoreParityTest) holds one lambda per case name.
"""
import json, math, os
import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures", "ops_more.json")
g = torch.Generator().manual_seed(2026)
D = torch.float64


def rnd(*shape, lo=-2.0, hi=2.0):
    return torch.rand(*shape, generator=g, dtype=D) * (hi - lo) + lo


def weights(n):
    return torch.tensor([0.5 + ((i * 7919) % 13) / 13.0 for i in range(n)], dtype=D)


def enc(t):
    return {"v": [float(v) for v in t.detach().reshape(-1).tolist()], "shape": list(t.shape),
            "dtype": str(t.dtype).replace("torch.", "")}


cases = []


def case(name, fn, *inputs, grad=True):
    """inputs: tensors; floating ones require grad when grad is True (or a list of flags)."""
    flags = grad if isinstance(grad, list) else [grad and t.is_floating_point() for t in inputs]
    ins = [t.clone().detach().requires_grad_(f) for t, f in zip(inputs, flags)]
    out = fn(*ins)
    outs = list(out) if isinstance(out, (list, tuple)) else [out]
    c = {"name": name, "inputs": [dict(enc(t), grad=f) for t, f in zip(inputs, flags)], "outputs": [enc(o) for o in outs]}
    if any(flags):
        total = None
        for o in outs:
            if o.is_floating_point() and o.requires_grad:
                term = (o * weights(o.numel()).reshape(o.shape).to(o.dtype)).sum()
                total = term if total is None else total + term
        grads = []
        if total is not None:
            total.backward()
        for t, f in zip(ins, flags):
            grads.append(enc(t.grad if t.grad is not None else torch.zeros_like(t)) if f else None)
        c["grads"] = grads
    cases.append(c)


nan, inf = float("nan"), float("inf")
x34 = rnd(3, 4)
x234 = rnd(2, 3, 4)

# ---- factories
case("arange_2_11_3", lambda: torch.arange(2, 11, 3))
case("arange_5_m4_m2", lambda: torch.arange(5, -4, -2))
case("arange_3_3", lambda: torch.arange(3, 3))

# ---- logsumexp, norm, var/std
case("logsumexp_d1", lambda x: torch.logsumexp(x, 1), x34)
case("logsumexp_d01_keep", lambda x: torch.logsumexp(x, (0, 2), keepdim=True), x234)
case("logsumexp_large", lambda x: torch.logsumexp(x, 1), torch.tensor([[1000.0, 1000.0, -1000.0], [-inf, 2.0, -inf]], dtype=D))
case("logsumexp_allneginf", lambda x: torch.logsumexp(x, 1), torch.tensor([[-inf, -inf], [inf, 1.0]], dtype=D), grad=False)
case("norm_2_all", lambda x: torch.norm(x), x34)
case("norm_1_d1", lambda x: torch.norm(x, 1, dim=1), x34)
case("norm_inf_d0", lambda x: torch.linalg.vector_norm(x, inf, dim=0), torch.tensor([[1.0, -3.0], [-1.0, 3.0], [0.5, 2.0]], dtype=D))
case("norm_neginf_all", lambda x: torch.linalg.vector_norm(x, -inf), torch.tensor([[1.0, -3.0], [-0.5, 3.0]], dtype=D))
case("norm_3_d12_keep", lambda x: torch.linalg.vector_norm(x, 3, dim=(1, 2), keepdim=True), x234)
case("norm_0_d1", lambda x: torch.linalg.vector_norm(x, 0, dim=1), torch.tensor([[1.0, 0.0, 2.0], [0.0, 0.0, 0.0]], dtype=D))
case("norm_fro_d01", lambda x: torch.norm(x, "fro", dim=(0, 1)), x234)
case("norm_2_zero_grad", lambda x: torch.norm(x, 2, dim=1), torch.tensor([[0.0, 0.0], [3.0, 4.0]], dtype=D))
case("var_d02_unbiased", lambda x: torch.var(x, (0, 2), unbiased=True), x234)
case("var_d1_biased_keep", lambda x: torch.var(x, 1, unbiased=False, keepdim=True), x234)
case("var_n1_unbiased", lambda x: torch.var(x, 1, unbiased=True), rnd(3, 1), grad=False)
case("std_all", lambda x: torch.std(x), x34)
case("std_d1_const_row", lambda x: torch.std(x, 1), torch.tensor([[2.0, 2.0, 2.0], [1.0, 2.0, 4.0]], dtype=D))

# ---- logical
ints = torch.tensor([[0, 3, -1], [2, 2, 0]])
bools = torch.tensor([[True, False, True], [True, True, True]])
fnan = torch.tensor([[nan, 0.0, 1.0], [0.5, -2.0, 3.0]], dtype=D)
case("all_int", lambda x: torch.all(x), ints)
case("any_int_d1", lambda x: torch.any(x, 1), ints)
case("all_bool_d0_keep", lambda x: torch.all(x, 0, keepdim=True), bools)
case("all_float_nan_d1", lambda x: torch.all(x, 1), fnan, grad=False)
case("any_float_d0", lambda x: torch.any(x, 0), torch.tensor([[0.0, 0.0], [0.0, -0.5]], dtype=D), grad=False)
case("all_empty", lambda x: torch.all(x), torch.zeros(0, dtype=D), grad=False)
case("any_empty", lambda x: torch.any(x), torch.zeros(0, dtype=D), grad=False)
case("logical_and", lambda a, b: torch.logical_and(a, b), fnan, torch.tensor([1, 0, 5]), grad=False)
case("logical_or", lambda a, b: torch.logical_or(a, b), ints, torch.tensor([[0.0], [1.0]], dtype=D), grad=False)
case("logical_xor", lambda a, b: torch.logical_xor(a, b), ints, bools)
case("logical_not", lambda a: torch.logical_not(a), fnan, grad=False)

# ---- masks
m34 = x34 > 0.3
case("masked_fill_neginf", lambda x: x.masked_fill(m34, -inf), x34)
case("masked_fill_bcast", lambda x: x.masked_fill(torch.tensor([[True, False, False, True]]), 7.5), x34)
case("masked_select", lambda x: x[m34], x34)
case("masked_select_rows", lambda x: x[torch.tensor([True, False, True])], rnd(3, 2, 2))
case("masked_assign_tensor", lambda x, v: torch.index_put(x, (m34,), v), x34, rnd(int(m34.sum())))
case("masked_assign_rows", lambda x, v: torch.index_put(x, (torch.tensor([False, True]),), v), x234, rnd(3, 4))
case("masked_assign_scalar", lambda x: torch.index_put(x, (m34,), torch.tensor(2.5, dtype=D)), x34)

# ---- sort family
st = torch.tensor([[3.0, 1.0, nan, 1.0, -2.0, 3.0], [0.0, -0.0, 5.0, 5.0, nan, -inf]], dtype=D)
case("sort_d1", lambda x: torch.sort(x, dim=1, stable=True), st)
case("sort_d1_desc", lambda x: torch.sort(x, dim=1, descending=True, stable=True), st)
case("sort_d0", lambda x: torch.sort(x, dim=0, stable=True), x34)
case("argsort_d1", lambda x: torch.argsort(x, 1), torch.tensor([[3, 1, 2, 1], [0, 0, -5, 4]]))
case("sort_int_desc", lambda x: torch.sort(x, dim=-1, descending=True, stable=True), torch.tensor([[3, 1, 2, 1], [0, 0, -5, 4]]))
tk = torch.tensor([[1.0, 4.0, 4.0, -1.0, 2.0], [0.5, 0.25, 3.0, 3.0, 3.0]], dtype=D)
case("topk_2", lambda x: torch.topk(x, 2), x34)
case("topk_3_smallest_d0", lambda x: torch.topk(x, 2, dim=0, largest=False), x34)
# torch's topk orders tied elements as its selection algorithm leaves them (not by index): values only here;
# gradnote's stable order is checked in OpsMoreTest.
case("topk_ties", lambda x: torch.topk(x, 3).values, tk, grad=False)
case("unique_int", lambda x: torch.unique(x, sorted=True, return_inverse=True, return_counts=True), torch.tensor([[3, 1, 3], [0, 1, 7]]))
case("unique_float", lambda x: torch.unique(x, sorted=True, return_inverse=True, return_counts=True),
     torch.tensor([2.5, -1.0, 2.5, 0.0, -0.0, 8.0], dtype=D), grad=False)
case("nonzero_float", lambda x: torch.nonzero(x), torch.tensor([[0.0, 1.5, 0.0], [nan, 0.0, -2.0]], dtype=D), grad=False)
case("nonzero_bool3", lambda x: torch.nonzero(x), torch.rand(2, 3, 2, generator=g) > 0.5)
case("nonzero_empty", lambda x: torch.nonzero(x), torch.zeros(2, 3, dtype=D), grad=False)

# ---- scans and products
zp = torch.tensor([[2.0, 0.0, 3.0, 0.5], [0.0, 1.5, 0.0, 2.0], [1.5, -2.0, 0.5, 3.0]], dtype=D)
case("cumsum_d1", lambda x: torch.cumsum(x, 1), x34)
case("cumsum_d0", lambda x: torch.cumsum(x, 0), x234)
case("cumsum_neg_dim", lambda x: torch.cumsum(x, -1), x234)
case("cumsum_int", lambda x: torch.cumsum(x, 1), ints)
case("cumsum_bool", lambda x: torch.cumsum(x, 0), bools)
case("cumsum_f32", lambda x: torch.cumsum(x, 0), (rnd(40) * 1000).float(), grad=False)
case("cumprod_d1", lambda x: torch.cumprod(x, 1), rnd(3, 4, lo=0.5, hi=1.5))
case("cumprod_zeros", lambda x: torch.cumprod(x, 1), zp)
case("cumprod_zeros_d0", lambda x: torch.cumprod(x, 0), zp)
case("cumprod_int", lambda x: torch.cumprod(x, 1), ints)
case("prod_all", lambda x: torch.prod(x), rnd(2, 3, lo=0.5, hi=1.5))
case("prod_d1", lambda x: torch.prod(x, 1), zp)
case("prod_d0_keep", lambda x: torch.prod(x, 0, keepdim=True), zp)
case("prod_int", lambda x: torch.prod(x), torch.tensor([[2, -3], [4, 5]]))
case("prod_empty", lambda x: torch.prod(x), torch.zeros(0, dtype=D), grad=False)

# ---- shapes
x23 = rnd(2, 3)
case("repeat_2_1_3", lambda x: x.repeat(2, 1, 3), x23)
case("repeat_0", lambda x: x.repeat(0, 2), x23)
case("tile_2", lambda x: torch.tile(x, (2,)), x23)
case("tile_3_1_2", lambda x: torch.tile(x, (3, 1, 2)), x23)
case("chunk_3_d1", lambda x: torch.chunk(x, 3, 1), rnd(2, 7))
case("chunk_4_d0", lambda x: torch.chunk(x, 4, 0), rnd(6, 2))
case("split_2_d1", lambda x: torch.split(x, 2, 1), rnd(2, 5))
case("split_sizes_d0", lambda x: torch.split(x, [1, 0, 3], 0), rnd(4, 2))
case("flip_d0", lambda x: torch.flip(x, (0,)), x234)
case("flip_d02", lambda x: torch.flip(x, (0, -1)), x234)
case("roll_flat", lambda x: torch.roll(x, 5), x34)
case("roll_dims", lambda x: torch.roll(x, (1, -2), (0, 2)), x234)

# ---- element-wise
mm_a = torch.tensor([[1.0, 2.0, nan, -inf], [3.0, 3.0, 0.0, 5.0]], dtype=D)
mm_b = torch.tensor([[1.0, 0.5, 1.0, -inf], [2.0, 3.0, 0.0, 6.0]], dtype=D)
case("maximum_ties", lambda a, b: torch.maximum(a, b), mm_a, mm_b)
case("minimum_ties", lambda a, b: torch.minimum(a, b), mm_a, mm_b)
case("maximum_bcast", lambda a, b: torch.maximum(a, b), x34, torch.tensor([0.0, 0.5, -0.5, x34[0, 3].item()], dtype=D))
case("minimum_int", lambda a, b: torch.minimum(a, b), ints, torch.tensor([1, 1, 1]))
lo = torch.tensor([[-1.0, 0.0, -0.5, 1.0]], dtype=D)
hi = torch.tensor([[1.0, 0.5, 0.5, -1.0]], dtype=D)
xc = torch.tensor([[-2.0, 0.25, 0.5, 0.0], [1.0, 0.0, -0.5, 3.0], [0.5, 0.7, -0.7, -3.0]], dtype=D)
case("clamp_tensors", lambda x, a, b: torch.clamp(x, a, b), xc, lo, hi)
case("clamp_min_only", lambda x, a: torch.clamp(x, min=a), xc, lo)
rounding = torch.tensor([-2.5, -1.5, -0.5, -0.0, 0.5, 1.5, 2.5, 1.7, -1.7, 3.2, nan, inf, -inf], dtype=D)
case("sign", torch.sign, rounding)
case("floor", torch.floor, rounding)
case("ceil", torch.ceil, rounding)
case("round", torch.round, rounding)
case("trunc", torch.trunc, rounding)
case("sign_int", torch.sign, torch.tensor([-3, 0, 4]))
case("erf", torch.erf, rnd(10, lo=-4, hi=4))

# ---- einsum
case("einsum_matmul", lambda a, b: torch.einsum("ij,jk->ik", a, b), rnd(2, 3), rnd(3, 4))
case("einsum_bmm", lambda a, b: torch.einsum("bij,bjk->bik", a, b), rnd(2, 2, 3), rnd(2, 3, 2))
case("einsum_transpose", lambda a: torch.einsum("ijk->kij", a), x234)
case("einsum_sum_j", lambda a: torch.einsum("ijk->j", a), x234)
case("einsum_dot", lambda a, b: torch.einsum("i,i->", a, b), rnd(5), rnd(5))
case("einsum_outer", lambda a, b: torch.einsum("i,j->ij", a, b), rnd(3), rnd(2))
case("einsum_rowdot", lambda a, b: torch.einsum("ij,ij->i", a, b), rnd(3, 4), rnd(3, 4))
case("einsum_implicit", lambda a, b: torch.einsum("kj,ji", a, b), rnd(2, 3), rnd(3, 4))
case("einsum_chain3", lambda a, b, c: torch.einsum("ij,jk,kl->il", a, b, c), rnd(2, 3), rnd(3, 4), rnd(4, 2))
case("einsum_bilinear", lambda a, w, b: torch.einsum("bn,anm,bm->ba", a, w, b), rnd(2, 3), rnd(4, 3, 2), rnd(2, 2))
case("einsum_diag", lambda a: torch.einsum("ii->i", a), rnd(3, 3))
case("einsum_trace", lambda a: torch.einsum("ii->", a), rnd(3, 3))
case("einsum_trace_implicit", lambda a: torch.einsum("ii", a), rnd(4, 4))
case("einsum_batch_diag", lambda a: torch.einsum("bii->bi", a), rnd(2, 3, 3))
case("einsum_diag_times", lambda a, b: torch.einsum("iij,j->i", a, b), rnd(3, 3, 2), rnd(2))
case("einsum_ellipsis_bmm", lambda a, b: torch.einsum("...ij,...jk->...ik", a, b), rnd(2, 1, 3, 4), rnd(5, 4, 2))
case("einsum_ellipsis_transpose", lambda a: torch.einsum("...ij->...ji", a), rnd(2, 3, 4))
case("einsum_ellipsis_implicit", lambda a, b: torch.einsum("...ij,...jk", a, b), rnd(2, 3, 4), rnd(2, 4, 2))
case("einsum_ellipsis_sum_first", lambda a: torch.einsum("i...->...", a), rnd(3, 2, 2))
case("einsum_implicit_batch_summed", lambda a, b: torch.einsum("bij,bjk", a, b), rnd(2, 2, 3), rnd(2, 3, 2))
case("einsum_attention", lambda q, k: torch.einsum("bhqd,bhkd->bhqk", q, k), rnd(2, 2, 3, 4), rnd(2, 2, 5, 4))

# ---- activations
xa = torch.cat([rnd(12, lo=-4, hi=4), torch.tensor([0.0, 30.0, -30.0, 1000.0, -1000.0], dtype=D)])
case("gelu", F.gelu, xa)
case("gelu_tanh", lambda x: F.gelu(x, approximate="tanh"), xa)
case("silu", F.silu, xa)
case("elu", lambda x: F.elu(x, 0.7), xa)
case("selu", F.selu, xa)
case("mish", F.mish, xa)
case("hardtanh", F.hardtanh, torch.cat([xa, torch.tensor([-1.0, 1.0, 0.999, -0.999], dtype=D)]))
case("hardtanh_2_3", lambda x: F.hardtanh(x, -2.0, 3.0), torch.tensor([-2.0, -2.5, 3.0, 2.9, 0.0, 4.0], dtype=D))

xn = torch.tensor([nan, inf, -inf, 0.5], dtype=D)
for nm, fn in (("gelu", F.gelu), ("gelu_tanh", lambda x: F.gelu(x, approximate="tanh")), ("silu", F.silu), ("elu", F.elu),
               ("selu", F.selu), ("mish", F.mish), ("hardtanh", F.hardtanh)):
    case("nonfinite_" + nm, fn, xn, grad=False)

# ---- losses
bl = rnd(4, 3, lo=-3, hi=3)
by = (rnd(4, 3) > 0).double()
pw = torch.tensor([0.5, 2.0, 3.0], dtype=D)
for red in ("mean", "sum", "none"):
    case("bce_pos_weight_" + red, lambda x, y: F.binary_cross_entropy_with_logits(x, y, pos_weight=pw, reduction=red), bl, by,
         grad=[True, False])
ce = rnd(6, 4, lo=-3, hi=3)
ct = torch.tensor([0, 3, 1, -100, 2, 1])
cw = torch.tensor([1.0, 2.0, 0.5, 3.0], dtype=D)
for red in ("mean", "sum", "none"):
    case("ce_weight_ignore_" + red, lambda x, t: F.cross_entropy(x, t, weight=cw, ignore_index=-100, reduction=red), ce, ct)
    case("ce_smooth_" + red, lambda x, t: F.cross_entropy(x, t, label_smoothing=0.2, reduction=red), ce, torch.tensor([0, 3, 1, 0, 2, 1]))
    case("ce_all_" + red, lambda x, t: F.cross_entropy(x, t, weight=cw, ignore_index=1, label_smoothing=0.1, reduction=red), ce, ct.clamp(0))
ce4 = rnd(2, 3, 2, 2, lo=-2, hi=2)
ct4 = torch.tensor([[[0, 2], [1, 1]], [[2, 0], [0, 1]]])
case("ce_4d_all_mean", lambda x, t: F.cross_entropy(x, t, weight=cw[:3], ignore_index=2, label_smoothing=0.3), ce4, ct4)
case("ce_ignore_all_mean", lambda x, t: F.cross_entropy(x, t, ignore_index=1), rnd(2, 3), torch.tensor([1, 1]), grad=False)
kin = F.log_softmax(rnd(3, 4), 1)
kt = torch.tensor([[0.2, 0.3, 0.5, 0.0], [0.25, 0.25, 0.25, 0.25], [0.0, 0.0, 1.0, 0.0]], dtype=D)
for red in ("mean", "batchmean", "sum", "none"):
    case("kl_" + red, lambda x, t: F.kl_div(x, t, reduction=red), kin, kt, grad=[True, False])
case("kl_log_target_batchmean", lambda x, t: F.kl_div(x, t, reduction="batchmean", log_target=True), kin, F.log_softmax(rnd(3, 4), 1),
     grad=[True, True])
case("kl_target_grad_sum", lambda x, t: F.kl_div(x, t, reduction="sum"), kin, torch.tensor([[0.2, 0.3, 0.4, 0.1]] * 3, dtype=D))

# ---- empty tensors (where torch allows them) and float32 (dtype kept; compared to float32 precision)
E0 = torch.zeros(0, dtype=D)
E03 = torch.zeros(0, 3, dtype=D)
case("empty_sort", lambda x: torch.sort(x, dim=0, stable=True), E0)
case("empty_topk_k0", lambda x: torch.topk(x, 0, dim=1), rnd(2, 3))
case("empty_cumsum", lambda x: torch.cumsum(x, 0), E03)
case("empty_cumprod", lambda x: torch.cumprod(x, 1), E03)
case("empty_flip", lambda x: torch.flip(x, (0, 1)), E03)
case("empty_roll", lambda x: torch.roll(x, (2,), (1,)), E03)
case("empty_repeat", lambda x: x.repeat(2, 2), E03)
case("empty_logsumexp", lambda x: torch.logsumexp(x, 0), E03)
case("empty_norm", lambda x: torch.norm(x), E03)
case("empty_unique", lambda x: torch.unique(x, sorted=True, return_inverse=True, return_counts=True), torch.zeros(0, dtype=torch.int64))
case("empty_any_d0", lambda x: torch.any(x, 0), E03, grad=False)
case("empty_prod_d0", lambda x: torch.prod(x, 0), E03)
case("empty_masked_select", lambda x: x[x > 5], rnd(2, 3))
case("empty_maximum", lambda a, b: torch.maximum(a, b), E03, torch.zeros(3, dtype=D))
case("empty_einsum", lambda a, b: torch.einsum("ij,jk->ik", a, b), E03, rnd(3, 2))
F32 = torch.float32
case("f32_gelu", F.gelu, rnd(9, lo=-3, hi=3).to(F32))
case("f32_logsumexp", lambda x: torch.logsumexp(x, 1), rnd(3, 4).to(F32))
case("f32_cumprod", lambda x: torch.cumprod(x, 0), rnd(6, lo=0.5, hi=1.5).to(F32))
case("f32_sort", lambda x: torch.sort(x, dim=-1, stable=True), rnd(2, 5).to(F32))
case("f32_norm", lambda x: torch.norm(x, 2, dim=1), rnd(3, 4).to(F32))
case("f32_std", lambda x: torch.std(x, 0), rnd(5, 2).to(F32))
case("f32_maximum", lambda a, b: torch.maximum(a, b), rnd(4).to(F32), rnd(4).to(F32))
case("f32_elu", F.elu, rnd(8, lo=-3, hi=3).to(F32))
case("f32_einsum", lambda a, b: torch.einsum("bij,bjk->bik", a, b), rnd(2, 2, 3).to(F32), rnd(2, 3, 2).to(F32))

# ---- the op table's corners: clamp's torch rule (NaN, ties, min > max, result_type of 0-d bounds), softmaxes of 0-d
# and empty tensors and at +-inf/NaN, leaky_relu of empty tensors and with a slope above 1, max/min(dim) and argmax
# with ties and NaN (no rnd() here: cases above keep their random values)
xcn = torch.tensor([[nan, -0.0, 0.5, 2.0], [0.5, 1.0, -1.0, 3.0], [0.25, -3.0, 1.0, 0.0]], dtype=D)
# Columns: ordinary; min == max == 0; a NaN min; min 2 > max 1.
lon = torch.tensor([[0.0, 0.0, nan, 2.0]], dtype=D)
hin = torch.tensor([[1.0, 0.0, 1.0, 1.0]], dtype=D)
# Columns: a NaN max; ordinary; max below x; max == x.
lo2 = torch.tensor([[0.0, -1.0, -2.0, 1.0]], dtype=D)
hi2 = torch.tensor([[nan, 1.0, -1.5, 3.0]], dtype=D)
case("clamp_nan_ties", lambda x, a, b: torch.clamp(x, a, b), xcn, lon, hin)
case("clamp_nan_max", lambda x, a, b: torch.clamp(x, a, b), xcn, lo2, hi2)
case("clamp_max_only_nan", lambda x, b: torch.clamp(x, max=b), xcn, hi2)
case("clamp_f32_int_f64_0d", lambda x, a, b: torch.clamp(x, a, b), x34.to(F32), torch.tensor(-1), torch.tensor(0.5, dtype=D))
case("clamp_scalar_nan_ties", lambda x: torch.clamp(x, 0.0, 1.0), xcn)
case("clamp_scalar_lo_above_hi", lambda x: torch.clamp(x, 1.0, 0.0), xcn)
case("softmax_0d", lambda x: torch.softmax(x, 0), torch.tensor(2.0, dtype=D))
case("log_softmax_0d", lambda x: torch.log_softmax(x, 0), torch.tensor(2.0, dtype=D))
case("softmax_empty_d1", lambda x: torch.softmax(x, 1), E03)
case("log_softmax_empty_d0", lambda x: torch.log_softmax(x, 0), E03)
sinf = torch.tensor([[inf, 1.0, 0.0], [nan, 1.0, 2.0], [-inf, -inf, 0.0], [1000.0, -1000.0, 999.0]], dtype=D)
case("softmax_inf_nan", lambda x: torch.softmax(x, 1), sinf)
case("log_softmax_inf_nan", lambda x: torch.log_softmax(x, 1), sinf)
case("leaky_relu_empty", lambda x: F.leaky_relu(x, 0.1), E03)
case("leaky_relu_slope_2", lambda x: F.leaky_relu(x, 2.0), xcn)
xmt = torch.tensor([[1.0, 3.0, 3.0, -1.0], [nan, 2.0, nan, 5.0], [-inf, -inf, -2.0, -inf]], dtype=D)
case("max_d1_ties_nan", lambda x: torch.max(x, 1), xmt)
case("min_d0_keep_ties_nan", lambda x: torch.min(x, 0, keepdim=True), xmt)
case("argmax_d1_ties_nan", lambda x: torch.argmax(x, 1), xmt, grad=False)
case("argmin_all_ties", lambda x: torch.argmin(x), torch.tensor([[2.0, 0.5], [0.5, 1.0]], dtype=D), grad=False)

with open(OUT, "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=None, separators=(",", ":"))
print("wrote", OUT, len(cases), "cases")


# ---- bidirectional RNN/LSTM/GRU: the layout of make_rnn_fixtures.py, with bidirectional=True
def rnn_case(kind, layers, batch_first, with_init, nonlinearity="tanh", n=3, t=4, inp=3, hidden=4, bias=True):
    torch.manual_seed(len(kind) * 100 + layers * 10 + batch_first * 2 + with_init)
    if kind == "rnn":
        m = torch.nn.RNN(inp, hidden, layers, nonlinearity=nonlinearity, bias=bias, batch_first=batch_first, bidirectional=True)
    else:
        m = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind](inp, hidden, layers, bias=bias, batch_first=batch_first,
                                                               bidirectional=True)
    m = m.double()
    x = rnd(*((n, t, inp) if batch_first else (t, n, inp)), lo=-1, hi=1).requires_grad_(True)
    h0 = (rnd(2 * layers, n, hidden, lo=-0.5, hi=0.5)).requires_grad_(True) if with_init else None
    c0 = (rnd(2 * layers, n, hidden, lo=-0.5, hi=0.5)).requires_grad_(True) if with_init and kind == "lstm" else None
    if kind == "lstm":
        out, (hn, cn) = m(x, (h0, c0)) if with_init else m(x)
    else:
        out, hn = m(x, h0) if with_init else m(x)
        cn = None
    g_out, g_h = rnd(*out.shape, lo=-1, hi=1), rnd(*hn.shape, lo=-1, hi=1)
    loss = (out * g_out).sum() + (hn * g_h).sum()
    g_c = rnd(*cn.shape, lo=-1, hi=1) if cn is not None else None
    if cn is not None:
        loss = loss + (cn * g_c).sum()
    loss.backward()
    fl = lambda v: enc(v)["v"]
    d = {"kind": kind, "nonlinearity": nonlinearity, "input_size": inp, "hidden_size": hidden, "num_layers": layers,
         "bias": bias, "batch_first": batch_first,
         "x": fl(x), "x_shape": list(x.shape), "g_output": fl(g_out), "g_hidden": fl(g_h),
         "output": fl(out), "output_shape": list(out.shape), "hidden": fl(hn), "hidden_shape": list(hn.shape), "x_grad": fl(x.grad),
         "params": {k: {"value": fl(p), "shape": list(p.shape), "grad": fl(p.grad)} for k, p in m.named_parameters()},
         "repr": repr(m)}
    if with_init:
        d.update({"h0": fl(h0), "h0_grad": fl(h0.grad)})
        if c0 is not None:
            d.update({"c0": fl(c0), "c0_grad": fl(c0.grad)})
    if cn is not None:
        d.update({"cell": fl(cn), "g_cell": fl(g_c)})
    d["name"] = f"bidirectional {kind}{'-' + nonlinearity if kind == 'rnn' else ''} {layers}L batch_first={batch_first} init={with_init} bias={bias}"
    return d


rnn_cases = [rnn_case(k, l, bf, init) for k in ("rnn", "lstm", "gru") for l in (1, 2) for bf, init in ((False, False), (True, True))]
rnn_cases += [rnn_case("rnn", 2, False, True, nonlinearity="relu"), rnn_case("gru", 2, True, False, bias=False)]
with open(os.path.join(os.path.dirname(OUT), "ops_more_birnn.json"), "w") as f:
    json.dump({"torch": torch.__version__, "cases": rnn_cases}, f, indent=None, separators=(",", ":"))
print("wrote ops_more_birnn.json", len(rnn_cases), "cases")
