package org.gradnote.optim;

import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.gradnote.tensor.Updates;

/**
 * β1ᵗ and β2ᵗ for Adam's Java loop, computed by libnd4j's own pow in blocks of 256 steps, so that they are the very
 * values its adam_updater computes (powf for float32): Java's Math.pow rounded to float differs from glibc's powf
 * in the last bit now and then (β2 = 0.9999 at step 508), which would change every later update.
 */
final class BetaPowers {
    private static final int BLOCK = 256;
    private final double[] betas;
    private DType type;
    private long first = -1;
    private double[][] values;

    BetaPowers(double beta1, double beta2) {
        this.betas = new double[] {beta1, beta2};
    }

    /** True when these are the powers of the given betas. */
    boolean isFor(double beta1, double beta2) {
        return betas[0] == beta1 && betas[1] == beta2;
    }

    /** β_which to the power t (t >= 1) in the given type's arithmetic (float32 or float64), widened to double. */
    double get(DType t, int which, long step) {
        if (t != type || step < first || step >= first + BLOCK) fill(t, step);
        return values[which][(int) (step - first)];
    }

    private void fill(DType t, long from) {
        DType dt = t == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
        double[] exponents = new double[BLOCK];
        // As the op: the iteration is converted to the array type, then one is added in that type.
        for (int i = 0; i < BLOCK; i++)
            exponents[i] = dt == DType.FLOAT32 ? (double) ((float) (from + i - 1) + 1f) : (double) (from + i - 1) + 1.0;
        // libnd4j's Pow op through gradnote's engine (sd_pow, powf for float32) on every compute path: a forced heap
        // path would give Java's pow. ND4J's own Transforms.pow went through its legacy executioner, ~7 ms of the
        // first epoch.
        // Both betas in one [2, BLOCK] call: the first op of a run pays the engine's first-use costs once.
        double[] bases = new double[2 * BLOCK], powers = new double[2 * BLOCK];
        for (int k = 0; k < 2; k++) {
            java.util.Arrays.fill(bases, k * BLOCK, (k + 1) * BLOCK, betas[k]);
            System.arraycopy(exponents, 0, powers, k * BLOCK, BLOCK);
        }
        double[] p;
        try (var ignored = Tensor.noGrad()) {
            p = Updates.nativePow(Tensor.fromArray(dt, bases, 2, BLOCK), Tensor.fromArray(dt, powers, 2, BLOCK))
                    .toDoubleArray();
        }
        values = new double[][] {
            java.util.Arrays.copyOfRange(p, 0, BLOCK), java.util.Arrays.copyOfRange(p, BLOCK, 2 * BLOCK)
        };
        type = t;
        first = from;
    }
}
