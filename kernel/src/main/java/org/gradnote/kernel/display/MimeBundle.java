package org.gradnote.kernel.display;

import com.google.gson.JsonObject;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A MIME bundle: mime type to data (text, or base64 for binary types such as {@code image/png}), plus the
 * per-type metadata Jupyter reads beside it (an image's display size).
 */
public final class MimeBundle {
    private final Map<String, String> data = new LinkedHashMap<>();
    private final JsonObject metadata = new JsonObject();

    /** A bundle holding only {@code text/plain}. */
    public static MimeBundle text(String text) {
        return new MimeBundle().with("text/plain", text);
    }

    /** Adds (or replaces) the data of one mime type; returns this bundle. */
    public MimeBundle with(String mimeType, String value) {
        data.put(mimeType, value);
        return this;
    }

    /** Adds {@code image/png} data, base64-encoded; returns this bundle. */
    public MimeBundle withPng(byte[] png) {
        return with("image/png", Base64.getEncoder().encodeToString(png));
    }

    /**
     * Sets the size at which front ends show an image of {@code mimeType}, in CSS pixels (a PNG rasterised at 2x for
     * sharp screens is shown at half its pixel size); returns this bundle.
     */
    public MimeBundle withImageSize(String mimeType, int width, int height) {
        JsonObject size = new JsonObject();
        size.addProperty("width", width);
        size.addProperty("height", height);
        metadata.add(mimeType, size);
        return this;
    }

    /** Mime type to data, in insertion order. */
    public Map<String, String> data() {
        return Map.copyOf(data);
    }

    /** The data as a Jupyter {@code data} object; {@code text/plain} is always present. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        data.forEach(o::addProperty);
        if (!o.has("text/plain")) o.addProperty("text/plain", "");
        return o;
    }

    /** The Jupyter {@code metadata} object that goes with {@link #toJson()} (empty when nothing was set). */
    public JsonObject metadataJson() {
        return metadata.deepCopy();
    }
}
