package org.gradnote.tensor;

import static org.gradnote.tensor.TensorErrorsTest.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reductions refuse what torch refuses, in gradnote's words (the op, the dtype or shape), never in ND4J's: float-only
 * reductions of integer and bool tensors, max/min/argmax of nothing, pooling of integers, dimensions out of range.
 */
class ReductionErrorsTest {
    static Tensor ints() {
        return Tensor.of(1L, 2, 3, 4).reshape(2, 2);
    }

    /** No trace of the engine underneath in a message meant for users. */
    static void assertOwnWords(Throwable e) {
        String m = String.valueOf(e.getMessage());
        for (String raw : new String[] {"libnd4j", "ND4J", "nd4j", "native op", ".cpp"}) {
            assertFalse(m.contains(raw), () -> "raw engine text '" + raw + "' in: " + m);
        }
    }

    static Stream<Arguments> floatOnlyReductions() {
        return Stream.of(
                Arguments.of("mean", "int64", (Supplier<Tensor>) () -> ints().mean()),
                Arguments.of("mean", "int64", (Supplier<Tensor>) () -> ints().mean(1)),
                Arguments.of("mean", "bool", (Supplier<Tensor>)
                        () -> Tensor.of(true, false).mean()),
                Arguments.of("mean", "int32", (Supplier<Tensor>)
                        () -> ints().to(DType.INT32).mean(0, true)),
                Arguments.of("var", "int64", (Supplier<Tensor>) () -> ints().var(true)),
                Arguments.of("var", "int64", (Supplier<Tensor>) () -> ints().var(0, true, false)),
                Arguments.of("std", "int64", (Supplier<Tensor>) () -> ints().std(1, false, true)),
                Arguments.of("std", "bool", (Supplier<Tensor>)
                        () -> Tensor.of(true, false).std(true)));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("floatOnlyReductions")
    void floatOnlyReductionsOfIntegersNameTheOpAndTheDtype(String op, String dtype, Supplier<Tensor> f) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, f::get);
        assertMentions(e, op + "()", dtype, "toFloat()");
        assertOwnWords(e);
    }

    @Test
    void sumsOfIntegersAndBoolsAreAllowedAndInt64() {
        assertEquals(DType.INT64, ints().sum(0).dtype());
        assertEquals(DType.INT64, Tensor.of(true, true).sum().dtype());
        assertEquals(2, Tensor.of(true, true).sum().toLongArray()[0]);
    }

    static Stream<Arguments> emptyExtremes() {
        return Stream.of(
                Arguments.of(
                        "max", "[0]", (Supplier<Object>) () -> Tensor.zeros(0).max()),
                Arguments.of("min", "[0, 3]", (Supplier<Object>)
                        () -> Tensor.zeros(0, 3).min()),
                Arguments.of("argmax", "[0]", (Supplier<Object>)
                        () -> Tensor.zeros(0).argmax()),
                Arguments.of("argmin", "[0, 3]", (Supplier<Object>)
                        () -> Tensor.zeros(0, 3).argmin()),
                Arguments.of("max", "[0, 3]", (Supplier<Object>)
                        () -> Tensor.zeros(0, 3).max(0)),
                Arguments.of("min", "[0, 3]", (Supplier<Object>)
                        () -> Tensor.zeros(0, 3).min(0, true)),
                Arguments.of("amax", "[0, 3]", (Supplier<Object>)
                        () -> Tensor.zeros(0, 3).amax(0)),
                Arguments.of("argmax", "[3, 0]", (Supplier<Object>)
                        () -> Tensor.zeros(3, 0).argmax(1)));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("emptyExtremes")
    void extremesOfNothingAreRefusedNamingTheOpAndTheShape(String op, String shape, Supplier<Object> f) {
        RuntimeException e = assertThrows(RuntimeException.class, f::get);
        assertMentions(e, op + "()", shape);
        assertOwnWords(e);
    }

    @Test
    void everyTableReductionIsOneNodeNamedAfterItsOp() {
        Tensor x = Tensor.of(DType.FLOAT64, 1, 2, 3, 4, 5, 6).reshape(2, 3).requiresGrad(true);
        assertEquals("prod", x.prod().gradFn()); // was the select of a cumprod
        assertEquals("prod", x.prod(1, false).gradFn());
        assertEquals("max", x.max().gradFn());
        assertEquals("amin", x.amin(0).gradFn());
        assertEquals("var", x.var().gradFn());
        assertEquals("std", x.std(1, true, true).gradFn());
    }

    @Test
    void prodRefusesABackwardAfterItsOutputChangedInPlace() {
        // Its rule reads the output, as torch's prod_backward does, so the output is saved and version-checked.
        Tensor x = Tensor.of(DType.FLOAT64, 1, 2, 3, 4).reshape(2, 2).requiresGrad(true);
        Tensor p = x.prod(1, false);
        Tensor y = p.add(1.0); // add saves nothing: only prod's own saved output can refuse
        try (var g = Tensor.noGrad()) {
            p.mul_(2.0);
        }
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertMentions(e, "'prod'", "in-place");
    }

    @Test
    void reductionDimensionsOutOfRangeNameTheOpAndTheRank() {
        for (Supplier<Object> f : java.util.List.<Supplier<Object>>of(
                () -> ints().sum(2),
                () -> Tensor.ones(2, 2).mean(new int[] {0, 5}, false),
                () -> ints().max(-3),
                () -> ints().argmin(2),
                () -> Tensor.ones(2, 2).var(4, true, false))) {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, f::get);
            assertMentions(e, "dimension", "rank 2");
            assertOwnWords(e);
        }
    }

    @Test
    void poolingAnIntegerTensorIsRefusedAsInTorch() {
        Tensor x = Tensor.zeros(DType.FLOAT32, 1, 1, 4, 4).toLong();
        IllegalArgumentException max =
                assertThrows(IllegalArgumentException.class, () -> Functional.maxPool2d(x, 2, 2, 0));
        assertMentions(max, "maxPool2d", "int64", "[1, 1, 4, 4]");
        assertOwnWords(max);
        IllegalArgumentException avg =
                assertThrows(IllegalArgumentException.class, () -> Functional.avgPool2d(x, 2, 2, 0));
        assertMentions(avg, "avgPool2d", "int64");
    }

    @Test
    void normalisingAnIntegerTensorIsRefusedNamingTheDtype() {
        Tensor x = Tensor.ones(DType.FLOAT32, 4, 3).toLong();
        IllegalArgumentException bn = assertThrows(
                IllegalArgumentException.class, () -> Functional.batchNorm(x, null, null, null, null, true, 0.1, 1e-5));
        assertMentions(bn, "batchNorm", "int64");
        IllegalArgumentException ln = assertThrows(
                IllegalArgumentException.class, () -> Functional.layerNorm(x, new long[] {3}, null, null, 1e-5));
        assertMentions(ln, "layerNorm", "int64");
    }

    @Test
    void binaryCrossEntropiesNameTheirDtypesAndShapes() {
        IllegalArgumentException dtype = assertThrows(
                IllegalArgumentException.class,
                () -> Functional.binaryCrossEntropyWithLogits(Tensor.of(0.5, 0.5), Tensor.of(1L, 0)));
        assertMentions(dtype, "binaryCrossEntropyWithLogits", "float32", "int64");
        ShapeException shape = assertThrows(
                ShapeException.class,
                () -> Functional.binaryCrossEntropy(Tensor.of(0.5, 0.5), Tensor.of(1.0, 0.0, 1.0)));
        assertMentions(shape, "binaryCrossEntropy", "[2]", "[3]");
        // A NaN probability is refused as torch refuses it ("should be between 0 and 1"), not turned into a loss.
        IllegalArgumentException nan = assertThrows(
                IllegalArgumentException.class,
                () -> org.gradnote.nn.Losses.bce(
                        Tensor.of(0.5, Double.NaN), Tensor.of(1.0, 0.0), org.gradnote.nn.Reduction.MEAN));
        assertMentions(nan, "bce", "[0, 1]", "NaN");
    }
}
