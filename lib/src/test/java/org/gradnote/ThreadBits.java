package org.gradnote;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gradnote.data.Batch;
import org.gradnote.data.DataLoader;
import org.gradnote.data.TensorDataset;
import org.gradnote.examples.LenetDigits;
import org.gradnote.examples.MlpLab;
import org.gradnote.nn.Activations;
import org.gradnote.nn.AvgPool2d;
import org.gradnote.nn.BatchNorm2d;
import org.gradnote.nn.Conv1d;
import org.gradnote.nn.Conv2d;
import org.gradnote.nn.ConvTranspose2d;
import org.gradnote.nn.Dropout;
import org.gradnote.nn.Embedding;
import org.gradnote.nn.GRU;
import org.gradnote.nn.LSTM;
import org.gradnote.nn.LayerNorm;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.MaxPool2d;
import org.gradnote.nn.Module;
import org.gradnote.nn.MultiheadAttention;
import org.gradnote.nn.Sequential;
import org.gradnote.nn.TransformerEncoderLayer;
import org.gradnote.nn.Upsample;
import org.gradnote.optim.Adam;
import org.gradnote.optim.GradClip;
import org.gradnote.optim.Optimizer;
import org.gradnote.optim.SGD;
import org.gradnote.tensor.Tensor;

/**
 * The thread-count probe: every op the labs and benchmarks train with, forward and backward at their sizes, and a
 * few seeded trainings, each reduced to the bits of its outputs, input gradients and parameter gradients (or
 * trained parameters). {@code ThreadDeterminismTest} compares two fresh JVMs, on 1 and 2 threads (ND4J's native ops
 * keep the OpenMP thread count they started with); {@link #main} is that child, and a tool.
 */
final class ThreadBits {
    private ThreadBits() {}

    /** A named computation whose result is a list of tensors (values, gradients or parameters). */
    record Case(String name, Supplier<List<Tensor>> run) {}

    /** One case's result: the values of each result tensor, widened to double (exact for float32). */
    static List<double[]> run(Case c) {
        List<double[]> values = new ArrayList<>();
        for (Tensor t : c.run().get()) values.add(t.toDoubleArray());
        return values;
    }

    /**
     * How two results of one case differ: null when bit-identical, else the number of differing elements and the
     * largest difference relative to the largest magnitude in that tensor.
     */
    static Diff difference(List<double[]> x, List<double[]> y) {
        if (y.size() != x.size()) return new Diff("a different number of results: " + x.size() + " vs " + y.size(), 1);
        long differ = 0, total = 0;
        double worst = 0;
        List<Integer> which = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            double[] u = x.get(i), v = y.get(i);
            if (u.length != v.length) {
                return new Diff("result " + i + " has " + u.length + " vs " + v.length + " elements", 1);
            }
            double scale = 0;
            for (double d : u) scale = Math.max(scale, Math.abs(d));
            long before = differ;
            for (int j = 0; j < u.length; j++) {
                total++;
                if (Double.doubleToRawLongBits(u[j]) != Double.doubleToRawLongBits(v[j])) {
                    differ++;
                    worst = Math.max(worst, Math.abs(u[j] - v[j]) / (scale == 0 ? 1 : scale));
                }
            }
            if (differ > before) which.add(i);
        }
        return differ == 0
                ? null
                : new Diff(
                        String.format(
                                "%d of %d elements differ (in results %s of %d), the largest by %.2e of its tensor's"
                                        + " largest magnitude",
                                differ, total, which, x.size(), worst),
                        worst);
    }

    /** How two runs of a case differ: in words, and the largest difference relative to its tensor's largest magnitude. */
    record Diff(String text, double worst) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Runs the cases one by one, writing each result as it comes (name, tensor count, then each tensor's bits). */
    static void write(List<Case> cases, OutputStream os) throws IOException {
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os, 1 << 16));
        out.writeInt(cases.size());
        for (Case c : cases) {
            List<double[]> values = run(c);
            out.writeUTF(c.name());
            out.writeInt(values.size());
            for (double[] v : values) {
                out.writeInt(v.length);
                for (double d : v) out.writeLong(Double.doubleToRawLongBits(d));
            }
        }
        out.flush();
    }

    /** One case's result from a stream {@link #write} wrote. */
    private static List<double[]> readCase(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<double[]> values = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            double[] v = new double[in.readInt()];
            for (int k = 0; k < v.length; k++) v[k] = Double.longBitsToDouble(in.readLong());
            values.add(v);
        }
        return values;
    }

    /**
     * Compares two files {@link #write} wrote, case by case (neither is held whole): case name to its {@link
     * #difference}, null where bit-identical.
     */
    static Map<String, Diff> compare(java.nio.file.Path a, java.nio.file.Path b) throws IOException {
        Map<String, Diff> out = new LinkedHashMap<>();
        try (DataInputStream x = new DataInputStream(
                        new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(a), 1 << 16));
                DataInputStream y = new DataInputStream(
                        new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(b), 1 << 16))) {
            int n = x.readInt();
            if (y.readInt() != n) throw new IOException(a + " and " + b + " hold different numbers of cases");
            for (int i = 0; i < n; i++) {
                String name = x.readUTF();
                if (!y.readUTF().equals(name)) throw new IOException("case " + i + " is not " + name + " in " + b);
                out.put(name, difference(readCase(x), readCase(y)));
            }
        }
        return out;
    }

    /**
     * A tool and the test's child JVM. {@code ThreadBits THREADS FILE [ops|trainings|all]} sets {@link
     * Gradnote#setNumThreads} and writes the results to FILE (ND4J's own ops run on the OMP_NUM_THREADS the JVM
     * started with); {@code ThreadBits diff FILE1 FILE2} prints what differs; {@code ThreadBits compare
     * [ops|trainings|all]} compares setNumThreads(1) and (2) within one JVM.
     */
    public static void main(String[] args) throws IOException {
        if (args[0].equals("compare")) {
            List<Case> cases = select(args.length > 1 ? args[1] : "all");
            int differ = 0;
            for (Case c : cases) {
                Gradnote.setNumThreads(1);
                List<double[]> one = run(c);
                Gradnote.setNumThreads(2);
                Diff d = difference(one, run(c));
                if (d != null) {
                    differ++;
                    System.out.println(c.name() + ": " + d);
                }
            }
            System.out.println(cases.size() + " cases, " + differ + " differ between 1 and 2 threads");
            return;
        }
        if (args[0].equals("diff")) {
            Map<String, Diff> d = compare(java.nio.file.Path.of(args[1]), java.nio.file.Path.of(args[2]));
            d.forEach((name, what) -> {
                if (what != null) System.out.println(name + ": " + what);
            });
            System.out.println(d.size() + " cases, "
                    + d.values().stream().filter(v -> v != null).count() + " differ");
            return;
        }
        Gradnote.setNumThreads(Integer.parseInt(args[0]));
        try (OutputStream os = java.nio.file.Files.newOutputStream(java.nio.file.Path.of(args[1]))) {
            write(select(args.length > 2 ? args[2] : "all"), os);
        }
    }

    /** The cases named: "ops", "trainings" or "all". */
    static List<Case> select(String which) {
        List<Case> cases = new ArrayList<>();
        if (!which.equals("trainings")) cases.addAll(ops());
        if (!which.equals("ops")) cases.addAll(trainings());
        return cases;
    }

    // ---------------------------------------------------------------- ops

    /** A seeded standard-normal tensor. */
    private static Tensor randn(long seed, long... shape) {
        Gradnote.seed(seed);
        return Tensor.randn(shape);
    }

    /**
     * Runs f on fresh seeded inputs that require gradients, back-propagates a seeded random gradient of the output,
     * and returns the output, the inputs' gradients and the gradients of the module's parameters (if any).
     */
    private static List<Tensor> forwardBackward(
            Module m, java.util.function.Function<Tensor[], Tensor> f, long[]... shapes) {
        Tensor[] in = new Tensor[shapes.length];
        for (int i = 0; i < shapes.length; i++)
            in[i] = randn(100 + i, shapes[i]).requiresGrad(true);
        Tensor out = f.apply(in);
        out.backward(randn(7, out.shape()));
        List<Tensor> r = new ArrayList<>();
        r.add(out);
        for (Tensor t : in) r.add(t.grad());
        if (m != null) for (Tensor p : m.parameters()) if (p.grad() != null) r.add(p.grad());
        return r;
    }

    /** A module applied to one input of the given shape (built from a fixed seed). */
    private static Case module(String name, Supplier<Module> make, long... shape) {
        return new Case(name, () -> {
            Gradnote.seed(1);
            Module m = make.get();
            return forwardBackward(m, x -> m.forward(x[0]), shape);
        });
    }

    private static Case fn(String name, java.util.function.Function<Tensor[], Tensor> f, long[]... shapes) {
        return new Case(name, () -> forwardBackward(null, f, shapes));
    }

    private static long[] s(long... shape) {
        return shape;
    }

    /** n indices into [0, size) with repeats, fixed. */
    private static int[] picks(int n, int size) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = (int) ((i * 7919L) % size);
        return p;
    }

    /** An int64 index for gather along the last dimension of [rows, cols], with repeats. */
    private static long[] gatherIndex(int rows, int cols) {
        long[] g = new long[rows * cols];
        for (int i = 0; i < g.length; i++) g[i] = (i * 31L) % cols;
        return g;
    }

    /** Class labels 0..classes-1 for n rows, fixed. */
    private static Tensor labels(int n, int classes) {
        long[] y = new long[n];
        for (int i = 0; i < n; i++) y[i] = (i * 7L) % classes;
        return Tensor.of(y);
    }

    /** The ops at the sizes the labs and benchmarks run them (forward and backward each). */
    static List<Case> ops() {
        List<Case> c = new ArrayList<>();
        // Products: 2-D matmul (the MLP lab, the wide MLP, a transformer's feed-forward), linear, batched matmul.
        c.add(fn("matmul [1000,100]x[100,55]", x -> x[0].matmul(x[1]), s(1000, 100), s(100, 55)));
        c.add(fn("matmul [256,512]x[512,1024]", x -> x[0].matmul(x[1]), s(256, 512), s(512, 1024)));
        c.add(fn("matmul [64,300]x[300,700]", x -> x[0].matmul(x[1]), s(64, 300), s(300, 700)));
        c.add(fn("matmul [8,2000]x[2000,16]", x -> x[0].matmul(x[1]), s(8, 2000), s(2000, 16)));
        c.add(fn(
                "matmul float64 [300,200]x[200,500]",
                x -> x[0].toDouble().matmul(x[1].toDouble()),
                s(300, 200),
                s(200, 500)));
        c.add(module("linear [2048,128]->512", () -> new Linear(128, 512), 2048, 128));
        c.add(module("linear [256,1024]->10", () -> new Linear(1024, 10), 256, 1024));
        c.add(module("linear [32,64]->32 (LeNet)", () -> new Linear(64, 32), 32, 64));
        c.add(fn("bmm [128,64,32]x[128,32,64]", x -> x[0].matmul(x[1]), s(128, 64, 32), s(128, 32, 64)));
        c.add(fn("bmm [128,64,64]x[128,64,32]", x -> x[0].matmul(x[1]), s(128, 64, 64), s(128, 64, 32)));
        // Convolutions and pooling (LeNet, the CIFAR CNN, the U-Net, the meteo CNN).
        c.add(module("conv2d LeNet1 [32,1,8,8]x6", () -> new Conv2d(1, 6, 3, 1, 1), 32, 1, 8, 8));
        c.add(module("conv2d LeNet2 [32,6,4,4]x16", () -> new Conv2d(6, 16, 3, 1, 1), 32, 6, 4, 4));
        c.add(module("conv2d [16,3,32,32]x32", () -> new Conv2d(3, 32, 3, 1, 1), 16, 3, 32, 32));
        c.add(module("conv2d [16,32,16,16]x64", () -> new Conv2d(32, 64, 3, 1, 1), 16, 32, 16, 16));
        c.add(module("conv1d [1,10,362]x16", () -> new Conv1d(10, 16, 3), 1, 10, 362));
        c.add(module("convTranspose2d [8,32,8,8]->16", () -> new ConvTranspose2d(32, 16, 2, 2), 8, 32, 8, 8));
        c.add(module("maxPool2d [16,32,32,32]", () -> new MaxPool2d(2), 16, 32, 32, 32));
        c.add(module("avgPool2d [16,32,32,32]", () -> new AvgPool2d(2), 16, 32, 32, 32));
        c.add(module("upsample nearest [8,16,16,16]", () -> new Upsample(2), 8, 16, 16, 16));
        c.add(module("upsample bilinear [8,16,16,16]", () -> new Upsample(2, "bilinear", false), 8, 16, 16, 16));
        // Normalisation, dropout, embedding.
        c.add(module("batchNorm2d [16,32,16,16]", () -> new BatchNorm2d(32), 16, 32, 16, 16));
        c.add(module("layerNorm [2048,128]", () -> new LayerNorm(128), 2048, 128));
        c.add(module("dropout [256,1024]", () -> new Dropout(0.1), 256, 1024));
        c.add(new Case("embedding [32,64]->128", () -> {
            Gradnote.seed(1);
            Embedding e = new Embedding(32, 128);
            long[] tokens = new long[32 * 64];
            for (int i = 0; i < tokens.length; i++) tokens[i] = (i * 17L) % 32;
            Tensor out = e.forward(Tensor.of(tokens).reshape(32, 64));
            out.backward(randn(7, out.shape()));
            return List.of(out, e.parameters().get(0).grad());
        }));
        // Element-wise maths and reductions, small (the labs) and large (native kernels).
        for (long[] sh : new long[][] {{1000, 55}, {256, 1024}, {16, 32, 32, 32}}) {
            String d = java.util.Arrays.toString(sh);
            c.add(fn("relu " + d, x -> x[0].relu(), sh));
            c.add(fn("tanh " + d, x -> x[0].tanh(), sh));
            c.add(fn("sigmoid " + d, x -> x[0].sigmoid(), sh));
            c.add(fn("gelu " + d, x -> x[0].gelu(), sh));
            c.add(fn("exp " + d, x -> x[0].exp(), sh));
            c.add(fn("mul+add broadcast " + d, x -> x[0].mul(x[1]).add(x[0]), sh, s(sh[sh.length - 1])));
            c.add(fn("sum " + d, x -> x[0].sum(), sh));
            c.add(fn("mean dim 0 " + d, x -> x[0].mean(0), sh));
            c.add(fn("sum last dim " + d, x -> x[0].sum(sh.length - 1), sh));
            c.add(fn("var " + d, x -> x[0].var(), sh));
            c.add(fn("norm " + d, x -> x[0].norm(), sh));
            c.add(fn("amax dim 0 " + d, x -> x[0].amax(0), sh));
        }
        c.add(fn("bmm [64,128,64]x[64,64,128]", x -> x[0].matmul(x[1]), s(64, 128, 64), s(64, 64, 128)));
        c.add(fn(
                "einsum bij,bjk->bik [32,48,40]",
                x -> Tensor.einsum("bij,bjk->bik", x[0], x[1]),
                s(32, 48, 40),
                s(32, 40, 56)));
        c.add(fn("softmax [128,64,64]", x -> x[0].softmax(-1), s(128, 64, 64)));
        c.add(fn("softmax dim 0 [256,1024]", x -> x[0].softmax(0), s(256, 1024)));
        c.add(fn("logsumexp [2048,64]", x -> x[0].logsumexp(1), s(2048, 64)));
        c.add(fn("std dim 1 [256,1024]", x -> x[0].std(1, true, false), s(256, 1024)));
        c.add(fn("prod [64,16]", x -> x[0].div(4).add(1).prod(), s(64, 16)));
        c.add(fn("cumsum dim 1 [256,1024]", x -> x[0].cumsum(1), s(256, 1024)));
        c.add(fn("cumprod dim 1 [64,64]", x -> x[0].div(8).add(1).cumprod(1), s(64, 64)));
        c.add(fn(
                "clamp, pow, sqrt, div [256,1024]",
                x -> x[0].clamp(-1, 2).pow(2).add(1).sqrt().div(x[1].abs().add(1)),
                s(256, 1024),
                s(1024)));
        c.add(fn("where [256,1024]", x -> Tensor.where(x[0].gt(0), x[0], x[1]), s(256, 1024), s(256, 1024)));
        c.add(fn("indexSelect dim 0 [1000,100] 4096 picks", x -> x[0].indexSelect(0, picks(4096, 1000)), s(1000, 100)));
        c.add(fn("indexSelect dim 1 [64,1000] 4096 picks", x -> x[0].indexSelect(1, picks(4096, 1000)), s(64, 1000)));
        c.add(fn(
                "gather dim 1 [256,1024]",
                x -> x[0].gather(1, Tensor.of(gatherIndex(256, 1024)).reshape(256, 1024)),
                s(256, 1024)));
        c.add(module("maxPool1d [16,32,1024]", () -> new org.gradnote.nn.MaxPool1d(2), 16, 32, 1024));
        c.add(module("avgPool1d [16,32,1024]", () -> new org.gradnote.nn.AvgPool1d(2), 16, 32, 1024));
        c.add(module("globalAvgPool [16,64,16,16]", org.gradnote.nn.GlobalAvgPool::new, 16, 64, 16, 16));
        c.add(module("batchNorm1d [1024,256]", () -> new org.gradnote.nn.BatchNorm1d(256), 1024, 256));
        c.add(fn("logSoftmax [2048,32]", x -> x[0].logSoftmax(-1), s(2048, 32)));
        // Losses.
        c.add(fn("crossEntropy [256,10]", x -> Loss.crossEntropy().apply(x[0], labels(256, 10)), s(256, 10)));
        c.add(fn("crossEntropy [4096,10]", x -> Loss.crossEntropy().apply(x[0], labels(4096, 10)), s(4096, 10)));
        c.add(fn("mse [4096,64]", x -> Loss.mse().apply(x[0], x[1]), s(4096, 64), s(4096, 64)));
        // Attention and recurrent layers.
        c.add(new Case("multiheadAttention [32,64,128] 4 heads", () -> {
            Gradnote.seed(1);
            MultiheadAttention m = new MultiheadAttention(128, 4, 0.0, true, true);
            return forwardBackward(m, x -> m.forward(x[0], x[0], x[0]).output(), s(32, 64, 128));
        }));
        c.add(new Case("LSTM [16,20,8]->64", () -> {
            Gradnote.seed(1);
            LSTM m = new LSTM(8, 64, 1, true, true);
            return forwardBackward(m, x -> m.forward(x[0]), s(16, 20, 8));
        }));
        c.add(new Case("LSTM [64,30,32]->128", () -> {
            Gradnote.seed(1);
            LSTM m = new LSTM(32, 128, 1, true, true);
            return forwardBackward(m, x -> m.forward(x[0]), s(64, 30, 32));
        }));
        c.add(new Case("GRU [64,30,32]->128", () -> {
            Gradnote.seed(1);
            GRU m = new GRU(32, 128, 1, true, true);
            return forwardBackward(m, x -> m.forward(x[0]), s(64, 30, 32));
        }));
        // Optimizer steps and clipping on a [1024,512] parameter (Adam's native updater above 4096 elements).
        c.add(optimizer("Adam step [1024,512]", p -> new Adam(List.of(p), 1e-3)));
        c.add(optimizer("SGD momentum step [1024,512]", p -> new SGD(List.of(p), 0.1, 0.9)));
        c.add(new Case("GradClip.byNorm [1024,512]", () -> {
            Tensor p = randn(3, 1024, 512).requiresGrad(true);
            p.mul(randn(4, 1024, 512)).sum().backward();
            GradClip.byNorm(List.of(p), 0.5);
            return List.of(p.grad());
        }));
        return c;
    }

    /** Three steps of an optimizer on one parameter with a fixed gradient; the parameter after. */
    private static Case optimizer(String name, java.util.function.Function<Tensor, Optimizer> make) {
        return new Case(name, () -> {
            Tensor p = randn(3, 1024, 512).requiresGrad(true);
            Tensor g = randn(4, 1024, 512);
            Optimizer opt = make.apply(p);
            for (int i = 0; i < 3; i++) {
                opt.zeroGrad();
                p.mul(g).mul(p).sum().backward();
                opt.step();
            }
            return List.of(p);
        });
    }

    // ---------------------------------------------------------------- trainings

    /** The model's parameters after training; one case per recipe. */
    static List<Case> trainings() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("training: LeNet digits, 2 epochs (LenetDigits recipe)", ThreadBits::lenet));
        c.add(new Case("training: MLP lab, 30 Adam steps", () -> {
            Gradnote.seed(0);
            Tensor[] d = MlpLab.genData(100, 1000, 0.3, 0.8);
            MlpLab.Net m = new MlpLab.Net(100, 10);
            return loop(m, new Adam(m.parameters(), 0.01), Loss.crossEntropy(), d[0], d[1], 30);
        }));
        c.add(new Case("training: MLP 512-1024-10, 5 Adam steps", () -> {
            Gradnote.seed(1);
            Tensor x = Tensor.randn(256, 512);
            Sequential m = new Sequential(new Linear(512, 1024), Activations.relu(), new Linear(1024, 10));
            return loop(m, new Adam(m.parameters(), 1e-3), Loss.crossEntropy(), x, labels(256, 10), 5);
        }));
        c.add(new Case("training: LSTM 8->64, 5 Adam steps", () -> {
            Gradnote.seed(4);
            Tensor x = Tensor.randn(16, 20, 8), y = Tensor.randn(16, 64);
            LSTM rnn = new LSTM(8, 64, 1, true, true);
            Optimizer opt = new Adam(rnn.parameters(), 1e-2);
            for (int s = 0; s < 5; s++) {
                opt.zeroGrad();
                Loss.mse().apply(rnn.forward(x).select(1, 19), y).backward();
                opt.step();
            }
            return rnn.parameters();
        }));
        // lstm_128's shape: 200 pairs of concurrent per-step products, where Debian's serial OpenBLAS went wrong.
        c.add(new Case("training: LSTM 32->128 over 100 steps, 3 Adam steps", () -> {
            Gradnote.seed(6);
            Tensor x = Tensor.randn(32, 100, 32), y = Tensor.randn(32, 128);
            LSTM rnn = new LSTM(32, 128, 1, true, true);
            Optimizer opt = new Adam(rnn.parameters(), 1e-3);
            for (int s = 0; s < 3; s++) {
                opt.zeroGrad();
                Loss.mse().apply(rnn.forward(x).select(1, 99), y).backward();
                opt.step();
            }
            return rnn.parameters();
        }));
        c.add(new Case("training: transformer encoder layer d=64, 5 Adam steps", () -> {
            Gradnote.seed(5);
            TransformerEncoderLayer layer = new TransformerEncoderLayer(64, 4, 256, 0.1, "relu", 1e-5, true, false);
            Linear head = new Linear(64, 10);
            List<Tensor> params = new ArrayList<>(layer.parameters());
            params.addAll(head.parameters());
            Tensor x = Tensor.randn(16, 32, 64);
            Tensor y = labels(16, 10);
            Optimizer opt = new Adam(params, 1e-3);
            for (int s = 0; s < 5; s++) {
                opt.zeroGrad();
                Loss.crossEntropy()
                        .apply(head.forward(layer.forward(x).mean(1)), y)
                        .backward();
                opt.step();
            }
            return params;
        }));
        return c;
    }

    /** LenetDigits' recipe (SGD lr 0.1 momentum 0.9, shuffled minibatches of 32, seed 0) for two epochs. */
    private static List<Tensor> lenet() {
        Gradnote.seed(0);
        Tensor[] s = LenetDigits.split();
        Sequential model = LenetDigits.lenet();
        SGD opt = new SGD(model.parameters(), 0.1, 0.9);
        Loss crit = Loss.crossEntropy();
        DataLoader loader = DataLoader.of(new TensorDataset(s[0], s[1]), 32).shuffled();
        for (int epoch = 0; epoch < 2; epoch++) {
            for (Batch b : loader) {
                opt.zeroGrad();
                crit.apply(model.forward(b.x()), b.y()).backward();
                opt.step();
            }
        }
        return model.parameters();
    }

    private static List<Tensor> loop(Module m, Optimizer opt, Loss crit, Tensor x, Tensor y, int steps) {
        for (int s = 0; s < steps; s++) {
            opt.zeroGrad();
            crit.apply(m.forward(x), y).backward();
            opt.step();
        }
        return m.parameters();
    }
}
