package org.gradnote.kernel.jshell;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * JShell's compiler file manager with the class path listed from a package index of each jar, built off the
 * compiling thread, instead of javac's own walk of every jar's whole tree.
 *
 * <p>Why: an on-demand import ({@code import org.gradnote.tensor.*}) makes javac look the package up in every class
 * path entry, and the first lookup in a jar walks all its entries (javac's archive container). The kernel's class
 * path holds about 37,000 classes in 80 jars, so the session's first compilation, the default imports, spent about
 * 0.4 s of its 0.9 s in those walks, on the path to the first result (docs/performance.md). Entries are listed in
 * class path order, as javac does, so the first of two same-named classes still wins; everything but the class
 * path's class and source listings goes to javac's own manager.
 */
final class IndexedClassPath extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {
    private static final Set<String> CLASS_PATH_OPTIONS = Set.of("-classpath", "-cp", "--class-path");

    /** The entries as javac last heard them, with their indexes being built; null until the first option. */
    private volatile List<Entry> entries;

    IndexedClassPath(StandardJavaFileManager delegate) {
        super(delegate);
    }

    /** The release whose versioned entries of a multi-release jar javac reads (JShell sets it); 0: base only. */
    private volatile int release;

    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        boolean classPath = CLASS_PATH_OPTIONS.contains(current), multiRelease = current.equals("--multi-release");
        if (!(classPath || multiRelease) || !remaining.hasNext()) return super.handleOption(current, remaining);
        String value = remaining.next();
        boolean handled = super.handleOption(current, List.of(value).iterator());
        if (classPath) entries = index(value);
        else release = releaseOf(value);
        return handled;
    }

    private static int releaseOf(String value) {
        if (value.equals("runtime") || value.equals("current"))
            return Runtime.version().feature();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        super.fileManager.setLocation(location, files);
        if (location == StandardLocation.CLASS_PATH) entries = null;
    }

    @Override
    public void setLocationFromPaths(Location location, java.util.Collection<? extends Path> paths) throws IOException {
        super.fileManager.setLocationFromPaths(location, paths);
        if (location == StandardLocation.CLASS_PATH) entries = null;
    }

    @Override
    public Iterable<JavaFileObject> list(
            Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse) throws IOException {
        List<Entry> es = entries;
        if (es == null || location != StandardLocation.CLASS_PATH || recurse)
            return super.list(location, packageName, kinds, recurse);
        List<JavaFileObject> out = new ArrayList<>();
        for (Entry e : es) e.list(packageName, kinds, release, out);
        return out;
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        if (file instanceof Member m) return m.binaryName;
        return super.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        if (a instanceof Member || b instanceof Member) return a.toUri().equals(b.toUri());
        return super.isSameFile(a, b);
    }

    @Override
    public boolean contains(Location location, FileObject fo) throws IOException {
        if (fo instanceof Member) return location == StandardLocation.CLASS_PATH;
        return super.contains(location, fo);
    }

    @Override
    public void close() throws IOException {
        List<Entry> es = entries;
        entries = null;
        if (es != null) for (Entry e : es) e.close();
        super.close();
    }

    // StandardJavaFileManager's own methods, forwarded.

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(java.util.Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory f) {
        fileManager.setPathFactory(f);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, java.util.Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    /** Opens the value's jars and starts indexing them on a background thread, one jar kept per path. */
    private List<Entry> index(String value) {
        List<Entry> old = entries;
        Map<String, Entry> reuse = new HashMap<>();
        if (old != null) for (Entry e : old) reuse.put(e.path.toString(), e);
        List<Entry> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String s : value.split(File.pathSeparator)) {
            if (s.isEmpty() || !seen.add(s)) continue;
            Entry e = reuse.get(Path.of(s).toString());
            out.add(e != null ? e : Entry.of(Path.of(s)));
        }
        return List.copyOf(out);
    }

    /** One class path entry: a jar listed from its package index, a directory listed as it is. */
    private abstract static class Entry {
        final Path path;

        Entry(Path path) {
            this.path = path;
        }

        static Entry of(Path p) {
            if (Files.isDirectory(p)) return new Directory(p);
            if (Files.isRegularFile(p)) return new Jar(p);
            return new Directory(p); // missing: lists nothing, as javac
        }

        abstract void list(String packageName, Set<JavaFileObject.Kind> kinds, int release, List<JavaFileObject> out)
                throws IOException;

        void close() {}
    }

    /** A jar, its package index built on a background thread as soon as the entry is known. */
    private static final class Jar extends Entry {
        private final CompletableFuture<Index> index;

        Jar(Path path) {
            super(path);
            index = CompletableFuture.supplyAsync(() -> Index.of(path), Indexer.POOL);
        }

        @Override
        void list(String packageName, Set<JavaFileObject.Kind> kinds, int release, List<JavaFileObject> out) {
            Index i = index.join();
            if (i.zip == null) return;
            String dir = packageName.replace('.', '/');
            String[] names = i.packages.get(dir);
            Map<String, String> versioned = i.versioned(dir, release);
            if (names == null && versioned.isEmpty()) return;
            // As javac's versioned view of a multi-release jar: a file's highest version up to the release replaces
            // its base entry, and files only some version has are listed too.
            List<String> files = new ArrayList<>();
            if (names != null) files.addAll(Arrays.asList(names));
            for (String f : versioned.keySet())
                if (names == null || !Arrays.asList(names).contains(f)) files.add(f);
            for (String name : files) {
                JavaFileObject.Kind k = kindOf(name);
                if (!kinds.contains(k)) continue;
                String stored = versioned.getOrDefault(name, name);
                String binary = withoutExtension(name).replace('/', '.');
                out.add(new Member(
                        entryUri(stored),
                        k,
                        binary,
                        path + "(/" + name + ")",
                        () -> i.zip.getInputStream(i.zip.getEntry(stored))));
            }
        }

        /** A hierarchical URI (SimpleJavaFileObject refuses the opaque "jar:file:...!/" form) naming the entry. */
        private URI entryUri(String entry) {
            try {
                return new URI("jar", null, path.toAbsolutePath() + "!/" + entry, null);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        }

        @Override
        void close() {
            index.thenAccept(i -> {
                try {
                    if (i.zip != null) i.zip.close();
                } catch (IOException ignored) {
                    // closing a read-only jar
                }
            });
        }
    }

    /**
     * A jar's open zip, its files by package directory ("org/gradnote/nn"), and for a multi-release jar the files of
     * each version ("META-INF/versions/11/a/B.class" as "a/B.class" under version 11).
     */
    private record Index(
            ZipFile zip,
            Map<String, String[]> packages,
            java.util.NavigableMap<Integer, Map<String, List<String>>> versions) {
        private static final String VERSIONS = "META-INF/versions/";

        static Index of(Path path) {
            ZipFile zip;
            try {
                zip = new ZipFile(path.toFile());
            } catch (IOException e) {
                return new Index(null, Map.of(), new java.util.TreeMap<>()); // not a zip: javac skips it too
            }
            Map<String, List<String>> byPackage = new HashMap<>();
            java.util.NavigableMap<Integer, Map<String, List<String>>> versions = new java.util.TreeMap<>();
            Map<String, Boolean> validPackages = new HashMap<>();
            var it = zip.entries();
            while (it.hasMoreElements()) {
                ZipEntry ze = it.nextElement();
                if (ze.isDirectory()) continue;
                String name = ze.getName();
                if (name.startsWith(VERSIONS)) {
                    int slash = name.indexOf('/', VERSIONS.length());
                    try {
                        int v = Integer.parseInt(name.substring(VERSIONS.length(), slash));
                        String f = name.substring(slash + 1);
                        int last = f.lastIndexOf('/');
                        versions.computeIfAbsent(v, k -> new HashMap<>())
                                .computeIfAbsent(last < 0 ? "" : f.substring(0, last), k -> new ArrayList<>())
                                .add(f);
                    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                        // not a version directory: an ordinary file
                    }
                }
                int slash = name.lastIndexOf('/');
                String dir = slash < 0 ? "" : name.substring(0, slash);
                // javac's walk of a jar enters only directories named like Java identifiers (no META-INF).
                if (validPackages.computeIfAbsent(dir, Index::validPackage))
                    byPackage.computeIfAbsent(dir, k -> new ArrayList<>()).add(name);
            }
            if (!versions.isEmpty() && !multiRelease(zip)) versions.clear();
            Map<String, String[]> packages = new HashMap<>(byPackage.size() * 2);
            byPackage.forEach((k, v) -> packages.put(k, v.toArray(String[]::new)));
            return new Index(zip, packages, versions);
        }

        private static boolean validPackage(String dir) {
            if (dir.isEmpty()) return true;
            for (String part : dir.split("/")) if (!javax.lang.model.SourceVersion.isIdentifier(part)) return false;
            return true;
        }

        private static boolean multiRelease(ZipFile zip) {
            try {
                var jar = new java.util.jar.JarFile(zip.getName());
                try (jar) {
                    var m = jar.getManifest();
                    return m != null
                            && "true".equalsIgnoreCase(m.getMainAttributes().getValue("Multi-Release"));
                }
            } catch (IOException e) {
                return false;
            }
        }

        /** The package's files that some version up to release has, each mapped to its highest such entry. */
        Map<String, String> versioned(String dir, int release) {
            if (versions.isEmpty() || release <= 0) return Map.of();
            Map<String, String> out = new HashMap<>();
            for (var e : versions.headMap(release, true).entrySet()) {
                for (String f : e.getValue().getOrDefault(dir, List.of())) out.put(f, VERSIONS + e.getKey() + "/" + f);
            }
            return out;
        }
    }

    /** A directory entry, listed on demand (one directory read per package). */
    private static final class Directory extends Entry {
        Directory(Path path) {
            super(path);
        }

        @Override
        void list(String packageName, Set<JavaFileObject.Kind> kinds, int release, List<JavaFileObject> out)
                throws IOException {
            Path dir = packageName.isEmpty() ? path : path.resolve(packageName.replace('.', File.separatorChar));
            if (!Files.isDirectory(dir)) return;
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(Files::isRegularFile).toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (Path f : files) {
                String file = f.getFileName().toString();
                JavaFileObject.Kind k = kindOf(file);
                if (!kinds.contains(k)) continue;
                String simple = withoutExtension(file);
                String binary = packageName.isEmpty() ? simple : packageName + "." + simple;
                out.add(new Member(f.toUri(), k, binary, f.toString(), () -> Files.newInputStream(f)));
            }
        }
    }

    /** As javac infers a binary name: the file's path up to its last dot, if its name has one. */
    private static String withoutExtension(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
    }

    private static JavaFileObject.Kind kindOf(String name) {
        for (JavaFileObject.Kind k : JavaFileObject.Kind.values())
            if (k != JavaFileObject.Kind.OTHER && name.endsWith(k.extension)) return k;
        return JavaFileObject.Kind.OTHER;
    }

    /** How a member's bytes are opened. */
    private interface Opener {
        InputStream open() throws IOException;
    }

    /** A class or source file on the class path, named by its binary name. */
    private static final class Member extends SimpleJavaFileObject {
        final String binaryName;
        private final String name;
        private final Opener opener;

        /** name: as javac names its own, "/x.jar(/a/B.class)" or "/dir/a/B.class", since diagnostics print it. */
        Member(URI uri, Kind kind, String binaryName, String name, Opener opener) {
            super(uri, kind);
            this.binaryName = binaryName;
            this.name = name;
            this.opener = opener;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            return opener.open();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
            try (InputStream in = openInputStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }

        @Override
        public boolean isNameCompatible(String simpleName, Kind kind) {
            return this.kind == kind
                    && binaryName.endsWith(simpleName)
                    && (binaryName.length() == simpleName.length()
                            || binaryName.charAt(binaryName.length() - simpleName.length() - 1) == '.');
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Member m && m.uri.equals(uri);
        }

        @Override
        public int hashCode() {
            return uri.hashCode();
        }
    }

    /** The daemon threads that index jars: two, as javac's thread is busy parsing meanwhile. */
    private static final class Indexer {
        static final java.util.concurrent.ExecutorService POOL =
                java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "gradnote-classpath-index");
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public String toString() {
        List<Entry> es = entries;
        return "IndexedClassPath"
                + (es == null
                        ? "[javac's]"
                        : Arrays.toString(es.stream().map(e -> e.path).toArray()));
    }
}
