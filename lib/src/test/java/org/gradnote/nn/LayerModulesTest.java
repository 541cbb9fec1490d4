package org.gradnote.nn;

import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.GradCheck;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer modules: parameter gradients in every mode, train/eval behaviour, init, errors, saving and loading. */
class LayerModulesTest {
    @BeforeEach
    void seed() {
        Gradnote.seed(11);
    }

    /** Checks input and parameter gradients of a module in float64 by finite differences. */
    static void gradcheck(String name, Module m, Tensor x) {
        m.to(FLOAT64);
        List<Tensor> params = m.parameters();
        Tensor[] inputs = new Tensor[params.size() + 1];
        inputs[0] = x.dtype().isFloatingPoint() ? x.requiresGrad(true) : x;
        for (int i = 0; i < params.size(); i++) inputs[i + 1] = params.get(i);
        GradCheck.check(name, t -> m.forward(t[0]), inputs);
    }

    static Tensor r(long... shape) {
        return Tensor.randn(FLOAT64, shape);
    }

    @Test
    void parameterAndInputGradientsOfEveryLayer() {
        gradcheck("Conv1d same dilated", new Conv1d(2, 3, 3, 1, "same", 2, true), r(2, 2, 8));
        gradcheck("Conv1d strided", new Conv1d(2, 2, 3, 2, 1, 1, false), r(2, 2, 9));
        gradcheck("Conv2d strided", new Conv2d(2, 3, 3, 2, 1), r(2, 2, 5, 5));
        gradcheck("Conv2d same", new Conv2d(1, 2, 3, "same"), r(2, 1, 4, 4));
        gradcheck("MaxPool2d", new MaxPool2d(3, 2, 1), r(2, 2, 5, 5));
        gradcheck("AvgPool1d", new AvgPool1d(3, 2, 1), r(2, 2, 7));
        gradcheck("MaxPool1d", new MaxPool1d(2), r(2, 2, 6));
        gradcheck("AvgPool2d", new AvgPool2d(2), r(1, 2, 4, 4));
        gradcheck("GlobalAvgPool", new GlobalAvgPool(), r(2, 3, 2, 3));
        gradcheck("BatchNorm1d train", new BatchNorm1d(3), r(5, 3));
        gradcheck("BatchNorm2d train", new BatchNorm2d(2), r(3, 2, 3, 3));
        gradcheck("BatchNorm2d eval", new BatchNorm2d(2).eval(), r(3, 2, 3, 3));
        gradcheck("LayerNorm", new LayerNorm(4), r(3, 4));
        gradcheck("Embedding", new Embedding(4, 3), Tensor.of(0, 2, 2, 3, 0));
        gradcheck("Residual(Conv2d same)", new Residual(new Conv2d(2, 2, 3, 1, 1)), r(1, 2, 4, 4));
        gradcheck("Flatten", new Flatten(), r(2, 2, 3));
    }

    @Test
    void batchNormTracksRunningStatisticsInTrainingOnly() {
        BatchNorm2d bn = new BatchNorm2d(2);
        assertEquals(
                List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"),
                List.copyOf(bn.stateDict().keySet()));
        Tensor x = Tensor.randn(8, 2, 3, 3).mul(3).add(5);
        bn.forward(x);
        bn.forward(x);
        assertEquals(2, bn.stateDict().get("num_batches_tracked").item());
        double mean0 = x.select(1, 0).mean().item();
        assertEquals(0.19 * mean0, bn.runningMean().get(0), 1e-4, "two momentum-0.1 updates from 0");
        Tensor before = bn.runningMean().copy();
        bn.eval();
        Tensor y = bn.forward(x);
        assertTrue(before.allClose(bn.runningMean(), 0, 0), "eval leaves the running statistics alone");
        assertEquals(2, bn.stateDict().get("num_batches_tracked").item());
        // With running statistics far from the batch's, eval output is not normalised to mean 0.
        assertTrue(Math.abs(y.mean().item()) > 1, "eval uses running, not batch statistics");
    }

    @Test
    void dropoutIsOffInEvalAndScalesInTraining() {
        Dropout d = new Dropout(0.25);
        Tensor x = Tensor.ones(4000);
        double mean = d.forward(x).mean().item();
        assertEquals(1.0, mean, 0.05, "inverted dropout keeps the expectation");
        d.eval();
        assertSame(x, d.forward(x));
        assertEquals("Dropout(p=0.25, inplace=False)", d.toString());
    }

    @Test
    void convolutionsUsePyTorchsDefaultInit() {
        Conv2d c = new Conv2d(4, 8, 3);
        double bound = 1 / Math.sqrt(4 * 9);
        for (Tensor p : c.parameters()) assertTrue(p.abs().max().item() <= bound, "U(±1/sqrt(fan_in))");
        assertTrue(c.weight().abs().max().item() > bound * 0.9, "288 weights spread over the whole interval");
        assertEquals(0, c.weight().mean().item(), bound / 5, "centred");
        assertArrayEquals(new long[] {8, 4, 3, 3}, c.weight().shape());
        assertArrayEquals(new long[] {5, 2, 3}, new Conv1d(2, 5, 3).weight().shape());
    }

    @Test
    void wrongInputsNameTheLayerAndBothShapes() {
        var e = assertThrows(ShapeException.class, () -> new Conv2d(1, 6, 3, 1, 1).forward(Tensor.zeros(32, 3, 8, 8)));
        assertEquals(
                "Conv2d(1, 6, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)): expected input [N, 1, H, W], got [32, 3, 8, 8]",
                e.getMessage());
        e = assertThrows(ShapeException.class, () -> new Conv1d(1, 4, 3).forward(Tensor.zeros(1, 365)));
        assertTrue(e.getMessage().contains("expected input [N, 1, W], got [1, 365]"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> new BatchNorm2d(6).forward(Tensor.zeros(4, 3, 2, 2)));
        assertTrue(
                e.getMessage().startsWith("BatchNorm2d(6,")
                        && e.getMessage().endsWith("expected input [N, 6, H, W], got [4, 3, 2, 2]"),
                e.getMessage());
        e = assertThrows(ShapeException.class, () -> new MaxPool2d(2).forward(Tensor.zeros(4, 8)));
        assertTrue(e.getMessage().contains("expected input [N, C, H, W], got [4, 8]"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> new LayerNorm(5).forward(Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("expected input [*, 5], got [2, 4]"), e.getMessage());
        // Smaller than the kernel: a Java exception, not the native division by zero that would kill the JVM.
        e = assertThrows(ShapeException.class, () -> new Conv2d(1, 2, 3, 2, 0).forward(Tensor.zeros(1, 1, 1, 1)));
        assertTrue(e.getMessage().contains("too small"), e.getMessage());
        assertThrows(ShapeException.class, () -> new Conv2d(1, 2, 3, 2, 0).forward(Tensor.zeros(1, 1, 2, 2)));
        assertThrows(ShapeException.class, () -> new Conv1d(1, 2, 3, 1, 0, 2, true).forward(Tensor.zeros(1, 1, 4)));
        assertThrows(ShapeException.class, () -> new MaxPool2d(2).forward(Tensor.zeros(1, 1, 1, 5)));
        assertThrows(IllegalArgumentException.class, () -> new Conv1d(1, 2, 3, 2, "same", 1, true));
    }

    @Test
    void savedModelLoadsBackExactly(@TempDir Path dir) throws Exception {
        Sequential model =
                new Sequential(new Conv2d(1, 2, 3, 1, 1), new BatchNorm2d(2), new Flatten(), new Linear(32, 3));
        model.forward(Tensor.randn(4, 1, 4, 4));
        Path file = dir.resolve("model.gnstate");
        model.save(file);
        Sequential copy =
                new Sequential(new Conv2d(1, 2, 3, 1, 1), new BatchNorm2d(2), new Flatten(), new Linear(32, 3));
        copy.load(file);
        for (var e : model.stateDict().entrySet()) {
            Tensor mine = copy.stateDict().get(e.getKey());
            assertEquals(e.getValue().dtype(), mine.dtype(), e.getKey());
            assertArrayEquals(e.getValue().toDoubleArray(), mine.toDoubleArray(), 0.0, e.getKey());
        }
        assertEquals(
                DType.INT64, StateDicts.read(file).get("1.num_batches_tracked").dtype());
        assertEquals(1, StateDicts.read(file).get("1.num_batches_tracked").item());
    }

    @Test
    void loadingRefusesOtherArchitecturesNamingTheMismatch(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.gnstate");
        new Sequential(new Conv2d(1, 2, 3), new Linear(4, 3)).save(file);
        var e = assertThrows(
                IllegalArgumentException.class, () -> new Sequential(new Conv2d(1, 4, 3), new Linear(4, 3)).load(file));
        assertTrue(e.getMessage().contains("0.weight: checkpoint [2, 1, 3, 3] vs model [4, 1, 3, 3]"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new Sequential(new Conv2d(1, 2, 3), new Linear(4, 3), new Linear(3, 1)).load(file));
        assertTrue(e.getMessage().contains("missing key(s) [2.weight, 2.bias]"), e.getMessage());
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThrows(java.io.IOException.class, () -> new Linear(1, 1).load(file));
    }
}
