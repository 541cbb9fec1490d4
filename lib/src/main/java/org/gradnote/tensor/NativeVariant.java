package org.gradnote.tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which build of ND4J's native library gradnote runs on, chosen once at start-up from the CPU's features: the oneDNN
 * AVX2 build where the CPU has AVX2 and FMA, the generic one elsewhere. All builds ship on the class path (one dependency
 * set for every machine); {@code -Dgradnote.native=generic|avx2|onednn-avx2|auto} or the environment variable
 * {@code GRADNOTE_NATIVE} overrides the choice, and {@code Gradnote.nativeVariant()} says which one loaded.
 *
 * <p>Why here and so early: with more than one build on the class path JavaCPP loads the first it finds (the AVX2
 * one) unless the system property {@code org.bytedeco.javacpp.platform.extension} names one before ND4J's first
 * class loads, and on a CPU without AVX2 that build dies of an illegal instruction. {@link Tensor}'s static
 * initialiser therefore calls {@link #select()} before anything touches ND4J; an extension set by the user on the
 * command line wins.
 */
public enum NativeVariant {
    /** The generic x86-64 build: runs on any 64-bit x86 CPU. */
    GENERIC("generic", ""),
    /** The build compiled for AVX2 and FMA (Intel Haswell, AMD Zen and later). */
    AVX2("avx2", "-avx2"),
    /**
     * The AVX2 build with Intel's oneDNN kernels beside libnd4j's own: the choice on CPUs with AVX2. gradnote keeps
     * those kernels off (Engine) except for the convolutions {@link Dispatch#nativeConv} sends to them, so every
     * other op computes exactly as under {@link #AVX2}: oneDNN's max pool and GEMM measured 7x and 2x slower than
     * the AVX2 build's on a Zen 2 (docs/performance.md), its convolutions several times faster.
     */
    ONEDNN_AVX2("onednn-avx2", "-onednn-avx2");

    /** JavaCPP's property that picks a build among those on the class path ("" is the generic one). */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    /** gradnote's switch: a system property, then an environment variable of the same meaning. */
    static final String PROPERTY = "gradnote.native", ENVIRONMENT = "GRADNOTE_NATIVE";

    /** The CPU flags (as /proc/cpuinfo names them) the AVX2 builds are compiled for. */
    private static final Set<String> AVX2_FLAGS = Set.of("avx", "avx2", "fma", "f16c");

    private static final String BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64";

    private static volatile NativeVariant selected;
    private static volatile Boolean fused;
    private static volatile Boolean oneDnn;

    private final String label;
    private final String extension;

    NativeVariant(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    /** The name {@code -Dgradnote.native} takes for this build, e.g. "onednn-avx2". */
    public String label() {
        return label;
    }

    /**
     * The build ND4J loaded (loading ND4J if it has not yet): read from the path of the library JavaCPP loaded, so it
     * is the truth even when something touched ND4J before gradnote could choose.
     */
    public static NativeVariant loaded() {
        Tensor.defaultDType();
        org.nd4j.linalg.factory.Nd4j.getExecutioner();
        return NativeVariant.fromLibraryPath(
                org.bytedeco.javacpp.Loader.getLoadedLibraries().get("nd4jcpu"));
    }

    /**
     * True when the loaded build's kernels fuse a·b + c into one rounding (the AVX2 builds: their compiler contracts
     * multiply-adds, which AdamLoopTest showed bit for bit on adam_updater's moments). Java loops that stand in for a
     * native kernel bit for bit (Updates.adamLoop) use Math.fma there, so that switching between them changes no bit.
     */
    static boolean fusesMultiplyAdd() {
        Boolean f = fused;
        if (f == null) fused = f = loaded() != GENERIC;
        return f;
    }

    /** True when the oneDNN build is the one loaded (asked once: the dispatch policy asks on every convolution). */
    static boolean oneDnnLoaded() {
        Boolean d = oneDnn;
        if (d == null) oneDnn = d = loaded() == ONEDNN_AVX2;
        return d;
    }

    /** The build chosen at start-up (before ND4J loads; {@link #loaded()} says what actually loaded). */
    static NativeVariant selected() {
        select();
        return selected;
    }

    /**
     * Chooses the build and tells JavaCPP, once per JVM: the user's extension property if set, else gradnote's switch,
     * else {@link #auto}. A build the CPU cannot run, or whose jar is missing, falls back to the generic one with a
     * line on standard error (an illegal instruction would kill the JVM, a Jupyter kernel with it).
     */
    static synchronized void select() {
        if (selected != null) return;
        String ext = System.getProperty(EXTENSION_PROPERTY);
        if (ext != null) {
            selected = fromExtension(ext);
            return;
        }
        String asked = System.getProperty(PROPERTY);
        String source = "-D" + PROPERTY;
        if (asked == null || asked.isBlank()) {
            asked = System.getenv(ENVIRONMENT);
            source = ENVIRONMENT;
        }
        Set<String> flags = cpuFlags();
        NativeVariant v;
        if (asked == null || asked.isBlank() || asked.trim().equalsIgnoreCase("auto")) {
            v = auto(flags);
        } else {
            try {
                v = parse(asked, source);
            } catch (IllegalArgumentException e) {
                warn(e.getMessage() + ": choosing from the CPU");
                v = auto(flags);
            }
            if (v != GENERIC && !flags.containsAll(AVX2_FLAGS)) {
                warn(source + "=" + asked + ", but this CPU lacks some of " + AVX2_FLAGS + ": the generic build runs");
                v = GENERIC;
            }
        }
        if (v == ONEDNN_AVX2 && !onClassPath(v) && onClassPath(AVX2)) {
            warn("the " + v.label + " build of ND4J's natives is not on the class path: the avx2 build runs");
            v = AVX2;
        }
        if (v != GENERIC && !onClassPath(v)) {
            warn("the " + v.label + " build of ND4J's natives is not on the class path: the generic build runs");
            v = GENERIC;
        }
        System.setProperty(EXTENSION_PROPERTY, v.extension);
        selected = v;
    }

    /** The build for a CPU with these flags: the oneDNN AVX2 one when it has AVX2, FMA and F16C, else the generic one. */
    static NativeVariant auto(Set<String> flags) {
        return flags.containsAll(AVX2_FLAGS) ? ONEDNN_AVX2 : GENERIC;
    }

    /** The build a gradnote.native value names (case-insensitive; "default" is the generic one). */
    static NativeVariant parse(String name, String source) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("default")) return GENERIC;
        for (NativeVariant v : values()) if (v.label.equals(n)) return v;
        throw new IllegalArgumentException(
                source + ": expected one of auto, generic, avx2, onednn-avx2; got '" + name + "'");
    }

    /** The build an extension names ("" the generic one); an extension gradnote does not ship counts as generic. */
    static NativeVariant fromExtension(String ext) {
        for (NativeVariant v : values()) if (v.extension.equals(ext.trim())) return v;
        return GENERIC;
    }

    /** The build a loaded library's path belongs to ({@code .../bindings/linux-x86_64-avx2/libnd4jcpu.so}). */
    static NativeVariant fromLibraryPath(String path) {
        if (path == null) throw new IllegalStateException("ND4J's native library did not load");
        for (NativeVariant v : new NativeVariant[] {ONEDNN_AVX2, AVX2}) {
            if (path.contains("linux-x86_64" + v.extension + "/")) return v;
        }
        return GENERIC;
    }

    /** The CPU's feature flags from /proc/cpuinfo (empty where it cannot be read: the generic build is safe). */
    static Set<String> cpuFlags() {
        String arch = System.getProperty("os.arch", "");
        if (!arch.equals("amd64") && !arch.equals("x86_64")) return Set.of();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    int colon = line.indexOf(':');
                    return new HashSet<>(
                            Arrays.asList(line.substring(colon + 1).trim().split("\\s+")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc (not Linux): the generic build
        }
        return Set.of();
    }

    private static boolean onClassPath(NativeVariant v) {
        String lib = BINDINGS + v.extension + "/libnd4jcpu.so";
        return NativeVariant.class.getClassLoader().getResource(lib) != null;
    }

    private static void warn(String message) {
        System.err.println("gradnote: " + message);
    }
}
