package org.gradnote.kernel.docs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where inspect finds doc comments: gradnote's own in the index its build wrote from its sources ({@link #RESOURCE},
 * see {@link DocIndexBuilder}), the JDK's in {@code $JAVA_HOME/lib/src.zip} when it is installed (Debian:
 * {@code openjdk-17-source}), parsed on first use and cached per source file.
 */
public final class Javadocs {

    /** The class-path resource each gradnote jar that ships an index holds. */
    public static final String RESOURCE = "META-INF/gradnote/javadoc-index.json";

    /** A member's declaration and raw doc comment. */
    public record Doc(String signature, String raw) {}

    private final Map<String, Doc> byKey = new HashMap<>();
    /** {@code type#name} -> the keys of its overloads, to match by arity when parameter spellings differ. */
    private final Map<String, List<String>> byName = new HashMap<>();

    private final Path srcZip;
    private Map<String, String> zipEntries; // "java/lang/String.java" -> "java.base/java/lang/String.java"
    private final Map<String, Javadocs> parsedFiles = new ConcurrentHashMap<>();

    /** An index built from {@code entries} (key -> doc), with the JDK's sources in {@code srcZip} (may be absent). */
    public Javadocs(Map<String, Doc> entries, Path srcZip) {
        entries.forEach(this::put);
        this.srcZip = srcZip;
    }

    /** The indexes on this JVM's class path and the running JDK's {@code lib/src.zip}. */
    public static Javadocs load() {
        return load(jdkSources());
    }

    /** The indexes on this JVM's class path, with the JDK's sources read from {@code srcZip} (may be absent). */
    public static Javadocs load(Path srcZip) {
        Map<String, Doc> entries = new HashMap<>();
        try {
            Enumeration<URL> urls = Javadocs.class.getClassLoader().getResources(RESOURCE);
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    JsonObject index = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                            .getAsJsonObject();
                    for (Map.Entry<String, JsonElement> e : index.entrySet()) {
                        JsonObject o = e.getValue().getAsJsonObject();
                        entries.put(
                                e.getKey(),
                                new Doc(
                                        o.get("signature").getAsString(),
                                        o.get("doc").getAsString()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("gradnote: cannot read the javadoc index: " + e);
        }
        return new Javadocs(entries, srcZip);
    }

    /** The running JDK's {@code src.zip} ({@code lib/src.zip}, or beside {@code lib/} in older layouts). */
    public static Path jdkSources() {
        Path home = Path.of(System.getProperty("java.home"));
        Path zip = home.resolve("lib").resolve("src.zip");
        return Files.isReadable(zip) ? zip : home.getParent().resolve("src.zip");
    }

    private void put(String key, Doc doc) {
        byKey.put(key, doc);
        int paren = key.indexOf('(');
        if (paren > 0)
            byName.computeIfAbsent(key.substring(0, paren), k -> new ArrayList<>())
                    .add(key);
    }

    /** Whether a type of this canonical name is documented here or in the JDK's sources. */
    public boolean knowsType(String type) {
        return byKey.containsKey(type) || jdkFile(type).isPresent();
    }

    /**
     * The doc of a member: {@code params} null for a type or field, else the erased simple parameter type names
     * ({@code long...}, {@code int[]}, {@code List}); when no overload has exactly those, the only one of that arity.
     */
    public Optional<Doc> find(String type, String name, List<String> params) {
        Optional<Doc> own = lookup(type, name, params);
        if (own.isPresent()) return own;
        return jdkFile(type)
                .flatMap(file ->
                        parsedFiles.computeIfAbsent(file, this::parseJdk).lookup(type, name, params));
    }

    private Optional<Doc> lookup(String type, String name, List<String> params) {
        if (params == null) {
            Doc d = byKey.get(name == null ? type : type + "#" + name);
            return Optional.ofNullable(d);
        }
        String key = type + "#" + name + "(" + String.join(",", params) + ")";
        if (byKey.containsKey(key)) return Optional.of(byKey.get(key));
        List<String> sameArity = new ArrayList<>();
        for (String k : byName.getOrDefault(type + "#" + name, List.of())) {
            String inside = k.substring(k.indexOf('(') + 1, k.length() - 1);
            if ((inside.isEmpty() ? 0 : inside.split(",").length) == params.size()) sameArity.add(k);
        }
        return sameArity.size() == 1 ? Optional.of(byKey.get(sameArity.get(0))) : Optional.empty();
    }

    /** The src.zip entry holding {@code type} (a top-level type's file, or its outer type's for a nested one). */
    private Optional<String> jdkFile(String type) {
        Map<String, String> entries = zipEntries();
        String path = type.replace('.', '/');
        while (path.contains("/")) {
            String entry = entries.get(path + ".java");
            if (entry != null) return Optional.of(entry);
            path = path.substring(0, path.lastIndexOf('/'));
        }
        return Optional.empty();
    }

    private synchronized Map<String, String> zipEntries() {
        if (zipEntries != null) return zipEntries;
        zipEntries = new HashMap<>();
        if (srcZip == null || !Files.isReadable(srcZip)) return zipEntries;
        try (ZipFile zip = new ZipFile(srcZip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (!name.endsWith(".java")) continue;
                // Modular layout: "java.base/java/lang/String.java"; older flat layout: "java/lang/String.java".
                int slash = name.indexOf('/');
                boolean modular = slash > 0 && name.substring(0, slash).contains(".");
                zipEntries.putIfAbsent(modular ? name.substring(slash + 1) : name, name);
            }
        } catch (IOException e) {
            System.err.println("gradnote: cannot read " + srcZip + ": " + e);
        }
        return zipEntries;
    }

    private Javadocs parseJdk(String entry) {
        Map<String, Doc> docs = new HashMap<>();
        try (ZipFile zip = new ZipFile(srcZip.toFile())) {
            String source = new String(zip.getInputStream(zip.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
            for (SourceDocs.Member m : SourceDocs.parse(entry.substring(entry.lastIndexOf('/') + 1), source)) {
                if (!m.doc().isEmpty()) docs.put(m.key(), new Doc(m.signature(), m.doc()));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("gradnote: cannot read " + entry + " in " + srcZip + ": " + e);
        }
        return new Javadocs(docs, null);
    }
}
