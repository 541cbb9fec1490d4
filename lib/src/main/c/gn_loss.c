/*
 * Cross-entropy over float32 logits in C, for LossPrimitives.crossEntropy: its operations in its order, with
 * gn_exp_guarded and glibc's log for Math.exp and Math.log. Those differ from Java's in the last bits, so each row
 * carries a bound on how far its lse and probabilities may be from Java's, and the backward flags the rows whose
 * float gradients that bound could change: the Java side computes those rows (and, when the bound could change the
 * loss, every row) with Math.exp, so the floats are Java's.
 */
#include <jni.h>
#include <math.h>
#include <stdint.h>
#include "gn_math.h"
#include "gn_pins.h"

/* Rows whose logits pass this size (or are not finite) are left to Java: the bounds below assume moderate lse. */
#define CE_LIMIT 1048576.0

/* The bound on the relative distance between an exp of ours and Math.exp's (an ulp of its own). */
#define EXP_DIFF (GN_EXP_GUARDED_ERR + 0x1p-52)

/*
 * Rows [from, to) of z [n, c]: the row maximum as the Java loop takes it (a NaN wins), lse = max + log(sum of
 * e^(z - max)), p = e^(z - lse). err[i] bounds |lse - Java's lse|; it is -1 for a row left to Java (nothing else
 * written).
 */
__attribute__((target_clones("avx2", "default")))
static void ce_rows(const float *z, int c, int from, int to, double *p, double *lse, double *err) {
    for (int i = from; i < to; i++) {
        const float *zr = z + (int64_t) i * c;
        double *pr = p + (int64_t) i * c;
        double max = -INFINITY, big = 0;
        for (int j = 0; j < c; j++) {
            double v = zr[j];
            if (v > max || v != v) max = v;
            double a = fabs(v);
            big = a > big || a != a ? a : big;
        }
        if (!(big <= CE_LIMIT)) {
            err[i] = -1;
            continue;
        }
        for (int j = 0; j < c; j++) pr[j] = gn_exp_guarded(zr[j] - max);
        double sum = 0;
        for (int j = 0; j < c; j++) sum += pr[j];
        double lg = log(sum), l = max + lg;
        for (int j = 0; j < c; j++) pr[j] = gn_exp_guarded(zr[j] - l);
        lse[i] = l;
        /*
         * The sum (>= 1: its max's term is 1 on both sides) is within EXP_DIFF + c ulps of Java's relatively; each
         * log is within an ulp of log(sum); max + log may then round an ulp of l apart. A quarter more for margin.
         */
        err[i] = 1.25 * (EXP_DIFF + (c + 1) * 0x1p-52 + 0x1p-51 * fabs(lg) + 0x1p-52 * fabs(l));
    }
}

JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_crossEntropyRows(JNIEnv *env, jclass cls, jlong z,
        jint c, jint from, jint to, jdoubleArray p, jdoubleArray lse, jdoubleArray err) {
    (void) cls;
    struct pins pins = {env, 0, {0}, {0}};
    double *pp = pin(&pins, p), *lp = pp ? pin(&pins, lse) : NULL, *ep = lp ? pin(&pins, err) : NULL;
    if (ep != NULL) ce_rows((const float *) (intptr_t) z, c, from, to, pp, lp, ep);
    unpin_all(&pins);
}

/* True when every double within e of v rounds to the same float as v. */
static inline int float_settled(double v, double e) {
    return (float) (v - e) == (float) (v + e);
}

/*
 * The gradient rows [from, to) into dz: p gs, less gs at the target, rounded to float, as the Java backward. A row
 * whose err is positive (computed here) and one of whose floats its bound could change is not written: its index
 * goes into flagged, and the count is returned.
 */
__attribute__((target_clones("avx2", "default")))
static int ce_grad(const float *z, const double *p, const double *lse, const double *err, const int64_t *y,
        double gs, int c, int from, int to, float *dz, int *flagged) {
    int count = 0;
    double ags = fabs(gs);
    for (int i = from; i < to; i++) {
        const float *zr = z + (int64_t) i * c;
        const double *pr = p + (int64_t) i * c;
        float *dr = dz + (int64_t) i * c;
        int target = (int) y[i];
        double l = lse[i], d = err[i];
        int settled = 1;
        for (int j = 0; j < c; j++) {
            double pg = pr[j] * gs;
            double v = j == target ? pg - gs : pg;
            /*
             * p's relative bound: lse's, an ulp of z - lse, the two exps'. Then an ulp of each rounding that may
             * see other operands (twice, for margin), and the subnormals' floor.
             */
            double rel = d + 0x1p-52 * fabs(zr[j] - l) + EXP_DIFF;
            double e = fabs(pg) * (1.25 * rel) + (fabs(pg) + fabs(v)) * 0x1p-51 + ags * 0x1p-1060;
            settled &= d <= 0 || float_settled(v, e);
            dr[j] = (float) v;
        }
        if (!settled) flagged[count++] = i;
    }
    return count;
}

JNIEXPORT jint JNICALL Java_org_gradnote_tensor_NativeLoops_crossEntropyGrad(JNIEnv *env, jclass cls, jlong z,
        jdoubleArray p, jdoubleArray lse, jdoubleArray err, jlongArray y, jdouble gs, jint c, jint from, jint to,
        jlong dz, jintArray flagged) {
    (void) cls;
    struct pins pins = {env, 0, {0}, {0}};
    double *pp = pin(&pins, p), *lp = pp ? pin(&pins, lse) : NULL, *ep = lp ? pin(&pins, err) : NULL;
    int64_t *yp = ep ? pin(&pins, y) : NULL;
    int *fp = yp ? pin(&pins, flagged) : NULL;
    int count = fp == NULL ? -1
            : ce_grad((const float *) (intptr_t) z, pp, lp, ep, yp, gs, c, from, to, (float *) (intptr_t) dz, fp);
    unpin_all(&pins);
    return count;
}
