package org.gradnote.tensor;

/**
 * An op's dtype rule in torch 1.13's terms: which operand dtypes it takes and which dtype it returns. It is a column
 * of every table entry ({@link UnaryOp}, {@link BinaryOp}, {@link ReduceOp}, {@link SelectOp}, {@link DimOp}), enforced
 * once by the table's {@code apply}, and the declaration of each op outside the tables ({@link Signature}). A refusal
 * happens before any native call and is gradnote's own message: the op, the culprit parameter by name, its dtype and
 * shape (and the other operand's, where two must agree), never libnd4j's words.
 *
 * <p>Operand names: "the input" for a one-operand op, "the first operand" / "the second operand" for a binary one,
 * "the tensor" beside a Java number; {@link Signature} names the parameters of the ops it declares.
 */
enum DTypeRule {
    /**
     * torch.result_type of the operands, bool included (add, mul, clamp and its bounds); with one operand, its own
     * dtype (amax, amin, max(dim) and min(dim) values).
     */
    PROMOTE,
    /** As {@link #PROMOTE}; a bool operand refused, as torch refuses it (sub, neg, abs, relu). */
    PROMOTE_NO_BOOL,
    /** As {@link #PROMOTE}; refused when the promoted type is bool (pow of two bools). */
    PROMOTE_NO_BOOL_RESULT,
    /** The promoted type; integers and bools give the default float type (exp, log, tanh, true division, atan2). */
    PROMOTE_TO_FLOAT,
    /** Floats keep their type; integers and bools accumulate into int64 (sum, prod). */
    INTEGERS_TO_INT64,
    /** int64 indices of an input of any dtype but bool (argmax, argmin: torch's are not implemented for 'Bool'). */
    INDEX_RESULT,
    /** A float32 or float64 input, its type kept (mean, var, std, softmax, logSoftmax, leakyRelu, globalAvgPool). */
    FLOAT,
    /** Every operand of one dtype, integers included: torch's "expected scalar type" (einsum, linear). */
    SAME,
    /** As {@link #SAME}, and not bool (matmul: torch's "addmm_impl_cpu_" is not implemented for 'Bool'). */
    SAME_NO_BOOL,
    /** Every operand of one float dtype (convolutions, lstm, gru, batchNorm, layerNorm, binary cross-entropy). */
    SAME_FLOAT,
    /** Index operands, int64 or int32 (gather, indexSelect, embedding, crossEntropy's target). */
    INDICES;

    private static final String[] INPUT = {"the input"};
    private static final String[] OPERANDS = {"the first operand", "the second operand"};
    private static final String[] TENSOR = {"the tensor"};

    /** The dtype a one-operand op returns for x (named "the input"), or the refusal. */
    DType of(String op, Tensor x) {
        DType t = x.dtype(), r = accepted(t, t, null);
        return r != null ? r : check(op, t, INPUT, new Tensor[] {x});
    }

    /** The dtype a binary op returns for two tensors (torch.result_type, 0-d operands only lifting the category). */
    DType of(String op, Tensor a, Tensor b) {
        DType p = Promotion.of(a, b), r = accepted(p, a.dtype(), b.dtype());
        return r != null ? r : check(op, p, OPERANDS, new Tensor[] {a, b});
    }

    /** The dtype an op between tensor a and a Java number returns, their promoted type being {@code promoted}. */
    DType withNumber(String op, Tensor a, DType promoted) {
        DType r = accepted(promoted, a.dtype(), null);
        return r != null ? r : check(op, promoted, TENSOR, new Tensor[] {a});
    }

    /** The dtype an op of the named operands returns; null operands (an absent bias) are skipped. */
    DType of(String op, String[] names, Tensor... operands) {
        return check(op, Promotion.of(operands), names, operands);
    }

    /**
     * The result for one or two operands of dtypes a and b (b null for one) when the rule cannot refuse them, else
     * null: the element-wise tables' per-call check, without the arrays {@link #check} builds for its message.
     */
    private DType accepted(DType promoted, DType a, DType b) {
        switch (this) {
            case PROMOTE:
                return promoted;
            case PROMOTE_TO_FLOAT:
                return Promotion.floating(promoted);
            case INTEGERS_TO_INT64:
                return promoted.isFloatingPoint() ? promoted : DType.INT64;
            case INDEX_RESULT:
                return a == DType.BOOL ? null : DType.INT64;
            case PROMOTE_NO_BOOL:
                return a == DType.BOOL || b == DType.BOOL ? null : promoted;
            case PROMOTE_NO_BOOL_RESULT:
                return promoted == DType.BOOL ? null : promoted;
            case FLOAT:
                return a.isFloatingPoint() && (b == null || b.isFloatingPoint()) ? promoted : null;
            default:
                return null;
        }
    }

    private DType check(String op, DType promoted, String[] names, Tensor[] operands) {
        switch (this) {
            case PROMOTE:
                return promoted;
            case PROMOTE_NO_BOOL:
                for (int i = 0; i < operands.length; i++) {
                    if (operands[i] != null && operands[i].dtype() == DType.BOOL)
                        throw refusal(
                                op,
                                names,
                                operands,
                                i,
                                "does not take bool operands, as torch; use logical ops,"
                                        + " or convert first, e.g. x.to(DType.INT64)");
                }
                return promoted;
            case PROMOTE_NO_BOOL_RESULT:
                if (promoted == DType.BOOL)
                    throw refusal(
                            op,
                            names,
                            operands,
                            0,
                            "is not defined for bool operands only, as torch; convert"
                                    + " first, e.g. x.to(DType.INT64)");
                return promoted;
            case PROMOTE_TO_FLOAT:
                return Promotion.floating(promoted);
            case INTEGERS_TO_INT64:
                return promoted.isFloatingPoint() ? promoted : DType.INT64;
            case INDEX_RESULT:
                for (int i = 0; i < operands.length; i++) {
                    if (operands[i] != null && operands[i].dtype() == DType.BOOL)
                        throw refusal(
                                op,
                                names,
                                operands,
                                i,
                                "does not take bool operands, as torch (not implemented"
                                        + " for 'Bool'); convert it with toLong() first");
                }
                return DType.INT64;
            case FLOAT:
                for (int i = 0; i < operands.length; i++) floatOperand(op, names, operands, i);
                return promoted;
            case INDICES:
                for (int i = 0; i < operands.length; i++) {
                    Tensor t = operands[i];
                    if (t == null || t.dtype() == DType.INT64 || t.dtype() == DType.INT32) continue;
                    throw new IllegalArgumentException(op + ": " + names[i] + " must be int64 or int32, got "
                            + describe(t) + " (as torch); convert it with toLong() first");
                }
                return promoted;
            default:
                return same(op, names, operands);
        }
    }

    /** SAME, SAME_NO_BOOL, SAME_FLOAT: the operands' one dtype. */
    private DType same(String op, String[] names, Tensor[] operands) {
        int first = -1;
        for (int i = 0; i < operands.length; i++) {
            Tensor t = operands[i];
            if (t == null) continue;
            if (first < 0) {
                first = i;
                if (this == SAME_FLOAT) floatOperand(op, names, operands, i);
                if (this == SAME_NO_BOOL && t.dtype() == DType.BOOL)
                    throw refusal(
                            op,
                            names,
                            operands,
                            i,
                            "does not take bool operands, as torch (not implemented"
                                    + " for 'Bool'); convert it with toFloat() or toLong() first");
            } else if (t.dtype() != operands[first].dtype()) {
                Tensor f = operands[first];
                throw new IllegalArgumentException(op + ": " + names[first] + " is " + describe(f) + " but " + names[i]
                        + " is " + describe(t) + "; they must have one dtype (torch: expected scalar type "
                        + torchName(f.dtype()) + " but found " + torchName(t.dtype())
                        + "); convert one with toFloat() or toDouble(), or a module with to(DType)");
            }
        }
        return first < 0 ? null : operands[first].dtype();
    }

    private static void floatOperand(String op, String[] names, Tensor[] operands, int i) {
        Tensor t = operands[i];
        if (t == null || t.dtype().isFloatingPoint()) return;
        throw new IllegalArgumentException(op + ": " + names[i] + " must be float32 or float64, got " + describe(t)
                + " (torch implements " + bare(op) + " for floating types only: not implemented for '"
                + torchName(t.dtype()) + "'); convert it with toFloat() or toDouble() first");
    }

    /** "op: the first operand is bool of shape [2] (the second operand is int64 of shape [2]): op why". */
    private static IllegalArgumentException refusal(
            String op, String[] names, Tensor[] operands, int culprit, String why) {
        StringBuilder m =
                new StringBuilder(op).append(": ").append(names[culprit]).append(" is ");
        m.append(describe(operands[culprit]));
        String sep = " (";
        for (int i = 0; i < operands.length; i++) {
            if (i == culprit || operands[i] == null) continue;
            m.append(sep).append(names[i]).append(" is ").append(describe(operands[i]));
            sep = ", ";
        }
        if (!sep.equals(" (")) m.append(')');
        return new IllegalArgumentException(
                m.append(": ").append(bare(op)).append(' ').append(why).toString());
    }

    /** The op's name without the "()" reductions show in their messages. */
    private static String bare(String op) {
        return op.endsWith("()") ? op.substring(0, op.length() - 2) : op;
    }

    /** A tensor as a message shows it: "float64 of shape [2, 3]". */
    static String describe(Tensor t) {
        return t.dtype() + " of shape " + Shapes.str(t.shape());
    }

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
}
