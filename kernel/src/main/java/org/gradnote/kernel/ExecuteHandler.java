package org.gradnote.kernel;

import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gradnote.kernel.jshell.ErrorInfo;
import org.gradnote.kernel.protocol.JupyterMessage;

/** Handles {@code execute_request}: counts, publishes input, runs the cell, publishes result or error, replies. */
final class ExecuteHandler {
    private final GradnoteKernel kernel;
    private int executionCount;

    ExecuteHandler(GradnoteKernel kernel) {
        this.kernel = kernel;
    }

    void handle(JupyterMessage request) {
        JsonObject content = request.content();
        String code = content.get("code").getAsString();
        boolean silent = flag(content, "silent", false);
        boolean storeHistory = flag(content, "store_history", !silent) && !silent;
        boolean allowStdin = flag(content, "allow_stdin", true);
        if (storeHistory) executionCount++;
        int count = Math.max(executionCount, 1);
        Publisher publisher = kernel.publisher();
        publisher.setParent(request);
        if (!silent) {
            publisher.executeInput(code, count);
            kernel.output().cellStarting(); // what background threads printed since the last cell, first
        }
        if (storeHistory) kernel.history().add(count, code);

        kernel.clearInterrupt();
        AtomicBoolean cellOver = new AtomicBoolean();
        kernel.stdin()
                .attach(
                        allowStdin
                                ? new StdinFrontend(
                                        kernel.transport().stdin(),
                                        kernel.messages(),
                                        request,
                                        () -> cellOver.get() || kernel.interruptRequested() || kernel.isStopped(),
                                        kernel.output()::flush)
                                : (prompt, password) -> Optional.empty());
        kernel.output().onResult((data, metadata) -> {
            if (silent) return;
            publisher.executeResult(count, data, metadata);
            if (storeHistory && data.has("text/plain"))
                kernel.history().setOutput(count, data.get("text/plain").getAsString());
        });

        Optional<ErrorInfo> error =
                code.isBlank() ? Optional.empty() : kernel.cells().run(code, "cell [" + count + "]");
        StartupTrace.mark("cell evaluated");
        kernel.output().flush();
        kernel.output().cellEnded();
        cellOver.set(true); // a thread the cell left reading stdin gets end-of-file, not the next cell's input box
        kernel.stdin().detach();

        JsonObject reply = new JsonObject();
        reply.addProperty("execution_count", count);
        if (error.isPresent()) {
            publisher.error(error.get());
            reply = Publisher.errorContent(error.get());
            reply.addProperty("status", "error");
            reply.addProperty("execution_count", count);
        } else {
            reply.addProperty("status", "ok");
            reply.add("payload", new com.google.gson.JsonArray());
            reply.add("user_expressions", new JsonObject());
        }
        kernel.transport().shell().send(kernel.messages().reply(request, "execute_reply", reply));
    }

    private static boolean flag(JsonObject o, String name, boolean fallback) {
        var e = o.get(name);
        return e == null || e.isJsonNull() ? fallback : e.getAsBoolean();
    }
}
