package org.gradnote;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An AppCDS archive of the classes a training JVM loads (ND4J, JavaCPP, gradnote), made once per set of jars by a
 * short warm-up run in a child JVM, then mapped by every training JVM gradnote starts on those jars.
 *
 * <p>Why: a training JVM otherwise spends a noticeable part of a short run loading, parsing and verifying ND4J's and
 * gradnote's classes (figures in docs/performance.md). The archive is keyed by this JVM's version and each jar's path, size and modification time, so a
 * rebuilt jar or another JDK gets a new archive and a stale one is never used. Only the class path's leading jars
 * count (the JVM refuses to archive from a non-empty directory, and accepts entries appended after the archived
 * ones), and the options silence the JVM's own CDS messages so that a run's output is only the run's.
 */
public final class TrainingArchive {
    private TrainingArchive() {}

    /** The JVM options that map the archive of classPath's leading jars; none when it has not been made. */
    public static List<String> options(List<String> classPath) {
        return options(classPath, cacheDir());
    }

    static List<String> options(List<String> classPath, Path dir) {
        return archiveFor(classPath, dir)
                .filter(Files::isRegularFile)
                .map(a -> List.of("-XX:SharedArchiveFile=" + a, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"))
                .orElse(List.of());
    }

    /**
     * Makes the archive of classPath's leading jars unless it exists, by running {@link org.gradnote.examples.Warmup}
     * on them in a child JVM (a few seconds); empty when they do not hold gradnote's lib or the archive could not be
     * made (the reason goes to standard error: training JVMs then simply start without one).
     */
    public static Optional<Path> create(List<String> classPath) throws InterruptedException {
        try {
            return create(classPath, cacheDir());
        } catch (IOException e) {
            System.err.println("gradnote: no class archive in " + cacheDir() + ": " + e);
            return Optional.empty();
        }
    }

    static Optional<Path> create(List<String> classPath, Path dir) throws IOException, InterruptedException {
        Optional<Path> target = archiveFor(classPath, dir);
        if (target.isEmpty() || Files.isRegularFile(target.get())) return target;
        List<String> jars = leadingJars(classPath);
        Path archive = target.get();
        Files.createDirectories(archive.getParent());
        // The JVM writes the archive at exit; under a temporary name so that no JVM ever maps a half-written one.
        Path tmp = archive.resolveSibling(
                archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true"));
        cmd.addAll(Gradnote.jvmOptions());
        cmd.addAll(List.of(
                "-XX:ArchiveClassesAtExit=" + tmp,
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                "-cp",
                String.join(File.pathSeparator, jars),
                "org.gradnote.examples.Warmup"));
        ProcessBuilder pb =
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Gradnote.nativeEnvironment().forEach(pb.environment()::putIfAbsent);
        int status = pb.start().waitFor();
        if (status != 0 || !Files.isRegularFile(tmp)) {
            Files.deleteIfExists(tmp);
            return Optional.empty();
        }
        Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        pruneOlderThanNewest(dir, KEEP);
        return target;
    }

    /** How many archives the cache keeps (~22 MB each): one per jar set, and jars change at every rebuild. */
    static final int KEEP = 4;

    /** Deletes all but the {@code keep} most recently written archives in dir. */
    static void pruneOlderThanNewest(Path dir, int keep) throws IOException {
        List<Path> archives;
        try (var files = Files.list(dir)) {
            archives = files.filter(f -> f.getFileName().toString().endsWith(".jsa"))
                    .sorted(java.util.Comparator.comparing(TrainingArchive::modified)
                            .reversed())
                    .toList();
        }
        for (Path old : archives.subList(Math.min(keep, archives.size()), archives.size())) Files.deleteIfExists(old);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Where the archive of classPath's leading jars lives; empty when they do not include gradnote's lib. */
    static Optional<Path> archiveFor(List<String> classPath, Path dir) {
        List<String> jars = leadingJars(classPath);
        if (jars.stream().noneMatch(j -> Path.of(j).getFileName().toString().startsWith("gradnote-lib")))
            return Optional.empty();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (String j : jars) {
                Path p = Path.of(j);
                sha.update((p.toAbsolutePath() + "\t" + Files.size(p) + "\t"
                                + Files.getLastModifiedTime(p).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return Optional.of(dir.resolve(HexFormat.of().formatHex(sha.digest(), 0, 12) + ".jsa"));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** The class path's entries up to its first one that is not a jar file. */
    static List<String> leadingJars(List<String> classPath) {
        List<String> jars = new ArrayList<>();
        for (String e : classPath) {
            if (!e.endsWith(".jar") || !Files.isRegularFile(Path.of(e))) break;
            jars.add(e);
        }
        return jars;
    }

    /** $GRADNOTE_CDS_DIR, else $XDG_CACHE_HOME/gradnote/cds, else ~/.cache/gradnote/cds. */
    static Path cacheDir() {
        String dir = System.getenv("GRADNOTE_CDS_DIR");
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gradnote").resolve("cds");
    }
}
