package org.gradnote.kernel.export;

import java.util.List;

/** What one exported step did when replayed (parsed from the capture the notebook's JVM wrote). */
public record StepResult(
        String cellId,
        String stdout,
        String stderr,
        List<Shown> displays,
        String exception,
        String message,
        long millis,
        boolean timedOut) {

    /** A shown value: text, or an image by size and whether anything was drawn. */
    public record Shown(String text, int width, int height, boolean blank) {
        public boolean isImage() {
            return text == null;
        }
    }
}
