package org.gradnote.tensor;

import java.util.List;
import org.gradnote.Gradnote;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An n-dimensional array on ND4J that records the operations applied to it, so that {@link #backward()} can
 * compute gradients: gradnote's equivalent of {@code torch.Tensor}.
 *
 * <p>Operations are eager: each call computes its result at once and, when any input requires a gradient and grad
 * mode is on, remembers how to push the gradient back. Java control flow around the calls just works.
 */
public final class Tensor {
    static {
        Engine.configureNative();
    }

    static final Tensor[] NONE = {};
    private static volatile DType defaultDType = DType.FLOAT32;

    private Storage storage; // replaced only by setData, on leaves
    private boolean requiresGrad;
    private boolean retainGrad;
    private Tensor grad;
    private boolean gradHandedOut; // grad() or setGrad() let the gradient tensor out: zeroGrad() must not reuse it
    Node node;

    Tensor(INDArray data) {
        this.storage = new Storage(data);
    }

    Tensor(Small values) {
        this.storage = new Storage(values);
    }

    private Tensor(Storage storage) {
        this.storage = storage;
    }

    /** The values as an ND4J array, moving them off the heap if they were there (see {@link Small}). */
    INDArray data() {
        return storage.nd();
    }

    /** The heap values of a tiny tensor, or null when they live in ND4J. */
    Small small() {
        return storage.small();
    }

    // ---------------------------------------------------------------- factories

    /** Wraps an existing ND4J array without copying it. */
    public static Tensor wrap(INDArray array) {
        return new Tensor(array);
    }

    /** The floating-point type factories use when none is given (float32 unless changed, as in PyTorch). */
    public static DType defaultDType() {
        return defaultDType;
    }

    /** Sets the floating-point type factories use, like {@code torch.set_default_dtype}. */
    public static void setDefaultDType(DType type) {
        if (!type.isFloatingPoint()) throw new IllegalArgumentException("default dtype must be float32 or float64, got " + type);
        defaultDType = type;
    }

    /** A 1-D tensor of the default floating-point type. */
    public static Tensor of(double... values) {
        if (Small.fits(defaultDType.nd4j(), values.length)) return heap(defaultDType.nd4j(), values.clone(), values.length);
        return new Tensor(Nd4j.createFromArray(values).castTo(defaultDType.nd4j()));
    }

    /** A 1-D tensor of the given type, e.g. {@code Tensor.of(DType.FLOAT64, 1, 2, 3)}. */
    public static Tensor of(DType type, double... values) {
        if (Small.fits(type.nd4j(), values.length)) return heap(type.nd4j(), values.clone(), values.length);
        return new Tensor(Nd4j.createFromArray(values).castTo(type.nd4j()));
    }

    /** A 1-D float32 tensor. */
    public static Tensor of(float... values) {
        if (Small.fits(DataType.FLOAT, values.length)) {
            double[] v = new double[values.length];
            for (int i = 0; i < v.length; i++) v[i] = values[i];
            return heap(DataType.FLOAT, v, values.length);
        }
        return new Tensor(Nd4j.createFromArray(values));
    }

    /** A 1-D int64 tensor, e.g. class labels. */
    public static Tensor of(long... values) {
        return new Tensor(vector(Nd4j.createFromArray(values), values.length));
    }

    /** A 1-D int64 tensor, e.g. class labels. */
    public static Tensor of(int... values) {
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) v[i] = values[i];
        return of(v);
    }

    /** A 1-D bool tensor. */
    public static Tensor of(boolean... values) {
        return new Tensor(vector(Nd4j.createFromArray(values), values.length));
    }

    /** ND4J makes a one-element array a scalar; PyTorch's {@code torch.tensor([7])} has shape [1]. */
    private static INDArray vector(INDArray a, int n) {
        return a.rank() == 1 ? a : a.reshape(n);
    }

    /** A 2-D tensor of the default floating-point type from rows (all rows must have the same length). */
    public static Tensor of(double[][] rows) {
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].length != rows[0].length) throw new ShapeException("Tensor.of: row " + i + " has " + rows[i].length
                    + " values but row 0 has " + rows[0].length);
        }
        return new Tensor(Nd4j.createFromArray(rows).castTo(defaultDType.nd4j()));
    }

    /** A 3-D tensor of the default floating-point type. */
    public static Tensor of(double[][][] values) {
        return new Tensor(Nd4j.createFromArray(values).castTo(defaultDType.nd4j()));
    }

    /** A 2-D float32 tensor from rows. */
    public static Tensor of(float[][] rows) {
        return new Tensor(Nd4j.createFromArray(rows));
    }

    /** A tensor of the given shape from values in row-major order. */
    public static Tensor fromArray(double[] values, long... shape) {
        return fromArray(defaultDType, values, shape);
    }

    /** A tensor of the given shape and type from values in row-major order. */
    public static Tensor fromArray(DType type, double[] values, long... shape) {
        if (Shapes.numel(shape) != values.length) throw new ShapeException("fromArray: " + values.length
                + " values do not fill shape " + Shapes.str(shape));
        if (Small.fits(type.nd4j(), values.length)) return heap(type.nd4j(), values.clone(), shape);
        return new Tensor(Nd4j.create(values, shape, 'c').castTo(type.nd4j()));
    }

    public static Tensor zeros(long... shape) {
        return zeros(defaultDType, shape);
    }

    public static Tensor zeros(DType type, long... shape) {
        if (Small.fits(type.nd4j(), Shapes.numel(shape))) return new Tensor(Small.filled(type.nd4j(), shape.clone(), 0));
        return new Tensor(Nd4j.zeros(type.nd4j(), shape));
    }

    public static Tensor ones(long... shape) {
        return ones(defaultDType, shape);
    }

    public static Tensor ones(DType type, long... shape) {
        if (Small.fits(type.nd4j(), Shapes.numel(shape))) return new Tensor(Small.filled(type.nd4j(), shape.clone(), 1));
        return new Tensor(Nd4j.ones(type.nd4j(), shape));
    }

    public static Tensor full(double value, long... shape) {
        return full(defaultDType, value, shape);
    }

    public static Tensor full(DType type, double value, long... shape) {
        if (Small.fits(type.nd4j(), Shapes.numel(shape))) return new Tensor(Small.filled(type.nd4j(), shape.clone(), value));
        return new Tensor(Nd4j.valueArrayOf(shape, value, type.nd4j()));
    }

    /** Uniform values in [0, 1), drawn from gradnote's seeded generator ({@link Gradnote#seed}). */
    public static Tensor rand(long... shape) {
        return rand(defaultDType, shape);
    }

    public static Tensor rand(DType type, long... shape) {
        return uniform(type, 0, 1, shape);
    }

    /** Uniform values in [low, high). */
    public static Tensor uniform(DType type, double low, double high, long... shape) {
        double[] v = new double[Math.toIntExact(Shapes.numel(shape))];
        Gradnote.fillUniform(v, low, high);
        if (Small.fits(type.nd4j(), v.length)) return heap(type.nd4j(), v, shape);
        return new Tensor(Nd4j.create(v, shape, 'c').castTo(type.nd4j()));
    }

    /** Standard normal values, drawn from gradnote's seeded generator. */
    public static Tensor randn(long... shape) {
        return randn(defaultDType, shape);
    }

    public static Tensor randn(DType type, long... shape) {
        return normal(type, 0, 1, shape);
    }

    /** Normal values of the given mean and standard deviation. */
    public static Tensor normal(DType type, double mean, double std, long... shape) {
        double[] v = new double[Math.toIntExact(Shapes.numel(shape))];
        Gradnote.fillNormal(v, mean, std);
        if (Small.fits(type.nd4j(), v.length)) return heap(type.nd4j(), v, shape);
        return new Tensor(Nd4j.create(v, shape, 'c').castTo(type.nd4j()));
    }

    /** 0, 1, ..., end-1 as int64, like {@code torch.arange(end)}. */
    public static Tensor arange(long end) {
        return new Tensor(Nd4j.arange(0, end).castTo(DataType.INT64));
    }

    /** start, start+step, ... below end, in the default floating-point type. */
    public static Tensor arange(double start, double end, double step) {
        if (step == 0) throw new IllegalArgumentException("arange: step must be non-zero");
        int n = (int) Math.max(0, Math.ceil((end - start) / step));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = start + i * step;
        return new Tensor(Nd4j.createFromArray(v).castTo(defaultDType.nd4j()));
    }

    /** n evenly spaced values from start to end inclusive. */
    public static Tensor linspace(double start, double end, int n) {
        return new Tensor(Nd4j.linspace(start, end, n, defaultDType.nd4j()));
    }

    /** The n×n identity matrix. */
    public static Tensor eye(long n) {
        return new Tensor(Nd4j.eye(n).castTo(defaultDType.nd4j()));
    }

    public static Tensor zerosLike(Tensor t) {
        if (t.dtype().isFloatingPoint()) return zeros(t.dtype(), t.shape());
        return new Tensor(Nd4j.zeros(t.data().dataType(), t.shape()));
    }

    public static Tensor onesLike(Tensor t) {
        if (t.dtype().isFloatingPoint()) return ones(t.dtype(), t.shape());
        return new Tensor(Nd4j.ones(t.data().dataType(), t.shape()));
    }

    /** A scalar (0-D) tensor. */
    public static Tensor scalar(double value) {
        return new Tensor(Small.rounded(defaultDType.nd4j(), new long[0], new double[] {value}));
    }

    /** A heap tensor of the given values (rounded to the type); the array is taken, not copied. */
    private static Tensor heap(DataType type, double[] values, long... shape) {
        return new Tensor(Small.rounded(type, shape.clone(), values));
    }

    // ---------------------------------------------------------------- recording

    /** Builds an op's output and, when grad mode is on and an input needs a gradient, the tape entry behind it. */
    static Tensor record(INDArray out, String op, Tensor[] inputs, Tensor[] saved, Node.Backward backward) {
        return record(out, op, inputs, saved, false, backward);
    }

    /** As {@link #record}, for ops whose gradient rule reads their own output (exp, sqrt, div...): the output is
     * saved too, so an in-place change to it before backward is refused instead of giving a wrong gradient. */
    static Tensor recordSavingOutput(INDArray out, String op, Tensor[] inputs, Tensor[] saved, Node.Backward backward) {
        return record(out, op, inputs, saved, true, backward);
    }

    private static Tensor record(INDArray out, String op, Tensor[] inputs, Tensor[] saved, boolean saveOutput, Node.Backward backward) {
        Tensor t = new Tensor(out);
        // A view (reshape, permute, slice...) changes with its input: one version counter for both.
        for (Tensor in : inputs) t.storage.shareVersionIfViewOf(in.storage);
        return attach(t, op, inputs, saved, saveOutput, backward, null);
    }

    /** As {@link #record}, for a heap op of {@link SmallOps}. */
    static Tensor recordSmall(Small out, String op, Tensor[] inputs, Tensor[] saved, boolean saveOutput, Node.SmallBackward backward) {
        return attach(new Tensor(out), op, inputs, saved, saveOutput, null, backward);
    }

    /** Gives t its tape entry (one of the two rules) when grad mode is on and an input needs a gradient. */
    private static Tensor attach(Tensor t, String op, Tensor[] inputs, Tensor[] saved, boolean saveOutput,
                                 Node.Backward backward, Node.SmallBackward smallBackward) {
        if (!GradMode.isEnabled()) return t;
        for (Tensor in : inputs) {
            if (in.requiresGrad) {
                t.requiresGrad = true;
                Tensor[] s = saved;
                if (saveOutput) {
                    s = java.util.Arrays.copyOf(saved, saved.length + 1);
                    s[saved.length] = t;
                }
                t.node = new Node(op, inputs, s, backward, smallBackward);
                break;
            }
        }
        return t;
    }

    /** Opens a scope where nothing is recorded, for evaluation and parameter updates. */
    public static GradMode noGrad() {
        return GradMode.set(false);
    }

    /** Opens a scope where recording is on again (inside a {@link #noGrad()} scope). */
    public static GradMode enableGrad() {
        return GradMode.set(true);
    }

    // ---------------------------------------------------------------- autograd state

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf tensor as one whose gradient should be computed; returns this tensor. */
    public Tensor requiresGrad(boolean value) {
        if (node != null && !value) {
            throw new IllegalStateException("requiresGrad(false) on a non-leaf tensor (output of '" + node.name()
                    + "'): use detach() instead");
        }
        if (value && !dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("only floating-point tensors can require gradients, this one is " + dtype());
        }
        requiresGrad = value;
        return this;
    }

    /** The accumulated gradient, or null before any backward pass reached this tensor. */
    public Tensor grad() {
        if (grad != null) gradHandedOut = true;
        return grad;
    }

    /**
     * The gradient's values (null without one), for optimizers and clipping, which read or update them during a
     * step. Unlike {@link #grad()} it hands out no tensor, so {@link #zeroGrad()} may give the memory to later
     * arrays: the array must not be kept past the step.
     */
    public INDArray gradArray() {
        return grad == null ? null : grad.data();
    }

    /** Replaces the gradient (used by optimizers' tests and by users who clip or edit gradients). */
    public void setGrad(Tensor g) {
        if (g != null && !java.util.Arrays.equals(g.shape(), shape())) {
            throw new ShapeException("setGrad: gradient shape " + Shapes.str(g.shape()) + " does not match tensor shape " + Shapes.str(shape()));
        }
        grad = g;
        gradHandedOut = g != null;
    }

    /**
     * Makes this leaf hold src's values (shape and dtype may differ), keeping the object itself, like PyTorch's
     * {@code t.data = src}: {@code Module.to} uses it so that an optimizer built before still updates the model.
     * An existing gradient is converted to the new dtype.
     */
    public void setData(Tensor src) {
        if (node != null) throw new IllegalStateException("setData on a non-leaf tensor (output of '" + node.name() + "')");
        if (requiresGrad && !src.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("setData: a tensor requiring grad needs floating-point data, got " + src.dtype());
        }
        storage = src.storage;
        if (grad != null) grad = java.util.Arrays.equals(grad.shape(), src.shape()) ? grad.detach().to(src.dtype()) : null;
    }

    /**
     * Forgets the accumulated gradient, like {@code x.grad = None}. A gradient nobody outside could see (never
     * handed out by {@link #grad()} or given by {@link #setGrad}) goes back to this thread's buffer pool, as torch's
     * caching allocator takes back a freed gradient: each step's parameter gradients were otherwise new native
     * memory, whose bookkeeping waits for the garbage collector (LeNet: 8 of a step's 20 native buffers).
     */
    public void zeroGrad() {
        Tensor g = grad;
        grad = null;
        if (g != null && !gradHandedOut && g.small() == null) {
            INDArray a = g.data();
            if (Engine.isDense(a) && a.data().length() == a.length() && a.data().offset() == 0) BufferPool.get().give(a);
        }
        gradHandedOut = false;
    }

    /** Keeps this non-leaf tensor's gradient after backward, like {@code retain_grad()}. */
    public Tensor retainGrad() {
        retainGrad = true;
        return this;
    }

    public boolean isLeaf() {
        return node == null;
    }

    /** The name of the op that produced this tensor, or null for a leaf. */
    public String gradFn() {
        return node == null ? null : node.name();
    }

    /** A tensor sharing the data but cut from the graph. */
    public Tensor detach() {
        return new Tensor(storage);
    }

    /** Back-propagates from this scalar, accumulating gradients into the leaves that require them. */
    public void backward() {
        Autograd.backward(this, null, false);
    }

    /** Back-propagates with an explicit upstream gradient of this tensor's shape. */
    public void backward(Tensor gradient) {
        Autograd.backward(this, gradient, false);
    }

    /** Back-propagates from this scalar and, with {@code retainGraph}, keeps the graph for another backward pass. */
    public void backward(boolean retainGraph) {
        Autograd.backward(this, null, retainGraph);
    }

    /** Back-propagates with an upstream gradient and, with {@code retainGraph}, keeps the graph for another pass. */
    public void backward(Tensor gradient, boolean retainGraph) {
        Autograd.backward(this, gradient, retainGraph);
    }

    /** Bumped by every in-place change; shared with detached aliases, which change the same values. */
    int version() {
        return storage.version();
    }

    /** Adds a gradient (an INDArray, or a {@link Small} for a tensor on the heap) into {@link #grad()}. */
    void accumulateGrad(Object gradient, boolean fresh) {
        Small mine = small();
        if (mine != null && (grad == null || grad.small() != null)) {
            // A heap tensor keeps a heap gradient, in its own dtype as in PyTorch.
            Small g = gradient instanceof Small s ? s : Small.of((INDArray) gradient);
            if (g.type != mine.type) {
                g = g.castTo(mine.type);
                fresh = true;
            }
            if (grad == null) grad = new Tensor(fresh ? g : g.copy());
            else {
                SmallOps.addInto(grad.small(), g);
                grad.storage.bump();
            }
            return;
        }
        INDArray g = gradient instanceof Small s ? s.toNd() : (INDArray) gradient;
        // A gradient has its tensor's dtype, as in PyTorch, even when a float64 operand promoted the forward pass.
        if (g.dataType() != data().dataType()) {
            g = g.castTo(data().dataType());
            fresh = true;
        }
        if (grad == null) grad = new Tensor(fresh || BufferPool.get().adopt(g) ? g : g.dup());
        else {
            grad.data().addi(g);
            grad.storage.bump();
        }
    }

    boolean retainsGrad() {
        return retainGrad;
    }

    // ---------------------------------------------------------------- metadata and export

    /** The underlying ND4J array (shared, not copied). */
    public INDArray array() {
        return data();
    }

    /** The shape, as a fresh array (ND4J hands out its internal one, which must never be modified). */
    public long[] shape() {
        return storage.shape().clone();
    }

    /** The size of one dimension (negative dims count from the end). */
    public long size(int dim) {
        return storage.shape()[Shapes.dim("size", dim, dim())];
    }

    public int dim() {
        return storage.shape().length;
    }

    public long numel() {
        return storage.length();
    }

    public DType dtype() {
        return DType.of(storage.dataType());
    }

    /** The value of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalStateException("item(): a tensor with " + numel() + " elements (shape " + Shapes.str(shape())
                    + ") cannot be converted to a scalar");
        }
        Small s = small();
        return s != null ? s.v[0] : data().getDouble(0);
    }

    /** The element at the given index (one entry per dimension). */
    public double get(long... index) {
        if (index.length != dim()) throw new IndexOutOfBoundsException("get: " + index.length + " indices for a tensor of rank " + dim());
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= data().size(i)) {
                throw new IndexOutOfBoundsException("get: index " + index[i] + " out of range for dimension " + i + " of size " + data().size(i));
            }
        }
        return data().getDouble(index);
    }

    /** All values in row-major order. */
    public double[] toDoubleArray() {
        Small s = small();
        if (s != null) return s.v.clone();
        INDArray d = data();
        // Floating-point arrays in one bulk copy (ND4J's asDouble reads element by element, after a copy).
        if (d.dataType() == DataType.FLOAT || d.dataType() == DataType.DOUBLE) return Engine.toDoubles(d);
        return d.dup('c').data().asDouble();
    }

    public float[] toFloatArray() {
        Small s = small();
        if (s != null) {
            float[] f = new float[s.v.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) s.v[i];
            return f;
        }
        return data().dup('c').data().asFloat();
    }

    public long[] toLongArray() {
        return data().castTo(DataType.INT64).dup('c').data().asLong();
    }

    /** A 2-D tensor as rows of doubles. */
    public double[][] toDoubleMatrix() {
        if (dim() != 2) throw new ShapeException("toDoubleMatrix: needs a 2-D tensor, got shape " + Shapes.str(shape()));
        return data().castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /** A copy converted to another element type (gradient flows for float-to-float casts). */
    public Tensor to(DType type) {
        if (type == dtype()) return this;
        if (type.isFloatingPoint() && dtype().isFloatingPoint()) {
            DataType back = data().dataType();
            return record(data().castTo(type.nd4j()), "to", new Tensor[] {this}, NONE, new Node.Backward() {
                @Override
                public INDArray[] apply(INDArray g) {
                    return new INDArray[] {g.castTo(back)};
                }
            });
        }
        return new Tensor(data().castTo(type.nd4j()));
    }

    public Tensor toDouble() {
        return to(DType.FLOAT64);
    }

    public Tensor toFloat() {
        return to(DType.FLOAT32);
    }

    public Tensor toLong() {
        return to(DType.INT64);
    }

    /** A copy of the data, recorded so that gradients flow through it (torch's clone). */
    public Tensor copy() {
        return record(data().dup('c'), "clone", new Tensor[] {this}, NONE, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                return new INDArray[] {g};
            }
        });
    }

    /** True when shapes match and every element satisfies |a-b| <= atol + rtol*|b|. */
    public boolean allClose(Tensor other, double rtol, double atol) {
        if (!java.util.Arrays.equals(shape(), other.shape())) return false;
        double[] a = toDoubleArray(), b = other.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= atol + rtol * Math.abs(b[i]))) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }

    // ---------------------------------------------------------------- maths (see Primitives for gradients)

    public Tensor add(Tensor o) { return Primitives.add(this, o); }
    public Tensor add(double c) { return Primitives.addScalar(this, c); }
    public Tensor sub(Tensor o) { return Primitives.sub(this, o); }
    public Tensor sub(double c) { return Primitives.addScalar(this, -c); }
    /** c - this. */
    public Tensor rsub(double c) { return Primitives.rsubScalar(this, c); }
    public Tensor mul(Tensor o) { return Primitives.mul(this, o); }
    public Tensor mul(double c) { return Primitives.mulScalar(this, c); }
    public Tensor div(Tensor o) { return Primitives.div(this, o); }
    public Tensor div(double c) { return Primitives.mulScalar(this, 1.0 / c); }
    /** c / this. */
    public Tensor rdiv(double c) { return Primitives.rdivScalar(this, c); }
    public Tensor neg() { return Primitives.mulScalar(this, -1); }
    public Tensor pow(double p) { return Primitives.powScalar(this, p); }
    public Tensor pow(Tensor p) { return Primitives.pow(this, p); }
    public Tensor square() { return Primitives.powScalar(this, 2); }
    public Tensor exp() { return Primitives.exp(this); }
    public Tensor log() { return Primitives.log(this); }
    /** log(1 + x), accurate for tiny x. */
    public Tensor log1p() { return Primitives.log1p(this); }
    public Tensor sqrt() { return Primitives.sqrt(this); }
    public Tensor abs() { return Primitives.abs(this); }
    public Tensor tanh() { return Primitives.tanh(this); }
    public Tensor sigmoid() { return Primitives.sigmoid(this); }
    public Tensor relu() { return Primitives.relu(this); }
    public Tensor leakyRelu(double negativeSlope) { return Primitives.leakyRelu(this, negativeSlope); }
    /** log(1 + exp(x)), computed stably as relu(x) + log1p(exp(-|x|)) (log1p keeps exp(x) for very negative x). */
    public Tensor softplus() { return relu().add(abs().neg().exp().log1p()); }
    public Tensor softmax(int dim) { return Primitives.softmax(this, dim); }
    public Tensor logSoftmax(int dim) { return Primitives.logSoftmax(this, dim); }
    public Tensor clamp(double min, double max) { return Primitives.clamp(this, min, max); }
    public Tensor clampMin(double min) { return Primitives.clamp(this, min, Double.POSITIVE_INFINITY); }
    public Tensor matmul(Tensor o) { return Primitives.matmul(this, o); }

    /** x W^T + b with W of shape [out, in] (PyTorch's layout, F.linear); bias may be null. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) { return Primitives.linear(x, weight, bias); }

    /**
     * One fused LSTM layer over a sequence ([T, N, in], or [N, T, in] when batchFirst) with PyTorch's weights
     * ([4H, in], [4H, H], gates i, f, g, o; biases may both be null) from states h0, c0 [N, H]: returns
     * {hidden states in x's layout, last hidden state, last cell state}. Used by {@code nn.LSTM}.
     */
    public static Tensor[] lstmLayer(Tensor x, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, Tensor h0, Tensor c0, boolean batchFirst) {
        return RecurrentPrimitives.lstm(x, wih, whh, bih, bhh, h0, c0, batchFirst);
    }

    /** Element-wise {@code cond ? a : b} with broadcasting. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (cond.dtype() != DType.BOOL) throw new IllegalArgumentException("where: condition must be a bool tensor, got " + cond.dtype());
        return Primitives.where(cond, a, b);
    }

    // ---------------------------------------------------------------- reductions

    public Tensor sum() { return Primitives.sum(this, new int[0], false); }
    public Tensor sum(int dim) { return Primitives.sum(this, new int[] {dim}, false); }
    public Tensor sum(int dim, boolean keepDim) { return Primitives.sum(this, new int[] {dim}, keepDim); }
    public Tensor sum(int[] dims, boolean keepDim) { return Primitives.sum(this, dims, keepDim); }
    public Tensor mean() { return Primitives.mean(this, new int[0], false); }
    public Tensor mean(int dim) { return Primitives.mean(this, new int[] {dim}, false); }
    public Tensor mean(int dim, boolean keepDim) { return Primitives.mean(this, new int[] {dim}, keepDim); }
    public Tensor mean(int[] dims, boolean keepDim) { return Primitives.mean(this, dims, keepDim); }
    public Tensor max() { return Primitives.extreme(this, new int[0], false, true); }
    public Tensor max(int dim) { return Primitives.extreme(this, new int[] {dim}, false, true); }
    public Tensor max(int dim, boolean keepDim) { return Primitives.extreme(this, new int[] {dim}, keepDim, true); }
    public Tensor min() { return Primitives.extreme(this, new int[0], false, false); }
    public Tensor min(int dim) { return Primitives.extreme(this, new int[] {dim}, false, false); }
    public Tensor min(int dim, boolean keepDim) { return Primitives.extreme(this, new int[] {dim}, keepDim, false); }

    /** Variance over a dimension (unbiased = Bessel's correction, as torch.var's default). */
    public Tensor var(int dim, boolean unbiased, boolean keepDim) {
        long n = size(dim);
        Tensor centered = sub(mean(dim, true));
        return centered.square().sum(dim, keepDim).div(unbiased ? n - 1 : n);
    }

    /** Index of the largest element of the flattened tensor, as int64 scalar. */
    public Tensor argmax() {
        return new Tensor(Nd4j.scalar(DataType.INT64, data().dup('c').reshape(-1).argMax().getLong(0)));
    }

    /** Indices of the largest elements along a dimension, as int64. */
    public Tensor argmax(int dim) {
        return new Tensor(data().argMax(Shapes.dim("argmax", dim, dim())).castTo(DataType.INT64));
    }

    public Tensor argmin(int dim) {
        return new Tensor(Nd4j.argMin(data(), Shapes.dim("argmin", dim, dim())).castTo(DataType.INT64));
    }

    // ---------------------------------------------------------------- comparisons (bool results, no gradient)

    public Tensor gt(double c) { return new Tensor(data().gt(c)); }
    public Tensor lt(double c) { return new Tensor(data().lt(c)); }
    public Tensor ge(double c) { return new Tensor(data().gte(c)); }
    public Tensor le(double c) { return new Tensor(data().lte(c)); }
    public Tensor eq(double c) { return new Tensor(data().eq(c)); }
    public Tensor ne(double c) { return new Tensor(data().neq(c)); }
    public Tensor gt(Tensor o) { return compare("greater", "gt", o); }
    public Tensor lt(Tensor o) { return compare("less", "lt", o); }
    public Tensor ge(Tensor o) { return compare("greater_equal", "ge", o); }
    public Tensor le(Tensor o) { return compare("less_equal", "le", o); }
    public Tensor eq(Tensor o) { return compare("equals", "eq", o); }
    public Tensor ne(Tensor o) { return compare("not_equals", "ne", o); }

    private Tensor compare(String nativeName, String op, Tensor o) {
        return new Tensor(Engine.compare(nativeName, op, data(), o.data()));
    }

    /** Number of true (non-zero) elements. */
    public long countNonZero() {
        return data().castTo(DataType.DOUBLE).neq(0).castTo(DataType.INT64).sumNumber().longValue();
    }

    // ---------------------------------------------------------------- shape and indexing

    public Tensor reshape(long... shape) { return Primitives.reshape(this, shape); }
    /** Same as {@link #reshape}: gradnote copies non-contiguous data when needed, so views never fail. */
    public Tensor view(long... shape) { return Primitives.reshape(this, shape); }
    public Tensor flatten() { return reshape(-1); }

    /** Flattens dimensions startDim..end into one, e.g. flatten(1) turns [N, C, H, W] into [N, C*H*W]. */
    public Tensor flatten(int startDim) {
        int s = Shapes.dim("flatten", startDim, dim());
        long[] in = shape(), out = new long[s + 1];
        System.arraycopy(in, 0, out, 0, s);
        out[s] = -1;
        return reshape(out);
    }

    public Tensor permute(int... order) { return Primitives.permute(this, order); }

    public Tensor transpose(int d0, int d1) {
        int n = dim(), a = Shapes.dim("transpose", d0, n), b = Shapes.dim("transpose", d1, n);
        int[] order = Primitives.allDims(n);
        order[a] = b;
        order[b] = a;
        return permute(order);
    }

    /** The transpose of a matrix (or a vector unchanged). */
    public Tensor t() {
        if (dim() > 2) throw new ShapeException("t(): expects a tensor with <= 2 dimensions, got shape " + Shapes.str(shape()));
        return dim() < 2 ? this : transpose(0, 1);
    }

    /** Removes all dimensions of size 1. */
    public Tensor squeeze() {
        long[] s = shape();
        return reshape(java.util.Arrays.stream(s).filter(d -> d != 1).toArray());
    }

    /** Removes one dimension if it has size 1. */
    public Tensor squeeze(int dim) {
        int d = Shapes.dim("squeeze", dim, dim());
        long[] s = shape();
        if (s[d] != 1) return this;
        long[] out = new long[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) if (i != d) out[j++] = s[i];
        return reshape(out);
    }

    /** Inserts a dimension of size 1 at the given position (dim() + 1 positions are valid). */
    public Tensor unsqueeze(int dim) {
        int n = dim() + 1;
        int d = Shapes.dim("unsqueeze", dim, n);
        long[] s = shape(), out = new long[n];
        for (int i = 0, j = 0; i < n; i++) out[i] = i == d ? 1 : s[j++];
        return reshape(out);
    }

    /** Repeats size-1 dimensions to the given shape (gradients are summed back). */
    public Tensor expand(long... shape) {
        Engine.broadcastShape("expand", shape(), shape);
        return add(zeros(dtype(), shape));
    }

    /**
     * Elements start..end-1 along a dimension (negative indices count from the end). Unlike PyTorch's slicing this
     * is a copy, not a view: an in-place change to the slice leaves this tensor unchanged.
     */
    public Tensor slice(int dim, long start, long end) { return Primitives.slice(this, dim, start, end, 1); }
    public Tensor slice(int dim, long start, long end, long step) { return Primitives.slice(this, dim, start, end, step); }

    /** The sub-tensor at one index of a dimension, which disappears (like {@code x[:, i]}). */
    public Tensor select(int dim, long index) {
        int d = Shapes.dim("select", dim, dim());
        long size = shape()[d];
        long i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("select: index " + index + " out of range for dimension " + d + " of size " + size);
        return slice(d, i, i + 1).squeeze(d);
    }

    public Tensor indexSelect(int dim, Tensor index) { return Primitives.indexSelect(this, dim, index); }

    /** indexSelect with the indices given as Java ints, like {@code x.index_select(dim, torch.tensor(indices))}. */
    public Tensor indexSelect(int dim, int... indices) { return Primitives.indexSelect(this, dim, indices); }
    public Tensor gather(int dim, Tensor index) { return Primitives.gather(this, dim, index); }

    /** Rows picked by a boolean mask over the first dimension. */
    public Tensor maskedSelectRows(Tensor mask) {
        long[] ids = java.util.stream.IntStream.range(0, (int) mask.numel())
                .filter(i -> mask.data().getDouble(i) != 0).asLongStream().toArray();
        return indexSelect(0, of(ids));
    }

    /** One-hot encoding of int64 class indices into {@code numClasses} columns (default float type). */
    public Tensor oneHot(int numClasses) {
        INDArray idx = data().castTo(DataType.INT64);
        if (data().length() > 0) {
            long lo = idx.minNumber().longValue(), hi = idx.maxNumber().longValue();
            if (lo < 0 || hi >= numClasses) throw new IndexOutOfBoundsException("oneHot: class " + (lo < 0 ? lo : hi)
                    + " out of range for " + numClasses + " classes");
        }
        long[] s = java.util.Arrays.copyOf(shape(), dim() + 1);
        s[dim()] = numClasses;
        INDArray out = Engine.empty(defaultDType.nd4j(), s);
        Engine.exec("onehot", new INDArray[] {idx}, new INDArray[] {out}, new long[] {-1, numClasses}, null, new double[] {1.0, 0.0});
        return new Tensor(out);
    }

    public static Tensor cat(List<Tensor> parts, int dim) { return Primitives.cat(parts.toArray(NONE), dim); }
    public static Tensor cat(int dim, Tensor... parts) { return Primitives.cat(parts, dim); }

    /** Stacks same-shaped tensors along a new dimension. */
    public static Tensor stack(List<Tensor> parts, int dim) {
        if (parts.isEmpty()) throw new IllegalArgumentException("stack: needs at least one tensor");
        Tensor[] us = new Tensor[parts.size()];
        for (int i = 0; i < us.length; i++) {
            if (!java.util.Arrays.equals(parts.get(i).shape(), parts.get(0).shape())) {
                throw new ShapeException("stack: tensor " + i + " has shape " + Shapes.str(parts.get(i).shape())
                        + " but tensor 0 has shape " + Shapes.str(parts.get(0).shape()));
            }
            us[i] = parts.get(i).unsqueeze(dim);
        }
        return Primitives.cat(us, dim < 0 ? dim : dim);
    }

    public static Tensor stack(int dim, Tensor... parts) { return stack(List.of(parts), dim); }

    // ---------------------------------------------------------------- in-place updates

    /** this += o, in place (allowed on leaves requiring grad only inside {@link #noGrad()}). */
    public Tensor add_(Tensor o) { checkInPlace("add_"); data().addi(broadcastTo(o)); storage.bump(); return this; }
    public Tensor add_(double c) { checkInPlace("add_"); data().addi(c); storage.bump(); return this; }
    public Tensor sub_(Tensor o) {
        checkInPlace("sub_");
        INDArray d = data(), src = o.data();
        // The optimizers' update of every parameter and step: a cached native op when nothing needs broadcasting or
        // casting (INDArray.subi builds its op on the Java side each call).
        if (src.dataType() == d.dataType() && java.util.Arrays.equals(src.shape(), d.shape()) && Engine.isDense(d) && Engine.isDense(src)) {
            if (!Engine.subtractSmall(d, src)) Engine.exec("subtract", new INDArray[] {d, src}, d);
        } else d.subi(broadcastTo(o));
        storage.bump();
        return this;
    }
    public Tensor mul_(Tensor o) { checkInPlace("mul_"); data().muli(broadcastTo(o)); storage.bump(); return this; }
    public Tensor mul_(double c) { checkInPlace("mul_"); data().muli(c); storage.bump(); return this; }
    public Tensor zero_() { checkInPlace("zero_"); data().assign(0); storage.bump(); return this; }
    public Tensor fill_(double c) { checkInPlace("fill_"); data().assign(c); storage.bump(); return this; }

    /** Copies another tensor's values into this one (shapes must match). */
    public Tensor copy_(Tensor src) {
        checkInPlace("copy_");
        if (!java.util.Arrays.equals(shape(), src.shape())) {
            throw new ShapeException("copy_: source shape " + Shapes.str(src.shape()) + " does not match destination shape " + Shapes.str(shape()));
        }
        data().assign(src.data());
        storage.bump();
        return this;
    }

    private INDArray broadcastTo(Tensor o) {
        long[] s = Engine.broadcastShape("in-place op", shape(), o.shape());
        if (!java.util.Arrays.equals(s, shape())) {
            throw new ShapeException("in-place op: result shape " + Shapes.str(s) + " does not fit destination shape " + Shapes.str(shape()));
        }
        INDArray src = Engine.cast(o.data(), data().dataType());
        return java.util.Arrays.equals(o.shape(), shape()) ? src : Primitives.expand(src, shape());
    }

    private void checkInPlace(String op) {
        if (GradMode.isEnabled() && requiresGrad && node == null) {
            throw new IllegalStateException(op + ": a leaf tensor that requires grad (shape " + Shapes.str(shape())
                    + ") is being used in an in-place operation; do it inside Tensor.noGrad()");
        }
    }
}
