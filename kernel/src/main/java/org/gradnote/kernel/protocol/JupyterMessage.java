package org.gradnote.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/** One Jupyter message: routing identities, the four JSON dicts and optional binary buffers. */
public record JupyterMessage(
        List<byte[]> identities,
        JsonObject header,
        JsonObject parentHeader,
        JsonObject metadata,
        JsonObject content,
        List<byte[]> buffers) {

    public String type() {
        return string(header, "msg_type");
    }

    public String id() {
        return string(header, "msg_id");
    }

    public String session() {
        return string(header, "session");
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    @Override
    public String toString() {
        return type() + " " + content;
    }
}
