package org.gradnote.bench;

import org.gradnote.Gradnote;
import org.gradnote.nn.Embedding;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Module;
import org.gradnote.nn.PositionalEncoding;
import org.gradnote.nn.TransformerEncoder;
import org.gradnote.nn.TransformerEncoderLayer;
import org.gradnote.optim.Adam;
import org.gradnote.tensor.Tensor;

/**
 * Mid-size: a Transformer encoder classifying token sequences. Embedding(32, 128) + sinusoidal positions, 2
 * post-norm layers (4 heads, feed-forward 512, dropout 0.1, batch-first) with a key padding mask (token 0),
 * mean over positions, Linear(128, 10), cross-entropy, Adam lr 1e-3; batches of 32 sequences of 64 tokens, 4
 * batches cycled. Twin of transformer.py.
 */
final class TransformerBench implements Workload {
    static final int VOCAB = 32, D = 128, HEADS = 4, LAYERS = 2, FF = 512, SEQ = 64, BATCH = 32;

    @Override
    public String name() {
        return "transformer";
    }

    @Override
    public String unit() {
        return "step";
    }

    /** Training steps. */
    @Override
    public String[] args(boolean quick) {
        return new String[] {quick ? "2" : "10"};
    }

    /** Embedding, positions, the encoder stack and the classifier head. */
    static final class Net extends Module {
        final Embedding embed = register("embed", new Embedding(VOCAB, D));
        final PositionalEncoding pos = register("pos", new PositionalEncoding(D, 0.1, SEQ, true));
        final TransformerEncoder encoder = register(
                "encoder",
                new TransformerEncoder(
                        new TransformerEncoderLayer(D, HEADS, FF, 0.1, "relu", 1e-5, true, false), LAYERS));
        final Linear head = register("head", new Linear(D, 10));

        @Override
        public Tensor forward(Tensor tokens) {
            Tensor padding = tokens.eq(0);
            Tensor h = encoder.forward(pos.forward(embed.forward(tokens).mul(Math.sqrt(D))), null, padding);
            return head.forward(h.mean(1));
        }
    }

    /** Batch i: sequence j has 32..64 tokens in 1..31, then padding 0; label (7j + i) mod 10 (as transformer.py). */
    static Tensor[][] batches(int count) {
        Tensor[][] out = new Tensor[count][];
        for (int i = 0; i < count; i++) {
            long[] tokens = new long[BATCH * SEQ], labels = new long[BATCH];
            for (int j = 0; j < BATCH; j++) {
                int len = 32 + (j * 13 + i * 5) % 33;
                for (int t = 0; t < len; t++) tokens[j * SEQ + t] = (j * 31L + t * 17L + i) % 31 + 1;
                labels[j] = (j * 7L + i) % 10;
            }
            out[i] = new Tensor[] {Tensor.of(tokens).reshape(BATCH, SEQ), Tensor.of(labels)};
        }
        return out;
    }

    @Override
    public Result run(String[] args) {
        int steps = Integer.parseInt(args[0]);
        Gradnote.seed(0);
        Net model = new Net();
        Adam opt = new Adam(model.parameters(), 1e-3);
        return MidCnn.timedSteps(model, opt, Loss.crossEntropy(), batches(4), steps);
    }
}
