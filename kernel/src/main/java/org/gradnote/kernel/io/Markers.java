package org.gradnote.kernel.io;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * In-band messages from the evaluator JVM to the kernel, written as one stdout line: a record-separator character,
 * a tag, a colon and base64 JSON. Sharing the stdout pipe keeps displays in order with printed text.
 */
public final class Markers {
    public static final char START = '\u001e';
    public static final String PREFIX = START + "gradnote:";
    public static final String DISPLAY = "display";
    public static final String RESULT = "result";
    public static final String INPUT = "input";
    public static final String FENCE = "fence";

    private Markers() {}

    public static String encode(String tag, JsonObject payload) {
        return PREFIX + tag + ":"
                + Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Tag of a marker line (without the newline). */
    public static String tag(String line) {
        int colon = line.indexOf(':', PREFIX.length());
        return line.substring(PREFIX.length(), colon);
    }

    public static JsonObject payload(String line) {
        int colon = line.indexOf(':', PREFIX.length());
        byte[] json = Base64.getDecoder().decode(line.substring(colon + 1).strip());
        return JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
