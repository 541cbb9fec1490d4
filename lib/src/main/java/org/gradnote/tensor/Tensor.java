package org.gradnote.tensor;

import java.util.List;
import org.gradnote.Gradnote;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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

    /** Wraps an existing ND4J array without copying it (inside this package: ND4J stays behind the engine). */
    static Tensor wrap(INDArray array) {
        return new Tensor(array);
    }

    /** The floating-point type factories use when none is given (float32 unless changed, as in PyTorch). */
    public static DType defaultDType() {
        return defaultDType;
    }

    /** Sets the floating-point type factories use, like {@code torch.set_default_dtype}. */
    public static void setDefaultDType(DType type) {
        if (!type.isFloatingPoint())
            throw new IllegalArgumentException("default dtype must be float32 or float64, got " + type);
        defaultDType = type;
    }

    /** Forces the implementation ops use (see {@code Gradnote.setPath}); heap tensors move to ND4J at their next op under LOOP or NATIVE. */
    public static void setComputePath(ComputePath path) {
        Dispatch.setPath(path);
    }

    /** The implementation ops use now. */
    public static ComputePath computePath() {
        return Dispatch.path();
    }

    /** A 1-D tensor of the default floating-point type. */
    public static Tensor of(double... values) {
        if (Small.fits(defaultDType.nd4j(), values.length))
            return heap(defaultDType.nd4j(), values.clone(), values.length);
        return new Tensor(Factory.fromArray(values).castTo(defaultDType.nd4j()));
    }

    /** A 1-D tensor of the given type, e.g. {@code Tensor.of(DType.FLOAT64, 1, 2, 3)}. */
    public static Tensor of(DType type, double... values) {
        if (Small.fits(type.nd4j(), values.length)) return heap(type.nd4j(), values.clone(), values.length);
        return new Tensor(Factory.fromArray(values).castTo(type.nd4j()));
    }

    /** A 1-D float32 tensor. */
    public static Tensor of(float... values) {
        if (Small.fits(DataType.FLOAT, values.length)) {
            double[] v = new double[values.length];
            for (int i = 0; i < v.length; i++) v[i] = values[i];
            return heap(DataType.FLOAT, v, values.length);
        }
        return new Tensor(Factory.fromArray(values));
    }

    /** A 1-D int64 tensor, e.g. class labels. */
    public static Tensor of(long... values) {
        return new Tensor(vector(Factory.fromArray(values), values.length));
    }

    /** A 1-D int64 tensor, e.g. class labels. */
    public static Tensor of(int... values) {
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) v[i] = values[i];
        return of(v);
    }

    /** A 1-D bool tensor. */
    public static Tensor of(boolean... values) {
        return new Tensor(vector(Factory.fromArray(values), values.length));
    }

    /** ND4J makes a one-element array a scalar; PyTorch's {@code torch.tensor([7])} has shape [1]. */
    private static INDArray vector(INDArray a, int n) {
        return a.rank() == 1 ? a : a.reshape(n);
    }

    /** A 2-D tensor of the default floating-point type from rows (all rows must have the same length). */
    public static Tensor of(double[][] rows) {
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].length != rows[0].length)
                throw new ShapeException(
                        "Tensor.of: row " + i + " has " + rows[i].length + " values but row 0 has " + rows[0].length);
        }
        return new Tensor(Factory.fromArray(rows).castTo(defaultDType.nd4j()));
    }

    /** A 3-D tensor of the default floating-point type. */
    public static Tensor of(double[][][] values) {
        return new Tensor(Factory.fromArray(values).castTo(defaultDType.nd4j()));
    }

    /** A 2-D float32 tensor from rows. */
    public static Tensor of(float[][] rows) {
        return new Tensor(Factory.fromArray(rows));
    }

    /** A tensor of the given shape from values in row-major order. */
    public static Tensor fromArray(double[] values, long... shape) {
        return fromArray(defaultDType, values, shape);
    }

    /** A tensor of the given shape and type from values in row-major order. */
    public static Tensor fromArray(DType type, double[] values, long... shape) {
        if (Shapes.numel(shape) != values.length)
            throw new ShapeException("fromArray: " + values.length + " values do not fill shape " + Shapes.str(shape));
        if (Small.fits(type.nd4j(), values.length)) return heap(type.nd4j(), values.clone(), shape);
        return new Tensor(Factory.create(values, shape).castTo(type.nd4j()));
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
        if (Small.fits(type.nd4j(), Shapes.numel(shape)))
            return new Tensor(Small.filled(type.nd4j(), shape.clone(), 0));
        return new Tensor(Factory.zeros(type.nd4j(), shape));
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
        if (Small.fits(type.nd4j(), Shapes.numel(shape)))
            return new Tensor(Small.filled(type.nd4j(), shape.clone(), 1));
        return new Tensor(Factory.ones(type.nd4j(), shape));
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
        if (Small.fits(type.nd4j(), Shapes.numel(shape)))
            return new Tensor(Small.filled(type.nd4j(), shape.clone(), value));
        return new Tensor(Factory.full(shape, value, type.nd4j()));
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
        return new Tensor(Factory.create(v, shape).castTo(type.nd4j()));
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
        return new Tensor(Factory.create(v, shape).castTo(type.nd4j()));
    }

    /** 0, 1, ..., end-1 as int64, like {@code torch.arange(end)}. */
    public static Tensor arange(long end) {
        return new Tensor(Factory.arange(end).castTo(DataType.INT64));
    }

    /** start, start+step, ... below end, in the default floating-point type. */
    public static Tensor arange(double start, double end, double step) {
        if (step == 0) throw new IllegalArgumentException("arange: step must be non-zero");
        int n = (int) Math.max(0, Math.ceil((end - start) / step));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = start + i * step;
        return new Tensor(Factory.fromArray(v).castTo(defaultDType.nd4j()));
    }

    /** n evenly spaced values from start to end inclusive. */
    public static Tensor linspace(double start, double end, int n) {
        return new Tensor(Factory.linspace(start, end, n, defaultDType.nd4j()));
    }

    /** The n×n identity matrix. */
    public static Tensor eye(long n) {
        return new Tensor(Factory.eye(n).castTo(defaultDType.nd4j()));
    }

    /** Zeros with the shape and dtype of {@code t}, like {@code torch.zeros_like(t)}. */
    public static Tensor zerosLike(Tensor t) {
        if (t.dtype().isFloatingPoint()) return zeros(t.dtype(), t.shape());
        return new Tensor(Factory.zeros(t.data().dataType(), t.shape()));
    }

    /** Ones with the shape and dtype of {@code t}, like {@code torch.ones_like(t)}. */
    public static Tensor onesLike(Tensor t) {
        if (t.dtype().isFloatingPoint()) return ones(t.dtype(), t.shape());
        return new Tensor(Factory.ones(t.data().dataType(), t.shape()));
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

    private static Tensor record(
            INDArray out, String op, Tensor[] inputs, Tensor[] saved, boolean saveOutput, Node.Backward backward) {
        Tensor t = new Tensor(out);
        // A view (reshape, permute, slice...) changes with its input: one version counter for both.
        for (Tensor in : inputs) t.storage.shareVersionIfViewOf(in.storage);
        return attach(t, op, inputs, saved, saveOutput, backward, null);
    }

    /** As {@link #record}, for an op run on the heap ({@link UnaryOp}, {@link BinaryOp}, {@link ReduceOp}). */
    static Tensor recordSmall(
            Small out, String op, Tensor[] inputs, Tensor[] saved, boolean saveOutput, Node.SmallBackward backward) {
        return attach(new Tensor(out), op, inputs, saved, saveOutput, null, backward);
    }

    /** Gives t its tape entry (one of the two rules) when grad mode is on and an input needs a gradient. */
    private static Tensor attach(
            Tensor t,
            String op,
            Tensor[] inputs,
            Tensor[] saved,
            boolean saveOutput,
            Node.Backward backward,
            Node.SmallBackward smallBackward) {
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
            throw new IllegalStateException(
                    "requiresGrad(false) on a non-leaf tensor (output of '" + node.name() + "'): use detach() instead");
        }
        if (value && !dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(
                    "only floating-point tensors can require gradients, this one is " + dtype());
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
    INDArray gradArray() {
        return grad == null ? null : grad.data();
    }

    /** Replaces the gradient (used by optimizers' tests and by users who clip or edit gradients). */
    public void setGrad(Tensor g) {
        if (g != null && !java.util.Arrays.equals(g.shape(), shape())) {
            throw new ShapeException("setGrad: gradient shape " + Shapes.str(g.shape())
                    + " does not match tensor shape " + Shapes.str(shape()));
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
        if (node != null)
            throw new IllegalStateException("setData on a non-leaf tensor (output of '" + node.name() + "')");
        if (requiresGrad && !src.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(
                    "setData: a tensor requiring grad needs floating-point data, got " + src.dtype());
        }
        storage = src.storage;
        if (grad != null)
            grad = java.util.Arrays.equals(grad.shape(), src.shape())
                    ? grad.detach().to(src.dtype())
                    : null;
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
            if (Engine.isDense(a) && a.data().length() == a.length() && a.data().offset() == 0)
                BufferPool.get().give(a);
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
            g = Engine.cast(g, data().dataType());
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
            throw new IllegalStateException("item(): a tensor with " + numel() + " elements (shape "
                    + Shapes.str(shape()) + ") cannot be converted to a scalar");
        }
        Small s = small();
        return s != null ? s.v[0] : data().getDouble(0);
    }

    /** The element at the given index (one entry per dimension). */
    public double get(long... index) {
        if (index.length != dim())
            throw new IndexOutOfBoundsException("get: " + index.length + " indices for a tensor of rank " + dim());
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= data().size(i)) {
                throw new IndexOutOfBoundsException(
                        "get: index " + index[i] + " out of range for dimension " + i + " of size " + data().size(i));
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
        return data().castTo(DataType.INT64).dup('c').data().asLong();
    }

    /** A 2-D tensor as rows of doubles. */
    public double[][] toDoubleMatrix() {
        if (dim() != 2)
            throw new ShapeException("toDoubleMatrix: needs a 2-D tensor, got shape " + Shapes.str(shape()));
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
                    return new INDArray[] {Engine.cast(g, back)};
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

    // ---------------------------------------------------------------- maths (element-wise: UnaryOp, BinaryOp; the
    // rest: Primitives)

    // Element-wise ops are entries of one table each (UnaryOp, BinaryOp: forward, dtype rule and gradient together).
    // A Java long is PyTorch's Python int and a double its Python float: int64 tensor + 2 stays int64, + 2.5 is
    // float32.

    /** this + o, broadcast, with PyTorch's type promotion. */
    public Tensor add(Tensor o) {
        return BinaryOp.ADD.apply(this, o);
    }
    /** this + c (a float: integer tensors give the default float type). */
    public Tensor add(double c) {
        return BinaryOp.ADD.apply(this, c, false, false);
    }
    /** this + c (an integer: integer tensors keep their type). */
    public Tensor add(long c) {
        return BinaryOp.ADD.apply(this, c, true, false);
    }
    /** this - o, broadcast. */
    public Tensor sub(Tensor o) {
        return BinaryOp.SUB.apply(this, o);
    }
    /** this - c. */
    public Tensor sub(double c) {
        return BinaryOp.SUB.apply(this, c, false, false);
    }
    /** this - c (an integer). */
    public Tensor sub(long c) {
        return BinaryOp.SUB.apply(this, c, true, false);
    }
    /** c - this. */
    public Tensor rsub(double c) {
        return BinaryOp.SUB.apply(this, c, false, true);
    }
    /** c - this (an integer). */
    public Tensor rsub(long c) {
        return BinaryOp.SUB.apply(this, c, true, true);
    }
    /** this · o, broadcast. */
    public Tensor mul(Tensor o) {
        return BinaryOp.MUL.apply(this, o);
    }
    /** this · c. */
    public Tensor mul(double c) {
        return BinaryOp.MUL.apply(this, c, false, false);
    }
    /** this · c (an integer). */
    public Tensor mul(long c) {
        return BinaryOp.MUL.apply(this, c, true, false);
    }
    /** this / o, true division (integer tensors give the default float type, as torch). */
    public Tensor div(Tensor o) {
        return BinaryOp.DIV.apply(this, o);
    }
    /** this / c, true division. */
    public Tensor div(double c) {
        return BinaryOp.DIV.apply(this, c, false, false);
    }
    /** this / c, true division (an integer c; the result is floating-point). */
    public Tensor div(long c) {
        return BinaryOp.DIV.apply(this, c, true, false);
    }
    /** c / this. */
    public Tensor rdiv(double c) {
        return BinaryOp.DIV.apply(this, c, false, true);
    }
    /** c / this (an integer c; the result is floating-point). */
    public Tensor rdiv(long c) {
        return BinaryOp.DIV.apply(this, c, true, true);
    }
    /** -this (refused on bool tensors). */
    public Tensor neg() {
        return UnaryOp.NEG.apply(this);
    }
    /** this^p (a float p: integer tensors give the default float type). */
    public Tensor pow(double p) {
        return BinaryOp.POW.apply(this, p, false, false);
    }
    /** this^p (an integer p: integer tensors keep their type). */
    public Tensor pow(long p) {
        return BinaryOp.POW.apply(this, p, true, false);
    }
    /** this^p element-wise, broadcast. */
    public Tensor pow(Tensor p) {
        return BinaryOp.POW.apply(this, p);
    }
    /** this², as this · this. */
    public Tensor square() {
        return BinaryOp.POW.apply(this, 2, true, false);
    }
    /** atan2(this, other): the angle of the point (other, this) in (-π, π], broadcast; floats for integer inputs. */
    public Tensor atan2(Tensor other) {
        return BinaryOp.ATAN2.apply(this, other);
    }
    /** e^this (integer tensors give the default float type). */
    public Tensor exp() {
        return UnaryOp.EXP.apply(this);
    }
    /** Natural logarithm (integer tensors give the default float type). */
    public Tensor log() {
        return UnaryOp.LOG.apply(this);
    }
    /** log(1 + x), accurate for tiny x. */
    public Tensor log1p() {
        return UnaryOp.LOG1P.apply(this);
    }
    /** e^this - 1, accurate for tiny x (integer tensors give the default float type). */
    public Tensor expm1() {
        return UnaryOp.EXPM1.apply(this);
    }
    /** Square root (integer tensors give the default float type). */
    public Tensor sqrt() {
        return UnaryOp.SQRT.apply(this);
    }
    /** |this| (integer tensors keep their type). */
    public Tensor abs() {
        return UnaryOp.ABS.apply(this);
    }
    /** Hyperbolic tangent (integer tensors give the default float type). */
    public Tensor tanh() {
        return UnaryOp.TANH.apply(this);
    }
    /** 1 / (1 + e^-this) (integer tensors give the default float type). */
    public Tensor sigmoid() {
        return UnaryOp.SIGMOID.apply(this);
    }
    /** max(this, 0), keeping NaN (as torch). */
    public Tensor relu() {
        return UnaryOp.RELU.apply(this);
    }
    /**
     * The element-wise leaky rectifier: x where x > 0, else {@code negativeSlope * x}, like {@code F.leaky_relu(x,
     * negative_slope)}.
     */
    public Tensor leakyRelu(double negativeSlope) {
        return UnaryOp.LEAKY_RELU.apply(this, negativeSlope);
    }
    /** log(1 + exp(x)), computed stably as relu(x) + log1p(exp(-|x|)) (log1p keeps exp(x) for very negative x). */
    public Tensor softplus() {
        return relu().add(abs().neg().exp().log1p());
    }
    /**
     * Softmax along dimension {@code dim} (negative counts from the end): exponentials normalised to sum to 1 along it,
     * computed stably, like {@code torch.softmax(x, dim)}.
     */
    public Tensor softmax(int dim) {
        return DimOp.SOFTMAX.apply(this, dim);
    }
    /**
     * The logarithm of {@link #softmax} along {@code dim}, computed stably as x - logsumexp(x), like {@code
     * torch.log_softmax(x, dim)}.
     */
    public Tensor logSoftmax(int dim) {
        return DimOp.LOG_SOFTMAX.apply(this, dim);
    }
    /**
     * Values limited to [min, max] (NaN stays NaN, as torch.clamp); the gradient is 1 inside the bounds, 0 outside.
     * Double bounds are Python floats to torch: an integer tensor gives the default float type.
     */
    public Tensor clamp(double min, double max) {
        return SelectOp.CLAMP.apply(this, min, max, false);
    }
    /** As {@link #clamp(double, double)} with integer bounds (torch's Python ints): an integer tensor keeps its type. */
    public Tensor clamp(long min, long max) {
        return SelectOp.CLAMP.apply(this, min, max, true);
    }
    /** Values limited from below (NaN stays NaN), like torch.clamp_min. */
    public Tensor clampMin(double min) {
        return SelectOp.CLAMP.apply(this, min, Double.POSITIVE_INFINITY, false);
    }
    /** As {@link #clampMin(double)} with an integer bound: an integer tensor keeps its type. */
    public Tensor clampMin(long min) {
        return SelectOp.CLAMP.apply(this, min, Double.POSITIVE_INFINITY, true);
    }
    /**
     * Matrix product as {@code torch.matmul} ({@code x @ o}): [n, k] x [k, m] gives [n, m], 1-D operands are promoted
     * to a row or column and dropped after, and leading batch dimensions broadcast.
     */
    public Tensor matmul(Tensor o) {
        return Primitives.matmul(this, o);
    }

    /** x W^T + b with W of shape [out, in] (PyTorch's layout, F.linear); bias may be null. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return Primitives.linear(x, weight, bias);
    }

    /**
     * One fused LSTM layer over a sequence ([T, N, in], or [N, T, in] when batchFirst) with PyTorch's weights
     * ([4H, in], [4H, H], gates i, f, g, o; biases may both be null) from states h0, c0 [N, H]: returns
     * {hidden states in x's layout, last hidden state, last cell state}. Used by {@code nn.LSTM}.
     */
    public static Tensor[] lstmLayer(
            Tensor x, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, Tensor h0, Tensor c0, boolean batchFirst) {
        return RecurrentPrimitives.lstm(x, wih, whh, bih, bhh, h0, c0, batchFirst);
    }

    /**
     * One fused GRU layer over a sequence ([T, N, in], or [N, T, in] when batchFirst) with PyTorch's weights
     * ([3H, in], [3H, H], gates r, z, n; biases may both be null) from state h0 [N, H]: returns {hidden states in
     * x's layout, last hidden state}. Used by {@code nn.GRU}.
     */
    public static Tensor[] gruLayer(
            Tensor x, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, Tensor h0, boolean batchFirst) {
        return RecurrentPrimitives.gru(x, wih, whh, bih, bhh, h0, batchFirst);
    }

    /**
     * Element-wise {@code cond ? a : b} with broadcasting, like {@code torch.where}: the value not picked never
     * reaches the result or the gradient (an infinity or NaN there is harmless).
     */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return SafeWhere.where("where", cond, a, b);
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements as a scalar: float32/float64 keep their type (summed accurately in double), integer and bool tensors give int64. */
    public Tensor sum() {
        return ReduceOp.SUM.apply(this, new int[0], false);
    }
    /** Sum over one dimension, which disappears. */
    public Tensor sum(int dim) {
        return ReduceOp.SUM.apply(this, new int[] {dim}, false);
    }
    /** Sum over one dimension, kept with size 1 when keepDim. */
    public Tensor sum(int dim, boolean keepDim) {
        return ReduceOp.SUM.apply(this, new int[] {dim}, keepDim);
    }
    /** Sum over several dimensions (all when dims is empty). */
    public Tensor sum(int[] dims, boolean keepDim) {
        return ReduceOp.SUM.apply(this, dims, keepDim);
    }
    /** Mean of all elements as a scalar (float tensors only; NaN for an empty tensor, as torch). */
    public Tensor mean() {
        return ReduceOp.MEAN.apply(this, new int[0], false);
    }
    /** Mean over one dimension, which disappears. */
    public Tensor mean(int dim) {
        return ReduceOp.MEAN.apply(this, new int[] {dim}, false);
    }
    /** Mean over one dimension, kept with size 1 when keepDim. */
    public Tensor mean(int dim, boolean keepDim) {
        return ReduceOp.MEAN.apply(this, new int[] {dim}, keepDim);
    }
    /** Mean over several dimensions (all when dims is empty). */
    public Tensor mean(int[] dims, boolean keepDim) {
        return ReduceOp.MEAN.apply(this, dims, keepDim);
    }

    /** The largest element as a scalar (NaN if any element is NaN, as torch); ties share the gradient equally. */
    public Tensor max() {
        return ReduceOp.AMAX.apply(this, -1, false);
    }
    /** The smallest element as a scalar (NaN if any element is NaN, as torch); ties share the gradient equally. */
    public Tensor min() {
        return ReduceOp.AMIN.apply(this, -1, false);
    }

    /** torch.max(dim)'s result: the largest values along the dimension and their int64 indices. */
    public record MaxResult(Tensor values, Tensor indices) {}

    /** torch.min(dim)'s result: the smallest values along the dimension and their int64 indices. */
    public record MinResult(Tensor values, Tensor indices) {}

    /**
     * Largest values along a dimension, which disappears, with their indices, like {@code x.max(dim)} in torch: the
     * first maximum wins a tie, a NaN wins over any number, and the gradient flows to the returned index only.
     */
    public MaxResult max(int dim) {
        return max(dim, false);
    }

    /** As {@link #max(int)}, keeping the dimension with size 1 when keepDim. */
    public MaxResult max(int dim, boolean keepDim) {
        Tensor[] r = ReduceOp.MAX.applyIndexed(this, Shapes.dim("max", dim, dim()), keepDim);
        return new MaxResult(r[0], r[1]);
    }

    /** Smallest values along a dimension with their indices, like {@code x.min(dim)} (first minimum, NaN wins). */
    public MinResult min(int dim) {
        return min(dim, false);
    }

    /** As {@link #min(int)}, keeping the dimension with size 1 when keepDim. */
    public MinResult min(int dim, boolean keepDim) {
        Tensor[] r = ReduceOp.MIN.applyIndexed(this, Shapes.dim("min", dim, dim()), keepDim);
        return new MinResult(r[0], r[1]);
    }

    /** Largest values along a dimension (torch.amax): NaN propagates; tied maxima share the gradient equally. */
    public Tensor amax(int dim) {
        return ReduceOp.AMAX.apply(this, Shapes.dim("amax", dim, dim()), false);
    }
    /** As {@link #amax(int)}, keeping the dimension with size 1 when keepDim. */
    public Tensor amax(int dim, boolean keepDim) {
        return ReduceOp.AMAX.apply(this, Shapes.dim("amax", dim, dim()), keepDim);
    }
    /** Smallest values along a dimension (torch.amin): NaN propagates; tied minima share the gradient equally. */
    public Tensor amin(int dim) {
        return ReduceOp.AMIN.apply(this, Shapes.dim("amin", dim, dim()), false);
    }
    /** As {@link #amin(int)}, keeping the dimension with size 1 when keepDim. */
    public Tensor amin(int dim, boolean keepDim) {
        return ReduceOp.AMIN.apply(this, Shapes.dim("amin", dim, dim()), keepDim);
    }

    /** Unbiased variance of all elements, like {@code x.var()}. */
    public Tensor var() {
        return var(true);
    }

    /** Unbiased standard deviation of all elements, like {@code x.std()}. */
    public Tensor std() {
        return std(true);
    }

    /** Variance of all elements (unbiased = Bessel's correction, torch's default), computed in two passes in double. */
    public Tensor var(boolean unbiased) {
        return ReduceOp.VAR.apply(this, new int[0], false, unbiased ? 1 : 0);
    }

    /** Variance over a dimension (unbiased = Bessel's correction, as torch.var's default). */
    public Tensor var(int dim, boolean unbiased, boolean keepDim) {
        return ReduceOp.VAR.apply(this, new int[] {dim}, keepDim, unbiased ? 1 : 0);
    }

    /** Standard deviation of all elements (unbiased = Bessel's correction); its gradient is 0 where it is 0, as torch. */
    public Tensor std(boolean unbiased) {
        return ReduceOp.STD.apply(this, new int[0], false, unbiased ? 1 : 0);
    }

    /** Standard deviation over a dimension (unbiased = Bessel's correction). */
    public Tensor std(int dim, boolean unbiased, boolean keepDim) {
        return ReduceOp.STD.apply(this, new int[] {dim}, keepDim, unbiased ? 1 : 0);
    }

    /** Flat index of the largest element (the first one; a NaN wins, as torch), as an int64 scalar. */
    public Tensor argmax() {
        return ReduceOp.ARGMAX.applyIndexed(this, -1, false)[1];
    }

    /** Indices of the largest elements along a dimension, as int64 (first maximum; a NaN wins). */
    public Tensor argmax(int dim) {
        return ReduceOp.ARGMAX.applyIndexed(this, Shapes.dim("argmax", dim, dim()), false)[1];
    }

    /** As {@link #argmax(int)}, keeping the dimension with size 1 when keepDim. */
    public Tensor argmax(int dim, boolean keepDim) {
        return ReduceOp.ARGMAX.applyIndexed(this, Shapes.dim("argmax", dim, dim()), keepDim)[1];
    }

    /** Flat index of the smallest element (the first one; a NaN wins), as an int64 scalar. */
    public Tensor argmin() {
        return ReduceOp.ARGMIN.applyIndexed(this, -1, false)[1];
    }

    /** Indices of the smallest elements along a dimension, as int64 (first minimum; a NaN wins). */
    public Tensor argmin(int dim) {
        return ReduceOp.ARGMIN.applyIndexed(this, Shapes.dim("argmin", dim, dim()), false)[1];
    }

    /** As {@link #argmin(int)}, keeping the dimension with size 1 when keepDim. */
    public Tensor argmin(int dim, boolean keepDim) {
        return ReduceOp.ARGMIN.applyIndexed(this, Shapes.dim("argmin", dim, dim()), keepDim)[1];
    }

    // ---------------------------------------------------------------- comparisons (bool results, no gradient)

    // An integer tensor against a fractional number compares in the default float type, as torch's promotion does
    // (ND4J would round the number to the tensor's type: arange(3).lt(0.5) was all false). An empty tensor gives an
    // empty bool tensor, as torch does; ND4J refuses empty arrays.
    /** Element-wise {@code this > c} as a bool tensor of this shape ({@code torch.gt}). */
    public Tensor gt(double c) {
        if (numel() == 0) return zeros(DType.BOOL, shape());
        return fractionalAgainstInteger(c) ? toDefaultFloat().gt(c) : new Tensor(data().gt(c));
    }
    /** Element-wise {@code this < c} as a bool tensor of this shape ({@code torch.lt}). */
    public Tensor lt(double c) {
        if (numel() == 0) return zeros(DType.BOOL, shape());
        return fractionalAgainstInteger(c) ? toDefaultFloat().lt(c) : new Tensor(data().lt(c));
    }
    /** Element-wise {@code this >= c} as a bool tensor of this shape ({@code torch.ge}). */
    public Tensor ge(double c) {
        if (numel() == 0) return zeros(DType.BOOL, shape());
        return fractionalAgainstInteger(c) ? toDefaultFloat().ge(c) : new Tensor(data().gte(c));
    }
    /** Element-wise {@code this <= c} as a bool tensor of this shape ({@code torch.le}). */
    public Tensor le(double c) {
        if (numel() == 0) return zeros(DType.BOOL, shape());
        return fractionalAgainstInteger(c) ? toDefaultFloat().le(c) : new Tensor(data().lte(c));
    }
    /** Element-wise {@code this == c} as a bool tensor of this shape ({@code torch.eq}). */
    public Tensor eq(double c) {
        if (numel() == 0) return zeros(DType.BOOL, shape());
        return fractionalAgainstInteger(c) ? toDefaultFloat().eq(c) : new Tensor(data().eq(c));
    }
    /** Element-wise {@code this != c} as a bool tensor of this shape ({@code torch.ne}). */
    public Tensor ne(double c) {
        if (numel() == 0) return zeros(DType.BOOL, shape());
        return fractionalAgainstInteger(c) ? toDefaultFloat().ne(c) : new Tensor(data().neq(c));
    }

    private boolean fractionalAgainstInteger(double c) {
        return !dtype().isFloatingPoint() && c != Math.rint(c);
    }

    private Tensor toDefaultFloat() {
        return to(defaultDType);
    }
    /** Element-wise {@code this > o} with numpy broadcasting, as a bool tensor ({@code torch.gt}). */
    public Tensor gt(Tensor o) {
        return compare("greater", "gt", o);
    }
    /** Element-wise {@code this < o} with numpy broadcasting, as a bool tensor ({@code torch.lt}). */
    public Tensor lt(Tensor o) {
        return compare("less", "lt", o);
    }
    /** Element-wise {@code this >= o} with numpy broadcasting, as a bool tensor ({@code torch.ge}). */
    public Tensor ge(Tensor o) {
        return compare("greater_equal", "ge", o);
    }
    /** Element-wise {@code this <= o} with numpy broadcasting, as a bool tensor ({@code torch.le}). */
    public Tensor le(Tensor o) {
        return compare("less_equal", "le", o);
    }
    /** Element-wise {@code this == o} with numpy broadcasting, as a bool tensor ({@code torch.eq}). */
    public Tensor eq(Tensor o) {
        return compare("equals", "eq", o);
    }
    /** Element-wise {@code this != o} with numpy broadcasting, as a bool tensor ({@code torch.ne}). */
    public Tensor ne(Tensor o) {
        return compare("not_equals", "ne", o);
    }

    private Tensor compare(String nativeName, String op, Tensor o) {
        return new Tensor(Engine.compare(nativeName, op, data(), o.data()));
    }

    /** Number of true (non-zero) elements. */
    public long countNonZero() {
        return data().castTo(DataType.DOUBLE)
                .neq(0)
                .castTo(DataType.INT64)
                .sumNumber()
                .longValue();
    }

    // ---------------------------------------------------------------- shape and indexing

    /**
     * The same elements in row-major order with a new shape of equal element count; one size may be -1 and is inferred:
     * [2, 6].reshape(3, -1) has shape [3, 4] ({@code x.reshape}).
     */
    public Tensor reshape(long... shape) {
        return Primitives.reshape(this, shape);
    }
    /** Same as {@link #reshape}: gradnote copies non-contiguous data when needed, so views never fail. */
    public Tensor view(long... shape) {
        return Primitives.reshape(this, shape);
    }
    /** The elements as one dimension in row-major order: shape [numel] ({@code x.flatten()}). */
    public Tensor flatten() {
        return reshape(-1);
    }

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
    public Tensor permute(int... order) {
        return Primitives.permute(this, order);
    }

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
        if (dim() > 2)
            throw new ShapeException("t(): expects a tensor with <= 2 dimensions, got shape " + Shapes.str(shape()));
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
    public Tensor slice(int dim, long start, long end) {
        return Primitives.slice(this, dim, start, end, 1);
    }
    /**
     * Every {@code step}-th element from start to end-1 along a dimension, as {@code x[start:end:step]} on that
     * dimension (a copy, not a view).
     */
    public Tensor slice(int dim, long start, long end, long step) {
        return Primitives.slice(this, dim, start, end, step);
    }

    /** The sub-tensor at one index of a dimension, which disappears (like {@code x[:, i]}). */
    public Tensor select(int dim, long index) {
        int d = Shapes.dim("select", dim, dim());
        long size = shape()[d];
        long i = index < 0 ? index + size : index;
        if (i < 0 || i >= size)
            throw new IndexOutOfBoundsException(
                    "select: index " + index + " out of range for dimension " + d + " of size " + size);
        return slice(d, i, i + 1).squeeze(d);
    }

    /**
     * The entries at the given int64 indices along {@code dim}, in that order (repeats allowed): the dimension gets
     * size index.numel() ({@code torch.index_select(x, dim, index)}).
     */
    public Tensor indexSelect(int dim, Tensor index) {
        return Primitives.indexSelect(this, dim, index);
    }

    /** indexSelect with the indices given as Java ints, like {@code x.index_select(dim, torch.tensor(indices))}. */
    public Tensor indexSelect(int dim, int... indices) {
        return Primitives.indexSelect(this, dim, indices);
    }
    /**
     * Values picked along {@code dim} by an int64 index of the same rank: out[i][j] = x[index[i][j]][j] for dim 0,
     * shape of {@code index} ({@code torch.gather(x, dim, index)}).
     */
    public Tensor gather(int dim, Tensor index) {
        return Primitives.gather(this, dim, index);
    }

    /** Rows picked by a boolean mask over the first dimension. */
    public Tensor maskedSelectRows(Tensor mask) {
        long[] ids = java.util.stream.IntStream.range(0, (int) mask.numel())
                .filter(i -> mask.data().getDouble(i) != 0)
                .asLongStream()
                .toArray();
        return indexSelect(0, of(ids));
    }

    /** One-hot encoding of int64 class indices into {@code numClasses} columns (default float type). */
    public Tensor oneHot(int numClasses) {
        INDArray idx = data().castTo(DataType.INT64);
        if (data().length() > 0) {
            long lo = idx.minNumber().longValue(), hi = idx.maxNumber().longValue();
            if (lo < 0 || hi >= numClasses)
                throw new IndexOutOfBoundsException(
                        "oneHot: class " + (lo < 0 ? lo : hi) + " out of range for " + numClasses + " classes");
        }
        long[] s = java.util.Arrays.copyOf(shape(), dim() + 1);
        s[dim()] = numClasses;
        INDArray out = Engine.empty(defaultDType.nd4j(), s);
        Engine.exec(
                "onehot", new INDArray[] {idx}, new INDArray[] {out}, new long[] {-1, numClasses}, null, new double[] {
                    1.0, 0.0
                });
        return new Tensor(out);
    }

    /**
     * Concatenates tensors along an existing dimension; all other sizes must match: [2, 3] and [4, 3] along 0 give [6,
     * 3] ({@code torch.cat(parts, dim)}).
     */
    public static Tensor cat(List<Tensor> parts, int dim) {
        return Primitives.cat(parts.toArray(NONE), dim);
    }
    /** Concatenates tensors along dimension {@code dim}, as {@link #cat(List, int)}. */
    public static Tensor cat(int dim, Tensor... parts) {
        return Primitives.cat(parts, dim);
    }

    /** Stacks same-shaped tensors along a new dimension. */
    public static Tensor stack(List<Tensor> parts, int dim) {
        if (parts.isEmpty()) throw new IllegalArgumentException("stack: needs at least one tensor");
        Tensor[] us = new Tensor[parts.size()];
        for (int i = 0; i < us.length; i++) {
            if (!java.util.Arrays.equals(parts.get(i).shape(), parts.get(0).shape())) {
                throw new ShapeException("stack: tensor " + i + " has shape "
                        + Shapes.str(parts.get(i).shape()) + " but tensor 0 has shape "
                        + Shapes.str(parts.get(0).shape()));
            }
            us[i] = parts.get(i).unsqueeze(dim);
        }
        // unsqueeze placed the new dimension where a negative dim counts it in the stacked rank: cat there.
        return Primitives.cat(us, dim);
    }

    /**
     * Stacks same-shaped tensors along a new dimension {@code dim}: three [2, 3] tensors along 0 give [3, 2, 3] ({@code
     * torch.stack(parts, dim)}).
     */
    public static Tensor stack(int dim, Tensor... parts) {
        return stack(List.of(parts), dim);
    }

    // ---------------------------------------------------------------- in-place updates

    /** this += o, in place (allowed on leaves requiring grad only inside {@link #noGrad()}). */
    public Tensor add_(Tensor o) {
        checkInPlace("add_", Promotion.of(this, o));
        data().addi(broadcastTo(o));
        storage.bump();
        return this;
    }
    /** this += c, in place (a float c is refused on integer tensors, as torch refuses it). */
    public Tensor add_(double c) {
        checkInPlace("add_", Promotion.withScalar(this, false));
        data().addi(c);
        storage.bump();
        return this;
    }
    /** this += c for an integer c, in place. */
    public Tensor add_(long c) {
        checkInPlace("add_", Promotion.withScalar(this, true));
        data().addi(c);
        storage.bump();
        return this;
    }
    /**
     * this -= o, in place, {@code o} broadcast to this tensor's shape ({@code x.sub_(o)}); refused on a leaf that
     * requires grad outside {@link #noGrad()}.
     */
    public Tensor sub_(Tensor o) {
        checkInPlace("sub_", Promotion.of(this, o));
        INDArray d = data(), src = o.data();
        // The optimizers' update of every parameter and step: a cached native op when nothing needs broadcasting or
        // casting (INDArray.subi builds its op on the Java side each call).
        if (src.dataType() == d.dataType()
                && java.util.Arrays.equals(src.shape(), d.shape())
                && Engine.isDense(d)
                && Engine.isDense(src)) {
            if (!SubtractLoop.subtract(d, src)) Engine.exec("subtract", new INDArray[] {d, src}, d);
        } else d.subi(broadcastTo(o));
        storage.bump();
        return this;
    }
    /** this *= o element-wise, in place, with o broadcast to this shape ({@code x.mul_(o)}). */
    public Tensor mul_(Tensor o) {
        checkInPlace("mul_", Promotion.of(this, o));
        data().muli(broadcastTo(o));
        storage.bump();
        return this;
    }
    /** this *= c, in place (a float c is refused on integer tensors, as torch refuses it). */
    public Tensor mul_(double c) {
        checkInPlace("mul_", Promotion.withScalar(this, false));
        data().muli(c);
        storage.bump();
        return this;
    }
    /** this *= c for an integer c, in place. */
    public Tensor mul_(long c) {
        checkInPlace("mul_", Promotion.withScalar(this, true));
        data().muli(c);
        storage.bump();
        return this;
    }
    /** Sets every element to 0 in place and returns this tensor ({@code x.zero_()}). */
    public Tensor zero_() {
        checkInPlace("zero_");
        data().assign(0);
        storage.bump();
        return this;
    }
    /** Sets every element to {@code c} in place and returns this tensor ({@code x.fill_(c)}). */
    public Tensor fill_(double c) {
        checkInPlace("fill_");
        data().assign(c);
        storage.bump();
        return this;
    }

    /** Copies another tensor's values into this one (shapes must match). */
    public Tensor copy_(Tensor src) {
        checkInPlace("copy_");
        if (!java.util.Arrays.equals(shape(), src.shape())) {
            throw new ShapeException("copy_: source shape " + Shapes.str(src.shape())
                    + " does not match destination shape " + Shapes.str(shape()));
        }
        data().assign(src.data());
        storage.bump();
        return this;
    }

    private INDArray broadcastTo(Tensor o) {
        long[] s = Engine.broadcastShape("in-place op", shape(), o.shape());
        if (!java.util.Arrays.equals(s, shape())) {
            throw new ShapeException("in-place op: result shape " + Shapes.str(s) + " does not fit destination shape "
                    + Shapes.str(shape()));
        }
        INDArray src = Engine.cast(o.data(), data().dataType());
        return java.util.Arrays.equals(o.shape(), shape()) ? src : Primitives.expand(src, shape());
    }

    /**
     * As {@link #checkInPlace(String)}, and refuses a result type this tensor cannot hold (torch's can_cast: a float
     * result into an integer tensor, a number into a bool one), which ND4J would silently truncate.
     */
    private void checkInPlace(String op, DType result) {
        checkInPlace(op);
        DType mine = dtype();
        if ((result.isFloatingPoint() && !mine.isFloatingPoint()) || (result != DType.BOOL && mine == DType.BOOL)) {
            throw new IllegalArgumentException(op + ": result type " + result + " can't be cast to this tensor's dtype "
                    + mine + " (as in torch); use the out-of-place op, or convert first with to(DType)");
        }
    }

    private void checkInPlace(String op) {
        if (GradMode.isEnabled() && requiresGrad && node == null) {
            throw new IllegalStateException(op + ": a leaf tensor that requires grad (shape " + Shapes.str(shape())
                    + ") is being used in an in-place operation; do it inside Tensor.noGrad()");
        }
    }

    // ---- ops a PyTorch user expects (see ShapeOps, SortOps, LogicalOps, ScanOps, NormOps, ElementOps,
    // ActivationOps, Einsum): one-line delegations; composed ops carry no gradient code of their own.

    /** A float32 tensor of the given shape from values in row-major order (one copy, into native memory). */
    public static Tensor fromArray(float[] values, long... shape) {
        return OpsSupport.fromFloats(values, shape);
    }
    /** start, start+1, ... below end as int64, like {@code torch.arange(start, end)}. */
    public static Tensor arange(long start, long end) {
        return OpsSupport.arange(start, end, 1);
    }
    /** start, start+step, ... up to but excluding end as int64, like {@code torch.arange(start, end, step)} with ints. */
    public static Tensor arange(long start, long end, long step) {
        return OpsSupport.arange(start, end, step);
    }

    /** log(sum(exp(x))) along dim, computed stably (torch.logsumexp). */
    public Tensor logsumexp(int dim) {
        return NormOps.logsumexp(this, new int[] {dim}, false);
    }
    /** log(sum(exp(x))) over dims (all when empty), computed stably (torch.logsumexp). */
    public Tensor logsumexp(int[] dims, boolean keepDim) {
        return NormOps.logsumexp(this, dims, keepDim);
    }
    /** The 2-norm (Frobenius for a matrix) of all elements, like {@code torch.norm(x)}. */
    public Tensor norm() {
        return NormOps.norm(this, 2, new int[0], false);
    }
    /** The p-norm of all elements: p = 0, 1, 2, any positive p, or +-infinity (torch.linalg.vector_norm). */
    public Tensor norm(double p) {
        return NormOps.norm(this, p, new int[0], false);
    }
    /** The p-norm over dims (all when empty); p = 2 over two dims is the Frobenius norm (torch.norm(x, p, dim)). */
    public Tensor norm(double p, int[] dims, boolean keepDim) {
        return NormOps.norm(this, p, dims, keepDim);
    }
    /** Variance over dims (all when empty), Bessel-corrected when unbiased (torch.var(x, dims, unbiased, keepdim)). */
    public Tensor var(int[] dims, boolean unbiased, boolean keepDim) {
        return NormOps.var(this, dims, unbiased, keepDim);
    }
    /** Standard deviation over dims (all when empty), like torch.std; zero gradient where it is 0. */
    public Tensor std(int[] dims, boolean unbiased, boolean keepDim) {
        return NormOps.std(this, dims, unbiased, keepDim);
    }

    /** True (0-d bool) when every element is non-zero (torch.all). */
    public Tensor all() {
        return LogicalOps.allAny(this, true);
    }
    /** Whether every element along dim is non-zero, as bool (torch.all(x, dim, keepdim)). */
    public Tensor all(int dim, boolean keepDim) {
        return LogicalOps.allAny(this, dim, keepDim, true);
    }
    /** True (0-d bool) when any element is non-zero (torch.any). */
    public Tensor any() {
        return LogicalOps.allAny(this, false);
    }
    /** Whether any element along dim is non-zero, as bool (torch.any(x, dim, keepdim)). */
    public Tensor any(int dim, boolean keepDim) {
        return LogicalOps.allAny(this, dim, keepDim, false);
    }
    /** Element-wise logical and, broadcast, any dtypes (non-zero is true): a bool tensor (torch.logical_and). */
    public Tensor logicalAnd(Tensor o) {
        return LogicalOps.logical("logicalAnd", LogicalOps.Logic.AND, this, o);
    }
    /** Element-wise logical or, broadcast: a bool tensor (torch.logical_or). */
    public Tensor logicalOr(Tensor o) {
        return LogicalOps.logical("logicalOr", LogicalOps.Logic.OR, this, o);
    }
    /** Element-wise logical xor, broadcast: a bool tensor (torch.logical_xor). */
    public Tensor logicalXor(Tensor o) {
        return LogicalOps.logical("logicalXor", LogicalOps.Logic.XOR, this, o);
    }
    /** Element-wise logical not: a bool tensor, true where this is zero (torch.logical_not). */
    public Tensor logicalNot() {
        return LogicalOps.logical("logicalNot", LogicalOps.Logic.NOT, this, null);
    }
    /** A copy with value where the bool mask (broadcast to this shape) is true (torch.masked_fill); inf/NaN safe. */
    public Tensor maskedFill(Tensor mask, double value) {
        return LogicalOps.maskedFill(this, mask, value);
    }
    /** In place: value where the bool mask is true (torch's masked_fill_, x[mask] = value); refused when this requires grad. */
    public Tensor maskedFill_(Tensor mask, double value) {
        return LogicalOps.maskedFillInPlace(this, mask, value);
    }
    /** x[mask] for a bool mask over the leading dims: the picked elements (or rows), as [count, rest...]. */
    public Tensor maskedSelect(Tensor mask) {
        return LogicalOps.maskedSelect(this, mask);
    }
    /** A copy with x[mask] = values, values broadcast to [count, rest...] (torch's x[mask] = v, out of place). */
    public Tensor maskedAssign(Tensor mask, Tensor values) {
        return LogicalOps.maskedAssign(this, mask, values);
    }
    /** A copy with x[mask] = value (torch's x[mask] = v, out of place). */
    public Tensor maskedAssign(Tensor mask, double value) {
        return LogicalOps.maskedAssign(this, mask, SafeWhere.scalarLike(this, value));
    }

    /** Sorted along the last dimension, ascending, NaN last (torch.sort(x)): values and int64 indices. */
    public ValuesIndices sort() {
        return SortOps.sort(this, -1, false);
    }
    /** Sorted along dim (stable: ties keep their order; NaN counts as the largest value), like torch.sort. */
    public ValuesIndices sort(int dim, boolean descending) {
        return SortOps.sort(this, dim, descending);
    }
    /** The int64 indices that sort this along dim (torch.argsort, stable). */
    public Tensor argsort(int dim, boolean descending) {
        return SortOps.argsort(this, dim, descending);
    }
    /** The k largest elements along the last dimension, sorted, with their int64 indices (torch.topk(x, k)). */
    public ValuesIndices topk(int k) {
        return SortOps.topk(this, k, -1, true);
    }
    /** The k largest (or smallest) elements along dim, sorted, with their int64 indices (torch.topk). */
    public ValuesIndices topk(int k, int dim, boolean largest) {
        return SortOps.topk(this, k, dim, largest);
    }
    /** The sorted distinct values, 1-D (torch.unique(x, sorted=True)); NaNs stay distinct. */
    public Tensor unique() {
        return SortOps.unique(this)[0];
    }
    /** For each element, the int64 index of its value in {@link #unique()} (torch.unique's return_inverse). */
    public Tensor uniqueInverse() {
        return SortOps.unique(this)[1];
    }
    /** How often each value of {@link #unique()} occurs, int64 (torch.unique's return_counts). */
    public Tensor uniqueCounts() {
        return SortOps.unique(this)[2];
    }
    /** The int64 indices [count, rank] of the non-zero elements in row-major order (torch.nonzero). */
    public Tensor nonzero() {
        return SortOps.nonzero(this);
    }

    /** Cumulative sum along dim (torch.cumsum); integer and bool inputs give int64. */
    public Tensor cumsum(int dim) {
        return ScanOps.cumsum(this, dim);
    }
    /** Cumulative product along dim (torch.cumprod), with PyTorch's gradient where elements are zero. */
    public Tensor cumprod(int dim) {
        return ScanOps.cumprod(this, dim);
    }
    /** The product of all elements, 0-d (torch.prod); 1 for an empty tensor, int64 for integer input. */
    public Tensor prod() {
        return ReduceOp.PROD.apply(this, -1, false);
    }
    /** The product along dim (torch.prod(x, dim, keepdim)). */
    public Tensor prod(int dim, boolean keepDim) {
        return ReduceOp.PROD.apply(this, Shapes.dim("prod", dim, dim()), keepDim);
    }

    /** torch's x.repeat(reps): the tensor tiled reps[i] times along dim i (leading dims added as needed). */
    public Tensor repeat(long... reps) {
        return ShapeOps.repeat(this, reps);
    }
    /** torch.tile: like repeat, fewer counts than dims meaning leading 1s. */
    public Tensor tile(long... reps) {
        return ShapeOps.tile(this, reps);
    }
    /** torch.chunk: up to chunks pieces of ceil(size / chunks) along dim, the last one smaller. */
    public List<Tensor> chunk(int chunks, int dim) {
        return ShapeOps.chunk(this, chunks, dim);
    }
    /** torch.split(x, size, dim): pieces of splitSize along dim, the last one smaller. */
    public List<Tensor> split(long splitSize, int dim) {
        return ShapeOps.split(this, splitSize, dim);
    }
    /** torch.split(x, sizes, dim): pieces of the given sizes, which must add up to the dim's size. */
    public List<Tensor> split(long[] sizes, int dim) {
        return ShapeOps.split(this, sizes, dim);
    }
    /** The elements in reverse order along each given dim (torch.flip). */
    public Tensor flip(int... dims) {
        return ShapeOps.flip(this, dims);
    }
    /** The flattened elements shifted by shift positions, wrapping around, shape kept (torch.roll(x, shift)). */
    public Tensor roll(long shift) {
        return ShapeOps.roll(this, shift);
    }
    /** Elements shifted along each dims[k] by shifts[k], wrapping around (torch.roll(x, shifts, dims)). */
    public Tensor roll(long[] shifts, int[] dims) {
        return ShapeOps.roll(this, shifts, dims);
    }

    /** Element-wise maximum, broadcast, NaN propagating; ties give each side half the gradient (torch.maximum). */
    public Tensor maximum(Tensor o) {
        return ElementOps.extreme("maximum", this, o, true);
    }
    /** Element-wise minimum, broadcast, NaN propagating; ties give each side half the gradient (torch.minimum). */
    public Tensor minimum(Tensor o) {
        return ElementOps.extreme("minimum", this, o, false);
    }
    /** Clamped to tensor bounds (broadcast; either may be null), like torch.clamp(x, min, max) with tensors. */
    public Tensor clamp(Tensor min, Tensor max) {
        return SelectOp.CLAMP.apply(this, min, max);
    }
    /** -1, 0 or +1 by the sign of each element, 0 for NaN (torch.sign); zero gradient. */
    public Tensor sign() {
        return ElementOps.step(this, ElementOps.Step.SIGN);
    }
    /** Rounded down (torch.floor); zero gradient. */
    public Tensor floor() {
        return ElementOps.step(this, ElementOps.Step.FLOOR);
    }
    /** Rounded up (torch.ceil); zero gradient. */
    public Tensor ceil() {
        return ElementOps.step(this, ElementOps.Step.CEIL);
    }
    /** Rounded to the nearest integer, halves to even (torch.round); zero gradient. */
    public Tensor round() {
        return ElementOps.step(this, ElementOps.Step.ROUND);
    }
    /** Rounded toward zero (torch.trunc); zero gradient. */
    public Tensor trunc() {
        return ElementOps.step(this, ElementOps.Step.TRUNC);
    }
    /** The error function (torch.erf), float64-accurate. */
    public Tensor erf() {
        return ElementOps.erf(this);
    }

    /** Einstein summation over one or more operands, e.g. {@code einsum("bij,bjk->bik", a, b)}, with "..." and diagonals (torch.einsum). */
    public static Tensor einsum(String equation, Tensor... operands) {
        return Einsum.einsum(equation, operands);
    }

    /** GELU, the exact erf form (F.gelu(x), approximate='none'). */
    public Tensor gelu() {
        return ActivationOps.gelu(this, "none");
    }
    /** GELU with approximate "none" (exact) or "tanh" (F.gelu(x, approximate=...)). */
    public Tensor gelu(String approximate) {
        return ActivationOps.gelu(this, approximate);
    }
    /** SiLU (swish): x sigmoid(x) (F.silu). */
    public Tensor silu() {
        return ActivationOps.silu(this);
    }
    /** ELU with alpha = 1 (F.elu). */
    public Tensor elu() {
        return ActivationOps.elu(this, 1.0);
    }
    /** ELU: x for x > 0, alpha (exp(x) - 1) otherwise (F.elu(x, alpha)). */
    public Tensor elu(double alpha) {
        return ActivationOps.elu(this, alpha);
    }
    /** SELU with PyTorch's constants (F.selu). */
    public Tensor selu() {
        return ActivationOps.selu(this);
    }
    /** Mish: x tanh(softplus(x)) (F.mish). */
    public Tensor mish() {
        return ActivationOps.mish(this);
    }
    /** Hardtanh clamping to [-1, 1] (F.hardtanh). */
    public Tensor hardtanh() {
        return ActivationOps.hardtanh(this, -1, 1);
    }
    /** Hardtanh clamping to [min, max], gradient zero at and beyond the bounds (F.hardtanh(x, min, max)). */
    public Tensor hardtanh(double min, double max) {
        return ActivationOps.hardtanh(this, min, max);
    }
}
