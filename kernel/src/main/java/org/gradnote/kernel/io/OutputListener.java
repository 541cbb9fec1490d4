package org.gradnote.kernel.io;

import com.google.gson.JsonObject;

/** Receives what the evaluator writes: plain text per stream, and decoded {@link Markers}. */
public interface OutputListener {
    void text(String stream, String text);

    void marker(String stream, String tag, JsonObject payload);
}
