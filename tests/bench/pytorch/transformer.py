"""Mid-size: a Transformer encoder classifying token sequences. Embedding(32, 128) * sqrt(128) + the tutorial's
sinusoidal positions (dropout 0.1), nn.TransformerEncoder of 2 post-norm layers (4 heads, feed-forward 512, dropout
0.1, batch_first) with a key padding mask (token 0), mean over positions, Linear(128, 10), cross-entropy, Adam
lr=1e-3; batches of 32 sequences of 64 tokens, 4 cycled. Twin of TransformerBench.java. Usage: transformer.py STEPS"""
import math, sys, time, torch, torch.nn as nn
from common import report

VOCAB, D, HEADS, LAYERS, FF, SEQ, BATCH = 32, 128, 4, 2, 512, 64, 32


class PositionalEncoding(nn.Module):
    def __init__(self, d, dropout, max_len):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        position = torch.arange(max_len).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d, 2) * (-math.log(10000.0) / d))
        pe = torch.zeros(max_len, d)
        pe[:, 0::2] = torch.sin(position * div_term)
        pe[:, 1::2] = torch.cos(position * div_term)
        self.register_buffer("pe", pe)

    def forward(self, x):
        return self.dropout(x + self.pe[:x.size(1)].unsqueeze(0))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, D)
        self.pos = PositionalEncoding(D, 0.1, SEQ)
        self.encoder = nn.TransformerEncoder(nn.TransformerEncoderLayer(D, HEADS, FF, 0.1, batch_first=True), LAYERS,
                                             enable_nested_tensor=False)
        self.head = nn.Linear(D, 10)

    def forward(self, tokens):
        h = self.encoder(self.pos(self.embed(tokens) * math.sqrt(D)), src_key_padding_mask=tokens.eq(0))
        return self.head(h.mean(1))


def batches(count):
    out = []
    for i in range(count):
        tokens = torch.zeros(BATCH, SEQ, dtype=torch.long)
        for j in range(BATCH):
            n = 32 + (j * 13 + i * 5) % 33
            for t in range(n):
                tokens[j, t] = (j * 31 + t * 17 + i) % 31 + 1
        out.append((tokens, torch.tensor([(j * 7 + i) % 10 for j in range(BATCH)])))
    return out


def main(steps):
    torch.manual_seed(0)
    data = batches(4)
    model, crit = Net(), nn.CrossEntropyLoss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    t0 = time.perf_counter()
    for s in range(steps):
        xb, yb = data[s % len(data)]
        opt.zero_grad(); loss = crit(model(xb), yb); loss.backward(); opt.step()
    report("transformer", time.perf_counter() - t0, steps, {"loss": loss.item()})


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
