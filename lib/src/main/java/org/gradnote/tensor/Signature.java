package org.gradnote.tensor;

/**
 * The dtype rules of the ops that are not table entries yet (products, layers, recurrent cells, index ops), declared
 * here in one place as the tables declare theirs: the op's name, its {@link DTypeRule} and its parameters' names in
 * messages. An op checks its operands with one call, {@code Signature.LINEAR.check(x, w, b)}, before any native call;
 * the rule and the messages are {@link DTypeRule}'s, the same as the tables'.
 */
enum Signature {
    /** torch refuses mixed dtypes and bool operands (the 2-D gemm would promote, the batched one fail natively). */
    MATMUL("matmul", DTypeRule.SAME_NO_BOOL, "the first operand", "the second operand"),
    /** Operands named "operand 0", "operand 1"... (the batched matmul under einsum fails natively on mixed dtypes). */
    EINSUM("einsum", DTypeRule.SAME),
    LINEAR("linear", DTypeRule.SAME, "the input", "the weight", "the bias"),
    CONV1D("conv1d", DTypeRule.SAME_FLOAT, "the input", "the weight", "the bias"),
    CONV2D("conv2d", DTypeRule.SAME_FLOAT, "the input", "the weight", "the bias"),
    CONV_TRANSPOSE2D("convTranspose2d", DTypeRule.SAME_FLOAT, "the input", "the weight", "the bias"),
    /** torch: "max_pool2d" not implemented for 'Long' (the native ops would fail in libnd4j's words). */
    MAX_POOL1D("maxPool1d", DTypeRule.FLOAT, "the input"),
    MAX_POOL2D("maxPool2d", DTypeRule.FLOAT, "the input"),
    AVG_POOL1D("avgPool1d", DTypeRule.FLOAT, "the input"),
    AVG_POOL2D("avgPool2d", DTypeRule.FLOAT, "the input"),
    INTERPOLATE("interpolate", DTypeRule.FLOAT, "the input"),
    NORM("norm", DTypeRule.FLOAT, "the input"),
    LSTM(
            "lstm",
            DTypeRule.SAME_FLOAT,
            "the input",
            "weight_ih",
            "weight_hh",
            "bias_ih",
            "bias_hh",
            "the initial hidden state",
            "the initial cell state"),
    GRU(
            "gru",
            DTypeRule.SAME_FLOAT,
            "the input",
            "weight_ih",
            "weight_hh",
            "bias_ih",
            "bias_hh",
            "the initial hidden state"),
    BATCH_NORM(
            "batchNorm",
            DTypeRule.SAME_FLOAT,
            "the input",
            "the weight",
            "the bias",
            "the running mean",
            "the running variance"),
    LAYER_NORM("layerNorm", DTypeRule.SAME_FLOAT, "the input", "the weight", "the bias"),
    GLOBAL_AVG_POOL("globalAvgPool", DTypeRule.FLOAT, "the input"),
    /** Floats of either width: input and target promote, as torch's mse_loss. */
    MSE_LOSS("mseLoss", DTypeRule.FLOAT, "the input", "the target"),
    BINARY_CROSS_ENTROPY("binaryCrossEntropy", DTypeRule.SAME_FLOAT, "the input", "the target"),
    BINARY_CROSS_ENTROPY_WITH_LOGITS("binaryCrossEntropyWithLogits", DTypeRule.SAME_FLOAT, "the input", "the target"),
    CROSS_ENTROPY("crossEntropy", DTypeRule.INDICES, "the target"),
    GATHER("gather", DTypeRule.INDICES, "the index"),
    INDEX_SELECT("indexSelect", DTypeRule.INDICES, "the index"),
    EMBEDDING("embedding", DTypeRule.INDICES, "the index");

    final String op;
    final DTypeRule rule;
    private final String[] names;

    Signature(String op, DTypeRule rule, String... names) {
        this.op = op;
        this.rule = rule;
        this.names = names;
    }

    /** The operands' dtype under the op's rule, or gradnote's refusal; null operands (an absent bias) are skipped. */
    DType check(Tensor... operands) {
        return rule.of(op, names(operands.length), operands);
    }

    private String[] names(int n) {
        if (names.length >= n) return names;
        String[] generic = new String[n];
        for (int k = 0; k < n; k++) generic[k] = "operand " + k;
        return generic;
    }
}
