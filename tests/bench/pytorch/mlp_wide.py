"""Mid-size: a wide MLP 784 -> 1024 -> 1024 -> 10 with ReLU, batches of 256 (8 cycled), Adam lr=1e-3, CE."""
import sys, time, torch, torch.nn as nn
from common import report
torch.manual_seed(0)
steps = int(sys.argv[1]) if len(sys.argv) > 1 else 100
data = [(torch.randn(256, 784), torch.tensor([(j * 3 + i) % 10 for j in range(256)])) for i in range(8)]
model = nn.Sequential(nn.Linear(784, 1024), nn.ReLU(), nn.Linear(1024, 1024), nn.ReLU(), nn.Linear(1024, 10))
opt, crit = torch.optim.Adam(model.parameters(), lr=1e-3), nn.CrossEntropyLoss()
t0 = time.perf_counter()
for s in range(steps):
    xb, yb = data[s % len(data)]
    opt.zero_grad(); loss = crit(model(xb), yb); loss.backward(); opt.step()
report("mlp_wide", time.perf_counter() - t0, steps, {"loss": loss.item()})
