package org.gradnote.tensor;

import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ground rule: bad input fails at once with a message that names the op and the culprit. */
class TensorErrorsTest {

    static void assertMentions(Throwable e, String... parts) {
        String m = e.getMessage();
        for (String p : parts) assertTrue(m != null && m.contains(p), () -> "message should mention '" + p + "': " + m);
    }

    static Tensor t64(double... values) {
        return Tensor.fromArray(FLOAT64, values, values.length);
    }

    static Tensor x64(long... shape) {
        return Tensor.ones(FLOAT64, shape);
    }

    // ------------------------------------------------------------ shape mismatches

    static Stream<Arguments> binaryShapeMismatches() {
        return Stream.of(
                Arguments.of("add", (Function<Tensor[], Tensor>) t -> t[0].add(t[1])),
                Arguments.of("sub", (Function<Tensor[], Tensor>) t -> t[0].sub(t[1])),
                Arguments.of("mul", (Function<Tensor[], Tensor>) t -> t[0].mul(t[1])),
                Arguments.of("div", (Function<Tensor[], Tensor>) t -> t[0].div(t[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryShapeMismatches")
    void elementWiseShapeMismatchNamesOpAndBothShapes(String op, Function<Tensor[], Tensor> f) {
        ShapeException e = assertThrows(ShapeException.class, () -> f.apply(new Tensor[] {x64(2, 3), x64(4)}));
        assertMentions(e, op, "[2, 3]", "[4]");
    }

    @Test
    void shapeExceptionIsAnIllegalArgumentException() {
        // Users catching IllegalArgumentException get shape errors too.
        assertThrows(IllegalArgumentException.class, () -> x64(2, 3).add(x64(3, 2)));
    }

    @Test
    void matmulShapeMismatchNamesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> x64(2, 3).matmul(x64(2, 3)));
        assertMentions(e, "matmul", "[2, 3]", "3 != 2");
        ShapeException scalar =
                assertThrows(ShapeException.class, () -> Tensor.scalar(1).matmul(x64(2, 2)));
        assertMentions(scalar, "matmul", "[]", "[2, 2]");
        ShapeException vec = assertThrows(ShapeException.class, () -> x64(3).matmul(x64(4)));
        assertMentions(vec, "matmul", "[3]", "[4]");
    }

    @Test
    void catShapeMismatchNamesBothShapesAndTheDimension() {
        ShapeException e = assertThrows(ShapeException.class, () -> Tensor.cat(0, x64(2, 3), x64(2, 4)));
        assertMentions(e, "cat", "tensor 1", "[2, 4]", "[2, 3]", "but 0");
        ShapeException rank = assertThrows(ShapeException.class, () -> Tensor.cat(0, x64(2, 3), x64(3)));
        assertMentions(rank, "cat", "[3]", "[2, 3]");
    }

    @Test
    void stackShapeMismatchNamesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> Tensor.stack(0, x64(2, 3), x64(3, 2)));
        assertMentions(e, "stack", "[3, 2]", "[2, 3]");
    }

    @Test
    void linearShapeMismatchNamesInputAndWeightShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> Tensor.linear(x64(5, 4), x64(2, 3), x64(2)));
        assertMentions(e, "linear", "[5, 4]", "[2, 3]");
    }

    @Test
    void reshapeToWrongSizeNamesShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> x64(2, 3).reshape(4, 2));
        assertMentions(e, "reshape", "[4, 2]", "[2, 3]");
        assertThrows(ShapeException.class, () -> x64(2, 3).reshape(-1, -1));
    }

    @Test
    void whereNeedsABoolCondition() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Tensor.where(x64(2), x64(2), x64(2)));
        assertMentions(e, "where", "bool", "float64");
    }

    @Test
    void fromArrayWithTooFewValuesNamesShape() {
        ShapeException e = assertThrows(ShapeException.class, () -> Tensor.fromArray(new double[] {1, 2, 3}, 2, 2));
        assertMentions(e, "fromArray", "3 values", "[2, 2]");
        assertThrows(ShapeException.class, () -> Tensor.of(new double[][] {{1, 2}, {3}}));
    }

    @Test
    void inPlaceOpCannotBroadcastTheDestination() {
        Tensor a = x64(3);
        ShapeException e = assertThrows(ShapeException.class, () -> a.add_(x64(2, 3)));
        assertMentions(e, "[2, 3]", "[3]");
        assertThrows(ShapeException.class, () -> a.copy_(x64(4)));
    }

    // ------------------------------------------------------------ backward misuse

    @Test
    void backwardOnNonScalarWithoutUpstreamGradientNamesTheShape() {
        Tensor x = x64(2, 3).requiresGrad(true);
        Tensor y = x.mul(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertMentions(e, "scalar", "[2, 3]");
        // With an explicit upstream gradient it works.
        y.backward(Tensor.onesLike(y));
        assertArrayEquals(new double[] {2, 2, 2, 2, 2, 2}, x.grad().toDoubleArray());
    }

    @Test
    void backwardWithWrongUpstreamShapeNamesBothShapes() {
        Tensor y = x64(2, 3).requiresGrad(true).mul(2);
        ShapeException e = assertThrows(ShapeException.class, () -> y.backward(x64(3, 2)));
        assertMentions(e, "[3, 2]", "[2, 3]");
    }

    @Test
    void backwardOnATensorThatDoesNotRequireGradFails() {
        Tensor y = x64(2).mul(2).sum();
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertMentions(e, "requiresGrad");
    }

    @Test
    void secondBackwardThroughAFreedGraphFailsNamingAnOp() {
        Tensor x = t64(2.0).requiresGrad(true);
        Tensor loss = x.exp().sum();
        loss.backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertMentions(e, "second time", "backward(true)", "exp");
    }

    @Test
    void opsThatSavedNothingCanBeBackpropagatedTwiceAsInPyTorch() {
        Tensor x = t64(2.0).requiresGrad(true);
        Tensor loss = x.add(1).sum();
        loss.backward();
        loss.backward();
        assertEquals(2.0, x.grad().item(), 1e-12);
    }

    @Test
    void retainGraphAllowsASecondBackwardAndGradientsAccumulate() {
        Tensor x = t64(2.0).requiresGrad(true);
        Tensor loss = x.mul(x).sum(); // d/dx = 2x = 4
        loss.backward(Tensor.scalar(1).to(FLOAT64), true);
        assertEquals(4.0, x.grad().item(), 1e-12);
        loss.backward(Tensor.scalar(1).to(FLOAT64), true);
        assertEquals(8.0, x.grad().item(), 1e-12);
        loss.backward(); // the last one may free the graph
        assertEquals(12.0, x.grad().item(), 1e-12);
        assertThrows(IllegalStateException.class, loss::backward);
    }

    // ------------------------------------------------------------ in-place changes

    @Test
    void inPlaceChangeOfAnExpOutputBeforeBackwardNamesTheOp() {
        // exp's gradient reads its own output: changing the output in place must be refused at backward time.
        Tensor x = t64(0.5, 1.0).requiresGrad(true);
        Tensor y = x.exp();
        y.mul_(2);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertMentions(e, "exp", "in-place");
    }

    @Test
    void inPlaceChangeInsideNoGradOfAnExpOutputIsStillDetected() {
        Tensor x = t64(0.5, 1.0).requiresGrad(true);
        Tensor y = x.exp();
        try (var g = Tensor.noGrad()) {
            y.add_(1);
        }
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertMentions(e, "exp", "in-place");
    }

    @Test
    void inPlaceChangeOfAnInputSavedByMulNamesTheOp() {
        Tensor x = t64(1, 2).requiresGrad(true);
        Tensor h = x.mul(3); // non-leaf
        Tensor y = h.mul(h); // mul saves h
        h.mul_(2);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertMentions(e, "'mul'", "in-place", "[2]");
    }

    @Test
    void inPlaceChangeOfALeafInsideNoGradIsDetectedAtBackward() {
        Tensor w = t64(1, 2).requiresGrad(true);
        Tensor y = w.square().sum();
        try (var g = Tensor.noGrad()) {
            w.sub_(t64(0.1, 0.1));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertMentions(e, "pow", "in-place");
    }

    @Test
    void inPlaceChangeOfOtherOutputReadingOpsIsDetected() {
        // sqrt, div, rdiv, logSoftmax and max also read their own output in the gradient rule.
        java.util.List<java.util.function.Function<Tensor, Tensor>> ops = java.util.List.of(
                Tensor::sqrt,
                t -> t.div(t64(2, 4)),
                t -> t.rdiv(1),
                t -> t.reshape(1, 2).logSoftmax(1),
                Tensor::max);
        String[] names = {"sqrt", "div", "rdiv", "logSoftmax", "max"};
        for (int i = 0; i < names.length; i++) {
            Tensor x = t64(1, 2).requiresGrad(true);
            Tensor y = ops.get(i).apply(x);
            y.mul_(3);
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> y.sum().backward(), names[i]);
            assertMentions(e, "'" + names[i] + "'");
        }
    }

    @Test
    void inPlaceChangeThroughAViewIsDetected() {
        // Views share the version counter with what they view, as in PyTorch (the tensors here are above the heap
        // limit, so the values live in ND4J and reshape/permute are real views; slices are copies in gradnote).
        for (String how : new String[] {"reshape", "transpose", "unsqueeze"}) {
            Tensor x = Tensor.rand(DType.FLOAT64, 20, 20).requiresGrad(true);
            Tensor y = x.exp();
            Tensor view = switch (how) {
                case "reshape" -> y.reshape(400);
                case "transpose" -> y.t();
                default -> y.unsqueeze(0);
            };
            try (GradMode ignored = Tensor.noGrad()) {
                view.mul_(2);
            }
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> y.sum().backward(), how);
            assertTrue(e.getMessage().contains("'exp'"), e.getMessage());
        }
        // a result that is a copy does not share it: changing it leaves y's graph usable
        Tensor x = Tensor.rand(DType.FLOAT64, 20, 20).requiresGrad(true);
        Tensor y = x.exp();
        y.add(1).mul_(2);
        y.sum().backward();
        assertEquals(400, x.grad().numel());
    }

    @Test
    void inPlaceChangeThroughADetachedAliasIsDetected() {
        // detach() shares the values and their version counter, as in PyTorch.
        Tensor x = t64(0.5, 1.0).requiresGrad(true);
        Tensor y = x.exp();
        y.detach().mul_(2);
        assertThrows(IllegalStateException.class, () -> y.sum().backward());
    }

    @Test
    void outputsOfOpsThatDoNotSaveThemMayBeChangedInPlace() {
        // add does not need its output for the gradient, so y += 1 is harmless (as in PyTorch).
        Tensor x = t64(1, 2).requiresGrad(true);
        Tensor y = x.add(1);
        y.add_(1);
        y.sum().backward();
        assertArrayEquals(new double[] {1, 1}, x.grad().toDoubleArray());
    }

    @Test
    void inPlaceOnALeafRequiringGradOutsideNoGradIsRefused() {
        Tensor w = x64(2, 2).requiresGrad(true);
        for (String op : new String[] {"mul_", "add_", "sub_", "zero_", "fill_", "copy_"}) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> {
                        switch (op) {
                            case "mul_":
                                w.mul_(2);
                                break;
                            case "add_":
                                w.add_(x64(2, 2));
                                break;
                            case "sub_":
                                w.sub_(x64(2, 2));
                                break;
                            case "zero_":
                                w.zero_();
                                break;
                            case "fill_":
                                w.fill_(3);
                                break;
                            default:
                                w.copy_(x64(2, 2));
                        }
                    },
                    op);
            assertMentions(e, op, "leaf", "noGrad");
        }
        try (var g = Tensor.noGrad()) {
            w.mul_(3);
        }
        assertArrayEquals(new double[] {3, 3, 3, 3}, w.toDoubleArray());
    }

    // ------------------------------------------------------------ scalars, indices

    @Test
    void itemOnANonScalarNamesTheShape() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> x64(2, 3).item());
        assertMentions(e, "item", "6 elements", "[2, 3]");
        assertEquals(1.0, x64(1, 1).item());
    }

    @Test
    void selectOutOfRangeNamesIndexDimensionAndSize() {
        IndexOutOfBoundsException e =
                assertThrows(IndexOutOfBoundsException.class, () -> x64(3, 4).select(1, 4));
        assertMentions(e, "select", "4", "dimension 1", "size 4");
        assertThrows(IndexOutOfBoundsException.class, () -> x64(3, 4).select(0, -4));
        assertEquals(4, x64(3, 4).select(0, -1).numel());
        IndexOutOfBoundsException dim =
                assertThrows(IndexOutOfBoundsException.class, () -> x64(3, 4).select(2, 0));
        assertMentions(dim, "select", "dimension 2", "rank 2");
    }

    @Test
    void indexSelectOutOfRangeNamesIndexAndSize() {
        IndexOutOfBoundsException e =
                assertThrows(IndexOutOfBoundsException.class, () -> x64(3, 4).indexSelect(0, Tensor.of(0L, 3L)));
        assertMentions(e, "indexSelect", "3", "size 3");
        IndexOutOfBoundsException neg =
                assertThrows(IndexOutOfBoundsException.class, () -> x64(3, 4).indexSelect(1, Tensor.of(-1L)));
        assertMentions(neg, "indexSelect", "-1");
        ShapeException twoD =
                assertThrows(ShapeException.class, () -> x64(3, 4).indexSelect(0, Tensor.zeros(DType.INT64, 1, 1)));
        assertMentions(twoD, "indexSelect", "1-D");
    }

    @Test
    void gatherOutOfRangeNamesIndexAndSize() {
        Tensor src = Tensor.fromArray(FLOAT64, new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        IndexOutOfBoundsException e = assertThrows(
                IndexOutOfBoundsException.class,
                () -> src.gather(1, Tensor.fromArray(DType.INT64, new double[] {0, 3}, 2, 1)));
        assertMentions(e, "gather", "index 3", "size 3");
        ShapeException rank = assertThrows(ShapeException.class, () -> src.gather(1, Tensor.of(0L, 1L)));
        assertMentions(rank, "gather", "[2]", "[2, 3]");
    }

    @Test
    void getOutOfRangeNamesIndex() {
        IndexOutOfBoundsException e =
                assertThrows(IndexOutOfBoundsException.class, () -> x64(2, 2).get(0, 2));
        assertMentions(e, "get", "2", "dimension 1");
        assertThrows(IndexOutOfBoundsException.class, () -> x64(2, 2).get(0));
    }

    @Test
    void oneHotWithAClassOutOfRangeNamesIt() {
        IndexOutOfBoundsException e = assertThrows(
                IndexOutOfBoundsException.class, () -> Tensor.of(0L, 5L).oneHot(3));
        assertMentions(e, "oneHot", "5", "3 classes");
    }

    @Test
    void requiresGradOnAnIntegerTensorFailsNamingTheDtype() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Tensor.of(1L, 2L).requiresGrad(true));
        assertMentions(e, "int64");
        assertThrows(
                IllegalArgumentException.class, () -> Tensor.of(true, false).requiresGrad(true));
    }

    @Test
    void requiresGradFalseOnANonLeafPointsToDetach() {
        Tensor y = x64(2).requiresGrad(true).mul(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.requiresGrad(false));
        assertMentions(e, "detach");
    }

    @Test
    void setGradWithWrongShapeNamesBothShapes() {
        Tensor w = x64(2, 2).requiresGrad(true);
        ShapeException e = assertThrows(ShapeException.class, () -> w.setGrad(x64(4)));
        assertMentions(e, "setGrad", "[4]", "[2, 2]");
    }

    @Test
    void defaultDTypeMustBeFloatingPoint() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Tensor.setDefaultDType(DType.INT64));
        assertMentions(e, "int64");
        assertEquals(DType.FLOAT32, Tensor.defaultDType());
    }

    @Test
    void arangeWithZeroStepFails() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.arange(0, 1, 0));
    }

    /** As torch ("slow_conv2d_cpu" not implemented for 'Long'): integer convolutions are refused by name. */
    @Test
    void integerConvolutionIsRefusedNamingTheOpAndTheType() {
        Tensor x = Tensor.zeros(DType.INT64, 1, 1, 4, 4), w = Tensor.zeros(DType.INT64, 2, 1, 3, 3);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Functional.conv2d(x, w, null, 1, 0, 1));
        assertTrue(e.getMessage().startsWith("conv2d:") && e.getMessage().contains("int64"), e.getMessage());
        Tensor x1 = Tensor.zeros(DType.INT32, 1, 1, 5), w1 = Tensor.zeros(DType.INT32, 2, 1, 3);
        e = assertThrows(IllegalArgumentException.class, () -> Functional.conv1d(x1, w1, null, 1, 0, 1));
        assertTrue(e.getMessage().startsWith("conv1d:") && e.getMessage().contains("int32"), e.getMessage());
    }
}
