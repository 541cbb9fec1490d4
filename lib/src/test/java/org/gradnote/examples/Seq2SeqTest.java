package org.gradnote.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.data.NumberWords;
import org.gradnote.data.PaddedBatch;
import org.gradnote.data.Vocab;
import org.gradnote.optim.Adam;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The seq2seq lab's model learns a little, and its decoders agree with each other and with their definitions. */
class Seq2SeqTest {
    @Test
    void trainingLowersTheLossAndBeamOfWidthOneIsGreedy() {
        Gradnote.seed(1);
        Seq2Seq.Task task = Seq2Seq.Task.numbers(128, 16, 1000, 1);
        Seq2Seq.Model model = new Seq2Seq.Model(task, 8, 16, true);
        PaddedBatch src = task.sources(task.train()), tgt = task.targets(task.train());
        Adam opt = new Adam(model.parameters(), 0.02);
        double first = 0, last = 0;
        for (int i = 0; i < 15; i++) {
            opt.zeroGrad();
            Tensor loss = model.loss(src, tgt, i % 2 == 0 ? 1.0 : 0.5);
            loss.backward();
            opt.step();
            if (i == 0) first = loss.item();
            last = loss.item();
        }
        assertTrue(last < 0.7 * first, "loss " + first + " -> " + last);

        PaddedBatch test = task.sources(task.test());
        Seq2Seq.Decoded greedy = model.greedy(test, 6);
        List<int[]> beam1 = model.beam(test, 1, 6, 0);
        for (int i = 0; i < test.size(); i++) {
            int[] g = greedy.ids().get(i);
            assertArrayEquals(g, beam1.get(i), "example " + i);
            assertTrue(g.length <= 6 && (g.length == 6 || g[g.length - 1] == Vocab.EOS));
            double[][] w = greedy.weights().get(i);
            assertEquals(g.length, w.length);
            assertEquals(test.lengths()[i], w[0].length);
            for (double[] row : w) assertEquals(1, java.util.Arrays.stream(row).sum(), 1e-5);
        }
        List<int[]> beam4 = model.beam(test, 4, 6, 0.7);
        assertEquals(test.size(), beam4.size());
        for (int[] b : beam4) assertTrue(b.length == 6 || b[b.length - 1] == Vocab.EOS, java.util.Arrays.toString(b));
    }

    @Test
    void withoutAttentionThereAreNoWeights() {
        Gradnote.seed(2);
        Seq2Seq.Task task = Seq2Seq.Task.numbers(4, 2, 100, 2);
        Seq2Seq.Model model = new Seq2Seq.Model(task, 4, 8, false);
        Seq2Seq.Decoded d = model.greedy(task.sources(task.test()), 3);
        assertEquals(2, d.ids().size());
        assertTrue(d.weights().isEmpty());
        assertEquals(
                NumberWords.words(task.test().get(0).number()),
                task.test().get(0).words());
    }
}
