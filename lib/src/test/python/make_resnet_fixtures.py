#!/usr/bin/python3
"""Generates the PyTorch parity fixtures of gradnote's BasicBlock (run once, commit the JSON).

    /usr/bin/python3 lib/src/test/python/make_resnet_fixtures.py   # Debian's python3-torch (1.13)

resnet.json: for each case, a residual block's state dict (weights given to the Java side), a fixed input and
upstream gradient, and PyTorch's output, input gradient, parameter gradients and buffers after the call, in float64.
The block is torchvision's BasicBlock written out here (Debian has no torchvision): same children, same state-dict keys.
"""
import json, os
import torch
import torch.nn as nn

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "fixtures")
os.makedirs(OUT, exist_ok=True)
g = torch.Generator().manual_seed(1818)


def rnd(*shape):
    return torch.rand(*shape, generator=g) * 2 - 1


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def tensor_json(t):
    return {"values": flat(t), "shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", "")}


class BasicBlock(nn.Module):
    """torchvision.models.resnet.BasicBlock (expansion 1, groups 1, dilation 1) with its projection shortcut."""

    def __init__(self, inplanes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = None
        if stride != 1 or inplanes != planes:
            self.downsample = nn.Sequential(nn.Conv2d(inplanes, planes, 1, stride=stride, bias=False), nn.BatchNorm2d(planes))

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.relu(out + identity)


def case(inp, out, stride, x_shape, train=True):
    m = BasicBlock(inp, out, stride)
    for p in m.parameters():  # weights away from PyTorch's init, so the test cannot pass on init alone
        with torch.no_grad(): p.copy_(rnd(*p.shape))
    for name, b in m.named_buffers():  # running statistics that differ from the defaults, for eval mode
        with torch.no_grad():
            if name.endswith("running_mean"): b.copy_(rnd(*b.shape) * 0.5)
            elif name.endswith("running_var"): b.copy_(rnd(*b.shape) * 0.5 + 1.2)
            else: b.fill_(5)
    m.train(train)
    state = {k: tensor_json(v) for k, v in m.state_dict().items()}
    x = rnd(*x_shape).requires_grad_(True)
    y = m(x)
    gy = rnd(*y.shape)
    y.backward(gy)
    return {"in": inp, "out": out, "stride": stride, "train": train, "projection": m.downsample is not None,
            "state": state, "input": tensor_json(x), "grad_out": tensor_json(gy), "output": tensor_json(y),
            "input_grad": tensor_json(x.grad),
            "param_grads": {n: tensor_json(p.grad) for n, p in m.named_parameters()},
            "state_after": {k: tensor_json(v) for k, v in m.state_dict().items()}}


cases = {
    "identity_train": case(3, 3, 1, (4, 3, 5, 5)),
    "identity_eval": case(3, 3, 1, (2, 3, 4, 4), train=False),
    "projection_stride2_train": case(3, 5, 2, (3, 3, 6, 6)),
    "projection_stride2_odd_train": case(2, 4, 2, (2, 2, 5, 7)),
    "projection_channels_train": case(2, 4, 1, (3, 2, 4, 4)),
    "projection_stride2_eval": case(3, 5, 2, (2, 3, 6, 6), train=False),
}
with open(os.path.join(OUT, "resnet.json"), "w") as f:
    json.dump(cases, f, indent=0)
print("wrote resnet.json,", len(cases), "cases")
