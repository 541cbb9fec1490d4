/* gradnote's C loops of the convolution and pooling layers: im2col, col2im, 2x2 max pooling. */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
