#!/usr/bin/python3
"""Generates the PyTorch parity fixtures of gradnote's segmentation layers (run once, commit the JSON).

    /usr/bin/python3 lib/src/test/python/make_seg_fixtures.py   # Debian's python3-torch (1.13)

seg.json: "modules" holds, for nn.ConvTranspose2d and nn.Upsample cases, the layer's repr, its state dict (weights
given to the Java side), a fixed input and upstream gradient, and PyTorch's output, input gradient and parameter
gradients, in float64 (the layout of make_layer_fixtures.py). "resize" holds F.interpolate to a given size.
"pixel_ce" holds per-pixel cross-entropy: logits [N, C, H, W], targets [N, H, W], the loss for each reduction and
the logits' gradient of the mean.
"""
import json, os
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "fixtures")
os.makedirs(OUT, exist_ok=True)
g = torch.Generator().manual_seed(1919)


def rnd(*shape):
    return torch.rand(*shape, generator=g) * 2 - 1


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def tensor_json(t):
    return {"values": flat(t), "shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", "")}


def case(module, x):
    """Runs module on x with a fixed upstream gradient and records what the Java test compares."""
    for p in module.parameters():  # weights away from PyTorch's init, so the test cannot pass on init alone
        with torch.no_grad(): p.copy_(rnd(*p.shape))
    state = {k: tensor_json(v) for k, v in module.state_dict().items()}
    xi = x.clone().requires_grad_(True)
    y = module(xi)
    gy = rnd(*y.shape)
    y.backward(gy)
    return {"repr": repr(module), "state": state, "input": tensor_json(x), "grad_out": tensor_json(gy),
            "output": tensor_json(y), "input_grad": tensor_json(xi.grad),
            "param_grads": {n: tensor_json(p.grad) for n, p in module.named_parameters()}}


modules = {
    "convt_k2_s2": case(nn.ConvTranspose2d(3, 2, 2, stride=2), rnd(2, 3, 4, 5)),
    "convt_k3_s1_p1": case(nn.ConvTranspose2d(2, 3, 3, padding=1), rnd(2, 2, 5, 4)),
    "convt_k3_s2_p1_op1": case(nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1, output_padding=1), rnd(1, 2, 4, 4)),
    "convt_rect_dil_nobias": case(nn.ConvTranspose2d(2, 2, (3, 2), stride=(2, 3), padding=(1, 0), output_padding=(1, 2),
                                                     dilation=(2, 1), bias=False), rnd(2, 2, 3, 4)),
    "upsample_nearest_x2": case(nn.Upsample(scale_factor=2), rnd(2, 2, 3, 4)),
    "upsample_nearest_x3": case(nn.Upsample(scale_factor=3, mode="nearest"), rnd(1, 2, 3, 2)),
    "upsample_bilinear_x2": case(nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False), rnd(2, 2, 3, 4)),
    "upsample_bilinear_x2_align": case(nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True), rnd(2, 2, 3, 4)),
}


def resize(size, mode, align):
    x = rnd(2, 2, 4, 5).requires_grad_(True)
    y = F.interpolate(x, size=size, mode=mode, align_corners=align)
    gy = rnd(*y.shape)
    y.backward(gy)
    return {"size": list(size), "mode": mode, "align_corners": bool(align), "input": tensor_json(x),
            "grad_out": tensor_json(gy), "output": tensor_json(y), "input_grad": tensor_json(x.grad)}


resizes = {
    "nearest_7x3": resize((7, 3), "nearest", None),
    "bilinear_7x3": resize((7, 3), "bilinear", False),
    "bilinear_7x3_align": resize((7, 3), "bilinear", True),
    "bilinear_3x9": resize((3, 9), "bilinear", False),
}

# Per-pixel cross-entropy: H != W so that a transposed pairing of pixels and targets cannot pass.
logits = (rnd(2, 4, 3, 5) * 3).requires_grad_(True)
target = torch.randint(0, 4, (2, 3, 5), generator=g)
mean = F.cross_entropy(logits, target)
mean.backward()
pixel_ce = {"logits": tensor_json(logits), "target": tensor_json(target),
            "none": tensor_json(F.cross_entropy(logits, target, reduction="none")),
            "sum": float(F.cross_entropy(logits, target, reduction="sum")), "mean": float(mean),
            "grad_mean": tensor_json(logits.grad)}

with open(os.path.join(OUT, "seg.json"), "w") as f:
    json.dump({"modules": modules, "resize": resizes, "pixel_ce": pixel_ce}, f, indent=0)
print("wrote seg.json,", len(modules), "modules,", len(resizes), "resizes")
