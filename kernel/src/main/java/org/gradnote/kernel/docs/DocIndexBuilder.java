package org.gradnote.kernel.docs;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step (kernel's {@code process-classes} phase): reads the doc comments of gradnote's public API from its
 * sources into the index the kernel's inspect shows ({@code META-INF/gradnote/javadoc-index.json}), and fails the build when a public
 * or protected type, method, constructor, field or enum constant of a checked source root has no doc comment.
 *
 * <p>Usage: {@code DocIndexBuilder --out FILE [--check] DIR... [--index-only DIR...]}: directories after
 * {@code --check} (the default) are indexed and checked, those after {@code --index-only} only indexed. Methods
 * marked {@code @Override} inherit their doc and need none; constants of a one-line enum may be described in the
 * enum's comment instead, each named there in a {@code {@code NAME}} tag.
 */
public final class DocIndexBuilder {

    private DocIndexBuilder() {}

    /**
     * Runs the build step (in Maven's JVM, by exec-maven-plugin's {@code java} goal); throws, listing every
     * undocumented member, when the check fails.
     */
    public static void main(String[] args) throws IOException {
        Path out = null;
        boolean check = true;
        List<Path> checked = new ArrayList<>(), indexed = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--check" -> check = true;
                case "--index-only" -> check = false;
                default ->
                    (check ? checked : indexed)
                            .add(Path.of(args[i]).toAbsolutePath().normalize());
            }
        }
        if (out == null)
            throw new IllegalArgumentException(
                    "usage: DocIndexBuilder --out FILE [--check] DIR... [--index-only DIR...]");
        JsonObject index = new JsonObject();
        List<String> missing = new ArrayList<>();
        int members = 0;
        for (Path root : concat(checked, indexed)) {
            boolean checking = checked.contains(root);
            for (Path file : sources(root)) {
                List<SourceDocs.Member> parsed =
                        SourceDocs.parse(file.getFileName().toString(), Files.readString(file));
                Map<String, String> docs = new HashMap<>();
                for (SourceDocs.Member m : parsed) docs.put(m.key(), m.doc());
                for (SourceDocs.Member m : parsed) {
                    members++;
                    if (m.doc().isEmpty()) {
                        if (checking && !m.overrides() && !describedByEnum(m, docs))
                            missing.add(
                                    file + ":" + m.line() + ": " + m.kind() + " " + m.key() + " has no doc comment");
                        continue;
                    }
                    JsonObject entry = new JsonObject();
                    entry.addProperty("signature", m.signature());
                    entry.addProperty("doc", m.doc());
                    index.add(m.key(), entry);
                }
            }
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, new GsonBuilder().disableHtmlEscaping().create().toJson(index), StandardCharsets.UTF_8);
        if (!missing.isEmpty()) {
            missing.forEach(System.err::println);
            throw new IllegalStateException("javadoc check: " + missing.size() + " public API member(s) without a doc"
                    + " comment (listed above); write one sentence each: shapes, dtype, semantics, torch equivalent");
        }
        System.out.println("javadoc index: " + index.size() + " documented of " + members + " members -> " + out);
    }

    /**
     * Constants of a one-line enum ({@code MEAN, SUM, NONE}) may be described in the enum's own comment instead,
     * each named there as {@code {@code NAME}}.
     */
    private static boolean describedByEnum(SourceDocs.Member m, Map<String, String> docs) {
        return m.kind().equals("constant") && docs.getOrDefault(m.type(), "").contains("{@code " + m.name() + "}");
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Path> sources(Path root) throws IOException {
        if (!Files.isDirectory(root)) throw new IOException("no source directory " + root);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java")
                            && !p.getFileName().toString().equals("module-info.java"))
                    .sorted()
                    .toList();
        }
    }
}
