package org.gradnote.kernel.protocol;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** Builds headers and reply/publish messages for one kernel session. */
public final class MessageFactory {
    public static final String PROTOCOL_VERSION = "5.3";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");
    private final String session = UUID.randomUUID().toString();

    public JsonObject header(String type) {
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", UUID.randomUUID().toString());
        h.addProperty("session", session);
        h.addProperty("username", "kernel");
        h.addProperty("date", OffsetDateTime.now(ZoneOffset.UTC).format(ISO));
        h.addProperty("msg_type", type);
        h.addProperty("version", PROTOCOL_VERSION);
        return h;
    }

    /** A reply routed back to the requester (same identities, parent header = the request's header). */
    public JupyterMessage reply(JupyterMessage request, String type, JsonObject content) {
        return new JupyterMessage(
                request.identities(), header(type), request.header(), new JsonObject(), content, List.of());
    }

    /** An IOPub message; parent may be null for messages not caused by a request (e.g. the first status). */
    public JupyterMessage publish(JupyterMessage parent, String type, JsonObject content) {
        return new JupyterMessage(
                List.of(type.getBytes(StandardCharsets.UTF_8)),
                header(type),
                parent == null ? new JsonObject() : parent.header(),
                new JsonObject(),
                content,
                List.of());
    }
}
