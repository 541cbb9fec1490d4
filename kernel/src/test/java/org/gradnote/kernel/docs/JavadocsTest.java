package org.gradnote.kernel.docs;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading doc comments from sources, rendering them for a tooltip, and finding them for JShell's signatures. */
class JavadocsTest {

    static final String SOURCE = """
            package p;

            import java.util.List;

            /** A demo type. It has two sentences. */
            public class Demo<T> {
                /** The answer, {@code 42}. */
                public static final int ANSWER = 42;

                public int undocumented;

                private int hidden;

                /** Makes one. */
                public Demo(int size) {}

                /**
                 * Sums {@code values} along {@link #dim(int) a dimension}. The result is new.
                 *
                 * <p>Second paragraph with &lt;tags&gt;.
                 * @param values the values, shape [n]
                 * @param keepDim whether to keep it
                 * @return the sum
                 * @throws IllegalArgumentException when empty
                 */
                public static double sum(List<Double> values, boolean keepDim) { return 0; }

                /** Varargs. */
                public static int count(long... shape) { return 0; }

                /** Arrays. */
                protected int[][] grid(int[] a, Map.Entry<String, int[]> e) { return null; }

                @Override
                public String toString() { return ""; }

                int dim(int d) { return d; }

                /** Nested. */
                public interface Inner {
                    /** Runs. */
                    void run();

                    /** Kinds: {@code A} and {@code B}. */
                    enum Kind { A, B }
                }
            }

            class PackagePrivate {
                /** Not API. */
                public void invisible() {}
            }
            """;

    @Test
    void parsesPublicAndProtectedMembersWithKeysAndDocs() {
        List<SourceDocs.Member> members = SourceDocs.parse("Demo.java", SOURCE);
        Map<String, SourceDocs.Member> byKey = new java.util.HashMap<>();
        members.forEach(m -> byKey.put(m.key(), m));
        assertEquals("A demo type. It has two sentences.", byKey.get("p.Demo").doc());
        assertEquals("class", byKey.get("p.Demo").kind());
        assertEquals("The answer, {@code 42}.", byKey.get("p.Demo#ANSWER").doc());
        assertEquals("", byKey.get("p.Demo#undocumented").doc());
        assertFalse(byKey.containsKey("p.Demo#hidden"));
        assertEquals("constructor", byKey.get("p.Demo#Demo(int)").kind());
        assertEquals(
                "public static double sum(List<Double> values, boolean keepDim)",
                byKey.get("p.Demo#sum(List,boolean)").signature());
        assertTrue(byKey.containsKey("p.Demo#count(long...)"));
        assertTrue(byKey.containsKey("p.Demo#grid(int[],Entry)"), byKey.keySet().toString());
        assertTrue(byKey.get("p.Demo#toString()").overrides());
        assertFalse(byKey.containsKey("p.Demo#dim(int)"));
        assertEquals("Runs.", byKey.get("p.Demo.Inner#run()").doc());
        assertEquals("constant", byKey.get("p.Demo.Inner.Kind#A").kind());
        assertFalse(members.stream().anyMatch(m -> m.type().contains("PackagePrivate")));
    }

    @Test
    void rendersFirstSentenceAndWholeDocAsPlainText() {
        String raw = SourceDocs.parse("Demo.java", SOURCE).stream()
                .filter(m -> m.name().equals("sum"))
                .findFirst()
                .orElseThrow()
                .doc();
        assertEquals("Sums values along a dimension.", DocText.firstSentence(raw));
        String full = DocText.full(raw);
        assertTrue(
                full.startsWith("Sums values along a dimension. The result is new.\n\nSecond paragraph with <tags>."),
                full);
        assertTrue(
                full.contains("Parameters:\n  values - the values, shape [n]\n  keepDim - whether to keep it"), full);
        assertTrue(full.contains("Returns:\n  the sum"), full);
        assertTrue(full.contains("Throws:\n  IllegalArgumentException - when empty"), full);
        assertEquals(
                "See Tensor.zeros(long...) or sum.",
                DocText.firstSentence("See {@link Tensor#zeros(long...)} or {@link #sum}. More."));
        assertEquals(
                "Uses the zeros factory.",
                DocText.firstSentence("Uses the {@linkplain Tensor#zeros(long...) zeros} factory."));
        assertEquals(
                "Takes a List<Double>, <b>not</b> a list.",
                DocText.full("Takes a {@code List<Double>}, &lt;b&gt;not&lt;/b&gt; a <i>list</i>."));
        // code examples keep their lines
        assertEquals(
                "Scale:\n\n    Scaler s = Scaler.standard().fit(x);\n    if (ok) { s.transform(y); }\n\nThen plot.",
                DocText.full(
                        "Scale:\n <pre>{@code\n Scaler s = Scaler.standard().fit(x);\n if (ok) { s.transform(y); }\n }</pre>\n Then plot."));
    }

    @Test
    void readsJShellSignatures() {
        assertEquals(
                new Signatures.Ref("Tensor", "zeros", List.of("long...")),
                Signatures.parse("Tensor Tensor.zeros(long... shape)").orElseThrow());
        assertEquals(
                new Signatures.Ref("java.util.ArrayList", "add", List.of("int", "E")),
                Signatures.parse("void java.util.ArrayList<E>.add(int index, E element)")
                        .orElseThrow());
        assertEquals(
                new Signatures.Ref("java.util.ArrayList", "ArrayList", List.of("Collection")),
                Signatures.parse("java.util.ArrayList<E>(java.util.Collection<? extends E> c)")
                        .orElseThrow());
        assertEquals(
                new Signatures.Ref("Map", "of", List.of("K", "V", "K", "V")),
                Signatures.parse("<K, V> Map<K, V> Map.of(K k1, V v1, K k2, V v2)")
                        .orElseThrow());
        assertEquals(
                new Signatures.Ref("Math", "PI", null),
                Signatures.parse("Math.PI:double").orElseThrow());
        assertEquals(
                new Signatures.Ref("DType", "FLOAT32", null),
                Signatures.parse("DType.FLOAT32").orElseThrow());
        assertEquals(
                new Signatures.Ref("org.gradnote.optim.SGD", null, null),
                Signatures.parse("org.gradnote.optim.SGD").orElseThrow());
        assertEquals(
                new Signatures.Ref("org.gradnote.tensor.Tensor", null, null),
                Signatures.parse("t:org.gradnote.tensor.Tensor").orElseThrow());
        assertEquals(Optional.empty(), Signatures.parse("int square(int x)"));
    }

    @Test
    void findsJdkDocsInSrcZipAndSignaturesOnlyWithout(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("src.zip");
        writeZip(zip, "java.base/p/Demo.java", SOURCE);
        Javadocs withSources = new Javadocs(Map.of(), zip);
        assertTrue(withSources.knowsType("p.Demo"));
        assertTrue(withSources.knowsType("p.Demo.Inner"));
        assertEquals(
                "Makes one.",
                withSources.find("p.Demo", "Demo", List.of("int")).orElseThrow().raw());
        // parameter spellings that differ from the source's still match the only overload of that arity
        assertEquals(
                "Arrays.",
                withSources
                        .find("p.Demo", "grid", List.of("int[]", "Map.Entry"))
                        .orElseThrow()
                        .raw());
        assertEquals(
                "Runs.",
                withSources.find("p.Demo.Inner", "run", List.of()).orElseThrow().raw());
        String shown = Signatures.describe(
                "double Demo.sum(List<Double> values, boolean keepDim)",
                0,
                withSources,
                name -> name.equals("Demo") ? "p.Demo" : null);
        assertEquals("double Demo.sum(List<Double> values, boolean keepDim)\nSums values along a dimension.", shown);

        Javadocs without = new Javadocs(Map.of(), tmp.resolve("absent/src.zip"));
        assertFalse(without.knowsType("p.Demo"));
        assertEquals(
                "double Demo.sum(List<Double> values, boolean keepDim)",
                Signatures.describe(
                        "double Demo.sum(List<Double> values, boolean keepDim)", 1, without, name -> "p.Demo"));
    }

    @Test
    void theBuiltIndexHasGradnotesDocs() {
        Javadocs docs = Javadocs.load(Path.of("/nonexistent/src.zip"));
        assertTrue(docs.knowsType("org.gradnote.tensor.Tensor"), "no javadoc index on the class path");
        String zeros = docs.find("org.gradnote.tensor.Tensor", "zeros", List.of("long..."))
                .orElseThrow()
                .raw();
        assertTrue(DocText.firstSentence(zeros).startsWith("A new tensor of the given shape filled with zeros"), zeros);
    }

    static void writeZip(Path zip, String entry, String text) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
