"""Mid-size: batch inference of the CIFAR-size CNN, [256, 3, 32, 32] per batch (4 cycled), no gradients."""
import sys, time, torch
from common import mid_cnn, mid_batches, report
torch.manual_seed(0)
passes = int(sys.argv[1]) if len(sys.argv) > 1 else 20
data, model = mid_batches(4, 256), mid_cnn()
model.eval()
t0 = time.perf_counter()
checksum = 0.0
with torch.no_grad():
    for s in range(passes): checksum += model(data[s % len(data)][0]).abs().mean().item()
report("cnn_infer", time.perf_counter() - t0, passes, {"mean_abs_logit": checksum / passes})
