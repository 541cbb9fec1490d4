package org.gradnote.kernel;

import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.gradnote.kernel.io.StdinBridge;
import org.gradnote.kernel.protocol.JupyterMessage;
import org.gradnote.kernel.protocol.KernelSocket;
import org.gradnote.kernel.protocol.MessageFactory;

/** Sends {@code input_request} on the stdin socket for the running execute request and waits for the reply. */
final class StdinFrontend implements StdinBridge.Frontend {
    private final KernelSocket stdin;
    private final MessageFactory messages;
    private final JupyterMessage executeRequest;
    private final BooleanSupplier cancelled;
    private final Runnable beforeRequest;

    StdinFrontend(
            KernelSocket stdin,
            MessageFactory messages,
            JupyterMessage executeRequest,
            BooleanSupplier cancelled,
            Runnable beforeRequest) {
        this.stdin = stdin;
        this.messages = messages;
        this.executeRequest = executeRequest;
        this.cancelled = cancelled;
        this.beforeRequest = beforeRequest;
    }

    @Override
    public Optional<String> requestLine(String prompt, boolean password) {
        beforeRequest.run(); // a prompt printed with System.out.print must be visible before the input box
        JsonObject content = new JsonObject();
        content.addProperty("prompt", prompt);
        content.addProperty("password", password);
        // Routed with the execute request's identities: the stdin socket of the same client answers.
        stdin.send(messages.reply(executeRequest, "input_request", content));
        while (!cancelled.getAsBoolean()) {
            Optional<JupyterMessage> reply = stdin.receive(100);
            if (reply.isPresent() && reply.get().type().equals("input_reply")) {
                var value = reply.get().content().get("value");
                return Optional.of(value == null ? "" : value.getAsString());
            }
        }
        return Optional.empty();
    }
}
