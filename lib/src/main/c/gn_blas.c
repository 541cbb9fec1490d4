/*
 * A second OpenBLAS for gradnote's products (SystemBlas.java): the system's build, opened privately beside the one
 * JavaCPP bundles, on the same kernels. The bundled build (JavaCPP 1.5.7, gcc 9) packs matrices in scalar loops; a
 * distribution's build of the same kernels packs them in vector code, and for the small products of a recurrent step
 * packing is a third of the time (docs/performance.md, session 21).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*sgemm_fn)(int, int, int, int, int, int, float, const float *, int, const float *, int, float, float *,
                         int);
typedef void (*dgemm_fn)(int, int, int, int, int, int, double, const double *, int, const double *, int, double,
                         double *, int);
typedef char *(*name_fn)(void);
typedef void (*threads_fn)(int);

static sgemm_fn gn_sgemm;
static dgemm_fn gn_dgemm;

/* CBLAS's row-major and no-transpose/transpose codes (cblas.h), as gradnote's Blas passes them. */
#define GN_ROW_MAJOR 101

/* The core a loaded OpenBLAS runs on ("Zen", "Haswell", ...), or "" when handle has no such query. */
static const char *core_of(void *handle) {
    name_fn name = (name_fn) dlsym(handle, "openblas_get_corename");
    const char *s = name ? name() : NULL;
    return s ? s : "";
}

/*
 * Opens the OpenBLAS at path for the products, on the Haswell kernels, when the bundled build (bundled: its file
 * name, already loaded) runs on the Haswell kernels too (its "Haswell" or "Zen" core: the same sgemm and dgemm
 * kernels and blocking, so the same bits). Writes the library's configuration, or why it was not opened, into out
 * and returns its length, or -length-1 when not opened. OpenBLAS picks its core when it is loaded, from
 * OPENBLAS_CORETYPE, else from the CPU (a newer build calls this AVX-512 host "Cooperlake", whose kernels sum in
 * another order), and its thread pool from OPENBLAS_NUM_THREADS: both are set for the load (Haswell, and 1: gradnote
 * splits products over its own threads) and restored after it. RTLD_DEEPBIND: the library resolves its own symbols
 * first, not the bundled copy's.
 */
JNIEXPORT jint JNICALL Java_org_gradnote_tensor_SystemBlas_open0(
        JNIEnv *env, jclass cls, jstring jpath, jstring jbundled, jbyteArray jout) {
    (void) cls;
    char msg[512];
    jint ok = 0;
    const char *path = (*env)->GetStringUTFChars(env, jpath, NULL);
    const char *bundled = (*env)->GetStringUTFChars(env, jbundled, NULL);
    if (!path || !bundled) { // an OutOfMemoryError is pending: nothing opened, no message
        if (path) (*env)->ReleaseStringUTFChars(env, jpath, path);
        if (bundled) (*env)->ReleaseStringUTFChars(env, jbundled, bundled);
        return -1;
    }
    void *mine = dlopen(bundled, RTLD_NOW | RTLD_NOLOAD);
    const char *core = mine ? core_of(mine) : "";
    if (!mine) {
        snprintf(msg, sizeof msg, "the bundled %s is not loaded", bundled);
    } else if (strcmp(core, "Haswell") != 0 && strcmp(core, "Zen") != 0) {
        snprintf(msg, sizeof msg, "the bundled OpenBLAS runs the %s kernels, not Haswell's", core);
    } else {
        static const char *const names[2] = {"OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS"};
        static const char *const values[2] = {"Haswell", "1"}; // one thread: no idle thread pool of its own
        char *saved[2];
        for (int i = 0; i < 2; i++) {
            const char *was = getenv(names[i]);
            saved[i] = was ? strdup(was) : NULL;
            setenv(names[i], values[i], 1);
        }
        void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
        for (int i = 0; i < 2; i++) {
            if (saved[i]) {
                setenv(names[i], saved[i], 1);
                free(saved[i]);
            } else {
                unsetenv(names[i]);
            }
        }
        if (!h) {
            const char *e = dlerror();
            snprintf(msg, sizeof msg, "%s", e ? e : "dlopen failed");
        } else {
            sgemm_fn s = (sgemm_fn) dlsym(h, "cblas_sgemm");
            dgemm_fn d = (dgemm_fn) dlsym(h, "cblas_dgemm");
            name_fn config = (name_fn) dlsym(h, "openblas_get_config");
            threads_fn threads = (threads_fn) dlsym(h, "openblas_set_num_threads");
            const char *theirs = core_of(h);
            if (!s || !d || !config || !threads) {
                snprintf(msg, sizeof msg, "%s lacks cblas_sgemm, cblas_dgemm or OpenBLAS's queries", path);
                dlclose(h);
            } else if (strcmp(theirs, "Haswell") != 0) {
                snprintf(msg, sizeof msg, "%s runs the %s kernels, not Haswell's", path, theirs);
                dlclose(h);
            } else {
                threads(1); // gradnote splits products over its own threads
                gn_sgemm = s;
                gn_dgemm = d;
                snprintf(msg, sizeof msg, "%s", config());
                ok = 1;
            }
        }
    }
    if (mine) dlclose(mine); // the NOLOAD handle only counted a reference: the bundled build stays loaded
    (*env)->ReleaseStringUTFChars(env, jpath, path);
    (*env)->ReleaseStringUTFChars(env, jbundled, bundled);
    jsize cap = (*env)->GetArrayLength(env, jout);
    jsize len = (jsize) strlen(msg);
    if (len > cap) len = cap;
    (*env)->SetByteArrayRegion(env, jout, 0, len, (const jbyte *) msg);
    return ok ? len : -len - 1;
}

/* out[m, n] = op(a) · op(b) in row order through the opened library's sgemm (ta, tb: CBLAS transpose codes). */
JNIEXPORT void JNICALL Java_org_gradnote_tensor_SystemBlas_sgemm(
        JNIEnv *env, jclass cls, jint ta, jint tb, jint m, jint n, jint k, jlong a, jint lda, jlong b, jint ldb,
        jlong out, jint ldc) {
    (void) env;
    (void) cls;
    gn_sgemm(GN_ROW_MAJOR, ta, tb, m, n, k, 1.0f, (const float *) (intptr_t) a, lda, (const float *) (intptr_t) b, ldb,
             0.0f, (float *) (intptr_t) out, ldc);
}

/* The same through dgemm. */
JNIEXPORT void JNICALL Java_org_gradnote_tensor_SystemBlas_dgemm(
        JNIEnv *env, jclass cls, jint ta, jint tb, jint m, jint n, jint k, jlong a, jint lda, jlong b, jint ldb,
        jlong out, jint ldc) {
    (void) env;
    (void) cls;
    gn_dgemm(GN_ROW_MAJOR, ta, tb, m, n, k, 1.0, (const double *) (intptr_t) a, lda, (const double *) (intptr_t) b,
             ldb, 0.0, (double *) (intptr_t) out, ldc);
}
