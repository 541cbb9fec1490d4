package org.gradnote.tensor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The system's OpenBLAS for {@link Blas}'s products, where it runs the bundled build's kernels: the same bits, with
 * faster packing (gn_blas.c says why). Off, the bundled build computes every product, as before.
 *
 * <p>{@code -Dgradnote.blas=bundled} (or {@code GRADNOTE_BLAS=bundled}) keeps the bundled build; a path instead of
 * {@code bundled} names another library file. Only the versions in {@link #VERIFIED} are taken: {@code
 * SystemBlasTest} checks their products against the bundled build's, bit for bit.
 */
final class SystemBlas {
    private SystemBlas() {}

    /**
     * Debian 12's OpenBLAS (package libopenblas0-pthread, the one python3-torch uses), set to one thread per call.
     * Not the serial flavour (libopenblas0-serial): two of gradnote's threads calling it at once got wrong products
     * (lstm_128 at 2 threads lost its loss's bits in one run of two); the pthread build locks its buffers.
     */
    static final String DEBIAN = "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0";

    /** The file name the bundled build (JavaCPP's openblas preset) is loaded under. */
    private static final String BUNDLED = "libopenblas_nolapack.so.0";

    /** Configuration prefixes of the builds whose products were checked equal to the bundled build's. */
    private static final String[] VERIFIED = {"OpenBLAS 0.3.21 "};

    private static final String STATUS = open();

    /** True when products go to the system's OpenBLAS. */
    static final boolean ON = STATUS.startsWith("on");

    /** "on: " and the library's configuration, or "off: " and why; printed with the benchmarks' machine line. */
    static String status() {
        return STATUS;
    }

    private static String open() {
        String want = System.getProperty("gradnote.blas", System.getenv().getOrDefault("GRADNOTE_BLAS", "auto"));
        if (want.equals("bundled")) return "off: gradnote.blas=bundled";
        if (!NativeLoops.status().startsWith("on")) return "off: gradnote's C library is not loaded";
        String path = want.equals("auto") ? DEBIAN : want;
        if (!Files.isReadable(Path.of(path)))
            return "off: no " + path + " (Debian: apt-get install libopenblas0-pthread)";
        Blas.configure(); // the bundled build is loaded first: its core decides
        byte[] out = new byte[512];
        int r = open0(path, BUNDLED, out);
        String msg = new String(out, 0, r >= 0 ? r : -r - 1, StandardCharsets.UTF_8);
        if (r < 0) return "off: " + msg;
        for (String v : VERIFIED) if (msg.startsWith(v)) return "on: " + path + " (" + msg.trim() + ")";
        return "off: " + path + " is " + msg.trim() + ", not a version checked against the bundled build";
    }

    /**
     * Opens path on the Haswell kernels when the bundled build runs them; writes the configuration or the reason
     * into out and returns its length, or -length-1 when not opened.
     */
    private static native int open0(String path, String bundled, byte[] out);

    /** out[m, n] = op(a) · op(b) over float32 matrices in row order at raw addresses (ta, tb: CBLAS codes). */
    static native void sgemm(int ta, int tb, int m, int n, int k, long a, int lda, long b, int ldb, long out, int ldc);

    /** The same over float64 matrices. */
    static native void dgemm(int ta, int tb, int m, int n, int k, long a, int lda, long b, int ldb, long out, int ldc);
}
