package org.gradnote.tensor;

/**
 * The native initialisations that a training's first epoch used to pay, run once when gradnote first asks for an
 * array (while the model and data are built): the system OpenBLAS's loading ({@link SystemBlas}) and libnd4j's first
 * op context, whose JavaCPP classes read their annotations through reflection proxies.
 *
 * <p>Why: together ~25 ms inside the first epoch of every run, where steady epochs of the course's CNN lab take 0.1
 * ms (docs/performance.md, session 23). PyTorch pays its own native setup at import.
 */
final class NativeWarmup {
    private NativeWarmup() {}

    private static volatile boolean done;

    /** Runs the initialisations the first time; a volatile read after that. */
    static void once() {
        if (done) return;
        synchronized (NativeWarmup.class) {
            if (done) return;
            done = true;
            SystemBlas.status();
            Engine.warmContexts();
        }
    }
}
