package org.gradnote.kernel.install;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An AppCDS archive of the kernel JVM's own classes (javac and JShell above all, JeroMQ, Gson), made at install time
 * in the installed version's folder by a short warm-up run, and mapped by the kernel JVM that kernel.json starts: its
 * first compilation no longer parses and links some two thousand compiler classes from the runtime image.
 */
public final class KernelArchive {
    /**
     * The kernel JVM's heap, collector and JIT, the same when the archive is made and when it is mapped. C1 only: on
     * 2 cores C2's compiler thread took CPU from javac's first compilations, the longest chain to the first result
     * (docs/performance.md), and later cells' compiles were no slower.
     */
    public static final List<String> KERNEL_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    static final String FILE = "kernel.jsa";

    private KernelArchive() {}

    /** The options that map {@code home}'s archive; none when it was not made (the kernel then simply starts slower). */
    public static List<String> options(Path home) {
        Path archive = home.resolve(FILE);
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                : List.of();
    }

    /** Makes {@code home}'s archive by running the kernel's warm-up on {@code classPath}, unless it exists. */
    public static Optional<Path> create(Path home, List<String> classPath) throws InterruptedException {
        Path archive = home.resolve(FILE);
        if (Files.isRegularFile(archive)) return Optional.of(archive);
        Path tmp = home.resolve(FILE + "." + ProcessHandle.current().pid() + ".tmp");
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(KERNEL_JVM);
        cmd.addAll(List.of(
                "-XX:ArchiveClassesAtExit=" + tmp,
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                "-cp",
                String.join(File.pathSeparator, classPath),
                "org.gradnote.kernel.Main",
                "warm-kernel"));
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (p.waitFor() != 0 || !Files.isRegularFile(tmp)) {
                Files.deleteIfExists(tmp);
                return Optional.empty();
            }
            Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(archive);
        } catch (IOException e) {
            System.err.println("gradnote: no kernel class archive: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * What the archive-making run does: what a kernel does up to its first cell's result — JShell compiling the default
     * imports and a first snippet (locally), completion, a JDI-driven session, JSON and ZeroMQ sockets.
     */
    public static void warmUp(List<String> classPath) {
        var sink = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        try (jdk.jshell.JShell shell = jdk.jshell.JShell.builder()
                .executionEngine("local")
                .fileManager(org.gradnote.kernel.jshell.Evaluator::compilerFiles)
                .out(sink)
                .err(sink)
                .build()) {
            shell.addToClasspath(String.join(File.pathSeparator, classPath));
            for (String s : org.gradnote.kernel.jshell.DefaultImports.statements(classPath)) shell.eval(s);
            shell.eval("int warm = 1 + 1;");
            shell.eval("String.valueOf(warm)");
            shell.sourceCodeAnalysis().completionSuggestions("warm.toStr", 10, new int[1]);
            shell.sourceCodeAnalysis().analyzeCompletion("for (int i = 0; i < 3; i++) {");
        }
        // The kernel drives its evaluator JVM through JDI and JShell's remote protocol (jdk.jdi is not loaded by the
        // local engine above): a short session on JShell's own JDI engine puts those classes in the archive too.
        try (jdk.jshell.JShell remote = jdk.jshell.JShell.builder()
                .executionEngine("jdi")
                .out(sink)
                .err(sink)
                .build()) {
            remote.eval("1 + 1");
        } catch (IllegalStateException e) {
            // No child JVM here: the archive simply lacks those classes.
        }
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("warm", 1);
        var unused = com.google.gson.JsonParser.parseString(o.toString()); // loads the parser classes for the archive
        try (org.zeromq.ZContext context = new org.zeromq.ZContext()) {
            org.zeromq.ZMQ.Socket socket = context.createSocket(org.zeromq.SocketType.ROUTER);
            socket.bindToRandomPort("tcp://127.0.0.1");
            socket.close();
        }
    }
}
