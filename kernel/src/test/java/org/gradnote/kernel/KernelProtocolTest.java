package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gradnote.kernel.protocol.JupyterMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Drives one in-process kernel through real ZeroMQ sockets, as a Jupyter front end would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KernelProtocolTest extends KernelTestBase {

    @Test
    void kernelInfoHasStatusAndLanguageInfo() throws Exception {
        JupyterMessage req = client.send(client.shell, "kernel_info_request", new JsonObject());
        JsonObject c = client.reply(client.shell, req).content();
        assertEquals("ok", c.get("status").getAsString());
        assertEquals("gradnote", c.get("implementation").getAsString());
        JsonObject lang = c.getAsJsonObject("language_info");
        assertEquals("java", lang.get("name").getAsString());
        assertEquals(Runtime.version().toString(), lang.get("version").getAsString());
        assertEquals("text/x-java", lang.get("mimetype").getAsString());
        assertEquals(".java", lang.get("file_extension").getAsString());
        assertEquals("text/x-java", lang.get("codemirror_mode").getAsString());
        assertEquals("java", lang.get("pygments_lexer").getAsString());
        var statuses = client.iopubUntilIdle(req).stream()
                .filter(m -> m.type().equals("status"))
                .toList();
        assertEquals("busy", statuses.get(0).content().get("execution_state").getAsString());
    }

    /** Cells run in a JVM started with gradnote's training options (serial GC, C1), as `gradnote run` and replay do. */
    @Test
    void evaluatorJvmHasGradnoteJvmOptions() throws Exception {
        var ex = client.execute("java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()"
                + ".containsAll(org.gradnote.Gradnote.jvmOptions())");
        assertEquals("ok", ex.status());
        assertEquals("true", ex.result());
    }

    @Test
    void executeStreamsStdoutAndShowsLastExpression() throws Exception {
        var ex = client.execute("int a = 40;\nSystem.out.println(\"hello\");\nSystem.err.println(\"warn\");\na + 2");
        assertEquals("ok", ex.status());
        assertEquals("hello\n", ex.stdout());
        assertEquals("warn\n", ex.stream("stderr"));
        assertEquals("42", ex.result());
        assertEquals(1, ex.ofType("execute_input").size());
        int count = ex.reply().content().get("execution_count").getAsInt();
        assertEquals(
                count,
                ex.ofType("execute_result")
                        .get(0)
                        .content()
                        .get("execution_count")
                        .getAsInt());
    }

    @Test
    void compileErrorPointsAtCellLineAndColumn() throws Exception {
        var ex = client.execute("int ok = 1;\nint b = undefinedName + 1;");
        assertEquals("error", ex.status());
        assertEquals("CompilationError", ex.reply().content().get("ename").getAsString());
        assertTrue(
                ex.reply().content().get("evalue").getAsString().startsWith("line 2, column 9"),
                ex.reply().content().get("evalue").getAsString());
        assertEquals(1, ex.ofType("error").size());
    }

    @Test
    void runtimeErrorHasExceptionNameAndCellLine() throws Exception {
        var ex = client.execute("int zero = 0;\nint boom = 1 / zero;");
        assertEquals("error", ex.status());
        JsonObject c = ex.reply().content();
        assertEquals("java.lang.ArithmeticException", c.get("ename").getAsString());
        assertEquals("/ by zero", c.get("evalue").getAsString());
        assertTrue(c.getAsJsonArray("traceback").toString().contains("line 2"), c.toString());
    }

    /**
     * The default imports are one snippet, headed by a marker: a user importing one of them again (JShell replaces
     * a snippet by one with the same first import) keeps all the others.
     */
    @Test
    void aUsersOwnImportKeepsTheDefaultImports() throws Exception {
        for (String user : List.of("import java.io.*;", "import java.util.*;", "import org.gradnote.nn.Module;")) {
            assertEquals("ok", client.execute(user).status(), user);
        }
        var ex = client.execute(
                "new ArrayList<>(List.of(Tensor.zeros(2).shape().length, Files.exists(Path.of(\"/\")) ? 1 : 0,"
                        + " new StringReader(\"x\").read(), Module.class.getSimpleName().length()))");
        assertEquals("ok", ex.status(), ex.reply().content().toString());
        assertEquals("[1, 1, 120, 6]", ex.result());
    }

    @Test
    void completeSuggestsMembersAndMagics() throws Exception {
        JsonObject c = new JsonObject();
        // Completion sees what earlier cells defined.
        client.execute("String greeting = \"x\";");
        c.addProperty("code", "int n = 1;\ngreeting.toUpp");
        c.addProperty("cursor_pos", 25);
        JsonObject reply = client.reply(client.shell, client.send(client.shell, "complete_request", c))
                .content();
        assertEquals("ok", reply.get("status").getAsString());
        assertTrue(reply.getAsJsonArray("matches").toString().contains("toUpperCase("), reply.toString());
        assertEquals(20, reply.get("cursor_start").getAsInt());
        assertEquals(25, reply.get("cursor_end").getAsInt());

        // A declaration earlier in the same, not yet run, cell is offered too.
        c.addProperty("code", "%time int t = 0;\nString fresh = \"x\";\nfresh.toLowe");
        c.addProperty("cursor_pos", 49);
        reply = client.reply(client.shell, client.send(client.shell, "complete_request", c))
                .content();
        assertTrue(reply.getAsJsonArray("matches").toString().contains("toLowerCase("), reply.toString());
        assertEquals(43, reply.get("cursor_start").getAsInt());

        c.addProperty("code", "%ti");
        c.addProperty("cursor_pos", 3);
        reply = client.reply(client.shell, client.send(client.shell, "complete_request", c))
                .content();
        assertTrue(reply.getAsJsonArray("matches").toString().contains("%timeit"), reply.toString());
        assertEquals(0, reply.get("cursor_start").getAsInt());
    }

    @Test
    void inspectShowsSignature() throws Exception {
        JsonObject c = new JsonObject();
        c.addProperty("code", "String.valueOf");
        c.addProperty("cursor_pos", 14);
        c.addProperty("detail_level", 0);
        JsonObject reply = client.reply(client.shell, client.send(client.shell, "inspect_request", c))
                .content();
        assertEquals("ok", reply.get("status").getAsString());
        assertTrue(reply.get("found").getAsBoolean(), reply.toString());
        assertTrue(reply.getAsJsonObject("data").get("text/plain").getAsString().contains("valueOf("));
    }

    @Test
    void isCompleteDistinguishesCompleteIncompleteInvalid() throws Exception {
        assertEquals("complete", isComplete("int x = 3;").get("status").getAsString());
        JsonObject incomplete = isComplete("for (int i = 0; i < 3; i++) {");
        assertEquals("incomplete", incomplete.get("status").getAsString());
        assertEquals("    ", incomplete.get("indent").getAsString());
        assertEquals("invalid", isComplete("int 3x = ;").get("status").getAsString());
        assertEquals("complete", isComplete("%who").get("status").getAsString());
    }

    private JsonObject isComplete(String code) throws Exception {
        JsonObject c = new JsonObject();
        c.addProperty("code", code);
        return client.reply(client.shell, client.send(client.shell, "is_complete_request", c))
                .content();
    }

    @Test
    void historyTailRangeAndSearch() throws Exception {
        client.execute("String marker = \"history-probe\";");
        int count = client.execute("marker.length()")
                .reply()
                .content()
                .get("execution_count")
                .getAsInt();
        JsonObject tail = history("tail", c -> c.addProperty("n", 2));
        assertEquals("ok", tail.get("status").getAsString());
        var rows = tail.getAsJsonArray("history");
        assertEquals(2, rows.size());
        assertEquals("marker.length()", rows.get(1).getAsJsonArray().get(2).getAsString());
        JsonObject range = history("range", c -> {
            c.addProperty("session", 0);
            c.addProperty("start", count);
            c.addProperty("stop", count + 1);
            c.addProperty("output", true);
        });
        var row = range.getAsJsonArray("history").get(0).getAsJsonArray();
        assertEquals(count, row.get(1).getAsInt());
        assertEquals("13", row.get(2).getAsJsonArray().get(1).getAsString());
        JsonObject search = history("search", c -> c.addProperty("pattern", "*history-probe*"));
        assertEquals(1, search.getAsJsonArray("history").size());
    }

    private JsonObject history(String access, java.util.function.Consumer<JsonObject> extra) throws Exception {
        JsonObject c = new JsonObject();
        c.addProperty("hist_access_type", access);
        c.addProperty("raw", true);
        c.addProperty("output", false);
        extra.accept(c);
        return client.reply(client.shell, client.send(client.shell, "history_request", c))
                .content();
    }

    @Test
    void interruptStopsTightLoopAndKeepsVariables() throws Exception {
        client.execute("int kept = 7;");
        JupyterMessage req = client.sendExecute("long spins = 0;\nwhile (true) { spins++; }");
        Thread.sleep(1500); // let the loop really start: interrupting before it runs would prove nothing
        JsonObject interrupt = client.reply(
                        client.control, client.send(client.control, "interrupt_request", new JsonObject()))
                .content();
        assertEquals("ok", interrupt.get("status").getAsString());
        JupyterMessage reply = client.reply(client.shell, req);
        client.iopubUntilIdle(req);
        assertEquals("error", reply.content().get("status").getAsString());
        assertEquals("Interrupted", reply.content().get("ename").getAsString());
        assertEquals("7", client.execute("kept").result());
        assertTrue(Long.parseLong(client.execute("spins").result()) > 0);
    }

    @Test
    void interruptWhileTheCellStillCompilesStopsItBeforeItRuns() throws Exception {
        // Thirty method declarations compile one by one and run nothing: an interrupt sent meanwhile finds no user
        // code to stop. It used to be lost, and the loop after them then spun forever.
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < 30; i++)
            cell.append("int declared")
                    .append(i)
                    .append("() { return ")
                    .append(i)
                    .append("; }\n");
        cell.append("while (true) { }");
        JupyterMessage req = client.sendExecute(cell.toString());
        Thread.sleep(100);
        client.reply(client.control, client.send(client.control, "interrupt_request", new JsonObject()));
        JupyterMessage reply = client.reply(client.shell, req);
        client.iopubUntilIdle(req);
        assertEquals(
                "Interrupted",
                reply.content().get("ename").getAsString(),
                reply.content().toString());
        assertEquals("3", client.execute("1 + 2").result(), "the interrupt does not stop the next cell");
    }

    @Test
    void interruptStopsARendererThatLoops() throws Exception {
        // toString answers once (JShell's own value string) and loops when the renderer asks again.
        client.execute("class SlowToShow { int calls; public String toString() {"
                + " if (++calls > 1) while (true) { } return \"slow\"; } }");
        JupyterMessage req = client.sendExecute("new SlowToShow()");
        Thread.sleep(1500); // the renderer is looping by now
        client.reply(client.control, client.send(client.control, "interrupt_request", new JsonObject()));
        JupyterMessage reply = client.reply(client.shell, req);
        client.iopubUntilIdle(req);
        assertEquals(
                "Interrupted",
                reply.content().get("ename").getAsString(),
                reply.content().toString());
        assertEquals("3", client.execute("1 + 2").result(), "the session goes on");
    }

    @Test
    void redefinitionsTakeEffect() throws Exception {
        // JShell replaces a changed method through the engine (JDI redefine or a new wrapper class): both must work.
        client.execute("int version() { return 1; }\nint twice() { return 2 * version(); }");
        assertEquals("2", client.execute("twice()").result());
        client.execute("int version() { return 5; }");
        assertEquals("10", client.execute("twice()").result());
        client.execute("record Pt(int x) { int y() { return x + 1; } }");
        client.execute("record Pt(int x) { int y() { return x + 2; } }");
        assertEquals("3", client.execute("new Pt(1).y()").result());
    }

    @Test
    void unicodeOutputArrivesIntact() throws Exception {
        var ex = client.execute("System.out.println(\"h\u00e9llo \u00b0C \u2713 \uD83D\uDE00\");\n"
                + "System.err.println(\"\u00e9\");\n\"\u00e0 la\"");
        assertEquals("h\u00e9llo \u00b0C \u2713 \uD83D\uDE00\n", ex.stdout());
        assertEquals("\u00e9\n", ex.stream("stderr"));
        assertEquals("\u00e0 la", ex.result());
    }

    @Test
    void systemExitRestartsEvaluatorAndKernelLives() throws Exception {
        var ex = client.execute("System.exit(3);");
        assertEquals("error", ex.status());
        assertEquals("EvaluatorExited", ex.reply().content().get("ename").getAsString());
        assertEquals("2", client.execute("1 + 1").result());
    }

    @Test
    void badSignatureIsDroppedAndNextMessageAnswered() throws Exception {
        JupyterMessage bad = client.message("execute_request", executeContent("System.out.println(\"must not run\");"));
        List<byte[]> frames = client.codec.encode(bad);
        int sig = indexOfDelimiter(frames) + 1;
        frames.set(sig, "0".repeat(64).getBytes(StandardCharsets.US_ASCII));
        TestClient.sendFrames(client.shell, frames);
        JupyterMessage unsigned = client.message("kernel_info_request", new JsonObject());
        frames = client.codec.encode(unsigned);
        frames.set(indexOfDelimiter(frames) + 1, new byte[0]);
        TestClient.sendFrames(client.shell, frames);

        var ex = client.execute("\"still alive\"");
        assertEquals("still alive", ex.result());
        assertNull(client.receive(client.shell, 200), "no reply to the forged messages");
        assertEquals(2, running.kernel().transport().shell().droppedCount());
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (new String(frames.get(i), StandardCharsets.US_ASCII).equals("<IDS|MSG>")) return i;
        }
        throw new AssertionError();
    }

    private static JsonObject executeContent(String code) {
        JsonObject c = new JsonObject();
        c.addProperty("code", code);
        c.addProperty("silent", false);
        return c;
    }

    @Test
    void displayAndUpdateById() throws Exception {
        var ex = client.execute(
                "String id = Display.show(\"first\");\nDisplay.update(id, \"second\");\nDisplay.html(\"<b>x</b>\");");
        assertEquals("ok", ex.status());
        var shown = ex.ofType("display_data");
        assertEquals(2, shown.size());
        assertEquals(
                "first",
                shown.get(0).content().getAsJsonObject("data").get("text/plain").getAsString());
        String id = shown.get(0)
                .content()
                .getAsJsonObject("transient")
                .get("display_id")
                .getAsString();
        var updated = ex.ofType("update_display_data");
        assertEquals(1, updated.size());
        assertEquals(
                id,
                updated.get(0)
                        .content()
                        .getAsJsonObject("transient")
                        .get("display_id")
                        .getAsString());
        assertEquals(
                "<b>x</b>",
                shown.get(1).content().getAsJsonObject("data").get("text/html").getAsString());
    }

    @Test
    void magicsRunAndBadMagicStopsCell() throws Exception {
        var ex = client.execute("%time int timed = 5;");
        assertEquals("ok", ex.status());
        assertTrue(ex.stdout().contains("Wall time:"), ex.stdout());
        var bad = client.execute("int notRun = 1;\n%nosuchmagic");
        assertEquals("error", bad.status());
        assertEquals("UsageError", bad.reply().content().get("ename").getAsString());
        var check = client.execute("notRun");
        assertEquals("error", check.status(), "the Java before a bad magic must not run");
        var who = client.execute("%who");
        assertTrue(who.stdout().contains("timed"), who.stdout());
    }

    @Test
    void commInfoIsEmpty() throws Exception {
        JsonObject reply = client.reply(client.shell, client.send(client.shell, "comm_info_request", new JsonObject()))
                .content();
        assertEquals("ok", reply.get("status").getAsString());
        assertEquals(0, reply.getAsJsonObject("comms").size());
    }
}
