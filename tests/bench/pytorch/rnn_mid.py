"""Mid-size: an LSTM or GRU (hidden 128) over 100 steps of 32 features, batch 32 (4 cycled), last state -> Linear(128,1),
MSE, Adam lr=1e-3. Usage: rnn_mid.py lstm|gru STEPS (lstm_128.py and gru_128.py call it)."""
import sys, time, torch, torch.nn as nn
from common import report

def main(cell, steps):
    torch.manual_seed(0)
    data = [(torch.randn(32, 100, 32), torch.randn(32, 1)) for _ in range(4)]
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn = (nn.LSTM if cell == "lstm" else nn.GRU)(32, 128, batch_first=True); self.head = nn.Linear(128, 1)
        def forward(self, x):
            out, _ = self.rnn(x); return self.head(out[:, -1])
    model, crit = Net(), nn.MSELoss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    t0 = time.perf_counter()
    for s in range(steps):
        xb, yb = data[s % len(data)]
        opt.zero_grad(); loss = crit(model(xb), yb); loss.backward(); opt.step()
    report(cell + "_128", time.perf_counter() - t0, steps, {"loss": loss.item()})
