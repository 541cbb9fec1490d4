package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gradnote.kernel.docs.Javadocs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Shift+Tab (inspect_request): signatures with gradnote's javadoc from its index, the JDK's from src.zip if present. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KernelInspectTest extends KernelTestBase {

    @AfterEach
    void defaultDocs() {
        running.kernel().javadocs(Javadocs.load());
    }

    private String inspect(String code, int detail, boolean found) throws Exception {
        JsonObject c = new JsonObject();
        c.addProperty("code", code);
        c.addProperty("cursor_pos", code.length());
        c.addProperty("detail_level", detail);
        JsonObject reply = client.reply(client.shell, client.send(client.shell, "inspect_request", c))
                .content();
        assertEquals("ok", reply.get("status").getAsString(), reply.toString());
        assertEquals(found, reply.get("found").getAsBoolean(), reply.toString());
        return found ? reply.getAsJsonObject("data").get("text/plain").getAsString() : "";
    }

    @Test
    void gradnoteMethodShowsFirstSentenceAtDetail0AndWholeDocAtDetail1() throws Exception {
        String brief = inspect("Tensor.ones(2, 3).slice(", 0, true);
        assertTrue(
                brief.contains("Tensor Tensor.slice(int dim, long start, long end)\n"
                        + "Elements start..end-1 along a dimension (negative indices count from the end)."),
                brief);
        assertFalse(brief.contains("Unlike PyTorch's slicing"), brief);
        String whole = inspect("Tensor.ones(2, 3).slice(", 1, true);
        assertTrue(whole.contains("Unlike PyTorch's slicing this is a copy, not a view"), whole);
        assertTrue(
                whole.contains("Tensor Tensor.slice(int dim, long start, long end, long step)\nEvery step-th element"),
                whole);
    }

    @Test
    void gradnoteStaticFactoryTypeAndPlotsAreDocumented() throws Exception {
        String zeros = inspect("Tensor.zeros", 0, true);
        assertTrue(
                zeros.contains("Tensor Tensor.zeros(long... shape)\nA new tensor of the given shape filled with zeros"),
                zeros);
        String type = inspect("Tensor", 0, true);
        assertTrue(type.startsWith("org.gradnote.tensor.Tensor\nAn n-dimensional array on ND4J"), type);
        String line = inspect("Plots.line(", 0, true);
        assertTrue(line.lines().count() >= 2, "Plots.line() has no javadoc: " + line);
        String loss = inspect("Loss.crossEntropy(", 0, true);
        assertTrue(loss.contains("nn.CrossEntropyLoss()"), loss);
    }

    @Test
    void jdkMethodWithSourcesShowsItsJavadoc(@TempDir Path tmp) throws Exception {
        // A stand-in for $JAVA_HOME/lib/src.zip (Debian's openjdk-17-source): String.valueOf(Object) documented.
        Path zip = tmp.resolve("src.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("java.base/java/lang/String.java"));
            out.write("""
                    package java.lang;
                    /** Strings. */
                    public final class String {
                        /**
                         * Returns the string representation of the {@code Object} argument. Null gives "null".
                         *
                         * @param obj an {@code Object}.
                         * @return a string.
                         */
                        public static String valueOf(Object obj) { return null; }
                    }
                    """.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        running.kernel().javadocs(Javadocs.load(zip));
        String brief = inspect("String.valueOf(", 0, true);
        assertTrue(
                brief.contains("String String.valueOf(Object obj)\nReturns the string representation of the Object"
                        + " argument.\n"),
                brief);
        assertFalse(brief.contains("Null gives"), brief);
        assertTrue(brief.contains("String String.valueOf(int i)\n"), "other overloads listed: " + brief);
        String whole = inspect("String.valueOf(", 1, true);
        assertTrue(
                whole.contains("Null gives \"null\".\n\nParameters:\n  obj - an Object.\n\nReturns:\n  a string."),
                whole);
    }

    @Test
    void jdkMethodWithoutSourcesShowsSignaturesOnly(@TempDir Path tmp) throws Exception {
        running.kernel().javadocs(Javadocs.load(tmp.resolve("no-such/src.zip")));
        String text = inspect("String.valueOf(", 1, true);
        assertTrue(text.contains("String String.valueOf(Object obj)"), text);
        assertTrue(text.lines().filter(l -> !l.isBlank()).allMatch(l -> l.startsWith("String String.valueOf(")), text);
    }

    @Test
    void nothingKnownIsNotFound() throws Exception {
        inspect("int unknownThing = 3; ", 0, false);
    }
}
