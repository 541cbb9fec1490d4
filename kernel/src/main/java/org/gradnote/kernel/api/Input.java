package org.gradnote.kernel.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.gradnote.kernel.io.StdinClient;

/**
 * Reads a line typed in the notebook: {@code Input.line("Name: ")}, or hidden with {@code Input.password("Key: ")}.
 * ({@code new Scanner(System.in)} works too; this adds a prompt and password masking.)
 */
public final class Input {
    private Input() {}

    /** The typed line, or null when the front end gives no input (not allowed, or the cell was interrupted). */
    public static String line(String prompt) {
        return read(prompt, false);
    }

    /** Like {@link #line}, but the front end hides what is typed. */
    public static String password(String prompt) {
        return read(prompt, true);
    }

    private static String read(String prompt, boolean password) {
        try {
            if (System.in instanceof StdinClient client) return client.readLine(prompt, password);
            // Outside the kernel (e.g. an exported notebook run as a program): plain console input.
            System.out.print(prompt);
            System.out.flush();
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
