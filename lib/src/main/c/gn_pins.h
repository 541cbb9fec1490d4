/* Pinning Java arrays for one JNI call, shared by the C files whose kernels read or write Java arrays. */
#ifndef GN_PINS_H
#define GN_PINS_H

#include <jni.h>

/* Pins up to 8 Java arrays for one call; returns 0 when one could not be pinned (an OutOfMemoryError is pending). */
struct pins {
    JNIEnv *env;
    int count;
    jarray arrays[8];
    void *ptrs[8];
};

static inline void *pin(struct pins *p, jarray a) {
    void *ptr = (*p->env)->GetPrimitiveArrayCritical(p->env, a, NULL);
    if (ptr != NULL) {
        p->arrays[p->count] = a;
        p->ptrs[p->count++] = ptr;
    }
    return ptr;
}

static inline void unpin_all(struct pins *p) {
    while (p->count > 0) {
        p->count--;
        (*p->env)->ReleasePrimitiveArrayCritical(p->env, p->arrays[p->count], p->ptrs[p->count], 0);
    }
}

#endif
