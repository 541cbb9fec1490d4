package org.gradnote.examples;

import static org.junit.jupiter.api.Assertions.*;

import org.gradnote.Gradnote;
import org.gradnote.data.Batch;
import org.gradnote.data.DataLoader;
import org.gradnote.data.Shapes;
import org.gradnote.metrics.Segmentation;
import org.gradnote.nn.Loss;
import org.gradnote.optim.Adam;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The U-Net keeps the image size, and a few epochs on the shapes lower the per-pixel loss and raise the mean IoU. */
class UNetTest {
    @Test
    void learnsTheShapes() {
        Gradnote.seed(3);
        Shapes.Set data = Shapes.generate(160, 32, 1);
        UNet net = new UNet(1, 4, 8);
        Tensor x = data.images().slice(0, 0, 4);
        assertArrayEquals(new long[] {4, 4, 32, 32}, net.forward(x).shape());
        assertArrayEquals(
                new long[] {4, 4, 32, 32},
                new UNet(1, 4, 4, false, false).forward(x).shape(),
                "Upsample, no skips");
        Adam opt = new Adam(net.parameters(), 3e-3);
        Loss ce = Loss.crossEntropy();
        DataLoader loader = DataLoader.of(data.dataset(), 16).shuffled();
        double first = 0, last = 0;
        long t0 = System.nanoTime();
        for (int epoch = 0; epoch < 4; epoch++) {
            double total = 0;
            int n = 0;
            for (Batch b : loader) {
                opt.zeroGrad();
                Tensor loss = ce.apply(net.forward(b.x()), b.y());
                loss.backward();
                opt.step();
                total += loss.item();
                n++;
            }
            if (epoch == 0) first = total / n;
            last = total / n;
        }
        System.out.printf(
                "UNet: 4 epochs of 160 images in %.1f s, loss %.3f -> %.3f%n",
                (System.nanoTime() - t0) / 1e9, first, last);
        assertTrue(last < 0.7 * first, "loss falls: " + first + " -> " + last);
        Tensor pred;
        try (var g = Tensor.noGrad()) {
            pred = net.forward(data.images()).argmax(1);
        }
        double bgIou = Segmentation.of(pred, data.masks(), 4).iou()[0];
        assertTrue(bgIou > 0.8, "background IoU " + bgIou);
    }
}
