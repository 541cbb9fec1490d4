"""The segmentation lab's U-Net (twin of org.gradnote.examples.UNet(1, 4, 8)): conv3x3-ReLU x2 blocks 1->8->16->32,
max-pool 2 down, ConvTranspose2d(k2, s2) up with skip concatenation, 1x1 head to 4 classes. Adam lr 3e-3, per-pixel
cross-entropy, 10 fixed batches of 16 random 32x32 images per epoch, targets in 8x8 blocks ((h/8 + w/8 + n) % 4)."""
import sys, time, torch, torch.nn as nn
from common import report
torch.manual_seed(0)
nepochs = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def block(i, o):
    return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.ReLU(), nn.Conv2d(o, o, 3, padding=1), nn.ReLU())


class UNet(nn.Module):
    def __init__(self, cin=1, classes=4, c=8):
        super().__init__()
        self.enc1, self.enc2, self.bottom = block(cin, c), block(c, 2 * c), block(2 * c, 4 * c)
        self.up2, self.dec2 = nn.ConvTranspose2d(4 * c, 2 * c, 2, stride=2), block(4 * c, 2 * c)
        self.up1, self.dec1 = nn.ConvTranspose2d(2 * c, c, 2, stride=2), block(2 * c, c)
        self.head, self.pool = nn.Conv2d(c, classes, 1), nn.MaxPool2d(2)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(self.pool(e1))
        b = self.bottom(self.pool(e2))
        d2 = self.dec2(torch.cat([self.up2(b), e2], 1))
        d1 = self.dec1(torch.cat([self.up1(d2), e1], 1))
        return self.head(d1)


h, w = torch.meshgrid(torch.arange(32), torch.arange(32), indexing="ij")
batches = [(torch.randn(16, 1, 32, 32), torch.stack([(h // 8 + w // 8 + n) % 4 for n in range(16)]))
           for _ in range(10)]
model = UNet()
opt, crit = torch.optim.Adam(model.parameters(), lr=3e-3), nn.CrossEntropyLoss()
t0 = time.perf_counter()
for epoch in range(nepochs):
    for xb, yb in batches:
        opt.zero_grad(); loss = crit(model(xb), yb); loss.backward(); opt.step()
report("unet", time.perf_counter() - t0, nepochs, {"final_loss": loss.item()})
