/* gradnote's C loops of the recurrent layers: the float32 LSTM and GRU cells' forward, and the cells' exp. */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "gn_math.h"
#include "gn_pins.h"

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
