package org.gradnote.kernel.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The outputs a notebook stored for a cell, reduced to what replay compares: stdout text, shown values (text, or
 * image size) and the error's exception name.
 */
public record ExpectedOutput(String stdout, List<StepResult.Shown> displays, String errorName) {

    public static ExpectedOutput of(JsonArray outputs) {
        StringBuilder stdout = new StringBuilder();
        List<StepResult.Shown> displays = new ArrayList<>();
        String error = null;
        for (JsonElement e : outputs) {
            JsonObject o = e.getAsJsonObject();
            String type = o.has("output_type") ? o.get("output_type").getAsString() : "";
            switch (type) {
                case "stream" -> {
                    if ("stdout".equals(o.has("name") ? o.get("name").getAsString() : "")) {
                        stdout.append(NotebookReader.source(o.get("text")));
                    }
                }
                case "execute_result", "display_data" -> {
                    JsonObject data = o.getAsJsonObject("data");
                    if (data != null && data.has("image/png")) {
                        int[] size = shownSize(o, NotebookReader.source(data.get("image/png")));
                        displays.add(new StepResult.Shown(null, size[0], size[1], false));
                    } else if (data != null && data.has("text/plain")) {
                        displays.add(new StepResult.Shown(NotebookReader.source(data.get("text/plain")), 0, 0, false));
                    }
                }
                case "error" -> error = o.has("ename") ? o.get("ename").getAsString() : "Error";
                default -> {}
            }
        }
        return new ExpectedOutput(stdout.toString(), displays, error);
    }

    /**
     * The size a PNG output is shown at: its metadata's width and height when set (a chart rasterised at 2x for
     * sharp screens declares its logical size there, which is what replay draws), else the PNG's own pixels.
     */
    static int[] shownSize(JsonObject output, String base64) {
        if (output.has("metadata") && output.get("metadata").isJsonObject()) {
            JsonObject meta = output.getAsJsonObject("metadata");
            if (meta.has("image/png") && meta.get("image/png").isJsonObject()) {
                JsonObject size = meta.getAsJsonObject("image/png");
                if (size.has("width") && size.has("height")) {
                    return new int[] {
                        size.get("width").getAsInt(), size.get("height").getAsInt()
                    };
                }
            }
        }
        return pngSize(base64);
    }

    /** Width and height from a base64 PNG's IHDR chunk; {@code {-1, -1}} if it is not a PNG. */
    static int[] pngSize(String base64) {
        try {
            byte[] png = Base64.getMimeDecoder().decode(base64);
            if (png.length < 24 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') return new int[] {-1, -1};
            return new int[] {readInt(png, 16), readInt(png, 20)};
        } catch (IllegalArgumentException e) {
            return new int[] {-1, -1};
        }
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
