package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The one dispatch policy: whether a tensor lives on the Java heap, and whether an op runs a Java loop or a native
 * kernel, decided from size, dtype and layout. Every threshold is here, named, with the measurement that set it;
 * {@link ComputePath} forces one path (tests run the tensor and nn suites on each).
 *
 * <p>Why three paths: every ND4J array costs ~6 µs to create and every native call ~2.5 µs (more through ND4J's
 * own Java wrappers), while a Java loop over a few thousand floats costs less than that; large arrays go native,
 * where the kernels are vectorised.
 */
final class Dispatch {
    private Dispatch() {}

    /**
     * Largest element count kept on the heap ({@link Small}): a Java loop over 256 doubles costs less than one native
     * call, and PyTorch runs the course's first autograd example (2x2 tensors) in ~25 µs.
     */
    static final int HEAP_MAX = 256;

    /** ReLU's forward loop beats a native call below this (the meteo CNN's [1, 10, 362], ReluLoops). */
    static final int RELU_FORWARD_LOOP_MAX = 4096;

    /**
     * ReLU's backward loop has no upper limit: M2.1's relu_bp calls a std::function per element, 48 µs for LeNet's
     * 12k-float activations where the copies and the loop take ~20.
     */
    static final int RELU_BACKWARD_LOOP_MAX = Integer.MAX_VALUE;

    /**
     * tanh's forward loop has no upper limit either, for accuracy more than speed: libnd4j's float tanh is off by up to
     * ~870 ulp (half of 55,000 random values differ from the correctly rounded result) at 12-18 ns an element; the
     * loop's exp form is correctly rounded on all of them at about the same speed under C1.
     */
    static final int TANH_FORWARD_LOOP_MAX = Integer.MAX_VALUE;

    /**
     * tanh's backward loop has no upper limit: libnd4j's tanh_bp recomputes tanh from the input (0.8 ms of the MLP
     * lab's 2.4 ms step on its [1000, 55] hidden layer), the loop reads the saved output (TanhLoops).
     */
    static final int TANH_BACKWARD_LOOP_MAX = Integer.MAX_VALUE;

    /**
     * softmax's backward loop has no upper limit: libnd4j's softmax_bp recomputes the softmax from the input, and the
     * loop reads the saved output instead (the Transformer's [32,4,64,64] attention: see docs/performance.md).
     */
    static final int SOFTMAX_BACKWARD_LOOP_MAX = Integer.MAX_VALUE;

    /** The optimizers' in-place subtract loops below this (~5 µs a native call; LeNet's 8 updates were ~50 µs). */
    static final int SUBTRACT_LOOP_MAX = 8192;

    /** Adam's fused update loop below this (Updates.adamLoops); above, the vectorised native adam_updater wins. */
    static final int ADAM_LOOP_MAX = 4096;

    /** Strided views are gathered by a Java loop below this (native identity: ~20 µs for the meteo CNN's gradient). */
    static final int STRIDED_COPY_MAX = 16_384;

    /**
     * Under the oneDNN build of the natives (NativeVariant), conv2d runs as the native conv2d/conv2d_bp ops (oneDNN's
     * kernels) instead of im2col + gemm from this many multiply-adds per forward (N·O·oH·oW·C·kH·kW), float32, when
     * the input has at least {@link #ONEDNN_CONV_MIN_CHANNELS} channels; from {@link #ONEDNN_CONV_ANY_MACS} whatever
     * its channels. Forward + backward on a quiet machine, 1 thread, oneDNN vs im2col: LeNet's [32,1,8,8] x 6 0.32 vs
     * 0.22 ms and [32,6,4,4] x 16 0.25 vs 0.23; [16,1,32,32] x 8 1.6 vs 1.2; [16,8,32,32] x 8 5.6 vs 4.5; but with 16
     * to 64 channels at 9.4M multiply-adds 0.6-0.8 vs 1.2-2.6, [64,3,32,32] x 32 16.7 vs 22.1 and [64,32,16,16] x 64
     * 20 vs 40 (docs/performance.md). Under the generic and AVX2 builds conv2d_bp is 1.4-6x slower than im2col + gemm
     * from LeNet's sizes up, so they never take this route.
     */
    static final long ONEDNN_CONV_MIN_MACS = 1L << 20;

    /** See {@link #ONEDNN_CONV_MIN_MACS}: with fewer input channels oneDNN lost up to 9.4M multiply-adds. */
    static final long ONEDNN_CONV_MIN_CHANNELS = 16;

    /** See {@link #ONEDNN_CONV_MIN_MACS}: from here oneDNN won whatever the channels ([64,3,32,32] x 32, 57M). */
    static final long ONEDNN_CONV_ANY_MACS = 1L << 25;

    /**
     * gradnote's own loops split across {@link Parallel}'s threads from this many elements (of work: elements read or
     * written per call); below, they run inline on the calling thread. Measured: see docs/performance.md.
     */
    static final int PARALLEL_MIN = 1 << 16;

    /** {@link #PARALLEL_MIN} for loops that call Math.exp per element (tanh's forward), ~10x the work an element. */
    static final int PARALLEL_MIN_EXP = 1 << 13;

    /** The elements per chunk of {@link Parallel}'s fixed grid, for loops that split element ranges. */
    static final int PARALLEL_GRAIN = 1 << 14;

    /** The Java loops' limit when {@link ComputePath#LOOP} forces them (scratch arrays are int-indexed). */
    private static final int FORCED_LOOP_MAX = 1 << 28;

    private static volatile ComputePath path = initial();

    private static ComputePath initial() {
        String p = System.getProperty("gradnote.path");
        return p == null || p.isBlank() ? ComputePath.AUTO : ComputePath.parse(p);
    }

    static ComputePath path() {
        return path;
    }

    static void setPath(ComputePath p) {
        if (p == null) throw new IllegalArgumentException("setPath: path must not be null");
        path = p;
    }

    /** True when a new tensor of this type and size starts on the heap. */
    static boolean onHeap(DataType type, long numel) {
        if (type != DataType.FLOAT && type != DataType.DOUBLE) return false;
        ComputePath p = path;
        return p == ComputePath.HEAP ? numel <= Integer.MAX_VALUE : p == ComputePath.AUTO && numel <= HEAP_MAX;
    }

    /**
     * A tensor's heap values when an element-wise op on it should run on the heap, else null: heap tensors made before
     * {@link ComputePath#LOOP} or {@link ComputePath#NATIVE} was forced move to ND4J at their next op.
     */
    static Small heap(Tensor t) {
        Small s = t.small();
        if (s == null) return null;
        ComputePath p = path;
        return p == ComputePath.LOOP || p == ComputePath.NATIVE ? null : s;
    }

    /**
     * The output shape when a binary element-wise op on a and b runs on the heap, else null: both on the heap, one
     * floating type, and broadcasting at most repeats a one-element operand (element i reads element i, or the only one).
     */
    static long[] heapShape(String op, Tensor a, Tensor b) {
        Small x = heap(a), y = heap(b);
        if (x == null || y == null || x.type != y.type) return null;
        long[] shape = Engine.broadcastShape(op, x.shape, y.shape);
        long n = Shapes.numel(shape);
        if ((x.numel() != n && x.numel() != 1) || (y.numel() != n && y.numel() != 1)) return null;
        return shape;
    }

    /**
     * The most elements a Java loop whose measured break-even is {@code autoLimit} may take now: autoLimit on AUTO
     * (and HEAP, for arrays not on the heap), any size on LOOP, none on NATIVE.
     */
    static long loopLimit(int autoLimit) {
        ComputePath p = path;
        return p == ComputePath.NATIVE ? 0 : p == ComputePath.LOOP ? Math.max(autoLimit, FORCED_LOOP_MAX) : autoLimit;
    }

    /**
     * True when a conv2d of this many multiply-adds and input channels should run as the native conv op: on AUTO and
     * HEAP under the oneDNN build where {@link #ONEDNN_CONV_MIN_MACS} says it pays (float32; oneDNN has no float64
     * kernels), always on {@link ComputePath#NATIVE} (so the forced-native test suite checks that route on whichever
     * build loaded), never on {@link ComputePath#LOOP}.
     */
    static boolean nativeConv(DataType type, long macs, long inChannels) {
        ComputePath p = path;
        if (p == ComputePath.NATIVE) return true;
        if (p == ComputePath.LOOP) return false;
        boolean pays = macs >= ONEDNN_CONV_ANY_MACS
                || (macs >= ONEDNN_CONV_MIN_MACS && inChannels >= ONEDNN_CONV_MIN_CHANNELS);
        return type == DataType.FLOAT && pays && NativeVariant.oneDnnLoaded();
    }

    /** {@link DirectConv} takes convolutions of at most this many inputs per output (C·kH·kW)... */
    static final long DIRECT_CONV_MAX_TAPS = 72;

    /** ...and at most this many output channels... */
    static final long DIRECT_CONV_MAX_OUT = 16;

    /** ...and output planes of at least this many pixels; see {@link #directConv}. */
    static final long DIRECT_CONV_MIN_PIXELS = 256;

    /**
     * True when a stride-1 float32 convolution of c input and oc output channels and a kh x kw window should run as
     * {@link DirectConv}'s C loops rather than im2col + gemm or oneDNN. Forward + backward (dx, dw, db), best of
     * 10-60, 1 thread, direct vs the other routes, in µs: [16,8,32,32] x 8 3x3 1453 vs 4453; x 16 3303 vs 5607;
     * [16,1,32,32] x 8 595 vs 859; LeNet's [32,1,28,28] x 6 5x5 862 vs 2023; [64,3,32,32] x 16 5755 vs 10364 but x 32
     * 10961 vs 11301; [16,8,32,32] x 4 1x1 290 vs 569; from 144 taps it lost everywhere ([16,16,32,32] x 8 3017 vs
     * 2076, [16,16,16,16] x 16 1847 vs 847; docs/performance.md). On LeNet's 8x8 and 4x4 planes the per-image work
     * of the weight gradient outweighed the sums (lenet_digits 10: 0.235 → 0.322 s), so planes start at 16x16, where
     * [16,8,16,16] x 16 still won (1146 vs 1310).
     */
    static boolean directConv(long c, long oc, int kh, int kw, long pixels) {
        return oc <= DIRECT_CONV_MAX_OUT && c * kh * kw <= DIRECT_CONV_MAX_TAPS && pixels >= DIRECT_CONV_MIN_PIXELS;
    }

    /** True when a Java loop with break-even {@code autoLimit} should take n elements. */
    static boolean loop(long n, int autoLimit) {
        return n <= loopLimit(autoLimit);
    }
}
