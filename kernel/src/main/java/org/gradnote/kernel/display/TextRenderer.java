package org.gradnote.kernel.display;

import java.util.Optional;
import org.gradnote.plots.notebook.Texts;

/**
 * Fallback renderer: {@code toString()}, with arrays shown by content rather than identity — through {@link Texts},
 * the rule exported notebooks print with, so the kernel and replay agree by construction.
 */
public final class TextRenderer implements Renderer {
    @Override
    public Optional<MimeBundle> render(Object value) {
        return Optional.of(MimeBundle.text(text(value)));
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    static String text(Object value) {
        return Texts.of(value);
    }
}
