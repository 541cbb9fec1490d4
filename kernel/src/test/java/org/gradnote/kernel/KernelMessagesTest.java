package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradnote.kernel.protocol.JupyterMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a user reads: %time figures, compile and runtime error texts, comms, and output printed between cells. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KernelMessagesTest extends KernelTestBase {

    /** %%time measures the code's execution (not its compilation, reported apart) and prints before the value. */
    @Test
    void cellTimeMeasuresExecutionAndPrintsBeforeTheValue() throws Exception {
        var ex = client.execute("%%time\nThread.sleep(300);\n6 * 7");
        assertEquals("ok", ex.status(), ex.reply().content().toString());
        double wallMs = millis(ex.stdout(), "Wall time");
        // The sleep and little else; a loaded machine adds scheduling delay, so the bound is loose (compiling the
        // cell, which it used to include, took 50-300 ms more and is now on a line of its own).
        assertTrue(wallMs >= 299 && wallMs < 1000, "execution only, not compilation: " + ex.stdout());
        assertTrue(millis(ex.stdout(), "Compile time") > 0, ex.stdout());
        assertEquals("42", ex.result());
        List<String> order = new ArrayList<>();
        for (JupyterMessage m : ex.iopub())
            if (m.type().equals("stream") || m.type().equals("execute_result")) order.add(m.type());
        assertEquals("execute_result", order.get(order.size() - 1), "the value comes after the timing: " + order);
    }

    /** %time on a println: the printed line, then the timing (a few ms of execution, not 200 of compiling). */
    @Test
    void lineTimeOfAPrintln() throws Exception {
        var ex = client.execute("%time System.out.println(\"hi\")");
        assertEquals("ok", ex.status(), ex.reply().content().toString());
        assertTrue(ex.stdout().startsWith("hi\nWall time: "), ex.stdout());
        assertTrue(millis(ex.stdout(), "Wall time") < 100, ex.stdout());
    }

    private static double millis(String text, String label) {
        Matcher m = Pattern.compile(label + ": ([0-9.]+) (ns|µs|ms|s)").matcher(text);
        assertTrue(m.find(), label + " in " + text);
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> v / 1e6;
            case "µs" -> v / 1e3;
            case "ms" -> v;
            default -> v * 1e3;
        };
    }

    /** javac's "location: class " (JShell's nameless wrapper) names the cell and line instead. */
    @Test
    void compileErrorLocationNamesTheCellAndLine() throws Exception {
        var ex = client.execute("int fine = 1;\nint broken = notDefinedAnywhere + 1;");
        assertEquals("error", ex.status());
        String trace = String.join("\n", strings(ex.reply().content()));
        int count = ex.reply().content().get("execution_count").getAsInt();
        assertTrue(trace.contains("location: cell [" + count + "], line 2"), trace);
        assertFalse(Pattern.compile("(?m)location: class\\s*$").matcher(trace).find(), trace);
    }

    /** A long message arrives as one line, words whole, in evalue and traceback alike. */
    @Test
    void longMessagesAreNotWrapped() throws Exception {
        String words = "the quick brown fox jumps over the lazy dog and keeps running across all these variables "
                .repeat(4)
                .strip();
        var runtime = client.execute("throw new IllegalArgumentException(\"" + words + "\");");
        assertEquals(words, runtime.reply().content().get("evalue").getAsString());
        assertTrue(
                strings(runtime.reply().content()).get(0).endsWith(words),
                strings(runtime.reply().content()).get(0));
        String longName = "aVeryLongVariableNameThatNobodyDeclaredAnywhereInThisSessionOfTheKernel".repeat(2);
        var compile = client.execute("int y = " + longName + ";");
        String evalue = compile.reply().content().get("evalue").getAsString();
        assertTrue(evalue.contains("cannot find symbol"), evalue);
        for (String line : strings(compile.reply().content())) {
            if (line.contains("symbol:")) assertTrue(line.contains("variable " + longName), line);
        }
    }

    private static List<String> strings(JsonObject reply) {
        List<String> out = new ArrayList<>();
        reply.getAsJsonArray("traceback").forEach(e -> out.add(e.getAsString()));
        return out;
    }

    /** comm_info is answered; a comm opened to a target the kernel lacks is closed, with no error logged. */
    @Test
    void unknownCommIsClosedPolitely() throws Exception {
        JsonObject info = new JsonObject();
        info.addProperty("target_name", "jupyter.widget");
        JupyterMessage infoRequest = client.send(client.shell, "comm_info_request", info);
        JsonObject reply = client.reply(client.shell, infoRequest).content();
        assertEquals("ok", reply.get("status").getAsString());
        assertEquals(0, reply.getAsJsonObject("comms").size());

        JsonObject open = new JsonObject();
        open.addProperty("comm_id", "c0ffee");
        open.addProperty("target_name", "jupyter.widget");
        open.add("data", new JsonObject());
        JupyterMessage openRequest = client.send(client.shell, "comm_open", open);
        var messages = client.iopubUntilIdle(openRequest);
        var closes =
                messages.stream().filter(m -> m.type().equals("comm_close")).toList();
        assertEquals(1, closes.size(), messages.toString());
        assertEquals("c0ffee", closes.get(0).content().get("comm_id").getAsString());
        assertEquals("ok", client.execute("1").status(), "the kernel goes on");
    }

    /**
     * A background thread printing after its cell finished: the text is not lost but published, under the cell that
     * is current when it arrives (the next cell when one runs, as nbclient and JupyterLab only listen to that one).
     */
    @Test
    void outputPrintedBetweenCellsIsKept() throws Exception {
        var start = client.execute("new Thread(() -> { try { Thread.sleep(600); } catch (InterruptedException e) { }"
                + " System.out.println(\"late line\"); }).start();");
        assertEquals("ok", start.status());
        assertFalse(start.stdout().contains("late line"));
        Thread.sleep(1500);
        var next = client.execute("\"next\"");
        assertEquals("late line\n", next.stdout(), "kept and shown in the next cell's output");
    }
}
