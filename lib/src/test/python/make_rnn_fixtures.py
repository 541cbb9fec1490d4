#!/usr/bin/python3
"""Generates the PyTorch parity fixtures of gradnote's recurrent layers (run once, commit the JSON).

    /usr/bin/python3 lib/src/test/python/make_rnn_fixtures.py   # Debian's python3-torch (1.13)

For RNN (tanh, relu), LSTM and GRU in several modes: the weights (state_dict), a fixed input, initial states and
upstream gradients, and PyTorch's outputs, last states and the gradients of every parameter, input and initial
state, all in float64. Also writes lstm_meteo.json: the test MSE of tests/bench/pytorch/lstm_meteo.py after a
few epochs, for the lab's test.
"""
import json, os, subprocess, sys
import torch
import torch.nn as nn

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "fixtures")
os.makedirs(OUT, exist_ok=True)
g = torch.Generator().manual_seed(2024)


def rnd(*shape):
    return torch.rand(*shape, generator=g) * 2 - 1


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def case(kind, nonlinearity, layers, batch_first, with_init, n=3, t=4, inp=3, hidden=4, bias=True):
    torch.manual_seed(len(kind) * 100 + layers * 10 + batch_first * 2 + with_init)
    if kind == "rnn":
        m = nn.RNN(inp, hidden, layers, nonlinearity=nonlinearity, bias=bias, batch_first=batch_first)
    else:
        m = {"lstm": nn.LSTM, "gru": nn.GRU}[kind](inp, hidden, layers, bias=bias, batch_first=batch_first)
    x = rnd(*((n, t, inp) if batch_first else (t, n, inp))).requires_grad_(True)
    h0 = (rnd(layers, n, hidden) * 0.5).requires_grad_(True) if with_init else None
    c0 = (rnd(layers, n, hidden) * 0.5).requires_grad_(True) if with_init and kind == "lstm" else None
    if kind == "lstm":
        out, (hn, cn) = m(x, (h0, c0)) if with_init else m(x)
    else:
        out, hn = m(x, h0) if with_init else m(x)
        cn = None
    g_out, g_h = rnd(*out.shape), rnd(*hn.shape)
    loss = (out * g_out).sum() + (hn * g_h).sum()
    g_c = rnd(*cn.shape) if cn is not None else None
    if cn is not None:
        loss = loss + (cn * g_c).sum()
    loss.backward()
    d = {"kind": kind, "nonlinearity": nonlinearity, "input_size": inp, "hidden_size": hidden, "num_layers": layers,
         "bias": bias, "batch_first": batch_first,
         "x": flat(x), "x_shape": list(x.shape), "g_output": flat(g_out), "g_hidden": flat(g_h),
         "output": flat(out), "output_shape": list(out.shape), "hidden": flat(hn), "x_grad": flat(x.grad),
         "params": {k: {"value": flat(p), "shape": list(p.shape), "grad": flat(p.grad)} for k, p in m.named_parameters()}}
    if with_init:
        d.update({"h0": flat(h0), "h0_grad": flat(h0.grad)})
        if c0 is not None:
            d.update({"c0": flat(c0), "c0_grad": flat(c0.grad)})
    if cn is not None:
        d.update({"cell": flat(cn), "g_cell": flat(g_c)})
    d["name"] = f"{kind}{'-' + nonlinearity if kind == 'rnn' else ''} {layers}L batch_first={batch_first} init={with_init} bias={bias}"
    return d


def modes(kind, nonlinearity="tanh"):
    cs = [case(kind, nonlinearity, l, bf, init) for l in (1, 2) for bf in (False, True) for init in (False, True)]
    cs.append(case(kind, nonlinearity, 2, True, True, bias=False))
    return cs


def dump(name, obj):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, indent=1)
    print("wrote", name)


dump("rnn_elman.json", {"cases": modes("rnn", "tanh") + modes("rnn", "relu")})
dump("rnn_lstm.json", {"cases": modes("lstm")})
dump("rnn_gru.json", {"cases": modes("gru")})

# The lab's reference: the PyTorch twin itself, so the Java lab is compared with exactly what the benchmark runs.
EPOCHS = 10
twin = os.path.join(HERE, "..", "..", "..", "..", "tests", "bench", "pytorch", "lstm_meteo.py")
runs = []
for _ in range(2):  # twice, to record that torch itself is deterministic here
    res = subprocess.run([sys.executable, twin, str(EPOCHS)], capture_output=True, text=True, check=True,
                         env=dict(os.environ, OMP_NUM_THREADS="1"), cwd=os.path.dirname(twin))
    runs.append(json.loads(res.stdout.strip().splitlines()[-1])["test_mse"])
dump("rnn_lstm_meteo.json", {"epochs": EPOCHS, "test_mse": runs[0], "test_mse_runs": runs})
