package org.gradnote.kernel.display;

import java.util.Optional;

/**
 * Plug-in (found with {@link java.util.ServiceLoader}) turning a value into a MIME bundle; the renderer with the
 * highest priority that accepts a value wins.
 */
public interface Renderer {

    /** A bundle for {@code value}, or empty when this renderer does not handle it. */
    Optional<MimeBundle> render(Object value);

    /** Higher runs first; the default text renderer is {@link Integer#MIN_VALUE}. */
    default int priority() {
        return 0;
    }
}
