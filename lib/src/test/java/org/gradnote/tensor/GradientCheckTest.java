package org.gradnote.tensor;

import static org.gradnote.tensor.DType.FLOAT64;

import java.util.List;
import java.util.function.Function;
import org.gradnote.Gradnote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finite-difference gradient checks (float64) for every differentiable tensor op, broadcasting included. */
class GradientCheckTest {
    @BeforeEach
    void seed() {
        Gradnote.seed(42);
    }

    static Tensor r(long... shape) {
        return Tensor.randn(FLOAT64, shape).requiresGrad(true);
    }

    /** Values kept away from 0, for log, sqrt, div. */
    static Tensor pos(long... shape) {
        return Tensor.uniform(FLOAT64, 0.5, 2.0, shape).requiresGrad(true);
    }

    static void check(String name, Function<Tensor[], Tensor> f, Tensor... in) {
        GradCheck.check(name, f, in);
    }

    @Test
    void binaryOpsWithBroadcasting() {
        long[][][] cases = {
            {{3, 4}, {3, 4}}, {{3, 1}, {1, 4}}, {{2, 3, 4}, {4}}, {{4}, {2, 3, 4}}, {{2, 1, 4}, {3, 1}}, {{}, {3, 2}}
        };
        for (long[][] c : cases) {
            String tag = java.util.Arrays.toString(c[0]) + " with " + java.util.Arrays.toString(c[1]);
            check("add " + tag, t -> t[0].add(t[1]), r(c[0]), r(c[1]));
            check("sub " + tag, t -> t[0].sub(t[1]), r(c[0]), r(c[1]));
            check("mul " + tag, t -> t[0].mul(t[1]), r(c[0]), r(c[1]));
            check("div " + tag, t -> t[0].div(t[1]), r(c[0]), pos(c[1]));
            check("pow " + tag, t -> t[0].pow(t[1]), pos(c[0]), r(c[1]));
            check("where " + tag, t -> Tensor.where(t[0].gt(t[1]), t[0], t[1].mul(2)), r(c[0]), r(c[1]));
        }
    }

    @Test
    void scalarForms() {
        check("add scalar", t -> t[0].add(1.5), r(2, 3));
        check("sub scalar", t -> t[0].sub(1.5), r(2, 3));
        check("rsub scalar", t -> t[0].rsub(1.5), r(2, 3));
        check("mul scalar", t -> t[0].mul(-2.5), r(2, 3));
        check("div scalar", t -> t[0].div(4), r(2, 3));
        check("rdiv scalar", t -> t[0].rdiv(3), pos(2, 3));
        check("neg", t -> t[0].neg(), r(2, 3));
        check("pow 2", t -> t[0].pow(2), r(2, 3));
        check("pow 3.5", t -> t[0].pow(3.5), pos(2, 3));
        check("pow -1", t -> t[0].pow(-1), pos(2, 3));
        check("square", t -> t[0].square(), r(2, 3));
    }

    @Test
    void unaryOps() {
        check("exp", t -> t[0].exp(), r(3, 4));
        check("log", t -> t[0].log(), pos(3, 4));
        check("log1p", t -> t[0].log1p(), pos(3, 4));
        check("log1p (ND4J path)", t -> t[0].log1p(), pos(17, 17));
        check("softplus", t -> t[0].softplus(), r(3, 4));
        check("sqrt", t -> t[0].sqrt(), pos(3, 4));
        check("abs", t -> t[0].abs(), r(3, 4));
        check("tanh", t -> t[0].tanh(), r(3, 4));
        check("sigmoid", t -> t[0].sigmoid(), r(3, 4));
        check("relu", t -> t[0].relu(), r(3, 4));
        check("leakyRelu", t -> t[0].leakyRelu(0.1), r(3, 4));
        check("softplus", t -> t[0].softplus(), r(3, 4));
        check("clamp", t -> t[0].clamp(-0.5, 0.5), r(3, 4));
        check("softmax dim 1", t -> t[0].softmax(1), r(3, 4));
        check("softmax dim 0", t -> t[0].softmax(0), r(3, 4));
        check("softmax 3-D last", t -> t[0].softmax(-1), r(2, 3, 4));
        check("logSoftmax dim 1", t -> t[0].logSoftmax(1), r(3, 4));
        check("logSoftmax dim 0", t -> t[0].logSoftmax(0), r(3, 4));
        check("to float64 copy", t -> t[0].copy().mul(2), r(3));
    }

    @Test
    void reductions() {
        check("sum all", t -> t[0].sum(), r(3, 4));
        check("sum dim 0", t -> t[0].sum(0), r(3, 4));
        check("sum dim 1 keep", t -> t[0].sum(1, true), r(3, 4));
        check("sum dims 0,2", t -> t[0].sum(new int[] {0, 2}, false), r(2, 3, 4));
        check("mean all", t -> t[0].mean(), r(3, 4));
        check("mean dim -1", t -> t[0].mean(-1), r(2, 3, 4));
        check("mean dim 1 keep", t -> t[0].mean(1, true), r(2, 3, 4));
        check("max all", t -> t[0].max(), r(3, 4));
        check("max dim 1", t -> t[0].max(1).values(), r(3, 4));
        check("min dim 0 keep", t -> t[0].min(0, true).values(), r(3, 4));
        check("amax dim 1", t -> t[0].amax(1), r(3, 4));
        check("amin dim 0 keep", t -> t[0].amin(0, true), r(3, 4));
        check("var all", t -> t[0].var(true), r(3, 4));
        check("std dim 1", t -> t[0].std(1, true, false), r(3, 4));
        check("std all biased", t -> t[0].std(false), r(2, 3, 4));
        check("var dim 0 keep biased", t -> t[0].var(0, false, true), r(3, 4));
        check("min all", t -> t[0].min(), r(3, 4));
        check("var", t -> t[0].var(1, true, false), r(3, 4));
    }

    @Test
    void matrixProducts() {
        check("matmul 2x2", t -> t[0].matmul(t[1]), r(3, 4), r(4, 5));
        check("matmul vec-vec", t -> t[0].matmul(t[1]), r(4), r(4));
        check("matmul mat-vec", t -> t[0].matmul(t[1]), r(3, 4), r(4));
        check("matmul vec-mat", t -> t[0].matmul(t[1]), r(4), r(4, 5));
        check("matmul 3-D @ 2-D", t -> t[0].matmul(t[1]), r(2, 3, 4), r(4, 5));
        check("matmul batched", t -> t[0].matmul(t[1]), r(2, 3, 4), r(2, 4, 5));
        check("matmul batch broadcast", t -> t[0].matmul(t[1]), r(2, 3, 4), r(1, 4, 5));
        check("linear", t -> Tensor.linear(t[0], t[1], t[2]), r(5, 4), r(3, 4), r(3));
        check("linear no bias", t -> Tensor.linear(t[0], t[1], null), r(5, 4), r(3, 4));
        check("linear 3-D input", t -> Tensor.linear(t[0], t[1], t[2]), r(2, 5, 4), r(3, 4), r(3));
        check(
                "linear column-major input",
                t -> Tensor.linear(t[0].transpose(0, 1), t[1], t[2]),
                r(4, 5),
                r(3, 4),
                r(3));
    }

    @Test
    void shapeAndIndexing() {
        check("reshape", t -> t[0].reshape(4, 3).mul(t[0].reshape(4, 3)), r(3, 4));
        check("view -1", t -> t[0].view(-1, 2).exp(), r(3, 4));
        check("transpose", t -> t[0].transpose(0, 1).matmul(t[1]), r(3, 4), r(3, 2));
        check("permute", t -> t[0].permute(2, 0, 1).exp(), r(2, 3, 4));
        check("t", t -> t[0].t().tanh(), r(3, 4));
        check(
                "squeeze/unsqueeze",
                t -> t[0].unsqueeze(1).squeeze(1).unsqueeze(-1).squeeze().exp(),
                r(3, 4));
        check("flatten(1)", t -> t[0].flatten(1).exp(), r(2, 3, 4));
        check("slice", t -> t[0].slice(1, 1, 3).exp(), r(3, 4));
        check("slice step", t -> t[0].slice(0, 0, 5, 2).exp(), r(5, 2));
        check("slice negative", t -> t[0].slice(1, -2, 4).exp(), r(3, 4));
        check("select", t -> t[0].select(1, 2).exp(), r(3, 4));
        check(
                "indexSelect dim 0 repeated",
                t -> t[0].indexSelect(0, Tensor.of(2L, 0L, 2L)).exp(),
                r(3, 4));
        check("indexSelect dim 1", t -> t[0].indexSelect(1, Tensor.of(3L, 1L)).exp(), r(3, 4));
        check(
                "gather dim 1",
                t -> t[0].gather(1, Tensor.of(new long[] {0, 2, 1, 1, 3, 3}).reshape(3, 2))
                        .exp(),
                r(3, 4));
        check(
                "gather dim 0",
                t -> t[0].gather(0, Tensor.of(new long[] {2, 0, 1, 1}).reshape(1, 4))
                        .exp(),
                r(3, 4));
        check("cat dim 0", t -> Tensor.cat(0, t[0], t[1]).exp(), r(2, 3), r(4, 3));
        check("cat dim 1", t -> Tensor.cat(1, t[0], t[1]).exp(), r(2, 3), r(2, 1));
        check("stack", t -> Tensor.stack(List.of(t[0], t[1]), 1).exp(), r(2, 3), r(2, 3));
        check("expand", t -> t[0].expand(3, 4).exp(), r(1, 4));
    }

    @Test
    void composedAndDataDependentControlFlow() {
        // The seeds' "DL = differentiable programming": an if on the data inside the model.
        check("if x > C", t -> t[0].sum().item() > 0 ? t[0].mul(2) : t[0].mul(3), r(3));
        check("mlp", t -> t[0].matmul(t[1]).tanh().matmul(t[2]).logSoftmax(1), r(4, 5), r(5, 6), r(6, 3));
        check("reused input", t -> t[0].mul(t[0]).add(t[0].exp()).sum(0), r(3, 2));
    }
}
