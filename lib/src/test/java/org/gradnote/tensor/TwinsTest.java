package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The float/double twin files are what their templates generate (see {@link Twins}). */
class TwinsTest {
    private static final Path ROOT = Twins.root(Path.of("").toAbsolutePath());

    @Test
    void everyGeneratedFileIsUpToDate() throws IOException {
        List<Path> templates = Twins.templates(ROOT);
        assertFalse(templates.isEmpty(), "no templates under " + Twins.TEMPLATES);
        for (Path template : templates) {
            Path target = Twins.target(ROOT, template);
            String expected =
                    Twins.render(Files.readString(template, StandardCharsets.UTF_8), Twins.relative(ROOT, template));
            assertTrue(Files.exists(target), Twins.relative(ROOT, target) + " is missing");
            assertEquals(
                    expected,
                    Files.readString(target, StandardCharsets.UTF_8),
                    Twins.relative(ROOT, target) + " is stale or was edited by hand: edit "
                            + Twins.relative(ROOT, template)
                            + ", then run java lib/src/test/java/org/gradnote/tensor/Twins.java"
                            + " and mvn spotless:apply (which must change nothing)");
        }
    }

    @Test
    void anIfRegionBecomesAChainAndMembersRepeat() {
        String template = String.join(
                "\n",
                "class X {",
                "    // twin:begin",
                "    static float one(float[] v) {",
                "        return (float) Math.sqrt(v[0]) + 2f; //@double: return Math.sqrt(v[0]) + 2;",
                "    }",
                "    // twin:end",
                "    static void two(Object t, float[] f) {",
                "        // twin:begin else",
                "        if (t == DataType.FLOAT) {",
                "            float[] a = s.floats(0, 1); // float32",
                "            a[0] = (float) a[0] * 2f;",
                "        }",
                "        // twin:end",
                "    }",
                "}",
                "");
        String out = Twins.render(template, "X.java.template");
        assertEquals(
                String.join(
                        "\n",
                        "class X {",
                        "    static float one(float[] v) {",
                        "        return (float) Math.sqrt(v[0]) + 2f;",
                        "    }",
                        "",
                        "    static double one(double[] v) {",
                        "        return Math.sqrt(v[0]) + 2;",
                        "    }",
                        "    static void two(Object t, float[] f) {",
                        "        if (t == DataType.FLOAT) {",
                        "            float[] a = s.floats(0, 1); // float32",
                        "            a[0] = (float) a[0] * 2f;",
                        "        } else {",
                        "            double[] a = s.doubles(0, 1); // float64",
                        "            a[0] = a[0] * 2d;",
                        "        }",
                        "    }",
                        "}",
                        ""),
                out.substring(out.indexOf("class X")));
        assertTrue(out.startsWith("// GENERATED from X.java.template"), out);
    }

    @Test
    void badTemplatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Twins.render("class X {}\n", "X"));
        assertThrows(IllegalArgumentException.class, () -> Twins.render("// twin:begin\nint x;\n", "X"));
        assertThrows(
                IllegalArgumentException.class, () -> Twins.render("// twin:begin else\nint x;\n// twin:end\n", "X"));
    }
}
