/*
 * gradnote's own element loops in C, for the ops whose Java loops C1 compiles poorly. Each function performs the
 * same IEEE operations in the same order as the Java loop it stands for (built with -ffp-contract=off, no fast-math),
 * so both give the same bits; where a function cannot promise that (an exp of its own), it flags the elements it
 * cannot decide and the Java side recomputes them. Called through NativeLoops.java with raw addresses that the Java
 * side has checked against the arrays' bounds.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static inline double from_bits(uint64_t b) {
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static inline uint64_t to_bits(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

/*
 * exp(x) for x in [-40, 0], within ~2 ulp of the true value: x = k ln2 + r with |r| <= ln2/2 (fdlibm's split of
 * ln2, so k ln2hi is exact), e^r from its Taylor series to r^13 (truncation below 1e-17), times 2^k from the bits.
 */
static inline double exp_neg(double x) {
    const double shift = 0x1.8p52, inv_ln2 = 0x1.71547652b82fep0;
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    double kd = x * inv_ln2 + shift;
    int64_t k = (int64_t) (to_bits(kd) - to_bits(shift));
    kd -= shift;
    double r = (x - kd * ln2_hi) - kd * ln2_lo;
    double p = 1.0 / 6227020800.0;
    p = 1.0 / 479001600.0 + r * p;
    p = 1.0 / 39916800.0 + r * p;
    p = 1.0 / 3628800.0 + r * p;
    p = 1.0 / 362880.0 + r * p;
    p = 1.0 / 40320.0 + r * p;
    p = 1.0 / 5040.0 + r * p;
    p = 1.0 / 720.0 + r * p;
    p = 1.0 / 120.0 + r * p;
    p = 1.0 / 24.0 + r * p;
    p = 1.0 / 6.0 + r * p;
    p = 0.5 + r * p;
    p = 1.0 + r * p;
    p = 1.0 + r * p;
    return p * from_bits((uint64_t) (k + 1023) << 52);
}

/*
 * True when a double lies within 4096 double ulps of the midpoint between two floats: there its rounding to float
 * may depend on the last bits of the exp, which may differ from Java's Math.exp. The bound covers both exps' error
 * (a few ulps each) amplified by (1 - e)/(1 + e) (at most ~30 ulps for |z| >= 1/16) with a wide margin.
 */
static inline int near_float_midpoint(double t) {
    int64_t low = (int64_t) (to_bits(t) & ((1ull << 29) - 1)) - (1ll << 28);
    return low > -4096 && low < 4096;
}

#define BLOCK 256

/*
 * tanh of n float32 values from src into dst, as TanhLoops' Java loop computes it (in double: the odd Taylor
 * polynomial below |z| = 1/16, (1 - e)/(1 + e) with e = exp(-2|z|) above, then rounded to float). Writes the indices
 * of the elements whose rounding it cannot promise into flagged (at most cap of them) and returns how many there
 * were: the caller recomputes those with Math.exp.
 */
__attribute__((target_clones("avx2", "default")))
static int tanh_float(const float *src, float *dst, int n, int *flagged, int cap) {
    int count = 0;
    for (int base = 0; base < n; base += BLOCK) {
        int m = n - base < BLOCK ? n - base : BLOCK;
        double t[BLOCK];
        int any = 0;
        for (int i = 0; i < m; i++) {
            double z = src[base + i];
            double a = from_bits(to_bits(z) & ~(1ull << 63)); // Math.abs: also a NaN's sign
            double z2 = z * z;
            double poly = z * (1 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315 + z2 * (62.0 / 2835)))));
            // Past |z| = 20, e = exp(-2|z|) < 2^-57 and (1 - e)/(1 + e) is exactly 1 in double, as in Java; the
            // clamp keeps exp_neg in its range (and a NaN stays a NaN through it).
            double e = exp_neg(-2 * (a < 20 || a != a ? a : 20));
            double q = (1 - e) / (1 + e);
            q = z < 0 ? -q : q;
            int exp_path = !(a < 0.0625);
            t[i] = exp_path ? q : poly;
            any |= exp_path & near_float_midpoint(q);
        }
        for (int i = 0; i < m; i++) dst[base + i] = (float) t[i];
        if (any) {
            for (int i = 0; i < m; i++) {
                double z = src[base + i];
                double a = from_bits(to_bits(z) & ~(1ull << 63));
                if (!(a < 0.0625) && near_float_midpoint(t[i])) {
                    if (count < cap) flagged[count] = base + i;
                    count++;
                }
            }
        }
    }
    return count;
}

JNIEXPORT jint JNICALL Java_org_gradnote_tensor_NativeLoops_tanhFloat(
        JNIEnv *env, jclass cls, jlong src, jlong dst, jint n, jintArray flagged) {
    (void) cls;
    int local[64];
    int count = tanh_float((const float *) (intptr_t) src, (float *) (intptr_t) dst, n, local, 64);
    if (count > 0) (*env)->SetIntArrayRegion(env, flagged, 0, count < 64 ? count : 64, local);
    return count;
}

/* ReluLoops.forward: +0 exactly where x < 0; -0, NaN and the rest pass unchanged (libnd4j's and torch's bits). */
static void relu_forward(const float *restrict x, float *restrict out, int n) {
    for (int i = 0; i < n; i++) {
        float v = x[i];
        out[i] = v < 0 ? 0.0f : v;
    }
}

/* ReluLoops.backward: dx = g where x > 0 or x is a NaN (torch's threshold_backward), else +0. */
static void relu_backward(const float *restrict x, const float *restrict g, float *restrict dx, int n) {
    // Both loaded every time, so the select has no branch (activations' signs are a coin toss) and vectorises.
    for (int i = 0; i < n; i++) {
        float v = x[i], d = g[i];
        dx[i] = (v > 0) | (v != v) ? d : 0.0f;
    }
}

/*
 * MaxPool.forward2x2 / values2x2 over planes [from, to) of h x w floats: taps in row-major order, the first maximum
 * wins, a NaN beats any number; argmax (may be NULL) gets each winner's flat index.
 */
static void max_pool_2x2(const float *src, int from, int to, int h, int w, float *dst, int *argmax) {
    int oh = h / 2, ow = w / 2;
    long o = (long) from * oh * ow;
    for (long p = from; p < to; p++) {
        for (int y = 0; y < oh; y++) {
            long r0 = p * h * w + 2L * y * w, r1 = r0 + w;
            for (int x = 0; x < ow; x++, o++) {
                long at = r0 + 2L * x, i = at + 1;
                float best = src[at];
                if (src[i] > best || (src[i] != src[i] && best == best)) best = src[at = i];
                i = r1 + 2L * x;
                if (src[i] > best || (src[i] != src[i] && best == best)) best = src[at = i];
                i++;
                if (src[i] > best || (src[i] != src[i] && best == best)) best = src[at = i];
                if (argmax != NULL) argmax[o] = (int) at;
                dst[o] = best;
            }
        }
    }
}

JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_reluForward(
        JNIEnv *env, jclass cls, jlong x, jlong out, jint n) {
    (void) env;
    (void) cls;
    relu_forward((const float *) (intptr_t) x, (float *) (intptr_t) out, n);
}

JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_reluBackward(
        JNIEnv *env, jclass cls, jlong x, jlong g, jlong dx, jint n) {
    (void) env;
    (void) cls;
    relu_backward((const float *) (intptr_t) x, (const float *) (intptr_t) g, (float *) (intptr_t) dx, n);
}

/* argmax is a Java int[] of the whole output (or null): pinned for this chunk only. */
JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_maxPool2x2(JNIEnv *env, jclass cls, jlong src, jint from,
        jint to, jint h, jint w, jlong dst, jintArray argmax) {
    (void) cls;
    int *winners = argmax == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, argmax, NULL);
    if (argmax != NULL && winners == NULL) return; /* OutOfMemoryError pending in Java */
    max_pool_2x2((const float *) (intptr_t) src, from, to, h, w, (float *) (intptr_t) dst, winners);
    if (winners != NULL) (*env)->ReleasePrimitiveArrayCritical(env, argmax, winners, 0);
}

/* A convolution's geometry as Unfold.Taps holds it (x [n, c, h, w], window, output oh x ow). */
struct taps {
    int n, c, h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow;
};

/*
 * Unfold.im2col's rows [first, end) of the [c·kh·kw, n·oh·ow] columns: row (ch, i, j), entry (b, y, q) is
 * x[b, ch, y·sh - ph + i·dh, q·sw - pw + j·dw], or +0 where that lies in the padding. Copies only: the Java loop's
 * values exactly.
 */
static void im2col_rows(const float *restrict src, float *restrict col, int first, int end, const struct taps *g) {
    long plane = (long) g->n * g->oh * g->ow;
    for (int r = first; r < end; r++) {
        int ch = r / (g->kh * g->kw), i = r / g->kw % g->kh, j = r % g->kw;
        float *dst = col + (long) r * plane;
        for (int b = 0; b < g->n; b++) {
            const float *base = src + ((long) b * g->c + ch) * g->h * g->w;
            for (int y = 0; y < g->oh; y++, dst += g->ow) {
                int row = y * g->sh - g->ph + i * g->dh;
                if (row < 0 || row >= g->h) {
                    for (int q = 0; q < g->ow; q++) dst[q] = 0.0f;
                    continue;
                }
                const float *line = base + (long) row * g->w;
                for (int q = 0; q < g->ow; q++) {
                    int x = q * g->sw - g->pw + j * g->dw;
                    dst[q] = x >= 0 && x < g->w ? line[x] : 0.0f;
                }
            }
        }
    }
}

/*
 * Unfold.col2im for channels [first, end) into d (zeroed by the caller): each element of x takes the column entries
 * that read it, tap row i ascending, then tap column j ascending, the Java loop's order of additions.
 */
static void col2im_channels(const float *restrict dcol, float *restrict d, int first, int end, const struct taps *g) {
    long plane = (long) g->n * g->oh * g->ow;
    for (int ch = first; ch < end; ch++) {
        for (int i = 0; i < g->kh; i++) {
            const float *v = dcol + ((long) ch * g->kh * g->kw + (long) i * g->kw) * plane;
            for (int b = 0; b < g->n; b++) {
                float *base = d + ((long) b * g->c + ch) * g->h * g->w;
                for (int y = 0; y < g->oh; y++) {
                    int row = y * g->sh - g->ph + i * g->dh;
                    if (row < 0 || row >= g->h) continue;
                    float *line = base + (long) row * g->w;
                    long at = ((long) b * g->oh + y) * g->ow;
                    for (int j = 0; j < g->kw; j++) {
                        const float *tap = v + j * plane + at;
                        for (int q = 0; q < g->ow; q++) {
                            int x = q * g->sw - g->pw + j * g->dw;
                            if (x >= 0 && x < g->w) line[x] += tap[q];
                        }
                    }
                }
            }
        }
    }
}

JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_im2col(JNIEnv *env, jclass cls, jlong src, jlong col,
        jint first, jint end, jintArray geometry) {
    (void) cls;
    struct taps g;
    (*env)->GetIntArrayRegion(env, geometry, 0, 14, (jint *) &g);
    im2col_rows((const float *) (intptr_t) src, (float *) (intptr_t) col, first, end, &g);
}

JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_col2im(JNIEnv *env, jclass cls, jlong dcol, jlong dx,
        jint first, jint end, jintArray geometry) {
    (void) cls;
    struct taps g;
    (*env)->GetIntArrayRegion(env, geometry, 0, 14, (jint *) &g);
    col2im_channels((const float *) (intptr_t) dcol, (float *) (intptr_t) dx, first, end, &g);
}

/*
 * The recurrent cells' e^x: RecurrentPrimitives.exp operation for operation (the Java side's reference), so both
 * give the same bits. Branch-free where it matters, so the cells' loops vectorise.
 */
static inline double gn_exp(double x) {
    const double shift = 0x1.8p52, inv_ln2 = 0x1.71547652b82fep0;
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    double xc = x > -746 ? (x > 710 ? 710 : x) : -746; /* a NaN goes to -746 here, and back below */
    double kd = xc * inv_ln2 + shift;
    int64_t k = (int64_t) (to_bits(kd) - to_bits(shift));
    kd -= shift;
    double r = (xc - kd * ln2_hi) - kd * ln2_lo;
    double p = 1.0 / 6227020800.0;
    p = 1.0 / 479001600.0 + r * p;
    p = 1.0 / 39916800.0 + r * p;
    p = 1.0 / 3628800.0 + r * p;
    p = 1.0 / 362880.0 + r * p;
    p = 1.0 / 40320.0 + r * p;
    p = 1.0 / 5040.0 + r * p;
    p = 1.0 / 720.0 + r * p;
    p = 1.0 / 120.0 + r * p;
    p = 1.0 / 24.0 + r * p;
    p = 1.0 / 6.0 + r * p;
    p = 0.5 + r * p;
    p = 1.0 + r * p;
    p = 1.0 + r * p;
    int64_t k1 = k >> 1, k2 = k - k1;
    double e = p * from_bits((uint64_t) (k1 + 1023) << 52) * from_bits((uint64_t) (k2 + 1023) << 52);
    e = x > 710 ? 1.0 / 0.0 : e;
    e = x > -746 ? e : 0.0;
    return x != x ? x : e;
}

static inline double gn_sigmoid(double z) {
    return 1 / (1 + gn_exp(-z));
}

/* RecurrentPrimitives.cellTanh. */
static inline double gn_cell_tanh(double z) {
    double a = from_bits(to_bits(z) & ~(1ull << 63));
    double z2 = z * z;
    double poly = z * (1 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315 + z2 * (62.0 / 2835)))));
    double e = gn_exp(-2 * a), t = (1 - e) / (1 + e);
    t = z < 0 ? -t : t;
    return a < 0.0625 ? poly : t;
}

/* RecurrentPrimitives.cellForwardFloat for rows [from, to): one LSTM step, the Java loop's operations in order. */
__attribute__((target_clones("avx2", "default")))
static void lstm_cell_f(const float *restrict pre, const float *restrict rec, const double *restrict bias,
        double *restrict gates, int go, double *restrict cs, double *restrict hs, double *restrict tanh_c, int so,
        int n, int hid, float *restrict h, int from, int to) {
    long g4 = 4L * hid, nh = (long) n * hid;
    for (long b = from; b < to; b++) {
        long row = go + b * g4, rrow = b * g4, cell = so + b * hid;
        for (int j = 0; j < hid; j++) {
            double zi = pre[row + j], zf = pre[row + hid + j], gz = pre[row + 2 * hid + j];
            double zo = pre[row + 3 * hid + j];
            double i = gn_sigmoid(zi + rec[rrow + j] + bias[j]);
            double f = gn_sigmoid(zf + rec[rrow + hid + j] + bias[hid + j]);
            gz = gz + rec[rrow + 2 * hid + j] + bias[2 * hid + j];
            double g = gn_cell_tanh(gz);
            double o = gn_sigmoid(zo + rec[rrow + 3 * hid + j] + bias[3 * hid + j]);
            gates[row + j] = i;
            gates[row + hid + j] = f;
            gates[row + 2 * hid + j] = g;
            gates[row + 3 * hid + j] = o;
            double c = f * cs[cell + j] + i * g;
            double tc = gn_cell_tanh(c);
            cs[cell + nh + j] = c;
            tanh_c[cell + j] = tc;
            double h_new = o * tc;
            hs[cell + nh + j] = h_new;
            h[b * hid + j] = (float) h_new;
        }
    }
}

/* RecurrentPrimitives.gruForwardFloat for rows [from, to): one GRU step, the Java loop's operations in order. */
__attribute__((target_clones("avx2", "default")))
static void gru_cell_f(const float *restrict pre, const float *restrict rec, const double *restrict bi,
        const double *restrict bh, double *restrict gates, int go, int ho, double *restrict hs, int so, int n, int hid,
        float *restrict h, int from, int to) {
    long g3 = 3L * hid, nh = (long) n * hid;
    for (long b = from; b < to; b++) {
        long row = go + b * g3, rrow = b * g3, cell = so + b * hid;
        for (int j = 0; j < hid; j++) {
            double r = gn_sigmoid(pre[row + j] + bi[j] + rec[rrow + j] + bh[j]);
            double z = gn_sigmoid(pre[row + hid + j] + bi[hid + j] + rec[rrow + hid + j] + bh[hid + j]);
            double hn = rec[rrow + 2 * hid + j] + bh[2 * hid + j];
            double nz = pre[row + 2 * hid + j] + bi[2 * hid + j] + r * hn;
            double nn = gn_cell_tanh(nz);
            gates[row + j] = r;
            gates[row + hid + j] = z;
            gates[row + 2 * hid + j] = nn;
            gates[ho + b * hid + j] = hn;
            double h_new = (1 - z) * nn + z * hs[cell + j];
            hs[cell + nh + j] = h_new;
            h[b * hid + j] = (float) h_new;
        }
    }
}

#define GN_NAME(name) name##_f
#define T float
#include "gradnote_loops_typed.h"
#undef T
#undef GN_NAME
#define GN_NAME(name) name##_d
#define T double
#include "gradnote_loops_typed.h"
#undef T
#undef GN_NAME

/* The typed entry points take a flag: 0 for float32, 1 for float64 (NativeLoops.typeCode). */
JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_addBias(
        JNIEnv *env, jclass cls, jint type, jlong x, jlong b, jint first, jint end, jint size, jint inner) {
    (void) env;
    (void) cls;
    if (type == 0) add_bias_f((float *) (intptr_t) x, (const float *) (intptr_t) b, first, end, size, inner);
    else add_bias_d((double *) (intptr_t) x, (const double *) (intptr_t) b, first, end, size, inner);
}

JNIEXPORT jint JNICALL Java_org_gradnote_tensor_NativeLoops_sumBias0(JNIEnv *env, jclass cls, jint type, jlong g,
        jlong db, jint first, jint end, jint outer, jint size, jint inner) {
    (void) env;
    (void) cls;
    if (type == 0)
        return sum_bias_f((const float *) (intptr_t) g, (float *) (intptr_t) db, first, end, outer, size, inner);
    return sum_bias_d((const double *) (intptr_t) g, (double *) (intptr_t) db, first, end, outer, size, inner);
}

JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_toBatchMajor(JNIEnv *env, jclass cls, jint type,
        jlong y, jlong bias, jlong out, jint first, jint end, jint n, jint c, jint p) {
    (void) env;
    (void) cls;
    if (type == 0) {
        to_batch_major_f((const float *) (intptr_t) y, (const float *) (intptr_t) bias, (float *) (intptr_t) out,
                first, end, n, c, p);
    } else {
        to_batch_major_d((const double *) (intptr_t) y, (const double *) (intptr_t) bias, (double *) (intptr_t) out,
                first, end, n, c, p);
    }
}

JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_toChannelMajor(JNIEnv *env, jclass cls, jint type,
        jlong g, jlong gT, jlong db, jint first, jint end, jint n, jint c, jint p) {
    (void) env;
    (void) cls;
    if (type == 0) {
        to_channel_major_f((const float *) (intptr_t) g, (float *) (intptr_t) gT, (float *) (intptr_t) db,
                first, end, n, c, p);
    } else {
        to_channel_major_d((const double *) (intptr_t) g, (double *) (intptr_t) gT, (double *) (intptr_t) db,
                first, end, n, c, p);
    }
}

JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_tanhBackward(
        JNIEnv *env, jclass cls, jint type, jlong y, jlong g, jlong dx, jint n) {
    (void) env;
    (void) cls;
    if (type == 0) tanh_backward_f((const float *) (intptr_t) y, (const float *) (intptr_t) g, (float *) (intptr_t) dx, n);
    else tanh_backward_d((const double *) (intptr_t) y, (const double *) (intptr_t) g, (double *) (intptr_t) dx, n);
}

JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_sgdMomentum(JNIEnv *env, jclass cls, jint type,
        jlong p, jlong g, jlong buf, jlong out, jint n, jdouble lr, jdouble m, jdouble wd, jboolean nesterov) {
    (void) env;
    (void) cls;
    if (type == 0) {
        sgd_momentum_f((const float *) (intptr_t) p, (const float *) (intptr_t) g, (float *) (intptr_t) buf,
                (float *) (intptr_t) out, n, (float) lr, (float) m, (float) wd, wd != 0, nesterov);
    } else {
        sgd_momentum_d((const double *) (intptr_t) p, (const double *) (intptr_t) g, (double *) (intptr_t) buf,
                (double *) (intptr_t) out, n, lr, m, wd, wd != 0, nesterov);
    }
}

/* map is a Java int[] pinned for this chunk; returns -1 at an index outside dst. */
JNIEXPORT jint JNICALL Java_org_gradnote_tensor_NativeLoops_scatterAdd0(JNIEnv *env, jclass cls, jint type,
        jlong src, jintArray map, jlong dst, jint first, jint stop, jint n) {
    (void) cls;
    int *m = (*env)->GetPrimitiveArrayCritical(env, map, NULL);
    if (m == NULL) return -2; /* OutOfMemoryError pending in Java */
    int r = type == 0
            ? scatter_add_f((const float *) (intptr_t) src, m, (float *) (intptr_t) dst, first, stop, n)
            : scatter_add_d((const double *) (intptr_t) src, m, (double *) (intptr_t) dst, first, stop, n);
    (*env)->ReleasePrimitiveArrayCritical(env, map, m, JNI_ABORT);
    return r;
}

/* Pins up to 8 Java arrays for one call; returns 0 when one could not be pinned (an OutOfMemoryError is pending). */
struct pins {
    JNIEnv *env;
    int count;
    jarray arrays[8];
    void *ptrs[8];
};

static void *pin(struct pins *p, jarray a) {
    void *ptr = (*p->env)->GetPrimitiveArrayCritical(p->env, a, NULL);
    if (ptr != NULL) {
        p->arrays[p->count] = a;
        p->ptrs[p->count++] = ptr;
    }
    return ptr;
}

static void unpin_all(struct pins *p) {
    while (p->count > 0) {
        p->count--;
        (*p->env)->ReleasePrimitiveArrayCritical(p->env, p->arrays[p->count], p->ptrs[p->count], 0);
    }
}

/* The Java side has checked every array's length against the rows, offsets and sizes it passes. */
JNIEXPORT jboolean JNICALL Java_org_gradnote_tensor_NativeLoops_lstmCell(JNIEnv *env, jclass cls, jfloatArray pre,
        jfloatArray rec, jdoubleArray bias, jdoubleArray gates, jint go, jdoubleArray cs, jdoubleArray hs,
        jdoubleArray tanh_c, jint so, jint n, jint hid, jfloatArray h, jint from, jint to) {
    (void) cls;
    struct pins p = {env, 0, {0}, {0}};
    float *pr = pin(&p, pre), *rc = pr ? pin(&p, rec) : NULL, *hv = rc ? pin(&p, h) : NULL;
    double *bs = hv ? pin(&p, bias) : NULL, *gt = bs ? pin(&p, gates) : NULL, *c = gt ? pin(&p, cs) : NULL;
    double *hh = c ? pin(&p, hs) : NULL, *tc = hh ? pin(&p, tanh_c) : NULL;
    if (tc != NULL) lstm_cell_f(pr, rc, bs, gt, go, c, hh, tc, so, n, hid, hv, from, to);
    unpin_all(&p);
    return tc != NULL;
}

JNIEXPORT jboolean JNICALL Java_org_gradnote_tensor_NativeLoops_gruCell(JNIEnv *env, jclass cls, jfloatArray pre,
        jfloatArray rec, jdoubleArray bi, jdoubleArray bh, jdoubleArray gates, jint go, jint ho, jdoubleArray hs,
        jint so, jint n, jint hid, jfloatArray h, jint from, jint to) {
    (void) cls;
    struct pins p = {env, 0, {0}, {0}};
    float *pr = pin(&p, pre), *rc = pr ? pin(&p, rec) : NULL, *hv = rc ? pin(&p, h) : NULL;
    double *b1 = hv ? pin(&p, bi) : NULL, *b2 = b1 ? pin(&p, bh) : NULL, *gt = b2 ? pin(&p, gates) : NULL;
    double *hh = gt ? pin(&p, hs) : NULL;
    if (hh != NULL) gru_cell_f(pr, rc, b1, b2, gt, go, ho, hh, so, n, hid, hv, from, to);
    unpin_all(&p);
    return hh != NULL;
}

/* RecurrentPrimitives.exp over n doubles (for the tests: every bit of the C exp against the Java one). */
JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_exp(JNIEnv *env, jclass cls, jdoubleArray x, jdoubleArray y) {
    (void) cls;
    jsize n = (*env)->GetArrayLength(env, x);
    if ((*env)->GetArrayLength(env, y) < n) return;
    double *a = (*env)->GetPrimitiveArrayCritical(env, x, NULL);
    if (a == NULL) return;
    double *b = (*env)->GetPrimitiveArrayCritical(env, y, NULL);
    if (b != NULL) {
        for (jsize i = 0; i < n; i++) b[i] = gn_exp(a[i]);
        (*env)->ReleasePrimitiveArrayCritical(env, y, b, 0);
    }
    (*env)->ReleasePrimitiveArrayCritical(env, x, a, JNI_ABORT);
}

JNIEXPORT jint JNICALL Java_org_gradnote_tensor_NativeLoops_softmaxBackward0(JNIEnv *env, jclass cls, jint type,
        jlong y, jlong g, jlong dx, jint from, jint to, jint len, jint inner) {
    (void) env;
    (void) cls;
    if (type == 0) {
        return softmax_backward_f((const float *) (intptr_t) y, (const float *) (intptr_t) g, (float *) (intptr_t) dx,
                from, to, len, inner);
    }
    return softmax_backward_d((const double *) (intptr_t) y, (const double *) (intptr_t) g, (double *) (intptr_t) dx,
            from, to, len, inner);
}

/* The library's version, checked by NativeLoops at load: a stale library next to newer classes is refused. */
JNIEXPORT jint JNICALL Java_org_gradnote_tensor_NativeLoops_version(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return 7;
}
