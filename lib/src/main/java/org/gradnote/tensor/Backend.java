package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arithmetic gradient rules are written in, once, for both places values live: {@link #HEAP} computes on
 * {@link Small} heap values, {@link #ND} on ND4J arrays through {@link Engine}. An op's rule in {@link UnaryOp} or
 * {@link BinaryOp} is a composition of these calls, so the heap and the native path run the same maths.
 *
 * <p>Operands have one dtype or one is a one-element value (a Java number's operand, see {@link #scalar}); binary
 * calls broadcast as the forward op did. On the heap every result is rounded to the type, so float32 + - * / give
 * the bits ND4J's float kernels give.
 */
abstract class Backend<A> {
    abstract A add(A x, A y);

    abstract A sub(A x, A y);

    abstract A mul(A x, A y);

    abstract A div(A x, A y);

    abstract A pow(A x, A y);

    abstract A add(A x, double c);

    abstract A mul(A x, double c);

    abstract A div(A x, double c);
    /** c - x. */
    abstract A rsub(double c, A x);

    abstract A pow(A x, double p);

    abstract A neg(A x);

    abstract A log(A x);
    /** -1, 0 or +1 (0 at ±0, NaN at NaN). */
    abstract A sign(A x);
    /** g where x > 0, 0 where x <= 0, g where x is NaN (torch's threshold_backward: NaN is not <= 0). */
    abstract A whereNotPositiveZero(A g, A x);
    /**
     * g where x > 0, c·g elsewhere, NaN included (c rounded to g's type first): leakyRelu's forward (g = x) and its
     * rule (torch's leaky_relu_backward).
     */
    abstract A leaky(A g, A x, double c);
    /** A one-element value of like's type holding c (a Java number operand of a scalar form). */
    abstract A scalar(double c, A like);
    /** The gradient g of a broadcast result summed down to the shape of {@code operand}. */
    abstract A sumTo(A g, A operand);
    /**
     * g, laid out as {@code kept} (a shape with some of {@code shape}'s dims set to 1), repeated along those dims to
     * {@code shape}: a reduction's gradient spread back over its input.
     */
    abstract A expand(A g, long[] kept, long[] shape);

    static final Backend<Small> HEAP = new Heap();
    static final Backend<INDArray> ND = new Nd();

    /** Java loops over heap values (no lambdas: each op is its own loop, as on every hot path here). */
    private static final class Heap extends Backend<Small> {
        private static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, POW = 4;

        private static Small binary(int op, Small x, Small y) {
            int n = Math.max(x.v.length, y.v.length);
            long[] shape = x.v.length >= y.v.length ? x.shape : y.shape;
            double[] out = new double[n];
            boolean rx = x.v.length == 1, ry = y.v.length == 1;
            for (int i = 0; i < n; i++) {
                double p = x.v[rx ? 0 : i], q = y.v[ry ? 0 : i];
                switch (op) {
                    case ADD:
                        out[i] = p + q;
                        break;
                    case SUB:
                        out[i] = p - q;
                        break;
                    case MUL:
                        out[i] = p * q;
                        break;
                    case DIV:
                        out[i] = p / q;
                        break;
                    default:
                        out[i] = Math.pow(p, q);
                }
            }
            return Small.rounded(x.type, shape, out);
        }

        private static Small withScalar(int op, Small x, double c) {
            return binary(op, x, new Small(x.type, new long[0], new double[] {Small.round(x.type, c)}));
        }

        @Override
        Small add(Small x, Small y) {
            return binary(ADD, x, y);
        }

        @Override
        Small sub(Small x, Small y) {
            return binary(SUB, x, y);
        }

        @Override
        Small mul(Small x, Small y) {
            return binary(MUL, x, y);
        }

        @Override
        Small div(Small x, Small y) {
            return binary(DIV, x, y);
        }

        @Override
        Small pow(Small x, Small y) {
            return binary(POW, x, y);
        }

        @Override
        Small add(Small x, double c) {
            return withScalar(ADD, x, c);
        }

        @Override
        Small mul(Small x, double c) {
            return withScalar(MUL, x, c);
        }

        @Override
        Small div(Small x, double c) {
            return withScalar(DIV, x, c);
        }

        @Override
        Small pow(Small x, double p) {
            return withScalar(POW, x, p);
        }

        @Override
        Small rsub(double c, Small x) {
            return binary(SUB, new Small(x.type, new long[0], new double[] {Small.round(x.type, c)}), x);
        }

        @Override
        Small neg(Small x) {
            double[] out = new double[x.v.length];
            for (int i = 0; i < out.length; i++) out[i] = -x.v[i];
            return new Small(x.type, x.shape, out);
        }

        @Override
        Small log(Small x) {
            double[] out = new double[x.v.length];
            for (int i = 0; i < out.length; i++) out[i] = Math.log(x.v[i]);
            return Small.rounded(x.type, x.shape, out);
        }

        @Override
        Small sign(Small x) {
            double[] out = new double[x.v.length];
            for (int i = 0; i < out.length; i++) out[i] = Math.signum(x.v[i]);
            return new Small(x.type, x.shape, out);
        }

        @Override
        Small whereNotPositiveZero(Small g, Small x) {
            double[] out = new double[g.v.length];
            for (int i = 0; i < out.length; i++) out[i] = x.v[i] <= 0 ? 0.0 : g.v[i];
            return new Small(g.type, g.shape, out);
        }

        @Override
        Small leaky(Small g, Small x, double c) {
            double k = Small.round(g.type, c);
            double[] out = new double[g.v.length];
            for (int i = 0; i < out.length; i++) out[i] = x.v[i] > 0 ? g.v[i] : g.v[i] * k;
            return Small.rounded(g.type, g.shape, out);
        }

        @Override
        Small scalar(double c, Small like) {
            return new Small(like.type, new long[0], new double[] {Small.round(like.type, c)});
        }

        @Override
        Small sumTo(Small g, Small operand) {
            if (operand.numel() == g.numel()) return new Small(g.type, operand.shape, g.v);
            double s = 0;
            for (double v : g.v) s += v;
            return Small.filled(g.type, operand.shape, s);
        }

        @Override
        Small expand(Small g, long[] kept, long[] shape) {
            if (g.v.length == 1) return Small.filled(g.type, shape, g.v[0]);
            // Output element i reads the kept element whose index drops i's coordinates along the repeated dims.
            int n = Math.toIntExact(Shapes.numel(shape));
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                int rest = i, src = 0, stride = 1;
                for (int k = shape.length - 1; k >= 0; k--) {
                    int c = (int) (rest % shape[k]);
                    rest /= (int) shape[k];
                    if (kept[k] != 1) src += c * stride;
                    stride *= (int) kept[k];
                }
                out[i] = g.v[src];
            }
            return new Small(g.type, shape, out);
        }
    }

    /** Native kernels through {@link Engine} (cached op contexts). */
    private static final class Nd extends Backend<INDArray> {
        @Override
        INDArray add(INDArray x, INDArray y) {
            return Engine.broadcastBinary("add", "add backward", x, y);
        }

        @Override
        INDArray sub(INDArray x, INDArray y) {
            return Engine.broadcastBinary("subtract", "sub backward", x, y);
        }

        @Override
        INDArray mul(INDArray x, INDArray y) {
            return Engine.broadcastBinary("multiply", "mul backward", x, y);
        }

        @Override
        INDArray div(INDArray x, INDArray y) {
            return Engine.broadcastBinary("divide", "div backward", x, y);
        }

        @Override
        INDArray pow(INDArray x, INDArray y) {
            return Engine.broadcastBinary("Pow", "pow backward", x, y);
        }

        @Override
        INDArray add(INDArray x, double c) {
            return Engine.scalarOp("add", x, c);
        }

        @Override
        INDArray mul(INDArray x, double c) {
            return Engine.scalarOp("multiply", x, c);
        }

        @Override
        INDArray div(INDArray x, double c) {
            return Engine.scalarOp("divide", x, c);
        }

        @Override
        INDArray rsub(double c, INDArray x) {
            return Engine.scalarOp("reversesubtract", x, c);
        }

        @Override
        INDArray pow(INDArray x, double p) {
            return Engine.transform("pow", x, p);
        }

        @Override
        INDArray neg(INDArray x) {
            return Engine.transform("neg", x, 0);
        }

        @Override
        INDArray log(INDArray x) {
            return Engine.transform("log", x, 0);
        }

        @Override
        INDArray sign(INDArray x) {
            return Engine.transform("sign", x, 0);
        }

        @Override
        INDArray whereNotPositiveZero(INDArray g, INDArray x) {
            return ReluLoops.gradient(x, g);
        }

        @Override
        INDArray leaky(INDArray g, INDArray x, double c) {
            // A Java loop: ND4J's lrelu rounds c to float32 (float64 users would see it), and a loop is one pass.
            DataType t = g.dataType();
            double k = Small.round(t, c);
            double[] gv = Engine.toDoubles(g), xv = g == x ? gv : Engine.toDoubles(x);
            double[] out = new double[gv.length];
            for (int i = 0; i < out.length; i++) out[i] = xv[i] > 0 ? gv[i] : gv[i] * k;
            return Reduce.toArray(out, t, g.shape());
        }

        @Override
        INDArray scalar(double c, INDArray like) {
            return Engine.operandScalar(like.dataType() == DataType.BOOL ? DataType.FLOAT : like.dataType(), c);
        }

        @Override
        INDArray sumTo(INDArray g, INDArray operand) {
            return Engine.sumToShape(g, operand.shape());
        }

        @Override
        INDArray expand(INDArray g, long[] kept, long[] shape) {
            // One element: one fill, not a broadcast view plus a copy.
            if (g.length() == 1) return Engine.filled(g.dataType(), shape, g.getDouble(0));
            return Primitives.expand(g.reshape(kept), shape);
        }
    }
}
