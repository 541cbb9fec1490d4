package org.gradnote.tensor;

/**
 * PyTorch's type promotion ({@code torch.result_type}): the dtype an element-wise op computes in, from its operands.
 *
 * <p>Categories rank bool < integer < floating; a tensor with dimensions decides within its category, a 0-d tensor
 * or a Java number only lifts the category: int64 tensor + 2.5 is float32 (the default dtype), int32 tensor + 2 stays
 * int32, float32 tensor + float64 0-d tensor stays float32, int64 tensor + float64 0-d tensor is float64. The ops'
 * own rules (true division, float-only functions, bool refusals) are in {@link UnaryOp} and {@link BinaryOp}.
 */
final class Promotion {
    private Promotion() {}

    private static int category(DType t) {
        return t == DType.BOOL ? 0 : t.isFloatingPoint() ? 2 : 1;
    }

    private static int width(DType t) {
        return t == DType.FLOAT64 || t == DType.INT64 ? 2 : 1;
    }

    /** torch.promote_types: the higher category, or within one category the wider type. */
    static DType promote(DType a, DType b) {
        if (a == null) return b;
        if (b == null || a == b) return a;
        int ca = category(a), cb = category(b);
        if (ca != cb) return ca > cb ? a : b;
        return width(a) >= width(b) ? a : b;
    }

    /** A 0-d or Java-number operand's type merged into the tensors' (c10's combine_categories). */
    private static DType combine(DType higher, DType lower) {
        if (higher == null) return lower;
        if (lower == null) return higher;
        if (higher.isFloatingPoint()) return higher;
        if (higher == DType.BOOL || lower.isFloatingPoint()) return promote(higher, lower);
        return higher;
    }

    /** The type of an op between two tensors (either may be 0-d). */
    static DType of(Tensor a, Tensor b) {
        DType dims = null, zero = null;
        if (a.dim() == 0) zero = a.dtype();
        else dims = a.dtype();
        if (b.dim() == 0) zero = promote(zero, b.dtype());
        else dims = promote(dims, b.dtype());
        return combine(dims, zero);
    }

    /** The type of an op between several tensors (null ones skipped: an absent operand), as {@link #of(Tensor, Tensor)}. */
    static DType of(Tensor[] operands) {
        DType dims = null, zero = null;
        for (Tensor t : operands) {
            if (t == null) continue;
            if (t.dim() == 0) zero = promote(zero, t.dtype());
            else dims = promote(dims, t.dtype());
        }
        return combine(dims, zero);
    }

    /** The type of an op between a tensor and a Java number: int64 when {@code integral}, else the default float type. */
    static DType withScalar(Tensor a, boolean integral) {
        DType wrapped = integral ? DType.INT64 : Tensor.defaultDType();
        // A 0-d tensor counts as dimensioned here: torch only ranks 0-d tensors below tensors with dimensions.
        return combine(a.dtype(), wrapped);
    }

    /** The default float type for integer or bool results of an op that only makes sense on floats (exp, /, atan2). */
    static DType floating(DType t) {
        return t.isFloatingPoint() ? t : Tensor.defaultDType();
    }
}
