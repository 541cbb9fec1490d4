package org.gradnote.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Writes and removes the Jupyter kernel spec ({@code kernels/NAME/kernel.json}) for this kernel. */
public final class KernelSpecInstaller {

    /** Where to install: the user's data dir, {@code sys.prefix}, or an explicit prefix. */
    public static Path kernelsDir(String scope, String prefix) {
        return switch (scope) {
            case "user" -> userDataDir().resolve("kernels");
            case "sys-prefix" -> Path.of(sysPrefix()).resolve("share/jupyter/kernels");
            case "prefix" -> Path.of(prefix).resolve("share/jupyter/kernels");
            default -> throw new IllegalArgumentException("unknown scope " + scope);
        };
    }

    static Path userDataDir() {
        String jupyterData = System.getenv("JUPYTER_DATA_DIR");
        if (jupyterData != null && !jupyterData.isBlank()) return Path.of(jupyterData);
        String xdg = System.getenv("XDG_DATA_HOME");
        Path home = Path.of(System.getProperty("user.home"));
        if (System.getProperty("os.name", "").startsWith("Mac")) return home.resolve("Library/Jupyter");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("jupyter");
    }

    static String sysPrefix() {
        String venv = System.getenv("VIRTUAL_ENV");
        if (venv != null && !venv.isBlank()) return venv;
        String conda = System.getenv("CONDA_PREFIX");
        if (conda != null && !conda.isBlank()) return conda;
        return "/usr/local";
    }

    /**
     * The kernel.json content: argv runs this JVM's java binary on the given class path; evaluator JVM options are
     * passed as a system property so user code (not the small kernel JVM) gets e.g. {@code -Xmx8g}.
     */
    public static JsonObject spec(String displayName, List<String> classPath, List<String> evaluatorJvmOptions) {
        return spec(displayName, classPath, evaluatorJvmOptions, KernelArchive.KERNEL_JVM);
    }

    /** {@link #spec(String, List, List)} with the kernel JVM's own options (heap, collector, its class archive). */
    public static JsonObject spec(
            String displayName,
            List<String> classPath,
            List<String> evaluatorJvmOptions,
            List<String> kernelJvmOptions) {
        JsonArray argv = new JsonArray();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        kernelJvmOptions.forEach(argv::add);
        if (!evaluatorJvmOptions.isEmpty()) {
            argv.add("-Dgradnote.evaluatorJvmOptions=" + String.join("\u001f", evaluatorJvmOptions));
        }
        // The class path is written out whole (KernelHome copies it expanded): the kernel need not read manifests.
        argv.add("-D" + org.gradnote.kernel.jshell.ClassPaths.COMPLETE + "=true");
        argv.add("-cp");
        argv.add(String.join(java.io.File.pathSeparator, classPath));
        argv.add("org.gradnote.kernel.Main");
        argv.add("kernel");
        argv.add("{connection_file}");
        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", displayName);
        spec.addProperty("language", "java");
        spec.addProperty("interrupt_mode", "message");
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);
        spec.add("metadata", metadata);
        // One ND4J native thread: with two, reductions sum in a varying order, so a seeded notebook would not give the
        // same numbers twice (chaotic trainings then differ wildly), and replay in CI runs on one thread too.
        JsonObject env = new JsonObject();
        env.addProperty("OMP_NUM_THREADS", "1");
        org.gradnote.Gradnote.nativeEnvironment().forEach(env::addProperty);
        spec.add("env", env);
        return spec;
    }

    public static Path install(Path kernelsDir, String name, JsonObject spec) throws IOException {
        Path dir = kernelsDir.resolve(name);
        Files.createDirectories(dir);
        Path file = dir.resolve("kernel.json");
        Files.writeString(
                file,
                new GsonBuilder()
                                .setPrettyPrinting()
                                .disableHtmlEscaping()
                                .create()
                                .toJson(spec) + "\n");
        return file;
    }

    /** The class path the installed {@code kernels/NAME/kernel.json} runs the kernel on, if it is there. */
    public static java.util.Optional<List<String>> installedClassPath(Path kernelsDir, String name) {
        Path file = kernelsDir.resolve(name).resolve("kernel.json");
        try {
            JsonObject spec = com.google.gson.JsonParser.parseString(Files.readString(file))
                    .getAsJsonObject();
            JsonArray argv = spec.getAsJsonArray("argv");
            for (int i = 0; i + 1 < argv.size(); i++) {
                if (argv.get(i).getAsString().equals("-cp")) {
                    return java.util.Optional.of(
                            List.of(argv.get(i + 1).getAsString().split(java.io.File.pathSeparator)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not installed, or not a kernel.json this installer wrote
        }
        return java.util.Optional.empty();
    }

    /** Whether any kernel spec left in {@code kernelsDir} runs from a class path inside {@code dir}. */
    public static boolean anyUses(Path kernelsDir, Path dir) throws IOException {
        if (!Files.isDirectory(kernelsDir)) return false;
        try (Stream<Path> specs = Files.list(kernelsDir)) {
            for (Path spec : specs.toList()) {
                var cp = installedClassPath(kernelsDir, spec.getFileName().toString());
                if (cp.isPresent() && cp.get().stream().anyMatch(e -> Path.of(e).startsWith(dir))) return true;
            }
        }
        return false;
    }

    /** Removes {@code kernels/NAME}; false when it was not installed there. */
    public static boolean uninstall(Path kernelsDir, String name) throws IOException {
        Path dir = kernelsDir.resolve(name);
        if (!Files.isDirectory(dir)) return false;
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) Files.delete(p);
        return true;
    }
}
