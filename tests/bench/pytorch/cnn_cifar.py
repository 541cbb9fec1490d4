"""Mid-size: training steps of a CIFAR-size CNN on [64, 3, 32, 32] batches (8 cycled), SGD lr=0.01 momentum 0.9, CE."""
import sys, time, torch, torch.nn as nn
from common import mid_cnn, mid_batches, report
torch.manual_seed(0)
steps = int(sys.argv[1]) if len(sys.argv) > 1 else 30
data, model = mid_batches(8, 64), mid_cnn()
opt, crit = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9), nn.CrossEntropyLoss()
t0 = time.perf_counter()
for s in range(steps):
    xb, yb = data[s % len(data)]
    opt.zero_grad(); loss = crit(model(xb), yb); loss.backward(); opt.step()
report("cnn_cifar", time.perf_counter() - t0, steps, {"loss": loss.item()})
