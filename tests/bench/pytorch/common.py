"""Shared helpers for the PyTorch reference workloads (the course labs, written the way the course writes them)."""
import csv, gzip, os, sys, time, json
import torch

# The data sets ship inside gradnote (lib resources), so the benchmarks run offline.
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "lib", "src", "main", "resources", "org", "gradnote", "data")

def meteo_year(year, city="Seattle", column="temp_max"):
    with open(os.path.join(DATA, "weather.csv")) as f:
        rows = [r for r in csv.DictReader(f) if r["location"] == city and r["date"].startswith(str(year))]
    return [float(r[column]) for r in rows]

def digits():
    with gzip.open(os.path.join(DATA, "digits.csv.gz"), "rt") as f:
        rows = [list(map(float, l.split(","))) for l in f]
    x = torch.tensor([r[:64] for r in rows]).view(-1, 1, 8, 8) / 16.0
    y = torch.tensor([int(r[64]) for r in rows])
    return x, y

# CPU time of the timed part, for BenchRunner's CPU-time ratio (wall time swings with the machine's load). The
# scripts start their clock with their first time.perf_counter() call, so the process CPU time is noted then;
# the workloads themselves are untouched.
_perf_counter, _cpu0 = time.perf_counter, None
def _perf_counter_noting_cpu():
    global _cpu0
    if _cpu0 is None: _cpu0 = time.process_time()
    return _perf_counter()
time.perf_counter = _perf_counter_noting_cpu

def peak_rss_mb():
    """This process's peak resident memory in MiB (ru_maxrss is in KiB on Linux)."""
    import resource
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

def report(name, seconds, epochs, extra=None):
    out = {"workload": name, "seconds": round(seconds, 4), "epochs": epochs,
           "ms_per_epoch": round(1000 * seconds / epochs, 3), "threads": torch.get_num_threads(),
           "cpu_seconds": round(time.process_time() - _cpu0, 4), "peak_rss_mb": peak_rss_mb()}
    if extra: out.update(extra)
    print(json.dumps(out))

def mid_cnn():
    """The CIFAR-size CNN of the mid-size workloads (twin of MidCnn.model() in the gradnote benchmarks)."""
    import torch.nn as nn
    return nn.Sequential(nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(64 * 8 * 8, 128), nn.ReLU(), nn.Linear(128, 10))

def mid_batches(count, batch):
    """count seeded batches of random images [batch, 3, 32, 32] with the labels MidCnn.batches gives."""
    return [(torch.randn(batch, 3, 32, 32), torch.tensor([(j * 7 + i) % 10 for j in range(batch)])) for i in range(count)]
