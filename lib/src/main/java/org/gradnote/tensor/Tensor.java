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

    /**
     * A new tensor of the given shape filled with zeros, in the default dtype (float32 unless {@link #setDefaultDType}
     * changed it), like {@code torch.zeros(*shape)}.
     */
    public static Tensor zeros(long... shape) {
        return zeros(defaultDType, shape);
    }

    /** A new tensor of the given shape and dtype filled with zeros, like {@code torch.zeros(*shape, dtype=type)}. */
    public static Tensor zeros(DType type, long... shape) {
        if (Small.fits(type.nd4j(), Shapes.numel(shape))) return new Tensor(Small.filled(type.nd4j(), shape.clone(), 0));
        return new Tensor(Nd4j.zeros(type.nd4j(), shape));
    }

    /**
     * A new tensor of the given shape filled with ones, in the default dtype (float32 unless changed), like {@code
     * torch.ones(*shape)}.
     */
    public static Tensor ones(long... shape) {
        return ones(defaultDType, shape);
    }

    /** A new tensor of the given shape and dtype filled with ones, like {@code torch.ones(*shape, dtype=type)}. */
    public static Tensor ones(DType type, long... shape) {
        if (Small.fits(type.nd4j(), Shapes.numel(shape))) return new Tensor(Small.filled(type.nd4j(), shape.clone(), 1));
        return new Tensor(Nd4j.ones(type.nd4j(), shape));
    }

    /**
     * A new tensor of the given shape with every element equal to {@code value}, in the default dtype, like {@code
     * torch.full(shape, value)}.
     */
    public static Tensor full(double value, long... shape) {
        return full(defaultDType, value, shape);
    }

    /**
     * A new tensor of the given shape and dtype with every element equal to {@code value} (cast to the dtype), like
     * {@code torch.full(shape, value, dtype=type)}.
     */
    public static Tensor full(DType type, double value, long... shape) {
        if (Small.fits(type.nd4j(), Shapes.numel(shape))) return new Tensor(Small.filled(type.nd4j(), shape.clone(), value));
        return new Tensor(Nd4j.valueArrayOf(shape, value, type.nd4j()));
    }

    /** Uniform values in [0, 1), drawn from gradnote's seeded generator ({@link Gradnote#seed}). */
    public static Tensor rand(long... shape) {
        return rand(defaultDType, shape);
    }

    /**
     * Uniform values in [0, 1) of the given dtype and shape, drawn from gradnote's seeded generator, like {@code
     * torch.rand(*shape, dtype=type)}.
     */
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

    /**
     * Standard normal values (mean 0, standard deviation 1) of the given dtype and shape, drawn from gradnote's seeded
     * generator, like {@code torch.randn(*shape, dtype=type)}.
     */
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
        return new Tensor(Nd4j.arange(0, end).castTo(DataType.LONG));
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

    /** Zeros with the shape and dtype of {@code t}, like {@code torch.zeros_like(t)}. */
    public static Tensor zerosLike(Tensor t) {
        if (t.dtype().isFloatingPoint()) return zeros(t.dtype(), t.shape());
        return new Tensor(Nd4j.zeros(t.data().dataType(), t.shape()));
    }

    /** Ones with the shape and dtype of {@code t}, like {@code torch.ones_like(t)}. */
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

    /**
     * Whether autograd records the operations applied to this tensor, so that {@link #backward()} computes a gradient
     * for it ({@code x.requires_grad}).
     */
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

    /**
     * Whether this tensor was created by the user (a factory or a parameter) rather than computed by a recorded
     * operation; only leaves keep their {@link #grad()} ({@code x.is_leaf}).
     */
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

    /** The number of dimensions: 0 for a scalar, 2 for a matrix ({@code x.dim()}). */
    public int dim() {
        return storage.shape().length;
    }

    /**
     * The number of elements, the product of the shape's sizes (1 for a scalar, 0 for an empty tensor), like {@code
     * x.numel()}.
     */
    public long numel() {
        return storage.length();
    }

    /** The element type: float32, float64, int64, int32 or bool ({@code x.dtype}). */
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

    /**
     * The values as a new float array in row-major (C) order, converted from the tensor's dtype; a copy, not a view.
     */
    public float[] toFloatArray() {
        Small s = small();
        if (s != null) {
            float[] f = new float[s.v.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) s.v[i];
            return f;
        }
        return data().dup('c').data().asFloat();
    }

    /** The values as a new long array in row-major (C) order, converted to int64; a copy, not a view. */
    public long[] toLongArray() {
        return data().castTo(DataType.LONG).dup('c').data().asLong();
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

    /**
     * A float64 copy of this tensor ({@code x.double()}); the gradient flows back through the cast from a float type.
     */
    public Tensor toDouble() {
        return to(DType.FLOAT64);
    }

    /**
     * A float32 copy of this tensor ({@code x.float()}); the gradient flows back through the cast from a float type.
     */
    public Tensor toFloat() {
        return to(DType.FLOAT32);
    }

    /** An int64 copy of this tensor ({@code x.long()}); integer results carry no gradient. */
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

    /**
     * Element-wise {@code this + o} with numpy broadcasting (shapes [2, 3] and [3] give [2, 3]) and PyTorch's dtype
     * promotion, like {@code torch.add}.
     */
    public Tensor add(Tensor o) { return Primitives.add(this, o); }
    /** Adds a scalar to every element ({@code x + c}); the result keeps this tensor's shape and float dtype. */
    public Tensor add(double c) { return Primitives.addScalar(this, c); }
    /** Element-wise {@code this - o} with numpy broadcasting and PyTorch's dtype promotion, like {@code torch.sub}. */
    public Tensor sub(Tensor o) { return Primitives.sub(this, o); }
    /** Subtracts a scalar from every element ({@code x - c}); the result keeps this tensor's shape. */
    public Tensor sub(double c) { return Primitives.addScalar(this, -c); }
    /** c - this. */
    public Tensor rsub(double c) { return Primitives.rsubScalar(this, c); }
    /**
     * Element-wise product {@code this * o} with numpy broadcasting (not a matrix product: see {@link #matmul}), like
     * {@code torch.mul}.
     */
    public Tensor mul(Tensor o) { return Primitives.mul(this, o); }
    /** Multiplies every element by a scalar ({@code x * c}); the result keeps this tensor's shape. */
    public Tensor mul(double c) { return Primitives.mulScalar(this, c); }
    /**
     * Element-wise division {@code this / o} with numpy broadcasting and PyTorch's dtype promotion ({@code torch.div});
     * x / 0 gives +-inf, 0 / 0 NaN.
     */
    public Tensor div(Tensor o) { return Primitives.div(this, o); }
    /** Divides every element by a scalar ({@code x / c}); dividing by 0 gives +-inf or NaN as in PyTorch. */
    public Tensor div(double c) { return Primitives.mulScalar(this, 1.0 / c); }
    /** c / this. */
    public Tensor rdiv(double c) { return Primitives.rdivScalar(this, c); }
    /** The element-wise negation {@code -x}, same shape and dtype. */
    public Tensor neg() { return Primitives.mulScalar(this, -1); }
    /**
     * Each element raised to the power {@code p} ({@code x ** p}); negative bases with a fractional power give NaN, as
     * in PyTorch.
     */
    public Tensor pow(double p) { return Primitives.powScalar(this, p); }
    /** Element-wise {@code this ** p} with numpy broadcasting of the exponents, like {@code torch.pow(x, p)}. */
    public Tensor pow(Tensor p) { return Primitives.pow(this, p); }
    /** The element-wise square {@code x ** 2}, same shape, like {@code torch.square}. */
    public Tensor square() { return Primitives.powScalar(this, 2); }
    /** The element-wise exponential e^x, same shape (overflows to +inf for large x), like {@code torch.exp}. */
    public Tensor exp() { return Primitives.exp(this); }
    /** The element-wise natural logarithm: -inf at 0 and NaN for negative values, as {@code torch.log}. */
    public Tensor log() { return Primitives.log(this); }
    /** log(1 + x), accurate for tiny x. */
    public Tensor log1p() { return Primitives.log1p(this); }
    /** The element-wise square root (NaN for negative values), like {@code torch.sqrt}. */
    public Tensor sqrt() { return Primitives.sqrt(this); }
    /** The element-wise absolute value |x|, same shape and dtype, like {@code torch.abs}. */
    public Tensor abs() { return Primitives.abs(this); }
    /** The element-wise hyperbolic tangent, values in (-1, 1), like {@code torch.tanh}. */
    public Tensor tanh() { return Primitives.tanh(this); }
    /** The element-wise logistic function 1 / (1 + e^-x), values in (0, 1), like {@code torch.sigmoid}. */
    public Tensor sigmoid() { return Primitives.sigmoid(this); }
    /** The element-wise rectifier max(x, 0), like {@code torch.relu}. */
    public Tensor relu() { return Primitives.relu(this); }
    /**
     * The element-wise leaky rectifier: x where x > 0, else {@code negativeSlope * x}, like {@code F.leaky_relu(x,
     * negative_slope)}.
     */
    public Tensor leakyRelu(double negativeSlope) { return Primitives.leakyRelu(this, negativeSlope); }
    /** log(1 + exp(x)), computed stably as relu(x) + log1p(exp(-|x|)) (log1p keeps exp(x) for very negative x). */
    public Tensor softplus() { return relu().add(abs().neg().exp().log1p()); }
    /**
     * Softmax along dimension {@code dim} (negative counts from the end): exponentials normalised to sum to 1 along it,
     * computed stably, like {@code torch.softmax(x, dim)}.
     */
    public Tensor softmax(int dim) { return Primitives.softmax(this, dim); }
    /**
     * The logarithm of {@link #softmax} along {@code dim}, computed stably as x - logsumexp(x), like {@code
     * torch.log_softmax(x, dim)}.
     */
    public Tensor logSoftmax(int dim) { return Primitives.logSoftmax(this, dim); }
    /**
     * Each element limited to [min, max], like {@code torch.clamp(x, min, max)}; the gradient is 1 inside the range and
     * 0 outside.
     */
    public Tensor clamp(double min, double max) { return Primitives.clamp(this, min, max); }
    /** Each element limited from below by {@code min} ({@code torch.clamp(x, min=min)}). */
    public Tensor clampMin(double min) { return Primitives.clamp(this, min, Double.POSITIVE_INFINITY); }
    /**
     * Matrix product as {@code torch.matmul} ({@code x @ o}): [n, k] x [k, m] gives [n, m], 1-D operands are promoted
     * to a row or column and dropped after, and leading batch dimensions broadcast.
     */
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

    /** The sum of all elements as a 0-dimensional tensor ({@code x.sum()}). */
    public Tensor sum() { return Primitives.sum(this, new int[0], false); }
    /**
     * Sums along dimension {@code dim} (negative counts from the end), which disappears: [2, 3].sum(1) has shape [2]
     * ({@code x.sum(dim)}).
     */
    public Tensor sum(int dim) { return Primitives.sum(this, new int[] {dim}, false); }
    /** Sums along {@code dim}, keeping it with size 1 when {@code keepDim} ({@code x.sum(dim, keepdim=keepDim)}). */
    public Tensor sum(int dim, boolean keepDim) { return Primitives.sum(this, new int[] {dim}, keepDim); }
    /**
     * Sums over several dimensions at once, keeping them with size 1 when {@code keepDim} ({@code x.sum(dims,
     * keepdim=keepDim)}).
     */
    public Tensor sum(int[] dims, boolean keepDim) { return Primitives.sum(this, dims, keepDim); }
    /** The mean of all elements as a 0-dimensional tensor ({@code x.mean()}). */
    public Tensor mean() { return Primitives.mean(this, new int[0], false); }
    /** The mean along dimension {@code dim}, which disappears: [2, 3].mean(0) has shape [3] ({@code x.mean(dim)}). */
    public Tensor mean(int dim) { return Primitives.mean(this, new int[] {dim}, false); }
    /**
     * The mean along {@code dim}, keeping it with size 1 when {@code keepDim} ({@code x.mean(dim, keepdim=keepDim)}).
     */
    public Tensor mean(int dim, boolean keepDim) { return Primitives.mean(this, new int[] {dim}, keepDim); }
    /** The mean over several dimensions at once, keeping them with size 1 when {@code keepDim}. */
    public Tensor mean(int[] dims, boolean keepDim) { return Primitives.mean(this, dims, keepDim); }
    /** The largest element as a 0-dimensional tensor ({@code x.max()}); an empty tensor has none and is refused. */
    public Tensor max() { return Primitives.extreme(this, new int[0], false, true); }
    /**
     * The largest values along {@code dim}, which disappears (values only, as {@code torch.amax(x, dim)}; see {@link
     * #argmax(int)} for the indices).
     */
    public Tensor max(int dim) { return Primitives.extreme(this, new int[] {dim}, false, true); }
    /**
     * The largest values along {@code dim}, kept with size 1 when {@code keepDim} ({@code torch.amax(x, dim,
     * keepdim)}).
     */
    public Tensor max(int dim, boolean keepDim) { return Primitives.extreme(this, new int[] {dim}, keepDim, true); }
    /** The smallest element as a 0-dimensional tensor ({@code x.min()}); an empty tensor has none and is refused. */
    public Tensor min() { return Primitives.extreme(this, new int[0], false, false); }
    /**
     * The smallest values along {@code dim}, which disappears (values only, as {@code torch.amin(x, dim)}; see {@link
     * #argmin(int)} for the indices).
     */
    public Tensor min(int dim) { return Primitives.extreme(this, new int[] {dim}, false, false); }
    /**
     * The smallest values along {@code dim}, kept with size 1 when {@code keepDim} ({@code torch.amin(x, dim,
     * keepdim)}).
     */
    public Tensor min(int dim, boolean keepDim) { return Primitives.extreme(this, new int[] {dim}, keepDim, false); }

    /** Variance over a dimension (unbiased = Bessel's correction, as torch.var's default). */
    public Tensor var(int dim, boolean unbiased, boolean keepDim) {
        long n = size(dim);
        Tensor centered = sub(mean(dim, true));
        return centered.square().sum(dim, keepDim).div(unbiased ? n - 1 : n);
    }

    /** Index of the largest element of the flattened tensor, as int64 scalar. */
    public Tensor argmax() {
        return new Tensor(Nd4j.scalar(DataType.LONG, data().dup('c').reshape(-1).argMax().getLong(0)));
    }

    /** Indices of the largest elements along a dimension, as int64. */
    public Tensor argmax(int dim) {
        return new Tensor(data().argMax(Shapes.dim("argmax", dim, dim())).castTo(DataType.LONG));
    }

    /** Indices of the smallest elements along a dimension, as int64, the dimension removed ({@code x.argmin(dim)}). */
    public Tensor argmin(int dim) {
        return new Tensor(Nd4j.argMin(data(), Shapes.dim("argmin", dim, dim())).castTo(DataType.LONG));
    }

    // ---------------------------------------------------------------- comparisons (bool results, no gradient)

    /** Element-wise {@code this > c} as a bool tensor of the same shape ({@code x > c}). */
    public Tensor gt(double c) { return new Tensor(data().gt(c)); }
    /** Element-wise {@code this < c} as a bool tensor of the same shape ({@code x < c}). */
    public Tensor lt(double c) { return new Tensor(data().lt(c)); }
    /** Element-wise {@code this >= c} as a bool tensor of the same shape ({@code x >= c}). */
    public Tensor ge(double c) { return new Tensor(data().gte(c)); }
    /** Element-wise {@code this <= c} as a bool tensor of the same shape ({@code x <= c}). */
    public Tensor le(double c) { return new Tensor(data().lte(c)); }
    /** Element-wise {@code this == c} as a bool tensor of the same shape ({@code x == c}); NaN equals nothing. */
    public Tensor eq(double c) { return new Tensor(data().eq(c)); }
    /**
     * Element-wise {@code this != c} as a bool tensor of the same shape ({@code x != c}); NaN differs from everything.
     */
    public Tensor ne(double c) { return new Tensor(data().neq(c)); }
    /** Element-wise {@code this > o} with numpy broadcasting, as a bool tensor ({@code torch.gt}). */
    public Tensor gt(Tensor o) { return compare("greater", "gt", o); }
    /** Element-wise {@code this < o} with numpy broadcasting, as a bool tensor ({@code torch.lt}). */
    public Tensor lt(Tensor o) { return compare("less", "lt", o); }
    /** Element-wise {@code this >= o} with numpy broadcasting, as a bool tensor ({@code torch.ge}). */
    public Tensor ge(Tensor o) { return compare("greater_equal", "ge", o); }
    /** Element-wise {@code this <= o} with numpy broadcasting, as a bool tensor ({@code torch.le}). */
    public Tensor le(Tensor o) { return compare("less_equal", "le", o); }
    /** Element-wise {@code this == o} with numpy broadcasting, as a bool tensor ({@code torch.eq}). */
    public Tensor eq(Tensor o) { return compare("equals", "eq", o); }
    /** Element-wise {@code this != o} with numpy broadcasting, as a bool tensor ({@code torch.ne}). */
    public Tensor ne(Tensor o) { return compare("not_equals", "ne", o); }

    private Tensor compare(String nativeName, String op, Tensor o) {
        return new Tensor(Engine.compare(nativeName, op, data(), o.data()));
    }

    /** Number of true (non-zero) elements. */
    public long countNonZero() {
        return data().castTo(DataType.DOUBLE).neq(0).castTo(DataType.LONG).sumNumber().longValue();
    }

    // ---------------------------------------------------------------- shape and indexing

    /**
     * The same elements in row-major order with a new shape of equal element count; one size may be -1 and is inferred:
     * [2, 6].reshape(3, -1) has shape [3, 4] ({@code x.reshape}).
     */
    public Tensor reshape(long... shape) { return Primitives.reshape(this, shape); }
    /** Same as {@link #reshape}: gradnote copies non-contiguous data when needed, so views never fail. */
    public Tensor view(long... shape) { return Primitives.reshape(this, shape); }
    /** The elements as one dimension in row-major order: shape [numel] ({@code x.flatten()}). */
    public Tensor flatten() { return reshape(-1); }

    /** Flattens dimensions startDim..end into one, e.g. flatten(1) turns [N, C, H, W] into [N, C*H*W]. */
    public Tensor flatten(int startDim) {
        int s = Shapes.dim("flatten", startDim, dim());
        long[] in = shape(), out = new long[s + 1];
        System.arraycopy(in, 0, out, 0, s);
        out[s] = -1;
        return reshape(out);
    }

    /**
     * The dimensions reordered: result dimension i is this tensor's dimension {@code order[i]}, so [2, 3, 4].permute(2,
     * 0, 1) has shape [4, 2, 3] ({@code x.permute}).
     */
    public Tensor permute(int... order) { return Primitives.permute(this, order); }

    /**
     * Dimensions {@code d0} and {@code d1} swapped (negative counts from the end): [2, 3].transpose(0, 1) has shape [3,
     * 2] ({@code x.transpose(d0, d1)}).
     */
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
    /**
     * Every {@code step}-th element from start to end-1 along a dimension, as {@code x[start:end:step]} on that
     * dimension (a copy, not a view).
     */
    public Tensor slice(int dim, long start, long end, long step) { return Primitives.slice(this, dim, start, end, step); }

    /** The sub-tensor at one index of a dimension, which disappears (like {@code x[:, i]}). */
    public Tensor select(int dim, long index) {
        int d = Shapes.dim("select", dim, dim());
        long size = shape()[d];
        long i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("select: index " + index + " out of range for dimension " + d + " of size " + size);
        return slice(d, i, i + 1).squeeze(d);
    }

    /**
     * The entries at the given int64 indices along {@code dim}, in that order (repeats allowed): the dimension gets
     * size index.numel() ({@code torch.index_select(x, dim, index)}).
     */
    public Tensor indexSelect(int dim, Tensor index) { return Primitives.indexSelect(this, dim, index); }

    /** indexSelect with the indices given as Java ints, like {@code x.index_select(dim, torch.tensor(indices))}. */
    public Tensor indexSelect(int dim, int... indices) { return Primitives.indexSelect(this, dim, indices); }
    /**
     * Values picked along {@code dim} by an int64 index of the same rank: out[i][j] = x[index[i][j]][j] for dim 0,
     * shape of {@code index} ({@code torch.gather(x, dim, index)}).
     */
    public Tensor gather(int dim, Tensor index) { return Primitives.gather(this, dim, index); }

    /** Rows picked by a boolean mask over the first dimension. */
    public Tensor maskedSelectRows(Tensor mask) {
        long[] ids = java.util.stream.IntStream.range(0, (int) mask.numel())
                .filter(i -> mask.data().getDouble(i) != 0).asLongStream().toArray();
        return indexSelect(0, of(ids));
    }

    /** One-hot encoding of int64 class indices into {@code numClasses} columns (default float type). */
    public Tensor oneHot(int numClasses) {
        INDArray idx = data().castTo(DataType.LONG);
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

    /**
     * Concatenates tensors along an existing dimension; all other sizes must match: [2, 3] and [4, 3] along 0 give [6,
     * 3] ({@code torch.cat(parts, dim)}).
     */
    public static Tensor cat(List<Tensor> parts, int dim) { return Primitives.cat(parts.toArray(NONE), dim); }
    /** Concatenates tensors along dimension {@code dim}, as {@link #cat(List, int)}. */
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

    /**
     * Stacks same-shaped tensors along a new dimension {@code dim}: three [2, 3] tensors along 0 give [3, 2, 3] ({@code
     * torch.stack(parts, dim)}).
     */
    public static Tensor stack(int dim, Tensor... parts) { return stack(List.of(parts), dim); }

    // ---------------------------------------------------------------- in-place updates

    /** this += o, in place (allowed on leaves requiring grad only inside {@link #noGrad()}). */
    public Tensor add_(Tensor o) { checkInPlace("add_"); data().addi(broadcastTo(o)); storage.bump(); return this; }
    /**
     * Adds a scalar to every element in place and returns this tensor ({@code x.add_(c)}); refused on a leaf that
     * requires grad outside {@link #noGrad()}.
     */
    public Tensor add_(double c) { checkInPlace("add_"); data().addi(c); storage.bump(); return this; }
    /**
     * this -= o, in place, {@code o} broadcast to this tensor's shape ({@code x.sub_(o)}); refused on a leaf that
     * requires grad outside {@link #noGrad()}.
     */
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
    /** this *= o element-wise, in place, {@code o} broadcast to this tensor's shape ({@code x.mul_(o)}). */
    public Tensor mul_(Tensor o) { checkInPlace("mul_"); data().muli(broadcastTo(o)); storage.bump(); return this; }
    /** Multiplies every element by a scalar in place and returns this tensor ({@code x.mul_(c)}). */
    public Tensor mul_(double c) { checkInPlace("mul_"); data().muli(c); storage.bump(); return this; }
    /** Sets every element to 0 in place and returns this tensor ({@code x.zero_()}). */
    public Tensor zero_() { checkInPlace("zero_"); data().assign(0); storage.bump(); return this; }
    /** Sets every element to {@code c} in place and returns this tensor ({@code x.fill_(c)}). */
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
