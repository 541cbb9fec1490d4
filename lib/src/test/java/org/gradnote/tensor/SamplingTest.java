package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gradnote.Gradnote;
import org.junit.jupiter.api.Test;

/**
 * Sampling: frequencies, means and variances of seeded draws within a few standard errors of what the distribution
 * gives (tolerances of 4-5 standard errors: a wrong sampler fails them, a right one passes for the fixed seeds),
 * rsample's gradients against the analytic ones and by finite differences, and gradnote's own refusals.
 */
class SamplingTest {
    private static final int N = 40_000;

    /** |observed - expected| within z standard errors of a frequency p over n draws. */
    private static void assertFrequency(String what, double p, double observed, int n, double z) {
        double se = Math.sqrt(Math.max(p * (1 - p), 1e-12) / n);
        assertTrue(
                Math.abs(observed - p) <= z * se,
                what + ": frequency " + observed + ", expected " + p + " ± " + z * se);
    }

    @Test
    void bernoulliFrequenciesFollowTheProbabilitiesAndKeepTheDtype() {
        Gradnote.seed(1);
        double[] p = {0, 0.2, 0.5, 0.9, 1};
        double[] table = new double[N * 5];
        for (int i = 0; i < N; i++) System.arraycopy(p, 0, table, i * 5, 5);
        Tensor probs = Tensor.fromArray(DType.FLOAT64, table, N, 5);
        Tensor draw = Sampling.bernoulli(probs);
        assertEquals(DType.FLOAT64, draw.dtype());
        assertArrayEquals(new long[] {N, 5}, draw.shape());
        double[] v = draw.toDoubleArray();
        for (int j = 0; j < 5; j++) {
            double ones = 0;
            for (int i = 0; i < N; i++) {
                double x = v[i * 5 + j];
                assertTrue(x == 0 || x == 1, "bernoulli gives zeros and ones, got " + x);
                ones += x;
            }
            assertFrequency("bernoulli p=" + p[j], p[j], ones / N, N, 4.5);
        }
        Tensor f32 = Sampling.bernoulli(0.3, 100, 100);
        assertEquals(DType.FLOAT32, f32.dtype());
        assertFrequency("bernoulli(0.3, shape)", 0.3, f32.mean().item(), 10_000, 4.5);
    }

    @Test
    void aSeedRepeatsTheDrawsAndNoGradientFlowsThroughBernoulli() {
        Tensor p = Tensor.full(0.5, 64).requiresGrad(true);
        Gradnote.seed(5);
        double[] a = Sampling.bernoulli(p).toDoubleArray();
        double[] b = Sampling.bernoulli(p).toDoubleArray();
        Gradnote.seed(5);
        Tensor again = Sampling.bernoulli(p);
        assertArrayEquals(a, again.toDoubleArray(), 0);
        assertFalse(Arrays.equals(a, b), "a second draw differs from the first");
        assertFalse(again.requiresGrad(), "a Bernoulli draw is not differentiable");
    }

    @Test
    void multinomialWithReplacementDrawsInProportionToTheWeights() {
        Gradnote.seed(2);
        double[] w = {1, 0, 2, 3, 4}; // unnormalised, one impossible category
        Tensor idx = Sampling.multinomial(Tensor.of(toFloats(w)), N, true);
        assertEquals(DType.INT64, idx.dtype());
        assertArrayEquals(new long[] {N}, idx.shape());
        long[] counts = new long[w.length];
        for (long c : idx.toLongArray()) counts[(int) c]++;
        assertEquals(0, counts[1], "a zero weight is never drawn");
        for (int c = 0; c < w.length; c++) assertFrequency("category " + c, w[c] / 10, counts[c] / (double) N, N, 4.5);
    }

    private static float[] toFloats(double[] w) {
        float[] f = new float[w.length];
        for (int i = 0; i < w.length; i++) f[i] = (float) w[i];
        return f;
    }

    @Test
    void multinomialWithoutReplacementDrawsEachCategoryOnceWithTheSequentialProbabilities() {
        Gradnote.seed(3);
        double[] w = {0.1, 0.2, 0.3, 0.4};
        int rows = 20_000;
        double[] table = new double[rows * 4];
        for (int r = 0; r < rows; r++) System.arraycopy(w, 0, table, r * 4, 4);
        Tensor draws = Sampling.multinomial(Tensor.fromArray(DType.FLOAT64, table, rows, 4), 2);
        assertArrayEquals(new long[] {rows, 2}, draws.shape());
        long[] d = draws.toLongArray();
        // P(category 0 among the two) = p0 + sum_{j != 0} p_j p0 / (1 - p_j): drawn first, or second after j.
        double expected = w[0];
        for (int j = 1; j < 4; j++) expected += w[j] * w[0] / (1 - w[j]);
        int hits = 0;
        for (int r = 0; r < rows; r++) {
            assertNotEquals(d[2 * r], d[2 * r + 1], "without replacement a row never repeats a category");
            if (d[2 * r] == 0 || d[2 * r + 1] == 0) hits++;
        }
        assertFrequency("category 0 in two draws without replacement", expected, hits / (double) rows, rows, 4.5);
        long[] all = Sampling.multinomial(Tensor.of(1.0, 5.0, 2.0), 3).toLongArray();
        Arrays.sort(all);
        assertArrayEquals(new long[] {0, 1, 2}, all, "drawing every category gives a permutation");
    }

    @Test
    void normalHasTheRequestedMeanAndVarianceAndNoGradient() {
        Gradnote.seed(4);
        Tensor mean = Tensor.full(DType.FLOAT64, 2.0, N).requiresGrad(true);
        Tensor std = Tensor.of(DType.FLOAT64, 3.0).requiresGrad(true); // broadcast
        Tensor x = Sampling.normal(mean, std);
        assertFalse(x.requiresGrad(), "Normal.sample() is cut from the graph");
        assertEquals(DType.FLOAT64, x.dtype());
        double[] v = x.toDoubleArray();
        double m = Arrays.stream(v).average().orElseThrow();
        double var = Arrays.stream(v).map(a -> (a - m) * (a - m)).sum() / (N - 1);
        assertEquals(2.0, m, 4.5 * 3 / Math.sqrt(N), "sample mean");
        assertEquals(9.0, var, 4.5 * 9 * Math.sqrt(2.0 / N), "sample variance");
    }

    @Test
    void rsampleGradientIsOneForTheMeanAndTheNoiseForTheStd() {
        Tensor mean = Tensor.of(DType.FLOAT64, 0.5, -1, 2, 0).requiresGrad(true);
        Tensor std = Tensor.of(DType.FLOAT64, 1, 0.1, 2, 3).requiresGrad(true);
        Gradnote.seed(9);
        double[] eps = Tensor.randn(DType.FLOAT64, 4).toDoubleArray();
        Gradnote.seed(9);
        Tensor z = Sampling.rsample(mean, std);
        assertTrue(z.requiresGrad());
        double[] zv = z.toDoubleArray();
        double[] mv = mean.toDoubleArray(), sv = std.toDoubleArray();
        for (int i = 0; i < 4; i++) assertEquals(mv[i] + sv[i] * eps[i], zv[i], 1e-12, "z = mean + std * eps");
        z.mul(z).sum().backward(); // d(z²)/dmean = 2z, d(z²)/dstd = 2z·eps
        double[] gm = mean.grad().toDoubleArray(), gs = std.grad().toDoubleArray();
        for (int i = 0; i < 4; i++) {
            assertEquals(2 * zv[i], gm[i], 1e-12, "dL/dmean");
            assertEquals(2 * zv[i] * eps[i], gs[i], 1e-12, "dL/dstd");
        }
    }

    @Test
    void rsamplePassesTheFiniteDifferenceCheckWithBroadcasting() {
        Gradnote.seed(12);
        Tensor mean = Tensor.uniform(DType.FLOAT64, -1, 1, 2, 3).requiresGrad(true);
        Tensor std = Tensor.uniform(DType.FLOAT64, 0.5, 2, 3).requiresGrad(true);
        // The noise must be the same at every evaluation: reseed inside f, as a fixed eps.
        GradCheck.check(
                "rsample",
                t -> {
                    Gradnote.seed(77);
                    Tensor z = Sampling.rsample(t[0], t[1]);
                    return z.mul(z).mul(t[1]);
                },
                mean,
                std);
    }

    @Test
    void randintIsUniformOverTheHalfOpenRange() {
        Gradnote.seed(6);
        Tensor r = Sampling.randint(-2, 3, 200, 100);
        assertEquals(DType.INT64, r.dtype());
        assertArrayEquals(new long[] {200, 100}, r.shape());
        long[] counts = new long[5];
        for (long v : r.toLongArray()) {
            assertTrue(v >= -2 && v < 3, "randint value in [-2, 3): " + v);
            counts[(int) v + 2]++;
        }
        for (int c = 0; c < 5; c++) assertFrequency("randint value " + (c - 2), 0.2, counts[c] / 20_000.0, 20_000, 4.5);
    }

    @Test
    void randLikeAndRandnLikeTakeTheShapeAndDtypeOfTheirTemplate() {
        Gradnote.seed(8);
        Tensor t = Tensor.zeros(DType.FLOAT64, 200, 100);
        Tensor u = Sampling.randLike(t), n = Sampling.randnLike(t);
        assertArrayEquals(t.shape(), u.shape());
        assertArrayEquals(t.shape(), n.shape());
        assertEquals(DType.FLOAT64, u.dtype());
        assertEquals(DType.FLOAT64, n.dtype());
        double[] uv = u.toDoubleArray();
        assertTrue(Arrays.stream(uv).allMatch(x -> x >= 0 && x < 1));
        int k = uv.length;
        assertEquals(0.5, Arrays.stream(uv).average().orElseThrow(), 4.5 * Math.sqrt(1 / 12.0 / k), "uniform mean");
        assertEquals(0.0, n.mean().item(), 4.5 / Math.sqrt(k), "normal mean");
        assertEquals(1.0, n.mul(n).mean().item(), 4.5 * Math.sqrt(2.0 / k), "normal second moment");
    }

    @Test
    void badArgumentsGetGradnotesOwnMessages() {
        assertMessage(
                "bernoulli: probabilities must be in [0, 1], got 1.5", () -> Sampling.bernoulli(Tensor.of(0.5, 1.5)));
        assertMessage(
                "bernoulli: probabilities must be in [0, 1], got -0.1",
                () -> Sampling.bernoulli(Tensor.of(DType.FLOAT64, -0.1)));
        assertMessage(
                "bernoulli: probabilities must be in [0, 1], got NaN", () -> Sampling.bernoulli(Tensor.of(Double.NaN)));
        assertMessage("bernoulli: probability must be in [0, 1], got 2.0", () -> Sampling.bernoulli(2.0, 3));
        assertMessage(
                "bernoulli: expects probabilities as a floating-point tensor, got int64",
                () -> Sampling.bernoulli(Tensor.of(1L, 0L)));
        assertMessage(
                "multinomial: weights must be finite and non-negative, got -1.0 at category 1",
                () -> Sampling.multinomial(Tensor.of(1.0, -1.0, 2.0), 1, true));
        assertMessage(
                "multinomial: the weights in row 1 sum to zero",
                () -> Sampling.multinomial(Tensor.of(new double[][] {{1, 1}, {0, 0}}), 1, true));
        assertMessage(
                "multinomial: cannot draw 4 samples without replacement from 3 categories",
                () -> Sampling.multinomial(Tensor.of(1.0, 1.0, 1.0), 4));
        assertMessage(
                "multinomial: cannot draw 2 samples without replacement: only 1 categories have a positive weight",
                () -> Sampling.multinomial(Tensor.of(0.0, 1.0, 0.0), 2));
        assertMessage(
                "multinomial: weights must be 1-D [k] or 2-D [rows, k], got shape [1, 2, 2]",
                () -> Sampling.multinomial(Tensor.zeros(1, 2, 2), 1));
        assertMessage("multinomial: numSamples must be positive, got 0", () -> Sampling.multinomial(Tensor.of(1.0), 0));
        assertMessage(
                "normal: standard deviations must be >= 0, got -1.0 at flat index 1",
                () -> Sampling.normal(Tensor.of(0.0, 0.0), Tensor.of(1.0, -1.0)));
        assertMessage(
                "rsample: shapes [2] and [3] cannot be broadcast together",
                () -> Sampling.rsample(Tensor.of(0.0, 0.0), Tensor.of(1.0, 1.0, 1.0)));
        assertMessage("randint: high must be greater than low, got low 3, high 3", () -> Sampling.randint(3, 3, 2));
        assertMessage(
                "randnLike: expects a template as a floating-point tensor, got int64",
                () -> Sampling.randnLike(Tensor.of(1L)));
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable call) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        assertTrue(
                e.getMessage().startsWith(start), "message: " + e.getMessage() + "\nexpected to start with: " + start);
    }
}
