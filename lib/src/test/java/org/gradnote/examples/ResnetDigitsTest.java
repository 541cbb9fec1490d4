package org.gradnote.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.gradnote.Gradnote;
import org.gradnote.nn.BasicBlock;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Sequential;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The ResNet lab's helpers: networks, class splits, k-shot samples, and transfer with a frozen body. */
class ResnetDigitsTest {
    @Test
    void networksHaveTheAdvertisedDepthAndHead() {
        Sequential res = ResnetDigits.residual(2, 4, 7), plain = ResnetDigits.plain(2, 4, 7);
        long resBlocks = res.children().values().stream()
                .filter(m -> m instanceof BasicBlock)
                .count();
        assertEquals(4, resBlocks);
        assertEquals(res.size(), plain.size());
        assertTrue(res.get(res.size() - 1) instanceof Linear);
        assertArrayEquals(
                new long[] {3, 7}, res.forward(Tensor.randn(3, 1, 8, 8)).shape());
        assertArrayEquals(
                new long[] {3, 7}, plain.forward(Tensor.randn(3, 1, 8, 8)).shape());
        // Same convolutions, plus the residual net's 1x1 projection (4*8 weights, 2*8 BN parameters).
        assertEquals(plain.parameterCount() + 4 * 8 + 2 * 8, res.parameterCount());
    }

    @Test
    void classesAndPerClassPickTheRightImages() {
        Tensor x = Tensor.arange(12).reshape(12, 1, 1, 1).toDouble();
        Tensor y = Tensor.of(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 5, 5});
        Tensor[] high = ResnetDigits.classes(x, y, 5, 10);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 0, 0}, high[1].toLongArray());
        assertArrayEquals(new double[] {5, 6, 7, 8, 9, 10, 11}, high[0].toDoubleArray());
        Tensor[] two = ResnetDigits.perClass(high[0], high[1], 2, 3);
        long[] counts = new long[5];
        for (long v : two[1].toLongArray()) counts[(int) v]++;
        assertArrayEquals(new long[] {2, 1, 1, 1, 1}, counts, "class 0 has three images, the others one");
        assertArrayEquals(two[1].toLongArray(), ResnetDigits.perClass(high[0], high[1], 2, 3)[1].toLongArray());
    }

    @Test
    void newHeadKeepsTheBodyFrozenAndInEvalWhileTheHeadLearns() {
        Gradnote.seed(4);
        Sequential pre = ResnetDigits.residual(1, 4, 10);
        Tensor[] s = LenetDigits.split();
        Tensor[] few = ResnetDigits.perClass(s[0], s[1], 3, 1);
        ResnetDigits.train(pre, ResnetDigits.dataset(few), 10, 3, 0.05, 1);
        Sequential net = ResnetDigits.newHead(pre, 1, 4, 10);
        Map<String, Tensor> before = net.stateDict();
        double[][] body = before.entrySet().stream()
                .filter(e -> !e.getKey().startsWith((net.size() - 1) + "."))
                .map(e -> e.getValue().toDoubleArray())
                .toArray(double[][]::new);
        assertArrayEquals(
                pre.stateDict().get("0.weight").toDoubleArray(),
                before.get("0.weight").toDoubleArray());
        double[] head = net.get(net.size() - 1).parameters().get(0).toDoubleArray();
        ResnetDigits.train(net, ResnetDigits.dataset(few), 10, 5, 0.1, 2);
        double[][] bodyAfter = net.stateDict().entrySet().stream()
                .filter(e -> !e.getKey().startsWith((net.size() - 1) + "."))
                .map(e -> e.getValue().toDoubleArray())
                .toArray(double[][]::new);
        // Frozen weights and, because frozen batch norms stay in eval mode, their running statistics too.
        assertTrue(Arrays.deepEquals(body, bodyAfter), "the frozen body did not move");
        assertFalse(
                Arrays.equals(head, net.get(net.size() - 1).parameters().get(0).toDoubleArray()));
        assertThrows(IllegalArgumentException.class, () -> ResnetDigits.newHead(pre, 2, 4, 10));
    }
}
