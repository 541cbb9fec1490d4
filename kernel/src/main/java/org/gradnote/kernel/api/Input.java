package org.gradnote.kernel.api;

import com.google.gson.JsonObject;
import org.gradnote.kernel.io.Markers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a line typed in the notebook: {@code Input.line("Name: ")}, or hidden with {@code Input.password("Key: ")}.
 * ({@code new Scanner(System.in)} works too; this adds a prompt and password masking.)
 */
public final class Input {
    private Input() {}

    public static String line(String prompt) {
        return read(prompt, false);
    }

    public static String password(String prompt) {
        return read(prompt, true);
    }

    private static String read(String prompt, boolean password) {
        JsonObject request = new JsonObject();
        request.addProperty("prompt", prompt);
        request.addProperty("password", password);
        System.out.flush();
        System.out.println(Markers.encode(Markers.INPUT, request));
        System.out.flush();
        // Byte by byte so nothing past the line is consumed from System.in.
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = System.in.read()) >= 0 && b != '\n') line.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
