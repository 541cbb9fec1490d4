package org.gradnote.kernel.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of normalized notebook cells and of generated bodies: staleness by content, never by timestamps. */
public final class Hashes {
    private Hashes() {}

    /** Code cells' ids and sources, with line ends and trailing whitespace normalized; outputs do not count. */
    public static String cells(NotebookFile notebook) {
        StringBuilder b = new StringBuilder();
        for (NotebookCell c : notebook.cells()) {
            if (!c.isCode()) continue;
            b.append(c.id()).append('\u0000').append(normalize(c.source())).append('\u0001');
        }
        return sha256(b.toString());
    }

    static String normalize(String source) {
        String[] lines = source.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (String line : lines) b.append(line.stripTrailing()).append('\n');
        return b.toString().strip();
    }

    public static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
