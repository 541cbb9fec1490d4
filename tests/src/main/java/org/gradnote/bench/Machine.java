package org.gradnote.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The line printed above every benchmark table: which CPU, how many cores, which JDK and torch, and the native env. */
final class Machine {
    private Machine() {}

    /** Prefixes of the environment variables that change native thread pools or BLAS kernels on either side. */
    private static final String[] NATIVE_ENV = {"OMP_", "OPENBLAS_", "MKL_", "GOMP_", "KMP_", "DNNL_", "ONEDNN_"};

    /** CPU model, cores, memory, JDK, torch version and every OMP_/OPENBLAS_/MKL_ variable of this environment. */
    static String describe(String python) {
        Map<String, String> env = new TreeMap<>();
        System.getenv().forEach((k, v) -> {
            for (String p : NATIVE_ENV) if (k.startsWith(p)) env.put(k, v);
        });
        return String.format(
                Locale.ROOT,
                "machine: %s (%s), %d cores, %.0f GiB; JDK %s; torch %s; gradnote natives %s, C loops %s, products %s; native env %s"
                        + " (each side's OMP_NUM_THREADS/MKL_NUM_THREADS set to the table's thread count; gradnote's"
                        + " side adds " + gradnoteEnv() + " unless set)",
                cpuModel(),
                vectorFlags(),
                Runtime.getRuntime().availableProcessors(),
                memGiB(),
                System.getProperty("java.version"),
                torchVersion(python),
                org.gradnote.Gradnote.nativeVariant().label(),
                org.gradnote.tensor.NativeRuntime.cLoops().startsWith("on")
                        ? "on"
                        : org.gradnote.tensor.NativeRuntime.cLoops(),
                blasLabel(),
                env.isEmpty() ? "{}" : env.toString());
    }

    /** Which OpenBLAS computes gradnote's products: the system's (its version) or the bundled build. */
    private static String blasLabel() {
        String s = org.gradnote.tensor.NativeRuntime.systemBlas();
        if (!s.startsWith("on")) return "on the bundled OpenBLAS (system's " + s + ")";
        int open = s.indexOf('(');
        return "on the system's " + (open < 0 ? s.substring(4) : s.substring(open + 1, s.length() - 1));
    }

    /** Gradnote.nativeEnvironment() as "K=V K=V", sorted. */
    private static String gradnoteEnv() {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(org.gradnote.Gradnote.nativeEnvironment())
                .forEach((k, v) -> b.append(b.length() > 0 ? " " : "")
                        .append(k)
                        .append('=')
                        .append(v));
        return b.toString();
    }

    /**
     * The one-minute load average when a row is printed: on a shared machine other jobs change both sides' times, so
     * a row read without it can mislead (NaN off Linux).
     */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The CPU's vector features that pick ND4J's native build and PyTorch's kernels (avx2, fma, avx512f). */
    private static String vectorFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (!line.startsWith("flags")) continue;
                java.util.Set<String> flags = new java.util.HashSet<>(java.util.Arrays.asList(
                        line.substring(line.indexOf(':') + 1).trim().split(" ")));
                StringBuilder out = new StringBuilder();
                for (String f : new String[] {"avx2", "fma", "avx512f"}) {
                    if (flags.contains(f))
                        out.append(out.length() == 0 ? "" : " ").append(f);
                }
                return out.length() == 0 ? "no avx2" : out.toString();
            }
        } catch (IOException e) {
            // not Linux
        }
        return "flags unknown";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name"))
                    return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static double memGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0;
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return Double.NaN;
    }

    private static String torchVersion(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch; print(torch.__version__)")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "missing";
        } catch (IOException e) {
            return "missing";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
