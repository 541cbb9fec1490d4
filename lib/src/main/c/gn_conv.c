/* gradnote's C loops of the convolution and pooling layers: im2col, col2im, 2x2 max pooling. */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef float v8f __attribute__((vector_size(32)));
typedef int v8i __attribute__((vector_size(32)));

/*
 * The window rule, written once for scalars and vector lanes: v replaces best when greater, or a NaN over a number.
 * MAX_POOL_SELECT: a select by lane mask m. Macros: functions taking 32-byte vectors change the default build's ABI.
 */
#define MAX_POOL_TAKES(v, best) (((v) > (best)) | (((v) != (v)) & ((best) == (best))))
#define MAX_POOL_SELECT(m, a, b) ((v8f) (((v8i) (a) & (m)) | ((v8i) (b) & ~(m))))

/* The winner of one 2x2 window: its value, and in *k its tap (0-3, row-major). */
static inline float max_pool_window(float a, float b, float c, float d, int *k) {
    float best = a;
    int i = 0, t = MAX_POOL_TAKES(b, best);
    best = t ? b : best;
    i = t ? 1 : i;
    t = MAX_POOL_TAKES(c, best);
    best = t ? c : best;
    i = t ? 2 : i;
    t = MAX_POOL_TAKES(d, best);
    best = t ? d : best;
    i = t ? 3 : i;
    *k = i;
    return best;
}

/*
 * One output row: windows x in [0, ow) of the input rows s0 and s1. Eight windows at a time in vector lanes (the even
 * and odd taps split out of two loads), the rest by max_pool_window: the same comparisons in the same order, so the
 * same winners.
 */
__attribute__((target_clones("avx2", "default")))
static void max_pool_row(const float *restrict s0, const float *restrict s1, int ow, float *restrict d,
        int *restrict am, int r0, int w) {
    const v8i even = {0, 2, 4, 6, 8, 10, 12, 14}, odd = {1, 3, 5, 7, 9, 11, 13, 15}, lane = {0, 1, 2, 3, 4, 5, 6, 7};
    int x = 0;
    for (; x + 8 <= ow; x += 8) {
        v8f l0, h0, l1, h1;
        memcpy(&l0, s0 + 2 * x, sizeof l0);
        memcpy(&h0, s0 + 2 * x + 8, sizeof h0);
        memcpy(&l1, s1 + 2 * x, sizeof l1);
        memcpy(&h1, s1 + 2 * x + 8, sizeof h1);
        v8f a = __builtin_shuffle(l0, h0, even), b = __builtin_shuffle(l0, h0, odd);
        v8f c = __builtin_shuffle(l1, h1, even), e = __builtin_shuffle(l1, h1, odd);
        v8f best = a;
        v8i k = {0}, t = MAX_POOL_TAKES(b, best);
        best = MAX_POOL_SELECT(t, b, best);
        k = (t & 1) | (k & ~t);
        t = MAX_POOL_TAKES(c, best);
        best = MAX_POOL_SELECT(t, c, best);
        k = (t & 2) | (k & ~t);
        t = MAX_POOL_TAKES(e, best);
        best = MAX_POOL_SELECT(t, e, best);
        k = (t & 3) | (k & ~t);
        memcpy(d + x, &best, sizeof best);
        if (am != NULL) {
            v8i at = r0 + 2 * (x + lane) + (k & 1) + (k >> 1) * w;
            memcpy(am + x, &at, sizeof at);
        }
    }
    for (; x < ow; x++) {
        int k;
        d[x] = max_pool_window(s0[2 * x], s0[2 * x + 1], s1[2 * x], s1[2 * x + 1], &k);
        if (am != NULL) am[x] = r0 + 2 * x + (k & 1) + (k >> 1) * w;
    }
}

/*
 * MaxPool.forward2x2 / values2x2 over planes [from, to) of h x w floats: taps in row-major order, the first maximum
 * wins, a NaN beats any number; argmax (may be NULL) gets each winner's flat index. Branch-free, so that it
 * vectorises: the branches of the scalar loop followed the activations' values, which no predictor can, and cost
 * cnn_cifar's two pools 16% of its step.
 */
static void max_pool_2x2(const float *src, int from, int to, int h, int w, float *dst, int *argmax) {
    int oh = h / 2, ow = w / 2;
    long o = (long) from * oh * ow;
    for (long p = from; p < to; p++) {
        for (int y = 0; y < oh; y++, o += ow) {
            long r0 = p * h * w + 2L * y * w;
            max_pool_row(src + r0, src + r0 + w, ow, dst + o, argmax == NULL ? NULL : argmax + o, (int) r0, w);
        }
    }
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
 * The direct convolution (stride 1, no dilation) works on zero-padded planes: xp[b, ch] is hp x wp with x's plane at
 * (top, left), hp = oh + kh - 1 and wp = ow + kw - 1, so every output reads its whole window and needs no bounds
 * check. Output element (y, x) sits at y·wp + x of a padded-stride accumulator; the wp - ow columns past each row are
 * computed and dropped.
 */
struct direct {
    int n, c, h, w, oc, kh, kw, top, left, oh, ow, hp, wp;
};

/* Planes [from, to) of h x w floats into zeroed hp x wp planes at (top, left). */
static void pad_planes(const float *restrict src, float *restrict dst, int from, int to, int h, int w, int hp, int wp,
        int top, int left) {
    for (long p = from; p < to; p++) {
        float *d = dst + p * hp * wp;
        const float *s = src + p * h * w;
        memset(d, 0, sizeof(float) * (size_t) top * wp);
        for (int y = 0; y < h; y++) {
            float *row = d + (long) (top + y) * wp;
            for (int x = 0; x < left; x++) row[x] = 0.0f;
            memcpy(row + left, s + (long) y * w, sizeof(float) * (size_t) w);
            for (int x = left + w; x < wp; x++) row[x] = 0.0f;
        }
        memset(d + (long) (top + h) * wp, 0, sizeof(float) * (size_t) (hp - top - h) * wp);
    }
}

/* Accumulator floats per block of output rows: 16 KB, so the block stays in L1 while every tap passes over it. */
#define DIRECT_ACC 4096

/*
 * out[b, o] for items [from, to) of n·oc (item b·oc + o): each element is the sum over (ch, i, j) ascending of
 * w[o, ch, i, j] · xp[b, ch, y + i, x + j], from +0, then plus bias[o] when bias is not NULL. A 3x3 window takes its
 * nine taps in one pass over the accumulator, other windows one tap per pass: the same additions in the same order.
 */
__attribute__((target_clones("avx2", "default")))
static void direct_forward(const float *restrict xp, const float *restrict w, const float *restrict bias,
        float *restrict out, int from, int to, const struct direct *g, float *restrict acc, int rows) {
    int taps = g->kh * g->kw, wp = g->wp;
    long plane = (long) g->hp * wp;
    for (int item = from; item < to; item++) {
        int b = item / g->oc, o = item % g->oc;
        const float *wo = w + (long) o * g->c * taps;
        float *dst = out + (long) item * g->oh * g->ow;
        for (int y0 = 0; y0 < g->oh; y0 += rows) {
            int nr = g->oh - y0 < rows ? g->oh - y0 : rows;
            long len = (long) (nr - 1) * wp + g->ow;
            for (long t = 0; t < len; t++) acc[t] = 0.0f;
            for (int ch = 0; ch < g->c; ch++) {
                const float *src = xp + ((long) b * g->c + ch) * plane + (long) y0 * wp;
                const float *k = wo + (long) ch * taps;
                if (g->kh == 3 && g->kw == 3) {
                    const float *r0 = src, *r1 = src + wp, *r2 = src + 2L * wp;
                    float k0 = k[0], k1 = k[1], k2 = k[2], k3 = k[3], k4 = k[4], k5 = k[5], k6 = k[6], k7 = k[7],
                          k8 = k[8];
                    for (long t = 0; t < len; t++) {
                        float a = acc[t];
                        a += k0 * r0[t];
                        a += k1 * r0[t + 1];
                        a += k2 * r0[t + 2];
                        a += k3 * r1[t];
                        a += k4 * r1[t + 1];
                        a += k5 * r1[t + 2];
                        a += k6 * r2[t];
                        a += k7 * r2[t + 1];
                        a += k8 * r2[t + 2];
                        acc[t] = a;
                    }
                } else {
                    for (int i = 0; i < g->kh; i++) {
                        for (int j = 0; j < g->kw; j++) {
                            float kv = k[i * g->kw + j];
                            const float *s = src + (long) i * wp + j;
                            for (long t = 0; t < len; t++) acc[t] += kv * s[t];
                        }
                    }
                }
            }
            float bv = bias == NULL ? 0.0f : bias[o];
            for (int r = 0; r < nr; r++) {
                float *line = dst + (long) (y0 + r) * g->ow;
                const float *a = acc + (long) r * wp;
                if (bias == NULL) memcpy(line, a, sizeof(float) * (size_t) g->ow);
                else for (int x = 0; x < g->ow; x++) line[x] = a[x] + bv;
            }
        }
    }
}

/* Eight floats, and the same at any float alignment: the weight gradient's partial sums, lane k for x mod 8 = k. */
typedef float v8f __attribute__((vector_size(32)));
typedef float v8f_unaligned __attribute__((vector_size(32), aligned(4), may_alias));

/* A macro, not a function: a 32-byte vector return value would change the ABI between the clones. */
#define load8(p) (*(const v8f_unaligned *) (p))

/*
 * direct_weights' sums for one image of a 3x3 window, tap t's eight lanes into lanes[8t..8t+7]: the same additions in
 * the same order, with the nine taps' lanes kept in registers over the whole image.
 */
__attribute__((target_clones("avx2", "default")))
static void direct_weights_3x3(const float *restrict pp, const float *restrict gp, int oh, int ow, int wp,
        float *restrict lanes) {
    v8f a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0}, a4 = {0}, a5 = {0}, a6 = {0}, a7 = {0}, a8 = {0};
    int full = ow & ~7;
    for (int y = 0; y < oh; y++) {
        const float *gy = gp + (long) y * ow, *r0 = pp + (long) y * wp, *r1 = r0 + wp, *r2 = r1 + wp;
        for (int x = 0; x < full; x += 8) {
            v8f gv = load8(gy + x);
            a0 += gv * load8(r0 + x);
            a1 += gv * load8(r0 + x + 1);
            a2 += gv * load8(r0 + x + 2);
            a3 += gv * load8(r1 + x);
            a4 += gv * load8(r1 + x + 1);
            a5 += gv * load8(r1 + x + 2);
            a6 += gv * load8(r2 + x);
            a7 += gv * load8(r2 + x + 1);
            a8 += gv * load8(r2 + x + 2);
        }
        for (int x = full; x < ow; x++) {
            float gv = gy[x];
            int k = x - full;
            a0[k] += gv * r0[x];
            a1[k] += gv * r0[x + 1];
            a2[k] += gv * r0[x + 2];
            a3[k] += gv * r1[x];
            a4[k] += gv * r1[x + 1];
            a5[k] += gv * r1[x + 2];
            a6[k] += gv * r2[x];
            a7[k] += gv * r2[x + 1];
            a8[k] += gv * r2[x + 2];
        }
    }
    v8f all[9] = {a0, a1, a2, a3, a4, a5, a6, a7, a8};
    memcpy(lanes, all, sizeof(all));
}

/*
 * dw[o, ch] for items [from, to) of oc·c (item o·c + ch): tap (i, j) is the sum over b, y, x of g[b, o, y, x] ·
 * xp[b, ch, y + i, x + j], kept in 8 float partial sums by x mod 8 over one image (in order of y, x), which are added
 * to 8 double totals image by image; the totals are added 0 to 7 in double and rounded once.
 */
__attribute__((target_clones("avx2", "default")))
static void direct_weights(const float *restrict xp, const float *restrict gr, float *restrict dw, int from, int to,
        const struct direct *g, float *restrict lanes, double *restrict totals) {
    int taps = g->kh * g->kw, wp = g->wp, ow = g->ow, full = ow & ~7;
    long plane = (long) g->hp * wp;
    for (int item = from; item < to; item++) {
        int o = item / g->c, ch = item % g->c;
        for (int t = 0; t < taps * 8; t++) totals[t] = 0.0;
        for (int b = 0; b < g->n; b++) {
            const float *gp = gr + ((long) b * g->oc + o) * g->oh * ow;
            const float *pp = xp + ((long) b * g->c + ch) * plane;
            if (g->kh == 3 && g->kw == 3) {
                direct_weights_3x3(pp, gp, g->oh, ow, wp, lanes);
                for (int t = 0; t < taps * 8; t++) totals[t] += lanes[t];
                continue;
            }
            for (int t = 0; t < taps * 8; t++) lanes[t] = 0.0f;
            for (int y = 0; y < g->oh; y++) {
                const float *gy = gp + (long) y * ow;
                for (int i = 0; i < g->kh; i++) {
                    const float *xr = pp + (long) (y + i) * wp;
                    for (int j = 0; j < g->kw; j++) {
                        float *l = lanes + (i * g->kw + j) * 8;
                        const float *xs = xr + j;
                        float l0 = l[0], l1 = l[1], l2 = l[2], l3 = l[3], l4 = l[4], l5 = l[5], l6 = l[6], l7 = l[7];
                        for (int x = 0; x < full; x += 8) {
                            l0 += gy[x] * xs[x];
                            l1 += gy[x + 1] * xs[x + 1];
                            l2 += gy[x + 2] * xs[x + 2];
                            l3 += gy[x + 3] * xs[x + 3];
                            l4 += gy[x + 4] * xs[x + 4];
                            l5 += gy[x + 5] * xs[x + 5];
                            l6 += gy[x + 6] * xs[x + 6];
                            l7 += gy[x + 7] * xs[x + 7];
                        }
                        l[0] = l0, l[1] = l1, l[2] = l2, l[3] = l3, l[4] = l4, l[5] = l5, l[6] = l6, l[7] = l7;
                        for (int x = full; x < ow; x++) l[x - full] += gy[x] * xs[x];
                    }
                }
            }
            for (int t = 0; t < taps * 8; t++) totals[t] += lanes[t];
        }
        for (int t = 0; t < taps; t++) {
            const double *l = totals + t * 8;
            double s = l[0];
            for (int k = 1; k < 8; k++) s += l[k];
            dw[(long) item * taps + t] = (float) s;
        }
    }
}

/* db[o] for o in [from, to): the sum over b, then p, of g[b, o, p] in double, rounded once (toChannelMajor's db). */
static void direct_bias(const float *restrict gr, float *restrict db, int from, int to, int n, int oc, int p) {
    for (int o = from; o < to; o++) {
        double sum = 0;
        for (int b = 0; b < n; b++) {
            const float *s = gr + ((long) b * oc + o) * p;
            for (int j = 0; j < p; j++) sum += s[j];
        }
        db[o] = (float) sum;
    }
}

/* The geometry from Java: {n, c, h, w, oc, kh, kw, top, left, oh, ow, hp, wp}. */
static int direct_geometry(JNIEnv *env, jintArray geometry, struct direct *g) {
    (*env)->GetIntArrayRegion(env, geometry, 0, 13, (jint *) g);
    return !(*env)->ExceptionCheck(env);
}

JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_padPlanes(JNIEnv *env, jclass cls, jlong src, jlong dst,
        jint from, jint to, jintArray geometry) {
    (void) cls;
    struct direct g;
    if (!direct_geometry(env, geometry, &g)) return;
    pad_planes((const float *) (intptr_t) src, (float *) (intptr_t) dst, from, to, g.h, g.w, g.hp, g.wp, g.top, g.left);
}

/* False when there was no memory for the accumulator (the caller throws). */
JNIEXPORT jboolean JNICALL Java_org_gradnote_tensor_NativeLoops_directForward0(JNIEnv *env, jclass cls, jlong xp,
        jlong w, jlong bias, jlong out, jint from, jint to, jintArray geometry) {
    (void) cls;
    struct direct g;
    if (!direct_geometry(env, geometry, &g)) return JNI_TRUE;
    int rows = DIRECT_ACC / g.wp < 1 ? 1 : DIRECT_ACC / g.wp;
    if (rows > g.oh) rows = g.oh;
    float *acc = malloc(sizeof(float) * (size_t) rows * g.wp);
    if (acc == NULL) return JNI_FALSE;
    direct_forward((const float *) (intptr_t) xp, (const float *) (intptr_t) w, (const float *) (intptr_t) bias,
            (float *) (intptr_t) out, from, to, &g, acc, rows);
    free(acc);
    return JNI_TRUE;
}

JNIEXPORT jboolean JNICALL Java_org_gradnote_tensor_NativeLoops_directWeights0(JNIEnv *env, jclass cls, jlong xp,
        jlong gr, jlong dw, jint from, jint to, jintArray geometry) {
    (void) cls;
    struct direct g;
    if (!direct_geometry(env, geometry, &g)) return JNI_TRUE;
    float *lanes = malloc(sizeof(float) * (size_t) g.kh * g.kw * 8);
    double *totals = malloc(sizeof(double) * (size_t) g.kh * g.kw * 8);
    if (lanes == NULL || totals == NULL) {
        free(lanes);
        free(totals);
        return JNI_FALSE;
    }
    direct_weights((const float *) (intptr_t) xp, (const float *) (intptr_t) gr, (float *) (intptr_t) dw, from, to, &g,
            lanes, totals);
    free(lanes);
    free(totals);
    return JNI_TRUE;
}

JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_directBias(JNIEnv *env, jclass cls, jlong gr, jlong db,
        jint from, jint to, jint n, jint oc, jint p) {
    (void) env, (void) cls;
    direct_bias((const float *) (intptr_t) gr, (float *) (intptr_t) db, from, to, n, oc, p);
}
