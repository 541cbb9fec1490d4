package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gradnote.kernel.jshell.ClassPaths;
import org.gradnote.kernel.protocol.ConnectionInfo;
import org.gradnote.kernel.protocol.JupyterMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel process born with SIGINT ignored (started from a non-interactive shell's background job, as `./gradnote
 * test &` did) logs that signal-mode interrupts cannot work, and a message-mode interrupt still stops a tight loop.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class KernelSigintIgnoredTest {

    @Test
    void sigintIgnoredFromBirthIsLoggedAndMessageInterruptStillWorks(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("kernel.log");
        ConnectionInfo info = null;
        Process kernel = null;
        // The child binds ports the test probed; another process may take one in between, so probe again (as
        // TestClient.bindKernel does in-process) when the kernel exits complaining of it.
        for (int attempt = 1; kernel == null; attempt++) {
            info = TestClient.newConnection();
            Process started = start(dir, info, log);
            if (awaitBound(started, log)) {
                kernel = started;
            } else if (attempt == 3 || !Files.readString(log).contains("Address already in use")) {
                fail("the kernel exited before binding its sockets (exit " + started.exitValue() + "):\n"
                        + Files.readString(log));
            }
        }
        try (TestClient client = new TestClient(info)) {
            try {
                client.awaitIopub();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; kernel alive: " + kernel.isAlive() + "; its log:\n"
                        + Files.readString(log));
            }
            String text = Files.readString(log);
            assertTrue(text.contains("SIGINT is ignored in this process"), text);

            assertEquals("ok", client.execute("1").status(), "the evaluator is up");
            JupyterMessage loop = client.sendExecute("long spins = 0;\nwhile (true) { spins++; }");
            Thread.sleep(1000);
            // On a loaded machine the loop may still be compiling at the first interrupt: press again, as a user would.
            JupyterMessage replyMessage = null;
            for (int attempt = 0; attempt < 10 && replyMessage == null; attempt++) {
                JupyterMessage interrupt = client.send(client.control, "interrupt_request", new JsonObject());
                assertEquals(
                        "ok",
                        client.reply(client.control, interrupt)
                                .content()
                                .get("status")
                                .getAsString());
                replyMessage = client.receive(client.shell, 3000);
            }
            assertNotNull(replyMessage, "message-mode interrupt stops the loop");
            JsonObject reply = replyMessage.content();
            assertEquals("error", reply.get("status").getAsString(), reply.toString());
            assertEquals("Interrupted", reply.get("ename").getAsString());
            assertEquals("ok", client.execute("1 + 1").status(), "the session goes on");

            JsonObject shutdown = new JsonObject();
            shutdown.addProperty("restart", false);
            client.reply(client.control, client.send(client.control, "shutdown_request", shutdown));
            assertTrue(kernel.waitFor(30, TimeUnit.SECONDS), "the kernel exits after shutdown_request");
        } finally {
            kernel.destroyForcibly();
        }
    }

    private static Process start(Path dir, ConnectionInfo info, Path log) throws Exception {
        Path connection = Files.writeString(dir.resolve("kernel.json"), info.toJson());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // bash's `trap "" INT` sets SIG_IGN, which exec keeps: the JVM starts exactly as a background job's would.
        String command = "trap '' INT; exec \"$0\" -cp \"$1\" org.gradnote.kernel.Main kernel \"$2\"";
        return new ProcessBuilder(
                        "bash",
                        "-c",
                        command,
                        java,
                        String.join(File.pathSeparator, ClassPaths.ofKernel()),
                        connection.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Whether the kernel logged its SIGINT line, which it does once its sockets are bound, before it exited. */
    private static boolean awaitBound(Process kernel, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + TestClient.TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.readString(log).contains("SIGINT is ignored in this process")) return true;
            if (!kernel.isAlive()) return Files.readString(log).contains("SIGINT is ignored in this process");
            Thread.sleep(50);
        }
        return true; // still alive and silent: awaitIopub reports it with the log
    }
}
