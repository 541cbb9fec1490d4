package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gradnote.kernel.jshell.EvaluatorConfig;
import org.gradnote.kernel.protocol.JupyterMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** kernel_info is answered while the evaluator JVM is still starting; an execute sent meanwhile waits for it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KernelStartupTest {

    @Test
    void kernelInfoDoesNotWaitForTheEvaluatorButExecuteDoes() throws Exception {
        TestClient.BoundKernel bound = TestClient.bindKernel(EvaluatorConfig.fromKernel(List.of()));
        // The evaluator start is held until the test lets it go, so "before the evaluator is up" is certain, not timed.
        CountDownLatch gate = new CountDownLatch(1);
        try (GradnoteKernel kernel = bound.kernel();
                TestClient client = new TestClient(bound.info())) {
            kernel.start(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            JupyterMessage infoRequest = client.send(client.shell, "kernel_info_request", new JsonObject());
            JupyterMessage reply = client.reply(client.shell, infoRequest);
            assertFalse(kernel.evaluatorStarted(), "answered before the evaluator JVM was started");
            JsonObject language = reply.content().getAsJsonObject("language_info");
            assertEquals("java", language.get("name").getAsString());
            assertEquals(Runtime.version().toString(), language.get("version").getAsString());

            JupyterMessage execute = client.sendExecute("6 * 7");
            assertNull(
                    client.receive(client.shell, 1000), "execute must wait for the evaluator, not fail or run early");
            gate.countDown();
            JupyterMessage executeReply = client.reply(client.shell, execute);
            assertEquals(
                    "ok",
                    executeReply.content().get("status").getAsString(),
                    executeReply.content().toString());
            assertTrue(kernel.evaluatorStarted());
            assertEquals("42", new TestClient.Execution(executeReply, client.iopubUntilIdle(execute)).result());
        }
    }

    @Test
    void anEvaluatorJvmThatCannotLaunchIsNamedByTheFirstCellAndTheKernelKeepsServing() throws Exception {
        // The launch runs in the background while JShell compiles (LaunchingControl): its failure must still reach
        // the user as the reason, not as an odd failure of whatever needed the JVM first.
        TestClient.BoundKernel bound =
                TestClient.bindKernel(EvaluatorConfig.fromKernel(List.of("-XX:+NoSuchGradnoteOption")));
        try (GradnoteKernel kernel = bound.kernel();
                TestClient client = new TestClient(bound.info())) {
            kernel.start();
            JupyterMessage execute = client.sendExecute("6 * 7");
            JsonObject reply = client.reply(client.shell, execute).content();
            assertEquals("error", reply.get("status").getAsString(), reply.toString());
            String evalue = reply.get("evalue").getAsString();
            assertTrue(evalue.contains("The evaluator JVM did not start"), evalue);
            assertTrue(evalue.contains("Unrecognized VM option 'NoSuchGradnoteOption'"), evalue);
            JupyterMessage info = client.send(client.shell, "kernel_info_request", new JsonObject());
            assertEquals(
                    "java",
                    client.reply(client.shell, info)
                            .content()
                            .getAsJsonObject("language_info")
                            .get("name")
                            .getAsString());
        }
    }
}
