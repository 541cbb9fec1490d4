package org.gradnote.tensor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.util.HashUtil;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * gradnote's gateway to ND4J's native ops: op dispatch through cached contexts, the legacy transforms, views and
 * bulk copies. With {@link Factory} (array creation), {@link AdamUpdater}, {@link BufferPool}, {@link Blas},
 * {@link NativeRuntime} and {@link NativeVariant} it is the only code that calls ND4J (EngineGatewayTest); other
 * tensor-package classes still hold INDArray handles and call some of their methods.
 *
 * <p>Every native op goes through {@link #exec}, which keeps one op and one context per op name and thread and only
 * swaps the arrays: building them is most of a small op's cost (docs/performance.md, "Engine").
 */
final class Engine {
    private Engine() {}

    /**
     * Turns off JavaCPP's resident-size check, which reads the process's memory size from the OS on every native
     * allocation while maxPhysicalBytes > 0 (its default; docs/performance.md, "Engine"). JavaCPP's
     * maxBytes still bounds what it counts, which ND4J's own buffers are not (the count stayed at 0 with 1.8 GB of
     * them); fresh arrays' memory is bounded and collected by {@link BlockCache}. Works only if it
     * runs before JavaCPP's Pointer class initialises, hence the call from Tensor's static initialiser; an
     * explicit -Dorg.bytedeco.javacpp.maxPhysicalBytes wins. Picks the natives' build ({@link NativeVariant}) first,
     * for the same reason, and loads gradnote's own C loops ({@link NativeLoops}).
     */
    static void configureNative() {
        NativeVariant.select();
        // gradnote's C loops load here too, not inside a first epoch (their jar entry is copied to a file first).
        NativeLoops.status();
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null
                && System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
    }

    /**
     * A reusable op plus one context per call signature (the counts of inputs, outputs and arguments). Contexts are
     * not thread-safe, hence one set per thread.
     *
     * <p>Why per signature: a context keeps inputs past the ones set last, so a call with fewer inputs (conv without
     * bias) would otherwise see the previous call's extra array; setting an empty argument array likewise leaves
     * the previous call's arguments in place (reduce_sum over all elements after one over a dimension failed).
     * The signature is an int, not a string key: building "name/1/1/0/0/0" on every call cost a StringBuilder per
     * op, and its invokedynamic bootstrap cost ~20 ms in the first epoch of every run.
     */
    private static final class Slot {
        final String name;
        /**
         * libnd4j's key for the op: the hash of its name, computed as libnd4j computes it. Why not through
         * DynamicCustomOp.builder: its first call parses ND4J's table of all ~650 custom ops and initialises the
         * builder machinery, ~20 ms the first epoch of every run paid (EngineLayoutTest checks every op name gradnote
         * runs against that table).
         */
        long hash;

        private DynamicCustomOp op;
        private int[] sigs = new int[2];
        private Context[] ctxs = new Context[2];
        private int n;

        Slot(String name) {
            this.name = name;
            this.hash = HashUtil.getLongHash(name);
            // Native ops call OpenBLAS too (batched matmul, libnd4j's conv): one thread before the first (see Blas).
            Blas.configure();
        }

        /** The op object Nd4j.exec needs: built only when profiling. */
        DynamicCustomOp op() {
            if (op == null) op = DynamicCustomOp.builder(name).build();
            return op;
        }

        Context context(int sig, int inputs, int outputs) {
            for (int i = 0; i < n; i++) if (sigs[i] == sig) return ctxs[i];
            if (n == sigs.length) {
                sigs = Arrays.copyOf(sigs, 2 * n);
                ctxs = Arrays.copyOf(ctxs, 2 * n);
            }
            sigs[n] = sig;
            return ctxs[n++] = new Context(newContext(), inputs, outputs);
        }
    }

    /**
     * A native op context plus what was last set on it. Why: each setter is a JNI call, and setting integer, float
     * or boolean arguments allocates a native pointer every time (a JavaCPP allocation, the costliest part of a
     * small op); the same constant arguments recur call after call, so they are set only when they change.
     *
     * <p>Arrays are another matter: the native context wraps every array set on it in a handle it frees only when
     * purged or closed, and each handle holds the array's buffer. A long-lived context that was only ever re-set
     * kept every output it had written alive (the meteo CNN grew by ~36 KB of native memory per epoch, 1.4 GB after
     * 40k epochs). So when any array differs from the last call's, the context is purged and all arrays are set
     * again; a call on the very same arrays (an optimizer's buffers) sets nothing.
     */
    private static final class Context {
        final OpContext ctx;
        final INDArray[] in, out;
        long[] i;
        boolean[] b;
        double[] t;

        Context(OpContext ctx, int inputs, int outputs) {
            this.ctx = ctx;
            in = new INDArray[inputs];
            out = new INDArray[outputs];
        }

        void set(INDArray[] inputs, INDArray[] outputs, long[] iArgs, boolean[] bArgs, double[] tArgs) {
            if (!same(in, inputs) || !same(out, outputs)) {
                ctx.purge();
                for (int k = 0; k < inputs.length; k++) ctx.setInputArray(k, in[k] = inputs[k]);
                for (int k = 0; k < outputs.length; k++) ctx.setOutputArray(k, out[k] = outputs[k]);
            }
            if (i == null || !Arrays.equals(i, iArgs)) ctx.setIArguments(i = iArgs.clone());
            if (b == null || !Arrays.equals(b, bArgs)) ctx.setBArguments(b = bArgs.clone());
            if (t == null || !Arrays.equals(t, tArgs)) ctx.setTArguments(t = tArgs.clone());
        }

        private static boolean same(INDArray[] last, INDArray[] now) {
            for (int k = 0; k < now.length; k++) if (last[k] != now[k]) return false;
            return true;
        }
    }

    private static final long[] NO_LONGS = {};
    private static final boolean[] NO_BOOLEANS = {};
    private static final double[] NO_DOUBLES = {};

    private static final ThreadLocal<Map<String, Slot>> SLOTS = new ThreadLocal<>() {
        @Override
        protected Map<String, Slot> initialValue() {
            return new HashMap<>();
        }
    };

    /** Runs the named native op on inputs, writing into the given outputs, with integer and boolean arguments. */
    static void exec(
            String name, INDArray[] inputs, INDArray[] outputs, long[] iArgs, boolean[] bArgs, double[] tArgs) {
        Map<String, Slot> slots = SLOTS.get();
        Slot s = slots.get(name);
        if (s == null) slots.put(name, s = new Slot(name));
        long[] i = iArgs == null ? NO_LONGS : iArgs;
        boolean[] b = bArgs == null ? NO_BOOLEANS : bArgs;
        double[] t = tArgs == null ? NO_DOUBLES : tArgs;
        Context c = s.context(
                inputs.length | outputs.length << 6 | i.length << 12 | b.length << 18 | t.length << 24,
                inputs.length,
                outputs.length);
        c.set(inputs, outputs, i, b, t);
        if (OpProfile.ON) {
            long c0 = OpProfile.start();
            Nd4j.exec(s.op(), c.ctx);
            OpProfile.record(name, inputs, c0);
        } else if (Native.OPS.execCustomOp2(null, s.hash, c.ctx.contextPointer()) != 0) {
            // An alias is registered under its op's hash, not its own: on a failure, ask ND4J's table once.
            String message = Native.OPS.lastErrorMessage();
            long registered = DynamicCustomOp.builder(name).build().opHash();
            if (registered == s.hash) throw failure(name, inputs, outputs, message);
            s.hash = registered;
            if (Native.OPS.execCustomOp2(null, s.hash, c.ctx.contextPointer()) != 0) {
                throw failure(name, inputs, outputs, Native.OPS.lastErrorMessage());
            }
        }
    }

    /**
     * A native op's failure in gradnote's words: the op with the dtypes and shapes of its arrays, so the message says
     * what was asked of it. libnd4j's own text (and its source path) is kept only as the cause, for a bug report.
     */
    static IllegalStateException failure(String name, INDArray[] inputs, INDArray[] outputs, String nativeMessage) {
        return new IllegalStateException(
                "gradnote: the native op '" + name + "' failed on inputs " + describe(inputs)
                        + " with outputs " + describe(outputs)
                        + " (an unsupported combination of dtypes or shapes, or a gradnote bug:"
                        + " please report it)",
                new RuntimeException("libnd4j: " + nativeMessage));
    }

    /** "(float32 [2, 3], int64 [2])": each array's dtype and shape. */
    static String describe(INDArray[] arrays) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < arrays.length; i++) {
            INDArray a = arrays[i];
            if (i > 0) b.append(", ");
            b.append(a == null ? "null" : label(a.dataType()) + " " + Shapes.str(a.shape()));
        }
        return b.append(')').toString();
    }

    private static String label(DataType t) {
        for (DType d : DType.values()) if (d.nd4j() == t) return d.toString();
        return t.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static RuntimeException failure(String name) {
        return failure(name, new INDArray[0], new INDArray[0], Native.OPS.lastErrorMessage());
    }

    /** Looked up at the first op, not with Engine: ND4J's backend must be loaded first (Tensor's initialiser). */
    private static final class Native {
        static final NativeOps OPS = NativeOpsHolder.getInstance().getDeviceNativeOps();
    }

    /**
     * The native call itself, as Nd4j.exec makes it minus its wrapper: per call that wrapper asks the native
     * environment twice whether oneDNN is on, runs the profiler hooks and builds the output list three times (JNI
     * calls and garbage on every op of a step). An op's failure still throws with libnd4j's message.
     */
    static void run(String name, long hash, OpContext ctx) {
        if (Native.OPS.execCustomOp2(null, hash, ctx.contextPointer()) != 0) throw failure(name);
    }

    static void exec(String name, INDArray[] inputs, INDArray... outputs) {
        exec(name, inputs, outputs, null, null, null);
    }

    /**
     * libnd4j's platform kernels (oneDNN's, under the oneDNN build) stay off except for the ops {@link Dispatch}
     * sends to them: with them off that build computes every other op exactly as the AVX2 build does.
     */
    private static final class Helpers {
        static {
            Nd4j.getEnvironment().allowHelpers(false);
        }

        /** Runs the class's initialiser once: a no-op after that. */
        static void ensureOff() {}
    }

    /**
     * {@link #exec} with libnd4j's platform kernels (oneDNN's under the oneDNN build) allowed for this one call. The
     * switch is process-wide, which holds because gradnote issues native ops from one thread at a time (its own
     * threads run Java loops and OpenBLAS calls only).
     */
    static void execPlatform(String name, INDArray[] inputs, INDArray[] outputs, long[] iArgs) {
        Helpers.ensureOff();
        Nd4j.getEnvironment().allowHelpers(true);
        try {
            exec(name, inputs, outputs, iArgs, null, null);
        } finally {
            Nd4j.getEnvironment().allowHelpers(false);
        }
    }

    /** One reusable rank-0 array per data type and thread, so scalar operands cost a putScalar, not an allocation. */
    private static final ThreadLocal<Map<DataType, INDArray>> SCALARS = new ThreadLocal<>() {
        @Override
        protected Map<DataType, INDArray> initialValue() {
            return new HashMap<>();
        }
    };

    /**
     * x (op) c for a scalar c through the cached broadcastable native op (about twice as fast as INDArray.add(c)). A
     * strided x is made dense first: libnd4j's op walked a permuted [32,4,64,32] at 5.8 ns an element against 0.4
     * dense, and a copy costs less than the difference (element-wise, so the same bits).
     */
    static INDArray scalarOp(String nativeName, INDArray x, double c) {
        return scalar(nativeName, x, c, false);
    }

    /** c (op) x for a scalar c, through the same cached scalar as {@link #scalarOp} (libnd4j broadcasts a rank-0 first operand). */
    static INDArray scalarOpLeft(String nativeName, double c, INDArray x) {
        return scalar(nativeName, x, c, true);
    }

    private static INDArray scalar(String nativeName, INDArray x, double c, boolean left) {
        DataType t = x.dataType();
        Map<DataType, INDArray> scalars = SCALARS.get();
        INDArray s = scalars.get(t);
        if (s == null) scalars.put(t, s = Nd4j.scalar(t, 0.0));
        s.putScalar(0, c);
        INDArray out = empty(t, x.shape());
        INDArray d = contiguous(x);
        exec(nativeName, left ? new INDArray[] {s, d} : new INDArray[] {d, s}, out);
        if (d != x) BufferPool.get().give(d);
        return out;
    }

    /** One more reusable rank-0 array per type and thread, for a gradient rule's Java-number operand (see Backend). */
    private static final ThreadLocal<Map<DataType, INDArray>> OPERANDS = new ThreadLocal<>() {
        @Override
        protected Map<DataType, INDArray> initialValue() {
            return new HashMap<>();
        }
    };

    /**
     * A rank-0 array holding c, valid until the next call on this thread: a gradient rule's Java-number operand, set
     * once per rule (the rule's own scalar ops go through {@link #scalarOp}'s separate array).
     */
    static INDArray operandScalar(DataType t, double c) {
        Map<DataType, INDArray> operands = OPERANDS.get();
        INDArray s = operands.get(t);
        if (s == null) operands.put(t, s = Nd4j.scalar(t, 0.0));
        s.putScalar(0, c);
        return s;
    }

    /**
     * ND4J's legacy element-wise transforms into a fresh array: exp, log, sqrt, abs, sign, neg, and pow with the
     * exponent p (libnd4j has no custom op for these; the legacy kernels are what gradnote always ran).
     */
    static INDArray transform(String name, INDArray x, double p) {
        switch (name) {
            case "exp":
                return Transforms.exp(x, true);
            case "log":
                return Transforms.log(x, true);
            case "sqrt":
                return Transforms.sqrt(x, true);
            case "abs":
                return Transforms.abs(x, true);
            case "sign":
                return Transforms.sign(x, true);
            case "neg":
                return x.neg();
            case "pow":
                return Transforms.pow(x, p, true);
            default:
                throw new IllegalArgumentException("no legacy transform " + name);
        }
    }

    /** x^p in x's own memory by the legacy Pow kernel (x must be a fresh array the caller owns). */
    static INDArray powInPlace(INDArray x, double p) {
        return Transforms.pow(x, p, false);
    }

    /** ln(x) in x's own memory by the legacy Log kernel (x must be a fresh array the caller owns). */
    static INDArray logInPlace(INDArray x) {
        return Transforms.log(x, false);
    }

    /** A view of a: indices start, start + step, ... below end along dim d, every index of the other dims. */
    static INDArray interval(INDArray a, int d, long start, long step, long end) {
        INDArrayIndex[] idx = new INDArrayIndex[a.rank()];
        for (int i = 0; i < idx.length; i++) idx[i] = NDArrayIndex.all();
        idx[d] = NDArrayIndex.interval(start, step, end);
        return a.get(idx);
    }

    /** The native buffer a's memory belongs to (the same object for an array and its views), compared by identity. */
    static Object bufferRoot(INDArray a) {
        DataBuffer b = a.data(), o = b.originalDataBuffer();
        return o != null ? o : b;
    }

    /** a · c, a new array, by ND4J's legacy scalar kernel (c rounded to a's type first). */
    static INDArray times(INDArray a, double c) {
        return a.mul(c);
    }

    /** The max of a over dims, in the shape {@code kept}, by ND4J's reduction (which skips NaN: callers that care scan). */
    static INDArray maxKeepDims(INDArray a, long[] kept, int... dims) {
        return a.max(true, dims).reshape(kept);
    }

    /** a = max(a, b) element-wise in a's memory, by the legacy kernel. */
    static INDArray maxInPlace(INDArray a, INDArray b) {
        return Transforms.max(a, b, false);
    }

    /** erf(x) in x's own memory by libnd4j's legacy Erf kernel (x must be a fresh array the caller owns). */
    static INDArray erfInPlace(INDArray x) {
        return Nd4j.getExecutioner().exec(new Erf(x));
    }

    /** A new native op context (for a caller that keeps one across calls, as {@link AdamUpdater}). */
    static OpContext newContext() {
        // Every custom op gradnote runs goes through a context made here: the platform kernels are off before the
        // first.
        Helpers.ensureOff();
        return Nd4j.getExecutioner().buildContext();
    }

    /**
     * Makes and frees one op context, so that the first op of a training does not pay the classes' initialisation
     * (see {@link NativeWarmup}); a failure is left to that first op to report.
     */
    static void warmContexts() {
        try (OpContext ctx = newContext()) {
            ctx.purge();
        } catch (Exception | LinkageError e) {
            // Only a warm-up.
        }
    }

    /** A unary op's heap function as a Java loop over an ND4J array's values (log1p: ND4J's float32 kernel is inexact). */
    static INDArray javaTransform(UnaryOp op, INDArray x) {
        double[] v = toDoubles(x);
        for (int i = 0; i < v.length; i++) v[i] = op.heap(v[i]);
        INDArray out = empty(x.dataType(), x.shape());
        putDoubles(out, v, 0, v.length);
        return out;
    }

    /** A native custom op taking (input) into a fresh array of its type and shape (input made dense first). */
    static INDArray unary(String name, INDArray x, double[] tArgs) {
        INDArray c = contiguous(x);
        INDArray out = empty(c.dataType(), c.shape());
        exec(name, new INDArray[] {c}, new INDArray[] {out}, null, null, tArgs);
        return out;
    }

    /**
     * A native backward op taking (input, gradient). g is made dense first: relu_bp on the meteo CNN's transposed
     * gradient took 58 µs, against 10 for the copy plus 17 on dense arrays (ND4J's strided path computes every
     * element's offset).
     */
    static INDArray unaryBackward(String name, INDArray x, INDArray g, double[] tArgs) {
        INDArray c = contiguous(x);
        INDArray dx = empty(c.dataType(), c.shape());
        exec(name, new INDArray[] {c, contiguous(cast(g, c.dataType()))}, new INDArray[] {dx}, null, null, tArgs);
        return dx;
    }

    /** Sum or mean of all elements as a rank-0 array (reduce_sum/reduce_mean into a fresh scalar). */
    static INDArray reduceAll(String nativeName, INDArray x) {
        INDArray out = empty(x.dataType());
        exec(nativeName, new INDArray[] {x}, new INDArray[] {out}, new long[0], null, null);
        return out;
    }

    /**
     * A fresh array whose content will be overwritten by an op: uninitialised, a dead array's memory (never zeros;
     * use {@link #zeros} for an accumulator).
     */
    static INDArray empty(DataType type, long... shape) {
        NativeWarmup.once();
        return BufferPool.get().take(type, shape);
    }

    /** A fresh array of the shape with every element value (rounded to the type). */
    static INDArray filled(DataType type, long[] shape, double value) {
        return Nd4j.valueArrayOf(shape, value, type);
    }

    static INDArray zeros(DataType type, long... shape) {
        return Nd4j.zeros(type, shape);
    }

    /** Element-wise binary op with numpy broadcasting; {@code op} names the user-facing operation for errors. */
    static INDArray broadcastBinary(String nativeName, String op, INDArray a, INDArray b) {
        long[] shape = broadcastShape(op, a.shape(), b.shape());
        DataType t = resultType(a.dataType(), b.dataType());
        INDArray out = empty(t, shape);
        exec(nativeName, new INDArray[] {toRank(cast(a, t), shape.length), toRank(cast(b, t), shape.length)}, out);
        return out;
    }

    /**
     * Leading 1s up to the output's rank: ND4J's own rule rejects some valid numpy cases across ranks (a [1, 1] plus
     * a [4] failed with "Output array did not match expected shape").
     */
    private static INDArray toRank(INDArray a, int rank) {
        int r = a.rank();
        if (r == rank || r == 0) return a;
        long[] s = new long[rank];
        java.util.Arrays.fill(s, 1);
        System.arraycopy(a.shape(), 0, s, rank - r, r);
        return a.reshape(s);
    }

    /** Element-wise comparison with broadcasting; native comparison ops insist on a bool output. */
    static INDArray compare(String nativeName, String op, INDArray a, INDArray b) {
        long[] shape = broadcastShape(op, a.shape(), b.shape());
        DataType t = resultType(a.dataType(), b.dataType());
        INDArray out = empty(DataType.BOOL, shape);
        exec(nativeName, new INDArray[] {toRank(cast(a, t), shape.length), toRank(cast(b, t), shape.length)}, out);
        return out;
    }

    /** The common type of two arrays, by torch.promote_types (bool with int32 was bool, so an int 2 compared as true). */
    static DataType resultType(DataType a, DataType b) {
        if (a == b) return a;
        return Promotion.promote(DType.of(a), DType.of(b)).nd4j();
    }

    static INDArray cast(INDArray a, DataType t) {
        return a.dataType() == t ? a : a.castTo(t);
    }

    /** Numpy's broadcasting rule; the error names the op and both shapes, as users need to fix their code. */
    static long[] broadcastShape(String op, long[] a, long[] b) {
        if (Arrays.equals(a, b)) return a;
        int n = Math.max(a.length, b.length);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long da = i < n - a.length ? 1 : a[i - (n - a.length)];
            long db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new ShapeException(op + ": shapes " + Shapes.str(a) + " and " + Shapes.str(b)
                        + " cannot be broadcast together (dimension " + i + ": " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Sums a broadcast gradient back down to the shape of the operand it flows into. */
    static INDArray sumToShape(INDArray grad, long[] shape) {
        long[] g = grad.shape();
        if (Arrays.equals(g, shape)) return grad;
        int lead = g.length - shape.length;
        int[] dims = new int[g.length];
        int nd = 0;
        for (int i = 0; i < g.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && g[i] != 1)) dims[nd++] = i;
        }
        if (nd == 0) return grad.reshape(shape);
        DataType t = grad.dataType();
        if (t != DataType.FLOAT && t != DataType.DOUBLE)
            return grad.sum(true, Arrays.copyOf(dims, nd)).reshape(shape);
        // Through Reduce's double-accumulated sums, not ND4J's float32 running sum (see Reduce).
        boolean[] reduced = new boolean[g.length];
        for (int i = 0; i < nd; i++) reduced[dims[i]] = true;
        return Reduce.toArray(Reduce.sums(null, grad, g, reduced, null), t, shape);
    }

    /** Matrix product of two 2-D arrays through BLAS gemm into a fresh output (10x faster than mmul here). */
    static INDArray gemm(INDArray a, INDArray b, boolean transA, boolean transB) {
        long m = transA ? a.size(1) : a.size(0);
        long n = transB ? b.size(0) : b.size(1);
        DataType t = resultType(a.dataType(), b.dataType());
        INDArray out = empty(t, m, n);
        INDArray ac = cast(a, t), bc = cast(b, t);
        // BLAS reads row- and column-major operands as they are; anything else is made dense for the op.
        if (!Blas.gemm(ac, bc, out, transA, transB)) gemmInto(contiguous(ac), contiguous(bc), out, transA, transB);
        return out;
    }

    private static final long[][] TRANSPOSES = {{0, 0, 0}, {0, 1, 0}, {1, 0, 0}, {1, 1, 0}};
    private static final double[] ALPHA_BETA = {1.0, 0.0};

    /**
     * out = op(a) · op(b) through BLAS into a preallocated output; a, b and out must be c-order and offset-free.
     * The cached "matmul" context is the op Nd4j.gemm builds (Mmul) without building it: Nd4j.gemm constructed a
     * Mmul, a transpose builder and a fresh context on every call, 15% of LeNet's step in a JFR profile.
     */
    static void gemmInto(INDArray a, INDArray b, INDArray out, boolean transA, boolean transB) {
        gemmInto(a, b, out, transA, transB, Blas.Split.EVERY);
    }

    /** {@link #gemmInto(INDArray, INDArray, INDArray, boolean, boolean)}, cut into blocks as split says. */
    static void gemmInto(INDArray a, INDArray b, INDArray out, boolean transA, boolean transB, Blas.Split split) {
        if (Blas.gemm(a, b, out, transA, transB, split)) return;
        exec(
                "matmul",
                new INDArray[] {a, b},
                new INDArray[] {out},
                TRANSPOSES[(transA ? 2 : 0) + (transB ? 1 : 0)],
                null,
                ALPHA_BETA);
    }

    /** The elements of a FLOAT array in c order, copied out of native memory in one bulk get. */
    static float[] floats(INDArray a) {
        if (a.length() == 0) return new float[0]; // an empty array has no buffer to read
        INDArray c = contiguous(a);
        float[] out = new float[Math.toIntExact(c.length())];
        Memory.get(c, out, 0, out.length);
        return out;
    }

    /** The elements of a DOUBLE array in c order. */
    static double[] doubles(INDArray a) {
        if (a.length() == 0) return new double[0];
        INDArray c = contiguous(a);
        double[] out = new double[Math.toIntExact(c.length())];
        Memory.get(c, out, 0, out.length);
        return out;
    }

    /** Overwrites a c-order, offset-free FLOAT array with the given elements (one bulk put into native memory). */
    static void put(INDArray a, float[] values) {
        Memory.put(a, values, 0, values.length);
    }

    static void put(INDArray a, double[] values) {
        Memory.put(a, values, 0, values.length);
    }

    /** The elements of a FLOAT or DOUBLE array in c order as doubles (converted from float when needed). */
    static double[] toDoubles(INDArray a) {
        if (a.length() == 0) return new double[0];
        if (a.dataType() == DataType.DOUBLE) return doubles(a);
        INDArray c = contiguous(cast(a, DataType.FLOAT));
        float[] f = floats(c);
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) out[i] = f[i];
        return out;
    }

    /**
     * Copies rows {@code picks} of a dense src into the dense out, one bulk byte copy per row (any element type).
     * Why not the gather op: a minibatch of LeNet's digits took ~60 µs through it (the native op's work on a fresh
     * output array), a few µs this way. Indices are checked by the caller.
     */
    static void gatherRows(INDArray src, long[] picks, INDArray out) {
        if (out.length() == 0) return; // an empty array has no buffer to write
        Memory.copyRows(
                src,
                picks,
                out,
                Math.toIntExact(out.length() / picks.length * src.dataType().width()));
    }

    /** The elements of an integer array (class indices) in c order as longs. */
    static long[] longs(INDArray a) {
        INDArray c = contiguous(a);
        DataType t = c.dataType();
        if ((t == DataType.INT32 || t == DataType.INT64) && c.data().offset() == 0)
            return Memory.indices(c, Math.toIntExact(c.length()));
        long[] all = c.data().asLong();
        return all.length == c.length() ? all : java.util.Arrays.copyOf(all, Math.toIntExact(c.length()));
    }

    /**
     * The first n elements of a in c order, as doubles, into dst without allocating (per-step loops and mse reuse
     * dst): non-double types are read as float32, as {@link #toDoubles}, through this thread's scratch floats.
     */
    static void readDoubles(INDArray a, double[] dst, int n) {
        if (a.dataType() == DataType.DOUBLE) {
            Memory.get(contiguous(a), dst, 0, n);
            return;
        }
        float[] f = Unfold.scratch().floats(0, n);
        Memory.get(contiguous(cast(a, DataType.FLOAT)), f, 0, n);
        for (int i = 0; i < n; i++) dst[i] = f[i];
    }

    /** Writes len doubles from src[from] over a c-order, offset-free FLOAT or DOUBLE array (rounded for FLOAT). */
    static void putDoubles(INDArray a, double[] src, int from, int len) {
        if (a.dataType() == DataType.DOUBLE) {
            Memory.put(a, src, from, len);
            return;
        }
        float[] f = Unfold.scratch().floats(0, len);
        for (int i = 0; i < len; i++) f[i] = (float) src[from + i];
        Memory.put(a, f, 0, len);
    }

    /**
     * BLAS needs c-order, offset-free buffers; views from slicing or permuting are copied once here. ND4J flags
     * every reshape as a view, so the layout itself is checked: a reshaped array with offset 0 and c strides is
     * used as is (this copy used to run on every conv output, pooling gradient and linear input). Strides of
     * size-1 dimensions are ignored, as they address nothing: the meteo CNN's x.transpose(1, 2) of [1, 364, 1]
     * is such a permuted view, and was copied twice per epoch.
     */
    static INDArray contiguous(INDArray a) {
        if (isDense(a)) return a;
        // A pooled copy rather than dup(): in a backward pass it goes back to the pool with the other temporaries
        // (the meteo CNN's ReLU gradient arrives transposed and was a fresh native array every step).
        INDArray c = empty(a.dataType(), a.shape());
        if (!StridedCopy.copy(a, c) && !gather(a, c)) exec("identity", new INDArray[] {a}, c);
        return c;
    }

    /**
     * An offset-free view's elements gathered into the dense c by the C loops, rows at a time; false where they do
     * not apply. Why: ND4J's identity op walked the Transformer's permuted heads ([32, 64, 4, 32] to [32, 4, 64, 32])
     * element by element through index arithmetic, 0.2-0.3 ms a call.
     */
    private static boolean gather(INDArray a, INDArray c) {
        return a.offset() == 0 && a.data().offset() == 0 && stridedCopy(a, a.stride(), c);
    }

    /**
     * Fills the dense dst (its shape) with src's elements at the given strides in elements (0 along a broadcast
     * dimension), by the C loops; false, copying nothing, where they do not apply. The strides must reach only src's
     * buffer, which is checked here: the C loop sees no unchecked index.
     */
    static boolean stridedCopy(INDArray src, long[] strides, INDArray dst) {
        long[] shape = dst.shape();
        int rank = shape.length;
        DataType t = src.dataType();
        if (!NativeLoops.enabled() || rank == 0 || rank > 32 || t != dst.dataType()) return false;
        if (t == DataType.UTF8 || t.width() <= 0 || strides.length != rank) return false;
        long n = dst.length(), span = 1;
        if (n == 0 || n / shape[rank - 1] > Integer.MAX_VALUE) return false;
        long[] spec = new long[2 * rank];
        for (int i = 0; i < rank; i++) {
            if (strides[i] < 0) return false;
            span += (shape[i] - 1) * strides[i];
            spec[i] = shape[i];
            spec[rank + i] = strides[i];
        }
        if (span > src.data().length()) return false;
        long sa = Memory.address(src, t, span), da = Memory.address(dst, t, n);
        if (sa == 0 || da == 0) return false;
        int width = t.width();
        Parallel.items((int) (n / shape[rank - 1]), shape[rank - 1], new Parallel.Body() {
            @Override
            void run(int from, int to) {
                NativeLoops.stridedCopy(sa, da, spec, width, from, to);
            }
        });
        return true;
    }

    /**
     * a in a new shape (same elements in c order): a view when the strides allow one, as torch.reshape does, else a
     * dense copy. Why a view: the meteo CNN's y.transpose(1, 2).reshape(B·T, H) is a transposed dense matrix that
     * BLAS reads as it is ({@link Blas}); the copy cost an identity op and a fresh array per forward pass.
     */
    static INDArray reshape(INDArray a, long[] shape) {
        if (isDense(a)) return BufferPool.get().view(a, shape);
        long[] how = new long[shape.length + 1];
        how[0] = BufferPool.RESHAPE;
        System.arraycopy(shape, 0, how, 1, shape.length);
        INDArray view = BufferPool.get().derivedView(a, how);
        return view != null ? view : contiguous(a).reshape('c', shape);
    }

    /** a with its dimensions permuted, a view as INDArray.permute makes, with its shape buffer cached (BufferPool.derivedView). */
    static INDArray permute(INDArray a, int[] order) {
        long[] how = new long[order.length + 1];
        how[0] = BufferPool.PERMUTE;
        for (int i = 0; i < order.length; i++) how[i + 1] = order[i];
        return BufferPool.get().derivedView(a, how);
    }

    /** True for an offset-free array laid out as a dense c-order one (what BLAS and bulk copies need). */
    static boolean isDense(INDArray a) {
        return a.offset() == 0 && denseIgnoringUnitDims(a);
    }

    /** True for an offset-free matrix laid out column-major (a transposed dense one), both dimensions longer than 1. */
    static boolean isColumnMajor(INDArray a) {
        if (a.rank() != 2 || a.offset() != 0) return false;
        long[] shape = a.shape(), strides = a.stride();
        return shape[0] > 1 && shape[1] > 1 && strides[0] == 1 && strides[1] == shape[0];
    }

    /** True when the strides of the dimensions larger than 1 are those of a dense c-order array. */
    private static boolean denseIgnoringUnitDims(INDArray a) {
        long[] shape = a.shape(), strides = a.stride();
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] == 1) continue;
            if (strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }
}
