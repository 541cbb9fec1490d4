package org.gradnote.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.gradnote.kernel.history.SessionHistory;
import org.gradnote.kernel.jshell.CodeAssist;
import org.gradnote.kernel.jshell.CompletenessChecker;
import org.gradnote.kernel.protocol.JupyterMessage;
import org.gradnote.kernel.protocol.KernelSocket;

/** Requests on the shell socket, one at a time; each is wrapped in busy/idle status and gets a reply with status. */
final class ShellRequests {
    private static final System.Logger LOG = System.getLogger(ShellRequests.class.getName());
    private final GradnoteKernel kernel;
    /** Requests that use the evaluator JVM, so wait for its background start; the others are answered at once. */
    private static final java.util.Set<String> NEED_EVALUATOR =
            java.util.Set.of("execute_request", "complete_request", "inspect_request", "is_complete_request");

    private final ExecuteHandler execute;

    ShellRequests(GradnoteKernel kernel) {
        this.kernel = kernel;
        this.execute = new ExecuteHandler(kernel);
    }

    void handle(JupyterMessage request) {
        StartupTrace.mark(request.type());
        kernel.publisher().status(request, "busy");
        try {
            if (NEED_EVALUATOR.contains(request.type())) kernel.awaitEvaluator();
            switch (request.type()) {
                case "execute_request" -> execute.handle(request);
                case "kernel_info_request" -> reply(request, "kernel_info_reply", KernelInfo.content());
                case "complete_request" -> reply(request, "complete_reply", complete(request.content()));
                case "inspect_request" -> reply(request, "inspect_reply", inspect(request.content()));
                case "is_complete_request" -> reply(request, "is_complete_reply", isComplete(request.content()));
                case "history_request" -> reply(request, "history_reply", history(request.content()));
                case "comm_info_request" -> {
                    JsonObject c = ok();
                    c.add("comms", new JsonObject());
                    reply(request, "comm_info_reply", c);
                }
                case "shutdown_request" -> shutdown(request, kernel.transport().shell());
                case "comm_open" -> closeUnknownComm(request);
                // Comms this kernel never opened (it opens none yet): nothing to deliver a message or a close to.
                case "comm_msg", "comm_close" ->
                    LOG.log(
                            System.Logger.Level.DEBUG,
                            request.type() + " for unknown comm " + string(request.content(), "comm_id", "?"));
                default -> LOG.log(System.Logger.Level.WARNING, "unhandled shell message " + request.type());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed on " + request.type(), e);
            if (request.type().endsWith("_request")) {
                JsonObject c = new JsonObject();
                c.addProperty("status", "error");
                c.addProperty("ename", e.getClass().getSimpleName());
                c.addProperty("evalue", String.valueOf(e.getMessage()));
                c.add("traceback", new JsonArray());
                reply(request, request.type().replace("_request", "_reply"), c);
            }
        } finally {
            if (!kernel.isStopped()) kernel.publisher().status(request, "idle");
        }
    }

    /**
     * A front end (a widget library, say) opened a comm to a target this kernel does not have: close it at once, as
     * ipykernel does, so the front end stops waiting on it. There are no comm targets yet (widgets come later).
     */
    private void closeUnknownComm(JupyterMessage request) {
        String id = string(request.content(), "comm_id", "");
        LOG.log(
                System.Logger.Level.INFO,
                "no comm target '" + string(request.content(), "target_name", "") + "': closing comm " + id);
        JsonObject c = new JsonObject();
        c.addProperty("comm_id", id);
        c.add("data", new JsonObject());
        kernel.publisher().send(request, "comm_close", c);
    }

    void shutdown(JupyterMessage request, KernelSocket socket) {
        boolean restart = request.content().has("restart")
                && request.content().get("restart").getAsBoolean();
        JsonObject c = ok();
        c.addProperty("restart", restart);
        socket.send(kernel.messages().reply(request, "shutdown_reply", c));
        kernel.publisher().status(request, "idle");
        kernel.requestShutdown(restart);
    }

    private void reply(JupyterMessage request, String type, JsonObject content) {
        kernel.transport().shell().send(kernel.messages().reply(request, type, content));
    }

    private static JsonObject ok() {
        JsonObject c = new JsonObject();
        c.addProperty("status", "ok");
        return c;
    }

    private JsonObject complete(JsonObject request) {
        String code = request.get("code").getAsString();
        int cursor = Cursors.toCharIndex(code, request.get("cursor_pos").getAsInt());
        CodeAssist.Completions completions = codeAssist().complete(code, cursor);
        JsonObject c = ok();
        JsonArray matches = new JsonArray();
        completions.matches().forEach(matches::add);
        c.add("matches", matches);
        c.addProperty("cursor_start", Cursors.toCodePoints(code, completions.start()));
        c.addProperty("cursor_end", Cursors.toCodePoints(code, completions.end()));
        c.add("metadata", new JsonObject());
        return c;
    }

    private JsonObject inspect(JsonObject request) {
        String code = request.get("code").getAsString();
        int cursor = Cursors.toCharIndex(code, request.get("cursor_pos").getAsInt());
        JsonElement detail = request.get("detail_level");
        String doc = codeAssist().inspect(code, cursor, detail == null || detail.isJsonNull() ? 0 : detail.getAsInt());
        JsonObject c = ok();
        c.addProperty("found", !doc.isEmpty());
        JsonObject data = new JsonObject();
        if (!doc.isEmpty()) data.addProperty("text/plain", doc);
        c.add("data", data);
        c.add("metadata", new JsonObject());
        return c;
    }

    private JsonObject isComplete(JsonObject request) {
        var verdict = new CompletenessChecker(kernel.evaluator())
                .check(request.get("code").getAsString());
        JsonObject c = new JsonObject();
        c.addProperty("status", verdict.status());
        if (verdict.status().equals("incomplete")) c.addProperty("indent", verdict.indent());
        return c;
    }

    private JsonObject history(JsonObject request) {
        SessionHistory history = kernel.history();
        boolean output = bool(request, "output");
        String access = string(request, "hist_access_type", "tail");
        List<SessionHistory.Entry> entries = switch (access) {
            case "range" ->
                history.range(
                        integer(request, "session", 0), integer(request, "start", 1), integer(request, "stop", 0));
            case "search" ->
                history.search(string(request, "pattern", "*"), integer(request, "n", 0), bool(request, "unique"));
            default -> history.tail(integer(request, "n", 10));
        };
        JsonArray list = new JsonArray();
        for (SessionHistory.Entry e : entries) {
            JsonArray row = new JsonArray();
            row.add(e.session());
            row.add(e.line());
            if (output) {
                JsonArray io = new JsonArray();
                io.add(e.input());
                io.add(e.output());
                row.add(io);
            } else {
                row.add(e.input());
            }
            list.add(row);
        }
        JsonObject c = ok();
        c.add("history", list);
        return c;
    }

    private CodeAssist codeAssist() {
        return new CodeAssist(
                kernel.evaluator(),
                kernel.magics().names(false),
                kernel.magics().names(true),
                kernel.javadocs());
    }

    private static boolean bool(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && !e.isJsonNull() && e.getAsBoolean();
    }

    private static int integer(JsonObject o, String name, int fallback) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? fallback : e.getAsInt();
    }

    private static String string(JsonObject o, String name, String fallback) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }
}
