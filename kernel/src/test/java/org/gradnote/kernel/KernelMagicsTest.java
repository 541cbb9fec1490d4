package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The general magics run in a real kernel (they were only parse-tested before). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KernelMagicsTest extends KernelTestBase {

    private TestClient.Execution ok(String code) throws Exception {
        var ex = client.execute(code);
        assertEquals("ok", ex.status(), () -> ex.reply().content() + "\nstdout: " + ex.stdout());
        return ex;
    }

    @Test
    void lsmagicListsEveryMagicWithUsage() throws Exception {
        String out = ok("%lsmagic").stdout();
        for (String usage : List.of("%seed N", "%maven GROUP:ARTIFACT:VERSION...", "%%writefile [-a] PATH", "%who")) {
            assertTrue(out.contains(usage), out);
        }
    }

    @Test
    void whoAndWhosShowVariables() throws Exception {
        ok("String whoProbe = \"line one\\nline two\";");
        String who = ok("%who").stdout();
        assertTrue(who.contains("whoProbe"), who);
        String whos = ok("%whos").stdout();
        assertTrue(
                whos.lines()
                        .anyMatch(l -> l.startsWith("whoProbe")
                                && l.contains("String")
                                && l.contains("\"line one\\nline two\"")),
                whos);
    }

    @Test
    void historyPrintsEarlierInputsWithNumbers() throws Exception {
        int n = ok("int historyProbe = 1;")
                .reply()
                .content()
                .get("execution_count")
                .getAsInt();
        String out = ok("%history -n -l 2").stdout();
        assertTrue(out.contains(n + ": int historyProbe = 1;"), out);
        assertTrue(ok("%history " + n).stdout().strip().equals("int historyProbe = 1;"));
    }

    @Test
    void htmlAndMarkdownAreDisplayed() throws Exception {
        var html = ok("%%html\n<b>bold</b>").ofType("display_data");
        assertEquals(
                "<b>bold</b>",
                html.get(0).content().getAsJsonObject("data").get("text/html").getAsString());
        var md = ok("%%markdown\n# Title").ofType("display_data");
        assertEquals(
                "# Title",
                md.get(0).content().getAsJsonObject("data").get("text/markdown").getAsString());
    }

    @Test
    void writefileThenLoadRunsTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("snippet.jsh");
        ok("%%writefile " + file + "\nint loaded = 6 * 7;");
        ok("%%writefile -a " + file + "\nString alsoLoaded = \"yes\";");
        assertEquals("int loaded = 6 * 7;\nString alsoLoaded = \"yes\";\n", Files.readString(file));
        ok("%load " + file);
        assertEquals("42 yes", ok("loaded + \" \" + alsoLoaded").result());
    }

    @Test
    void loadNotebookRunsCodeCellsInOrderAndStopsAtTheFirstFailure(@TempDir Path dir) throws Exception {
        Path nb = dir.resolve("steps.ipynb");
        Files.writeString(nb, """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                 {"cell_type": "markdown", "id": "md", "metadata": {}, "source": "int nbSkipped = 1; // markdown: not run"},
                 {"cell_type": "code", "id": "c1", "metadata": {}, "outputs": [], "execution_count": null,
                  "source": ["int nbA = 2;\\n", "System.out.println(1000 + nbA);"]},
                 {"cell_type": "code", "id": "c2", "metadata": {}, "outputs": [], "execution_count": null,
                  "source": "%who\\nint nbB = nbA * 21;"},
                 {"cell_type": "code", "id": "bad", "metadata": {}, "outputs": [], "execution_count": null,
                  "source": "int nbC = 1;\\nObject o = null; o.hashCode();"},
                 {"cell_type": "code", "id": "after", "metadata": {}, "outputs": [], "execution_count": null,
                  "source": "int nbAfter = 1;"}
                ]}""");
        var ex = client.execute("%load " + nb);
        assertEquals("error", ex.status());
        String evalue = ex.reply().content().get("evalue").getAsString();
        assertTrue(evalue.startsWith(nb + " cell 4 (index 3, id \"bad\") failed: "), evalue);
        assertTrue(evalue.contains("NullPointerException"), evalue);
        String traceback = ex.reply().content().getAsJsonArray("traceback").toString();
        assertTrue(traceback.contains("stopped at cell 4 (index 3, id \\\"bad\\\")"), traceback);
        assertTrue(ex.stdout().contains("1002"), ex.stdout());
        assertTrue(ex.stdout().contains("nbA"), "the %who in a notebook cell ran: " + ex.stdout());
        assertEquals("42 1", ok("nbB + \" \" + nbC").result(), "cells before the failure, and its first line, ran");
        for (String notRun : List.of("nbSkipped", "nbAfter")) {
            assertEquals("error", client.execute(notRun).status(), notRun + " must not be defined");
        }
    }

    @Test
    void timeitPrintsMeanAndSpread() throws Exception {
        String out = ok("%timeit -n 10 -r 3 Math.sqrt(2.0)").stdout();
        assertTrue(out.matches("(?s).* per loop \\(mean ± std\\. dev\\. of 3 runs, 10 loops each\\)\\s*"), out);
    }

    @Test
    void jarsNeedsAMatchingJar(@TempDir Path dir) throws Exception {
        var ex = client.execute("%jars " + dir.resolve("*.jar"));
        assertEquals("error", ex.status());
        assertTrue(
                ex.reply().content().get("evalue").getAsString().contains("no match"),
                ex.reply().content().toString());
        String cp = ok("%classpath").stdout();
        assertTrue(
                cp.lines().anyMatch(l -> l.endsWith("jfreechart-1.5.6.jar")),
                "no argument prints the class path: " + cp);
    }
}
