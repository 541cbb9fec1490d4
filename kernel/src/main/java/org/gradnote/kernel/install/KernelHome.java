package org.gradnote.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The installed kernel's own copy of its class path, in a versioned folder ({@code ~/.local/share/gradnote/VERSION/},
 * or {@code $GRADNOTE_HOME/VERSION/}): a kernel.json pointing into {@code kernel/target/} broke on {@code mvn clean}
 * or when the checkout moved. VERSION is the project version plus a hash of gradnote's own jars, so a rebuilt kernel
 * installs beside the old one instead of changing it under a running kernel; third-party jars identical to those of
 * an earlier version are hard-linked from it rather than copied again (ND4J's natives alone are ~250 MB).
 */
public final class KernelHome {
    private static final Pattern KERNEL_JAR = Pattern.compile("gradnote-kernel-(.+)\\.jar");
    /** Marks a version folder as complete: written last, so a half-copied folder is never used. */
    static final String COMPLETE = ".complete";

    private KernelHome() {}

    /** {@code $GRADNOTE_HOME}, else {@code $XDG_DATA_HOME/gradnote}, else {@code ~/.local/share/gradnote}. */
    public static Path root() {
        String home = System.getenv("GRADNOTE_HOME");
        if (home != null && !home.isBlank()) return Path.of(home);
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("gradnote");
    }

    /**
     * Copies {@code classPath}'s entries (jars, and class folders when run from a build tree) into
     * {@code root/VERSION/lib/} unless that version is there already, and returns the copies' class path, in order.
     */
    public static List<String> install(Path root, List<String> classPath) throws IOException {
        Path home = root.resolve(version(classPath));
        Path lib = home.resolve("lib");
        List<String> copied = new ArrayList<>();
        List<Path[]> plan = new ArrayList<>();
        for (int i = 0; i < classPath.size(); i++) {
            Path from = Path.of(classPath.get(i));
            // Class folders all end in "classes": number them so two never land in one place.
            String name = Files.isDirectory(from)
                    ? i + "-" + from.getFileName()
                    : from.getFileName().toString();
            plan.add(new Path[] {from, lib.resolve(name)});
            copied.add(lib.resolve(name).toString());
        }
        if (Files.exists(home.resolve(COMPLETE))) return copied;
        Files.createDirectories(lib);
        for (Path[] p : plan) copy(p[0], p[1], root, home);
        Files.writeString(home.resolve(COMPLETE), String.join("\n", copied) + "\n");
        return copied;
    }

    /** The folder of the version {@code classPath} points into, if it lies under {@code root}. */
    public static java.util.Optional<Path> versionOf(Path root, List<String> classPath) {
        Path r = root.toAbsolutePath().normalize();
        for (String entry : classPath) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (p.startsWith(r) && p.getNameCount() > r.getNameCount() + 1)
                return java.util.Optional.of(r.resolve(p.getName(r.getNameCount())));
        }
        return java.util.Optional.empty();
    }

    /** Deletes a version folder and everything in it; false when it was not there. */
    public static boolean remove(Path versionDir) throws IOException {
        if (!Files.isDirectory(versionDir)) return false;
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(versionDir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) Files.delete(p);
        return true;
    }

    /** Project version (from the kernel jar's name) plus 12 hex digits over gradnote's own entries and all names. */
    static String version(List<String> classPath) throws IOException {
        String project = "dev";
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String entry : classPath) {
                Path p = Path.of(entry);
                String name = p.getFileName().toString();
                Matcher m = KERNEL_JAR.matcher(name);
                if (m.matches()) project = m.group(1);
                sha.update((name + "\n").getBytes(StandardCharsets.UTF_8));
                if (Files.isDirectory(p)) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                            sha.update(p.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                            sha.update(Files.readAllBytes(f));
                        }
                    }
                } else if (name.startsWith("gradnote-")) {
                    sha.update(Files.readAllBytes(p)); // rebuilt at every build; third-party jars are pinned by name
                } else if (Files.isRegularFile(p)) {
                    sha.update(Long.toString(Files.size(p)).getBytes(StandardCharsets.UTF_8));
                }
            }
            return project + "-" + HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void copy(Path from, Path to, Path root, Path home) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path f : walk.toList()) {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(target);
                    else Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return;
        }
        Files.deleteIfExists(to);
        String name = from.getFileName().toString();
        if (!name.startsWith("gradnote-")) {
            Path same = earlierCopy(root, home, name, Files.size(from));
            if (same != null) {
                try {
                    Files.createLink(to, same);
                    return;
                } catch (IOException | UnsupportedOperationException e) {
                    // Another file system, or no hard links there: copy instead.
                }
            }
        }
        try {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (FileAlreadyExistsException e) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** The same third-party jar (name and size) in another complete version folder, or null. */
    private static Path earlierCopy(Path root, Path home, String name, long size) throws IOException {
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> versions = Files.list(root)) {
            for (Path v : versions.toList()) {
                if (v.equals(home) || !Files.exists(v.resolve(COMPLETE))) continue;
                Path candidate = v.resolve("lib").resolve(name);
                if (Files.isRegularFile(candidate) && Files.size(candidate) == size) return candidate;
            }
        }
        return null;
    }
}
