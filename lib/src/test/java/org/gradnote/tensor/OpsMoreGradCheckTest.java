package org.gradnote.tensor;

import static org.gradnote.tensor.DType.FLOAT64;

import java.util.List;
import java.util.function.Function;
import org.gradnote.Gradnote;
import org.gradnote.nn.KlDiv;
import org.gradnote.nn.Reduction;
import org.gradnote.nn.WeightedLosses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks (float64) of every differentiable op of ShapeOps, SortOps, LogicalOps, ScanOps,
 * NormOps, ElementOps, ActivationOps, Einsum and the new losses, at points where the op is differentiable (no ties,
 * no element on a kink).
 */
class OpsMoreGradCheckTest {
    @BeforeEach
    void seed() {
        Gradnote.seed(7);
    }

    static Tensor r(long... shape) {
        return Tensor.randn(FLOAT64, shape).requiresGrad(true);
    }

    static Tensor of(long[] shape, double... v) {
        return Tensor.fromArray(FLOAT64, v, shape).requiresGrad(true);
    }

    static void check(String name, Function<Tensor[], Tensor> f, Tensor... in) {
        GradCheck.check(name, f, in);
    }

    /** The pieces of a split, flattened and joined, so one check covers all of them. */
    static Tensor joined(List<Tensor> parts) {
        Tensor[] flat = new Tensor[parts.size()];
        for (int i = 0; i < flat.length; i++) flat[i] = parts.get(i).flatten();
        return Tensor.cat(0, flat);
    }

    @Test
    void reductions() {
        check("logsumexp(1)", t -> t[0].logsumexp(1), r(3, 4));
        check("logsumexp({0, 2}, keep)", t -> t[0].logsumexp(new int[] {0, 2}, true), r(2, 3, 4));
        check("logsumexp all", t -> t[0].logsumexp(new int[0], false), r(3, 4));
        check("norm 2", t -> t[0].norm(), r(3, 4));
        check("norm 1 dim 1", t -> t[0].norm(1, new int[] {1}, false), r(3, 4));
        check("norm 3 dims 1,2", t -> t[0].norm(3, new int[] {1, 2}, true), r(2, 3, 4));
        check("norm 1.5", t -> t[0].norm(1.5), r(5));
        check("norm inf dim 0", t -> t[0].norm(Double.POSITIVE_INFINITY, new int[] {0}, false), r(3, 4));
        check("norm -inf", t -> t[0].norm(Double.NEGATIVE_INFINITY), r(3, 4));
        check("norm fro dims 0,1", t -> t[0].norm(2, new int[] {0, 1}, false), r(2, 3, 4));
        check("var dims 0,2", t -> t[0].var(new int[] {0, 2}, true, false), r(2, 3, 4));
        check("var biased keep", t -> t[0].var(new int[] {1}, false, true), r(2, 3, 4));
        check("std", t -> t[0].std(), r(3, 4));
        check("std dim 1", t -> t[0].std(1, false, true), r(3, 4));
        check("prod", t -> t[0].prod(), r(2, 3));
        check(
                "prod dim 1 with zeros",
                t -> t[0].prod(1, false),
                of(new long[] {3, 3}, 2, 0, 3, 0, 1.5, 0, 1.5, -2, 0.5));
    }

    @Test
    void scans() {
        check("cumsum(1)", t -> t[0].cumsum(1), r(3, 4));
        check("cumsum(0)", t -> t[0].cumsum(0), r(2, 3, 4));
        check("cumsum(-1)", t -> t[0].cumsum(-1), r(2, 3, 4));
        check("cumprod(1)", t -> t[0].cumprod(1), r(3, 4));
        check("cumprod(0) 3-D", t -> t[0].cumprod(0), r(3, 2, 2));
        // Zeros: the first zero of a line gets the product without it, later elements nothing (torch's formula).
        check(
                "cumprod with zeros",
                t -> t[0].cumprod(1),
                of(new long[] {3, 4}, 2, 0, 3, 0.5, 0, 1.5, 0, 2, 1.5, -2, 0.5, 0));
    }

    @Test
    void shapes() {
        check("repeat", t -> t[0].repeat(2, 1, 3), r(2, 3));
        check("tile", t -> t[0].tile(2), r(2, 3));
        check("chunk", t -> joined(t[0].chunk(3, 1)), r(2, 7));
        check("split size", t -> joined(t[0].split(2, 0)), r(5, 2));
        check("split sizes", t -> joined(t[0].split(new long[] {1, 3}, 1)), r(2, 4));
        check("flip", t -> t[0].flip(0, 2), r(2, 3, 4));
        check("roll flat", t -> t[0].roll(-3), r(3, 4));
        check("roll dims", t -> t[0].roll(new long[] {1, 2}, new int[] {0, 1}), r(3, 4));
    }

    @Test
    void sortingAndMasks() {
        check("sort values", t -> t[0].sort(1, false).values(), r(3, 5));
        check("sort descending", t -> t[0].sort(0, true).values(), r(3, 5));
        check("topk values", t -> t[0].topk(2).values(), r(3, 5));
        Tensor mask = Tensor.of(true, false, false, true, false, true).reshape(2, 3);
        check("maskedFill", t -> t[0].maskedFill(mask, Double.NEGATIVE_INFINITY).exp(), r(2, 3));
        check("maskedFill broadcast", t -> t[0].maskedFill(Tensor.of(true, false, true), 2), r(4, 3));
        check("maskedSelect", t -> t[0].maskedSelect(mask), r(2, 3));
        check("maskedSelect rows", t -> t[0].maskedSelect(Tensor.of(false, true, true)), r(3, 2, 2));
        check("maskedAssign", t -> t[0].maskedAssign(mask, t[1]), r(2, 3), r(3));
        check("maskedAssign broadcast rows", t -> t[0].maskedAssign(Tensor.of(true, false, true), t[1]), r(3, 4), r(4));
    }

    @Test
    void elementWise() {
        Tensor a = r(3, 4), b = r(3, 4);
        check("maximum", t -> t[0].maximum(t[1]), a, b);
        check("minimum", t -> t[0].minimum(t[1]), a, b);
        check("maximum broadcast", t -> t[0].maximum(t[1]), r(3, 4), r(4));
        Tensor lo = of(new long[] {4}, -0.5, -1, 0.1, -2), hi = of(new long[] {4}, 0.5, 1, 0.3, -1.5);
        check("clamp tensors", t -> t[0].clamp(t[1], t[2]), r(3, 4), lo, hi);
        check("clamp max only", t -> t[0].clamp(null, t[1]), r(3, 4), hi);
        Tensor off = of(new long[] {6}, -2.3, -1.2, -0.3, 0.4, 1.6, 2.2);
        check("sign", t -> t[0].sign(), off);
        check("floor", t -> t[0].floor(), off);
        check("ceil", t -> t[0].ceil(), off);
        check("round", t -> t[0].round(), off);
        check("trunc", t -> t[0].trunc(), off);
        check("erf", t -> t[0].erf(), r(10));
    }

    @Test
    void einsum() {
        check("ij,jk->ik", t -> Tensor.einsum("ij,jk->ik", t), r(2, 3), r(3, 4));
        check("bij,bjk->bik", t -> Tensor.einsum("bij,bjk->bik", t), r(2, 2, 3), r(2, 3, 2));
        check("ijk->kij", t -> Tensor.einsum("ijk->kij", t), r(2, 3, 4));
        check("ijk->j", t -> Tensor.einsum("ijk->j", t), r(2, 3, 4));
        check("i,i->", t -> Tensor.einsum("i,i->", t), r(5), r(5));
        check("i,j->ij", t -> Tensor.einsum("i,j->ij", t), r(3), r(2));
        check("ij,jk,kl->il", t -> Tensor.einsum("ij,jk,kl->il", t), r(2, 3), r(3, 4), r(4, 2));
        check("bn,anm,bm->ba", t -> Tensor.einsum("bn,anm,bm->ba", t), r(2, 3), r(4, 3, 2), r(2, 2));
        check("ii-> (trace)", t -> Tensor.einsum("ii->", t), r(3, 3));
        check("bii->bi", t -> Tensor.einsum("bii->bi", t), r(2, 3, 3));
        check("...ij,...jk->...ik broadcast", t -> Tensor.einsum("...ij,...jk->...ik", t), r(2, 1, 3, 2), r(3, 2, 2));
    }

    @Test
    void activations() {
        Tensor x = of(new long[] {8}, -3.1, -1.2, -0.4, -0.05, 0.07, 0.6, 1.3, 2.9);
        check("gelu", t -> t[0].gelu(), x);
        check("gelu tanh", t -> t[0].gelu("tanh"), x);
        check("silu", t -> t[0].silu(), x);
        check("elu", t -> t[0].elu(0.7), x);
        check("selu", t -> t[0].selu(), x);
        check("mish", t -> t[0].mish(), x);
        check("hardtanh", t -> t[0].hardtanh(-1, 1), x);
        check("hardtanh -2, 3", t -> t[0].hardtanh(-2, 0.5), x);
    }

    @Test
    void losses() {
        Tensor y = Tensor.fromArray(FLOAT64, new double[] {1, 0, 1, 0, 0, 1}, 2, 3);
        Tensor pw = Tensor.of(FLOAT64, 0.5, 2, 3);
        for (Reduction red : Reduction.values()) {
            check("bce posWeight " + red, t -> WeightedLosses.bceWithLogits(t[0], y, pw, red), r(2, 3));
            Tensor target = Tensor.of(0L, 3, 1, -100, 2);
            Tensor w = Tensor.of(FLOAT64, 1, 2, 0.5, 3);
            check(
                    "crossEntropy weights ignore smoothing " + red,
                    t -> WeightedLosses.crossEntropy(t[0], target, w, -100, 0.2, red),
                    r(5, 4));
        }
        Tensor t4 = Tensor.of(0L, 2, 1, 1, 2, 0, 0, 1).reshape(2, 2, 2);
        check(
                "crossEntropy 4-D",
                t -> WeightedLosses.crossEntropy(t[0], t4, null, 1, 0.1, Reduction.MEAN),
                r(2, 3, 2, 2));
        Tensor p =
                Tensor.of(FLOAT64, 0.2, 0.3, 0.5, 0.1, 0.6, 0.3).reshape(2, 3).requiresGrad(true);
        for (KlDiv.KlReduction red : KlDiv.KlReduction.values()) {
            check("klDiv " + red, t -> KlDiv.klDiv(t[0].logSoftmax(1), t[1], red, false), r(2, 3), p);
        }
        check(
                "klDiv logTarget",
                t -> KlDiv.klDiv(t[0].logSoftmax(1), t[1].logSoftmax(1), KlDiv.KlReduction.BATCHMEAN, true),
                r(2, 3),
                r(2, 3));
    }
}
