package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ReLU's native-side forward and backward ({@link UnaryOp#RELU}): Java loops over float32 arrays where
 * {@link Dispatch} allows them, libnd4j otherwise. Forward: x < 0 gives +0, -0 and NaN pass (torch's relu, and
 * libnd4j's bits). Backward: dx = g, except 0 where x <= 0 (torch's threshold_backward: a NaN input passes g).
 *
 * <p>Why loops: M2.1's relu_bp calls a std::function per element, 48 µs for LeNet's 12k-float activations where
 * the copies in and out plus this loop take ~20; for small arrays the forward loop beats the native call.
 */
final class ReluLoops {
    private ReluLoops() {}

    /** relu(x) into a fresh array. */
    static INDArray relu(INDArray a) {
        INDArray x = Engine.contiguous(a);
        INDArray out = Engine.empty(x.dataType(), x.shape());
        if (!forward(x, out))
            Engine.exec("relu", new INDArray[] {x}, new INDArray[] {out}, null, null, new double[] {0.0});
        return out;
    }

    /**
     * out = relu(x) for a dense float32 x, with the native op's bits (checked by ReluLoopsTest): in C at any size when
     * the C loops run, else in Java within {@link Dispatch#RELU_FORWARD_LOOP_MAX} elements (or as forced); false,
     * doing nothing, otherwise.
     */
    static boolean forward(INDArray x, INDArray out) {
        if (x.dataType() != DataType.FLOAT) return false;
        long[] c = x.length() <= Integer.MAX_VALUE ? NativeLoops.addresses(DataType.FLOAT, x.length(), x, out) : null;
        if (c != null) {
            Parallel.range((int) x.length(), Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    NativeLoops.reluForward(c[0] + 4L * from, c[1] + 4L * from, to - from);
                }
            });
            return true;
        }
        if (!Dispatch.loop(x.length(), Dispatch.RELU_FORWARD_LOOP_MAX)) return false;
        int n = (int) x.length();
        float[] v = Unfold.scratch().floats(0, n);
        Memory.get(x, v, 0, n);
        for (int i = 0; i < n; i++) {
            // Zero exactly when x < 0: the sign set, not -0 (magnitude 0) and not a NaN (magnitude past infinity's).
            int b = Float.floatToRawIntBits(v[i]), a = b & 0x7fffffff;
            int zero = (b >> 31) & ((-a) >> 31) & ~((0x7f800000 - a) >> 31);
            v[i] = Float.intBitsToFloat(b & ~zero);
        }
        Memory.put(out, v, 0, n);
        return true;
    }

    /** ReLU's input gradient from its input x and output gradient g, into a fresh dense array. */
    static INDArray gradient(INDArray xa, INDArray ga) {
        INDArray x = Engine.contiguous(xa);
        INDArray g = Engine.contiguous(Engine.cast(ga, x.dataType()));
        INDArray dx = Engine.empty(x.dataType(), x.shape());
        DataType t = x.dataType();
        if (t == DataType.FLOAT && Dispatch.loop(x.length(), Dispatch.RELU_BACKWARD_LOOP_MAX)) {
            backward(x, g, dx);
            return dx;
        }
        // Natively: dx = (x <= 0) ? 0 : g. Not relu_bp, which passes nothing at a NaN input where torch passes g.
        INDArray zero = Engine.zeros(t, x.shape());
        INDArray notPositive = Engine.compare("less_equal", "relu", x, zero);
        Engine.exec("select", new INDArray[] {notPositive, zero, g}, dx);
        return dx;
    }

    /** dx (dense) from the dense input x and output gradient g of a ReLU, both float32. */
    static void backward(INDArray x, INDArray g, INDArray dx) {
        int n = Math.toIntExact(x.length());
        long[] c = NativeLoops.addresses(DataType.FLOAT, n, x, g, dx);
        if (c != null) {
            Parallel.range(n, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    long at = 4L * from;
                    NativeLoops.reluBackward(c[0] + at, c[1] + at, c[2] + at, to - from);
                }
            });
            return;
        }
        Unfold.Scratch s = Unfold.scratch();
        float[] xs = s.floats(0, n), gs = s.floats(1, n);
        Memory.get(x, xs, 0, n);
        Memory.get(g, gs, 0, n);
        Parallel.range(n, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                for (int i = from; i < to; i++) {
                    // Keep g exactly when x > 0 (a positive non-zero bit pattern) or x is a NaN, without a branch:
                    // activations' signs are a coin toss, and the mispredicted branch cost 3x this (~5 vs ~1.7 ns).
                    int b = Float.floatToRawIntBits(xs[i]), a = b & 0x7fffffff;
                    int keep = ((~b & -b) | (0x7f800000 - a)) >> 31;
                    gs[i] = Float.intBitsToFloat(Float.floatToRawIntBits(gs[i]) & keep);
                }
            }
        });
        Memory.put(dx, gs, 0, n);
    }
}
