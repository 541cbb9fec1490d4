package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gradnote.kernel.jshell.EvaluatorConfig;
import org.gradnote.kernel.protocol.ConnectionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Shutdown with restart: the kernel replies, stops, and a new kernel on the same connection starts fresh. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KernelRestartTest {

    @Test
    void shutdownWithRestartThenFreshKernelOnSamePorts() throws Exception {
        TestClient.BoundKernel bound = TestClient.bindKernel(EvaluatorConfig.fromKernel(List.of()));
        ConnectionInfo info = bound.info();
        GradnoteKernel first = bound.kernel();
        first.start();
        try (TestClient client = new TestClient(info)) {
            client.awaitIopub();
            assertEquals("ok", client.execute("int before = 1;").status());
            JsonObject c = new JsonObject();
            c.addProperty("restart", true);
            JsonObject reply = client.reply(client.control, client.send(client.control, "shutdown_request", c))
                    .content();
            assertEquals("ok", reply.get("status").getAsString());
            assertTrue(reply.get("restart").getAsBoolean());
            assertTrue(first.awaitShutdown(30, TimeUnit.SECONDS), "restart requested");
        }
        GradnoteKernel second = new GradnoteKernel(info, EvaluatorConfig.fromKernel(List.of()));
        second.start();
        try (TestClient client = new TestClient(info)) {
            client.awaitIopub();
            assertEquals("error", client.execute("before").status(), "a restarted kernel has no old variables");
            assertEquals("3", client.execute("1 + 2").result());
        } finally {
            second.close();
        }
    }
}
