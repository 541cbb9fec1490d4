package org.gradnote.kernel.display;

import com.google.gson.JsonObject;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A MIME bundle: mime type to data (text, or base64 for binary types such as {@code image/png}). */
public final class MimeBundle {
    private final Map<String, String> data = new LinkedHashMap<>();

    public static MimeBundle text(String text) {
        return new MimeBundle().with("text/plain", text);
    }

    public MimeBundle with(String mimeType, String value) {
        data.put(mimeType, value);
        return this;
    }

    public MimeBundle withPng(byte[] png) {
        return with("image/png", Base64.getEncoder().encodeToString(png));
    }

    public Map<String, String> data() {
        return Map.copyOf(data);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        data.forEach(o::addProperty);
        if (!o.has("text/plain")) o.addProperty("text/plain", "");
        return o;
    }
}
