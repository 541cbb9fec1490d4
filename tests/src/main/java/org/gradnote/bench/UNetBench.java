package org.gradnote.bench;

import java.util.Map;
import org.gradnote.Gradnote;
import org.gradnote.examples.UNet;
import org.gradnote.nn.Loss;
import org.gradnote.optim.Adam;
import org.gradnote.tensor.Tensor;

/**
 * The segmentation lab's U-Net exactly as unet.py: UNet(1, 4, 8), Adam 3e-3, per-pixel cross-entropy, 10 fixed
 * batches of 16 random 32x32 images per epoch with block targets ((h/8 + w/8 + n) % 4).
 */
final class UNetBench implements Workload {
    @Override
    public String name() {
        return "unet";
    }

    @Override
    public String[] args(boolean quick) {
        return new String[] {quick ? "1" : "5"};
    }

    @Override
    public Result run(String[] args) {
        int epochs = Integer.parseInt(args[0]);
        Gradnote.seed(0);
        long[] t = new long[16 * 32 * 32];
        for (int n = 0, i = 0; n < 16; n++) {
            for (int h = 0; h < 32; h++) {
                for (int w = 0; w < 32; w++) t[i++] = (h / 8 + w / 8 + n) % 4;
            }
        }
        Tensor target = Tensor.of(t).reshape(16, 32, 32);
        Tensor[] xs = new Tensor[10];
        for (int b = 0; b < xs.length; b++) xs[b] = Tensor.randn(16, 1, 32, 32);
        UNet model = new UNet(1, 4, 8);
        Adam opt = new Adam(model.parameters(), 3e-3);
        Loss crit = Loss.crossEntropy();
        long t0 = System.nanoTime(), c0 = Workload.cpuNanos();
        double last = Double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (Tensor x : xs) {
                opt.zeroGrad();
                Tensor loss = crit.apply(model.forward(x), target);
                loss.backward();
                opt.step();
                last = loss.item();
            }
        }
        double dt = (System.nanoTime() - t0) / 1e9, cpu = (Workload.cpuNanos() - c0) / 1e9;
        return new Result(dt, cpu, epochs, Map.of("final_loss", last));
    }
}
