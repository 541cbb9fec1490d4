package org.gradnote.nn;

import static org.gradnote.tensor.DType.FLOAT64;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gradnote.Gradnote;
import org.gradnote.tensor.GradCheck;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finite-difference checks (float64) of MultiheadAttention (self and cross, bool, float and padding masks, weights
 * per head) and of the encoder and decoder layers (post- and pre-norm, relu and gelu, causal and padding masks):
 * gradients with respect to the inputs and every parameter.
 */
class TransformerGradCheckTest {
    private static int threads;

    @BeforeAll
    static void oneThread() {
        threads = org.gradnote.tensor.NativeRuntime.opThreads();
        org.gradnote.tensor.NativeRuntime.setOpThreads(1);
    }

    @AfterAll
    static void restoreThreads() {
        org.gradnote.tensor.NativeRuntime.setOpThreads(threads);
    }

    static final long N = 2, L = 3, S = 4, E = 4;
    static final int HEADS = 2;

    static Tensor input(boolean batchFirst, long len) {
        return Tensor.randn(FLOAT64, batchFirst ? new long[] {N, len, E} : new long[] {len, N, E})
                .requiresGrad(true);
    }

    /** Row 1's last key is padding. */
    static Tensor padding(long len) {
        boolean[] b = new boolean[(int) (N * len)];
        b[(int) (2 * len - 1)] = true;
        return Tensor.of(b).reshape(N, len);
    }

    static void check(String name, Module m, Function<Tensor[], Tensor> f, Tensor... inputs) {
        List<Tensor> all = new ArrayList<>(List.of(inputs));
        all.addAll(m.parameters());
        GradCheck.check(name, f, all.toArray(new Tensor[0]));
    }

    @ParameterizedTest(name = "self-attention batchFirst={0}")
    @CsvSource({"true", "false"})
    void selfAttentionWithCausalAndPaddingMasks(boolean batchFirst) {
        Gradnote.seed(3);
        MultiheadAttention m = new MultiheadAttention(E, HEADS, 0.0, true, batchFirst);
        m.to(FLOAT64);
        Tensor x = input(batchFirst, L);
        Tensor causal = Transformer.generateSquareSubsequentMask((int) L, FLOAT64), pad = padding(L);
        check(
                "mha self bf=" + batchFirst,
                m,
                a -> {
                    MultiheadAttention.Output o = m.forward(a[0], a[0], a[0], pad, true, causal, false);
                    return Tensor.cat(List.of(o.output().flatten(), o.weights().flatten()), 0);
                },
                x);
    }

    @ParameterizedTest(name = "cross-attention batchFirst={0}, bool mask={1}")
    @CsvSource({"true, true", "false, false"})
    void crossAttentionWithAMask(boolean batchFirst, boolean boolMask) {
        Gradnote.seed(4);
        MultiheadAttention m = new MultiheadAttention(E, HEADS, 0.0, true, batchFirst);
        m.to(FLOAT64);
        Tensor q = input(batchFirst, L), k = input(batchFirst, S), v = input(batchFirst, S);
        Tensor mask = boolMask
                ? Tensor.of(new boolean[] {
                            false, true, false, false, false, false, true, false, true, false, false, false
                        })
                        .reshape(L, S)
                : Tensor.randn(FLOAT64, L, S);
        check(
                "mha cross bf=" + batchFirst + " bool=" + boolMask,
                m,
                a -> {
                    MultiheadAttention.Output o = m.forward(a[0], a[1], a[2], padding(S), true, mask, true);
                    return Tensor.cat(List.of(o.output().flatten(), o.weights().flatten()), 0);
                },
                q,
                k,
                v);
    }

    @ParameterizedTest(name = "encoder layer normFirst={0} {1} batchFirst={2}")
    @CsvSource({"false, relu, true", "true, gelu, false"})
    void encoderLayer(boolean normFirst, String activation, boolean batchFirst) {
        Gradnote.seed(5);
        TransformerEncoderLayer m =
                new TransformerEncoderLayer(E, HEADS, 6, 0.0, activation, 1e-5, batchFirst, normFirst);
        m.to(FLOAT64);
        Tensor x = input(batchFirst, L);
        Tensor causal = Transformer.generateSquareSubsequentMask((int) L, FLOAT64);
        check("encoder layer nf=" + normFirst, m, a -> m.forward(a[0], causal, padding(L)), x);
    }

    @ParameterizedTest(name = "decoder layer normFirst={0} {1}")
    @CsvSource({"false, gelu", "true, relu"})
    void decoderLayer(boolean normFirst, String activation) {
        Gradnote.seed(6);
        TransformerDecoderLayer m = new TransformerDecoderLayer(E, HEADS, 6, 0.0, activation, 1e-5, true, normFirst);
        m.to(FLOAT64);
        Tensor x = input(true, L), mem = input(true, S);
        Tensor causal = Transformer.generateSquareSubsequentMask((int) L, FLOAT64);
        check(
                "decoder layer nf=" + normFirst,
                m,
                a -> m.forward(a[0], a[1], causal, null, padding(L), padding(S)),
                x,
                mem);
    }
}
