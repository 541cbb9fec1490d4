package org.gradnote.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.gradnote.kernel.jshell.ErrorInfo;
import org.gradnote.kernel.protocol.JupyterMessage;
import org.gradnote.kernel.protocol.KernelSocket;
import org.gradnote.kernel.protocol.MessageFactory;

/** Publishes IOPub messages (status, streams, results, displays, errors) on behalf of the current request. */
final class Publisher {
    private final KernelSocket iopub;
    private final MessageFactory messages;
    private volatile JupyterMessage parent;

    Publisher(KernelSocket iopub, MessageFactory messages) {
        this.iopub = iopub;
        this.messages = messages;
    }

    /** The request that output is attributed to from now on. */
    void setParent(JupyterMessage parent) {
        this.parent = parent;
    }

    void send(JupyterMessage request, String type, JsonObject content) {
        iopub.send(messages.publish(request, type, content));
    }

    void status(JupyterMessage request, String state) {
        JsonObject c = new JsonObject();
        c.addProperty("execution_state", state);
        send(request, "status", c);
    }

    void stream(String name, String text) {
        if (text.isEmpty()) return;
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("text", text);
        send(parent, "stream", c);
    }

    void executeInput(String code, int count) {
        JsonObject c = new JsonObject();
        c.addProperty("code", code);
        c.addProperty("execution_count", count);
        send(parent, "execute_input", c);
    }

    void executeResult(int count, JsonObject data, JsonObject metadata) {
        JsonObject c = new JsonObject();
        c.addProperty("execution_count", count);
        c.add("data", data);
        c.add("metadata", metadata);
        send(parent, "execute_result", c);
    }

    void display(JsonObject data, JsonObject metadata, String displayId, boolean update) {
        JsonObject c = new JsonObject();
        c.add("data", data);
        c.add("metadata", metadata);
        JsonObject transient_ = new JsonObject();
        if (displayId != null) transient_.addProperty("display_id", displayId);
        c.add("transient", transient_);
        send(parent, update ? "update_display_data" : "display_data", c);
    }

    void error(ErrorInfo error) {
        send(parent, "error", errorContent(error));
    }

    static JsonObject errorContent(ErrorInfo error) {
        JsonObject c = new JsonObject();
        c.addProperty("ename", error.ename());
        c.addProperty("evalue", error.evalue());
        JsonArray trace = new JsonArray();
        error.traceback().forEach(trace::add);
        c.add("traceback", trace);
        return c;
    }
}
