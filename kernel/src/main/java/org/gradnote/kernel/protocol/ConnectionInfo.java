package org.gradnote.kernel.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The contents of a Jupyter connection file: where to bind and how to sign. */
public record ConnectionInfo(
        String transport,
        String ip,
        int shellPort,
        int controlPort,
        int stdinPort,
        int hbPort,
        int iopubPort,
        String signatureScheme,
        String key) {

    public static ConnectionInfo read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static ConnectionInfo parse(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new ConnectionInfo(
                o.has("transport") ? o.get("transport").getAsString() : "tcp",
                o.has("ip") ? o.get("ip").getAsString() : "127.0.0.1",
                o.get("shell_port").getAsInt(),
                o.get("control_port").getAsInt(),
                o.get("stdin_port").getAsInt(),
                o.get("hb_port").getAsInt(),
                o.get("iopub_port").getAsInt(),
                o.has("signature_scheme") ? o.get("signature_scheme").getAsString() : "hmac-sha256",
                o.has("key") ? o.get("key").getAsString() : "");
    }

    /** The ZeroMQ endpoint for one port, bound only to the connection file's address. */
    public String endpoint(int port) {
        return "ipc".equals(transport) ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }

    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("transport", transport);
        o.addProperty("ip", ip);
        o.addProperty("shell_port", shellPort);
        o.addProperty("control_port", controlPort);
        o.addProperty("stdin_port", stdinPort);
        o.addProperty("hb_port", hbPort);
        o.addProperty("iopub_port", iopubPort);
        o.addProperty("signature_scheme", signatureScheme);
        o.addProperty("key", key);
        return o.toString();
    }
}
