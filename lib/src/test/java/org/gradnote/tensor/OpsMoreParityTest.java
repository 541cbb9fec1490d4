package org.gradnote.tensor;

import static org.gradnote.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.gradnote.ParityCases;
import org.gradnote.nn.KlDiv;
import org.gradnote.nn.Reduction;
import org.gradnote.nn.WeightedLosses;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Forward values, dtypes, shapes and gradients of the ops a PyTorch user expects, against torch 1.13
 * (lib/src/test/python/make_ops_fixtures.py -> ops_more.json): one dynamic test per fixture case, each case's
 * Java call beside its name here ({@link ParityCases} reads the fixture and compares).
 */
class OpsMoreParityTest {
    private static final JsonObject FX = load("ops_more.json");
    private static final Map<String, Function<Tensor[], Object>> OPS = new HashMap<>();

    private static void op(String name, Function<Tensor[], Object> f) {
        OPS.put(name, f);
    }

    private static Tensor i64(long... v) {
        return Tensor.of(v);
    }

    private static Tensor f64(double... v) {
        return Tensor.of(DType.FLOAT64, v);
    }

    private static Tensor bools(long[] shape, boolean... v) {
        return Tensor.of(v).reshape(shape);
    }

    static {
        op("arange_2_11_3", x -> Tensor.arange(2, 11, 3));
        op("arange_5_m4_m2", x -> Tensor.arange(5, -4, -2));
        op("arange_3_3", x -> Tensor.arange(3, 3));

        op("logsumexp_d1", x -> x[0].logsumexp(1));
        op("logsumexp_d01_keep", x -> x[0].logsumexp(new int[] {0, 2}, true));
        op("logsumexp_large", x -> x[0].logsumexp(1));
        op("logsumexp_allneginf", x -> x[0].logsumexp(1));
        op("norm_2_all", x -> x[0].norm());
        op("norm_1_d1", x -> x[0].norm(1, new int[] {1}, false));
        op("norm_inf_d0", x -> x[0].norm(Double.POSITIVE_INFINITY, new int[] {0}, false));
        op("norm_neginf_all", x -> x[0].norm(Double.NEGATIVE_INFINITY));
        op("norm_3_d12_keep", x -> x[0].norm(3, new int[] {1, 2}, true));
        op("norm_0_d1", x -> x[0].norm(0, new int[] {1}, false));
        op("norm_fro_d01", x -> x[0].norm(2, new int[] {0, 1}, false));
        op("norm_2_zero_grad", x -> x[0].norm(2, new int[] {1}, false));
        op("var_d02_unbiased", x -> x[0].var(new int[] {0, 2}, true, false));
        op("var_d1_biased_keep", x -> x[0].var(new int[] {1}, false, true));
        op("var_n1_unbiased", x -> x[0].var(new int[] {1}, true, false));
        op("std_all", x -> x[0].std());
        op("std_d1_const_row", x -> x[0].std(1, true, false));

        op("all_int", x -> x[0].all());
        op("any_int_d1", x -> x[0].any(1, false));
        op("all_bool_d0_keep", x -> x[0].all(0, true));
        op("all_float_nan_d1", x -> x[0].all(1, false));
        op("any_float_d0", x -> x[0].any(0, false));
        op("all_empty", x -> x[0].all());
        op("any_empty", x -> x[0].any());
        op("logical_and", x -> x[0].logicalAnd(x[1]));
        op("logical_or", x -> x[0].logicalOr(x[1]));
        op("logical_xor", x -> x[0].logicalXor(x[1]));
        op("logical_not", x -> x[0].logicalNot());

        op("masked_fill_neginf", x -> x[0].maskedFill(x[0].detach().gt(0.3), Double.NEGATIVE_INFINITY));
        op("masked_fill_bcast", x -> x[0].maskedFill(bools(new long[] {1, 4}, true, false, false, true), 7.5));
        op("masked_select", x -> x[0].maskedSelect(x[0].detach().gt(0.3)));
        op("masked_select_rows", x -> x[0].maskedSelect(Tensor.of(true, false, true)));
        op("masked_assign_tensor", x -> x[0].maskedAssign(x[0].detach().gt(0.3), x[1]));
        op("masked_assign_rows", x -> x[0].maskedAssign(Tensor.of(false, true), x[1]));
        op("masked_assign_scalar", x -> x[0].maskedAssign(x[0].detach().gt(0.3), 2.5));

        op("sort_d1", x -> x[0].sort(1, false));
        op("sort_d1_desc", x -> x[0].sort(1, true));
        op("sort_d0", x -> x[0].sort(0, false));
        op("argsort_d1", x -> x[0].argsort(1, false));
        op("sort_int_desc", x -> x[0].sort(-1, true));
        op("topk_2", x -> x[0].topk(2));
        op("topk_3_smallest_d0", x -> x[0].topk(2, 0, false));
        op("topk_ties", x -> x[0].topk(3).values());
        op("unique_int", x -> new Tensor[] {x[0].unique(), x[0].uniqueInverse(), x[0].uniqueCounts()});
        op("unique_float", x -> new Tensor[] {x[0].unique(), x[0].uniqueInverse(), x[0].uniqueCounts()});
        op("nonzero_float", x -> x[0].nonzero());
        op("nonzero_bool3", x -> x[0].nonzero());
        op("nonzero_empty", x -> x[0].nonzero());

        op("cumsum_d1", x -> x[0].cumsum(1));
        op("cumsum_d0", x -> x[0].cumsum(0));
        op("cumsum_neg_dim", x -> x[0].cumsum(-1));
        op("cumsum_int", x -> x[0].cumsum(1));
        op("cumsum_bool", x -> x[0].cumsum(0));
        op("cumsum_f32", x -> x[0].cumsum(0));
        op("cumprod_d1", x -> x[0].cumprod(1));
        op("cumprod_zeros", x -> x[0].cumprod(1));
        op("cumprod_zeros_d0", x -> x[0].cumprod(0));
        op("cumprod_int", x -> x[0].cumprod(1));
        op("prod_all", x -> x[0].prod());
        op("prod_d1", x -> x[0].prod(1, false));
        op("prod_d0_keep", x -> x[0].prod(0, true));
        op("prod_int", x -> x[0].prod());
        op("prod_empty", x -> x[0].prod());

        op("repeat_2_1_3", x -> x[0].repeat(2, 1, 3));
        op("repeat_0", x -> x[0].repeat(0, 2));
        op("tile_2", x -> x[0].tile(2));
        op("tile_3_1_2", x -> x[0].tile(3, 1, 2));
        op("chunk_3_d1", x -> x[0].chunk(3, 1));
        op("chunk_4_d0", x -> x[0].chunk(4, 0));
        op("split_2_d1", x -> x[0].split(2, 1));
        op("split_sizes_d0", x -> x[0].split(new long[] {1, 0, 3}, 0));
        op("flip_d0", x -> x[0].flip(0));
        op("flip_d02", x -> x[0].flip(0, -1));
        op("roll_flat", x -> x[0].roll(5));
        op("roll_dims", x -> x[0].roll(new long[] {1, -2}, new int[] {0, 2}));

        op("maximum_ties", x -> x[0].maximum(x[1]));
        op("minimum_ties", x -> x[0].minimum(x[1]));
        op("maximum_bcast", x -> x[0].maximum(x[1]));
        op("minimum_int", x -> x[0].minimum(x[1]));
        op("clamp_tensors", x -> x[0].clamp(x[1], x[2]));
        op("clamp_min_only", x -> x[0].clamp(x[1], null));
        op("sign", x -> x[0].sign());
        op("floor", x -> x[0].floor());
        op("ceil", x -> x[0].ceil());
        op("round", x -> x[0].round());
        op("trunc", x -> x[0].trunc());
        op("sign_int", x -> x[0].sign());
        op("erf", x -> x[0].erf());

        op("einsum_matmul", x -> Tensor.einsum("ij,jk->ik", x));
        op("einsum_bmm", x -> Tensor.einsum("bij,bjk->bik", x));
        op("einsum_transpose", x -> Tensor.einsum("ijk->kij", x));
        op("einsum_sum_j", x -> Tensor.einsum("ijk->j", x));
        op("einsum_dot", x -> Tensor.einsum("i,i->", x));
        op("einsum_outer", x -> Tensor.einsum("i,j->ij", x));
        op("einsum_rowdot", x -> Tensor.einsum("ij,ij->i", x));
        op("einsum_implicit", x -> Tensor.einsum("kj,ji", x));
        op("einsum_chain3", x -> Tensor.einsum("ij,jk,kl->il", x));
        op("einsum_bilinear", x -> Tensor.einsum("bn,anm,bm->ba", x));
        op("einsum_diag", x -> Tensor.einsum("ii->i", x));
        op("einsum_trace", x -> Tensor.einsum("ii->", x));
        op("einsum_trace_implicit", x -> Tensor.einsum("ii", x));
        op("einsum_batch_diag", x -> Tensor.einsum("bii->bi", x));
        op("einsum_diag_times", x -> Tensor.einsum("iij,j->i", x));
        op("einsum_ellipsis_bmm", x -> Tensor.einsum("...ij,...jk->...ik", x));
        op("einsum_ellipsis_transpose", x -> Tensor.einsum("...ij->...ji", x));
        op("einsum_ellipsis_implicit", x -> Tensor.einsum("...ij,...jk", x));
        op("einsum_ellipsis_sum_first", x -> Tensor.einsum("i...->...", x));
        op("einsum_implicit_batch_summed", x -> Tensor.einsum("bij,bjk", x));
        op("einsum_attention", x -> Tensor.einsum("bhqd,bhkd->bhqk", x));

        op("gelu", x -> x[0].gelu());
        op("gelu_tanh", x -> x[0].gelu("tanh"));
        op("silu", x -> x[0].silu());
        op("elu", x -> x[0].elu(0.7));
        op("selu", x -> x[0].selu());
        op("mish", x -> x[0].mish());
        op("hardtanh", x -> x[0].hardtanh());
        op("hardtanh_2_3", x -> x[0].hardtanh(-2, 3));

        op("nonfinite_gelu", x -> x[0].gelu());
        op("nonfinite_gelu_tanh", x -> x[0].gelu("tanh"));
        op("nonfinite_silu", x -> x[0].silu());
        op("nonfinite_elu", x -> x[0].elu());
        op("nonfinite_selu", x -> x[0].selu());
        op("nonfinite_mish", x -> x[0].mish());
        op("nonfinite_hardtanh", x -> x[0].hardtanh());

        Tensor pw = f64(0.5, 2.0, 3.0), cw = f64(1.0, 2.0, 0.5, 3.0);
        for (Reduction r : Reduction.values()) {
            String red = r.name().toLowerCase();
            op("bce_pos_weight_" + red, x -> WeightedLosses.bceWithLogits(x[0], x[1], pw, r));
            op("ce_weight_ignore_" + red, x -> WeightedLosses.crossEntropy(x[0], x[1], cw, -100, 0, r));
            op("ce_smooth_" + red, x -> WeightedLosses.crossEntropy(x[0], x[1], null, -100, 0.2, r));
            op("ce_all_" + red, x -> WeightedLosses.crossEntropy(x[0], x[1], cw, 1, 0.1, r));
        }
        op("ce_4d_all_mean", x -> WeightedLosses.crossEntropy(x[0], x[1], f64(1.0, 2.0, 0.5), 2, 0.3, Reduction.MEAN));
        op("ce_ignore_all_mean", x -> WeightedLosses.crossEntropy(x[0], x[1], null, 1, 0, Reduction.MEAN));
        for (KlDiv.KlReduction r : KlDiv.KlReduction.values()) {
            op("kl_" + r.name().toLowerCase(), x -> KlDiv.klDiv(x[0], x[1], r, false));
        }
        op("kl_log_target_batchmean", x -> KlDiv.klDiv(x[0], x[1], KlDiv.KlReduction.BATCHMEAN, true));
        op("kl_target_grad_sum", x -> KlDiv.klDiv(x[0], x[1], KlDiv.KlReduction.SUM, false));

        op("empty_sort", x -> x[0].sort(0, false));
        op("empty_topk_k0", x -> x[0].topk(0, 1, true));
        op("empty_cumsum", x -> x[0].cumsum(0));
        op("empty_cumprod", x -> x[0].cumprod(1));
        op("empty_flip", x -> x[0].flip(0, 1));
        op("empty_roll", x -> x[0].roll(new long[] {2}, new int[] {1}));
        op("empty_repeat", x -> x[0].repeat(2, 2));
        op("empty_logsumexp", x -> x[0].logsumexp(0));
        op("empty_norm", x -> x[0].norm());
        op("empty_unique", x -> new Tensor[] {x[0].unique(), x[0].uniqueInverse(), x[0].uniqueCounts()});
        op("empty_any_d0", x -> x[0].any(0, false));
        op("empty_prod_d0", x -> x[0].prod(0, false));
        op("empty_masked_select", x -> x[0].maskedSelect(x[0].detach().gt(5)));
        op("empty_maximum", x -> x[0].maximum(x[1]));
        op("empty_einsum", x -> Tensor.einsum("ij,jk->ik", x));
        op("f32_gelu", x -> x[0].gelu());
        op("f32_logsumexp", x -> x[0].logsumexp(1));
        op("f32_cumprod", x -> x[0].cumprod(0));
        op("f32_sort", x -> x[0].sort(-1, false));
        op("f32_norm", x -> x[0].norm(2, new int[] {1}, false));
        op("f32_std", x -> x[0].std(0, true, false));
        op("f32_maximum", x -> x[0].maximum(x[1]));
        op("f32_elu", x -> x[0].elu());
        op("f32_einsum", x -> Tensor.einsum("bij,bjk->bik", x));

        op("clamp_nan_ties", x -> x[0].clamp(x[1], x[2]));
        op("clamp_nan_max", x -> x[0].clamp(x[1], x[2]));
        op("clamp_max_only_nan", x -> x[0].clamp(null, x[1]));
        op("clamp_f32_int_f64_0d", x -> x[0].clamp(x[1], x[2]));
        op("clamp_scalar_nan_ties", x -> x[0].clamp(0.0, 1.0));
        op("clamp_scalar_lo_above_hi", x -> x[0].clamp(1.0, 0.0));
        op("softmax_0d", x -> x[0].softmax(0));
        op("log_softmax_0d", x -> x[0].logSoftmax(0));
        op("softmax_empty_d1", x -> x[0].softmax(1));
        op("log_softmax_empty_d0", x -> x[0].logSoftmax(0));
        op("softmax_inf_nan", x -> x[0].softmax(1));
        op("log_softmax_inf_nan", x -> x[0].logSoftmax(1));
        op("leaky_relu_empty", x -> x[0].leakyRelu(0.1));
        op("leaky_relu_slope_2", x -> x[0].leakyRelu(2.0));
        op("max_d1_ties_nan", x -> List.of(x[0].max(1).values(), x[0].max(1).indices()));
        op(
                "min_d0_keep_ties_nan",
                x -> List.of(x[0].min(0, true).values(), x[0].min(0, true).indices()));
        op("argmax_d1_ties_nan", x -> x[0].argmax(1));
        op("argmin_all_ties", x -> x[0].argmin());
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureCaseMatchesTorch() {
        return ParityCases.tests(FX, OPS);
    }

    @Test
    void everyCaseHasAJavaCallAndEveryCallACase() {
        ParityCases.assertSameCases(FX, OPS.keySet());
        assertTrue(
                ParityCases.names(FX).size() >= 150,
                "fixture has " + ParityCases.names(FX).size() + " cases");
    }
}
