package org.gradnote.examples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.gradnote.Gradnote;
import org.gradnote.data.NumberWords;
import org.gradnote.data.PaddedBatch;
import org.gradnote.data.Vocab;
import org.gradnote.nn.Attention;
import org.gradnote.nn.Embedding;
import org.gradnote.nn.GRU;
import org.gradnote.nn.GRUCell;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Module;
import org.gradnote.tensor.Tensor;

/**
 * The seq2seq lab: a GRU encoder reads number words, a GRUCell decoder writes the digits one at a time, looking at
 * the encoder's states through additive attention (or, without attention, at the encoder's last state only), trained
 * with teacher forcing and decoded greedily or by beam search.
 */
public final class Seq2Seq {
    private Seq2Seq() {}

    /** The task: train and test pairs sharing no number, and the two vocabularies (words in, digit characters out). */
    public record Task(List<NumberWords.Pair> train, List<NumberWords.Pair> test, Vocab words, Vocab digits) {
        /** {@code trainCount + testCount} distinct numbers below {@code bound}, split in that order. */
        public static Task numbers(int trainCount, int testCount, int bound, long seed) {
            List<NumberWords.Pair> all = NumberWords.sample(trainCount + testCount, bound, seed);
            List<String> words = new ArrayList<>(), digits = new ArrayList<>();
            for (int n = 0; n < Math.min(bound, 1000); n++) words.add(NumberWords.words(n));
            words.add("thousand"); // every word of the task, even if the sample misses one
            for (int d = 0; d < 10; d++) digits.add(Integer.toString(d));
            return new Task(
                    all.subList(0, trainCount),
                    all.subList(trainCount, all.size()),
                    Vocab.ofWords(words),
                    Vocab.ofChars(digits));
        }

        /** The words of the pairs, each followed by {@link Vocab#EOS}. */
        public PaddedBatch sources(List<NumberWords.Pair> pairs) {
            List<int[]> out = new ArrayList<>();
            for (NumberWords.Pair p : pairs) out.add(words.encode(p.words(), false, true));
            return PaddedBatch.of(out);
        }

        /** The digits of the pairs, each followed by {@link Vocab#EOS}: what the decoder must emit. */
        public PaddedBatch targets(List<NumberWords.Pair> pairs) {
            List<int[]> out = new ArrayList<>();
            for (NumberWords.Pair p : pairs) out.add(digits.encode(p.digits(), false, true));
            return PaddedBatch.of(out);
        }
    }

    /** The encoder's states [N, T, H], the source mask [N, T] and each sequence's state at its last real step [N, H]. */
    public record Encoded(Tensor outputs, Tensor mask, Tensor last) {
        /** The same states for row {@code i} repeated {@code k} times, the beams of one example. */
        Encoded repeat(int i, int k) {
            long[] rows = new long[k];
            java.util.Arrays.fill(rows, i);
            Tensor idx = Tensor.of(rows);
            return new Encoded(outputs.indexSelect(0, idx), mask.indexSelect(0, idx), last.indexSelect(0, idx));
        }
    }

    /** One decoder step: scores over the target vocabulary [N, V], the new state [N, H], attention weights [N, T]. */
    public record Step(Tensor logits, Tensor hidden, Tensor weights) {}

    /** Greedy outputs: the ids of each example (up to and with EOS) and its attention weights [output step][source]. */
    public record Decoded(List<int[]> ids, List<double[][]> weights) {}

    /** Encoder-decoder with optional additive attention. */
    public static final class Model extends Module {
        private final Embedding sourceEmbedding, targetEmbedding;
        private final GRU encoder;
        private final GRUCell decoder;
        private final Attention attention;
        private final Linear out;
        private final long hidden;
        private final SplittableRandom random = new SplittableRandom(Gradnote.nextSeed());

        /**
         * Embeddings of size {@code embedding}, a one-layer GRU encoder and GRUCell decoder of size {@code hidden},
         * and additive attention of size {@code hidden} when {@code withAttention}.
         */
        public Model(Task task, int embedding, int hidden, boolean withAttention) {
            this.hidden = hidden;
            sourceEmbedding =
                    register("source_embedding", new Embedding(task.words().size(), embedding));
            targetEmbedding =
                    register("target_embedding", new Embedding(task.digits().size(), embedding));
            encoder = register("encoder", new GRU(embedding, hidden, 1, true, true));
            // The decoder reads the previous token and a context: attention's, or the encoder's last state.
            decoder = register("decoder", new GRUCell(embedding + hidden, hidden));
            attention = withAttention ? register("attention", Attention.additive(hidden, hidden, hidden)) : null;
            out = register("out", new Linear(2 * hidden, task.digits().size()));
        }

        /** Runs the encoder over padded sources. */
        public Encoded encode(PaddedBatch source) {
            Tensor outputs = encoder.forward(sourceEmbedding.forward(source.ids()));
            // The state after each sequence's last real token, not after its padding.
            int[] lengths = source.lengths();
            double[] at = new double[lengths.length * (int) hidden];
            for (int i = 0; i < lengths.length; i++) {
                for (int j = 0; j < hidden; j++) at[i * (int) hidden + j] = lengths[i] - 1;
            }
            Tensor index = Tensor.fromArray(at, lengths.length, 1, hidden).toLong();
            Tensor last = outputs.gather(1, index).squeeze(1);
            return new Encoded(outputs, source.mask(), last);
        }

        /**
         * One step from the previous tokens [N] (long) and state [N, H]: the context (attention over the encoder's
         * states, queried with the previous state, Bahdanau's order), then the GRUCell, then the output layer.
         */
        public Step step(Encoded enc, Tensor previous, Tensor state) {
            Tensor context, weights = null;
            if (attention != null) {
                Attention.Output a = attention.forward(state, enc.outputs(), enc.mask());
                context = a.context();
                weights = a.weights();
            } else {
                context = enc.last();
            }
            Tensor h = decoder.forward(Tensor.cat(1, targetEmbedding.forward(previous), context), state);
            return new Step(out.forward(Tensor.cat(1, h, context)), h, weights);
        }

        /**
         * The mean cross-entropy per real target token; at each step the decoder is fed the true previous token with
         * probability {@code teacherForcing} (per step, for the whole batch), else its own best guess.
         */
        public Tensor loss(PaddedBatch source, PaddedBatch target, double teacherForcing) {
            Encoded enc = encode(source);
            Tensor state = enc.last();
            Tensor previous = Tensor.full(Vocab.BOS, source.size()).toLong();
            List<Tensor> logits = new ArrayList<>();
            for (int t = 0; t < target.time(); t++) {
                Step s = step(enc, previous, state);
                logits.add(s.logits());
                state = s.hidden();
                boolean force = teacherForcing >= 1 || random.nextDouble() < teacherForcing;
                previous = force ? target.ids().select(1, t) : s.logits().argmax(1);
            }
            Tensor logp = Tensor.stack(logits, 1).logSoftmax(2); // [N, L, V]
            Tensor picked = logp.gather(2, target.ids().unsqueeze(2)).squeeze(2); // [N, L]
            Tensor mask = target.mask().to(picked.dtype());
            return picked.mul(mask).sum().div(mask.sum()).neg();
        }

        /** Greedy decoding, at most {@code maxLength} tokens, without gradients. */
        public Decoded greedy(PaddedBatch source, int maxLength) {
            try (var g = Tensor.noGrad()) {
                Encoded enc = encode(source);
                int n = source.size();
                int[] lengths = source.lengths();
                Tensor state = enc.last();
                Tensor previous = Tensor.full(Vocab.BOS, n).toLong();
                List<long[]> tokens = new ArrayList<>();
                List<double[][]> steps = new ArrayList<>();
                for (int t = 0; t < maxLength; t++) {
                    Step s = step(enc, previous, state);
                    state = s.hidden();
                    previous = s.logits().argmax(1);
                    tokens.add(previous.toLongArray());
                    if (s.weights() != null) steps.add(s.weights().toDoubleMatrix());
                }
                List<int[]> ids = new ArrayList<>();
                List<double[][]> weights = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int len = 0;
                    while (len < maxLength && tokens.get(len)[i] != Vocab.EOS) len++;
                    len = Math.min(len + 1, maxLength); // with the EOS
                    int[] row = new int[len];
                    for (int t = 0; t < len; t++) row[t] = (int) tokens.get(t)[i];
                    ids.add(row);
                    if (steps.isEmpty()) continue;
                    double[][] w = new double[len][lengths[i]];
                    for (int t = 0; t < len; t++) System.arraycopy(steps.get(t)[i], 0, w[t], 0, lengths[i]);
                    weights.add(w);
                }
                return new Decoded(ids, weights);
            }
        }

        /**
         * Beam search of width {@code width} for each source: keeps the {@code width} best partial outputs by total
         * log-probability, sets aside those that emit EOS, and returns for each source the finished output with the
         * best log-probability divided by length^{@code alpha} (0: no length normalisation).
         */
        public List<int[]> beam(PaddedBatch source, int width, int maxLength, double alpha) {
            List<int[]> result = new ArrayList<>();
            try (var g = Tensor.noGrad()) {
                Encoded all = encode(source);
                for (int i = 0; i < source.size(); i++) result.add(beamOne(all, i, width, maxLength, alpha));
            }
            return result;
        }

        private record Hypothesis(int[] tokens, double logp, int parent) {
            double score(double alpha) {
                return logp / Math.pow(tokens.length, alpha);
            }
        }

        private int[] beamOne(Encoded all, int i, int width, int maxLength, double alpha) {
            List<Hypothesis> beams = List.of(new Hypothesis(new int[0], 0, 0));
            List<Hypothesis> finished = new ArrayList<>();
            Tensor state = all.last().indexSelect(0, Tensor.of(new long[] {i}));
            for (int t = 0; t < maxLength && finished.size() < width; t++) {
                int b = beams.size();
                long[] prev = new long[b];
                for (int j = 0; j < b; j++) {
                    int[] tk = beams.get(j).tokens();
                    prev[j] = tk.length == 0 ? Vocab.BOS : tk[tk.length - 1];
                }
                Step s = step(all.repeat(i, b), Tensor.of(prev), state);
                double[][] logp = s.logits().logSoftmax(1).toDoubleMatrix();
                List<Hypothesis> candidates = new ArrayList<>();
                for (int j = 0; j < b; j++) {
                    for (int v = Vocab.EOS; v < logp[j].length; v++) {
                        if (v == Vocab.UNK) continue;
                        int[] tk = beams.get(j).tokens();
                        int[] next = java.util.Arrays.copyOf(tk, tk.length + 1);
                        next[tk.length] = v;
                        candidates.add(new Hypothesis(next, beams.get(j).logp() + logp[j][v], j));
                    }
                }
                candidates.sort(Comparator.comparingDouble(Hypothesis::logp).reversed());
                List<Hypothesis> alive = new ArrayList<>();
                for (Hypothesis h : candidates) {
                    if (alive.size() == width) break;
                    if (h.tokens()[h.tokens().length - 1] == Vocab.EOS) finished.add(h);
                    else alive.add(h);
                }
                if (alive.isEmpty()) break;
                long[] parents = alive.stream().mapToLong(Hypothesis::parent).toArray();
                state = s.hidden().indexSelect(0, Tensor.of(parents));
                beams = alive;
            }
            if (finished.isEmpty()) finished.addAll(beams);
            return finished.stream()
                    .max(Comparator.comparingDouble(h -> h.score(alpha)))
                    .orElseThrow()
                    .tokens();
        }

        @Override
        public Tensor forward(Tensor input) {
            throw new UnsupportedOperationException("Seq2Seq.Model: use loss(source, target, teacherForcing)"
                    + " to train and greedy(...) or beam(...) to decode");
        }
    }
}
