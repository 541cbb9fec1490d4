/* gradnote's C loops that exist in float32 and float64: gn_typed.h, included once per type, and their entry points. */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define GN_NAME(name) name##_f
#define T float
#include "gn_typed.h"
#undef T
#undef GN_NAME
#define GN_NAME(name) name##_d
#define T double
#include "gn_typed.h"
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

JNIEXPORT void JNICALL Java_org_gradnote_tensor_NativeLoops_layerNormDx(JNIEnv *env, jclass cls, jint type, jlong g,
        jlong gamma, jlong xhat, jlong inv, jlong dx, jint first, jint end, jint d, jint chunk) {
    (void) env;
    (void) cls;
    if (type == 0) {
        layer_norm_dx_f((const float *) (intptr_t) g, (const float *) (intptr_t) gamma, (const float *) (intptr_t) xhat,
                (const float *) (intptr_t) inv, (float *) (intptr_t) dx, first, end, d, chunk);
    } else {
        layer_norm_dx_d((const double *) (intptr_t) g, (const double *) (intptr_t) gamma,
                (const double *) (intptr_t) xhat, (const double *) (intptr_t) inv, (double *) (intptr_t) dx, first, end,
                d, chunk);
    }
}

/* False when there was no memory for the column sums (the caller throws). */
JNIEXPORT jboolean JNICALL Java_org_gradnote_tensor_NativeLoops_layerNormDgamma0(JNIEnv *env, jclass cls, jint type,
        jlong g, jlong xhat, jlong dgamma, jlong dbeta, jint first, jint end, jint rows, jint d) {
    (void) env;
    (void) cls;
    double *acc = malloc(sizeof(double) * 2 * (size_t) (end - first));
    if (acc == NULL) return JNI_FALSE;
    if (type == 0) {
        layer_norm_dgamma_f((const float *) (intptr_t) g, (const float *) (intptr_t) xhat, (float *) (intptr_t) dgamma,
                (float *) (intptr_t) dbeta, first, end, rows, d, acc);
    } else {
        layer_norm_dgamma_d((const double *) (intptr_t) g, (const double *) (intptr_t) xhat,
                (double *) (intptr_t) dgamma, (double *) (intptr_t) dbeta, first, end, rows, d, acc);
    }
    free(acc);
    return JNI_TRUE;
}
