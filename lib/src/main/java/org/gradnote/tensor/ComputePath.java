package org.gradnote.tensor;

/**
 * Which implementation gradnote's ops use, set with {@code Gradnote.setPath} or {@code -Dgradnote.path=heap|loop|native|auto}:
 * {@link #AUTO} picks per op from size, dtype and layout (the default, and the fastest); the others force one path
 * wherever it applies, so that tests can check every path gives the same numbers.
 */
public enum ComputePath {
    /** Per op, from the measured thresholds in gradnote's dispatch policy. */
    AUTO,
    /** Float tensors of any size live on the Java heap and element-wise ops run there; the rest as AUTO. */
    HEAP,
    /** Nothing on the heap; every op with a Java loop runs it whatever the size. */
    LOOP,
    /** Nothing on the heap and no Java loop: every op through ND4J's native kernels. */
    NATIVE;

    /** The path named by a system property value (case-insensitive), e.g. "native". */
    public static ComputePath parse(String name) {
        for (ComputePath p : values()) if (p.name().equalsIgnoreCase(name.trim())) return p;
        throw new IllegalArgumentException(
                "gradnote.path: expected one of auto, heap, loop, native; got '" + name + "'");
    }
}
