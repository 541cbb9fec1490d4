/*
 * gradnote's own element loops in C, for the ops whose Java loops C1 compiles poorly. Each function performs the
 * same IEEE operations in the same order as the Java loop it stands for (built with -ffp-contract=off, no fast-math),
 * so both give the same bits; where a function cannot promise that (an exp of its own), it flags the elements it
 * cannot decide and the Java side recomputes them. Called through NativeLoops.java with raw addresses that the Java
 * side has checked against the arrays' bounds. This file: the activations and the library's version; gn_conv.c,
 * gn_recurrent.c and gn_typed.c the rest, gn_math.h the exps they share.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "gn_math.h"

#define BLOCK 256

/*
 * tanh of n float32 values from src into dst, as TanhLoops' Java loop computes it (in double: the odd Taylor
 * polynomial below |z| = 1/16, (1 - e)/(1 + e) with e = exp(-2|z|) above, then rounded to float). Writes the indices
 * of the elements whose rounding it cannot promise into flagged (at most cap of them) and returns how many there
 * were: the caller recomputes those with Math.exp. Its own exp, gn_exp_guarded, is not Math.exp: the guard is what
 * makes the floats the same.
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
            double e = gn_exp_guarded(-2 * a);
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


/* The library's version, checked by NativeLoops at load: a stale library next to newer classes is refused. */
JNIEXPORT jint JNICALL Java_org_gradnote_tensor_NativeLoops_version(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return 14;
}

/* SplitMix's increment: the Java generator's GOLDEN_GAMMA. */
#define GN_GOLDEN_GAMMA 0x9e3779b97f4a7c15ULL

/*
 * SplitMix.fillKeep over [from, to): element i gets hit's bits where draw i of those reserved at base is below
 * `below`, else +0. Draw i's counter is base + (i + 1)·gamma, computed from i so that the elements are independent and
 * the loop vectorises where 64-bit multiplies exist (AVX-512DQ). Integer arithmetic only: the Java loop's bits on
 * every variant.
 */
#define GN_FILL_KEEP(name, T)                                                                                         \
    static void name(T *restrict out, int from, int to, uint64_t base, int64_t below, T hit) {                        \
        for (int i = from; i < to; i++) {                                                                             \
            uint64_t z = base + (uint64_t) (int64_t) (i + 1) * GN_GOLDEN_GAMMA;                                      \
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;                                                              \
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;                                                              \
            int64_t v = (int64_t) ((z ^ (z >> 31)) >> 11);                                                            \
            out[i] = hit & (T) (uint64_t) ((v - below) >> 63);                                                        \
        }                                                                                                             \
    }

GN_FILL_KEEP(fill_keep32, uint32_t)
GN_FILL_KEEP(fill_keep64, uint64_t)
__attribute__((target("avx512f,avx512dq"))) GN_FILL_KEEP(fill_keep32_avx512, uint32_t)
__attribute__((target("avx512f,avx512dq"))) GN_FILL_KEEP(fill_keep64_avx512, uint64_t)

/* The float32 (wide false) or float64 keep mask into the array at dst; see GN_FILL_KEEP. */
JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_fillKeep(JNIEnv *env, jclass cls, jlong dst, jint from,
        jint to, jlong base, jlong below, jlong hit, jboolean wide) {
    (void) env;
    (void) cls;
    static int avx512 = -1;
    if (avx512 < 0) {
        __builtin_cpu_init();
        avx512 = __builtin_cpu_supports("avx512dq") ? 1 : 0;
    }
    if (wide && avx512) fill_keep64_avx512((uint64_t *) (intptr_t) dst, from, to, (uint64_t) base, below, (uint64_t) hit);
    else if (wide) fill_keep64((uint64_t *) (intptr_t) dst, from, to, (uint64_t) base, below, (uint64_t) hit);
    else if (avx512) fill_keep32_avx512((uint32_t *) (intptr_t) dst, from, to, (uint64_t) base, below, (uint32_t) hit);
    else fill_keep32((uint32_t *) (intptr_t) dst, from, to, (uint64_t) base, below, (uint32_t) hit);
}

/*
 * A strided gather of width-byte elements: dst (dense, shape[0..rank)) takes element (i0, ..., i_last) of src at
 * Σ i_d · strides[d] elements, for rows [first, end) of the dimensions before the last. Strides may be 0 (a broadcast:
 * Primitives.expand) or those of a permuted or sliced view (Engine.contiguous). Copies only: the values' bits.
 */
static void strided_copy(const char *src, char *dst, int rank, const int64_t *shape, const int64_t *strides,
        int width, int64_t first, int64_t end) {
    int64_t inner = shape[rank - 1], step = strides[rank - 1];
    for (int64_t o = first; o < end; o++) {
        int64_t at = 0, rest = o;
        for (int d = rank - 2; d >= 0; d--) {
            at += rest % shape[d] * strides[d];
            rest /= shape[d];
        }
        char *out = dst + o * inner * width;
        const char *in = src + at * width;
        if (step == 1) {
            memcpy(out, in, (size_t) (inner * width));
        } else if (width == 4) {
            for (int64_t i = 0; i < inner; i++) memcpy(out + i * 4, in + i * step * 4, 4);
        } else if (width == 8) {
            for (int64_t i = 0; i < inner; i++) memcpy(out + i * 8, in + i * step * 8, 8);
        } else {
            for (int64_t i = 0; i < inner; i++) memcpy(out + i * width, in + i * step * width, (size_t) width);
        }
    }
}

/* shapeAndStrides: the rank dimensions, then src's rank strides in elements (the caller checked the span). */
JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_stridedCopy(JNIEnv *env, jclass cls, jlong src,
        jlong dst, jlongArray shapeAndStrides, jint width, jlong first, jlong end) {
    (void) cls;
    int rank = (*env)->GetArrayLength(env, shapeAndStrides) / 2;
    int64_t dims[64];
    if (rank < 1 || rank > 32) return;
    (*env)->GetLongArrayRegion(env, shapeAndStrides, 0, 2 * rank, (jlong *) dims);
    strided_copy((const char *) (intptr_t) src, (char *) (intptr_t) dst, rank, dims, dims + rank, width, first, end);
}

/*
 * Primitives.slice's copies of width-byte elements between full [outer, size, inner] and part [outer, count, inner],
 * part holding indices start, start + step, ... of the middle dimension; outer rows [first, end). Gather into part,
 * or (scatter) write part into full and zeros everywhere else in those rows. Copies only: the values' bits.
 */
JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_sliceCopy(JNIEnv *env, jclass cls, jlong full, jlong part,
        jlong first, jlong end, jlong size, jlong inner, jlong start, jlong step, jlong count, jint width,
        jboolean scatter) {
    (void) env;
    (void) cls;
    size_t row = (size_t) (inner * width);
    for (int64_t o = first; o < end; o++) {
        char *f = (char *) (intptr_t) full + (size_t) (o * size) * row;
        char *p = (char *) (intptr_t) part + (size_t) (o * count) * row;
        if (step == 1) {
            if (!scatter) {
                memcpy(p, f + (size_t) start * row, (size_t) count * row);
                continue;
            }
            memset(f, 0, (size_t) start * row);
            memcpy(f + (size_t) start * row, p, (size_t) count * row);
            memset(f + (size_t) (start + count) * row, 0, (size_t) (size - start - count) * row);
            continue;
        }
        if (scatter) memset(f, 0, (size_t) size * row);
        for (int64_t c = 0; c < count; c++) {
            char *at = f + (size_t) (start + c * step) * row;
            if (scatter) memcpy(at, p + (size_t) c * row, row);
            else memcpy(p + (size_t) c * row, at, row);
        }
    }
}

/* Memory.copyRows: row k of out = row picks[k] of src, rows of rowBytes bytes (indices checked by the Java side). */
JNIEXPORT jboolean JNICALL Java_org_gradnote_tensor_NativeLoops_copyRows(JNIEnv *env, jclass cls, jlong src,
        jlongArray picks, jlong out, jint rowBytes) {
    (void) cls;
    jsize n = (*env)->GetArrayLength(env, picks);
    int64_t *p = (*env)->GetPrimitiveArrayCritical(env, picks, NULL);
    if (p == NULL) return JNI_FALSE;
    const char *from = (const char *) (intptr_t) src;
    char *to = (char *) (intptr_t) out;
    for (jsize k = 0; k < n; k++) memcpy(to + (size_t) k * rowBytes, from + (size_t) p[k] * rowBytes, rowBytes);
    (*env)->ReleasePrimitiveArrayCritical(env, picks, p, JNI_ABORT);
    return JNI_TRUE;
}
