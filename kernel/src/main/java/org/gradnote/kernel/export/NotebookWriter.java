package org.gradnote.kernel.export;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a notebook back as Jupyter does (one-space indent, sources as lists of lines, UTF-8 unescaped). */
public final class NotebookWriter {
    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .setFormattingStyle(FormattingStyle.PRETTY.withIndent(" "))
            .serializeNulls()
            .create();

    private NotebookWriter() {}

    public static void write(Path path, JsonObject notebook) throws IOException {
        AtomicFiles.write(path, GSON.toJson(notebook) + "\n");
    }

    /** A source string as nbformat's list of lines, each but the last ending in a newline. */
    static JsonArray lines(String source) {
        JsonArray out = new JsonArray();
        int start = 0;
        while (start < source.length()) {
            int nl = source.indexOf('\n', start);
            int end = nl < 0 ? source.length() : nl + 1;
            out.add(source.substring(start, end));
            start = end;
        }
        return out;
    }
}
