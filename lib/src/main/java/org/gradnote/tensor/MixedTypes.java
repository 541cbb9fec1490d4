package org.gradnote.tensor;

/**
 * gradnote's own refusals of dtypes an op does not take, in torch 1.13's rules, checked before any native call so
 * that the message names the op, the dtypes and the shapes (libnd4j's would name its kernel, or print a validation
 * error and fail later).
 *
 * <p>Where torch promotes (element-wise ops, losses between input and target, cat/stack, where) the ops promote;
 * these checks are for the ops torch refuses: products and layers whose operands must share one dtype
 * ({@code expected scalar type Double but found Float}), float-only functions on integers, float indices.
 */
final class MixedTypes {
    private MixedTypes() {}

    /** How a layer's operands are named in a message (linear, convolutions, layer norm). */
    static final String[] INPUT_WEIGHT_BIAS = {"the input", "the weight", "the bias"};

    /** torch's name of a dtype in its "expected scalar type" messages. */
    static String torchName(DType t) {
        return switch (t) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
            case INT32 -> "Int";
            case BOOL -> "Bool";
        };
    }

    /** A tensor as a message shows it: "float64 of shape [2, 3]". */
    static String describe(Tensor t) {
        return t.dtype() + " of shape " + Shapes.str(t.shape());
    }

    /**
     * Refuses operands of different dtypes, as torch's products, convolutions, normalisations and recurrent layers
     * do: {@code names[i]} ("the weight") names {@code operands[i]} in the message; null operands (an absent bias) are skipped.
     */
    static void same(String op, String[] names, Tensor... operands) {
        Tensor first = null;
        int at = -1;
        for (int i = 0; i < operands.length; i++) {
            Tensor t = operands[i];
            if (t == null) continue;
            if (first == null) {
                first = t;
                at = i;
            } else if (t.dtype() != first.dtype()) {
                throw new IllegalArgumentException(op + ": " + names[at] + " is " + describe(first) + " but "
                        + names[i] + " is " + describe(t) + "; they must have one dtype (torch: expected scalar type "
                        + torchName(first.dtype()) + " but found " + torchName(t.dtype())
                        + "); convert one with toFloat() or toDouble(), or a module with to(DType)");
            }
        }
    }

    /** Refuses an integer or bool input of a function torch only implements for floats (softmax, leaky_relu...). */
    static void floatInput(String op, Tensor x) {
        if (x.dtype().isFloatingPoint()) return;
        throw new IllegalArgumentException(op + ": needs a float32 or float64 input, got " + describe(x)
                + " (torch implements it for floating types only: not implemented for '" + torchName(x.dtype())
                + "'); convert it with toFloat() first");
    }

    /** Refuses a bool operand of a product (torch: "addmm_impl_cpu_" not implemented for 'Bool'). */
    static void notBool(String op, Tensor x) {
        if (x.dtype() != DType.BOOL) return;
        throw new IllegalArgumentException(op + ": bool operands cannot be multiplied, got " + describe(x)
                + " (as torch); convert it with toFloat() or toLong() first");
    }

    /** Refuses an index tensor that is not int64 or int32 (torch: "Expected dtype int32 or int64 for index"). */
    static void indices(String op, Tensor index) {
        if (index.dtype() == DType.INT64 || index.dtype() == DType.INT32) return;
        throw new IllegalArgumentException(op + ": the index must be int64 or int32, got " + describe(index)
                + " (as torch); convert it with toLong() first");
    }
}
