package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gradnote.kernel.protocol.JupyterMessage;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Reading stdin in a cell: input_request/input_reply through the kernel's own stdin channel. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KernelStdinTest extends KernelTestBase {

    /** Repeated: the old JShell forwarding hung here now and then (an extra byte asked for after the line). */
    @RepeatedTest(5)
    void stdinScannerReadsFromFrontEnd() throws Exception {
        JupyterMessage req = client.sendExecute(
                "System.out.print(\"name? \");\nvar sc = new Scanner(System.in);\nString name = sc.nextLine();\n\"hi \" + name");
        JupyterMessage inputRequest = nextInputRequest();
        assertFalse(inputRequest.content().get("password").getAsBoolean());
        answer(inputRequest, "Ada");
        assertEquals(
                "ok", client.reply(client.shell, req).content().get("status").getAsString());
        var ex = new TestClient.Execution(null, client.iopubUntilIdle(req));
        assertEquals("hi Ada", ex.result());
        assertEquals("name? ", ex.stdout());
    }

    @Test
    void passwordPromptIsMarked() throws Exception {
        JupyterMessage req = client.sendExecute("String secret = Input.password(\"Key: \");\nsecret.length()");
        JupyterMessage inputRequest = nextInputRequest();
        assertTrue(inputRequest.content().get("password").getAsBoolean());
        assertEquals("Key: ", inputRequest.content().get("prompt").getAsString());
        answer(inputRequest, "s3cret");
        client.reply(client.shell, req);
        assertEquals("6", new TestClient.Execution(null, client.iopubUntilIdle(req)).result());
    }

    @Test
    void twoLinesTwoRequestsAndUnicode() throws Exception {
        JupyterMessage req = client.sendExecute("var in2 = new BufferedReader(new InputStreamReader(System.in));\n"
                + "String a = in2.readLine();\nString b = Input.line(\"second: \");\na + \"|\" + b");
        answer(nextInputRequest(), "Grüße");
        JupyterMessage second = nextInputRequest();
        assertEquals("second: ", second.content().get("prompt").getAsString());
        answer(second, "x y");
        client.reply(client.shell, req);
        assertEquals("Grüße|x y", new TestClient.Execution(null, client.iopubUntilIdle(req)).result());
    }

    @Test
    void interruptWhileWaitingForInputEndsCellAndKernelGoesOn() throws Exception {
        JupyterMessage req = client.sendExecute("String never = Input.line(\"wait: \");");
        nextInputRequest(); // the cell is now blocked on input
        client.reply(client.control, client.send(client.control, "interrupt_request", new JsonObject()));
        JupyterMessage reply = client.reply(client.shell, req);
        client.iopubUntilIdle(req);
        assertEquals("error", reply.content().get("status").getAsString());
        assertEquals("Interrupted", reply.content().get("ename").getAsString());
        assertEquals("5", client.execute("2 + 3").result());
        // The channel still works after a read was cut short.
        JupyterMessage again = client.sendExecute("Input.line(\"again: \")");
        answer(nextInputRequest(), "yes");
        client.reply(client.shell, again);
        assertEquals("yes", new TestClient.Execution(null, client.iopubUntilIdle(again)).result());
    }

    @Test
    void noStdinAllowedGivesEndOfFile() throws Exception {
        JsonObject c = new JsonObject();
        c.addProperty("code", "new Scanner(System.in).hasNextLine()");
        c.addProperty("silent", false);
        c.addProperty("allow_stdin", false);
        JupyterMessage req = client.send(client.shell, "execute_request", c);
        client.reply(client.shell, req);
        assertEquals("false", new TestClient.Execution(null, client.iopubUntilIdle(req)).result());
        assertNull(client.receive(client.stdin, 200), "no input_request when the front end does not allow stdin");
    }

    private JupyterMessage nextInputRequest() throws Exception {
        JupyterMessage m = client.receive(client.stdin, TestClient.TIMEOUT_MS);
        assertNotNull(m, "no input_request");
        assertEquals("input_request", m.type());
        return m;
    }

    private void answer(JupyterMessage inputRequest, String value) {
        JsonObject content = new JsonObject();
        content.addProperty("value", value);
        TestClient.sendFrames(
                client.stdin,
                client.codec.encode(new JupyterMessage(
                        List.of(),
                        client.message("input_reply", content).header(),
                        inputRequest.header(),
                        new JsonObject(),
                        content,
                        List.of())));
    }
}
