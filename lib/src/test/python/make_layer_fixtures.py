#!/usr/bin/python3
"""Generates the PyTorch parity fixtures of gradnote's layers (run once, commit the JSON; tests never need PyTorch).

    /usr/bin/python3 lib/src/test/python/make_layer_fixtures.py   # Debian's python3-torch (1.13)

layers_modules.json: for each case, a layer's repr, its state dict (weights given to the Java side), a fixed input
and upstream gradient, and PyTorch's output, input gradient, parameter gradients and buffers after the call, in
float64. layers_labs.json: the numbers the benchmark twins (tests/bench/pytorch) reach, for the Java labs' tests.
"""
import json, os, subprocess, sys
import torch
import torch.nn as nn

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "fixtures")
TWINS = os.path.join(HERE, "..", "..", "..", "..", "tests", "bench", "pytorch")
os.makedirs(OUT, exist_ok=True)
g = torch.Generator().manual_seed(4321)


def rnd(*shape):
    return torch.rand(*shape, generator=g) * 2 - 1


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def tensor_json(t):
    return {"values": flat(t), "shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", "")}


def case(module, x, train=True, prepare=None):
    """Runs module on x with a fixed upstream gradient and records everything the Java test compares."""
    if prepare: prepare(module)
    module.train(train)
    for p in module.parameters():  # weights away from PyTorch's init, so the test cannot pass on init alone
        with torch.no_grad(): p.copy_(rnd(*p.shape))
    state = {k: tensor_json(v) for k, v in module.state_dict().items()}
    integer = not x.is_floating_point()
    xi = x.clone() if integer else x.clone().requires_grad_(True)
    y = module(xi)
    gy = rnd(*y.shape)
    y.backward(gy)
    return {"repr": repr(module), "train": train, "state": state, "input": tensor_json(x), "grad_out": tensor_json(gy),
            "output": tensor_json(y), "input_grad": None if integer else tensor_json(xi.grad),
            "param_grads": {n: tensor_json(p.grad) for n, p in module.named_parameters()},
            "state_after": {k: tensor_json(v) for k, v in module.state_dict().items()}}


def running(mean, var):
    def prep(m):
        m.running_mean.copy_(mean); m.running_var.copy_(var); m.num_batches_tracked.fill_(3)
    return prep


cases = {
    "conv1d": case(nn.Conv1d(2, 3, 3), rnd(2, 2, 9)),
    "conv1d_stride2_pad1_dil2": case(nn.Conv1d(2, 3, 3, stride=2, padding=1, dilation=2), rnd(2, 2, 11)),
    "conv1d_same_even": case(nn.Conv1d(2, 3, 4, padding="same"), rnd(2, 2, 9)),
    "conv1d_nobias": case(nn.Conv1d(1, 2, 3, bias=False), rnd(1, 1, 7)),
    "conv2d_pad1": case(nn.Conv2d(2, 3, 3, padding=1), rnd(2, 2, 6, 5)),
    "conv2d_stride_pad_dil": case(nn.Conv2d(2, 3, (3, 2), stride=(2, 1), padding=(1, 0), dilation=(1, 2)), rnd(2, 2, 7, 6)),
    "conv2d_same_even": case(nn.Conv2d(2, 3, (2, 4), padding="same"), rnd(1, 2, 5, 6)),
    "conv2d_valid_nobias": case(nn.Conv2d(1, 2, 3, padding="valid", bias=False), rnd(2, 1, 5, 5)),
    "maxpool2d": case(nn.MaxPool2d(2), rnd(2, 3, 6, 6)),
    "maxpool2d_k3_s2_p1": case(nn.MaxPool2d(3, 2, 1), rnd(2, 2, 7, 5)),
    "maxpool2d_rect_dil": case(nn.MaxPool2d((2, 3), (1, 2), (1, 1), (2, 1)), rnd(1, 2, 7, 8)),
    "avgpool2d": case(nn.AvgPool2d(2), rnd(2, 3, 6, 6)),
    "avgpool2d_k3_s2_p1": case(nn.AvgPool2d(3, 2, 1), rnd(2, 2, 7, 5)),
    "maxpool1d_k3_s2_p1": case(nn.MaxPool1d(3, 2, 1), rnd(2, 3, 10)),
    "avgpool1d": case(nn.AvgPool1d(2), rnd(2, 3, 9)),
    "avgpool1d_k3_s1_p1": case(nn.AvgPool1d(3, 1, 1), rnd(2, 2, 7)),
    "batchnorm1d_train_2d": case(nn.BatchNorm1d(3), rnd(6, 3)),
    "batchnorm1d_train_3d": case(nn.BatchNorm1d(3), rnd(4, 3, 5)),
    "batchnorm1d_eval": case(nn.BatchNorm1d(3), rnd(4, 3, 5), train=False, prepare=running(rnd(3), rnd(3) + 1.5)),
    "batchnorm2d_train": case(nn.BatchNorm2d(2), rnd(3, 2, 4, 4), prepare=running(rnd(2), rnd(2) + 1.5)),
    "batchnorm2d_eval": case(nn.BatchNorm2d(2), rnd(3, 2, 4, 4), train=False, prepare=running(rnd(2), rnd(2) + 1.5)),
    "layernorm": case(nn.LayerNorm(5), rnd(3, 5)),
    "layernorm_2d": case(nn.LayerNorm((3, 4)), rnd(2, 3, 4)),
    "embedding": case(nn.Embedding(5, 3), torch.tensor([[1, 3, 1], [0, 3, 3]])),
    "flatten": case(nn.Flatten(), rnd(2, 3, 2, 2)),
    "dropout_eval": case(nn.Dropout(0.3), rnd(2, 5), train=False),
}
with open(os.path.join(OUT, "layers_modules.json"), "w") as f:
    json.dump(cases, f, indent=0)
print("wrote layers_modules.json,", len(cases), "cases")

lenet = nn.Sequential(nn.Conv2d(1, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Conv2d(6, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                      nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10), nn.Dropout(0.5), nn.BatchNorm2d(6), nn.LayerNorm(4))


def twin(script, *args):
    out = subprocess.run([sys.executable, os.path.join(TWINS, script), *map(str, args)], check=True, capture_output=True, text=True,
                         env=dict(os.environ, OMP_NUM_THREADS="1")).stdout
    return json.loads(out.strip().splitlines()[-1])



# ---------------------------------------------------------------- the labs from the same start: weights, order, steps
sys.path.insert(0, TWINS)
from common import digits, meteo_year  # the twins' own data readers


def lenet_trajectory(epochs=2):
    """LeNet from the twin's seed-0 init, float64, a recorded batch order: the loss after every SGD step."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(6, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                          nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    init = {k: tensor_json(v) for k, v in model.state_dict().items()}
    x, y = digits(); x = x.double()
    xtr, ytr, xte, yte = x[:1500], y[:1500], x[1500:], y[1500:]
    opt, crit = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9), nn.CrossEntropyLoss()
    order, losses = [], []
    for epoch in range(epochs):
        perm = torch.randperm(1500, generator=g)
        order.append(perm.tolist())
        for i in range(0, 1500, 32):
            idx = perm[i:i + 32]
            opt.zero_grad(); loss = crit(model(xtr[idx]), ytr[idx]); loss.backward(); opt.step()
            losses.append(loss.item())
    with torch.no_grad(): acc = (model(xte).argmax(1) == yte).double().mean().item()
    return {"init": init, "order": order, "losses": losses, "test_acc": acc}


def meteo_trajectory(h=10, epochs=100):
    """The meteo twin's model from its seed-0 init in float64: train loss per epoch and the final test MSE."""
    torch.manual_seed(0)
    cnn, mlp = nn.Conv1d(1, h, 3), nn.Linear(h, 1)
    init = {"cnn.weight": tensor_json(cnn.weight), "cnn.bias": tensor_json(cnn.bias),
            "mlp.weight": tensor_json(mlp.weight), "mlp.bias": tensor_json(mlp.bias)}
    def xy(year):
        t = [v / 50.0 for v in meteo_year(year)]
        return torch.tensor(t[:-1]).view(1, -1, 1), torch.tensor(t[3:]).view(1, -1, 1)
    (trx, tr_y), (tex, te_y) = xy(2014), xy(2015)
    def fwd(x):
        yy = torch.relu(cnn(x.transpose(1, 2))); B, H, T = yy.shape
        return mlp(yy.transpose(1, 2).reshape(B * T, H)).view(B, T, -1)
    params = list(cnn.parameters()) + list(mlp.parameters())
    opt, crit, losses = torch.optim.Adam(params, lr=0.001), nn.MSELoss(), []
    for epoch in range(epochs):
        opt.zero_grad(); loss = crit(fwd(trx), tr_y[:, :trx.shape[1] - 2]); loss.backward(); opt.step()
        losses.append(loss.item())
    with torch.no_grad(): test = crit(fwd(tex), te_y[:, :tex.shape[1] - 2]).item()
    return {"hidden": h, "init": init, "losses": losses, "test_mse": test}


labs = {"reprs": {"lenet_plus": repr(lenet)},
        "lenet_digits": {str(e): twin("lenet_digits.py", e) for e in (3, 10)},
        "meteo_cnn": {str(h): twin("meteo_cnn.py", h, 100) for h in (1, 10, 100)},
        "lenet_trajectory": lenet_trajectory(), "meteo_trajectory": meteo_trajectory()}
with open(os.path.join(OUT, "layers_labs.json"), "w") as f:
    json.dump(labs, f, indent=1)
print("wrote layers_labs.json", json.dumps(labs)[:400])
